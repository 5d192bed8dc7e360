/**
 * Log file integrity validation, as `aws cloudtrail validate-logs` does it (the AWS CLI's
 * awscli/customizations/cloudtrail/validation.py; CloudTrail User Guide, "Validating
 * CloudTrail log file integrity with the AWS CLI" and "Custom implementations"):
 *
 * 1. list the trail's digest files for the account and Region whose end time is between
 *    the start time and the end time plus one hour;
 * 2. starting from the newest, walk the chain backwards (`previousDigestS3Object`) while
 *    the digest's start is not before the requested start; a digest is valid when it
 *    decompresses and parses, has the required fields, sits where it says it was
 *    delivered, is signed by a known key (fingerprint) and its signature over the data
 *    signing string verifies; a missing digest is "not found"; after a broken link or a
 *    starting digest (null previous) the walk continues with the next older listed digest;
 * 3. every log file a valid digest lists must exist and its uncompressed SHA-256 must match.
 *
 * Like the CLI, a log file is reported valid, or INVALID with "hash value doesn't match",
 * "not found" or "invalid format"; a digest valid, or INVALID with "not found",
 * "invalid format", "has been moved from its original location", "public key not found" or
 * "signature verification failed".
 *
 * trailsim's additions, labelled `trailsim` in the result (the CLI does not do them):
 * - **unreferenced log files**: log files in the folder, delivered inside a period valid
 *   digests cover, that no digest lists (an inserted file);
 * - **unchained digest files**: digest files in the listing that the chain walk never
 *   reached (an inserted digest that points nowhere the chain goes);
 * - **chain hash check**: a digest's `previousDigestHashValue` / `previousDigestSignature`
 *   must match the previous digest's content and signature metadata;
 * - **missing coverage**: periods during which the trail is known to have been keeping
 *   digests (from the simulation's trail status) that no digest file covers, which is how
 *   deleting the newest digests shows.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { formatEventTime } from '../../core/time.js';
import type { S3Object, S3Store } from '../../s3/object-store.js';
import { sha256Hex, type DigestFile } from './digest.js';
import { gunzip } from './gzip.js';
import { datePath, folderPrefix, parseCloudTrailKey, type KeyScope } from './object-keys.js';
import { digestSigningString, publicKeyFingerprint, verifyDigestSignature } from './signing.js';
import { parseTrailArn } from './names.js';
import { TRAILSIM_TEST_PUBLIC_KEY_PEM } from './test-key.js';

const HOUR = 3_600_000;

/** One account and Region to validate, with the periods digests are expected to cover. */
export interface ValidateLogsTarget {
  accountId: string;
  region: string;
  /** Periods (epoch ms) the trail kept digests for this stream; enables `missing` detection. */
  expected?: { start: number; end: number }[];
  /**
   * When the trail was logging (end undefined: still logging). CloudTrail delivers no log
   * file outside these, so an unlisted file written outside them is flagged.
   */
  logging?: { start: number; end?: number }[];
}

export interface ValidateLogsOptions {
  trailArn: string;
  bucket: string;
  /**
   * Other buckets the trail delivered to earlier (UpdateTrail S3BucketName). A chain that
   * crosses buckets is followed anyway (`previousDigestS3Bucket`); these let the walk also
   * find chains that ended in an earlier bucket (trailsim; the CLI lists one bucket).
   */
  earlierBuckets?: string[];
  prefix?: string;
  /** For organization trails. */
  organizationId?: string;
  startTime: number;
  endTime: number;
  /** Public keys to verify signatures with (KeyObject, PEM, or DER PKCS#1 bytes). @defaultValue trailsim's test key */
  publicKeys?: (KeyObject | string | Uint8Array)[];
  /** Streams to validate; default: every account and Region with digests of this trail in the bucket. */
  targets?: ValidateLogsTarget[];
}

export type FileStatus = 'valid' | 'modified' | 'deleted' | 'unreferenced' | 'unchained';

/** One file's verdict. `message` is the CLI's line (`Digest file\ts3://b/k\tINVALID: ...`). */
export interface FileCheck {
  kind: 'digest' | 'log';
  bucket: string;
  key: string;
  status: FileStatus;
  message: string;
  /** `cli` for what validate-logs reports, `trailsim` for trailsim's additions. */
  source: 'cli' | 'trailsim';
}

export interface MissingCoverage {
  accountId: string;
  region: string;
  start: string;
  end: string;
  source: 'trailsim';
}

export interface StreamValidation {
  accountId: string;
  region: string;
  /** The period valid digests cover, when there is one (the CLI's "Results found for"). */
  resultsFound?: { start: string; end: string };
  digests: FileCheck[];
  logs: FileCheck[];
  /** "No log files were delivered by CloudTrail between X and Y". */
  gaps: { from: string; to: string }[];
  unreferenced: FileCheck[];
  unchained: FileCheck[];
  missing: MissingCoverage[];
}

export interface ValidateLogsResult {
  trailArn: string;
  startTime: string;
  endTime: string;
  streams: StreamValidation[];
  digestFiles: { valid: number; invalid: number };
  logFiles: { valid: number; invalid: number };
  /** Files whose content or signature no longer matches (CLI: hash, signature, format, moved). */
  modified: FileCheck[];
  /** Files a digest points to that are gone (CLI: "not found"). */
  deleted: FileCheck[];
  /** Expected digest coverage with no digest (trailsim). */
  missing: MissingCoverage[];
  /** Log files no digest lists (trailsim). */
  unreferenced: FileCheck[];
  /** Digests the chain never reaches (trailsim). */
  unchained: FileCheck[];
  /** True when nothing at all is wrong. */
  valid: boolean;
  /** The report as the CLI prints it (with trailsim's additions marked). */
  report(verbose?: boolean): string;
}

const REQUIRED_DIGEST_KEYS = ['digestPublicKeyFingerprint', 'digestS3Bucket', 'digestS3Object', 'previousDigestSignature', 'digestEndTime', 'digestStartTime'] as const;

class DigestError extends Error {
  constructor(readonly bucket: string, readonly key: string, readonly reason: string, readonly status: 'modified' | 'deleted') {
    super(reason);
  }
}

interface LoadedDigest {
  digest: DigestFile;
  hash: string;
  signature: string;
}

function line(kind: 'Digest' | 'Log', bucket: string, key: string, verdict: string): string {
  return `${kind} file\ts3://${bucket}/${key}\t${verdict}`;
}

/** Validates a trail's files in `store`. */
export function validateLogs(store: S3Store, opts: ValidateLogsOptions): ValidateLogsResult {
  const arn = parseTrailArn(opts.trailArn);
  const keys = new Map<string, KeyObject>();
  for (const k of opts.publicKeys ?? [TRAILSIM_TEST_PUBLIC_KEY_PEM]) {
    const ko = typeof k === 'string' ? createPublicKey(k) : k instanceof Uint8Array ? createPublicKey({ key: Buffer.from(k), format: 'der', type: 'pkcs1' }) : k;
    keys.set(publicKeyFingerprint(ko.export({ type: 'pkcs1', format: 'der' })), ko);
  }
  const targets = opts.targets ?? discoverTargets(store, opts, arn.name, arn.region);
  const streams = targets.map((t) => validateStream(store, opts, arn.name, arn.region, keys, t));
  const all = <K extends 'digests' | 'logs' | 'unreferenced' | 'unchained'>(k: K) => streams.flatMap((s) => s[k]);
  const digests = all('digests');
  const logs = all('logs');
  const result: ValidateLogsResult = {
    trailArn: opts.trailArn,
    startTime: formatEventTime(opts.startTime),
    endTime: formatEventTime(opts.endTime),
    streams,
    digestFiles: { valid: digests.filter((f) => f.status === 'valid').length, invalid: digests.filter((f) => f.status !== 'valid').length },
    logFiles: { valid: logs.filter((f) => f.status === 'valid').length, invalid: logs.filter((f) => f.status !== 'valid').length },
    modified: [...digests, ...logs].filter((f) => f.status === 'modified'),
    deleted: [...digests, ...logs].filter((f) => f.status === 'deleted'),
    missing: streams.flatMap((s) => s.missing),
    unreferenced: all('unreferenced'),
    unchained: all('unchained'),
    valid: false,
    report: (verbose = false) => report(result, verbose),
  };
  result.valid = result.modified.length === 0 && result.deleted.length === 0 && result.missing.length === 0 && result.unreferenced.length === 0 && result.unchained.length === 0;
  return result;
}

function scopeOf(opts: ValidateLogsOptions, accountId: string, region: string): KeyScope {
  const s: KeyScope = { accountId, region };
  if (opts.prefix) s.prefix = opts.prefix;
  if (opts.organizationId) s.organizationId = opts.organizationId;
  return s;
}

/** Accounts and Regions that have digest files of this trail in the bucket. */
function discoverTargets(store: S3Store, opts: ValidateLogsOptions, name: string, home: string): ValidateLogsTarget[] {
  if (!store.hasBucket(opts.bucket)) return [];
  const base = (opts.prefix ? `${opts.prefix}/` : '') + 'AWSLogs/' + (opts.organizationId ? `${opts.organizationId}/` : '');
  const seen = new Map<string, ValidateLogsTarget>();
  for (const k of store.listKeys(opts.bucket, base)) {
    // Every digest key has this folder; log files, most of a bucket, need no parsing.
    if (!k.includes('/CloudTrail-Digest/')) continue;
    const p = parseCloudTrailKey(k);
    if (!p || p.kind !== 'digest' || p.trailName !== name || p.homeRegion !== home) continue;
    if ((p.prefix ?? '') !== (opts.prefix ?? '') || (p.organizationId ?? '') !== (opts.organizationId ?? '')) continue;
    const id = `${p.accountId}|${p.region}`;
    if (!seen.has(id)) seen.set(id, { accountId: p.accountId, region: p.region });
  }
  return [...seen.values()];
}

function listDigestKeys(store: S3Store, bucket: string, scope: KeyScope, name: string, home: string, start: number, end: number): string[] {
  if (!store.hasBucket(bucket)) return [];
  const out: string[] = [];
  const from = Math.floor(start / 1000) * 1000;
  for (const o of objectsInDays(store, bucket, folderPrefix(scope, 'digest'), from, end + HOUR)) {
    const k = o.key;
    const p = parseCloudTrailKey(k);
    if (!p || p.kind !== 'digest' || p.trailName !== name || p.homeRegion !== home) continue;
    if (p.time >= from && p.time <= end + HOUR) out.push(k);
  }
  return out;
}

/**
 * The objects under `folder` (a CloudTrail folder, date folders below it) whose date folder
 * is between the days of `start` and `end`. A CloudTrail key parses only when its time lies
 * in its date folder, so no key outside those folders can name a time in [start, end]: a
 * two-year bucket is not listed and parsed whole to check a few days. Keys sort by their
 * date folder, so the walk starts at the first day and stops after the last.
 */
function* objectsInDays(store: S3Store, bucket: string, folder: string, start: number, end: number): Generator<S3Object> {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start || start < Date.UTC(1000, 0, 1) || end > Date.UTC(9999, 11, 31)) {
    yield* store.listObjects(bucket, { prefix: folder });
    return;
  }
  const first = datePath(start);
  const last = datePath(end);
  let after = folder + first.slice(0, 9) + String.fromCharCode(first.charCodeAt(9) - 1);
  for (;;) {
    const page = store.listObjects(bucket, { prefix: folder, startAfter: after, maxKeys: 1000 });
    for (const o of page) {
      if (o.key.slice(folder.length, folder.length + 10) > last) return;
      yield o;
    }
    if (page.length < 1000) return;
    after = page[page.length - 1].key;
  }
}

function keyTime(key: string): number {
  return parseCloudTrailKey(key)?.time ?? 0;
}

function loadDigest(store: S3Store, bucket: string, key: string, keys: Map<string, KeyObject>, home: string): LoadedDigest {
  const obj = store.tryGetObject(bucket, key);
  if (!obj) throw new DigestError(bucket, key, 'not found', 'deleted');
  let raw: Buffer;
  let digest: DigestFile;
  try {
    raw = gunzip(obj.body);
    digest = JSON.parse(raw.toString('utf8')) as DigestFile;
  } catch {
    throw new DigestError(bucket, key, 'invalid format', 'modified');
  }
  const signature = obj.metadata.signature;
  if (signature === undefined || obj.metadata['signature-algorithm'] === undefined) throw new DigestError(bucket, key, 'signature verification failed', 'modified');
  if (digest === null || typeof digest !== 'object') throw new DigestError(bucket, key, 'invalid format', 'modified');
  for (const k of REQUIRED_DIGEST_KEYS) if (!(k in digest)) throw new DigestError(bucket, key, 'invalid format', 'modified');
  if (digest.digestS3Bucket !== bucket || digest.digestS3Object !== key) throw new DigestError(bucket, key, 'has been moved from its original location', 'modified');
  const pub = keys.get(digest.digestPublicKeyFingerprint);
  if (!pub) throw new DigestError(bucket, key, `public key not found in region ${home} for fingerprint ${digest.digestPublicKeyFingerprint}`, 'modified');
  const hash = sha256Hex(raw);
  const toSign = digestSigningString(digest.digestEndTime, bucket, key, hash, digest.previousDigestSignature);
  if (!verifyDigestSignature(pub, toSign, signature)) throw new DigestError(bucket, key, 'signature verification failed', 'modified');
  return { digest, hash, signature };
}

function checkLog(store: S3Store, bucket: string, key: string, hashValue: string): FileCheck {
  const base = { kind: 'log' as const, bucket, key, source: 'cli' as const };
  const obj = store.tryGetObject(bucket, key);
  if (!obj) return { ...base, status: 'deleted', message: line('Log', bucket, key, 'INVALID: not found') };
  let raw: Buffer;
  try {
    raw = gunzip(obj.body);
  } catch {
    return { ...base, status: 'modified', message: line('Log', bucket, key, 'INVALID: invalid format') };
  }
  if (sha256Hex(raw) !== hashValue) return { ...base, status: 'modified', message: line('Log', bucket, key, "INVALID: hash value doesn't match") };
  return { ...base, status: 'valid', message: line('Log', bucket, key, 'valid') };
}

function validateStream(store: S3Store, opts: ValidateLogsOptions, name: string, home: string, keys: Map<string, KeyObject>, target: ValidateLogsTarget): StreamValidation {
  const scope = scopeOf(opts, target.accountId, target.region);
  const sv: StreamValidation = { accountId: target.accountId, region: target.region, digests: [], logs: [], gaps: [], unreferenced: [], unchained: [], missing: [] };
  // Candidates: the trail's digests in range, in its bucket and any earlier bucket, oldest first.
  const candidates: { bucket: string; key: string; time: number }[] = [];
  for (const b of [opts.bucket, ...(opts.earlierBuckets ?? []).filter((x) => x !== opts.bucket)]) {
    for (const k of listDigestKeys(store, b, scope, name, home, opts.startTime, opts.endTime)) candidates.push({ bucket: b, key: k, time: keyTime(k) });
  }
  candidates.sort((a, b) => a.time - b.time || (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
  const listedAll = new Set(candidates.map((c) => `${c.bucket}/${c.key}`));
  const pending = [...candidates];
  /** The newest candidate older than `before` (the CLI's `_get_last_digest`), removed from the list. */
  const nextOlder = (before?: string): { bucket: string; key: string } | undefined => {
    const t = before === undefined ? Infinity : keyTime(before);
    while (pending.length > 0) {
      const c = pending.pop()!;
      if (c.time < t && !visited.has(`${c.bucket}/${c.key}`)) return c;
    }
    return undefined;
  };
  const visited = new Set<string>();
  const valid: LoadedDigest[] = [];
  const covered: [number, number][] = [];
  let cur = nextOlder();
  let lastStart = cur === undefined ? -Infinity : keyTime(cur.key);
  let expectFromNewer: { hash: string | null; signature: string | null; newerKey: string } | undefined;
  let foundStart: number | undefined;
  let foundEnd: number | undefined;
  while (cur !== undefined && opts.startTime <= lastStart) {
    const { bucket, key } = cur;
    visited.add(`${bucket}/${key}`);
    try {
      const d = loadDigest(store, bucket, key, keys, home);
      const dStart = Date.parse(d.digest.digestStartTime);
      const dEnd = Date.parse(d.digest.digestEndTime);
      // trailsim: the newer digest's link must match this one.
      if (expectFromNewer && (expectFromNewer.hash !== d.hash || expectFromNewer.signature !== d.signature)) {
        throw new DigestError(bucket, key, `does not match previousDigestHashValue/previousDigestSignature of ${expectFromNewer.newerKey} (trailsim)`, 'modified');
      }
      valid.push(d);
      covered.push([dStart, dEnd]);
      sv.digests.push({ kind: 'digest', bucket, key, status: 'valid', message: line('Digest', bucket, key, 'valid'), source: 'cli' });
      // As the CLI's _track_found_times: the found start is the start of the oldest valid
      // digest that starts after the requested start (the requested start until one does).
      if (dStart > opts.startTime) foundStart = dStart;
      else foundStart ??= opts.startTime;
      if (foundEnd === undefined) foundEnd = Math.min(dEnd, opts.endTime);
      for (const f of d.digest.logFiles ?? []) sv.logs.push(checkLog(store, f.s3Bucket, f.s3Object, f.hashValue));
      lastStart = dStart;
      if (d.digest.previousDigestS3Bucket === null || d.digest.previousDigestS3Object === null) {
        expectFromNewer = undefined;
        const next = nextOlder(key);
        if (next !== undefined) sv.gaps.push({ from: formatEventTime(keyTime(next.key)), to: formatEventTime(lastStart) });
        cur = next;
      } else {
        expectFromNewer = { hash: d.digest.previousDigestHashValue, signature: d.digest.previousDigestSignature, newerKey: key };
        cur = { bucket: d.digest.previousDigestS3Bucket, key: d.digest.previousDigestS3Object };
        listedAll.add(`${cur.bucket}/${cur.key}`);
      }
    } catch (e) {
      if (!(e instanceof DigestError)) throw e;
      sv.digests.push({ kind: 'digest', bucket: e.bucket, key: e.key, status: e.status, message: line('Digest', e.bucket, e.key, `INVALID: ${e.reason}`), source: 'cli' });
      expectFromNewer = undefined;
      cur = nextOlder(key);
    }
  }
  if (foundStart !== undefined && foundEnd !== undefined) sv.resultsFound = { start: formatEventTime(foundStart), end: formatEventTime(foundEnd) };

  // trailsim: digests in the listing the walk never reached.
  for (const id of [...listedAll].sort()) {
    if (visited.has(id)) continue;
    const slash = id.indexOf('/');
    const b = id.slice(0, slash);
    const k = id.slice(slash + 1);
    if (keyTime(k) < opts.startTime) continue;
    sv.unchained.push({ kind: 'digest', bucket: b, key: k, status: 'unchained', message: line('Digest', b, k, 'INVALID: not in the digest chain (trailsim)'), source: 'trailsim' });
  }

  // trailsim: log files inside covered periods that no valid digest lists.
  const referenced = new Set<string>();
  const buckets = new Set<string>([opts.bucket]);
  for (const d of valid) for (const f of d.digest.logFiles ?? []) {
    referenced.add(`${f.s3Bucket}/${f.s3Object}`);
    buckets.add(f.s3Bucket);
  }
  const merged = mergeIntervals(covered);
  for (const b of [...buckets].sort()) {
    if (!store.hasBucket(b)) continue;
    for (const o of objectsInDays(store, b, folderPrefix(scope, 'log'), opts.startTime - 60_000, opts.endTime)) {
      const k = o.key;
      if (referenced.has(`${b}/${k}`)) continue;
      const p = parseCloudTrailKey(k);
      if (!p || p.kind !== 'log') continue;
      if (p.time < opts.startTime - 60_000 || p.time > opts.endTime) continue;
      // A legitimate unlisted file can only sit at the edge of what the visited digests
      // cover (its digest is outside the range). Flag it when its named delivery minute
      // lies inside the coverage, when S3's LastModified (set by S3 at write time) falls
      // strictly inside it, or when LastModified is not in the minute its name gives
      // (CloudTrail names a file by its delivery time).
      const lm = o.lastModified;
      const inside =
        merged.some(([s, e]) => p.time >= s && p.time + 59_999 <= e) ||
        merged.some(([s, e]) => lm > s && lm < e) ||
        (merged.some(([s, e]) => p.time + 59_999 >= s && p.time <= e) && (lm < p.time || lm >= p.time + 60_000));
      // Written while the trail was not logging: CloudTrail did not write it. (Files
      // delivered at the very moment logging stopped are listed in the final digest.)
      const outsideLogging = target.logging !== undefined && !target.logging.some((w) => lm > w.start && (w.end === undefined || lm < w.end));
      if (!inside && !outsideLogging) continue;
      sv.unreferenced.push({ kind: 'log', bucket: b, key: k, status: 'unreferenced', message: line('Log', b, k, 'INVALID: not listed in any digest (trailsim)'), source: 'trailsim' });
    }
  }

  // trailsim: expected digest coverage that no present digest covers.
  const present: [number, number][] = [...covered];
  for (const f of sv.digests) {
    if (f.status !== 'modified') continue;
    const o = store.tryGetObject(f.bucket, f.key);
    if (!o) continue;
    try {
      const d = JSON.parse(gunzip(o.body).toString('utf8')) as DigestFile;
      const s = Date.parse(d.digestStartTime);
      const e = Date.parse(d.digestEndTime);
      if (Number.isFinite(s) && Number.isFinite(e)) present.push([s, e]);
    } catch {
      // Unreadable: its key time is all we know.
      const t = keyTime(f.key);
      present.push([t - HOUR, t]);
    }
  }
  const have = mergeIntervals(present);
  for (const w of target.expected ?? []) {
    const s = Math.max(w.start, Math.floor(opts.startTime / 1000) * 1000);
    const e = Math.min(w.end, opts.endTime);
    if (e <= s) continue;
    for (const [ms, me] of subtract([s, e], have)) {
      if (me - ms < 1000) continue;
      sv.missing.push({ accountId: target.accountId, region: target.region, start: formatEventTime(ms), end: formatEventTime(me), source: 'trailsim' });
    }
  }
  return sv;
}

function mergeIntervals(list: [number, number][]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1000) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function subtract(range: [number, number], have: [number, number][]): [number, number][] {
  let pieces: [number, number][] = [range];
  for (const [hs, he] of have) {
    const next: [number, number][] = [];
    for (const [s, e] of pieces) {
      if (he <= s || hs >= e) next.push([s, e]);
      else {
        if (hs > s) next.push([s, hs]);
        if (he < e) next.push([he, e]);
      }
    }
    pieces = next;
  }
  return pieces;
}

function report(r: ValidateLogsResult, verbose: boolean): string {
  const out: string[] = [`Validating log files for trail ${r.trailArn} between ${r.startTime} and ${r.endTime}`, ''];
  for (const s of r.streams) {
    for (const f of [...s.digests, ...s.logs]) if (verbose || f.status !== 'valid') out.push(f.message);
    for (const g of s.gaps) out.push(`No log files were delivered by CloudTrail between ${g.from} and ${g.to}`);
    for (const f of [...s.unchained, ...s.unreferenced]) out.push(f.message);
    for (const m of s.missing) out.push(`No digest file covers ${m.start} to ${m.end} for account ${m.accountId} in ${m.region}, while the trail was keeping digests (trailsim)`);
  }
  out.push('', `Results requested for ${r.startTime} to ${r.endTime}`);
  const found = r.streams.map((s) => s.resultsFound).filter((x): x is { start: string; end: string } => x !== undefined);
  if (r.digestFiles.valid + r.digestFiles.invalid === 0) out.push('No digests found');
  else if (found.length === 0) out.push('No valid digests found in range');
  else out.push(`Results found for ${found.map((f) => f.start).sort()[0]} to ${found.map((f) => f.end).sort().slice(-1)[0]}:`);
  const ratio = (v: number, i: number, name: string) => {
    const t = v + i;
    if (t === 0) return;
    out.push(`${v}/${t} ${name} files valid${i > 0 ? `, ${i}/${t} ${name} files INVALID` : ''}`);
  };
  ratio(r.digestFiles.valid, r.digestFiles.invalid, 'digest');
  ratio(r.logFiles.valid, r.logFiles.invalid, 'log');
  if (r.unreferenced.length > 0) out.push(`${r.unreferenced.length} log files not listed in any digest (trailsim)`);
  if (r.unchained.length > 0) out.push(`${r.unchained.length} digest files not in the digest chain (trailsim)`);
  if (r.missing.length > 0) out.push(`${r.missing.length} periods without the digests the trail should have delivered (trailsim)`);
  return out.join('\n');
}
