import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createSimulation, type Simulation } from '../simulation.js';
import { TrailsimInputError } from '../core/errors.js';
import { toMillis } from '../core/time.js';
import { parseRate } from '../activity/rate.js';
import { daysBetween, type Traffic } from '../activity/traffic.js';
import { assertRegion } from '../world/regions.js';
import { JsonlWriter } from '../export/jsonl.js';
import { RecordSummary } from './summary.js';
import { VERSION } from '../version.js';
import { GENERATE_FORMATS, type GenerateFormat } from './generate-producer.js';
import { writeHiveParquetDdl } from '../export/hive-parquet.js';
import { runGeneration } from './generate-run.js';

/** Options of `trailsim generate` (and of `generateDataset`). */
export interface GenerateOptions {
  /** Number of accounts (`account-1` is the organization's management account). @defaultValue 1 */
  accounts?: number;
  /** Regions with activity. @defaultValue ['us-east-1'] */
  regions?: string[];
  /** Number of UTC days. @defaultValue 1 */
  days?: number;
  /** Calls per hour per account and region. @defaultValue '1000/h' */
  rate?: string | number;
  /** @defaultValue 1 */
  seed?: number | string;
  /** First day (UTC midnight). @defaultValue '2026-01-01' */
  start?: string;
  /** Generate one shard only: `account-id/region/YYYY-MM-DD` (or `account-N/region/day`). */
  shard?: string;
  /** Output formats: `jsonl` (records.jsonl), `s3` (trail log files under s3/), `parquet` (Hive-partitioned under parquet/). @defaultValue ['jsonl'] */
  formats?: GenerateFormat[];
  /** Threads that generate: worker threads, while the calling thread merges and writes (1: the calling thread alone, no workers). The output does not depend on it. @defaultValue the number of cores, at most one per 150,000 calls */
  workers?: number;
  /** Array jobs: this process's index, 0-based, among `shardCount` processes; it makes every shardCount-th day. */
  shardIndex?: number;
  /** Array jobs: how many processes share the dataset. With it, JSONL goes to records/YYYY-MM-DD.jsonl. */
  shardCount?: number;
}

/** Progress of generateDataset: records written, fraction of the work done (0..1). */
export type GenerateProgress = (records: number, fraction: number) => void;

/** What the options describe, checked, without building the world: days, and shards (accounts x regions, in traffic order). */
export function generateShape(o: GenerateOptions): { accounts: number; regions: string[]; from: number; to: number; days: string[]; shards: number } {
  const accounts = o.accounts ?? 1;
  const days = o.days ?? 1;
  const regions = o.regions ?? ['us-east-1'];
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > 1000) throw new TrailsimInputError(`--accounts must be a whole number from 1 to 1000; got ${accounts}.`);
  if (!Number.isInteger(days) || days < 1 || days > 3660) throw new TrailsimInputError(`--days must be a whole number from 1 to 3660; got ${days}.`);
  for (const r of regions) assertRegion(r, '--regions:');
  parseRate(o.rate ?? '1000/h');
  const startDay = o.start ?? '2026-01-01';
  const from = toMillis(startDay, '--start');
  if (from % 86_400_000 !== 0) throw new TrailsimInputError(`--start must be a UTC day (YYYY-MM-DD); got ${startDay}.`);
  const to = from + days * 86_400_000;
  return { accounts, regions, from, to, days: daysBetween(from, to), shards: accounts * regions.length };
}

/** The world `generate` builds: deterministic from the options. */
export function buildGenerateWorld(o: GenerateOptions, run: { onClock?: boolean } = {}): { sim: Simulation; traffic: Traffic; from: number; to: number } {
  const { accounts, regions, from, to } = generateShape(o);
  const sim = createSimulation({ seed: o.seed ?? 1, start: from, keepRecords: false, eventHistory: false });
  const list = [];
  for (let i = 1; i <= accounts; i++) list.push(sim.addAccount({ name: `account-${i}`, regions }));
  sim.createOrganization(list[0]);
  const traffic = sim.addTraffic({ rate: o.rate ?? '1000/h' }, run);
  return { sim, traffic, from, to };
}

/**
 * Writes the dataset under `out`: `records.jsonl` (eventTime order; with `shardCount`,
 * `records/YYYY-MM-DD.jsonl`, one file per day), `s3/` and `parquet/` when asked, and
 * `manifest.json`; returns the summary. Byte-identical output for any `workers`.
 */
export async function generateDataset(o: GenerateOptions, out: string, progress?: GenerateProgress): Promise<RecordSummary> {
  if (!o.shard) return (await generateParallel(o, out, progress)).summary;
  const { sim, traffic, from, to } = buildGenerateWorld(o);
  const writer = new JsonlWriter(join(out, 'records.jsonl'));
  const summary = new RecordSummary();
  if (o.shard) {
    const [acct, region, day] = o.shard.split('/');
    if (!acct || !region || !day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TrailsimInputError(`--shard must be ACCOUNT/REGION/YYYY-MM-DD; got '${o.shard}'.`);
    if (!daysBetween(from, to).includes(day)) throw new TrailsimInputError(`--shard day ${day} is outside the generated days.`);
    const account = sim.account(acct);
    for (const r of sim.generateShard(traffic, { accountId: account.id, region, day })) {
      writer.write(r);
      summary.add(r);
    }
  }
  await writer.close();
  writeManifest(o, out, worldFacts(sim, traffic, from), from, summary.total);
  return summary;
}

/** What the manifest says about the world (from any thread that built it). */
export interface WorldFacts {
  accounts: { name: string; id: string }[];
  organizationId?: string;
  /** Sessions live at the first instant (issued before it), so every key still traces somewhere. */
  sessionsIssuedBefore: ReturnType<Traffic['sessionsLiveAt']>;
}

export function worldFacts(sim: Simulation, traffic: Traffic, from: number): WorldFacts {
  return { accounts: [...sim.world.accounts.values()].map((a) => ({ name: a.name, id: a.id })), organizationId: sim.world.organization?.id, sessionsIssuedBefore: traffic.sessionsLiveAt(from) };
}

function writeManifest(o: GenerateOptions, out: string, world: WorldFacts, from: number, records: number | undefined): void {
  mkdirSync(out, { recursive: true });
  const m: Record<string, unknown> = { generator: 'trailsim', version: VERSION, seed: o.seed ?? 1, accounts: world.accounts, organizationId: world.organizationId, regions: o.regions ?? ['us-east-1'], start: new Date(from).toISOString(), days: o.days ?? 1, rate: o.rate ?? '1000/h', shard: o.shard ?? null };
  m.formats = o.formats ?? ['jsonl'];
  // Array-job parts all write the same manifest (no counts), so parts together equal one sharded run.
  if (records !== undefined) m.records = records;
  m.sessionsIssuedBefore = world.sessionsIssuedBefore;
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
}

/** The dataset on worker threads (or in this thread with `workers: 1`). */
async function generateParallel(o: GenerateOptions, out: string, progress?: GenerateProgress): Promise<{ summary: RecordSummary }> {
  const formats = [...new Set<string>(o.formats ?? ['jsonl'])] as GenerateFormat[];
  for (const f of formats) if (!GENERATE_FORMATS.includes(f)) throw new TrailsimInputError(`--format: '${f}' is not one of ${GENERATE_FORMATS.join(', ')}.`);
  const { shardIndex, shardCount, workers, formats: _f, ...options } = o;
  const result = await runGeneration({ options, out, formats }, { formats, workers, shardIndex, shardCount, progress });
  const { world } = result;
  const { from, days } = generateShape(options);
  writeManifest({ ...options, formats }, out, world, from, shardCount === undefined ? result.summary.total : undefined);
  if (formats.includes('parquet')) {
    // The DDL to query parquet/ once copied to S3 (same bytes from every array-job part).
    writeHiveParquetDdl(out, { accounts: world.accounts.map((a) => a.id), regions: options.regions ?? ['us-east-1'], firstDay: days[0] });
  }
  return result;
}
