/**
 * A scenario run's records as Hive-partitioned Parquet: the layout, columns and DDL of
 * `trailsim generate --format parquet` (hive-parquet.ts), written by `trailsim run --format
 * parquet`. Partitions are `account=…/region=…/day=…` from each record's recipientAccountId,
 * awsRegion and eventTime; a run is one script, not shards, so each partition holds one file,
 * `<account>_<region>_0.parquet`, rows in the run's record order.
 *
 * Records are staged on disk per account and Region as the run records them (nothing is
 * held in memory twice); a pair whose records ever step back a day is grouped by day first. The work is cut by that pair: one COPY ... PARTITION_BY per pair
 * writes all its days (a COPY per day cost ~30 ms each: 45 s for whizlab's 1,529 day
 * partitions). Up to `workers` writers (at most one per core) share the pairs, each its own
 * DuckDB with one thread; DuckDB's Node API runs a statement off the JavaScript thread (on
 * libuv's pool), so the writers' COPYs run at once. A pair's files depend on its rows alone,
 * in a fixed order, never on which writer took it or when: the files are the same for any
 * number of writers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import { TrailsimInputError } from '../core/errors.js';
import type { CloudTrailRecord } from '../record/types.js';
import { HiveParquetWriter, StagedLines } from './hive-parquet.js';

export { HIVE_PARQUET_DDL_FILES, PARQUET_LAYOUT_DIR, writeHiveParquetDdl } from './hive-parquet.js';

export interface RunParquetOptions {
  /** DuckDB writers working at once (at most one per core). @defaultValue 1 */
  workers?: number;
  /** How to load `@duckdb/node-api` (tests inject a missing or failing one). */
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

/** One account and Region: its staged lines and the days they fall on. */
interface Pair {
  accountId: string;
  region: string;
  lines: StagedLines;
  days: Set<string>;
  /** The latest day so far, and whether no record came after a later day's. */
  lastDay: string;
  inOrder: boolean;
}

/** Stages a run's records by account and Region; `write` turns them into the Parquet tree. */
export class RunParquet {
  private readonly pairs = new Map<string, Map<string, Pair>>();
  private tmp: string | undefined;
  private seq = 0;

  /** Adds a record with its JSON line (the one `records.jsonl` gets). */
  add(r: CloudTrailRecord, json: string): void {
    const accountId = r.recipientAccountId ?? '';
    let byRegion = this.pairs.get(accountId);
    if (!byRegion) this.pairs.set(accountId, (byRegion = new Map()));
    let p = byRegion.get(r.awsRegion);
    if (!p) {
      this.tmp ??= mkdtempSync(join(tmpdir(), 'trailsim-run-parquet-'));
      byRegion.set(r.awsRegion, (p = { accountId, region: r.awsRegion, lines: new StagedLines(join(this.tmp, `${this.seq++}.jsonl`)), days: new Set(), lastDay: '', inOrder: true }));
    }
    p.lines.add(json);
    const day = r.eventTime.slice(0, 10);
    if (day !== p.lastDay) {
      p.days.add(day);
      if (day < p.lastDay) p.inOrder = false;
      else p.lastDay = day;
    }
  }

  /** Removes what is staged (a run that failed, or after `write`). */
  discard(): void {
    for (const byRegion of this.pairs.values()) for (const p of byRegion.values()) p.lines.remove();
    this.pairs.clear();
    if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
    this.tmp = undefined;
  }

  /**
   * Writes every partition under `dir`. On failure the writers still at work are let
   * finish, DuckDB is closed, `dir` is removed (no half tree) and the first error is thrown.
   * The staged lines are removed either way.
   */
  async write(dir: string, opts: RunParquetOptions = {}): Promise<RunParquetSummary> {
    const workers = opts.workers ?? 1;
    if (!Number.isInteger(workers) || workers < 1) throw new TrailsimInputError(`workers must be a whole number of at least 1; got ${workers}.`);
    const all: Pair[] = [];
    for (const byRegion of this.pairs.values()) for (const p of byRegion.values()) all.push(p);
    for (const p of all) p.lines.close();
    // Largest first, so the writers finish close together; ties in a fixed order.
    const queue = [...all].sort((a, b) => b.lines.size - a.lines.size || cmp(a.accountId, b.accountId) || cmp(a.region, b.region));
    // More writers than cores would only queue on libuv's pool, each with its own DuckDB.
    const writers = Array.from({ length: Math.min(workers, availableParallelism(), queue.length) }, () => new HiveParquetWriter(dir, opts.loader));
    let next = 0;
    let failed: unknown;
    const work = async (w: HiveParquetWriter) => {
      while (failed === undefined && next < queue.length) {
        const p = queue[next++];
        // Days out of order (a record dated before one already recorded) are grouped first,
        // which costs DuckDB a sort (memory in proportion to the pair); in order, rows stream.
        await w.write(`${p.accountId}_${p.region}`, p.lines.file, p.lines.rows, { byDay: !p.inOrder });
      }
    };
    try {
      await Promise.all(writers.map((w) => work(w).catch((e: unknown) => void (failed ??= e))));
    } finally {
      await Promise.all(writers.map((w) => w.close()));
      this.discard();
    }
    if (failed !== undefined) {
      rmSync(dir, { recursive: true, force: true });
      throw failed;
    }
    const days = new Set<string>();
    let files = 0;
    for (const p of all) for (const d of p.days) days.add(d), files++;
    return {
      files,
      rows: all.reduce((n, p) => n + p.lines.rows, 0),
      accounts: [...new Set(all.map((p) => p.accountId))].sort(),
      regions: [...new Set(all.map((p) => p.region))].sort(),
      firstDay: [...days].sort()[0],
    };
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
