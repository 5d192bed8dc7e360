import type { CloudTrailRecord, JsonObject, JsonValue } from '../record/types.js';

/**
 * CloudTrail's field size limits (record-contents page, summarised in
 * shared/reference/cloudtrail-reference.md §1): requestParameters, responseElements and
 * serviceEventDetails up to 100 KB; additionalEventData and edgeDeviceDetails up to 28 KB;
 * userAgent, errorCode, errorMessage and requestID up to 1 KB.
 *
 * What happens above the limit. The record-contents page says: "CloudTrail truncates a
 * field if the field's contents exceeds the maximum field size. If a field is truncated,
 * omitted is present with a value of true." For the object fields trailsim therefore
 * writes `{ "omitted": true }` in place of the object (the page does not document further
 * keys, so none are invented). For the string fields the real samples show the cut: EC2's
 * `Client.UnauthorizedOperation` messages with long encoded authorization messages end at
 * about 1 KB with `...` (shared/reference/cloudtrail-samples, the RunInstances denial; the
 * same in aws-cloudtrail-processing-library issue #13), so strings keep their first
 * 1021 characters plus `...`.
 *
 * This module lives in src/catalog (not src/record) to stay in the catalog's folder.
 */

export const OBJECT_FIELD_LIMITS = {
  requestParameters: 100 * 1024,
  responseElements: 100 * 1024,
  serviceEventDetails: 100 * 1024,
  additionalEventData: 28 * 1024,
  edgeDeviceDetails: 28 * 1024,
} as const;

export const STRING_FIELD_LIMIT = 1024;
const STRING_FIELDS = ['userAgent', 'errorCode', 'errorMessage', 'requestID'] as const;
/** The object fields in OBJECT_FIELD_LIMITS' order (listed once: this runs per record). */
const OBJECT_FIELDS = Object.keys(OBJECT_FIELD_LIMITS) as (keyof typeof OBJECT_FIELD_LIMITS)[];

/** What CloudTrail writes in place of an object field that is too large. */
export const OMITTED: Readonly<JsonObject> = Object.freeze({ omitted: true });

/** UTF-8 length of a string without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Serialized size in bytes of a JSON value (as it would appear in the record). */
export function jsonSize(v: JsonValue | undefined): number {
  if (v === undefined) return 0;
  return utf8Length(JSON.stringify(v));
}

/**
 * Whether a JSON value's serialized size exceeds `limit`. Runs per record, so it first
 * sums a cheap upper bound (every character escaped to 6 bytes) and stops as soon as
 * that bound is under the limit; only values that might be too large are serialized.
 */
export function jsonExceeds(v: JsonValue, limit: number): boolean {
  return boundLeft(v, limit) < 0 && jsonSize(v) > limit;
}

/**
 * `budget` less the upper bound of `x`'s size; stops early once negative. No allocation.
 * Leaves (strings, numbers, booleans, null) are counted in the loops, without a call each:
 * this runs on every record's request, response and additionalEventData.
 */
function boundLeft(x: JsonValue, budget: number): number {
  if (typeof x === 'string') return budget - (6 * x.length + 3);
  if (x === null || typeof x !== 'object') return budget - 25;
  if (Array.isArray(x)) {
    budget -= 2 + x.length;
    for (let i = 0; i < x.length && budget >= 0; i++) {
      const v = x[i];
      if (typeof v === 'string') budget -= 6 * v.length + 3;
      else if (v === null || typeof v !== 'object') budget -= 25;
      else budget = boundLeft(v, budget);
    }
    return budget;
  }
  budget -= 2;
  for (const k in x) {
    const v = x[k];
    budget -= 6 * k.length + 4;
    if (typeof v === 'string') budget -= 6 * v.length + 3;
    else if (v === null || typeof v !== 'object') budget -= 25;
    else budget = boundLeft(v, budget);
    if (budget < 0) return budget;
  }
  return budget;
}

/** A string cut to `limit` characters the way CloudTrail cuts it (`...` at the end). */
export function truncateString(s: string, limit = STRING_FIELD_LIMIT): string {
  return s.length <= limit ? s : s.slice(0, limit - 3) + '...';
}

/**
 * Applies CloudTrail's size limits to a record. Returns the record itself when nothing is
 * over a limit, else a copy (same key order) with oversized object fields replaced by
 * `{ omitted: true }` and oversized strings cut with `...`. Never mutates its argument.
 */
export function applySizeLimits(record: CloudTrailRecord): CloudTrailRecord {
  // Runs per record: the common case (nothing near a limit) reads each field once by name.
  const r = record;
  if (withinSizeLimits(r.requestParameters, r.responseElements, r.serviceEventDetails, r.additionalEventData, r.userAgent, r.errorCode, r.errorMessage, r.requestID) && !overObject(r.edgeDeviceDetails, OBJECT_FIELD_LIMITS.edgeDeviceDetails)) {
    return record;
  }
  let changes: Partial<Record<keyof CloudTrailRecord, unknown>> | undefined;
  for (let i = 0; i < OBJECT_FIELDS.length; i++) {
    const f = OBJECT_FIELDS[i];
    if (overObject(record[f], OBJECT_FIELD_LIMITS[f])) (changes ??= {})[f] = { ...OMITTED };
  }
  for (let i = 0; i < STRING_FIELDS.length; i++) {
    const f = STRING_FIELDS[i];
    const v = record[f];
    if (overString(v)) (changes ??= {})[f] = truncateString(v as string);
  }
  if (!changes) return record;
  const out = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(record)) out[k] = k in changes ? changes[k as keyof CloudTrailRecord] : v;
  return out as unknown as CloudTrailRecord;
}

/**
 * Whether a record with these field values is within every limit applySizeLimits applies
 * (edgeDeviceDetails aside: the record builder never writes it). The builder asks with the
 * values it holds, instead of reading them back off a record whose shape varies.
 */
export function withinSizeLimits(
  requestParameters: JsonObject | null | undefined,
  responseElements: JsonObject | null | undefined,
  serviceEventDetails: JsonObject | undefined,
  additionalEventData: JsonObject | undefined,
  userAgent: string | undefined,
  errorCode: string | undefined,
  errorMessage: string | undefined,
  requestID: string | undefined,
): boolean {
  const L = OBJECT_FIELD_LIMITS;
  return (
    !overObject(requestParameters, L.requestParameters) &&
    !overObject(responseElements, L.responseElements) &&
    !overObject(serviceEventDetails, L.serviceEventDetails) &&
    !overObject(additionalEventData, L.additionalEventData) &&
    !overString(userAgent) &&
    !overString(errorCode) &&
    !overString(errorMessage) &&
    !overString(requestID)
  );
}

function overObject(v: unknown, limit: number): boolean {
  return v !== undefined && v !== null && jsonExceeds(v as JsonValue, limit);
}

function overString(v: unknown): boolean {
  return typeof v === 'string' && v.length > STRING_FIELD_LIMIT;
}
