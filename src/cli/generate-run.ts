/**
 * `trailsim generate` on every core: W producers (W worker threads, or the calling thread
 * alone when W = 1) run the plan's units; the calling thread merges JSONL by (call time,
 * shard index) and writes it. Output is byte-identical for any W: units are independent
 * and merged in a fixed order. Array jobs (`shardIndex`/`shardCount`) take every
 * shardCount-th day.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { receivedError, startWorker, workerScript, WorkerSignal } from '../export/threads.js';
import { JsonlWriter } from '../export/jsonl.js';
import { TrailsimInputError } from '../core/errors.js';
import { Producer, type GenerateFormat, type ProducerSetup } from './generate-producer.js';
import { RunMerger } from './generate-merge.js';
import { BackgroundFile } from './generate-output.js';
import type { WorkerInput, WorkerMessage } from './generate-worker.js';
import { planUnits, type WorkUnit } from './generate-plan.js';
import { generateShape, worldFacts, type WorldFacts } from './generate.js';
import { RecordSummary } from './summary.js';
import { parseRate } from '../activity/rate.js';

/** How to run a generation. */
export interface GenerateRunOptions {
  /** Output formats. @defaultValue ['jsonl'] */
  formats?: readonly GenerateFormat[];
  /** Producers: worker threads, while the calling thread merges and writes; 1 runs in the calling thread alone. @defaultValue the number of cores, at most one per 150,000 calls */
  workers?: number;
  /** Array job: this process's index (0-based) among `shardCount`; it makes the days with index ≡ shardIndex (mod shardCount). */
  shardIndex?: number;
  shardCount?: number;
  /** Called at least every ~2,000 calls: records written so far, and the fraction of the work done (0..1). */
  progress?: (records: number, fraction: number) => void;
}

export interface GenerateRunResult {
  summary: RecordSummary;
  /** Accounts and organization of the world (for the manifest). */
  world: WorldFacts;
  /** Days this process made. */
  days: string[];
  /** JSONL files written. */
  jsonl: string[];
}

/** Chunks a worker may have sent that the main thread has not merged yet (about 1 MB each). */
const CREDITS = 16;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Producers for a run of about `calls` calls (all parts) split over `parts` processes: one
 * per core, but no more than one per ~150,000 calls of this process's share. A worker costs
 * about half a second of CPU to start (loading the library, building its world) and a share
 * of the machine's other core for its JIT and GC, which a small run does not earn back. The
 * output is the same whatever the count.
 */
export function defaultWorkersFor(calls: number, parts = 1): number {
  return Math.max(1, Math.min(defaultWorkers(), Math.floor(calls / parts / 150_000)));
}

/** Days (indices) an array-job process makes. */
export function daysOfShard(days: number, index: number, count: number): number[] {
  const out: number[] = [];
  for (let d = index; d < days; d += count) out.push(d);
  return out;
}

/**
 * Runs the plan; JSONL goes to `out/records.jsonl`, or with `shardCount` to one file per
 * day, `out/records/YYYY-MM-DD.jsonl` (concatenated in name order: one run's records.jsonl).
 */
export async function runGeneration(setup: ProducerSetup, o: GenerateRunOptions = {}): Promise<GenerateRunResult> {
  const formats = setup.formats;
  const sharded = o.shardCount !== undefined;
  const count = o.shardCount ?? 1;
  const index = o.shardIndex ?? 0;
  if (!Number.isInteger(count) || count < 1) throw new TrailsimInputError(`--shard-count must be a whole number of at least 1; got ${count}.`);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new TrailsimInputError(`--shard-index must be a whole number from 0 to ${count - 1}; got ${index}.`);
  const shape = generateShape(setup.options);
  const workers = o.workers ?? defaultWorkersFor(shape.shards * shape.days.length * parseRate(setup.options.rate ?? '1000/h') * 24, count);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new TrailsimInputError(`--workers must be a whole number from 1 to 256; got ${workers}.`);

  // Units come from the options alone: workers start at once, the main thread builds no world.
  const dayIdx = daysOfShard(shape.days.length, index, count);
  const producers = Math.min(workers, Math.max(1, dayIdx.length * shape.shards));
  const units = planUnits(shape.shards, producers, dayIdx);
  const jsonl = formats.includes('jsonl');
  const fileOf = (dayIndex: number) => (sharded ? join(setup.out, 'records', `${shape.days[dayIndex]}.jsonl`) : join(setup.out, 'records.jsonl'));
  const files: string[] = [];
  let writer: JsonlWriter | undefined;
  const writerFor = (dayIndex: number): JsonlWriter => {
    const f = fileOf(dayIndex);
    if (writer?.path !== f) {
      writer?.closeSync();
      writer = new JsonlWriter(f);
      files.push(f);
    }
    return writer;
  };

  const total = units.length;
  if (producers === 1) {
    if (jsonl && !sharded) writerFor(0);
    const main = new Producer(setup);
    let unitsDone = 0;
    for (const { unit } of units) {
      const w = jsonl ? writerFor(unit.dayIndex) : undefined;
      await main.run(unit, w && { line: (_t, _s, json) => w.writeLine(json), end: () => undefined }, (records, ms) => o.progress?.(records, (unitsDone + Math.min(1, ms / 86_400_000)) / total));
      unitsDone++;
    }
    writer?.closeSync();
    await main.close();
    return { summary: main.summary, world: worldFacts(main.plan.sim, main.plan.traffic, main.plan.from), days: dayIdx.map((d) => shape.days[d]), jsonl: files };
  }

  // Several producers, all worker threads; this thread only merges and writes. Producing
  // here as well was measured slower (1.10x against 1.19x over one producer, 384k records):
  // the two producers are then unequal (one also merges, collects the merge's garbage and
  // answers the other's credits late), and the run waits for the slower. The world facts
  // for the manifest come from a worker.
  const perProducer: { index: number; unit: WorkUnit }[][] = Array.from({ length: producers }, () => []);
  units.forEach(({ unit, producer }, i) => perProducer[producer].push({ index: i, unit }));
  const summary = new RecordSummary();
  let world: WorldFacts | undefined;
  const state = perProducer.map(() => ({ records: 0, ms: 0, unitsDone: 0 }));
  const report = () => {
    let records = 0;
    let done = 0;
    for (const s of state) {
      records += s.records;
      done += s.unitsDone + Math.min(1, s.ms / 86_400_000);
    }
    o.progress?.(records, done / total);
  };
  // Wakes this thread at the next chunk, unit end, finished write or failure.
  const signal = new WorkerSignal();
  const { notify, fail } = signal;

  // JSONL: one file open at a time (with shardCount, one per day), written in the background.
  let file: BackgroundFile | undefined;
  const closing: Promise<void>[] = [];
  const outputFor = (dayIndex: number): BackgroundFile => {
    const f = fileOf(dayIndex);
    if (file?.path !== f) {
      if (file) closing.push(file.close().catch(fail));
      file = new BackgroundFile(f, notify);
      files.push(f);
    }
    return file;
  };
  const merger = jsonl ? new RunMerger(units.map((u) => u.unit.dayIndex), outputFor) : undefined;

  const spec = workerScript('cli/generate-worker');
  const pool: Worker[] = [];
  const finished = perProducer.map((list, p) => {
    const input: WorkerInput = { setup, units: list, credits: CREDITS };
    const w = startWorker(spec, input);
    pool.push(w);
    return new Promise<void>((resolve) => {
      w.on('message', (m: WorkerMessage) => {
        if (m.t === 'chunk') {
          const buf = m.chunk.bytes.buffer as ArrayBuffer;
          // Its bytes copied out, the chunk's buffer goes back to the worker with the credit.
          merger?.push(m.chunk.unit, { chunk: m.chunk, release: () => w.postMessage({ t: 'credit', buf }, [buf]) });
          notify();
        } else if (m.t === 'end') {
          merger?.end(m.unit);
          state[p].unitsDone++;
          state[p].ms = 0;
          report();
          notify();
        } else if (m.t === 'progress') {
          state[p].records = m.records;
          state[p].ms = m.ms;
          report();
        } else if (m.t === 'done') {
          summary.merge(m.summary);
          world ??= m.world;
          resolve();
        } else if (m.t === 'error') {
          fail(receivedError(m.error));
          resolve();
        }
      });
      signal.watch(w, `generate worker ${p}`, resolve);
    });
  });
  try {
    await signal.until(() => !merger || merger.pump());
    // Wait for every worker, but not past a failure (the rest are terminated below).
    let gone = 0;
    for (const f of finished) void f.then(() => (gone++, notify()));
    await signal.until(() => gone === finished.length);
    if (file) closing.push(file.close());
    file = undefined;
    await Promise.all(closing);
    signal.check();
  } catch (e) {
    file?.abandon();
    throw e;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { summary, world: world!, days: dayIdx.map((d) => shape.days[d]), jsonl: files };
}
