import type { JsonObject, JsonValue, ResourceRef } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { LAMBDA_RUNTIMES, attrsOf, arnAccount, arnName, b64, err, lambdaDate, pick, pstr, ref, rstr, uuid, hex } from '../util.js';

/**
 * AWS Lambda (rest-json). CloudTrail's eventName carries the API version of the operation's
 * URI (`/2015-03-31/functions/...` gives `20150331`), plus `v2` for the operations Lambda
 * revised: samples have `UpdateFunctionConfiguration20150331v2`,
 * `UpdateFunctionCode20150331v2` and `AddPermission20150331v2`; public detections and
 * recordings show `GetFunction20150331v2` and `CreateFunctionUrlConfig20211031`. The data
 * event `Invoke` has no suffix. Environment variables and code are never logged
 * (`environment: {}` in the sample request and response).
 */

const FN: 'AWS::Lambda::Function' = 'AWS::Lambda::Function';

function fnName(ctx: CallContext): string {
  return pstr(ctx, 'functionName') ?? pick(ctx, FN).name;
}

function fnArn(ctx: CallContext, nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${nameOrArn}`;
}

function fnRes(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const n = rstr(request, 'functionName');
  if (!n) return undefined;
  const arn = fnArn(ctx, n);
  return [ref(arn, arnAccount(arn) ?? ctx.accountId, FN)];
}

function shortName(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn.split(':')[6] ?? arnName(nameOrArn) : nameOrArn;
}

/** The function configuration Lambda returns from Create/Update calls (sample UpdateFunctionConfiguration). */
function configuration(ctx: CallContext, request: JsonObject | null, extra: JsonObject = {}): JsonObject {
  const name = shortName(rstr(request, 'functionName') ?? fnName(ctx));
  const arn = fnArn(ctx, name);
  const layers = request && Array.isArray(request.layers) ? (request.layers as JsonValue[]).filter((l): l is string => typeof l === 'string').map((l) => ({ arn: l, codeSize: 1000 + ctx.rng.int(9000), uncompressedCodeSize: 2000 + ctx.rng.int(20000) })) : undefined;
  // The function's runtime and memory stay what it was created with (registry attributes).
  const attrs = attrsOf(ctx, FN, name);
  const out: JsonObject = {
    functionName: name,
    functionArn: arn,
    runtime: rstr(request, 'runtime') ?? attrs.runtime ?? LAMBDA_RUNTIMES[ctx.rng.int(LAMBDA_RUNTIMES.length)],
    role: rstr(request, 'role') ?? `arn:${ctx.partition}:iam::${ctx.accountId}:role/${name}-role`,
    handler: rstr(request, 'handler') ?? 'index.handler',
    codeSize: 200 + ctx.rng.int(5_000_000),
    description: '',
    timeout: (request?.timeout as number | undefined) ?? 30,
    memorySize: (request?.memorySize as number | undefined) ?? (attrs.memorySize ? Number(attrs.memorySize) : 128),
    lastModified: lambdaDate(ctx.time),
    codeSha256: b64(ctx.rng, 43) + '=',
    version: '$LATEST',
    environment: {},
    tracingConfig: { mode: 'PassThrough' },
    revisionId: uuid(ctx.rng),
    state: 'Active',
    lastUpdateStatus: 'InProgress',
    lastUpdateStatusReason: 'The function is being created.',
    lastUpdateStatusReasonCode: 'Creating',
    packageType: 'Zip',
    architectures: ['x86_64'],
    ephemeralStorage: { size: 512 },
    snapStart: { applyOn: 'None', optimizationStatus: 'Off' },
    loggingConfig: { logFormat: 'Text', logGroup: `/aws/lambda/${name}` },
    ...extra,
  };
  if (layers) out.layers = layers;
  return out;
}

const NOT_FOUND = err('ResourceNotFoundException', (ctx, r) => `Function not found: ${fnArn(ctx, rstr(r, 'functionName') ?? 'unknown')}`, 0.5);
const CONFLICT = err('ResourceConflictException', (ctx, r) => `The operation cannot be performed at this time. An update is in progress for resource: ${fnArn(ctx, rstr(r, 'functionName') ?? 'unknown')}`, 0.3);

/** Redacts environment variable values, as CloudTrail does (`environment: {}`). */
function redactEnv(r: JsonObject): JsonObject {
  return r.environment !== undefined ? { ...r, environment: {} } : r;
}

function m(name: string, version: string, def: Omit<OpDef, 'name' | 'eventName'>): OpDef {
  return { name, eventName: name + version, ...def };
}

const defs: OpDef[] = [
  // ---- data event
  {
    name: 'Invoke',
    readOnly: false,
    dataResourceType: FN,
    request: (ctx) => {
      const r: JsonObject = { functionName: fnArn(ctx, fnName(ctx)) };
      if (ctx.rng.bool(0.3)) r.invocationType = 'Event';
      return r;
    },
    resources: fnRes,
    additionalEventData: (ctx, req) => ({ functionVersion: `${fnArn(ctx, rstr(req, 'functionName') ?? fnName(ctx))}:$LATEST` }),
    errors: [NOT_FOUND, err('TooManyRequestsException', 'Rate Exceeded.', 0.3)],
  },

  // ---- functions
  m('CreateFunction', '20150331', {
    request: (ctx) => {
      const name = pstr(ctx, 'functionName') ?? ctx.world.newName(FN, ctx.rng);
      const a = attrsOf(ctx, FN, name);
      return { functionName: name, runtime: a.runtime ?? LAMBDA_RUNTIMES[ctx.rng.int(LAMBDA_RUNTIMES.length)], role: `arn:${ctx.partition}:iam::${ctx.accountId}:role/${name}-role`, handler: 'index.handler', code: {}, description: '', timeout: 30, memorySize: a.memorySize ? Number(a.memorySize) : 256, publish: false, packageType: 'Zip', architectures: ['x86_64'] };
    },
    response: (ctx, r) => configuration(ctx, r, { state: 'Pending', stateReason: 'The function is being created.', stateReasonCode: 'Creating' }),
    deniedResource: fnRes,
    redact: (r) => { const out = redactEnv(r); return out.code !== undefined ? { ...out, code: {} } : out; },
    errors: [err('ResourceConflictException', (_c, r) => `Function already exist: ${rstr(r, 'functionName')}`), err('InvalidParameterValueException', 'The role defined for the function cannot be assumed by Lambda.')],
  }),
  m('DeleteFunction', '20150331', { request: (ctx) => ({ functionName: fnName(ctx) }), deniedResource: fnRes, errors: [NOT_FOUND] }),
  m('GetFunction', '20150331v2', { request: (ctx) => ({ functionName: fnName(ctx) }), deniedResource: fnRes, errors: [NOT_FOUND] }),
  m('GetFunctionConfiguration', '20150331v2', { request: (ctx) => ({ functionName: fnName(ctx) }), deniedResource: fnRes, errors: [NOT_FOUND] }),
  m('ListFunctions', '20150331', { request: () => null }),
  m('ListVersionsByFunction', '20150331', { request: (ctx) => ({ functionName: fnName(ctx) }), deniedResource: fnRes, errors: [NOT_FOUND] }),
  m('ListAliases', '20150331', { request: (ctx) => ({ functionName: fnName(ctx) }), deniedResource: fnRes }),
  m('ListEventSourceMappings', '20150331', { request: (ctx) => ({ functionName: fnName(ctx) }) }),
  m('ListLayers', '20181031', { request: () => null }),
  m('ListTags', '20170331', { request: (ctx) => ({ resource: fnArn(ctx, fnName(ctx)) }) }),
  m('GetAccountSettings', '20160819', { request: () => null }),
  m('UpdateFunctionCode', '20150331v2', {
    request: (ctx) => {
      const arn = fnArn(ctx, fnName(ctx));
      return { functionName: arn, fullyQualifiedArn: { arnPrefix: { partition: ctx.partition, region: ctx.region, account: ctx.accountId }, relativeId: { functionName: shortName(arn) }, functionQualifier: {} }, publish: ctx.rng.bool(0.3), dryRun: false };
    },
    response: (ctx, r) => configuration(ctx, r),
    deniedResource: fnRes,
    errors: [NOT_FOUND, CONFLICT, err('CodeStorageExceededException', 'Code storage limit exceeded.', 0.1)],
  }),
  m('UpdateFunctionConfiguration', '20150331v2', {
    // Sigma 97fbabf8 fires when `layers` has at least one element: pass `{layers: [arn]}`.
    // The benign default is a timeout/memory change; a caller that passes its own settings
    // (layers, environment, role, ...) sends only those, as the Stratus record shows.
    request: (ctx): JsonObject => {
      const functionName = fnArn(ctx, fnName(ctx));
      if (Object.keys(ctx.params).some((k) => k !== 'functionName')) return { functionName };
      return { functionName, timeout: ctx.rng.pick([15, 30, 60, 300]), memorySize: ctx.rng.pick([128, 256, 512, 1024]) };
    },
    response: (ctx, r) => configuration(ctx, r),
    deniedResource: fnRes,
    redact: redactEnv,
    errors: [NOT_FOUND, CONFLICT, err('InvalidParameterValueException', 'Layers are only supported for function with package type Zip.', 0.1)],
  }),
  m('PublishVersion', '20150331', { request: (ctx) => ({ functionName: fnName(ctx) }), response: (ctx, r) => configuration(ctx, r, { version: String(1 + ctx.rng.int(40)), state: 'Active' }), deniedResource: fnRes, errors: [NOT_FOUND, CONFLICT] }),
  m('CreateAlias', '20150331', { request: (ctx) => ({ functionName: fnName(ctx), name: ctx.rng.pick(['live', 'prod', 'canary']), functionVersion: String(1 + ctx.rng.int(20)) }), response: (ctx, r) => ({ aliasArn: `${fnArn(ctx, rstr(r, 'functionName') ?? 'fn')}:${rstr(r, 'name') ?? 'live'}`, name: rstr(r, 'name') ?? 'live', functionVersion: rstr(r, 'functionVersion') ?? '1', description: '', revisionId: uuid(ctx.rng) }), deniedResource: fnRes, errors: [NOT_FOUND] }),

  // ---- resource policy
  m('AddPermission', '20150331v2', {
    // A service principal is scoped with sourceAccount; a caller-given principal that is not a
    // service (`*` for a public function URL, an account) gets none unless it passes one.
    request: (ctx) => {
      const functionName = fnName(ctx);
      const statementId = pstr(ctx, 'statementId') ?? `${ctx.rng.pick(['s3-invoke', 'events-invoke', 'apigw-invoke'])}-${hex(ctx.rng, 6)}`;
      const principal = pstr(ctx, 'principal') ?? ctx.rng.pick(['s3.amazonaws.com', 'events.amazonaws.com', 'apigateway.amazonaws.com']);
      return { functionName, statementId, action: 'lambda:InvokeFunction', principal, ...(principal.endsWith('.amazonaws.com') ? { sourceAccount: ctx.accountId } : {}) };
    },
    response: (ctx, r) => {
      const statement: JsonObject = { Sid: rstr(r, 'statementId') ?? 'sid', Effect: 'Allow', Principal: (rstr(r, 'principal') ?? '*').includes('.') ? { Service: rstr(r, 'principal') ?? '' } : (rstr(r, 'principal') ?? '*'), Action: rstr(r, 'action') ?? 'lambda:InvokeFunction', Resource: fnArn(ctx, rstr(r, 'functionName') ?? 'fn') };
      const sa = rstr(r, 'sourceAccount');
      const urlAuth = rstr(r, 'functionUrlAuthType');
      if (sa) statement.Condition = { StringEquals: { 'AWS:SourceAccount': sa } };
      else if (urlAuth) statement.Condition = { StringEquals: { 'lambda:FunctionUrlAuthType': urlAuth } };
      return { statement: JSON.stringify(statement) };
    },
    deniedResource: fnRes,
    errors: [NOT_FOUND, err('ResourceConflictException', (_c, r) => `The statement id (${rstr(r, 'statementId')}) provided already exists. Please provide a new statement id, or remove the existing statement.`)],
  }),
  m('RemovePermission', '20150331v2', { request: (ctx) => ({ functionName: fnName(ctx), statementId: pstr(ctx, 'statementId') ?? 's3-invoke' }), deniedResource: fnRes, errors: [err('ResourceNotFoundException', 'The resource you requested does not exist.')] }),
  m('GetPolicy', '20150331v2', { request: (ctx) => ({ functionName: fnName(ctx) }), deniedResource: fnRes, errors: [err('ResourceNotFoundException', 'The resource you requested does not exist.', 2)] }),

  // ---- function URLs (Sigma ec541962 expects the unsuffixed name, which CloudTrail does not write)
  m('CreateFunctionUrlConfig', '20211031', {
    request: (ctx) => ({ functionName: fnName(ctx), authType: pstr(ctx, 'authType') ?? 'AWS_IAM' }),
    response: (ctx, r) => ({ functionUrl: `https://${ctx.rng.chars(32, 'abcdefghijklmnopqrstuvwxyz0123456789')}.lambda-url.${ctx.region}.on.aws/`, functionArn: fnArn(ctx, rstr(r, 'functionName') ?? 'fn'), authType: rstr(r, 'authType') ?? 'AWS_IAM', creationTime: new Date(ctx.time).toISOString().slice(0, 23) + '000Z', invokeMode: 'BUFFERED' }),
    deniedResource: fnRes,
    errors: [NOT_FOUND, err('ResourceConflictException', (ctx, r) => `Failed to create function url config for [functionArn = ${fnArn(ctx, rstr(r, 'functionName') ?? 'fn')}]. Error message:  FunctionUrlConfig exists for this Lambda function`)],
  }),
  m('UpdateFunctionUrlConfig', '20211031', { request: (ctx) => ({ functionName: fnName(ctx), authType: pstr(ctx, 'authType') ?? 'AWS_IAM' }), deniedResource: fnRes, errors: [NOT_FOUND] }),
  m('DeleteFunctionUrlConfig', '20211031', { request: (ctx) => ({ functionName: fnName(ctx) }), deniedResource: fnRes, errors: [NOT_FOUND] }),
  m('GetFunctionUrlConfig', '20211031', { request: (ctx) => ({ functionName: fnName(ctx) }), deniedResource: fnRes, errors: [err('ResourceNotFoundException', 'The resource you requested does not exist.')] }),

  // ---- layers, concurrency, event sources
  m('PublishLayerVersion', '20181031', {
    request: (ctx) => ({ layerName: pstr(ctx, 'layerName') ?? `${ctx.rng.pick(['shared-utils', 'otel-extension', 'pandas', 'sentry'])}`, content: {}, compatibleRuntimes: ['python3.12', 'python3.11'] }),
    response: (ctx, r) => {
      const base = `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:layer:${rstr(r, 'layerName') ?? 'layer'}`;
      const v = 1 + ctx.rng.int(30);
      return { content: { codeSha256: b64(ctx.rng, 43) + '=', codeSize: 10_000 + ctx.rng.int(5_000_000) }, layerArn: base, layerVersionArn: `${base}:${v}`, description: '', createdDate: lambdaDate(ctx.time), version: v, compatibleRuntimes: r?.compatibleRuntimes ?? [] };
    },
    redact: (r) => (r.content !== undefined ? { ...r, content: {} } : r),
  }),
  m('AddLayerVersionPermission', '20181031', { request: (ctx) => ({ layerName: 'shared-utils', versionNumber: 1 + ctx.rng.int(10), statementId: 'org-access', action: 'lambda:GetLayerVersion', principal: '*', organizationId: 'o-' + ctx.rng.chars(10, 'abcdefghijklmnopqrstuvwxyz0123456789') }) }),
  m('PutFunctionConcurrency', '20171031', { request: (ctx) => ({ functionName: fnName(ctx), reservedConcurrentExecutions: ctx.rng.pick([0, 5, 50, 100]) }), response: (_ctx, r) => ({ reservedConcurrentExecutions: (r?.reservedConcurrentExecutions as number | undefined) ?? 0 }), deniedResource: fnRes, errors: [NOT_FOUND] }),
  m('CreateEventSourceMapping', '20150331', {
    request: (ctx) => ({ functionName: fnName(ctx), eventSourceArn: pick(ctx, 'AWS::SQS::Queue').arn, batchSize: 10, enabled: true }),
    response: (ctx, r) => ({ uUID: uuid(ctx.rng), batchSize: 10, maximumBatchingWindowInSeconds: 0, eventSourceArn: rstr(r, 'eventSourceArn') ?? '', functionArn: fnArn(ctx, rstr(r, 'functionName') ?? 'fn'), lastModified: lambdaDate(ctx.time), state: 'Creating', stateTransitionReason: 'USER_INITIATED', functionResponseTypes: [] }),
    deniedResource: fnRes,
    errors: [NOT_FOUND, err('InvalidParameterValueException', 'The provided execution role does not have permissions to call ReceiveMessage on SQS')],
  }),
];

export const LAMBDA_OPERATIONS = defineService({ service: 'lambda', eventSource: 'lambda.amazonaws.com' }, defs);
