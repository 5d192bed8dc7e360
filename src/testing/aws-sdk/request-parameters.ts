/**
 * An SDK command's input as CloudTrail writes it in `requestParameters` (and an output as
 * `responseElements`). The SDK names members as the API model does (PascalCase for most
 * services); CloudTrail writes them with the first letter lower-cased, at every depth:
 * IAM `UserName` → `userName`, CloudTrail `S3BucketName` → `s3BucketName`, `TrailARN` →
 * `trailARN`, IAM `Tags` → `tags: [{key, value}]` (real records in
 * test/fixtures/cloudtrail-samples), IAM `SAMLMetadataDocument` → `sAMLMetadataDocument`
 * (the catalog's hand-tuned CreateSAMLProvider); the trail module's `wire.ts` applies the
 * same rule. Exceptions trailsim applies:
 *
 * - **Maps keep their keys.** A member whose value is a user-keyed map (`Tags` as a map,
 *   `Metadata`, `Attributes`, `Variables`, `EncryptionContext`, DynamoDB `Key`/`Item`/
 *   `ExclusiveStartKey`/`ExpressionAttributeNames`/`ExpressionAttributeValues`) keeps its
 *   keys as written: they are data, not member names (e.g. KMS records show
 *   `encryptionContext: {"aws:lambda:FunctionArn": ...}`). A list-valued `Tags` is a list
 *   of structures and follows the general rule (`tags: [{key, value}]`, as IAM records).
 * - **S3** (rest-xml) writes the bucket as `bucketName` and the object key as `key`, adds
 *   the `Host` header, and keeps request bodies under their XML element names with the
 *   S3 `xmlns` (`VersioningConfiguration: {Status, xmlns}`), as the catalog's S3 operations
 *   (from real records) do; other top-level members follow the general rule.
 * - **Blobs and streams** (`Body`, KMS `Plaintext`) are left out: CloudTrail logs no
 *   payload bytes.
 * - **Timestamps** are written as the Java SDK prints them (`Mar 1, 2026, 9:00:00 AM`), as
 *   the catalog writes dates in JSON-protocol records.
 *
 * Not modelled: EC2's query-protocol lists (`InstanceIds` is logged as
 * `instancesSet: {items: [{instanceId}]}` by EC2; trailsim writes `instanceIds: [...]`), and
 * S3 members bound to query strings and headers under their wire names (`max-keys`,
 * `x-amz-acl`): both follow the general rule.
 */
import { S3_XMLNS, sdkDate } from '../../catalog/util.js';
import type { JsonObject, JsonValue } from '../../record/types.js';

/** Members whose object value is a map with user-chosen keys. */
const MAP_MEMBERS = new Set([
  'Tags',
  'Metadata',
  'Attributes',
  'Variables',
  'EncryptionContext',
  'Key',
  'Item',
  'ExclusiveStartKey',
  'ExpressionAttributeNames',
  'ExpressionAttributeValues',
]);

export function lowerFirst(k: string): string {
  return k.length === 0 ? k : k[0].toLowerCase() + k.slice(1);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Byte payloads and streams: never logged. */
function isPayload(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return true;
  if (typeof Blob !== 'undefined' && v instanceof Blob) return true;
  const o = v as Record<PropertyKey, unknown>;
  return typeof o.pipe === 'function' || typeof o.getReader === 'function' || typeof o[Symbol.asyncIterator] === 'function';
}

type KeyMode = 'lower' | 'verbatim';

/** A value as record JSON; `undefined` when it is not logged. */
function toJson(v: unknown, mode: KeyMode): JsonValue | undefined {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return sdkDate(v.getTime());
  if (isPayload(v)) return undefined;
  if (Array.isArray(v)) {
    const out: JsonValue[] = [];
    for (const x of v) {
      const j = toJson(x, mode);
      if (j !== undefined) out.push(j);
    }
    return out;
  }
  if (isPlainObject(v)) return objectToJson(v, mode);
  // Class instances the SDK accepts as values (e.g. NumericValue): their string form.
  return String(v);
}

function objectToJson(o: Record<string, unknown>, mode: KeyMode): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === '$metadata') continue;
    const keepKeys = mode === 'verbatim' || (MAP_MEMBERS.has(k) && isPlainObject(v));
    const j = toJson(v, keepKeys ? 'verbatim' : 'lower');
    if (j !== undefined) out[mode === 'lower' ? lowerFirst(k) : k] = j;
  }
  return out;
}

/** An SDK input as `requestParameters` (general rule); null when nothing is logged. */
export function requestParameters(input: Readonly<Record<string, unknown>>): JsonObject | null {
  const out = objectToJson(input, 'lower');
  return Object.keys(out).length === 0 ? null : out;
}

/** An SDK output (without `$metadata`) as `responseElements`; null when empty. */
export function responseElements(output: object): JsonObject | null {
  if (!isPlainObject(output)) return null;
  const out = objectToJson(output, 'lower');
  return Object.keys(out).length === 0 ? null : out;
}

/** S3's requestParameters (see the module comment); `host` writes the `Host` member. */
export function s3RequestParameters(input: Readonly<Record<string, unknown>>, host: (request: JsonObject) => string | undefined): JsonObject | null {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === 'Bucket' && typeof v === 'string') out.bucketName = v;
    else if (k === 'Key' && typeof v === 'string') out.key = v;
    else if (isPlainObject(v) && !MAP_MEMBERS.has(k)) {
      // An XML body: element names as written, with S3's namespace.
      const body = objectToJson(v, 'verbatim');
      if (body.xmlns === undefined) body.xmlns = S3_XMLNS;
      out[k] = body;
    } else {
      const j = toJson(v, isPlainObject(v) ? 'verbatim' : 'lower');
      if (j !== undefined) out[lowerFirst(k)] = j;
    }
  }
  const h = host(out);
  if (h !== undefined) out.Host = h;
  return Object.keys(out).length === 0 ? null : out;
}
