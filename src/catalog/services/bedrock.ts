import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { HIDDEN, err, isoMs, pick, pstr, rstr } from '../util.js';

/**
 * Amazon Bedrock (rest-json). Guardrail names and messages are written as
 * `HIDDEN_DUE_TO_SECURITY_REASONS` (panther UpdateGuardrail case); InvokeModel is a
 * read-only management event with only `modelId` (Stratus sample).
 */

const MODELS = ['anthropic.claude-3-sonnet-20240229-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'amazon.titan-text-express-v1', 'meta.llama3-8b-instruct-v1:0'] as const;

const guardrailId = (ctx: CallContext) => pstr(ctx, 'guardrailIdentifier') ?? ctx.rng.chars(12, 'abcdefghijklmnopqrstuvwxyz0123456789');
const guardrailArn = (ctx: CallContext, id: string) => (id.startsWith('arn:') ? id : `arn:${ctx.partition}:bedrock:${ctx.region}:${ctx.accountId}:guardrail/${id}`);

const NOT_FOUND = err('ResourceNotFoundException', 'The specified guardrail was not found.', 0.5);

const defs: OpDef[] = [
  { name: 'CreateGuardrail', request: () => ({ name: HIDDEN, blockedInputMessaging: HIDDEN, blockedOutputsMessaging: HIDDEN, contentPolicyConfig: { filtersConfig: [{ type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' }] } }), response: (ctx) => { const id = guardrailId(ctx); return { guardrailId: id, guardrailArn: guardrailArn(ctx, id), version: 'DRAFT', createdAt: isoMs(ctx.time) }; }, errors: [err('ConflictException', 'A guardrail with this name already exists.')] },
  { name: 'UpdateGuardrail', request: (ctx) => ({ guardrailIdentifier: guardrailId(ctx), name: HIDDEN }), response: (ctx, r) => { const id = rstr(r, 'guardrailIdentifier') ?? guardrailId(ctx); return { guardrailArn: guardrailArn(ctx, id), guardrailId: id.split('/').pop() ?? id, updatedAt: isoMs(ctx.time), version: 'DRAFT' }; }, errors: [NOT_FOUND] },
  { name: 'DeleteGuardrail', request: (ctx) => ({ guardrailIdentifier: guardrailId(ctx) }), errors: [NOT_FOUND, err('ConflictException', 'The guardrail is in use and cannot be deleted.', 0.3)] },
  { name: 'GetGuardrail', request: (ctx) => ({ guardrailIdentifier: guardrailId(ctx), guardrailVersion: 'DRAFT' }), errors: [NOT_FOUND] },
  { name: 'ListGuardrails', request: () => ({ maxResults: 1000 }) },
  { name: 'InvokeModel', readOnly: true, request: (ctx) => ({ modelId: pstr(ctx, 'modelId') ?? ctx.rng.pick(MODELS) }), errors: [err('AccessDeniedException', 'You don\'t have access to the model with the specified model ID.', 0.5), err('ThrottlingException', 'Too many requests, please wait before trying again.', 0.5), err('ValidationException', 'Malformed input request, please reformat your input and try again.', 0.2)] },
  { name: 'ListFoundationModels', request: () => null },
  // Model-access onboarding (Stratus bedrock-invoke-model sample): console-backing APIs.
  { name: 'GetFoundationModelAvailability', readOnly: true, request: (ctx) => ({ modelId: pstr(ctx, 'modelId') ?? ctx.rng.pick(MODELS) }) },
  { name: 'ListFoundationModelAgreementOffers', readOnly: true, request: (ctx) => ({ modelId: pstr(ctx, 'modelId') ?? ctx.rng.pick(MODELS) }) },
  { name: 'CreateFoundationModelAgreement', readOnly: false, request: (ctx) => ({ modelId: pstr(ctx, 'modelId') ?? ctx.rng.pick(MODELS) }), response: (_ctx, r) => ({ modelId: (rstr(r, 'modelId') ?? '').replace(/:\d+$/, '') }) },
  { name: 'PutFoundationModelEntitlement', readOnly: false, request: (ctx) => ({ modelId: pstr(ctx, 'modelId') ?? ctx.rng.pick(MODELS) }), response: () => ({ status: 'SUCCESS' }) },
  { name: 'PutUseCaseForModelAccess', readOnly: false, request: () => null },
  { name: 'GetModelInvocationLoggingConfiguration', request: () => null },
  { name: 'PutModelInvocationLoggingConfiguration', request: (ctx) => ({ loggingConfig: { s3Config: { bucketName: pick(ctx, 'AWS::S3::Bucket').name, keyPrefix: 'bedrock-logs/' }, textDataDeliveryEnabled: true, imageDataDeliveryEnabled: false, embeddingDataDeliveryEnabled: false } }) },
  { name: 'DeleteModelInvocationLoggingConfiguration', request: () => null },
];

export const BEDROCK_OPERATIONS = defineService({ service: 'bedrock', eventSource: 'bedrock.amazonaws.com' }, defs);
