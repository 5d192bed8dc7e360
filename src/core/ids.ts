import type { Random } from './random.js';

/**
 * AWS identifier formats. Sources: cloudtrail-reference.md §1 (ARN formats, access-key
 * and unique-id prefixes) and the real samples (S3 request ids are 16 upper-case
 * alphanumerics; most services use lower-case UUIDs).
 */

/** AWS partitions and the region prefixes that belong to them. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The region where a partition's global services log (us-east-1 for the commercial partition). */
export function globalRegionOf(partition: Partition): string {
  return partition === 'aws-cn' ? 'cn-north-1' : partition === 'aws-us-gov' ? 'us-gov-west-1' : 'us-east-1';
}

// IAM unique ids and access keys use an upper-case base32-like alphabet.
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const ACCOUNT_ID = /^\d{12}$/;

export function accountId(rng: Random): string {
  return String(rng.range(1, 9)) + rng.chars(11, '0123456789');
}

export function organizationId(rng: Random): string {
  return 'o-' + rng.chars(10, 'abcdefghijklmnopqrstuvwxyz0123456789');
}

export function organizationRootId(rng: Random): string {
  return 'r-' + rng.chars(4, 'abcdefghijklmnopqrstuvwxyz0123456789');
}

/** Long-term access key id (`AKIA…`, 20 characters). */
export function longTermAccessKeyId(rng: Random): string {
  return 'AKIA' + rng.chars(16, KEY_ALPHABET);
}

/** Temporary (STS) access key id (`ASIA…`, 20 characters). */
export function temporaryAccessKeyId(rng: Random): string {
  return 'ASIA' + rng.chars(16, KEY_ALPHABET);
}

/** IAM user unique id (`AIDA…`, 21 characters). */
export function userUniqueId(rng: Random): string {
  return 'AIDA' + rng.chars(17, KEY_ALPHABET);
}

/** IAM role unique id (`AROA…`, 21 characters). */
export function roleUniqueId(rng: Random): string {
  return 'AROA' + rng.chars(17, KEY_ALPHABET);
}

/** How a service writes requestID. */
export type RequestIdStyle = 'uuid' | 's3' | 'upper-uuid' | 'none';

export function requestId(rng: Random, style: RequestIdStyle): string | undefined {
  switch (style) {
    case 'uuid':
      return rng.uuid();
    case 'upper-uuid':
      return rng.uuid().toUpperCase();
    case 's3':
      return s3RequestId(rng);
    case 'none':
      return undefined;
  }
}

const ALNUM_UPPER_CODES: readonly number[] = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (c) => c.charCodeAt(0));

/**
 * S3's request id: 16 upper-case alphanumerics, the very draws of `rng.chars(16)` (one
 * `int(36)` per character, in order), made as one flat string: concatenating them one by
 * one made a rope that serialising then had to flatten (about twice the time).
 */
function s3RequestId(rng: Random): string {
  const c = ALNUM_UPPER_CODES;
  return String.fromCharCode(
    c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)],
    c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)], c[rng.int(36)],
  );
}

/** Builds an ARN. `region` and `account` may be empty, as in S3 and IAM ARNs. */
export function arn(partition: Partition, service: string, region: string, account: string, resource: string): string {
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}
