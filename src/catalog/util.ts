import type { Random } from '../core/random.js';
import type { JsonObject, JsonValue, ResourceRef } from '../record/types.js';
import type { CallContext, ErrorMode, ResourceType, WorldResource } from './types.js';

/**
 * Small, allocation-light helpers shared by the hand-tuned operations. Everything here
 * runs per event, so nothing calls faker; variation comes from `ctx.rng` and the fixed
 * pools below.
 */

/** What CloudTrail writes in place of EC2 user data and Lambda code (samples: ModifyInstanceAttribute). */
export const SENSITIVE = '<sensitiveDataRemoved>';
/** What CloudTrail writes in place of secrets in many services (samples: SSM SendCommand `parameters`, Bedrock guardrail `name`). */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';
/** RDS masks passwords with four asterisks (request and `pendingModifiedValues`). */
export const MASKED = '****';

// ---------------------------------------------------------------- parameters

/** The caller's value for `key` when it is a string (user params win over generated ones). */
export function pstr(ctx: CallContext, key: string): string | undefined {
  const v = ctx.params[key];
  return typeof v === 'string' ? v : undefined;
}

/** The caller's value for `key`, any JSON type. */
export function pval(ctx: CallContext, key: string): JsonValue | undefined {
  return ctx.params[key];
}

/** `request[key]` when it is a string. */
export function rstr(request: JsonObject | null, key: string): string | undefined {
  if (!request) return undefined;
  const v = request[key];
  return typeof v === 'string' ? v : undefined;
}

/** `request[key]` as an object, when it is one. */
export function robj(request: JsonObject | null, key: string): JsonObject | undefined {
  if (!request) return undefined;
  const v = request[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

/** A world resource of `type` in the caller's account and region. */
export function pick(ctx: CallContext, type: ResourceType): WorldResource {
  return ctx.world.resource(type, ctx.rng, { accountId: ctx.accountId, region: ctx.region });
}

/**
 * The attributes of the resource of `type` named `value` in the caller's account and
 * region (engine, instanceType, kmsKeyId, vpcId...), the same in every record that names
 * it; empty when the world does not model attributes.
 */
export function attrsOf(ctx: CallContext, type: ResourceType, value: string): Readonly<Record<string, string>> {
  const w = ctx.world;
  if (!w.named || !w.attributes) return NO_ATTRS;
  return w.attributes(w.named(type, value, { accountId: ctx.accountId, region: ctx.region }));
}

const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze({});

/** The caller's value for `key`, else the name of a world resource of `type`. */
export function nameOf(ctx: CallContext, key: string, type: ResourceType): string {
  return pstr(ctx, key) ?? pick(ctx, type).name;
}

/**
 * Deep-merges user params over generated ones: plain objects merge key by key, anything
 * else (arrays, scalars, null) replaces. Keeps `xmlns` and sibling keys when a caller
 * passes only `{VersioningConfiguration: {Status: 'Suspended'}}`.
 */
export function mergeParams(generated: JsonObject | null, given: JsonObject | undefined): JsonObject | null {
  if (!given) return generated;
  let any = false;
  for (const _ in given) { any = true; break; }
  if (!any) return generated;
  if (!generated) return { ...given };
  const out: JsonObject = { ...generated };
  for (const k of Object.keys(given)) {
    const g = given[k];
    const o = out[k];
    if (isPlainObject(g) && isPlainObject(o)) out[k] = mergeParams(o, g) as JsonObject;
    else out[k] = g;
  }
  return out;
}

function isPlainObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

// ---------------------------------------------------------------- resources and errors

export function ref(arn: string, accountId: string | undefined, type: string): ResourceRef {
  const r: ResourceRef = { ARN: arn };
  if (accountId !== undefined) r.accountId = accountId;
  r.type = type;
  return r;
}

/** An error mode with a fixed or computed message. */
export function err(code: string, message: string | ((ctx: CallContext, request: JsonObject | null) => string), weight?: number): ErrorMode {
  const m = typeof message === 'string' ? () => message : message;
  return weight === undefined ? { code, message: m } : { code, message: m, weight };
}

/** The account id inside an ARN (`arn:aws:iam::123456789012:role/x`), if any. */
export function arnAccount(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  // The fifth ':'-separated field, when it is exactly twelve digits (no split: runs per record).
  let start = 0;
  for (let i = 0; i < 4; i++) {
    const c = arn.indexOf(':', start);
    if (c < 0) return undefined;
    start = c + 1;
  }
  let end = arn.indexOf(':', start);
  if (end < 0) end = arn.length;
  if (end - start !== 12) return undefined;
  for (let i = start; i < end; i++) {
    const d = arn.charCodeAt(i);
    if (d < 48 || d > 57) return undefined;
  }
  return arn.slice(start, end);
}

/** The last path segment of an ARN's resource part (`role/path/Name` gives `Name`). */
export function arnName(arn: string): string {
  const i = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
  return arn.slice(i + 1);
}

// ---------------------------------------------------------------- time formats

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The Java-SDK date format many services use inside responseElements
 * (`"createDate": "Aug 1, 2024, 1:33:28 PM"`, samples: IAM CreateUser, STS credentials).
 */
export function sdkDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h12}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `2024-07-30T21:57:15Z`. */
export function isoSec(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** `2024-07-30T21:57:15.123Z`. */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** Lambda's `lastModified`: `2024-07-30T21:57:15.000+0000` (samples). */
export function lambdaDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23) + '+0000';
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

// ---------------------------------------------------------------- ids and tokens

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const B64_CODES: readonly number[] = Array.from(B64, (c) => c.charCodeAt(0));
/** Character codes of one b64() string (reused: b64 runs per S3 record, for x-amz-id-2). */
const b64Buffer: number[] = [];

/**
 * `n` base64 characters, five per 32-bit draw (cheaper than one draw per character). Made
 * from character codes in one flat string: appending 75 characters one by one made a rope
 * of 75 pieces that JSON.stringify then had to flatten (about twice the time in all).
 */
export function b64(rng: Random, n: number): string {
  return b64Codes(rng, n, -1);
}

/** b64's characters, then `end` (a character code) unless negative. */
function b64Codes(rng: Random, n: number, end: number): string {
  const codes = b64Buffer;
  codes.length = 0;
  while (codes.length < n) {
    let w = rng.uint32();
    for (let i = 0; i < 5 && codes.length < n; i++, w >>>= 6) codes.push(B64_CODES[w & 63]);
  }
  if (end >= 0) codes.push(end);
  return String.fromCharCode.apply(null, codes);
}

/** Two hex digits per byte (`hex` runs per record). */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

/** `n` lower-case hex digits, eight per 32-bit draw. */
export function hex(rng: Random, n: number): string {
  let s = '';
  while (s.length < n) {
    const w = rng.uint32();
    s += HEX_BYTE[w >>> 24] + HEX_BYTE[(w >>> 16) & 255] + HEX_BYTE[(w >>> 8) & 255] + HEX_BYTE[w & 255];
  }
  return s.length === n ? s : s.slice(0, n);
}

export function lowerId(rng: Random, n: number): string {
  return rng.chars(n, LOWER_ALNUM);
}

export function upperKey(rng: Random, n: number): string {
  return rng.chars(n, KEY_ALPHABET);
}

// Session tokens are ~600-900 base64 characters. Drawing that many characters per
// AssumeRole would dominate the per-event cost, so tokens are stitched from a fixed pool
// of blocks (made once, deterministically) chosen by the call's stream.
const TOKEN_BLOCKS: string[] = (() => {
  let s = 0x2545f491;
  const next = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s;
  };
  const blocks: string[] = [];
  for (let b = 0; b < 64; b++) {
    let t = '';
    for (let i = 0; i < 96; i++) t += B64[next() & 63];
    blocks.push(t);
  }
  return blocks;
})();

/** An STS session token (`IQoJb3JpZ2luX2Vj…`, the prefix real tokens share). */
export function sessionToken(rng: Random): string {
  let t = 'IQoJb3JpZ2luX2Vj' + b64(rng, 16);
  const n = 6 + rng.int(3);
  for (let i = 0; i < n; i++) t += TOKEN_BLOCKS[rng.int(TOKEN_BLOCKS.length)];
  return t + b64(rng, 8) + '==';
}

/** S3's `x-amz-id-2` (76 base64 characters, samples). */
export function amzId2(rng: Random): string {
  return b64Codes(rng, 75, 61 /* = */);
}

/** EC2's encoded authorization failure message (URL-safe base64, several hundred characters). */
export function encodedAuthMessage(rng: Random): string {
  let t = '';
  const n = 5 + rng.int(3);
  for (let i = 0; i < n; i++) t += URL_SAFE_TOKEN_BLOCKS[rng.int(URL_SAFE_TOKEN_BLOCKS.length)];
  return t;
}

/** TOKEN_BLOCKS in URL-safe base64 (`+` → `-`, `/` → `_`), translated once. */
const URL_SAFE_TOKEN_BLOCKS: readonly string[] = TOKEN_BLOCKS.map((b) => b.replace(/\+/g, '-').replace(/\//g, '_'));

export function uuid(rng: Random): string {
  return rng.uuid();
}

// ---------------------------------------------------------------- S3

/** Cipher suites S3 writes in additionalEventData.CipherSuite (samples). */
const S3_CIPHERS = ['ECDHE-RSA-AES128-GCM-SHA256', 'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384'] as const;

/**
 * S3's additionalEventData (samples: bucket reads and object data events). ListBuckets
 * records carry no byte counts (samples), so those are optional.
 */
export function s3AdditionalEventData(ctx: CallContext, bytesIn: number | undefined, bytesOut: number | undefined): JsonObject {
  const d: JsonObject = {
    SignatureVersion: 'SigV4',
    CipherSuite: S3_CIPHERS[ctx.rng.int(S3_CIPHERS.length)],
  };
  if (bytesIn !== undefined) d.bytesTransferredIn = bytesIn;
  d.AuthenticationMethod = 'AuthHeader';
  d['x-amz-id-2'] = amzId2(ctx.rng);
  if (bytesOut !== undefined) d.bytesTransferredOut = bytesOut;
  return d;
}

const s3Hosts = new Map<string, Map<string, string>>();
/** Virtual-hosted S3 host name as clients send it (`bucket.s3.eu-west-1.amazonaws.com`). */
export function s3Host(bucket: string, region: string): string {
  // Kept per region and bucket: S3 records write it twice (request Host, tlsDetails), and
  // the same string each time hashes once where it is a map key (the tlsDetails cache).
  let byBucket = s3Hosts.get(region);
  if (byBucket === undefined) s3Hosts.set(region, (byBucket = new Map()));
  let h = byBucket.get(bucket);
  if (h === undefined) {
    if (byBucket.size >= 10_000) byBucket.clear();
    h = region === 'us-east-1' ? `${bucket}.s3.amazonaws.com` : `${bucket}.s3.${region}.amazonaws.com`;
    byBucket.set(bucket, h);
  }
  return h;
}

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

// ---------------------------------------------------------------- IAM policy documents

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: JsonValue;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: JsonObject;
}

/**
 * A policy document as callers send it: a JSON string, pretty-printed the way CLI users and
 * SDK tooling usually write it (samples have 2-space, 4-space and tab indents).
 */
export function policyJson(statements: Statement[], indent: string = '  '): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements as unknown as JsonValue[] }, null, indent);
}

/** IAM returns policy documents URL-encoded inside responseElements (samples: CreateRole). */
export function urlEncoded(doc: string): string {
  return encodeURIComponent(doc);
}

const INDENTS = ['  ', '    ', '\t'] as const;

export function anyIndent(rng: Random): string {
  return INDENTS[rng.int(INDENTS.length)];
}

// ---------------------------------------------------------------- pools (made once)

export const INSTANCE_TYPES = ['t3.micro', 't3.small', 't3.medium', 't3.large', 'm5.large', 'm6i.xlarge', 'c6g.large', 'r6i.large', 't4g.small'] as const;
export const DB_CLASSES = ['db.t3.micro', 'db.t3.medium', 'db.r6g.large', 'db.m6i.large', 'db.t4g.medium'] as const;
export const DB_ENGINES = [['mysql', '8.0.35'], ['postgres', '15.5'], ['mariadb', '10.11.6']] as const;
export const LAMBDA_RUNTIMES = ['python3.12', 'python3.11', 'nodejs20.x', 'nodejs18.x', 'java21', 'provided.al2023'] as const;
export const AZ_SUFFIXES = ['a', 'b', 'c'] as const;
export const PRIVATE_CIDRS = ['10.0.0.0/16', '10.1.0.0/16', '172.31.0.0/16', '10.20.0.0/20'] as const;
export const ADMIN_CIDRS = ['203.0.113.0/24', '198.51.100.17/32', '192.0.2.0/24', '10.0.0.0/8'] as const;
export const AMI_PREFIX = 'ami-';

export function az(ctx: CallContext): string {
  return ctx.region + AZ_SUFFIXES[ctx.rng.int(AZ_SUFFIXES.length)];
}

export function hexId(rng: Random, prefix: string, n = 17): string {
  return prefix + hex(rng, n);
}
