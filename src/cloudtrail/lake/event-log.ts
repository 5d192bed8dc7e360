/**
 * The events of one event data store, kept compactly in eventTime order: column arrays in
 * chunks (times as float64, dictionary codes as int32, the three near-unique fields as
 * packed UUIDs or text), so retention drops whole runs from the old end and a scan touches only the
 * columns it reads. Records arriving out of time order (replays, Insights events whose
 * eventTime is when the anomaly started) are inserted in place, after events with the same
 * time.
 *
 * For the SQL engine's incremental loads the log numbers its events: `headSeq` is the
 * number of the oldest event held and `tailSeq` one past the newest, as long as
 * `generation` is unchanged. An in-place insert renumbers events and bumps `generation`;
 * appends and drops from the old end do not.
 */
import type { CloudTrailRecord } from '../../record/types.js';
import { DICT_FIELDS, RecordCodec, UNIQUE_FIELDS, UNIQUE_TEXT, UNIQUE_UUID, readEventTime } from './record-codec.js';

const FIRST_CHUNK_ROWS = 256;
const MAX_CHUNK_ROWS = 4096;

/** One chunk of columns; rows `[start, n)` are live (start > 0 only in the oldest chunk). */
export class LogChunk {
  n = 0;
  readonly times: Float64Array;
  readonly bytes: Int32Array;
  readonly codes: Int32Array[];
  readonly kind: Uint8Array[];
  readonly uuid: Uint32Array[];
  readonly text: (string | undefined)[][];

  constructor(readonly cap: number) {
    this.times = new Float64Array(cap);
    this.bytes = new Int32Array(cap);
    this.codes = DICT_FIELDS.map(() => new Int32Array(cap));
    this.kind = UNIQUE_FIELDS.map(() => new Uint8Array(cap));
    this.uuid = UNIQUE_FIELDS.map(() => new Uint32Array(cap * 4));
    this.text = UNIQUE_FIELDS.map(() => new Array<string | undefined>(cap));
  }

  /** Moves rows `[from, n)` up by one, leaving a hole at `from`. */
  openHole(from: number): void {
    const n = this.n;
    this.times.copyWithin(from + 1, from, n);
    this.bytes.copyWithin(from + 1, from, n);
    for (const c of this.codes) c.copyWithin(from + 1, from, n);
    for (const k of this.kind) k.copyWithin(from + 1, from, n);
    for (const w of this.uuid) w.copyWithin(4 * (from + 1), 4 * from, 4 * n);
    for (const t of this.text) t.copyWithin(from + 1, from, n);
    this.n++;
  }

  /** Moves rows `[from, n)` into a new chunk of the same capacity. */
  split(from: number): LogChunk {
    const other = new LogChunk(this.cap);
    const k = this.n - from;
    other.times.set(this.times.subarray(from, this.n));
    other.bytes.set(this.bytes.subarray(from, this.n));
    this.codes.forEach((c, i) => other.codes[i].set(c.subarray(from, this.n)));
    this.kind.forEach((a, i) => other.kind[i].set(a.subarray(from, this.n)));
    this.uuid.forEach((a, i) => other.uuid[i].set(a.subarray(4 * from, 4 * this.n)));
    this.text.forEach((t, i) => {
      for (let j = 0; j < k; j++) other.text[i][j] = t[from + j];
    });
    other.n = k;
    this.n = from;
    return other;
  }
}

/** First index in `[lo, hi)` whose time is `> t` (or `>= t` when `strict` is false). */
function searchTimes(times: Float64Array, lo: number, hi: number, t: number, strict: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? times[mid] <= t : times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class EventLog {
  readonly codec = new RecordCodec();
  private chunks: LogChunk[] = [];
  /** Dropped rows at the front of chunks[0]. */
  private start = 0;
  private count = 0;
  headSeq = 0;
  tailSeq = 0;
  generation = 0;
  /** Sum of the held events' JSON lengths. */
  totalBytes = 0;
  /** How many events ever had, per near-unique field, a lower-case UUID value / another value (0: none). */
  readonly uuidSeen: number[] = UNIQUE_FIELDS.map(() => 0);
  readonly textSeen: number[] = UNIQUE_FIELDS.map(() => 0);
  /** Positions where each chunk starts (built on demand for `locate`). */
  private index?: number[];

  get size(): number {
    return this.count;
  }

  /** eventTime (ms) of the oldest event held, or undefined. */
  get oldestTime(): number | undefined {
    return this.count ? this.chunks[0].times[this.start] : undefined;
  }

  get newestTime(): number | undefined {
    if (!this.count) return undefined;
    const last = this.chunks[this.chunks.length - 1];
    return last.times[last.n - 1];
  }

  /** Stores `r`; false when its eventTime cannot be read. */
  add(r: CloudTrailRecord): boolean {
    const { t, canonical } = readEventTime(r);
    if (!Number.isFinite(t)) return false;
    this.addAt(r, t, canonical);
    return true;
  }

  /** Stores `r`, whose eventTime reads as `t` (see `readEventTime`). */
  addAt(r: CloudTrailRecord, t: number, canonical: boolean): void {
    let chunk: LogChunk;
    let at: number;
    const newest = this.newestTime;
    if (newest === undefined || t >= newest) {
      chunk = this.chunks[this.chunks.length - 1];
      if (!chunk || chunk.n === chunk.cap) {
        chunk = new LogChunk(Math.min(MAX_CHUNK_ROWS, chunk ? chunk.cap * 2 : FIRST_CHUNK_ROWS));
        this.chunks.push(chunk);
      }
      at = chunk.n++;
    } else {
      [chunk, at] = this.holeFor(t);
      this.generation++;
    }
    chunk.times[at] = t;
    const bytes = this.codec.encodeInto(r, canonical, chunk, at);
    for (let u = 0; u < UNIQUE_FIELDS.length; u++) {
      const k = chunk.kind[u][at];
      if (k === UNIQUE_UUID) this.uuidSeen[u]++;
      else if (k === UNIQUE_TEXT) this.textSeen[u]++;
    }
    chunk.bytes[at] = bytes;
    this.count++;
    this.tailSeq++;
    this.totalBytes += bytes;
    this.index = undefined;
  }

  /** Opens a slot after every event with time <= t (some event is newer than t). */
  private holeFor(t: number): [LogChunk, number] {
    let k = this.chunks.length - 1;
    while (k > 0 && this.chunks[k].times[0] > t) k--;
    const lo = k === 0 ? this.start : 0;
    let chunk = this.chunks[k];
    let at = searchTimes(chunk.times, lo, chunk.n, t, true);
    if (chunk.n === chunk.cap) {
      const half = Math.max(lo + 1, (lo + chunk.n) >>> 1);
      const right = chunk.split(half);
      this.chunks.splice(k + 1, 0, right);
      if (at >= half) {
        chunk = right;
        at -= half;
      }
    }
    chunk.openHole(at);
    return [chunk, at];
  }

  /** Drops every event with eventTime < cutoff from the old end; returns how many. */
  dropBefore(cutoff: number): number {
    let dropped = 0;
    while (this.count > 0) {
      const c = this.chunks[0];
      const end = searchTimes(c.times, this.start, c.n, cutoff, false);
      for (let i = this.start; i < end; i++) this.totalBytes -= c.bytes[i];
      const k = end - this.start;
      dropped += k;
      this.count -= k;
      if (end < c.n) {
        this.start = end;
        break;
      }
      this.chunks.shift();
      this.start = 0;
    }
    this.headSeq += dropped;
    if (dropped) this.index = undefined;
    return dropped;
  }

  /** Calls `fn` with the live row range of each chunk covering positions `[from, to)` (0 = oldest). */
  forEachRange(fn: (chunk: LogChunk, begin: number, end: number) => void, from = 0, to = this.count): void {
    let skip = from;
    let left = to - from;
    for (let k = 0; k < this.chunks.length && left > 0; k++) {
      const c = this.chunks[k];
      const lo = k === 0 ? this.start : 0;
      const live = c.n - lo;
      if (skip >= live) {
        skip -= live;
        continue;
      }
      const b = lo + skip;
      const e = Math.min(c.n, b + left);
      fn(c, b, e);
      left -= e - b;
      skip = 0;
    }
  }

  /** The record in row `i` of `chunk`. */
  recordAt(chunk: LogChunk, i: number): CloudTrailRecord {
    return this.codec.decode(chunk.times[i], chunk, i);
  }

  /** The JSON text of the record in row `i` of `chunk`. */
  eventJsonAt(chunk: LogChunk, i: number): string {
    return this.codec.eventJson(chunk.times[i], chunk, i);
  }

  /** The chunk and row of position `pos` (0 = oldest), or undefined when out of range. */
  locate(pos: number): [LogChunk, number] | undefined {
    if (pos < 0 || pos >= this.count) return undefined;
    if (!this.index) {
      const idx: number[] = [];
      let p = 0;
      this.chunks.forEach((c, k) => {
        idx.push(p);
        p += c.n - (k === 0 ? this.start : 0);
      });
      this.index = idx;
    }
    const idx = this.index;
    let lo = 0;
    let hi = idx.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (idx[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return [this.chunks[lo], pos - idx[lo] + (lo === 0 ? this.start : 0)];
  }

  /** Every record held, oldest first (decoded; for tests, exports and small stores). */
  records(): CloudTrailRecord[] {
    const out: CloudTrailRecord[] = [];
    this.forEachRange((c, b, e) => {
      for (let i = b; i < e; i++) out.push(this.recordAt(c, i));
    });
    return out;
  }

  /** The eventTimes held, oldest first. */
  times(): number[] {
    const out: number[] = [];
    this.forEachRange((c, b, e) => {
      for (let i = b; i < e; i++) out.push(c.times[i]);
    });
    return out;
  }
}
