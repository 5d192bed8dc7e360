/**
 * The storage behind event history: entries kept in sort order, plus one posting list
 * per (lookup attribute, value), each also in sort order.
 *
 * Sort order (oldest → newest): eventTime, then ingestion sequence. LookupEvents reads
 * it backwards, so within one eventTime the **later-ingested** record comes first.
 *
 * Posting lists are built on a key's first lookup and kept up to date from then on: most
 * histories are written far more than they are searched (a simulation records every event
 * and an audit asks a few questions), and a list per value per key for every event is most
 * of what ingest would otherwise cost, in time and in objects the GC walks. EventId has no
 * lists at all: event IDs are unique in a history, so a map finds the one event.
 *
 * Costs, n = entries in the run touched:
 * - insert: O(1) amortised when the record is the newest (the common case: records
 *   arrive in time order); otherwise a binary search and an array splice.
 * - expiry: the oldest entry is the head of the main run *and* of every posting list it
 *   is in (all runs share one order), so dropping it is a head-pointer step per list, and
 *   arrays are compacted only when the dead prefix outgrows the live part.
 * - range and resume: binary searches.
 */
import { TrailsimError } from '../core/errors.js';
import type { EventFields, LookupAttributeKey } from './lookup-events.js';
import { attributeValues } from './lookup-events.js';

/** One stored event. */
export interface HistoryEntry {
  /** eventTime, epoch ms. */
  readonly t: number;
  /** Ingestion sequence, unique per history: the tie-breaker. */
  readonly seq: number;
  readonly fields: EventFields;
  /** The record as JSON, serialised once at ingest (the CloudTrailEvent field). */
  readonly json: string;
}

function keyBefore(e: HistoryEntry, t: number, seq: number): boolean {
  return e.t < t || (e.t === t && e.seq < seq);
}

/** Entries in sort order, with a movable head so expiry from the old end is O(1). */
export class SortedRun {
  private items: HistoryEntry[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  /** First live position (positions are only valid until the next mutation). */
  get start(): number {
    return this.head;
  }

  /** One past the last position. */
  get end(): number {
    return this.items.length;
  }

  at(i: number): HistoryEntry {
    return this.items[i];
  }

  oldest(): HistoryEntry | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  insert(e: HistoryEntry): void {
    const n = this.items.length;
    if (n === this.head || !keyBefore(e, this.items[n - 1].t, this.items[n - 1].seq)) {
      this.items.push(e);
      return;
    }
    // Out of order (replayed logs): place it after everything with a smaller key.
    this.items.splice(this.firstNotBefore((x) => keyBefore(x, e.t, e.seq)), 0, e);
  }

  /** Removes `e`, which must be the oldest entry. */
  dropOldest(e: HistoryEntry): void {
    if (this.items[this.head] !== e) throw new TrailsimError('Internal error: event history index out of order.');
    this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** First position whose eventTime is ≥ `t`. */
  lowerBoundTime(t: number): number {
    return this.firstNotBefore((x) => x.t < t);
  }

  /** First position whose eventTime is > `t`. */
  upperBoundTime(t: number): number {
    return this.firstNotBefore((x) => x.t <= t);
  }

  /** First position whose key is ≥ (t, seq). */
  lowerBoundKey(t: number, seq: number): number {
    return this.firstNotBefore((x) => keyBefore(x, t, seq));
  }

  /** Binary search over the live part; `before` must hold on a prefix only. */
  private firstNotBefore(before: (x: HistoryEntry) => boolean): number {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.items[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A main run and posting lists `key → value → run` for the given lookup keys (built on first use). */
export class CategoryIndex {
  readonly all = new SortedRun();
  /** Live entries by eventId. */
  private readonly ids = new Map<string, HistoryEntry>();
  /** Posting lists of the keys looked up so far. */
  private readonly byKey = new Map<LookupAttributeKey, Map<string, SortedRun>>();

  constructor(readonly keys: readonly LookupAttributeKey[]) {}

  add(e: HistoryEntry): void {
    this.all.insert(e);
    this.ids.set(e.fields.eventId, e);
    for (const [key, lists] of this.byKey) index(lists, key, e);
  }

  /** Drops every entry with eventTime < `cutoff`, oldest first. */
  expireBefore(cutoff: number): void {
    for (let e = this.all.oldest(); e !== undefined && e.t < cutoff; e = this.all.oldest()) {
      this.all.dropOldest(e);
      this.ids.delete(e.fields.eventId);
      for (const [key, lists] of this.byKey) {
        for (const v of attributeValues(e.fields, key)) {
          const run = lists.get(v);
          if (!run) continue;
          run.dropOldest(e);
          if (run.size === 0) lists.delete(v);
        }
      }
    }
  }

  /** The posting list for one attribute value (undefined: no event has it). */
  list(key: LookupAttributeKey, value: string): SortedRun | undefined {
    if (!this.keys.includes(key)) return undefined;
    if (key === 'EventId') {
      const e = this.ids.get(value);
      if (e === undefined) return undefined;
      const run = new SortedRun();
      run.insert(e);
      return run;
    }
    let lists = this.byKey.get(key);
    if (!lists) {
      // First lookup by this key: index every live entry, oldest first (appends only).
      lists = new Map();
      for (let i = this.all.start; i < this.all.end; i++) index(lists, key, this.all.at(i));
      this.byKey.set(key, lists);
    }
    return lists.get(value);
  }

  has(eventId: string): boolean {
    return this.ids.has(eventId);
  }
}

function index(lists: Map<string, SortedRun>, key: LookupAttributeKey, e: HistoryEntry): void {
  for (const v of attributeValues(e.fields, key)) {
    let run = lists.get(v);
    if (!run) lists.set(v, (run = new SortedRun()));
    run.insert(e);
  }
}
