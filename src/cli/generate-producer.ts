/**
 * Runs work units of `trailsim generate` (see generate-plan.ts) and writes what needs no
 * merging right away: each origin shard's trail log files (trail-layout.ts) and Parquet
 * parts (hive-parquet.ts) depend on that shard alone. JSONL lines, which one run orders
 * across shards, go to `lines` with their merge key (call time, shard index).
 * Used in-process (one producer) and by each worker thread.
 */
import { join } from 'node:path';
import type { CloudTrailRecord } from '../record/types.js';
import { recordJson } from '../cloudtrail/trails/record-json.js';
import { TrailLayoutShardWriter } from '../export/trail-layout.js';
import { hiveParquetFileStem, HiveParquetWriter, PARQUET_LAYOUT_DIR, type HiveParquetShard } from '../export/hive-parquet.js';
import type { DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import { GenerationPlan, type WorkUnit } from './generate-plan.js';
import { RecordSummary } from './summary.js';
import type { GenerateOptions } from './generate.js';

/** Output formats of `trailsim generate`. */
export type GenerateFormat = 'jsonl' | 's3' | 'parquet';
export const GENERATE_FORMATS: readonly GenerateFormat[] = ['jsonl', 's3', 'parquet'];

/** Where each format goes under the output folder. */
export const S3_LAYOUT_DIR = 's3';

export interface ProducerSetup {
  options: GenerateOptions;
  out: string;
  formats: readonly GenerateFormat[];
  loadDuckDB?: DuckDBLoader;
}

/** Receives a unit's JSONL lines in output order. */
export interface LineSink {
  line(time: number, shard: number, json: string): void;
  /** The unit is complete. */
  end(): void;
}

/** Progress of a producer: records made so far and simulated time covered, in unit-ms. */
export type ProducerProgress = (records: number, simulatedMs: number) => void;

export class Producer {
  readonly plan: GenerationPlan;
  readonly summary = new RecordSummary();
  private readonly parquet?: HiveParquetWriter;
  private readonly s3: boolean;
  private readonly jsonl: boolean;
  records = 0;

  constructor(private readonly setup: ProducerSetup) {
    this.plan = new GenerationPlan(setup.options);
    this.s3 = setup.formats.includes('s3');
    this.jsonl = setup.formats.includes('jsonl');
    if (setup.formats.includes('parquet')) this.parquet = new HiveParquetWriter(join(setup.out, PARQUET_LAYOUT_DIR), setup.loadDuckDB);
  }

  /**
   * Runs one unit. `progress` is called about every 2,000 calls and at the end; `pause`,
   * when given, is awaited between those steps (flow control of a worker thread).
   */
  async run(unit: WorkUnit, lines: LineSink | undefined, progress?: ProducerProgress, pause?: () => Promise<void> | undefined): Promise<void> {
    const plan = this.plan;
    const seed = this.setup.options.seed ?? 1;
    const dayStart = Date.parse(`${plan.days[unit.dayIndex]}T00:00:00Z`);
    const local = new Map<number, number>();
    unit.shards.forEach((s, i) => local.set(s, i));
    const trail = this.s3 ? unit.shards.map((s) => new TrailLayoutShardWriter(join(this.setup.out, S3_LAYOUT_DIR), seed, plan.shardKey(s, unit.dayIndex))) : undefined;
    const parquet: HiveParquetShard[] | undefined = this.parquet ? unit.shards.map((s) => this.parquet!.shard(hiveParquetFileStem(plan.shardKey(s, unit.dayIndex)))) : undefined;
    const summary = this.summary;
    const sendLines = this.jsonl ? lines : undefined;
    let last = dayStart;
    const cursor = plan.cursor(unit, (time: number, shard: number, r: CloudTrailRecord) => {
      const json = recordJson(r);
      sendLines?.line(time, shard, json);
      if (trail) trail[local.get(shard)!].add(time, r.recipientAccountId ?? '', r.awsRegion, json);
      if (parquet) parquet[local.get(shard)!].add(json);
      summary.add(r);
      last = time;
    });
    while (cursor.step(2048)) {
      progress?.(this.records + cursor.records, last - dayStart);
      const p = pause?.();
      if (p) await p;
    }
    this.records += cursor.records;
    if (trail) for (const t of trail) t.close();
    if (parquet) for (const p of parquet) await p.end();
    sendLines?.end();
    progress?.(this.records, 86_400_000);
  }

  async close(): Promise<void> {
    await this.parquet?.close();
  }
}
