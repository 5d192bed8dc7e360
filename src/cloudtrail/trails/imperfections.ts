/**
 * Delivery imperfections real pipelines must survive, all off by default and drawn from
 * seeded streams when on:
 *
 * - **late delivery**: a record arrives in a later file, with the `addendum` CloudTrail
 *   writes on late events (`reason: "DELIVERY_DELAY"`; `SERVICE_OUTAGE` can be chosen);
 *   `addendum` exists from eventVersion 1.08, so records older than that are delivered
 *   late without one (record-contents page; cloudtrail-reference.md §1);
 * - **out-of-order records**: the records of a file are shuffled ("Records are not in
 *   guaranteed order", cloudtrail-reference.md §5);
 * - **duplicates**: a record is delivered a second time, identical (same eventID), in a
 *   later file. CloudTrail documents at-least-once behaviour only implicitly; pipelines
 *   de-duplicate on eventID.
 */
import { parseDuration, type Duration } from '../../core/duration.js';
import { TrailsimInputError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import { RECORD_KEY_ORDER, type Addendum, type CloudTrailRecord } from '../../record/types.js';

export interface DeliveryImperfections {
  /** Deliver a share of records late, with an addendum. */
  late?: {
    /** Share of records, 0..1. */
    probability: number;
    /** Fixed delay, or `[min, max]` drawn uniformly. @defaultValue ['30m', '6h'] */
    delay?: Duration | readonly [Duration, Duration];
    /** @defaultValue 'DELIVERY_DELAY' */
    reason?: Extract<Addendum['reason'], 'DELIVERY_DELAY' | 'SERVICE_OUTAGE'>;
  };
  /** Shuffle the records inside each delivered file. */
  outOfOrder?: boolean;
  /** Deliver a share of records twice. */
  duplicates?: {
    probability: number;
  };
}

/** Imperfections checked and resolved to milliseconds. */
export interface ResolvedImperfections {
  late?: { probability: number; min: number; max: number; reason: 'DELIVERY_DELAY' | 'SERVICE_OUTAGE' };
  outOfOrder: boolean;
  duplicates?: { probability: number };
}

function probability(p: unknown, what: string): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new TrailsimInputError(`${what} probability must be a number between 0 and 1; got ${String(p)}.`);
  return p;
}

export function resolveImperfections(i: DeliveryImperfections | undefined): ResolvedImperfections {
  const out: ResolvedImperfections = { outOfOrder: i?.outOfOrder === true };
  if (i?.late) {
    const d = i.late.delay ?? ['30m', '6h'];
    const [min, max] = Array.isArray(d) ? [parseDuration(d[0]), parseDuration(d[1])] : [parseDuration(d as Duration), parseDuration(d as Duration)];
    if (max < min) throw new TrailsimInputError('late.delay: the maximum is below the minimum.');
    out.late = { probability: probability(i.late.probability, 'late'), min, max, reason: i.late.reason ?? 'DELIVERY_DELAY' };
  }
  if (i?.duplicates) out.duplicates = { probability: probability(i.duplicates.probability, 'duplicates') };
  return out;
}

/** Whether any imperfection is on. */
export function anyImperfection(r: ResolvedImperfections): boolean {
  return r.outOfOrder || (r.late?.probability ?? 0) > 0 || (r.duplicates?.probability ?? 0) > 0;
}

function minorOf(version: string): number {
  const m = /^1\.(\d+)$/.exec(version);
  return m ? Number(m[1]) : 0;
}

/**
 * The record as delivered late: the same record with `addendum` in its place in
 * CloudTrail's key order. Records older than 1.08 (no addendum field) come back unchanged.
 */
export function withAddendum(r: CloudTrailRecord, addendum: Addendum): CloudTrailRecord {
  if (minorOf(r.eventVersion) < 8) return r;
  const src = r as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of RECORD_KEY_ORDER) {
    if (k === 'addendum') out.addendum = addendum;
    else if (k in src) out[k] = src[k];
  }
  for (const k of Object.keys(src)) if (!(k in out)) out[k] = src[k];
  return out as unknown as CloudTrailRecord;
}

/** A late delay in ms, from `rng`. */
export function lateDelay(late: NonNullable<ResolvedImperfections['late']>, rng: Random): number {
  return late.min === late.max ? late.min : late.min + Math.floor(rng.next() * (late.max - late.min + 1));
}
