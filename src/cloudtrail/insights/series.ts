/**
 * The per-minute history of one Insights subject: one API (ApiCallRateInsight) or one API and
 * error code (ApiErrorRateInsight) in one account and Region. Kept sparse and bounded:
 * - one aggregate per UTC day (count, sum of squared per-minute counts, counts per
 *   attribution value) for the baseline days, pruned as days roll;
 * - the events of the current and previous UTC day (minute and attribution values), for
 *   baselines that end inside a day and for the attributions of an Insight's first minutes;
 * - for call-rate subjects only, per-minute counts over the last `baselineDays + 1` days,
 *   for the low-side (gap) windows: sparse while few minutes have calls, a dense ring after.
 */
import type { InsightType } from './policy.js';

export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1440;

/** Attribution attributes, in the order CloudTrail lists them. */
export const ATTRIBUTES = ['userIdentityArn', 'userAgent', 'errorCode'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** A count and the counts per attribution value (one map per attribute). */
export interface Tally {
  n: number;
  values: Map<string, number>[];
}

export function newTally(attrs: number): Tally {
  const values: Map<string, number>[] = [];
  for (let i = 0; i < attrs; i++) values.push(new Map());
  return { n: 0, values };
}

export function addValues(t: Tally, vals: readonly string[], times = 1): void {
  t.n += times;
  for (let i = 0; i < t.values.length; i++) {
    const m = t.values[i];
    m.set(vals[i], (m.get(vals[i]) ?? 0) + times);
  }
}

export function mergeTally(into: Tally, from: Tally): void {
  into.n += from.n;
  for (let i = 0; i < into.values.length; i++) {
    const m = into.values[i];
    for (const [v, c] of from.values[i]) m.set(v, (m.get(v) ?? 0) + c);
  }
}

interface DayStats extends Tally {
  /** Sum over the day's minutes of (calls in that minute)^2, for the standard deviation. */
  sumsq: number;
}

/** The baseline of one Insight: the period before its start. */
export interface Baseline {
  /** Minutes in the period (baselineDuration). */
  minutes: number;
  /** Mean per minute. */
  mean: number;
  /** Standard deviation of the per-minute counts. */
  sd: number;
  tally: Tally;
}

/** An Insight in progress. */
export interface OpenInsight {
  side: 'high' | 'low';
  start: number;
  baseline: Baseline;
  sharedEventID: string;
  endEventID: string;
  /** High side: the calls of [start, lastUnusual]. */
  committed: Tally;
  /** High side: calls after lastUnusual, merged into `committed` if another unusual minute comes. */
  tail: Tally;
  lastUnusual: number;
}

export interface SubjectKey {
  readonly type: InsightType;
  readonly accountId: string;
  readonly region: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly errorCode?: string;
}

export class Series implements SubjectKey {
  readonly attrs: number;
  private readonly days = new Map<number, DayStats>();
  /** Events of the current and previous day: minute, and attribution values. */
  private logMinute: number[] = [];
  private logValues: string[][] = [];
  /** Minute and count of the latest minute with calls. */
  curMinute = -1;
  curCount = 0;
  /** Sums of the `baselineDays` whole days before `cacheDay`. */
  private cacheDay = -1;
  private cacheN = 0;
  private cacheSumsq = 0;
  /** Per-minute counts (call-rate subjects). */
  readonly minutes?: MinuteCounts;

  // Low-side window state, maintained by the engine.
  tracked = false;
  window = 0;
  sumsAt = -1;
  sumsWindow = 0;
  winCount = 0;
  /** Sum over the previous days of the same window's count. */
  winSeasonal = 0;
  /** The silence last examined for a gap: its first minute, the minute examined, its first expected minute, its expected calls. */
  quietFrom = -1;
  quietAt = -1;
  quietFirst = -1;
  quietMissed = 0;

  /**
   * Set when a gap ended because the baseline stopped expecting calls (the job is gone):
   * no new gap is looked for until the subject is called again.
   */
  gapRetired = false;

  open: OpenInsight | undefined;
  /** Last minute the engine evaluated this subject (avoids evaluating it twice in a minute). */
  lastEval = -1;

  constructor(
    readonly type: InsightType,
    readonly accountId: string,
    readonly region: string,
    readonly eventSource: string,
    readonly eventName: string,
    readonly errorCode: string | undefined,
    baselineDays: number,
  ) {
    // Error-rate Insights count one error code, so they carry no errorCode attribution
    // (the documented ApiErrorRateInsight examples list userIdentityArn and userAgent only).
    this.attrs = type === 'ApiCallRateInsight' ? 3 : 2;
    if (type === 'ApiCallRateInsight') this.minutes = new MinuteCounts((baselineDays + 1) * DAY_MINUTES + 1);
  }

  /** Records one call (or error) in `minute`. Minutes arrive in non-decreasing order. */
  add(minute: number, vals: readonly string[]): void {
    const day = Math.floor(minute / DAY_MINUTES);
    let ds = this.days.get(day);
    if (!ds) {
      ds = { ...newTally(this.attrs), sumsq: 0 };
      this.days.set(day, ds);
    }
    if (this.curMinute !== minute) {
      this.curMinute = minute;
      this.curCount = 0;
    }
    ds.sumsq += 2 * this.curCount + 1;
    this.curCount++;
    addValues(ds, vals);
    this.logMinute.push(minute);
    this.logValues.push(vals.slice(0, this.attrs));
    this.minutes?.add(minute);
    this.gapRetired = false;
    if (this.open) addValues(this.open.tail, vals);
  }

  /** Calls in `minute` if it is the latest minute with calls, else 0. */
  countAt(minute: number): number {
    return this.curMinute === minute ? this.curCount : 0;
  }

  /** Drops what no baseline starting on `day` or later can need. */
  prune(day: number, baselineDays: number): void {
    for (const d of this.days.keys()) if (d < day - baselineDays - 1) this.days.delete(d);
    this.minutes?.prune(day * DAY_MINUTES);
    const keepFrom = (day - 1) * DAY_MINUTES;
    let i = 0;
    while (i < this.logMinute.length && this.logMinute[i] < keepFrom) i++;
    if (i > 0) {
      this.logMinute = this.logMinute.slice(i);
      this.logValues = this.logValues.slice(i);
    }
  }

  /** True when nothing remains to keep (the engine may forget the subject). */
  get empty(): boolean {
    return this.days.size === 0 && this.open === undefined;
  }

  /** Calls over the `baselineDays` whole days before `day`. */
  wholeDays(day: number, baselineDays: number): { n: number; sumsq: number } {
    if (this.cacheDay !== day) {
      let n = 0;
      let sumsq = 0;
      for (let d = day - baselineDays; d < day; d++) {
        const ds = this.days.get(d);
        if (ds) {
          n += ds.n;
          sumsq += ds.sumsq;
        }
      }
      this.cacheDay = day;
      this.cacheN = n;
      this.cacheSumsq = sumsq;
    }
    return { n: this.cacheN, sumsq: this.cacheSumsq };
  }

  /**
   * Mean and standard deviation of the baseline that ends at the start of `minute`, when
   * `minute` is the latest minute recorded (the fast path used for every busy minute).
   */
  quickBaseline(minute: number, baselineDays: number): { mean: number; sd: number } {
    const day = Math.floor(minute / DAY_MINUTES);
    const w = this.wholeDays(day, baselineDays);
    const today = this.days.get(day);
    const c = this.countAt(minute);
    const n = w.n + (today ? today.n : 0) - c;
    const sumsq = w.sumsq + (today ? today.sumsq : 0) - c * c;
    const minutes = baselineDays * DAY_MINUTES + (minute - day * DAY_MINUTES);
    const mean = n / minutes;
    return { mean, sd: Math.sqrt(Math.max(0, sumsq / minutes - mean * mean)) };
  }

  /**
   * The full baseline ending at the start of `start` (which lies in the current or the
   * previous UTC day): the `baselineDays` whole days before start's day, and that day up to
   * `start`.
   */
  baseline(start: number, baselineDays: number): Baseline {
    const day = Math.floor(start / DAY_MINUTES);
    const tally = newTally(this.attrs);
    let sumsq = 0;
    for (let d = day - baselineDays; d < day; d++) {
      const ds = this.days.get(d);
      if (ds) {
        mergeTally(tally, ds);
        sumsq += ds.sumsq;
      }
    }
    const from = day * DAY_MINUTES;
    let minute = -1;
    let c = 0;
    for (let i = 0; i < this.logMinute.length; i++) {
      const m = this.logMinute[i];
      if (m < from) continue;
      if (m >= start) break;
      addValues(tally, this.logValues[i]);
      if (m !== minute) {
        sumsq += c * c;
        minute = m;
        c = 0;
      }
      c++;
    }
    sumsq += c * c;
    const minutes = baselineDays * DAY_MINUTES + (start - from);
    const mean = tally.n / minutes;
    return { minutes, mean, sd: Math.sqrt(Math.max(0, sumsq / minutes - mean * mean)), tally };
  }

  /** The calls of minutes [from, to] still in the event log. */
  tally(from: number, to: number): Tally {
    const t = newTally(this.attrs);
    for (let i = this.logMinute.length - 1; i >= 0; i--) {
      const m = this.logMinute[i];
      if (m < from) break;
      if (m <= to) addValues(t, this.logValues[i]);
    }
    return t;
  }

  /** Per-minute count (call-rate subjects); `minute` within the span kept, after `advance`. */
  at(minute: number): number {
    return this.minutes!.at(minute);
  }

  /** Makes minutes up to `minute` readable (see MinuteCounts.advance). */
  advance(minute: number): void {
    this.minutes?.advance(minute);
  }
}

/** A sparse map holds at most this many minutes before the counts move to a dense ring. */
const DENSE_AT = 512;

/**
 * Per-minute counts over a sliding span of `span` minutes. Sparse (a Map, in minute order)
 * while few minutes have calls, which is most write APIs; a dense ring of `span` slots once
 * many do. Minutes are added in non-decreasing order; reads cover `(latest - span, latest]`.
 */
export class MinuteCounts {
  private sparse: Map<number, number> | undefined = new Map();
  private ring: Int32Array | undefined;
  /** Latest minute whose ring slot is valid. */
  private head = -1;

  constructor(readonly span: number) {}

  add(minute: number): void {
    if (this.ring) {
      this.advance(minute);
      this.ring[minute % this.span]++;
      return;
    }
    const m = this.sparse!;
    m.set(minute, (m.get(minute) ?? 0) + 1);
    if (minute > this.head) this.head = minute;
    if (m.size > DENSE_AT) this.densify();
  }

  at(minute: number): number {
    return this.ring ? this.ring[minute % this.span] : (this.sparse!.get(minute) ?? 0);
  }

  /** Moves the ring's head to `minute`, clearing slots whose minutes fell out of the span. */
  advance(minute: number): void {
    if (minute <= this.head) return;
    const ring = this.ring;
    if (ring) {
      if (minute - this.head >= this.span) ring.fill(0);
      else for (let m = this.head + 1; m <= minute; m++) ring[m % this.span] = 0;
    }
    this.head = minute;
  }

  /** Forgets sparse minutes that can no longer be read once `now` is reached. */
  prune(now: number): void {
    const m = this.sparse;
    if (!m) return;
    const oldest = now - this.span;
    for (const k of m.keys()) {
      if (k >= oldest) break;
      m.delete(k);
    }
  }

  private densify(): void {
    const ring = new Int32Array(this.span);
    for (const [m, c] of this.sparse!) if (m > this.head - this.span) ring[m % this.span] = c;
    this.ring = ring;
    this.sparse = undefined;
  }
}
