/**
 * Digest files (CloudTrail User Guide, "CloudTrail digest file structure"): hourly, one per
 * trail, account and Region, listing the log files delivered in the period with the
 * SHA-256 of each file's uncompressed content, and chained to the previous digest by its
 * location, hash and signature. The digest's own signature is not in the file but in the
 * object's metadata (`x-amz-meta-signature`, `x-amz-meta-signature-algorithm`).
 *
 * Field order is the documentation sample's. A starting digest (validation or logging just
 * turned on) has the five `previousDigest*` fields null; a digest for an hour with no log
 * files has `logFiles: []` and null `newestEventTime` / `oldestEventTime`.
 */
import { createHash } from 'node:crypto';
import { formatEventTime } from '../../core/time.js';
import { DIGEST_SIGNATURE_ALGORITHM, digestSigningString, type DigestSigner } from './signing.js';

export const HASH_ALGORITHM = 'SHA-256';

/** One log file as a digest lists it. */
export interface DigestLogFile {
  s3Bucket: string;
  s3Object: string;
  hashValue: string;
  hashAlgorithm: typeof HASH_ALGORITHM;
  newestEventTime: string;
  oldestEventTime: string;
}

/** A digest file's JSON. */
export interface DigestFile {
  awsAccountId: string;
  digestStartTime: string;
  digestEndTime: string;
  digestS3Bucket: string;
  digestS3Object: string;
  digestPublicKeyFingerprint: string;
  digestSignatureAlgorithm: string;
  newestEventTime: string | null;
  oldestEventTime: string | null;
  previousDigestS3Bucket: string | null;
  previousDigestS3Object: string | null;
  previousDigestHashValue: string | null;
  previousDigestHashAlgorithm: string | null;
  previousDigestSignature: string | null;
  logFiles: DigestLogFile[];
}

/** What a chain remembers of the digest it delivered last. */
export interface PreviousDigest {
  bucket: string;
  key: string;
  /** Hex SHA-256 of its uncompressed JSON. */
  hash: string;
  /** Its hex signature. */
  signature: string;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The event-time range of some records, as digests write it. */
export function eventTimeRange(times: Iterable<string>): { newest: string; oldest: string } | undefined {
  let newest: string | undefined;
  let oldest: string | undefined;
  // eventTime is fixed-width UTC (YYYY-MM-DDTHH:MM:SSZ): string order is time order.
  for (const t of times) {
    if (newest === undefined || t > newest) newest = t;
    if (oldest === undefined || t < oldest) oldest = t;
  }
  return newest === undefined ? undefined : { newest, oldest: oldest! };
}

export interface BuildDigestInput {
  accountId: string;
  start: number;
  end: number;
  bucket: string;
  key: string;
  logFiles: readonly DigestLogFile[];
  previous?: PreviousDigest;
  signer: DigestSigner;
}

/** A built digest: its JSON text (what is gzipped), hash and signature. */
export interface BuiltDigest {
  digest: DigestFile;
  json: string;
  hash: string;
  signature: string;
}

/** Builds, serialises and signs one digest file. */
export function buildDigest(input: BuildDigestInput): BuiltDigest {
  let newest: string | null = null;
  let oldest: string | null = null;
  for (const f of input.logFiles) {
    if (newest === null || f.newestEventTime > newest) newest = f.newestEventTime;
    if (oldest === null || f.oldestEventTime < oldest) oldest = f.oldestEventTime;
  }
  const p = input.previous;
  const digest: DigestFile = {
    awsAccountId: input.accountId,
    digestStartTime: formatEventTime(input.start),
    digestEndTime: formatEventTime(input.end),
    digestS3Bucket: input.bucket,
    digestS3Object: input.key,
    digestPublicKeyFingerprint: input.signer.fingerprint,
    digestSignatureAlgorithm: DIGEST_SIGNATURE_ALGORITHM,
    newestEventTime: newest,
    oldestEventTime: oldest,
    previousDigestS3Bucket: p ? p.bucket : null,
    previousDigestS3Object: p ? p.key : null,
    previousDigestHashValue: p ? p.hash : null,
    previousDigestHashAlgorithm: p ? HASH_ALGORITHM : null,
    previousDigestSignature: p ? p.signature : null,
    logFiles: input.logFiles.map((f) => ({ ...f })),
  };
  const json = JSON.stringify(digest);
  const hash = sha256Hex(json);
  const signature = input.signer.sign(digestSigningString(digest.digestEndTime, input.bucket, input.key, hash, digest.previousDigestSignature));
  return { digest, json, hash, signature };
}
