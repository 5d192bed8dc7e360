import type { JsonObject, ResourceRef } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { Random } from '../../core/random.js';
import { defineService, type OpDef } from '../define.js';
import { arnAccount, err, pick, policyJson, pstr, ref, rstr, sdkDate, hex } from '../util.js';

/**
 * AWS KMS (json protocol). Cryptographic calls (Decrypt, GenerateDataKey, Encrypt) are
 * read-only management events with the key in resources[] and the encryption context in
 * requestParameters (opensearch samples: CloudTrail's own log encryption, Lambda env vars,
 * Kinesis). When an AWS service calls (B4, `invokedBy: s3.amazonaws.com`), the context is
 * that service's (`aws:s3:arn`).
 */

const KEY: 'AWS::KMS::Key' = 'AWS::KMS::Key';

function keyArn(ctx: CallContext): string {
  const k = pstr(ctx, 'keyId');
  if (k && k.startsWith('arn:')) return k;
  const w = pick(ctx, KEY);
  return k ? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${k}` : w.arn;
}

/**
 * resources[] names the full key ARN even when the request named an alias or a bare key
 * id (samples: `keyId alias/aws/kinesis` → the key ARN). An alias resolves to the same key
 * every time: a pure function of (account, region, alias) over the region's keys.
 */
function keyRes(ctx: CallContext, request: JsonObject | null): ResourceRef[] {
  const k = rstr(request, 'keyId');
  let arn: string;
  if (k && k.startsWith('arn:') && k.includes(':key/')) arn = k;
  else if (k && (k.startsWith('alias/') || k.includes(':alias/'))) arn = aliasTarget(ctx, k);
  else if (k && /^[0-9a-f-]{36}$/.test(k)) arn = `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${k}`;
  else arn = pick(ctx, KEY).arn;
  return [ref(arn, arnAccount(arn) ?? ctx.accountId, KEY)];
}

function aliasTarget(ctx: CallContext, alias: string): string {
  const name = alias.slice(alias.indexOf('alias/'));
  const acct = arnAccount(alias) ?? ctx.accountId;
  let h = 0x811c9dc5;
  for (const c of `${acct}|${ctx.region}|${name}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  // AWS managed keys (alias/aws/<service>) are keys of their own: a stable id per alias.
  if (name.startsWith('alias/aws/')) {
    const hx = (n: number) => (Math.imul(h ^ n, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
    const id = `${hx(1)}-${hx(2).slice(0, 4)}-4${hx(3).slice(0, 3)}-a${hx(4).slice(0, 3)}-${hx(5)}${hx(6).slice(0, 4)}`;
    return `arn:${ctx.partition}:kms:${ctx.region}:${acct}:key/${id}`;
  }
  // A customer alias points at one of the region's keys, chosen by the alias's hash so every call agrees.
  return ctx.world.resource(KEY, new Random(h), { accountId: acct, region: ctx.region }).arn;
}

/** The encryption context the calling service (or an app) sends. */
function context(ctx: CallContext): JsonObject {
  const by = ctx.identity.invokedBy;
  if (by === 's3.amazonaws.com') {
    const o = pick(ctx, 'AWS::S3::Object');
    return { 'aws:s3:arn': `arn:${ctx.partition}:s3:::${o.attrs.bucket ?? pick(ctx, 'AWS::S3::Bucket').name}/${o.name}` };
  }
  if (by === 'lambda.amazonaws.com') return { 'aws:lambda:FunctionArn': pick(ctx, 'AWS::Lambda::Function').arn };
  if (by === 'secretsmanager.amazonaws.com') return { SecretARN: pick(ctx, 'AWS::SecretsManager::Secret').arn, SecretVersionId: ctx.rng.uuid() };
  if (by === 'cloudtrail.amazonaws.com') {
    const t = pick(ctx, 'AWS::CloudTrail::Trail');
    return { 'aws:cloudtrail:arn': t.arn };
  }
  switch (ctx.rng.int(4)) {
    case 0: return { 'aws:s3:arn': `arn:${ctx.partition}:s3:::${pick(ctx, 'AWS::S3::Bucket').name}` };
    case 1: return { 'aws:lambda:FunctionArn': pick(ctx, 'AWS::Lambda::Function').arn };
    case 2: return { SecretARN: pick(ctx, 'AWS::SecretsManager::Secret').arn, SecretVersionId: ctx.rng.uuid() };
    default: return { 'aws:dynamodb:tableName': pick(ctx, 'AWS::DynamoDB::Table').name, 'aws:dynamodb:subscriberId': ctx.accountId };
  }
}

const NOT_FOUND = err('NotFoundException', (ctx, r) => `Key '${rstr(r, 'keyId') ?? keyArn(ctx)}' does not exist`, 0.3);
const DISABLED = err('DisabledException', (ctx, r) => `${rstr(r, 'keyId') ?? keyArn(ctx)} is disabled.`, 0.2);
const PENDING = err('KMSInvalidStateException', (ctx, r) => `${rstr(r, 'keyId') ?? keyArn(ctx)} is pending deletion.`, 0.2);

function keyOp(name: string, extra?: (ctx: CallContext) => JsonObject, response?: OpDef['response'], errors = [NOT_FOUND]): OpDef {
  return { name, request: (ctx) => ({ keyId: keyArn(ctx), ...(extra ? extra(ctx) : {}) }), response, resources: keyRes, errors };
}

const defs: OpDef[] = [
  {
    name: 'Decrypt',
    readOnly: true,
    request: (ctx) => ({ encryptionContext: context(ctx), encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }),
    resources: keyRes,
    errors: [err('InvalidCiphertextException', '', 0.3), err('IncorrectKeyException', 'The key ID in the request does not identify a CMK that can perform this operation.', 0.2), DISABLED, PENDING],
  },
  {
    name: 'GenerateDataKey',
    readOnly: true,
    request: (ctx) => {
      const r: JsonObject = { keyId: keyArn(ctx), encryptionContext: context(ctx) };
      if (ctx.rng.bool(0.7)) r.keySpec = 'AES_256';
      else r.numberOfBytes = 32;
      return r;
    },
    resources: keyRes,
    errors: [NOT_FOUND, DISABLED, PENDING],
  },
  { name: 'GenerateDataKeyWithoutPlaintext', readOnly: true, request: (ctx) => ({ keyId: keyArn(ctx), encryptionContext: context(ctx), keySpec: 'AES_256' }), resources: keyRes, errors: [NOT_FOUND, DISABLED] },
  { name: 'Encrypt', readOnly: true, request: (ctx) => ({ keyId: keyArn(ctx), encryptionContext: context(ctx), encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }), resources: keyRes, errors: [NOT_FOUND, DISABLED] },
  { name: 'ReEncrypt', readOnly: true, request: (ctx) => ({ destinationKeyId: keyArn(ctx), sourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT', destinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT' }), resources: keyRes },
  keyOp('DescribeKey'),
  { name: 'ListKeys', request: () => null },
  { name: 'ListAliases', request: () => null },
  keyOp('GetKeyPolicy', () => ({ policyName: 'default' })),
  keyOp('GetKeyRotationStatus'),
  {
    name: 'CreateKey',
    request: (ctx) => ({ description: pstr(ctx, 'description') ?? `${ctx.rng.pick(['app', 'backup', 'logs', 'secrets'])} encryption key`, keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT', origin: pstr(ctx, 'origin') ?? 'AWS_KMS', bypassPolicyLockoutSafetyCheck: false, multiRegion: false }),
    response: (ctx, req) => {
      const id = ctx.world.newName(KEY, ctx.rng);
      const origin = rstr(req, 'origin') ?? 'AWS_KMS';
      return {
        keyMetadata: {
          aWSAccountId: ctx.accountId,
          keyId: id,
          arn: `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${id}`,
          creationDate: sdkDate(ctx.time),
          enabled: origin !== 'EXTERNAL',
          description: rstr(req, 'description') ?? '',
          keyUsage: 'ENCRYPT_DECRYPT',
          keyState: origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
          origin,
          keyManager: 'CUSTOMER',
          customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
          keySpec: 'SYMMETRIC_DEFAULT',
          encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
          multiRegion: false,
        },
      };
    },
    resources: (ctx, _req, res) => {
      const arn = (res?.keyMetadata as JsonObject | undefined)?.arn;
      return typeof arn === 'string' ? [ref(arn, ctx.accountId, KEY)] : undefined;
    },
    errors: [err('LimitExceededException', 'Limit exceeded for resource type customer master key', 0.2), err('MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.', 0.2)],
  },
  keyOp('ScheduleKeyDeletion', (ctx) => ({ pendingWindowInDays: ctx.rng.pick([7, 30]) }), (ctx, req) => ({ keyId: rstr(req, 'keyId') ?? keyArn(ctx), deletionDate: sdkDate(ctx.time + ((req?.pendingWindowInDays as number | undefined) ?? 30) * 86_400_000), keyState: 'PendingDeletion', pendingWindowInDays: (req?.pendingWindowInDays as number | undefined) ?? 30 }), [NOT_FOUND, PENDING]),
  keyOp('CancelKeyDeletion', undefined, (ctx, req) => ({ keyId: rstr(req, 'keyId') ?? keyArn(ctx) })),
  keyOp('DisableKey', undefined, undefined, [NOT_FOUND, PENDING]),
  keyOp('EnableKey', undefined, undefined, [NOT_FOUND, PENDING]),
  keyOp('EnableKeyRotation'),
  keyOp('DisableKeyRotation'),
  keyOp('PutKeyPolicy', (ctx) => ({
    policyName: 'default',
    policy: policyJson([
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:${ctx.partition}:iam::${ctx.accountId}:root` }, Action: 'kms:*', Resource: '*' },
    ]),
    bypassPolicyLockoutSafetyCheck: false,
  }), undefined, [NOT_FOUND, err('MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.')]),
  // Ransomware pattern (Sigma 1279262f): key material the attacker holds.
  keyOp('GetParametersForImport', () => ({ wrappingAlgorithm: 'RSAES_OAEP_SHA_256', wrappingKeySpec: 'RSA_2048' }), undefined, [NOT_FOUND, err('UnsupportedOperationException', (ctx, r) => `${rstr(r, 'keyId') ?? keyArn(ctx)} origin is AWS_KMS which is not valid for this operation.`)]),
  keyOp('ImportKeyMaterial', () => ({ expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }), undefined, [NOT_FOUND, err('InvalidImportTokenException', 'Import token expired. Please obtain a new token and retry the request.'), err('IncorrectKeyMaterialException', 'Key material is not the same key material that was previously imported into this KMS key.', 0.3)]),
  keyOp('DeleteImportedKeyMaterial', undefined, undefined, [NOT_FOUND, err('UnsupportedOperationException', (ctx, r) => `${rstr(r, 'keyId') ?? keyArn(ctx)} origin is AWS_KMS which is not valid for this operation.`)]),
  keyOp('CreateGrant', (ctx) => ({ granteePrincipal: `arn:${ctx.partition}:iam::${ctx.accountId}:role/${pick(ctx, 'AWS::IAM::Role').name}`, operations: ['Decrypt', 'GenerateDataKey'], constraints: { encryptionContextSubset: { 'aws:ebs:id': `vol-${hex(ctx.rng, 17)}` } } }), (ctx) => ({ grantId: hex(ctx.rng, 64), keyId: keyArn(ctx) })),
  keyOp('RetireGrant', (ctx) => ({ grantId: hex(ctx.rng, 64) })),
  {
    name: 'CreateAlias',
    request: (ctx) => ({ aliasName: pstr(ctx, 'aliasName') ?? `alias/${ctx.rng.pick(['app', 'backups', 'logs', 'data'])}-${hex(ctx.rng, 4)}`, targetKeyId: keyArn(ctx) }),
    resources: (ctx, req) => [ref(`arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:${rstr(req, 'aliasName') ?? 'alias/unknown'}`, ctx.accountId, 'AWS::KMS::Alias'), ...keyRes(ctx, { keyId: rstr(req, 'targetKeyId') ?? null })],
    errors: [err('AlreadyExistsException', (ctx, r) => `An alias with the name arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:${rstr(r, 'aliasName')} already exists`)],
  },
];

/**
 * Automatic key rotation, an AWS service event: no userIdentity type, `invokedBy` and
 * source `AWS Internal`, no requestID, the key in resources[] and
 * `serviceEventDetails {rotationType, keyId}` (CloudTrail User Guide, "AWS service events";
 * estate-reference.md §2.2). Both AWS examples write no `userIdentity.type`; the shared
 * check-records.mjs wants one and flags these records, AWS's shape is kept.
 */
/** The rotated key: one stream per event time, so resources[] and serviceEventDetails name the same key. */
const rotatedKey = (ctx: CallContext) => ctx.world.resource(KEY, ctx.rng.fork('rotated-key', ctx.time), { accountId: ctx.accountId, region: ctx.region }).arn;

const ROTATE_KEY: OpDef = {
  name: 'RotateKey',
  readOnly: false,
  eventType: 'AwsServiceEvent',
  requestIdStyle: 'none',
  tls: false,
  request: () => null,
  resources: (ctx) => [ref(rotatedKey(ctx), ctx.accountId, KEY)],
  serviceEventDetails: (ctx) => {
    const arn = rotatedKey(ctx);
    // The 2025 KMS guide's example adds keyOrigin and the key-material ids (ct-rotatekey).
    return { rotationType: 'AUTOMATIC', keyId: arn.slice(arn.lastIndexOf('/') + 1), keyOrigin: 'AWS_KMS', previousKeyMaterialId: hex(ctx.rng, 64), currentKeyMaterialId: hex(ctx.rng, 64) };
  },
};

export const KMS_OPERATIONS = defineService({ service: 'kms', eventSource: 'kms.amazonaws.com' }, [...defs, ROTATE_KEY]);
