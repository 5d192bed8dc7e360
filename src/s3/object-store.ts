/**
 * An in-memory S3-like object store: buckets, objects with bytes and metadata, list by
 * prefix in S3's order, get / put / delete. It is what trails deliver into and what
 * `validateLogs` reads back. Time never comes from the wall clock: callers pass
 * `lastModified` from the virtual clock.
 *
 * Semantics follow the Amazon S3 API Reference where they matter to trails:
 * - ListObjectsV2 "returns objects in UTF-8 binary order" of their keys;
 * - a PUT to an existing key replaces the object (no versioning here);
 * - DeleteObject of a key that does not exist succeeds (204);
 * - user metadata is returned without its `x-amz-meta-` prefix (SDK `Metadata`), keys
 *   lower-cased as S3 stores them;
 * - the ETag of a single-part upload is the quoted hex MD5 of the body.
 */
import { createHash } from 'node:crypto';
import { TrailsimInputError } from '../core/errors.js';
import { BucketAlreadyExists, BucketAlreadyOwnedByYou, InvalidArgument, InvalidBucketName, NoSuchBucket, NoSuchKey } from './errors.js';

/** How an object is encrypted at rest (HeadObject `ServerSideEncryption`). */
export type ServerSideEncryption = 'AES256' | 'aws:kms';

/**
 * Who made a write or delete, as S3 event notifications show it (`userIdentity.principalId`,
 * `requestParameters.sourceIPAddress`).
 */
export interface S3Requester {
  principalId: string;
  sourceIPAddress: string;
}

/** The event types trailsim notifies (S3 user guide, "Event notification types and destinations"). */
export type S3NotificationEvent = 's3:ObjectCreated:*' | 's3:ObjectCreated:Put' | 's3:ObjectRemoved:*' | 's3:ObjectRemoved:Delete';

const NOTIFICATION_EVENTS: ReadonlySet<string> = new Set(['s3:ObjectCreated:*', 's3:ObjectCreated:Put', 's3:ObjectRemoved:*', 's3:ObjectRemoved:Delete']);

/** What a queue configuration delivers to: an `InMemoryQueue` (`eb.createQueue(name)`) is one. */
export interface S3NotificationQueue {
  readonly arn: string;
  send(body: string, at: number, attributes?: Record<string, string>): unknown;
}

/** One queue configuration, shaped like PutBucketNotificationConfiguration's `QueueConfigurations`, with the queue itself for `QueueArn`. */
export interface S3QueueConfiguration {
  /** `configurationId` in the messages. @defaultValue a generated id */
  Id?: string;
  Queue: S3NotificationQueue;
  Events: S3NotificationEvent[];
  /** Key name filtering: `prefix` and/or `suffix` rules. */
  Filter?: { Key: { FilterRules: { Name: 'prefix' | 'suffix'; Value: string }[] } };
}

/** PutBucketNotificationConfiguration's input (queue destinations). */
export interface S3NotificationConfiguration {
  QueueConfigurations: S3QueueConfiguration[];
}

/**
 * A body the store makes on first need: the first read of the object's `body`, `size` or
 * `etag` (GetObject, ListObjects sizes, an export, an event notification) calls it once and
 * keeps what it returns. Trails deliver their gzip this way: CloudTrail hashes the
 * uncompressed bytes for digests, so compression can wait until someone reads the file, and
 * files nobody reads are never compressed. It must be deterministic: the object is the same
 * whenever it is made.
 */
export type DeferredBody = (() => Uint8Array) & {
  /** What the body is the gzip of, when it is one (`gzipOnRead`): an exporter can compress it elsewhere to the same bytes. */
  readonly gzipSource?: Uint8Array | string;
};

/** What `putObject` stores. */
export interface PutObjectInput {
  /** Who writes (for event notifications). @defaultValue CloudTrail's delivery session (trails write this store) */
  requester?: S3Requester;
  /** The bytes, or a function that makes them on first read (see `DeferredBody`). */
  body: Uint8Array | DeferredBody;
  /** Virtual time of the write, epoch ms. */
  lastModified: number;
  /** User metadata, without the `x-amz-meta-` prefix (e.g. `{ signature: '...' }`). */
  metadata?: Record<string, string>;
  /** @defaultValue 'binary/octet-stream' (S3's default) */
  contentType?: string;
  contentEncoding?: string;
  /** @defaultValue 'AES256' (SSE-S3, S3's default encryption since 2023) */
  serverSideEncryption?: ServerSideEncryption;
  sseKmsKeyId?: string;
}

/** A stored object. Bodies are not copied on read: treat them as immutable. */
export interface S3Object {
  readonly bucket: string;
  readonly key: string;
  readonly body: Uint8Array;
  readonly size: number;
  /** Quoted hex MD5 of the body, as S3 returns it for single-part uploads. */
  readonly etag: string;
  readonly lastModified: number;
  readonly metadata: Readonly<Record<string, string>>;
  readonly contentType: string;
  readonly contentEncoding?: string;
  readonly serverSideEncryption: ServerSideEncryption;
  readonly sseKmsKeyId?: string;
}

/** Options of `createBucket`. */
export interface CreateBucketOptions {
  /** Account that owns the bucket (12 digits). Informational. */
  ownerAccountId?: string;
  /** @defaultValue 'us-east-1' */
  region?: string;
  /**
   * Whether the bucket policy lets CloudTrail write (s3:GetBucketAcl + s3:PutObject for
   * `cloudtrail.amazonaws.com`). `false` makes CreateTrail/UpdateTrail fail with
   * InsufficientS3BucketPolicyException, as a bucket without the documented policy does.
   * @defaultValue true
   */
  allowsCloudTrail?: boolean;
}

export interface S3BucketInfo {
  readonly name: string;
  readonly ownerAccountId?: string;
  readonly region: string;
  allowsCloudTrail: boolean;
}

/** Options of `listObjects` (ListObjectsV2's Prefix / StartAfter / MaxKeys). */
export interface ListObjectsOptions {
  prefix?: string;
  /** Only keys strictly after this one. */
  startAfter?: string;
  maxKeys?: number;
}

interface Bucket {
  info: S3BucketInfo;
  objects: Map<string, S3Object>;
  sorted?: string[];
  notifications?: S3QueueConfiguration[];
}

/**
 * CloudTrail writes log files as a role session named `regionalDeliverySession`, from AWS
 * addresses: that is the principalId of the S3 event notifications of real CloudTrail
 * deliveries (`AWS:AROA...:regionalDeliverySession`, seen in public log-shipper fixtures).
 * The role id and address are trailsim's.
 */
export const CLOUDTRAIL_DELIVERY_REQUESTER: S3Requester = Object.freeze({ principalId: 'AWS:AROAJTRAILSIMDELIVERY:regionalDeliverySession', sourceIPAddress: '52.94.133.131' });

/**
 * S3 encodes keys in event notifications as HTML form data: spaces become `+`, other
 * unsafe characters `%XX` ("The s3 key provides information about the bucket and object
 * involved in the event. The object key name value is URL encoded", S3 user guide, "Event
 * message structure"). Slashes stay as they are.
 */
export function notificationKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+')
    .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * General-purpose bucket naming rules (Amazon S3 User Guide, "Bucket naming rules"):
 * 3-63 characters; lower-case letters, digits, dots and hyphens; begins and ends with a
 * letter or digit; no two adjacent periods; not formatted as an IP address; not starting
 * with `xn--`; not ending with `-s3alias` or `--ol-s3`.
 */
export function isValidBucketName(name: string): boolean {
  if (name.length < 3 || name.length > 63) return false;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return false;
  if (name.includes('..')) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return false;
  if (name.startsWith('xn--') || name.endsWith('-s3alias') || name.endsWith('--ol-s3')) return false;
  return true;
}

/** Compares two strings in UTF-8 byte order (= Unicode code point order), S3's list order. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after U+E000..U+FFFF in code point order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** The bucket owner's canonical-user-like id in notifications (`A` + 13 characters), derived from its account. */
function ownerPrincipalId(owner: string): string {
  return 'A' + md5Hex(Buffer.from(owner)).slice(0, 13).toUpperCase();
}

export function md5Hex(body: Uint8Array): string {
  return createHash('md5').update(body).digest('hex');
}

/** The in-memory object store. */
export class S3Store {
  private readonly bucketMap = new Map<string, Bucket>();
  private count = 0;
  private notificationSeq = 0;

  /** Creates a bucket; creating one you already have throws BucketAlreadyOwnedByYou, as in us-east-1. */
  createBucket(name: string, opts: CreateBucketOptions = {}): S3BucketInfo {
    if (!isValidBucketName(name)) throw new InvalidBucketName();
    const existing = this.bucketMap.get(name);
    if (existing) {
      if (opts.ownerAccountId !== undefined && existing.info.ownerAccountId !== undefined && existing.info.ownerAccountId !== opts.ownerAccountId) throw new BucketAlreadyExists();
      throw new BucketAlreadyOwnedByYou();
    }
    const info: S3BucketInfo = { name, region: opts.region ?? 'us-east-1', allowsCloudTrail: opts.allowsCloudTrail ?? true };
    if (opts.ownerAccountId !== undefined) (info as { ownerAccountId?: string }).ownerAccountId = opts.ownerAccountId;
    this.bucketMap.set(name, { info, objects: new Map() });
    return info;
  }

  /** Creates the bucket unless it exists; returns it either way. */
  ensureBucket(name: string, opts: CreateBucketOptions = {}): S3BucketInfo {
    return this.bucketMap.get(name)?.info ?? this.createBucket(name, opts);
  }

  hasBucket(name: string): boolean {
    return this.bucketMap.has(name);
  }

  bucket(name: string): S3BucketInfo | undefined {
    return this.bucketMap.get(name)?.info;
  }

  /** Bucket names, sorted. */
  bucketNames(): string[] {
    return [...this.bucketMap.keys()].sort(compareUtf8);
  }

  /** Deletes a bucket and everything in it (S3 itself requires it empty; trailsim does not). */
  deleteBucket(name: string): void {
    const b = this.bucketMap.get(name);
    if (!b) throw new NoSuchBucket(name);
    this.count -= b.objects.size;
    this.bucketMap.delete(name);
  }

  putObject(bucket: string, key: string, input: PutObjectInput): S3Object {
    const b = this.need(bucket);
    if (key.length === 0 || (key.length > 341 && Buffer.byteLength(key) > 1024)) throw new TrailsimInputError(`S3 object keys are 1 to 1024 bytes long; got ${Buffer.byteLength(key)}.`);
    if (!Number.isFinite(input.lastModified)) throw new TrailsimInputError('putObject needs lastModified (virtual time, epoch ms).');
    let metadata: Readonly<Record<string, string>> = NO_METADATA;
    if (input.metadata !== undefined) {
      const m: Record<string, string> = {};
      for (const [k, v] of Object.entries(input.metadata)) m[k.toLowerCase()] = v;
      metadata = Object.freeze(m);
    }
    const deferred = typeof input.body === 'function' ? input.body : undefined;
    if (!deferred && !(input.body instanceof Uint8Array)) throw new TrailsimInputError('putObject needs body: a Uint8Array (or a function that makes one).');
    const eager = deferred ? undefined : (input.body as Uint8Array);
    const rest: S3ObjectRest = {
      lastModified: input.lastModified,
      metadata,
      contentType: input.contentType ?? 'binary/octet-stream',
      serverSideEncryption: input.serverSideEncryption ?? 'AES256',
    };
    if (input.contentEncoding !== undefined) (rest as { contentEncoding?: string }).contentEncoding = input.contentEncoding;
    if (input.sseKmsKeyId !== undefined) (rest as { sseKmsKeyId?: string }).sseKmsKeyId = input.sseKmsKeyId;
    const obj: S3Object = eager ? { bucket, key, body: eager, size: eager.byteLength, etag: `"${md5Hex(eager)}"`, ...rest } : deferredObject(bucket, key, deferred!, rest);
    if (!b.objects.has(key)) {
      this.count++;
      b.sorted = undefined;
    }
    b.objects.set(key, Object.freeze(obj));
    if (b.notifications) this.notify(b, 'ObjectCreated:Put', obj, input.lastModified, input.requester);
    return obj;
  }

  /**
   * PutBucketNotificationConfiguration with queue destinations: from now on, each matching
   * write or delete sends one S3 event message (`{"Records":[{ eventVersion "2.1",
   * eventSource "aws:s3", eventName "ObjectCreated:Put", s3: { bucket, object: { key, size,
   * eTag, sequencer } } }]}`, S3 user guide, "Event message structure",
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html)
   * to the queue. Replaces the bucket's configuration; an empty list turns notifications off.
   * Throws S3's InvalidArgument for an event type trailsim does not notify.
   */
  putBucketNotificationConfiguration(bucket: string, config: S3NotificationConfiguration): void {
    const b = this.need(bucket);
    const list = config?.QueueConfigurations;
    if (!Array.isArray(list)) throw new TrailsimInputError('putBucketNotificationConfiguration needs { QueueConfigurations: [...] }.');
    const checked: S3QueueConfiguration[] = [];
    for (const [i, c] of list.entries()) {
      if (!c?.Queue || typeof c.Queue.send !== 'function') throw new TrailsimInputError(`QueueConfigurations[${i}] needs Queue (e.g. eb.createQueue('trail-files')).`);
      if (!Array.isArray(c.Events) || c.Events.length === 0) throw new InvalidArgument(`QueueConfigurations[${i}]: Events must name at least one event type.`);
      for (const e of c.Events) if (!NOTIFICATION_EVENTS.has(e)) throw new InvalidArgument(`The event is not supported for notifications: ${String(e)}`);
      checked.push({ ...c, Id: c.Id ?? `trailsim-${i + 1}` });
    }
    if (checked.length === 0) delete b.notifications;
    else b.notifications = checked;
  }

  /** GetBucketNotificationConfiguration. */
  getBucketNotificationConfiguration(bucket: string): S3NotificationConfiguration {
    return { QueueConfigurations: [...(this.need(bucket).notifications ?? [])] };
  }

  private notify(b: Bucket, eventName: 'ObjectCreated:Put' | 'ObjectRemoved:Delete', obj: Pick<S3Object, 'key' | 'size' | 'etag'> | { key: string }, at: number, requester: S3Requester = CLOUDTRAIL_DELIVERY_REQUESTER): void {
    const [kind] = eventName.split(':');
    for (const c of b.notifications ?? []) {
      if (!c.Events.some((e) => e === `s3:${eventName}` || e === `s3:${kind}:*`)) continue;
      const rules = c.Filter?.Key?.FilterRules ?? [];
      if (!rules.every((r) => (r.Name === 'prefix' ? obj.key.startsWith(r.Value) : obj.key.endsWith(r.Value)))) continue;
      const n = ++this.notificationSeq;
      const object: Record<string, unknown> = { key: notificationKey(obj.key) };
      if ('size' in obj) {
        object.size = obj.size;
        object.eTag = obj.etag.replace(/"/g, '');
      }
      object.sequencer = (at * 1000 + (n % 1000)).toString(16).toUpperCase().padStart(18, '0');
      const requestId = md5Hex(Buffer.from(`${b.info.name}\n${obj.key}\n${n}`)).slice(0, 16).toUpperCase();
      const record = {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: b.info.region,
        eventTime: new Date(at).toISOString(),
        eventName,
        userIdentity: { principalId: requester.principalId },
        requestParameters: { sourceIPAddress: requester.sourceIPAddress },
        responseElements: { 'x-amz-request-id': requestId, 'x-amz-id-2': Buffer.from(md5Hex(Buffer.from(requestId)) + md5Hex(Buffer.from(obj.key)), 'hex').toString('base64') },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: c.Id,
          bucket: { name: b.info.name, ownerIdentity: { principalId: ownerPrincipalId(b.info.ownerAccountId ?? b.info.name) }, arn: `arn:aws:s3:::${b.info.name}` },
          object,
        },
      };
      c.Queue.send(JSON.stringify({ Records: [record] }), at);
    }
  }

  /** GetObject: throws NoSuchBucket / NoSuchKey. */
  getObject(bucket: string, key: string): S3Object {
    const o = this.need(bucket).objects.get(key);
    if (!o) throw new NoSuchKey(key);
    return o;
  }

  /** The object, or undefined when the bucket or key does not exist. */
  tryGetObject(bucket: string, key: string): S3Object | undefined {
    return this.bucketMap.get(bucket)?.objects.get(key);
  }

  hasObject(bucket: string, key: string): boolean {
    return this.bucketMap.get(bucket)?.objects.has(key) ?? false;
  }

  /**
   * DeleteObject: a missing key is not an error (S3 answers 204); a missing bucket is.
   * `at` (virtual time, epoch ms) is when, for event notifications; without it none is sent.
   */
  deleteObject(bucket: string, key: string, at?: number, requester?: S3Requester): void {
    const b = this.need(bucket);
    if (b.objects.delete(key)) {
      this.count--;
      b.sorted = undefined;
      if (b.notifications && at !== undefined && Number.isFinite(at)) this.notify(b, 'ObjectRemoved:Delete', { key }, at, requester);
    }
  }

  /** Objects whose key starts with `prefix`, in UTF-8 binary key order. */
  listObjects(bucket: string, opts: ListObjectsOptions = {}): S3Object[] {
    const b = this.need(bucket);
    const keys = this.sortedKeys(b);
    const prefix = opts.prefix ?? '';
    let i = lowerBound(keys, opts.startAfter !== undefined && compareUtf8(opts.startAfter, prefix) >= 0 ? opts.startAfter : prefix);
    if (opts.startAfter !== undefined && keys[i] === opts.startAfter) i++;
    const out: S3Object[] = [];
    const max = opts.maxKeys ?? Infinity;
    for (; i < keys.length && out.length < max; i++) {
      const k = keys[i];
      if (!k.startsWith(prefix)) break;
      out.push(b.objects.get(k)!);
    }
    return out;
  }

  /** Keys under `prefix`, in UTF-8 binary order. */
  listKeys(bucket: string, prefix = ''): string[] {
    return this.listObjects(bucket, { prefix }).map((o) => o.key);
  }

  /** Every object of every bucket, buckets and keys sorted. */
  *allObjects(): Generator<S3Object> {
    for (const name of this.bucketNames()) yield* this.listObjects(name);
  }

  /** Total number of objects. */
  get objectCount(): number {
    return this.count;
  }

  private need(bucket: string): Bucket {
    const b = this.bucketMap.get(bucket);
    if (!b) throw new NoSuchBucket(bucket);
    return b;
  }

  private sortedKeys(b: Bucket): string[] {
    return (b.sorted ??= [...b.objects.keys()].sort(compareUtf8));
  }
}

/** The metadata of every object written without any: one frozen object, not one per object. */
const NO_METADATA: Readonly<Record<string, string>> = Object.freeze({});

type S3ObjectRest = Omit<S3Object, 'bucket' | 'key' | 'body' | 'size' | 'etag'>;

/**
 * An object whose `body`, `size` and `etag` are getters that make the body once, on the
 * first read. They are own enumerable properties in the same order as an eager object's, so
 * the object looks the same to spreads, `Object.keys` and deep equality.
 */
function deferredObject(bucket: string, key: string, make: DeferredBody, rest: S3ObjectRest): S3Object {
  const cell = new DeferredCell(make);
  const o: S3Object = {
    bucket,
    key,
    get body() {
      return cell.get();
    },
    get size() {
      return cell.get().byteLength;
    },
    get etag() {
      return (cell.etag ??= `"${md5Hex(cell.get())}"`);
    },
    ...rest,
  };
  cells.set(o, cell);
  return o;
}

const cells = new WeakMap<S3Object, DeferredCell>();

/**
 * A deferred body not made yet: its maker, and `settle` to hand in the bytes it makes when
 * they were made elsewhere (an exporter's worker thread). Undefined once made, or eager.
 */
export function unmadeBody(o: S3Object): { make: DeferredBody; settle(body: Uint8Array): void } | undefined {
  const cell = cells.get(o);
  const make = cell?.pending;
  return make && { make, settle: (body) => cell!.settle(body) };
}

class DeferredCell {
  body: Uint8Array | undefined = undefined;
  etag: string | undefined = undefined;
  constructor(private make: DeferredBody | undefined) {}
  get pending(): DeferredBody | undefined {
    return this.body === undefined ? this.make : undefined;
  }
  settle(body: Uint8Array): void {
    if (this.body !== undefined) return;
    this.body = body;
    this.make = undefined;
  }
  get(): Uint8Array {
    if (this.body === undefined) {
      const made = this.make!();
      if (!(made instanceof Uint8Array)) throw new TrailsimInputError('A deferred S3 object body must return a Uint8Array.');
      this.body = made;
      this.make = undefined; // let the source bytes go
    }
    return this.body;
  }
}

function lowerBound(keys: readonly string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareUtf8(keys[mid], target) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
