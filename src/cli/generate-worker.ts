/**
 * Worker thread of `trailsim generate --workers N`: builds the same world as the main
 * thread (deterministic from the options), runs its units in order and sends JSONL chunks
 * back with flow control (at most `credits` chunks not yet merged by the main thread,
 * whose buffers come back with the credits), so memory stays bounded however long the run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Producer, type ProducerSetup } from './generate-producer.js';
import { BufferPool, LineChunker, type LineChunk } from './generate-chunks.js';
import type { WorkUnit } from './generate-plan.js';
import { worldFacts, type WorldFacts } from './generate.js';
import { postedError, type PostedError } from '../export/threads.js';

export interface WorkerInput {
  setup: ProducerSetup;
  /** This worker's units with their global indices, in run order. */
  units: { index: number; unit: WorkUnit }[];
  credits: number;
}

export type WorkerMessage =
  | { t: 'chunk'; chunk: LineChunk }
  | { t: 'end'; unit: number }
  | { t: 'progress'; records: number; ms: number }
  | { t: 'done'; summary: ReturnType<Producer['summary']['data']>; world: WorldFacts }
  | { t: 'error'; error: PostedError };

async function work(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  let credits = input.credits;
  let wake: (() => void) | undefined;
  const pool = new BufferPool();
  port.on('message', (m: { t: string; buf?: ArrayBuffer }) => {
    if (m.t === 'credit') {
      if (m.buf) pool.give(m.buf);
      credits++;
      wake?.();
      wake = undefined;
    }
  });
  const producer = new Producer(input.setup);
  const post = (m: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  // Chunks made while out of credit wait here; the producer itself is synchronous.
  const queue: LineChunk[] = [];
  const drain = async () => {
    while (queue.length > 0) {
      while (credits <= 0) await new Promise<void>((r) => (wake = r));
      const c = queue.shift()!;
      credits--;
      post({ t: 'chunk', chunk: c }, [c.bytes.buffer as ArrayBuffer, c.ends.buffer as ArrayBuffer, c.times.buffer as ArrayBuffer, c.shards.buffer as ArrayBuffer]);
    }
  };
  for (const { index, unit } of input.units) {
    const lines = new LineChunker(index, (c) => {
      if (credits > 0 && queue.length === 0) {
        credits--;
        post({ t: 'chunk', chunk: c }, [c.bytes.buffer as ArrayBuffer, c.ends.buffer as ArrayBuffer, c.times.buffer as ArrayBuffer, c.shards.buffer as ArrayBuffer]);
      } else queue.push(c);
    }, pool);
    // Between steps, let the main thread's credits (and the buffers they bring back) in.
    await producer.run(unit, lines, (records, ms) => post({ t: 'progress', records, ms }), () => (queue.length > 0 ? drain() : new Promise<void>((r) => setImmediate(r))));
    await drain();
    post({ t: 'end', unit: index });
  }
  await producer.close();
  post({ t: 'done', summary: producer.summary.data(), world: worldFacts(producer.plan.sim, producer.plan.traffic, producer.plan.from) });
}

if (parentPort && workerData) {
  work(workerData as WorkerInput).catch((e: unknown) => parentPort!.postMessage({ t: 'error', error: postedError(e) } satisfies WorkerMessage));
}
