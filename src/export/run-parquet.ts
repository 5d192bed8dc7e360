/**
 * A scenario run's records as Hive-partitioned Parquet: the layout, columns and DDL of
 * `trailsim generate --format parquet` (hive-parquet.ts), written by `trailsim run --format
 * parquet`. Partitions are `account=…/region=…/day=…` from each record's recipientAccountId,
 * awsRegion and eventTime; a run is one script, not shards, so each partition holds one file,
 * `<account>_<region>_0.parquet`, rows in the run's record order.
 *
 * The work is cut by account and Region: one COPY ... PARTITION_BY per pair writes all its
 * days (a COPY per day cost ~30 ms each: 45 s for whizlab's 1,529 day partitions). `workers`
 * writers share the pairs, each its own DuckDB with one thread; DuckDB's Node API runs a
 * statement off the JavaScript thread (on libuv's pool), so the writers' COPYs run at once
 * while this thread stages the next pair. A pair's files depend on its rows alone, in a fixed
 * order, never on which writer took it or when: the files are the same for any number of
 * writers.
 */
import { rmSync } from 'node:fs';
import type { DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import type { CloudTrailRecord } from '../record/types.js';
import { HiveParquetWriter } from './hive-parquet.js';

export { PARQUET_LAYOUT_DIR, writeHiveParquetDdl } from './hive-parquet.js';

export interface RunParquetOptions {
  /** DuckDB writers working at once. @defaultValue 1 */
  workers?: number;
  /** How to load `@duckdb/node-api` (tests inject a missing one). */
  loader?: DuckDBLoader;
}

export interface RunParquetSummary {
  /** Partitions written, one file each. */
  files: number;
  rows: number;
  /** Distinct accounts, Regions and the first day, for the Athena DDL's partition projection. */
  accounts: string[];
  regions: string[];
  firstDay?: string;
}

/** One account and Region: its records' JSON lines by day. */
interface Pair {
  accountId: string;
  region: string;
  days: Map<string, string[]>;
  chars: number;
}

/** Collects a run's records by partition; `write` turns them into the Parquet tree. */
export class RunParquet {
  private readonly pairs = new Map<string, Map<string, Pair>>();
  private rows = 0;

  /** Adds a record with its JSON line (the simulation's own, `sim.recordJson(r)`). */
  add(r: CloudTrailRecord, json: string): void {
    const accountId = r.recipientAccountId ?? '';
    let byRegion = this.pairs.get(accountId);
    if (!byRegion) this.pairs.set(accountId, (byRegion = new Map()));
    let p = byRegion.get(r.awsRegion);
    if (!p) byRegion.set(r.awsRegion, (p = { accountId, region: r.awsRegion, days: new Map(), chars: 0 }));
    const day = r.eventTime.slice(0, 10);
    let lines = p.days.get(day);
    if (!lines) p.days.set(day, (lines = []));
    lines.push(json);
    p.chars += json.length;
    this.rows++;
  }

  /**
   * Writes every partition under `dir`. On failure the writers still at work are let
   * finish, DuckDB is closed and `dir` is removed (no half tree), and the first error is
   * thrown.
   */
  async write(dir: string, opts: RunParquetOptions = {}): Promise<RunParquetSummary> {
    const workers = opts.workers ?? 1;
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number of at least 1; got ${workers}.`);
    const all: Pair[] = [];
    for (const byRegion of this.pairs.values()) for (const p of byRegion.values()) all.push(p);
    // Largest first, so the writers finish close together; ties in a fixed order.
    const queue = [...all].sort((a, b) => b.chars - a.chars || cmp(a.accountId, b.accountId) || cmp(a.region, b.region));
    const writers = Array.from({ length: Math.min(workers, queue.length) }, () => new HiveParquetWriter(dir, opts.loader));
    let next = 0;
    let failed: unknown;
    const work = async (w: HiveParquetWriter) => {
      while (failed === undefined && next < queue.length) {
        const p = queue[next++];
        // Days in order, each day's rows in record order: the file of a partition is
        // written whole before the next partition's starts.
        const shard = w.shard(`${p.accountId}_${p.region}`);
        for (const day of [...p.days.keys()].sort()) for (const line of p.days.get(day)!) shard.add(line);
        await shard.end();
      }
    };
    await Promise.all(writers.map((w) => work(w).catch((e: unknown) => void (failed ??= e))));
    await Promise.allSettled(writers.map((w) => w.close()));
    if (failed !== undefined) {
      rmSync(dir, { recursive: true, force: true });
      throw failed;
    }
    const days = new Set<string>();
    let files = 0;
    for (const p of all) for (const d of p.days.keys()) days.add(d), files++;
    return {
      files,
      rows: this.rows,
      accounts: [...new Set(all.map((p) => p.accountId))].sort(),
      regions: [...new Set(all.map((p) => p.region))].sort(),
      firstDay: [...days].sort()[0],
    };
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
