/**
 * LookupEvents NextToken: an opaque string that names where the next page starts and
 * the parameters it belongs to. AWS: "This token must be passed in with the same
 * parameters that were specified in the original call" and InvalidNextTokenException is
 * "A token that is not valid, or a token that was previously used in a request with
 * different parameters" (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
 *
 * Layout: base64url of `v1.<fingerprint>.<eventTimeMs>.<seq>.<checksum>`.
 * - fingerprint: hash of the parameters that define the result set (account, region,
 *   EventCategory, LookupAttributes, StartTime, EndTime as given). MaxResults is not part
 *   of it: page size may change between pages, as paginators' page-size options do.
 * - eventTimeMs/seq: the sort key of the last event returned; the next page starts at the
 *   first event strictly older in the documented order, found by binary search. Keying on
 *   the event rather than an offset keeps pages exact when records are ingested or expire
 *   between calls.
 * - checksum: catches garbage and edited tokens.
 * The hash is FNV-1a (64 bits from two 32-bit lanes): tokens need integrity against
 * accidents, not secrecy, and this keeps the module free of platform crypto.
 */
import { InvalidNextTokenException } from '../core/errors.js';
import type { NormalizedLookup } from './lookup-events.js';

/** Where a page resumes: the sort key of the last event already returned. */
export interface ResumePoint {
  t: number;
  seq: number;
}

const VERSION = 'v1';

function fnv1a32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A 64-bit FNV-1a-style digest as 16 hex digits. */
export function digest(s: string): string {
  const a = fnv1a32(s, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a32(s, 0x01000193 ^ 0x5bd1e995).toString(16).padStart(8, '0');
  return a + b;
}

/** Identifies the result set of a lookup, for binding tokens to their parameters. */
export function lookupFingerprint(scope: { accountId: string; region: string }, q: NormalizedLookup): string {
  return digest(
    JSON.stringify([
      scope.accountId,
      scope.region,
      q.insight ? 'insight' : null,
      q.attribute?.key ?? null,
      q.attribute?.value ?? null,
      q.start ?? null,
      q.end ?? null,
    ]),
  );
}

function toBase64Url(ascii: string): string {
  return btoa(ascii).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    return atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}

export function encodeNextToken(fingerprint: string, at: ResumePoint): string {
  const body = `${VERSION}.${fingerprint}.${at.t}.${at.seq}`;
  return toBase64Url(`${body}.${digest(body)}`);
}

const INVALID = 'The NextToken is not valid or was used with different parameters.';

/**
 * Reads a token for a lookup whose parameters have `fingerprint`; throws
 * InvalidNextTokenException for garbage, edited tokens, or tokens from other parameters.
 */
export function decodeNextToken(token: unknown, fingerprint: string): ResumePoint {
  if (typeof token !== 'string' || token.length === 0 || token.length > 512) throw new InvalidNextTokenException(INVALID);
  const text = fromBase64Url(token);
  const m = text === undefined ? null : /^(v1\.([0-9a-f]{16})\.(-?\d{1,16})\.(\d{1,16}))\.([0-9a-f]{16})$/.exec(text);
  if (!m || digest(m[1]) !== m[5] || m[2] !== fingerprint) throw new InvalidNextTokenException(INVALID);
  const t = Number(m[3]);
  const seq = Number(m[4]);
  if (!Number.isSafeInteger(t) || !Number.isSafeInteger(seq)) throw new InvalidNextTokenException(INVALID);
  return { t, seq };
}
