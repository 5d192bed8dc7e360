/**
 * `trailsim query` over an exported S3 tree (Athena's `cloudtrail_logs` columns), and
 * Parquet export with Lake's columns (`exportParquet`, `trailsim export`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { exportParquetFromJsonl, exportParquetFromS3Tree } from '../../src/export/parquet.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import { queryS3Tree, findTrailLogFiles } from '../../src/cloudtrail/lake/s3-tree-query.js';
import { ATHENA_COLUMNS } from '../../src/cloudtrail/lake/athena-table.js';
import { openDuckDB, closeDuckDB } from '../../src/cloudtrail/lake/duckdb-loader.js';
import { CLOUDTRAIL_COLUMNS } from '../../src/cloudtrail/lake/lake-schema.js';
import { exportParquet } from '../../src/export/parquet.js';
import { queryCommand } from '../../src/cli/query.js';
import { exportCommand } from '../../src/cli/export.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

let dir: string;
let cacheDir: string;
let records: CloudTrailRecord[];

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailsim-lake-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'trailsim-cache-'));
  const sim = createSimulation({ seed: 9, start: '2026-03-01T10:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', id: '111122223333', regions: ['us-east-1', 'eu-west-1'] });
  const alice = prod.iamUser('alice');
  // The fixture is about queries: the session gets no issuing AssumeRole record.
  const dev = prod.role('dev').session({ sessionName: 'jo', createdAt: sim.now, issuedBy: false });
  sim.call(alice, 's3:CreateBucket', { bucketName: 'reports' });
  sim.call(alice, 'iam:ListUsers');
  sim.call(dev, 'ec2:DescribeInstances', undefined, { region: 'eu-west-1' });
  sim.advance('1d');
  sim.call(alice, 'iam:ListUsers', undefined, { error: 'AccessDenied' });
  records = sim.records();
  // Trail delivery layout: one file per account, Region and day.
  const files = new Map<string, CloudTrailRecord[]>();
  for (const r of records) {
    const [y, m, d] = r.eventTime.slice(0, 10).split('-');
    const p = join(dir, 'trail-bucket', 'AWSLogs', r.recipientAccountId!, 'CloudTrail', r.awsRegion, y, m, d, `${r.recipientAccountId}_CloudTrail_${r.awsRegion}_${y}${m}${d}T0000Z_x.json.gz`);
    files.set(p, [...(files.get(p) ?? []), r]);
  }
  for (const [p, rs] of files) {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, gzipSync(JSON.stringify({ Records: rs })));
  }
  // Not trail logs: digests, Insights, other files.
  const digest = join(dir, 'trail-bucket', 'AWSLogs', '111122223333', 'CloudTrail-Digest', 'us-east-1', '2026', '03', '01', 'd.json.gz');
  mkdirSync(dirname(digest), { recursive: true });
  writeFileSync(digest, gzipSync(JSON.stringify({ digestStartTime: 'x' })));
  writeFileSync(join(dir, 'trail-bucket', 'notes.txt'), 'hello');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('queryS3Tree', () => {
  it('finds the trail log files only', () => {
    const files = findTrailLogFiles(dir);
    expect(files).toHaveLength(3);
    expect(files.every((f) => f.includes('/CloudTrail/') && f.endsWith('.json.gz'))).toBe(true);
  });

  it("exposes cloudtrail_logs with Athena's columns and string types", async () => {
    const res = await queryS3Tree(dir, `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'cloudtrail_logs' ORDER BY ordinal_position`);
    expect(res.rows.map((r) => r[0])).toEqual(ATHENA_COLUMNS);
    const types = Object.fromEntries(res.rows.map((r) => [r[0], r[1]]));
    expect(types).toMatchObject({ eventtime: 'VARCHAR', readonly: 'VARCHAR', requestparameters: 'VARCHAR', region: 'VARCHAR', year: 'VARCHAR' });
    expect(types.useridentity).toMatch(/^STRUCT\("type" VARCHAR, principalid VARCHAR, arn VARCHAR, accountid VARCHAR, invokedby VARCHAR, accesskeyid VARCHAR, username VARCHAR, onbehalfof STRUCT/);
    expect(types.resources).toBe('STRUCT(arn VARCHAR, accountid VARCHAR, "type" VARCHAR)[]');
  });

  it('answers Athena-style SQL: string times, JSON text parameters, partitions from the path', async () => {
    const res = await queryS3Tree(
      dir,
      `SELECT eventname, eventtime, readonly, json_extract_scalar(requestparameters, '$.bucketName') AS bucket, useridentity.sessioncontext.sessionissuer.username AS role, errorcode, region, year, month, day
       FROM cloudtrail_logs WHERE from_iso8601_timestamp(eventtime) >= from_iso8601_timestamp('2026-03-01T00:00:00Z') ORDER BY eventtime, eventname`,
    );
    expect(res.columns).toEqual(['eventname', 'eventtime', 'readonly', 'bucket', 'role', 'errorcode', 'region', 'year', 'month', 'day']);
    const byName = (n: string) => res.rows.filter((r) => r[0] === n);
    expect(byName('CreateBucket')[0]).toEqual(['CreateBucket', '2026-03-01T10:00:00Z', 'false', 'reports', null, null, 'us-east-1', '2026', '03', '01']);
    expect(byName('DescribeInstances')[0]).toEqual(['DescribeInstances', '2026-03-01T10:00:00Z', 'true', null, 'dev', null, 'eu-west-1', '2026', '03', '01']);
    expect(byName('ListUsers').map((r) => [r[1], r[5], r[9]])).toEqual([['2026-03-01T10:00:00Z', null, '01'], ['2026-03-02T10:00:00Z', 'AccessDenied', '02']]);
    expect(res.rows).toHaveLength(records.length);
  });

  it('refuses file access from the user SQL, and reports bad SQL and folders', async () => {
    await expect(queryS3Tree(dir, `SELECT * FROM read_text('/etc/hostname')`)).rejects.toThrow(/Query failed: .*disabled/i);
    await expect(queryS3Tree(dir, `SELEC 1`)).rejects.toThrow(/^Query failed: Parser Error: syntax error at or near "SELEC"/);
    await expect(queryS3Tree(dir, `DELETE FROM trailsim_records`)).rejects.toThrow(/only queries .* got a DELETE statement/);
    await expect(queryS3Tree(dir, `COPY (SELECT 1) TO '/tmp/trailsim-never.csv'`)).rejects.toThrow(/only queries|disabled/);
    await expect(queryS3Tree(dir, `SELECT 1; SELECT 2`)).rejects.toThrow(/expected one SQL statement, got 2/);
    await expect(queryS3Tree(dir, `  `)).rejects.toThrow(/empty/);
    await expect(queryS3Tree(join(dir, 'nope'), 'SELECT 1')).rejects.toThrow(/No such folder/);
    await expect(queryS3Tree(join(dir, 'trail-bucket', 'AWSLogs', '111122223333', 'CloudTrail-Digest'), 'SELECT 1')).rejects.toThrow(/No CloudTrail log files/);
  });
});

describe('trailsim query', () => {
  it('prints a table, or one JSON object per row', async () => {
    const t = io();
    expect(await queryCommand(['--no-cache', '--data', dir, `SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY eventname ORDER BY n DESC, eventname`], t.io)).toBe(0);
    expect(t.out).toEqual(['eventname         | n', '------------------+--', 'ListUsers         | 2', 'CreateBucket      | 1', 'DescribeInstances | 1']);
    expect(t.err).toEqual(['3 rows from 3 files']);
    const j = io();
    expect(await queryCommand(['--json', '--no-cache', '--data', dir, `SELECT eventname, errorcode FROM cloudtrail_logs WHERE eventname = 'ListUsers' ORDER BY eventtime`], j.io)).toBe(0);
    expect(j.out.map((l) => JSON.parse(l))).toEqual([{ eventname: 'ListUsers', errorcode: null }, { eventname: 'ListUsers', errorcode: 'AccessDenied' }]);
  });

  it('--json writes numbers as numbers, booleans as booleans, structs and lists as JSON', async () => {
    const j = io();
    const sql = `SELECT count(*) AS n, sum(1)::HUGEINT AS h, avg(2.5) AS d, 1.25::DECIMAL(5,2) AS dec, true AS b, [1, 2] AS l, {'a': 1, 'b': 'x'} AS s, MAP {'k': 7} AS m,
      9007199254740993::BIGINT AS big, TIMESTAMP '2026-03-01 10:00:00' AS ts FROM cloudtrail_logs`;
    expect(await queryCommand(['--json', '--cache-dir', cacheDir, '--data', dir, sql], j.io)).toBe(0);
    expect(j.out).toHaveLength(1);
    expect(JSON.parse(j.out[0])).toEqual({ n: records.length, h: records.length, d: 2.5, dec: 1.25, b: true, l: [1, 2], s: { a: 1, b: 'x' }, m: { k: 7 }, big: '9007199254740993', ts: '2026-03-01 10:00:00.000' });
    // The table keeps Athena's text.
    const t = io();
    expect(await queryCommand(['--cache-dir', cacheDir, '--data', dir, `SELECT count(*) AS n, avg(2.5) AS d FROM cloudtrail_logs`], t.io)).toBe(0);
    expect(t.out[2]).toBe(`${records.length} | 2.5`);
  });

  it('exits 2 on usage and query errors', async () => {
    for (const args of [[], ['SELECT 1'], ['--data', dir], ['--data', dir, ''], ['--data', dir, '  '], ['--data', dir, 'a', 'b'], ['--bogus'], ['--data', dir, '--no-cache', '--cache-dir', cacheDir, 'SELECT 1'], ['--data', dir, '--no-cache', 'SELEC 1'], ['--data', join(dir, 'nope'), '--no-cache', 'SELECT 1']]) {
      const t = io();
      expect(await queryCommand(args, t.io)).toBe(2);
      expect(t.err.join('\n')).toMatch(/trailsim query: /);
    }
    const h = io();
    expect(await queryCommand(['--help'], h.io)).toBe(0);
    expect(h.out[0]).toMatch(/^Usage: trailsim query --data DIR/);
    // Every option is listed with an example.
    for (const opt of ['--data', '--json', '--cache-dir', '--no-cache', '--help']) expect(h.out[0]).toContain(opt);
    expect(h.out[0].match(/e\.g\. --/g)?.length).toBe(4);
    const e = io();
    expect(await queryCommand(['--data', dir, ''], e.io)).toBe(2);
    expect(e.err[0]).toMatch(/^trailsim query: the SQL statement is empty\./);
  });

  it('checks the SQL before reading any file: a typo fails without loading, and fails fast', async () => {
    const seen: number[] = [];
    const started = performance.now();
    await expect(queryS3Tree(dir, `SELECT evntname FROM cloudtrail_logs`, { onProgress: (d) => seen.push(d) })).rejects.toThrow(/Query failed: Binder Error: Referenced column "evntname" not found/);
    await expect(queryS3Tree(join(dir, 'nope'), `SELEC 1`)).rejects.toThrow(/Parser Error/);
    expect(seen).toEqual([]);
    // A generous bound: the check opens one empty in-memory DuckDB.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('the query cache', () => {
  it('loads on a miss, reuses on a hit, and reloads only files that changed, appeared or went away', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'trailsim-cached-'));
    const cache = mkdtempSync(join(tmpdir(), 'trailsim-cachedir-'));
    try {
      const write = (day: string, recs: CloudTrailRecord[]) => {
        const p = join(tree, 'b', 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2026', '03', day, `f${day}.json.gz`);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, gzipSync(JSON.stringify({ Records: recs })));
        return p;
      };
      const a = write('01', records.slice(0, 2));
      write('02', records.slice(2, 3));
      const count = `SELECT count(*) AS n, string_agg(day, ',' ORDER BY day) AS days FROM cloudtrail_logs`;
      const progress: [number, number][] = [];
      const miss = await queryS3Tree(tree, count, { cacheDir: cache, onProgress: (d, t) => progress.push([d, t]) });
      expect(miss.rows).toEqual([['3', '01,01,02']]);
      expect(miss).toMatchObject({ files: 2, loaded: 2, cache: { dropped: 0, reused: 0 } });
      expect(existsSync(miss.cache!.file)).toBe(true);
      expect(miss.cache!.file.startsWith(cache)).toBe(true);
      expect(progress[0]).toEqual([0, 2]);
      expect(progress.at(-1)).toEqual([2, 2]);

      const hit = await queryS3Tree(tree, count, { cacheDir: cache, onProgress: () => expect.unreachable('nothing to load') });
      expect(hit.rows).toEqual(miss.rows);
      expect(hit).toMatchObject({ loaded: 0, cache: { dropped: 0, reused: 2 } });

      // A file rewritten (new content, new mtime), one added, one removed.
      writeFileSync(a, gzipSync(JSON.stringify({ Records: records.slice(0, 1) })));
      utimesSync(a, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
      write('03', records.slice(0, 3));
      const changed = await queryS3Tree(tree, count, { cacheDir: cache });
      expect(changed.rows).toEqual([['5', '01,02,03,03,03']]);
      expect(changed).toMatchObject({ files: 3, loaded: 2, cache: { dropped: 1, reused: 1 } });
      rmSync(join(tree, 'b', 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2026', '03', '02'), { recursive: true });
      const removed = await queryS3Tree(tree, count, { cacheDir: cache });
      expect(removed.rows).toEqual([['4', '01,03,03,03']]);
      expect(removed).toMatchObject({ files: 2, loaded: 0, cache: { dropped: 1, reused: 2 } });

      // Chunks smaller than the tree give the same table as one chunk.
      const chunked = await queryS3Tree(tree, `SELECT eventid, day FROM cloudtrail_logs ORDER BY eventid, day`, { chunkFiles: 1 });
      const whole = await queryS3Tree(tree, `SELECT eventid, day FROM cloudtrail_logs ORDER BY eventid, day`, { cacheDir: cache });
      expect(chunked.rows).toEqual(whole.rows);

      // A damaged cache file is only a cache: it is rebuilt.
      writeFileSync(miss.cache!.file, 'not a database');
      rmSync(`${miss.cache!.file}.wal`, { force: true });
      const rebuilt = await queryS3Tree(tree, count, { cacheDir: cache });
      expect(rebuilt.rows).toEqual(removed.rows);
      expect(rebuilt.loaded).toBe(2);
    } finally {
      rmSync(tree, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('names the file that is not a gzip log file', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'trailsim-bad-'));
    try {
      const p = join(tree, 'AWSLogs', '1', 'CloudTrail', 'us-east-1', '2026', '03', '01', 'x.json.gz');
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, 'plain text');
      await expect(queryS3Tree(tree, 'SELECT 1')).rejects.toThrow(/x\.json\.gz: not a gzip file/);
      writeFileSync(p, gzipSync('[1,2]'));
      await expect(queryS3Tree(tree, 'SELECT 1')).rejects.toThrow(/x\.json\.gz: not a trail log file/);
      writeFileSync(p, gzipSync('{"Records":[{"eventName":'));
      await expect(queryS3Tree(tree, 'SELECT 1')).rejects.toThrow(/Could not load trail log files \(.*x\.json\.gz\)/);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});

describe('Parquet export', () => {
  it("writes Lake's columns and types, one row per record, in eventTime order", async () => {
    const file = join(dir, 'out', 'records.parquet');
    expect(await exportParquet(records, file)).toEqual({ rows: records.length });
    const s = await openDuckDB(undefined, { externalAccess: true });
    try {
      const schema = await s.connection.runAndReadAll(`SELECT name, type FROM parquet_schema('${file}') WHERE name IN ('eventtime', 'readonly', 'eventid')`);
      expect(schema.getRows().length).toBe(3);
      const desc = await s.connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
      const cols = Object.fromEntries(desc.getRows().map((r) => [r[0], r[1]]));
      expect(Object.keys(cols)).toEqual(CLOUDTRAIL_COLUMNS.map((c) => c.name));
      expect(cols).toMatchObject({ eventtime: 'TIMESTAMP', readonly: 'BOOLEAN', requestparameters: 'MAP(VARCHAR, VARCHAR)', eventjson: 'VARCHAR' });
      const rows = await s.connection.runAndReadAll(`SELECT eventid, requestparameters['bucketName'], useridentity.username, eventjson FROM read_parquet('${file}')`);
      const got = rows.getRows();
      expect(got.map((r) => r[0])).toEqual(records.map((r) => r.eventID));
      expect(got[0][1]).toBe('reports');
      expect(got.map((r) => JSON.parse(String(r[3])))).toEqual(records);
    } finally {
      closeDuckDB(s);
    }
  });

  it('streams any input to the same rows: iterables, JSON Lines (.gz too) and S3 trees; equal times keep input order; bad times are skipped', async () => {
    const readBack = async (file: string) => {
      const s = await openDuckDB(undefined, { externalAccess: true });
      try {
        const r = await s.connection.runAndReadAll(`SELECT eventjson FROM read_parquet('${file}')`);
        return r.getRows().map((x) => String(x[0]));
      } finally {
        closeDuckDB(s);
      }
    };
    // Two records with the same time, given newest-first in the input, plus one whose time cannot be read.
    const same = records.filter((r) => r.eventTime === records[0].eventTime);
    expect(same.length).toBeGreaterThan(1);
    const input = [...records.slice().reverse(), { ...records[0], eventTime: 'not a time' }];
    const async = async function* () {
      yield* input;
    };
    const fromIterable = join(dir, 's1.parquet');
    expect(await exportParquet(async(), fromIterable)).toEqual({ rows: records.length });
    const got = (await readBack(fromIterable)).map((t) => JSON.parse(t) as CloudTrailRecord);
    expect(got.map((r) => r.eventTime)).toEqual(records.map((r) => r.eventTime));
    // Among equal times, input order (here reversed) is kept.
    expect(got.slice(0, same.length).map((r) => r.eventID)).toEqual(same.map((r) => r.eventID).reverse());
    // JSON Lines, gzipped, with a blank line: the same rows, eventjson the line's own text.
    const gz = join(dir, 'in.jsonl.gz');
    writeFileSync(gz, gzipSync(records.map((r) => JSON.stringify(r)).join('\n') + '\n\n'));
    const fromJsonl = join(dir, 's2.parquet');
    expect(await exportParquetFromJsonl(gz, fromJsonl)).toEqual({ rows: records.length });
    expect(await readBack(fromJsonl)).toEqual(records.map((r) => JSON.stringify(r)));
    // The S3 tree: the same records, progress by file.
    const seen: number[] = [];
    const fromTree = join(dir, 's3.parquet');
    expect(await exportParquetFromS3Tree(dir, fromTree, { onProgress: (d) => seen.push(d) })).toEqual({ rows: records.length, files: 3 });
    expect((await readBack(fromTree)).map((t) => JSON.parse(t).eventID).sort()).toEqual(records.map((r) => r.eventID).sort());
    expect(seen.at(-1)).toBe(3);
    // A line that is not JSON is named.
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(records[0])}\n{"eventTime": oops}\n`);
    await expect(exportParquetFromJsonl(bad, join(dir, 's4.parquet'))).rejects.toThrow(/bad\.jsonl: line 2: not valid JSON/);
    // Also when the line looks like a record up to its time (read without parsing, then rejected by DuckDB).
    writeFileSync(bad, `${JSON.stringify(records[0])}\n{"eventVersion":"1.08","eventTime":"2026-03-01T00:00:00Z",oops}\n`);
    await expect(exportParquetFromJsonl(bad, join(dir, 's4.parquet'))).rejects.toThrow(/bad\.jsonl: line 2: not valid JSON/);
    // The shapes every command reads (validate/stream.ts readRecords): a log file, an array, JSON
    // Lines of log files, gzip told by its bytes (not its name), a BOM; the same rows from each.
    const ids = records.map((r) => r.eventID).sort();
    const shapes: [string, string | Buffer][] = [
      ['log.json', JSON.stringify({ Records: records }, null, 2)],
      ['array.json', JSON.stringify(records)],
      ['logs.jsonl', `${JSON.stringify({ Records: records.slice(0, 2) })}\n${JSON.stringify({ Records: records.slice(2) })}\n`],
      ['gzipped.jsonl', gzipSync(records.map((r) => JSON.stringify(r)).join('\n'))],
      ['bom.jsonl', `\uFEFF${records.map((r) => JSON.stringify(r)).join('\r\n')}`],
    ];
    for (const [name, body] of shapes) {
      writeFileSync(join(dir, name), body);
      const out = join(dir, `${name}.parquet`);
      expect(await exportParquetFromJsonl(join(dir, name), out)).toEqual({ rows: records.length });
      const texts = await readBack(out);
      expect(texts.map((t) => JSON.parse(t).eventID).sort()).toEqual(ids);
      expect(texts.every((t) => !/[\r\n]/.test(t))).toBe(true);
    }
    // A plain JSON Lines file is staged in place: read as it is when in order, copied in time
    // order otherwise, mixing its lines with lines staged as text (a log-file line, a CRLF line);
    // the user's file is never changed.
    const mixedLines = [JSON.stringify(records[3]), JSON.stringify({ Records: [records[1], records[0]] }), `${JSON.stringify(records[2])}\r`, ...records.slice(4).map((r) => JSON.stringify(r))];
    for (const [name, text] of [['inorder.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + '\n'], ['mixed.jsonl', mixedLines.join('\n')]]) {
      writeFileSync(join(dir, name), text);
      const out = join(dir, `${name}.parquet`);
      expect(await exportParquetFromJsonl(join(dir, name), out)).toEqual({ rows: records.length });
      const got = (await readBack(out)).map((t) => JSON.parse(t) as CloudTrailRecord);
      expect(got.map((r) => r.eventTime)).toEqual(records.map((r) => r.eventTime));
      expect(got.map((r) => r.eventID).sort()).toEqual(ids);
      expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
    }
    // Errors are the shared reader's: a line that is not an object, a missing file.
    writeFileSync(bad, `${JSON.stringify(records[0])}\n42\n`);
    await expect(exportParquetFromJsonl(bad, join(dir, 's4.parquet'))).rejects.toThrow(/bad\.jsonl: line 2: not a JSON object/);
    await expect(exportParquetFromJsonl(join(dir, 'missing.jsonl'), join(dir, 's4.parquet'))).rejects.toThrow(/missing\.jsonl: cannot read \(ENOENT\)/);
  });

  it('trailsim export reads an S3 tree or JSON Lines', async () => {
    const jsonl = join(dir, 'records.jsonl');
    writeFileSync(jsonl, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const a = io();
    expect(await exportCommand(['--format', 'parquet', '--in', jsonl, '--out', join(dir, 'a.parquet')], a.io)).toBe(0);
    expect(a.out).toEqual([`wrote ${records.length} records to ${join(dir, 'a.parquet')}`]);
    const b = io();
    expect(await exportCommand(['--data', dir, '--out', join(dir, 'b.parquet')], b.io)).toBe(0);
    expect(b.out).toEqual([`wrote ${records.length} records to ${join(dir, 'b.parquet')}`]);
    for (const args of [['--out', 'x.parquet'], ['--in', jsonl], ['--in', jsonl, '--data', dir, '--out', 'x'], ['--format', 'csv', '--in', jsonl, '--out', 'x'], ['--in', join(dir, 'missing.jsonl'), '--out', join(dir, 'x.parquet')]]) {
      const t = io();
      expect(await exportCommand(args, t.io)).toBe(2);
      expect(t.err.join('\n')).toMatch(/trailsim export: /);
    }
    const h = io();
    expect(await exportCommand(['--help'], h.io)).toBe(0);
    for (const opt of ['--format', '--data', '--in', '--out', '--memory', '--help']) expect(h.out[0]).toContain(opt);
    expect(h.out[0].match(/e\.g\. --/g)?.length).toBe(5);
    // Without DuckDB the message names the export, not Lake SQL.
    const n = io();
    expect(await exportCommand(['--in', jsonl, '--out', join(dir, 'n.parquet')], n.io, { loadDuckDB: async () => { throw new Error('absent'); } })).toBe(2);
    expect(n.err[0]).toMatch(/^trailsim export: LakeEngineUnavailableError: Parquet export \(trailsim export\) needs the optional package @duckdb\/node-api/);
    expect(n.err[0]).not.toMatch(/Lake SQL/);
  });
});
