/**
 * `trailsim generate` on every core: W producers (worker threads, or the main thread when
 * W = 1) run the plan's units; the main thread merges JSONL by (call time, shard index)
 * and writes it. Output is byte-identical for any W: units are independent and merged in a
 * fixed order. Array jobs (`shardIndex`/`shardCount`) take every shardCount-th day.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { JsonlWriter } from '../export/jsonl.js';
import { TrailsimInputError } from '../core/errors.js';
import { Producer, type GenerateFormat, type ProducerSetup } from './generate-producer.js';
import type { LineChunk } from './generate-chunks.js';
import type { WorkerInput, WorkerMessage } from './generate-worker.js';
import { planUnits, type WorkUnit } from './generate-plan.js';
import { generateShape, worldFacts, type WorldFacts } from './generate.js';
import { RecordSummary } from './summary.js';
import { parseRate } from '../activity/rate.js';

/** How to run a generation. */
export interface GenerateRunOptions {
  /** Output formats. @defaultValue ['jsonl'] */
  formats?: readonly GenerateFormat[];
  /** Worker threads; 1 runs in the calling thread. @defaultValue the number of cores */
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

/** Chunks a worker may have sent that the main thread has not written yet (about 1 MB each). */
const CREDITS = 8;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Threads for a run of about `calls` calls (all parts) split over `parts` processes: one per
 * core, but no more than one per ~150,000 calls of this process's share. A worker costs
 * about a second of start-up (loading the library, building the world), which a small run
 * does not earn back. The output is the same whatever the count.
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
  if (jsonl && !sharded) writerFor(0);

  const total = units.length;
  if (producers === 1) {
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

  // Worker threads.
  const streams = units.map(() => new UnitStream());
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
  const spec = workerScript();
  const pool: Worker[] = [];
  let failed: Error | undefined;
  const fail = (e: Error) => {
    failed ??= e;
    for (const s of streams) s.wake();
  };
  const finished = perProducer.map((list, p) => {
    const input: WorkerInput = { setup, units: list, credits: CREDITS };
    const w = new Worker(spec.url, { workerData: input, eval: spec.eval, execArgv: spec.execArgv });
    pool.push(w);
    return new Promise<void>((resolve) => {
      w.on('message', (m: WorkerMessage) => {
        if (m.t === 'chunk') streams[m.chunk.unit].push(m.chunk, () => w.postMessage({ t: 'credit' }));
        else if (m.t === 'end') {
          streams[m.unit].finish();
          state[p].unitsDone++;
          state[p].ms = 0;
          report();
        } else if (m.t === 'progress') {
          state[p].records = m.records;
          state[p].ms = m.ms >= 86_400_000 ? 0 : m.ms;
          report();
        } else if (m.t === 'done') {
          summary.merge(m.summary);
          world ??= m.world;
          resolve();
        } else if (m.t === 'error') {
          const e = new Error(m.message);
          e.stack = m.stack;
          fail(e);
          resolve();
        }
      });
      w.on('error', (e) => (fail(e), resolve()));
      w.on('exit', (code) => {
        if (code !== 0) fail(new Error(`generate worker ${p} exited with code ${code}`));
        resolve();
      });
    });
  });
  try {
    if (jsonl) {
      // Units of one day are consecutive in `units`; merge each day's group.
      for (let i = 0; i < units.length; ) {
        let j = i;
        while (j < units.length && units[j].unit.dayIndex === units[i].unit.dayIndex) j++;
        await mergeDay(streams.slice(i, j), writerFor(units[i].unit.dayIndex), () => failed);
        if (failed) throw failed;
        i = j;
      }
    }
    await Promise.all(finished);
    if (failed) throw failed;
  } finally {
    writer?.closeSync();
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { summary, world: world!, days: dayIdx.map((d) => shape.days[d]), jsonl: files };
}

/** The worker script: the built `.js` next to this module, or the TypeScript source loaded through tsx. */
function workerScript(): { url: URL | string; eval?: boolean; execArgv?: string[] } {
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  for (const rel of ['./generate-worker.js', './cli/generate-worker.js']) {
    const u = new URL(rel, here);
    // A parent started with `--input-type` (node -e) would pass it on to a file-based worker, which Node refuses.
    if (existsSync(fileURLToPath(u))) return { url: u, execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) };
  }
  const ts = new URL('./generate-worker.ts', here);
  if (existsSync(fileURLToPath(ts))) {
    // Source checkout (tests, `npm run trailsim`): a worker does not inherit tsx's loader
    // hooks in Node 20, so it registers them before importing the source.
    // require.resolve finds the CommonJS build; its ESM twin sits beside it.
    const cjs = createRequire(fileURLToPath(here)).resolve('tsx/esm/api');
    const mjs = cjs.replace(/\.cjs$/, '.mjs');
    const api = pathToFileURL(existsSync(mjs) ? mjs : cjs).href;
    return { url: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })`, eval: true };
  }
  throw new Error(`generate: cannot find the worker script next to ${here}`);
}

/** One unit's chunks as they arrive. */
class UnitStream {
  readonly chunks: { c: LineChunk; done: () => void }[] = [];
  ended = false;
  private waiter?: () => void;

  push(c: LineChunk, done: () => void): void {
    this.chunks.push({ c, done });
    this.wake();
  }

  finish(): void {
    this.ended = true;
    this.wake();
  }

  wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  /** Resolves when a chunk is available or the unit has ended. */
  async ready(failed: () => Error | undefined): Promise<void> {
    while (this.chunks.length === 0 && !this.ended && !failed()) await new Promise<void>((r) => (this.waiter = r));
  }
}

/** Merges one day's unit streams by (time, shard) into `w`, copying byte runs. */
async function mergeDay(streams: UnitStream[], w: JsonlWriter, failed: () => Error | undefined): Promise<void> {
  if (streams.length === 1) {
    const s = streams[0];
    for (;;) {
      await s.ready(failed);
      if (failed()) return;
      const head = s.chunks.shift();
      if (!head) return;
      w.writeBytes(head.c.bytes.subarray(0, head.c.ends[head.c.count - 1]), head.c.count);
      head.done();
    }
  }
  const pos = streams.map(() => 0);
  for (;;) {
    // Every live stream needs a head chunk before the smallest key is known.
    for (const s of streams) if (s.chunks.length === 0 && !s.ended) await s.ready(failed);
    if (failed()) return;
    let best = -1;
    let bt = 0;
    let bs = 0;
    let second = -1;
    let st = 0;
    let ss = 0;
    for (let i = 0; i < streams.length; i++) {
      const h = streams[i].chunks[0];
      if (!h) continue;
      const t = h.c.times[pos[i]];
      const sh = h.c.shards[pos[i]];
      if (best < 0 || t < bt || (t === bt && sh < bs)) {
        if (best >= 0) [second, st, ss] = [best, bt, bs];
        [best, bt, bs] = [i, t, sh];
      } else if (second < 0 || t < st || (t === st && sh < ss)) [second, st, ss] = [i, t, sh];
    }
    if (best < 0) return;
    // Take the run of lines from `best` that sort before the runner-up's head.
    const { c, done } = streams[best].chunks[0];
    const start = pos[best] === 0 ? 0 : c.ends[pos[best] - 1];
    let k = pos[best];
    do k++;
    while (k < c.count && (second < 0 || c.times[k] < st || (c.times[k] === st && c.shards[k] < ss)));
    w.writeBytes(c.bytes.subarray(start, c.ends[k - 1]), k - pos[best]);
    if (k === c.count) {
      streams[best].chunks.shift();
      pos[best] = 0;
      done();
    } else pos[best] = k;
  }
}
