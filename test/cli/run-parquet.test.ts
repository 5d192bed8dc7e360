import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { runCommand } from '../../src/cli/run.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import { tempDirs } from '../trails/helpers.js';

const hasDuckDB = await import('@duckdb/node-api').then(() => true, () => false);
const SCENARIO = 'test/fixtures/scenarios/two-day-traffic.ts';
const tmp = tempDirs('trailsim-run-parquet-');
const quiet = { out: () => undefined, err: () => undefined };

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
}

/** Every file under `dir` (relative path → bytes, base64). */
function tree(dir: string): Record<string, string> {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.parquet')).sort();
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe.skipIf(!hasDuckDB)('trailsim run --format parquet', () => {
  it('writes one file per account/Region/day partition, the same files for 1 or 3 writers, with every record once', async () => {
    const dirs = [tmp(), tmp()];
    const c = collect();
    expect(await main(['run', SCENARIO, '--format', 'parquet', '--workers', '1', '--out', dirs[0]], c.io)).toBe(0);
    expect(await main(['run', SCENARIO, '--format', 'jsonl,parquet', '--workers', '3', '--out', dirs[1]], quiet)).toBe(0);
    const records = readFileSync(join(dirs[0], 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CloudTrailRecord);
    const partitions = new Set(records.map((r) => `account=${r.recipientAccountId}/region=${r.awsRegion}/day=${r.eventTime.slice(0, 10)}`));
    expect(partitions.size).toBeGreaterThanOrEqual(5); // 3 account/Regions, 2 days
    const files = tree(join(dirs[0], 'parquet'));
    expect(Object.keys(files).map((f) => f.slice(0, f.lastIndexOf('/'))).sort()).toEqual([...partitions].sort());
    expect(tree(join(dirs[1], 'parquet'))).toEqual(files);
    expect(c.out.join('\n')).toContain(`wrote ${partitions.size} Parquet files (${records.length} rows)`);
    for (const f of ['athena-parquet.sql', 'trino-parquet.sql']) expect(existsSync(join(dirs[0], f))).toBe(true);
    expect(readFileSync(join(dirs[0], 'athena-parquet.sql'), 'utf8')).toContain(`'projection.account.values' = '${[...new Set(records.map((r) => r.recipientAccountId))].sort().join(',')}'`);
    // No staging folder left behind.
    expect(readdirSync(dirs[0]).filter((f) => f.startsWith('.'))).toEqual([]);

    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const glob = join(dirs[0], 'parquet', '**', '*.parquet').replace(/'/g, "''");
    const rows = (await con.runAndReadAll(`SELECT eventid, recipientaccountid = account AND awsregion = region AND substr(eventtime, 1, 10) = day FROM read_parquet('${glob}', hive_partitioning = true, hive_types_autocast = false) ORDER BY eventid`)).getRows();
    expect(rows.map((r) => r[0])).toEqual(records.map((r) => r.eventID).sort());
    expect(rows.every((r) => r[1] === true)).toBe(true);
    con.closeSync();
    db.closeSync();
  }, 120_000);

  it('a failed Parquet write keeps records.jsonl whole and the previous parquet/ as it was', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'parquet'));
    writeFileSync(join(dir, 'parquet', 'kept.txt'), 'from before');
    const c = collect();
    const db = fakeDuckDB();
    const staged = await withTmpdir(() => runCommand([SCENARIO, '--format', 'parquet', '--workers', '3', '--out', dir], c.io, { loadDuckDB: db.loader }));
    expect(staged.result).toBe(1);
    // Two writers (one per core, at most three): one COPY fails while the other is still writing.
    expect(db.copies).toBeGreaterThanOrEqual(2);
    expect(c.err.join('\n')).toMatch(/^trailsim run: --format parquet failed: COPY failed: disk full \(records.jsonl is complete\)$/m);
    // The summary is printed first: the records are there.
    expect(c.out.join('\n')).toContain(`wrote ${join(dir, 'records.jsonl')}`);
    expect(readFileSync(join(dir, 'records.jsonl'), 'utf8').trim().split('\n').length).toBeGreaterThan(100);
    expect(readdirSync(join(dir, 'parquet'))).toEqual(['kept.txt']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    // Every DuckDB opened was closed, and no staged file is left in the temporary folder.
    expect(db.closed).toBe(db.opened);
    expect(staged.left).toEqual([]);
  }, 60_000);

  it("a bucket named like another output is not written over it; the rest is written and the exit code is 1", async () => {
    const dir = tmp();
    const file = join(dir, 'bucket-parquet.ts');
    writeFileSync(file, "export default { name: 'bucket-parquet', run({ sim }: any) { const a = sim.addAccount({ name: 'a' }); const u = a.iamUser('u'); sim.cloudtrail.s3.createBucket('parquet'); sim.cloudtrail.createTrail(u, { Name: 'main', S3BucketName: 'parquet' }); sim.cloudtrail.startLogging(u, { Name: 'main' }); sim.addTraffic({ rate: '30/h' }); sim.advance('2h'); } };\n");
    const c = collect();
    const out = join(dir, 'out');
    expect(await main(['run', file, '--format', 's3,parquet', '--out', out], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/--format s3: bucket 'parquet' would be written as .*parquet\/, where --format parquet writes; nothing was written for s3/);
    // parquet/ holds the Parquet tree only.
    const files = readdirSync(join(out, 'parquet'), { recursive: true }) as string[];
    expect(files.some((f) => f.endsWith('.parquet'))).toBe(true);
    expect(files.some((f) => f.includes('AWSLogs'))).toBe(false);
  }, 60_000);
});

/** Runs `f` with os.tmpdir() pointing at a fresh folder; what is left in it afterwards. */
async function withTmpdir<T>(f: () => Promise<T>): Promise<{ result: T; left: string[] }> {
  const before = process.env.TMPDIR;
  const own = tmp();
  process.env.TMPDIR = own;
  try {
    const result = await f();
    return { result, left: readdirSync(own) };
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
}

/** A DuckDB stand-in: loads and opens, runs set-up statements, fails its second COPY (the first takes 50 ms). */
function fakeDuckDB() {
  const state = { copies: 0, opened: 0, closed: 0 };
  const connection = {
    run: async (sql: string) => {
      if (!sql.startsWith('COPY')) return;
      const n = ++state.copies;
      if (n === 2) throw new Error('COPY failed: disk full');
      await new Promise((r) => setTimeout(r, 50));
    },
    closeSync: () => undefined,
  };
  const module = {
    DuckDBInstance: {
      create: async () => {
        state.opened++;
        return { connect: async () => connection, closeSync: () => void state.closed++ };
      },
    },
  };
  return Object.assign(state, { loader: async () => module });
}

describe('trailsim run --format: errors before the run', () => {
  it('names the formats it takes', async () => {
    const c = collect();
    expect(await main(['run', SCENARIO, '--format', 's3,csv', '--out', tmp()], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/--format takes a comma-separated list of jsonl, s3, parquet; got 's3,csv'/);
  });

  it('without DuckDB, parquet fails at once, naming the package to install, and writes nothing', async () => {
    const dir = join(tmp(), 'out');
    const c = collect();
    const missing = async () => Promise.reject(new Error("Cannot find module '@duckdb/node-api'"));
    expect(await runCommand([SCENARIO, '--format', 'parquet', '--out', dir], c.io, { loadDuckDB: missing })).toBe(2);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toMatch(/^trailsim run: LakeEngineUnavailableError: --format parquet needs the optional package @duckdb\/node-api\b.*npm install @duckdb\/node-api$/);
    expect(existsSync(dir)).toBe(false);
  });
});
