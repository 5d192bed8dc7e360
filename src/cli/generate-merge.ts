/**
 * The merge of `trailsim generate` on several threads: each work unit's JSONL chunks (from
 * a worker thread) arrive in order, and a day's
 * units are merged by (call time, shard index) into that day's output by copying byte runs.
 *
 * The merger never waits: `pump()` merges as far as the chunks at hand allow and returns,
 * so the calling thread does it whenever chunks arrive. A chunk is
 * released (its buffer goes back to its producer) as soon as its bytes are copied out.
 */
import type { LineChunk } from './generate-chunks.js';

/** A chunk to merge and what to do once its bytes have been copied out. */
export interface MergeChunk {
  chunk: LineChunk;
  release(): void;
}

/** Where merged bytes of a day go. */
export interface MergeOutput {
  /** Appends `bytes[start, end)`, holding `lines` whole lines. */
  copy(bytes: Buffer, start: number, end: number, lines: number): void;
  /** True while the output wants no more bytes for now (writes in flight). */
  readonly blocked: boolean;
}

class UnitQueue {
  readonly chunks: { c: LineChunk; b: Buffer; release(): void }[] = [];
  /** Next line of the head chunk. */
  pos = 0;
  ended = false;
}

export class RunMerger {
  private readonly queues: UnitQueue[];
  /** First unit of the day being merged, and one past its last. */
  private from = 0;
  private to = 0;

  /**
   * `days[i]` is the day index of unit i; units of one day are consecutive. `output(day)`
   * is called once when the merge of a day starts.
   */
  constructor(private readonly days: readonly number[], private readonly output: (dayIndex: number) => MergeOutput) {
    this.queues = days.map(() => new UnitQueue());
    this.to = this.groupEnd(0);
    this.out = days.length > 0 ? output(days[0]) : undefined;
  }

  private out: MergeOutput | undefined;

  private groupEnd(i: number): number {
    let j = i;
    while (j < this.days.length && this.days[j] === this.days[i]) j++;
    return j;
  }

  push(unit: number, m: MergeChunk): void {
    const c = m.chunk;
    this.queues[unit].chunks.push({ c, b: Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength), release: m.release });
  }

  end(unit: number): void {
    this.queues[unit].ended = true;
  }


  /** Merges as far as the chunks at hand allow; true when every day is merged. */
  pump(): boolean {
    while (this.from < this.days.length) {
      if (!this.pumpDay()) return false;
      this.from = this.to;
      this.to = this.groupEnd(this.from);
      this.out = this.from < this.days.length ? this.output(this.days[this.from]) : undefined;
    }
    return true;
  }

  /** Merges the current day; true when it is complete. */
  private pumpDay(): boolean {
    const out = this.out!;
    const { queues, from, to } = this;
    if (to - from === 1) {
      const q = queues[from];
      while (q.chunks.length > 0) {
        if (out.blocked) return false;
        const h = q.chunks.shift()!;
        out.copy(h.b, 0, h.c.ends[h.c.count - 1], h.c.count);
        h.release();
      }
      return q.ended;
    }
    for (;;) {
      if (out.blocked) return false;
      // Every live unit needs a head chunk before the smallest key is known.
      let best = -1;
      let bt = 0;
      let bs = 0;
      let second = -1;
      let st = 0;
      let ss = 0;
      for (let i = from; i < to; i++) {
        const q = queues[i];
        const h = q.chunks[0];
        if (!h) {
          if (!q.ended) return false;
          continue;
        }
        const t = h.c.times[q.pos];
        const sh = h.c.shards[q.pos];
        if (best < 0 || t < bt || (t === bt && sh < bs)) {
          second = best;
          st = bt;
          ss = bs;
          best = i;
          bt = t;
          bs = sh;
        } else if (second < 0 || t < st || (t === st && sh < ss)) {
          second = i;
          st = t;
          ss = sh;
        }
      }
      if (best < 0) return true;
      // Take the run of lines from `best` that sort before the runner-up's head.
      const q = queues[best];
      const { c, b, release } = q.chunks[0];
      const { times, shards, ends, count } = c;
      const p = q.pos;
      const start = p === 0 ? 0 : ends[p - 1];
      let k = p + 1;
      if (second < 0) k = count;
      else while (k < count && (times[k] < st || (times[k] === st && shards[k] < ss))) k++;
      out.copy(b, start, ends[k - 1], k - p);
      if (k === count) {
        q.chunks.shift();
        q.pos = 0;
        release();
      } else q.pos = k;
    }
  }
}
