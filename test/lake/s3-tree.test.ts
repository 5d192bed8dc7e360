/**
 * `trailsim query` over an exported S3 tree (Athena's `cloudtrail_logs` columns), and
 * Parquet export with Lake's columns (`exportParquet`, `trailsim export`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
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
let records: CloudTrailRecord[];

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailsim-lake-'));
  const sim = createSimulation({ seed: 9, start: '2026-03-01T10:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', id: '111122223333', regions: ['us-east-1', 'eu-west-1'] });
  const alice = prod.iamUser('alice');
  const dev = prod.role('dev').session({ sessionName: 'jo', createdAt: sim.now });
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
    await expect(queryS3Tree(dir, `SELEC 1`)).rejects.toThrow(/Query failed: Parser Error/);
    await expect(queryS3Tree(join(dir, 'nope'), 'SELECT 1')).rejects.toThrow(/No such folder/);
    await expect(queryS3Tree(join(dir, 'trail-bucket', 'AWSLogs', '111122223333', 'CloudTrail-Digest'), 'SELECT 1')).rejects.toThrow(/No CloudTrail log files/);
  });
});

describe('trailsim query', () => {
  it('prints a table, or one JSON object per row', async () => {
    const t = io();
    expect(await queryCommand(['--data', dir, `SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY eventname ORDER BY n DESC, eventname`], t.io)).toBe(0);
    expect(t.out).toEqual(['eventname         | n', '------------------+--', 'ListUsers         | 2', 'CreateBucket      | 1', 'DescribeInstances | 1']);
    expect(t.err).toEqual(['3 rows from 3 files']);
    const j = io();
    expect(await queryCommand(['--json', '--data', dir, `SELECT eventname, errorcode FROM cloudtrail_logs WHERE eventname = 'ListUsers' ORDER BY eventtime`], j.io)).toBe(0);
    expect(j.out.map((l) => JSON.parse(l))).toEqual([{ eventname: 'ListUsers', errorcode: null }, { eventname: 'ListUsers', errorcode: 'AccessDenied' }]);
  });

  it('exits 2 on usage and query errors', async () => {
    for (const args of [[], ['SELECT 1'], ['--data', dir], ['--data', dir, 'a', 'b'], ['--bogus'], ['--data', dir, 'SELEC 1'], ['--data', join(dir, 'nope'), 'SELECT 1']]) {
      const t = io();
      expect(await queryCommand(args, t.io)).toBe(2);
      expect(t.err.join('\n')).toMatch(/trailsim query: /);
    }
    const h = io();
    expect(await queryCommand(['--help'], h.io)).toBe(0);
    expect(h.out[0]).toMatch(/^Usage: trailsim query --data DIR/);
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
  });
});
