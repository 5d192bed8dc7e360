/**
 * JSONL lines of a work unit packed for another thread: UTF-8 bytes in one transferable
 * buffer, with each line's end offset and merge key (call time, shard index), so the main
 * thread merges units by copying byte ranges, never parsing or re-encoding.
 */
import type { LineSink } from './generate-producer.js';

export interface LineChunk {
  /** Global index of the unit in the run's unit list. */
  unit: number;
  bytes: Uint8Array;
  /** End offset (exclusive, newline included) of each line in `bytes`. */
  ends: Uint32Array;
  times: Float64Array;
  shards: Int32Array;
  count: number;
}

const CHUNK_BYTES = 1 << 20;
const CHUNK_LINES = 4096;
const EMPTY = Buffer.alloc(0);

/**
 * Buffers of CHUNK_BYTES handed back once their chunk is written, so a long run does not
 * allocate (and collect) a megabyte of external memory per chunk.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];

  take(min: number): Buffer {
    if (min <= CHUNK_BYTES) {
      const b = this.free.pop();
      if (b) return Buffer.from(b, 0, CHUNK_BYTES);
    }
    return Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, min));
  }

  /** A chunk buffer back (only the standard size is kept). */
  give(b: ArrayBuffer): void {
    if (b.byteLength === CHUNK_BYTES && this.free.length < 64) this.free.push(b);
  }
}

/** Packs lines into chunks of about 1 MB and hands each to `emit`. */
export class LineChunker implements LineSink {
  private buf: Buffer;
  private used = 0;
  private ends = new Uint32Array(CHUNK_LINES);
  private times = new Float64Array(CHUNK_LINES);
  private shards = new Int32Array(CHUNK_LINES);
  private n = 0;

  constructor(private readonly unit: number, private readonly emit: (c: LineChunk) => void, private readonly pool = new BufferPool()) {
    this.buf = pool.take(CHUNK_BYTES);
  }

  line(time: number, shard: number, json: string): void {
    const worst = json.length * 3 + 1;
    if (this.n === CHUNK_LINES || this.used + worst > this.buf.length) {
      this.flush();
      if (worst > this.buf.length) this.buf = this.pool.take(worst);
    }
    const w = this.buf.write(json, this.used, 'utf8');
    this.buf[this.used + w] = 0x0a;
    this.used += w + 1;
    this.ends[this.n] = this.used;
    this.times[this.n] = time;
    this.shards[this.n] = shard;
    this.n++;
  }

  private flush(): void {
    if (this.n === 0) return;
    const bytes = new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.used);
    this.emit({ unit: this.unit, bytes, ends: this.ends.slice(0, this.n), times: this.times.slice(0, this.n), shards: this.shards.slice(0, this.n), count: this.n });
    // The buffer was handed over (transferred): take another.
    this.buf = this.pool.take(CHUNK_BYTES);
    this.used = 0;
    this.n = 0;
  }

  /** Hands over what is packed; the chunker may be used again (it takes a buffer then). */
  end(): void {
    this.flush();
    this.pool.give(this.buf.buffer as ArrayBuffer);
    this.buf = EMPTY;
  }
}
