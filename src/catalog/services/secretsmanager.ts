import type { JsonObject } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, policyJson, pstr, rstr, sdkDate, uuid } from '../util.js';

/**
 * AWS Secrets Manager (json protocol). Secret values are never logged: CreateSecret and
 * PutSecretValue requests carry no `secretString`/`secretBinary`; reads answer null
 * (Stratus samples GetSecretValue, BatchGetSecretValue, ListSecrets).
 */

const SECRET: 'AWS::SecretsManager::Secret' = 'AWS::SecretsManager::Secret';
const secretId = (ctx: CallContext) => pstr(ctx, 'secretId') ?? pick(ctx, SECRET).arn;

const NOT_FOUND = err('ResourceNotFoundException', 'Secrets Manager can\'t find the specified secret.', 0.5);
const DELETED = err('InvalidRequestException', 'You can\'t perform this operation on the secret because it was marked for deletion.', 0.2);

function stripValue(r: JsonObject): JsonObject {
  const { secretString: _s, secretBinary: _b, ...rest } = r;
  return rest;
}

function arnFor(ctx: CallContext, id: string): string {
  return id.startsWith('arn:') ? id : `arn:${ctx.partition}:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${id}-${ctx.rng.chars(6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`;
}

const defs: OpDef[] = [
  { name: 'GetSecretValue', request: (ctx) => ({ secretId: secretId(ctx) }), errors: [NOT_FOUND, DELETED, err('DecryptionFailure', 'Secrets Manager can\'t decrypt the protected secret text using the provided KMS key.', 0.1)] },
  { name: 'BatchGetSecretValue', request: (ctx): JsonObject => (ctx.rng.bool(0.5) ? { secretIdList: [secretId(ctx), secretId(ctx)] } : { filters: [{ key: 'tag-key', values: ['app'] }] }) },
  { name: 'ListSecrets', request: (ctx) => (ctx.rng.bool(0.5) ? null : { maxResults: 100 }) },
  { name: 'DescribeSecret', request: (ctx) => ({ secretId: secretId(ctx) }), errors: [NOT_FOUND] },
  { name: 'GetResourcePolicy', request: (ctx) => ({ secretId: secretId(ctx) }), errors: [NOT_FOUND] },
  {
    name: 'CreateSecret',
    request: (ctx) => ({ name: pstr(ctx, 'name') ?? ctx.world.newName(SECRET, ctx.rng), clientRequestToken: uuid(ctx.rng), description: 'Application credentials', forceOverwriteReplicaSecret: false }),
    response: (ctx, r) => ({ aRN: arnFor(ctx, rstr(r, 'name') ?? 'secret'), name: rstr(r, 'name') ?? 'secret', versionId: rstr(r, 'clientRequestToken') ?? uuid(ctx.rng) }),
    redact: stripValue,
    errors: [err('ResourceExistsException', (_c, r) => `The operation failed because the secret ${rstr(r, 'name')} already exists.`)],
  },
  { name: 'PutSecretValue', request: (ctx) => ({ secretId: secretId(ctx), clientRequestToken: uuid(ctx.rng) }), response: (ctx, r) => ({ aRN: arnFor(ctx, rstr(r, 'secretId') ?? 'secret'), name: (rstr(r, 'secretId') ?? 'secret').split(':').pop() ?? 'secret', versionId: rstr(r, 'clientRequestToken') ?? uuid(ctx.rng), versionStages: ['AWSCURRENT'] }), redact: stripValue, errors: [NOT_FOUND, DELETED] },
  { name: 'DeleteSecret', request: (ctx) => ({ secretId: secretId(ctx), recoveryWindowInDays: ctx.rng.pick([7, 30]) }), response: (ctx, r) => ({ aRN: arnFor(ctx, rstr(r, 'secretId') ?? 'secret'), name: (rstr(r, 'secretId') ?? 'secret').split(':').pop() ?? 'secret', deletionDate: sdkDate(ctx.time + ((r?.recoveryWindowInDays as number | undefined) ?? 30) * 86_400_000) }), errors: [NOT_FOUND, DELETED] },
  { name: 'PutResourcePolicy', request: (ctx) => ({ secretId: secretId(ctx), resourcePolicy: policyJson([{ Effect: 'Allow', Principal: { AWS: `arn:${ctx.partition}:iam::${ctx.accountId}:role/${pick(ctx, 'AWS::IAM::Role').name}` }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }]), blockPublicPolicy: true }), response: (ctx, r) => ({ aRN: arnFor(ctx, rstr(r, 'secretId') ?? 'secret'), name: (rstr(r, 'secretId') ?? 'secret').split(':').pop() ?? 'secret' }), errors: [NOT_FOUND, err('PublicPolicyException', 'The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret.')] },
  { name: 'RotateSecret', request: (ctx) => ({ secretId: secretId(ctx), clientRequestToken: uuid(ctx.rng), rotateImmediately: true }), response: (ctx, r) => ({ aRN: arnFor(ctx, rstr(r, 'secretId') ?? 'secret'), name: (rstr(r, 'secretId') ?? 'secret').split(':').pop() ?? 'secret', versionId: rstr(r, 'clientRequestToken') ?? uuid(ctx.rng) }), errors: [NOT_FOUND, err('InvalidRequestException', 'A previous rotation isn\'t complete. That rotation will be reattempted.', 0.3)] },
];

export const SECRETSMANAGER_OPERATIONS = defineService({ service: 'secretsmanager', eventSource: 'secretsmanager.amazonaws.com' }, defs);
