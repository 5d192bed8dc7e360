/**
 * trailsim's Insights detection policy.
 *
 * AWS documents what an Insights event *reports* (the baseline is the average per-minute rate
 * of the seven days before the Insight; the insight average is the unusual rate; Start and End
 * records share a sharedEventID) but not *when* one is raised: "CloudTrail Insights ...
 * generates Insights events when the current API call rates or error rates deviate from the
 * baseline" (Working with CloudTrail Insights,
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-insights-events-with-cloudtrail.html).
 * The threshold, the minimum counts and the end rule below are therefore **trailsim's**, not
 * AWS's: deterministic, documented and configurable. See README.md in this folder.
 */
import { parseDuration, type Duration } from '../../core/duration.js';
import { TrailsimInputError } from '../../core/errors.js';

/** The two Insights types for management events. */
export type InsightType = 'ApiCallRateInsight' | 'ApiErrorRateInsight';

export const INSIGHT_TYPES: readonly InsightType[] = ['ApiCallRateInsight', 'ApiErrorRateInsight'];

/**
 * Knobs of trailsim's detection policy. Counts are per account, per Region and per minute:
 * calls to one write management API (ApiCallRateInsight) or errors with one error code on one
 * management API (ApiErrorRateInsight).
 *
 * **High side** (a burst). Minute `m` is unusual when its count `c` satisfies all of
 * `c >= minCount`, `c > mean + sigma * max(sd, sigmaFloor)` and `c >= minRatio * mean`, where
 * `mean` and `sd` are the per-minute mean and standard deviation over the baseline period.
 * The Insight starts at the first unusual minute and ends after the last unusual minute that
 * is followed by `closeAfter` consecutive ordinary minutes.
 *
 * **Low side** (a gap in periodic activity, ApiCallRateInsight only). Each write API with a
 * steady history is watched over a trailing window of `S` minutes,
 * `S = clamp(ceil(gapWindowCalls / mean), gapMinWindow, gapMaxWindow)`. The window's expected
 * count `X` is the average count of the same window (same time of day) on each of the
 * `baselineDays` previous days. The window is unusually quiet when `X >= gapMinExpected` and
 * its observed count is `<= gapRatio * X`, and the silence after the window's last call
 * (or the whole window if it has none) is a time when calls were expected. The gap starts at
 * the first minute of that silence in which a call was expected, and it ends at the next
 * call (or when the trailing windows stop expecting calls, as the baseline learns the new
 * rate).
 */
export interface InsightsPolicy {
  /** High side: how many standard deviations above the baseline mean a minute must be. @defaultValue 8 */
  sigma: number;
  /** High side: the standard deviation used is at least this (calls per minute), so sparse APIs need a real burst. @defaultValue 1 */
  sigmaFloor: number;
  /** High side: an unusual minute has at least this many calls (or errors). @defaultValue 10 */
  minCount: number;
  /** High side: an unusual minute has at least this multiple of the baseline mean. @defaultValue 2 */
  minRatio: number;
  /** High side: an Insight ends after this many consecutive ordinary minutes. @defaultValue 5 */
  closeAfter: number;
  /**
   * Whole UTC days of history before the day of an Insight's start that form its baseline
   * (plus that day up to the start), as AWS's "seven days preceding the start" with a
   * baselineDuration of at least 10080 minutes. No Insight starts until the engine has seen
   * this many whole days. @defaultValue 7
   */
  baselineDays: number;
  /**
   * No Insight starts earlier than this after Insights is enabled (or re-enabled) for an
   * account and Region: AWS says the first Insights event can take up to 36 hours.
   * @defaultValue '36h'
   */
  warmup: Duration;
  /**
   * Records are ingested this long after the minute that decided them (AWS: Insights events
   * are typically delivered within 30 minutes). @defaultValue 0
   */
  deliveryDelay: Duration;
  /** Turn the low-side (gap) detection on or off. @defaultValue true */
  gap: boolean;
  /** Low side: the trailing window is sized to hold about this many baseline calls. @defaultValue 40 */
  gapWindowCalls: number;
  /** Low side: a window is judged only when the baseline expects at least this many calls in it. @defaultValue 20 */
  gapMinExpected: number;
  /** Low side: a window is quiet when its count is at most this fraction of the expected count. @defaultValue 0.1 */
  gapRatio: number;
  /** Low side: shortest window, minutes. @defaultValue 60 */
  gapMinWindow: number;
  /** Low side: longest window, minutes (at most 1440). @defaultValue 1440 */
  gapMaxWindow: number;
}

/** The defaults; see `InsightsPolicy` and README.md for the rationale. */
export const DEFAULT_INSIGHTS_POLICY: Readonly<InsightsPolicy> = Object.freeze({
  sigma: 8,
  sigmaFloor: 1,
  minCount: 10,
  minRatio: 2,
  closeAfter: 5,
  baselineDays: 7,
  warmup: '36h',
  deliveryDelay: 0,
  gap: true,
  gapWindowCalls: 40,
  gapMinExpected: 20,
  gapRatio: 0.1,
  gapMinWindow: 60,
  gapMaxWindow: 1440,
});

/** A policy read into numbers (durations in ms). */
export interface ResolvedPolicy extends Omit<InsightsPolicy, 'warmup' | 'deliveryDelay'> {
  warmupMs: number;
  deliveryDelayMs: number;
}

function num(name: string, v: unknown, { min, int = false, max }: { min: number; int?: boolean; max?: number }): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (max !== undefined && v > max) || (int && !Number.isInteger(v))) {
    const range = max !== undefined ? `between ${min} and ${max}` : `at least ${min}`;
    throw new TrailsimInputError(`Insights policy ${name} must be ${int ? 'an integer' : 'a number'} ${range}; got ${String(v)}.`);
  }
  return v;
}

/** Merges `overrides` over the defaults and checks every value (throws TrailsimInputError). */
export function resolvePolicy(overrides: Partial<InsightsPolicy> = {}): ResolvedPolicy {
  if (typeof overrides !== 'object' || overrides === null) throw new TrailsimInputError('Insights policy must be an object.');
  const known = new Set(Object.keys(DEFAULT_INSIGHTS_POLICY));
  for (const k of Object.keys(overrides)) {
    if (!known.has(k)) throw new TrailsimInputError(`Unknown Insights policy option '${k}'. Known: ${[...known].join(', ')}.`);
  }
  const p: InsightsPolicy = { ...DEFAULT_INSIGHTS_POLICY, ...stripUndefined(overrides) };
  if (typeof p.gap !== 'boolean') throw new TrailsimInputError(`Insights policy gap must be a boolean; got ${String(p.gap)}.`);
  const out: ResolvedPolicy = {
    sigma: num('sigma', p.sigma, { min: 0 }),
    sigmaFloor: num('sigmaFloor', p.sigmaFloor, { min: 0 }),
    minCount: num('minCount', p.minCount, { min: 1, int: true }),
    minRatio: num('minRatio', p.minRatio, { min: 0 }),
    closeAfter: num('closeAfter', p.closeAfter, { min: 1, int: true }),
    baselineDays: num('baselineDays', p.baselineDays, { min: 1, int: true, max: 28 }),
    warmupMs: parseDuration(p.warmup),
    deliveryDelayMs: parseDuration(p.deliveryDelay),
    gap: p.gap,
    gapWindowCalls: num('gapWindowCalls', p.gapWindowCalls, { min: 1 }),
    gapMinExpected: num('gapMinExpected', p.gapMinExpected, { min: 1 }),
    gapRatio: num('gapRatio', p.gapRatio, { min: 0, max: 1 }),
    gapMinWindow: num('gapMinWindow', p.gapMinWindow, { min: 1, int: true, max: 1440 }),
    gapMaxWindow: num('gapMaxWindow', p.gapMaxWindow, { min: 1, int: true, max: 1440 }),
  };
  if (out.gapMinWindow > out.gapMaxWindow) {
    throw new TrailsimInputError(`Insights policy gapMinWindow (${out.gapMinWindow}) is larger than gapMaxWindow (${out.gapMaxWindow}).`);
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
