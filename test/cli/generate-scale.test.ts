import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildGenerateWorld, generateDataset, type GenerateOptions } from '../../src/cli/generate.js';
import { parseGenerateArgs } from '../../src/cli/generate-command.js';
import { main } from '../../src/cli/main.js';
import { parseCloudTrailKey } from '../../src/cloudtrail/trails/object-keys.js';
import { ATHENA_COLUMNS } from '../../src/cloudtrail/lake/athena-table.js';
import { hiveParquetAthenaDdl, hiveParquetTrinoDdl } from '../../src/export/hive-parquet.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'trailsim-scale-'));
const small: GenerateOptions = { accounts: 2, regions: ['us-east-1', 'eu-west-1'], days: 3, rate: '20/h', seed: 3 };

/** Every file under dir (relative path → bytes), manifest excluded when asked. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

function union(dirs: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const d of dirs) {
    for (const [k, v] of tree(d)) {
      const had = out.get(k);
      // Only the dataset's description (manifest, DDL) may appear in several parts, with the same bytes.
      if (had) expect(['manifest.json', 'athena-parquet.sql', 'trino-parquet.sql'].includes(k) && had.equals(v), k).toBe(true);
      out.set(k, v);
    }
  }
  return out;
}

function expectSameTree(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [k, v] of a) expect(v.equals(b.get(k)!), k).toBe(true);
}

/** The reference: the simulation's own traffic driver, records in the order it records them. */
function reference(o: GenerateOptions): string {
  const { sim, to } = buildGenerateWorld(o);
  const lines: string[] = [];
  sim.onRecord((r) => lines.push(JSON.stringify(r)));
  sim.advanceTo(to - 1);
  return lines.join('\n') + '\n';
}

const hasDuckDB = await import('@duckdb/node-api').then(() => true, () => false);

describe('generate on every core', () => {
  it('writes the traffic driver’s records, byte for byte, with 1, 2 or 3 worker threads', async () => {
    const o: GenerateOptions = { accounts: 3, regions: ['us-east-1', 'eu-west-1'], days: 2, rate: '30/h', seed: 9 };
    const ref = reference(o);
    for (const workers of [1, 2, 3]) {
      const dir = tmp();
      const s = await generateDataset({ ...o, workers }, dir);
      expect(readFileSync(join(dir, 'records.jsonl'), 'utf8')).toBe(ref);
      expect(s.total).toBe(ref.split('\n').length - 1);
    }
  }, 120_000);

  it('splits whole days across workers when there are fewer shards than workers, same bytes', async () => {
    const o: GenerateOptions = { accounts: 1, regions: ['us-east-1'], days: 3, rate: '30/h', seed: 2 };
    const dir = tmp();
    await generateDataset({ ...o, workers: 2 }, dir);
    expect(readFileSync(join(dir, 'records.jsonl'), 'utf8')).toBe(reference(o));
  }, 60_000);

  it('reports progress: fractions grow to 1, records grow to the total (1 or 2 threads)', async () => {
    for (const workers of [1, 2]) {
      const seen: [number, number][] = [];
      const s = await generateDataset({ ...small, days: 2, rate: '100/h', workers }, tmp(), (records, fraction) => seen.push([records, fraction]));
      expect(seen.length).toBeGreaterThan(6);
      for (let i = 1; i < seen.length; i++) {
        expect(seen[i][1]).toBeGreaterThanOrEqual(seen[i - 1][1]);
        expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
      }
      expect(seen.at(-1)).toEqual([s.total, 1]);
    }
  }, 60_000);
});

describe('array jobs: --shard-index / --shard-count', () => {
  it('parts together are one run: records/*.jsonl concatenated is records.jsonl, s3/ and parquet/ are the same files', async () => {
    const formats: GenerateOptions['formats'] = hasDuckDB ? ['jsonl', 's3', 'parquet'] : ['jsonl', 's3'];
    const whole = tmp();
    await generateDataset({ ...small, formats, workers: 1 }, whole);
    const one = tmp();
    await generateDataset({ ...small, formats, workers: 1, shardIndex: 0, shardCount: 1 }, one);
    const parts = [0, 1].map(() => tmp());
    // One part on two worker threads, the other in its calling thread.
    for (const [i, d] of parts.entries()) await generateDataset({ ...small, formats, workers: 2 - i, shardIndex: i, shardCount: 2 }, d);
    const joined = union(parts);
    expectSameTree(joined, tree(one));
    // Day files in name order make the plain run's records.jsonl.
    const days = [...joined.keys()].filter((k) => k.startsWith('records/')).sort();
    expect(days).toEqual(['records/2026-01-01.jsonl', 'records/2026-01-02.jsonl', 'records/2026-01-03.jsonl']);
    expect(Buffer.concat(days.map((k) => joined.get(k)!)).equals(readFileSync(join(whole, 'records.jsonl')))).toBe(true);
    // The s3/ and parquet/ trees of the plain run are the same files.
    const plain = tree(whole);
    for (const [k, v] of joined) if (k.startsWith('s3/') || k.startsWith('parquet/')) expect(plain.get(k)?.equals(v), k).toBe(true);
    expect([...plain.keys()].filter((k) => k.startsWith('s3/') || k.startsWith('parquet/')).length).toBe([...joined.keys()].filter((k) => k.startsWith('s3/') || k.startsWith('parquet/')).length);
  }, 180_000);

  it('separate processes (index from JOB_COMPLETION_INDEX) write the same files as one process', async () => {
    const run = promisify(execFile);
    const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const generate = ['generate', '--accounts', '2', '--regions', 'us-east-1,eu-west-1', '--days', '2', '--rate', '10/h', '--format', 'jsonl,s3', '--workers', '1'];
    const args = ['--import', 'tsx', cli, ...generate];
    // The one process is this one, through the same command-line entry (main) as the parts.
    const one = tmp();
    expect(await main([...generate, '--shard-count', '1', '--out', one], { out: () => undefined, err: () => undefined })).toBe(0);
    const parts = [0, 1].map(() => tmp());
    await Promise.all(parts.map((d, i) => run(process.execPath, [...args, '--out', d], { env: { ...process.env, JOB_COMPLETION_INDEX: String(i), TRAILSIM_SHARD_COUNT: '2' } })));
    for (const d of parts) expect(readdirSync(join(d, 'records'))).toHaveLength(1);
    expectSameTree(union(parts), tree(one));
  }, 180_000);
});

describe('layouts for distributed engines', () => {
  it('s3/ holds gzipped trail log files under AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/, every record once', async () => {
    const dir = tmp();
    const s = await generateDataset({ ...small, days: 1, rate: '100/h', formats: ['jsonl', 's3'], workers: 1 }, dir);
    const jsonl = readFileSync(join(dir, 'records.jsonl'), 'utf8').trim().split('\n');
    const files = [...tree(join(dir, 's3')).entries()];
    expect(files.length).toBeGreaterThan(10);
    const seen: string[] = [];
    for (const [key, body] of files) {
      const k = parseCloudTrailKey(key);
      expect(k?.kind, key).toBe('log');
      const recs = (JSON.parse(gunzipSync(body).toString('utf8')) as { Records: CloudTrailRecord[] }).Records;
      expect(recs.length).toBeGreaterThan(0);
      const m = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[A-Za-z0-9]{16}\.json\.gz$/.exec(key)!;
      expect(key).toContain(`/${m[1]}/${m[2]}/${m[3]}/`);
      const delivered = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
      for (const r of recs) {
        expect(r.recipientAccountId).toBe(k!.accountId);
        expect(r.awsRegion).toBe(k!.region);
        // Delivered within 5 minutes after the event (to the minute of the file name).
        const t = Date.parse(r.eventTime);
        expect(delivered).toBeGreaterThan(t - 60_000);
        expect(delivered).toBeLessThanOrEqual(t + 5 * 60_000);
        seen.push(JSON.stringify(r));
      }
    }
    expect(seen.length).toBe(s.total);
    expect(seen.sort()).toEqual(jsonl.sort());
  }, 60_000);

  it.skipIf(!hasDuckDB)('parquet/ is Hive-partitioned account=/region=/day= with cloudtrail_logs columns', async () => {
    const dir = tmp();
    const s = await generateDataset({ ...small, days: 2, formats: ['parquet'], workers: 1 }, dir);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const glob = join(dir, 'parquet', '**', '*.parquet').replace(/'/g, "''");
    const cols = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${glob}', hive_partitioning = true, hive_types_autocast = false)`)).getRows().map((r) => String(r[0]));
    expect(cols.slice(0, ATHENA_COLUMNS.length - 4)).toEqual(ATHENA_COLUMNS.slice(0, -4));
    expect(cols.slice(-3).sort()).toEqual(['account', 'day', 'region']);
    const rows = (await con.runAndReadAll(`SELECT count(*)::INTEGER, count(DISTINCT day)::INTEGER, bool_and(recipientaccountid = account), bool_and(awsregion = region), bool_and(substr(eventtime, 1, 10) = day), count(useridentity.arn)::INTEGER FROM read_parquet('${glob}', hive_partitioning = true, hive_types_autocast = false)`)).getRows()[0];
    expect(rows.slice(0, 5)).toEqual([s.total, 2, true, true, true]);
    // The userIdentity struct is decoded: most callers have an ARN (AWS service principals and
    // AWS-internal service events do not).
    expect(Number(rows[5])).toBeGreaterThan(s.total / 4);
    con.closeSync();
    db.closeSync();
  }, 60_000);

  it('DDL for Athena (partition projection) and Trino names the same columns and partitions', () => {
    const athena = hiveParquetAthenaDdl('s3://bucket/ct', { accounts: ['111111111111'], regions: ['us-east-1', 'eu-west-1'] });
    expect(athena).toMatch(/PARTITIONED BY \(account string, region string, day string\)/);
    expect(athena).toMatch(/'storage.location.template' = 's3:\/\/bucket\/ct\/account=\$\{account\}\/region=\$\{region\}\/day=\$\{day\}\/'/);
    expect(athena).toMatch(/useridentity struct<type:string,principalid:string/);
    const trino = hiveParquetTrinoDdl('s3://bucket/ct/');
    expect(trino).toMatch(/partitioned_by = ARRAY\['account', 'region', 'day'\]/);
    for (const c of ATHENA_COLUMNS.slice(0, -4)) {
      expect(athena).toContain(`  ${c} `);
      expect(trino).toContain(`  ${c} `);
    }
  });
});

describe('generate options', () => {
  const io = { out: () => undefined, err: () => undefined };
  it('reads the array index from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX, the count from an option or the environment', () => {
    const k8s = parseGenerateArgs(['--out', 'x'], io, { JOB_COMPLETION_INDEX: '4', TRAILSIM_SHARD_COUNT: '10' });
    expect(typeof k8s === 'object' && [k8s.options.shardIndex, k8s.options.shardCount]).toEqual([4, 10]);
    const batch = parseGenerateArgs(['--out', 'x'], io, { AWS_BATCH_JOB_ARRAY_INDEX: '2', AWS_BATCH_JOB_ARRAY_SIZE: '3' });
    expect(typeof batch === 'object' && [batch.options.shardIndex, batch.options.shardCount]).toEqual([2, 3]);
    const flag = parseGenerateArgs(['--out', 'x', '--shard-index', '1', '--shard-count', '5'], io, { JOB_COMPLETION_INDEX: '4' });
    expect(typeof flag === 'object' && [flag.options.shardIndex, flag.options.shardCount]).toEqual([1, 5]);
    const none = parseGenerateArgs(['--out', 'x'], io, {});
    expect(typeof none === 'object' && [none.options.shardIndex, none.options.shardCount]).toEqual([undefined, undefined]);
  });

  it.each([
    [['--out', 'x', '--shard-index', '1'], {}, /needs --shard-count/],
    [['--out', 'x', '--format', 'csv'], {}, /'csv' is not one of jsonl, s3, parquet/],
    [['--out', 'x', '--workers', 'many'], {}, /--workers must be a whole number/],
    [['--out', 'x'], { JOB_COMPLETION_INDEX: 'x', TRAILSIM_SHARD_COUNT: '2' }, /JOB_COMPLETION_INDEX/],
    [['--out', 'x', '--shard', 'account-1/us-east-1/2026-01-01', '--format', 's3'], {}, /--shard writes one shard as JSONL/],
  ])('rejects %j', (argv, env, message) => {
    expect(() => parseGenerateArgs(argv as string[], io, env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it.each([
    [{ workers: 0 }, /--workers must be a whole number from 1/],
    [{ shardIndex: 3, shardCount: 3 }, /--shard-index must be a whole number from 0 to 2/],
    [{ shardIndex: 0, shardCount: 0 }, /--shard-count must be a whole number of at least 1/],
  ])('generateDataset rejects %j before writing', async (extra, message) => {
    const dir = tmp();
    await expect(generateDataset({ ...small, ...extra }, dir)).rejects.toThrow(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});
