import type { JsonObject } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { HIDDEN, err, pick, pstr, rstr, sdkDate, uuid, hex } from '../util.js';

/**
 * AWS Systems Manager (json protocol). Shapes from the Stratus and opensearch samples:
 * SendCommand's `parameters` are `HIDDEN_DUE_TO_SECURITY_REASONS` in current records;
 * StartSession's token is "Value hidden due to security reasons."; SecureString values are
 * never logged. UpdateInstanceInformation is the agent heartbeat (B10).
 */

const INSTANCE: 'AWS::EC2::Instance' = 'AWS::EC2::Instance';
const PARAM_PATHS = ['/app/prod/db-url', '/app/prod/api-key', '/shared/feature-flags', '/ci/deploy-token', '/app/staging/db-password'] as const;

const instanceId = (ctx: CallContext) => pstr(ctx, 'instanceId') ?? pick(ctx, INSTANCE).name;

function commandResponse(ctx: CallContext, r: JsonObject | null): JsonObject {
  const ids = Array.isArray(r?.instanceIds) ? r.instanceIds : [];
  return {
    command: {
      commandId: uuid(ctx.rng),
      documentName: rstr(r, 'documentName') ?? 'AWS-RunShellScript',
      documentVersion: '$DEFAULT',
      comment: '',
      expiresAfter: sdkDate(ctx.time + 2 * 3_600_000),
      parameters: HIDDEN,
      instanceIds: ids,
      targets: [],
      requestedDateTime: sdkDate(ctx.time),
      status: 'Pending',
      statusDetails: 'Pending',
      outputS3Region: ctx.region,
      outputS3BucketName: '',
      outputS3KeyPrefix: '',
      maxConcurrency: '50',
      maxErrors: '0',
      targetCount: ids.length,
      completedCount: 0,
      errorCount: 0,
      deliveryTimedOutCount: 0,
      serviceRole: '',
      notificationConfig: { notificationArn: '', notificationEvents: [], notificationType: '' },
      cloudWatchOutputConfig: { cloudWatchLogGroupName: '', cloudWatchOutputEnabled: false },
      timeoutSeconds: 3600,
      alarmConfiguration: { ignorePollAlarmFailure: false, alarms: [] },
      triggeredAlarms: [],
      interactive: false,
      hasCancelCommandSignature: false,
      hasSendCommandSignature: false,
      clientName: '',
      clientSourceId: '',
    },
  };
}

const defs: OpDef[] = [
  {
    // Any successful SendCommand fires Sigma 38e7f511.
    name: 'SendCommand',
    request: (ctx) => ({ documentName: pstr(ctx, 'documentName') ?? 'AWS-RunShellScript', instanceIds: [instanceId(ctx)], interactive: false, parameters: HIDDEN }),
    response: commandResponse,
    redact: (r) => (r.parameters !== undefined && r.parameters !== HIDDEN ? { ...r, parameters: HIDDEN } : r),
    errors: [err('InvalidInstanceId', 'Instances [[i-0123456789abcdef0]] not in a valid state for account 123456789012', 0.5), err('InvalidDocument', 'Document with name AWS-RunShellScript does not exist.', 0.1)],
  },
  { name: 'ListCommands', request: (ctx) => (ctx.rng.bool(0.5) ? { instanceId: instanceId(ctx) } : null) },
  { name: 'GetCommandInvocation', request: (ctx) => ({ commandId: pstr(ctx, 'commandId') ?? uuid(ctx.rng), instanceId: instanceId(ctx) }), errors: [err('InvocationDoesNotExist', '')] },
  {
    name: 'UpdateInstanceInformation',
    readOnly: false,
    request: (ctx) => ({ instanceId: instanceId(ctx), agentVersion: ctx.rng.pick(['3.3.40.0', '3.3.131.0', '3.2.2303.0']), agentName: 'amazon-ssm-agent', platformType: 'Linux', platformName: 'Amazon Linux', platformVersion: '2023', iPAddress: `10.0.${ctx.rng.int(255)}.${ctx.rng.range(4, 254)}`, computerName: `ip-10-0-${ctx.rng.int(255)}-${ctx.rng.int(255)}.${ctx.region}.compute.internal`, agentStatus: 'Active', availabilityZone: `${ctx.region}a`, availabilityZoneId: 'use1-az1' }),
  },
  { name: 'DescribeInstanceInformation', request: (ctx) => ({ filters: [{ key: 'InstanceIds', values: [instanceId(ctx)] }] }) },
  { name: 'GetParameter', request: (ctx) => ({ name: pstr(ctx, 'name') ?? ctx.rng.pick(PARAM_PATHS), withDecryption: ctx.rng.bool(0.6) }), errors: [err('ParameterNotFound', '', 0.5)] },
  { name: 'GetParameters', request: (ctx) => ({ names: [ctx.rng.pick(PARAM_PATHS), ctx.rng.pick(PARAM_PATHS)], withDecryption: true }), resources: (ctx, r) => (Array.isArray(r?.names) ? r.names.filter((n): n is string => typeof n === 'string').map((n) => ({ ARN: `arn:${ctx.partition}:ssm:${ctx.region}:${ctx.accountId}:parameter${n.startsWith('/') ? n : '/' + n}`, accountId: ctx.accountId })) : undefined) },
  { name: 'GetParametersByPath', request: (ctx) => ({ path: pstr(ctx, 'path') ?? ctx.rng.pick(['/app/prod', '/shared']), recursive: true, withDecryption: true }) },
  { name: 'DescribeParameters', request: () => ({ maxResults: 50 }) },
  {
    name: 'PutParameter',
    request: (ctx) => ({ name: pstr(ctx, 'name') ?? ctx.rng.pick(PARAM_PATHS), type: 'SecureString', overwrite: true, keyId: 'alias/aws/ssm', tier: 'Standard' }),
    response: (ctx) => ({ version: 1 + ctx.rng.int(30), tier: 'Standard' }),
    redact: (r) => { const { value: _v, ...rest } = r; return rest; },
    errors: [err('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.'), err('TooManyUpdates', 'Too many updates to the parameter', 0.2)],
  },
  { name: 'DeleteParameter', request: (ctx) => ({ name: pstr(ctx, 'name') ?? ctx.rng.pick(PARAM_PATHS) }), errors: [err('ParameterNotFound', '')] },
  {
    name: 'StartSession',
    request: (ctx) => ({ target: pstr(ctx, 'target') ?? instanceId(ctx) }),
    response: (ctx) => {
      const sid = `${ctx.identity.userName ?? (ctx.identity.arn ?? 'session').split('/').pop()}-${ctx.rng.chars(26, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
      return { sessionId: sid, tokenValue: 'Value hidden due to security reasons.', streamUrl: `wss://ssmmessages.${ctx.region}.amazonaws.com/v1/data-channel/${sid}?role=publish_subscribe&cell-number=AAEAA${ctx.rng.chars(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}` };
    },
    errors: [err('TargetNotConnected', (_c, r) => `${rstr(r, 'target') ?? 'i-unknown'} is not connected.`)],
  },
  { name: 'ResumeSession', request: (ctx) => ({ sessionId: pstr(ctx, 'sessionId') ?? `session-${hex(ctx.rng, 17)}` }) },
  { name: 'TerminateSession', request: (ctx) => ({ sessionId: pstr(ctx, 'sessionId') ?? `session-${hex(ctx.rng, 17)}` }), response: (_ctx, r) => ({ sessionId: rstr(r, 'sessionId') ?? '' }) },
  // Internal agent API (the Sigma IMDS rule 352a918a excludes it); no documented request shape.
  { name: 'RegisterManagedInstance', readOnly: false, request: () => null },
];

export const SSM_OPERATIONS = defineService({ service: 'ssm', eventSource: 'ssm.amazonaws.com' }, defs);
