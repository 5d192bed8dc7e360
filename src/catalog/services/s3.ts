import type { JsonObject, ResourceRef } from '../../record/types.js';
import type { CallContext, ErrorMode } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { S3_XMLNS, err, pick, pstr, ref, rstr, s3AdditionalEventData, s3Host, hexId, hex } from '../util.js';

/**
 * Amazon S3 (rest-xml). Shapes from the real samples (opensearch trail, OTRF data events,
 * Stratus detonations): requestParameters carry `bucketName`, `Host` and the sub-resource
 * query key with an empty value (`acl: ""`, `versioning: ""`); bodies keep their XML element
 * names and `xmlns`; requestID is 16 upper-case alphanumerics; additionalEventData carries
 * SignatureVersion, CipherSuite, bytesTransferredIn/Out, AuthenticationMethod and x-amz-id-2.
 *
 * CloudTrail event names are not always the API names: PutBucketLifecycleConfiguration is
 * logged as `PutBucketLifecycle`, GetBucketLifecycleConfiguration as `GetBucketLifecycle`,
 * GetPublicAccessBlock as `GetBucketPublicAccessBlock`, ListObjectsV2 as `ListObjects`
 * with `list-type: "2"` (samples). Object-level calls are data events
 * (`AWS::S3::Object`); their resources list the object ARN (no accountId) then the bucket.
 */

const BUCKET: 'AWS::S3::Bucket' = 'AWS::S3::Bucket';
const OBJECT: 'AWS::S3::Object' = 'AWS::S3::Object';

const NO_SUCH_BUCKET = err('NoSuchBucket', 'The specified bucket does not exist', 0.3);
const NO_SUCH_KEY = err('NoSuchKey', 'The specified key does not exist.');

function bucketOf(ctx: CallContext): string {
  return pstr(ctx, 'bucketName') ?? pick(ctx, BUCKET).name;
}

function base(ctx: CallContext, bucket: string): JsonObject {
  return { bucketName: bucket, Host: s3Host(bucket, ctx.region) };
}

/** `arn:<partition>:s3:::<bucket>`, one string per bucket (it is in most S3 records' resources[]). */
const bucketArns = new Map<string, Map<string, string>>();
function bucketArn(ctx: CallContext, bucket: string): string {
  let byBucket = bucketArns.get(ctx.partition);
  if (byBucket === undefined) bucketArns.set(ctx.partition, (byBucket = new Map()));
  let a = byBucket.get(bucket);
  if (a === undefined) {
    if (byBucket.size >= 10_000) byBucket.clear();
    byBucket.set(bucket, (a = `arn:${ctx.partition}:s3:::${bucket}`));
  }
  return a;
}

/**
 * The bucket's owner: the world's record of it, else the caller. A call asks two or three
 * times with the same bucket; the view's byArn keeps its last answer, and bucketArn gives
 * the same string each time, so the repeat is a string comparison.
 */
function owner(ctx: CallContext, bucket: string): string {
  return ctx.world.byArn(bucketArn(ctx, bucket))?.accountId ?? ctx.accountId;
}

function bucketResources(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const b = rstr(request, 'bucketName');
  if (!b) return undefined;
  return [ref(bucketArn(ctx, b), owner(ctx, b), BUCKET)];
}

function objectResources(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const b = rstr(request, 'bucketName');
  if (!b) return undefined;
  const k = rstr(request, 'key');
  const out: ResourceRef[] = [];
  if (k !== undefined) out.push({ ARN: `arn:${ctx.partition}:s3:::${b}/${k}`, type: OBJECT });
  out.push(ref(bucketArn(ctx, b), owner(ctx, b), BUCKET));
  return out;
}

/**
 * CopyObject names the destination object and bucket, then the source object and bucket
 * when they differ. The real (in-place) record lists only destination object and bucket
 * (Stratus s3-ransomware-client-side-encryption), which is this rule with source =
 * destination. For a cross-bucket copy AWS documents nothing; trailsim lists the source
 * too (source object without accountId, like every object entry; source bucket with its
 * owner), so a detection keyed on either bucket sees the copy.
 */
function copyResources(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const out = objectResources(ctx, request);
  const src = rstr(request, 'x-amz-copy-source');
  if (!out || !src) return out;
  const clean = decodeURIComponent(src.replace(/^\//, '').split('?')[0]);
  const i = clean.indexOf('/');
  if (i <= 0) return out;
  const sb = clean.slice(0, i);
  const sk = clean.slice(i + 1);
  const db = rstr(request, 'bucketName');
  const dk = rstr(request, 'key');
  if (sb !== db || sk !== dk) out.push({ ARN: `arn:${ctx.partition}:s3:::${sb}/${sk}`, type: OBJECT });
  if (sb !== db) out.push(ref(bucketArn(ctx, sb), owner(ctx, sb), BUCKET));
  return out;
}

function bucketOwner(ctx: CallContext, request: JsonObject | null): string | undefined {
  const b = rstr(request, 'bucketName');
  return b ? owner(ctx, b) : undefined;
}

/** A bucket-configuration read: `{bucketName, Host, <sub>: ""}`. */
function bucketRead(name: string, sub: string, errors: ErrorMode[] = [], eventName?: string): OpDef {
  return {
    name,
    eventName,
    readOnly: true,
    request: (ctx) => {
      const r = base(ctx, bucketOf(ctx));
      r[sub] = '';
      return r;
    },
    resources: bucketResources,
    resourceOwner: bucketOwner,
    additionalEventData: (ctx) => s3AdditionalEventData(ctx, 0, 100 + ctx.rng.int(450)),
    errors: [...errors, NO_SUCH_BUCKET],
  };
}

/** A bucket-configuration write with an XML body `{<Element>: {..., xmlns}}`. */
function bucketWrite(name: string, sub: string | undefined, body?: (ctx: CallContext, bucket: string) => JsonObject, errors: ErrorMode[] = [], eventName?: string): OpDef {
  return {
    name,
    eventName,
    readOnly: false,
    request: (ctx) => {
      const bucket = bucketOf(ctx);
      const r = base(ctx, bucket);
      if (sub) r[sub] = '';
      if (body) Object.assign(r, body(ctx, bucket));
      return r;
    },
    resources: bucketResources,
    resourceOwner: bucketOwner,
    additionalEventData: (ctx) => s3AdditionalEventData(ctx, body ? 150 + ctx.rng.int(600) : 0, 0),
    errors: [...errors, NO_SUCH_BUCKET],
  };
}

function xml(el: string, content: JsonObject): JsonObject {
  return { [el]: { ...content, xmlns: S3_XMLNS } };
}

/** Picks an object: the caller's bucket/key, else a world object (its bucket from attrs). */
function objectOf(ctx: CallContext): { bucket: string; key: string } {
  const b = pstr(ctx, 'bucketName');
  const k = pstr(ctx, 'key');
  if (b && k) return { bucket: b, key: k };
  const o = pick(ctx, OBJECT);
  return { bucket: b ?? o.attrs.bucket ?? pick(ctx, BUCKET).name, key: k ?? o.name };
}

function objectOp(name: string, readOnly: boolean, extra?: (ctx: CallContext, r: JsonObject) => void, opts: { bytesIn?: (ctx: CallContext) => number; bytesOut?: (ctx: CallContext) => number; response?: OpDef['response']; errors?: ErrorMode[]; eventName?: string } = {}): OpDef {
  return {
    name,
    eventName: opts.eventName,
    readOnly,
    dataResourceType: OBJECT,
    request: (ctx) => {
      const { bucket, key } = objectOf(ctx);
      const r = base(ctx, bucket);
      r.key = key;
      if (extra) extra(ctx, r);
      return r;
    },
    response: opts.response,
    resources: objectResources,
    resourceOwner: bucketOwner,
    additionalEventData: (ctx) => s3AdditionalEventData(ctx, opts.bytesIn ? opts.bytesIn(ctx) : 0, opts.bytesOut ? opts.bytesOut(ctx) : 0),
    errors: [...(opts.errors ?? []), NO_SUCH_BUCKET],
  };
}

const SSE = (): JsonObject => ({ 'x-amz-server-side-encryption': 'AES256' });
const size = (ctx: CallContext) => 200 + ctx.rng.int(2_000_000);

function listObjects(v2: boolean): OpDef {
  return {
    name: v2 ? 'ListObjectsV2' : 'ListObjects',
    eventName: 'ListObjects',
    readOnly: true,
    dataResourceType: OBJECT,
    request: (ctx) => {
      const r = base(ctx, bucketOf(ctx));
      r.prefix = '';
      r['encoding-type'] = 'url';
      if (v2) r['list-type'] = '2';
      else r.delimiter = '/';
      return r;
    },
    // ListObjects names the bucket's key space with `ARNPrefix`, not `ARN` (OTRF sample).
    resources: (ctx, request) => {
      const b = rstr(request, 'bucketName');
      if (!b) return undefined;
      const prefix = { ARNPrefix: `arn:${ctx.partition}:s3:::${b}/${rstr(request, 'prefix') ?? ''}`, type: OBJECT } as ResourceRef;
      return [prefix, ref(bucketArn(ctx, b), owner(ctx, b), BUCKET)];
    },
    resourceOwner: bucketOwner,
    additionalEventData: (ctx) => s3AdditionalEventData(ctx, 0, 300 + ctx.rng.int(40_000)),
    errors: [NO_SUCH_BUCKET],
  };
}

const defs: OpDef[] = [
  {
    name: 'ListBuckets',
    readOnly: true,
    request: (ctx) => ({ Host: ctx.region === 'us-east-1' ? 's3.amazonaws.com' : `s3.${ctx.region}.amazonaws.com` }),
    // ListBuckets records have no byte counts (OTRF samples).
    additionalEventData: (ctx) => s3AdditionalEventData(ctx, undefined, undefined),
  },
  {
    name: 'CreateBucket',
    readOnly: false,
    request: (ctx) => {
      const bucket = pstr(ctx, 'bucketName') ?? ctx.world.newName(BUCKET, ctx.rng);
      const r = base(ctx, bucket);
      if (ctx.region !== 'us-east-1') Object.assign(r, xml('CreateBucketConfiguration', { LocationConstraint: ctx.region }));
      return r;
    },
    resources: bucketResources,
    additionalEventData: (ctx) => s3AdditionalEventData(ctx, ctx.region === 'us-east-1' ? 0 : 153, 0),
    errors: [
      err('BucketAlreadyExists', 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.'),
      err('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.'),
      err('InvalidBucketName', 'The specified bucket is not valid.', 0.2),
      err('TooManyBuckets', 'You have attempted to create more buckets than allowed', 0.1),
    ],
  },
  {
    name: 'DeleteBucket',
    readOnly: false,
    request: (ctx) => base(ctx, bucketOf(ctx)),
    resources: bucketResources,
    resourceOwner: bucketOwner,
    additionalEventData: (ctx) => s3AdditionalEventData(ctx, 0, 0),
    errors: [err('BucketNotEmpty', 'The bucket you tried to delete is not empty', 3), NO_SUCH_BUCKET],
  },
  {
    name: 'HeadBucket',
    readOnly: true,
    request: (ctx) => base(ctx, bucketOf(ctx)),
    resources: bucketResources,
    resourceOwner: bucketOwner,
    additionalEventData: (ctx) => s3AdditionalEventData(ctx, 0, 0),
    errors: [err('NoSuchBucket', 'Not Found', 0.3)],
  },
  bucketRead('GetBucketLocation', 'location'),
  bucketRead('GetBucketAcl', 'acl'),
  bucketRead('GetBucketPolicy', 'policy', [err('NoSuchBucketPolicy', 'The bucket policy does not exist', 4)]),
  bucketRead('GetBucketPolicyStatus', 'policyStatus', [err('NoSuchBucketPolicy', 'The bucket policy does not exist', 4)]),
  bucketRead('GetBucketVersioning', 'versioning'),
  bucketRead('GetBucketEncryption', 'encryption', [err('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found', 2)]),
  bucketRead('GetBucketLogging', 'logging'),
  bucketRead('GetBucketWebsite', 'website', [err('NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration', 4)]),
  bucketRead('GetBucketLifecycleConfiguration', 'lifecycle', [err('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 3)], 'GetBucketLifecycle'),
  bucketRead('GetBucketReplication', 'replication', [err('ReplicationConfigurationNotFoundError', 'The replication configuration was not found', 4)]),
  bucketRead('GetBucketTagging', 'tagging', [err('NoSuchTagSet', 'The TagSet does not exist', 3)]),
  bucketRead('GetBucketCors', 'cors', [err('NoSuchCORSConfiguration', 'The CORS configuration does not exist', 4)]),
  bucketRead('GetBucketNotification', 'notification'),
  bucketRead('GetPublicAccessBlock', 'publicAccessBlock', [err('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 2)], 'GetBucketPublicAccessBlock'),
  bucketRead('GetObjectLockConfiguration', 'object-lock', [err('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket', 4)], 'GetBucketObjectLockConfiguration'),
  bucketRead('GetBucketAccelerateConfiguration', 'accelerate', [], 'GetAccelerateConfiguration'),
  bucketRead('GetBucketRequestPayment', 'requestPayment'),
  bucketRead('GetBucketOwnershipControls', 'ownershipControls', [err('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 2)]),
  bucketWrite('PutBucketAcl', 'acl', (ctx) =>
    xml('AccessControlPolicy', {
      AccessControlList: { Grant: [{ Grantee: { 'xsi:type': 'CanonicalUser', ID: hex(ctx.rng, 64), 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' }, Permission: 'FULL_CONTROL' }] },
      Owner: { ID: hex(ctx.rng, 64) },
    }), [err('AccessControlListNotSupported', 'The bucket does not allow ACLs', 2)]),
  bucketWrite('PutBucketPolicy', 'policy', (ctx, bucket) => ({
    // The policy body is written as a JSON object, not a string (real records).
    bucketPolicy: {
      Version: '2012-10-17',
      Statement: [{
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:${ctx.partition}:s3:::${bucket}`, `arn:${ctx.partition}:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }],
    },
  }), [err('MalformedPolicy', 'Policy has invalid resource'), err('MalformedPolicy', 'Invalid principal in policy', 0.5)]),
  bucketWrite('DeleteBucketPolicy', 'policy'),
  // Sigma a136ac98 fires on `Suspended` anywhere in requestParameters: pass
  // `{VersioningConfiguration: {Status: 'Suspended'}}`.
  bucketWrite('PutBucketVersioning', 'versioning', () => xml('VersioningConfiguration', { Status: 'Enabled' })),
  bucketWrite('PutBucketEncryption', 'encryption', (ctx) =>
    xml('ServerSideEncryptionConfiguration', {
      Rule: ctx.rng.bool(0.6)
        ? { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }
        : { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: pick(ctx, 'AWS::KMS::Key').arn }, BucketKeyEnabled: true },
    })),
  bucketWrite('DeleteBucketEncryption', 'encryption'),
  // Turning logging off sends an empty BucketLoggingStatus: a caller that passes its own
  // status gets no default LoggingEnabled merged in.
  bucketWrite('PutBucketLogging', 'logging', (ctx, bucket) =>
    ctx.params.BucketLoggingStatus !== undefined ? xml('BucketLoggingStatus', {}) : xml('BucketLoggingStatus', { LoggingEnabled: { TargetBucket: pick(ctx, BUCKET).name, TargetPrefix: `${bucket}/` } }), [err('InvalidTargetBucketForLogging', 'The owner for the bucket to be logged and the target bucket must be the same.')]),
  bucketWrite('PutBucketWebsite', 'website', () => xml('WebsiteConfiguration', { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } })),
  bucketWrite('DeleteBucketWebsite', 'website'),
  bucketWrite('PutBucketLifecycleConfiguration', 'lifecycle', (ctx) =>
    xml('LifecycleConfiguration', {
      Rule: { ID: `expire-${ctx.rng.pick(['logs', 'tmp', 'exports', 'noncurrent'])}`, Status: 'Enabled', Filter: { Prefix: ctx.rng.pick(['logs/', 'tmp/', '']) }, Expiration: { Days: ctx.rng.pick([30, 90, 365]) } },
    }), [err('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 0.3)], 'PutBucketLifecycle'),
  bucketWrite('DeleteBucketLifecycle', 'lifecycle'),
  bucketWrite('PutBucketReplication', 'replication', (ctx) =>
    xml('ReplicationConfiguration', {
      Role: `arn:${ctx.partition}:iam::${ctx.accountId}:role/s3-replication-role`,
      Rule: { ID: 'replicate-all', Status: 'Enabled', Priority: 1, Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Disabled' }, Destination: { Bucket: `arn:${ctx.partition}:s3:::${pick(ctx, BUCKET).name}` } },
    }), [err('InvalidRequest', 'Versioning must be \'Enabled\' on the bucket to apply a replication configuration')]),
  bucketWrite('DeleteBucketReplication', 'replication'),
  bucketWrite('PutBucketTagging', 'tagging', (ctx) =>
    xml('Tagging', { TagSet: { Tag: [{ Key: 'env', Value: ctx.rng.pick(['prod', 'staging', 'dev']) }, { Key: 'owner', Value: ctx.rng.pick(['platform', 'data', 'security']) }] } })),
  bucketWrite('DeleteBucketTagging', 'tagging'),
  bucketWrite('PutBucketCors', 'cors', () =>
    xml('CORSConfiguration', { CORSRule: { AllowedMethod: ['GET', 'HEAD'], AllowedOrigin: ['*'], AllowedHeader: ['*'], MaxAgeSeconds: 3000 } })),
  bucketWrite('PutBucketNotificationConfiguration', 'notification', (ctx) =>
    xml('NotificationConfiguration', { QueueConfiguration: { Id: 'object-created', Queue: pick(ctx, 'AWS::SQS::Queue').arn, Event: 's3:ObjectCreated:*' } }), [], 'PutBucketNotification'),
  bucketWrite('PutPublicAccessBlock', 'publicAccessBlock', () =>
    xml('PublicAccessBlockConfiguration', { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }), [], 'PutBucketPublicAccessBlock'),
  bucketWrite('DeletePublicAccessBlock', 'publicAccessBlock', undefined, [], 'DeleteBucketPublicAccessBlock'),
  bucketWrite('PutBucketOwnershipControls', 'ownershipControls', () => xml('OwnershipControls', { Rule: { ObjectOwnership: 'BucketOwnerEnforced' } })),

  // ---- data events (AWS::S3::Object)
  objectOp('GetObject', true, undefined, { bytesOut: size, errors: [NO_SUCH_KEY, err('InvalidObjectState', 'The operation is not valid for the object\'s storage class', 0.2)] }),
  objectOp('HeadObject', true, undefined, { errors: [err('NoSuchKey', 'Not Found')] }),
  objectOp('PutObject', false, undefined, { bytesIn: size, response: SSE }),
  objectOp('DeleteObject', false, undefined, {}),
  {
    ...objectOp('CopyObject', false, (ctx, r) => {
      // Default: an in-place copy (new storage class or encryption), the shape of the real
      // record; a caller names another source with `x-amz-copy-source`.
      if (pstr(ctx, 'x-amz-copy-source') === undefined) r['x-amz-copy-source'] = `${r.bucketName}/${r.key}`;
    }, { response: SSE, errors: [NO_SUCH_KEY] }),
    resources: copyResources,
  },
  objectOp('GetObjectAcl', true, (_ctx, r) => { r.acl = ''; }, { bytesOut: (ctx) => 450 + ctx.rng.int(100), errors: [NO_SUCH_KEY] }),
  objectOp('PutObjectAcl', false, (_ctx, r) => { r.acl = ''; r['x-amz-acl'] = 'bucket-owner-full-control'; }, { errors: [NO_SUCH_KEY] }),
  objectOp('GetObjectTagging', true, (_ctx, r) => { r.tagging = ''; }, { bytesOut: () => 150, errors: [NO_SUCH_KEY] }),
  objectOp('PutObjectTagging', false, (ctx, r) => {
    r.tagging = '';
    Object.assign(r, xml('Tagging', { TagSet: { Tag: { Key: 'classification', Value: ctx.rng.pick(['internal', 'confidential', 'public']) } } }));
  }, { errors: [NO_SUCH_KEY] }),
  objectOp('RestoreObject', false, (ctx, r) => {
    r.restore = '';
    Object.assign(r, xml('RestoreRequest', { Days: ctx.rng.pick([1, 7, 30]), GlacierJobParameters: { Tier: ctx.rng.pick(['Standard', 'Bulk', 'Expedited']) } }));
  }, { errors: [err('RestoreAlreadyInProgress', 'Object restore is already in progress'), err('InvalidObjectState', 'Restore is not allowed for the object\'s current storage class')] }),
  objectOp('CreateMultipartUpload', false, (_ctx, r) => { r.uploads = ''; }, { response: SSE }),
  objectOp('UploadPart', false, (ctx, r) => { r.partNumber = String(1 + ctx.rng.int(20)); r.uploadId = uploadId(ctx); }, { bytesIn: () => 8_388_608 }),
  objectOp('CompleteMultipartUpload', false, (ctx, r) => { r.uploadId = uploadId(ctx); }, { response: SSE, errors: [err('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.')] }),
  objectOp('AbortMultipartUpload', false, (ctx, r) => { r.uploadId = uploadId(ctx); }, { errors: [err('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.')] }),
  {
    name: 'DeleteObjects',
    readOnly: false,
    dataResourceType: OBJECT,
    request: (ctx) => {
      const r = base(ctx, bucketOf(ctx));
      r.delete = '';
      Object.assign(r, xml('Delete', { Object: [{ Key: pick(ctx, OBJECT).name }], Quiet: true }));
      return r;
    },
    resources: objectResources,
    resourceOwner: bucketOwner,
    additionalEventData: (ctx) => s3AdditionalEventData(ctx, 180 + ctx.rng.int(2000), 0),
    errors: [NO_SUCH_BUCKET],
  },
  listObjects(false),
  listObjects(true),
];

function uploadId(ctx: CallContext): string {
  return pstr(ctx, 'uploadId') ?? hexId(ctx.rng, '', 64).replace(/[0-9a-f]{4}/g, (m) => m.toUpperCase());
}

export const S3_OPERATIONS = defineService(
  {
    service: 's3',
    eventSource: 's3.amazonaws.com',
    requestIdStyle: 's3',
    host: (region, request) => {
      const b = rstr(request ?? null, 'bucketName');
      return b ? s3Host(b, region) : region === 'us-east-1' ? 's3.amazonaws.com' : `s3.${region}.amazonaws.com`;
    },
  },
  defs,
);
