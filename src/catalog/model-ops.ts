import type { JsonObject, JsonValue } from '../record/types.js';
import type { CallContext, OperationSpec, ResourceType } from './types.js';
import { modelServices, type ModelMember, type ModelOperation, type ModelService } from './model-data.js';
import { API_VERSION_WRITERS } from './model-rules.js';
import { arnAccount, HIDDEN, s3AdditionalEventData, s3Host, sdkDate, hex, ref } from './util.js';
import { setModelEffect, setModelLifecycle, type ResourceAction } from './resource-effects.js';
import { setArnService } from '../world/resources.js';
import { setModelLoader } from './model-load.js';
import type { ResourceRef } from '../record/types.js';

/**
 * Operations of the long tail, built from the generated API models. Their requests hold
 * the operation's required top-level members, keyed as CloudTrail writes them (first
 * letter lowered), with values made up from the member's name and type: ARNs for `*Arn`,
 * world resources for well-known names (`instanceId`, `bucketName`, `roleName`...),
 * `HIDDEN_DUE_TO_SECURITY_REASONS` for members the model marks sensitive, nothing for
 * blobs (CloudTrail does not write binary payloads). responseElements are null: the models
 * do not say which output fields CloudTrail keeps. Hand-tuned operations replace these.
 */

/** Data-plane operations of model-only services, and the data resource type that selects them. */
function dataResourceTypeOf(service: ModelService, op: ModelOperation): string | undefined {
  const n = op.name;
  switch (service.eventSource) {
    case 's3.amazonaws.com':
      if (service.id === 's3' && (/Object(?!LockConfiguration)|MultipartUpload|UploadPart|ListParts/.test(n))) return 'AWS::S3::Object';
      return undefined;
    case 'sns.amazonaws.com':
      return n === 'Publish' || n === 'PublishBatch' ? 'AWS::SNS::Topic' : undefined;
    case 'sqs.amazonaws.com':
      return /Message/.test(n) ? 'AWS::SQS::Queue' : undefined;
    case 'kinesis.amazonaws.com':
      return /^(PutRecords?|GetRecords|GetShardIterator|SubscribeToShard)$/.test(n) ? 'AWS::Kinesis::Stream' : undefined;
    case 'ebs.amazonaws.com':
      return 'AWS::EC2::Snapshot';
    case 'dynamodb.amazonaws.com':
      if (service.id === 'streams.dynamodb') return 'AWS::DynamoDB::Stream';
      return /^(GetItem|PutItem|UpdateItem|DeleteItem|Query|Scan|BatchGetItem|BatchWriteItem|TransactGetItems|TransactWriteItems|ExecuteStatement|BatchExecuteStatement|ExecuteTransaction)$/.test(n) ? 'AWS::DynamoDB::Table' : undefined;
    case 'lambda.amazonaws.com':
      return n === 'Invoke' || n === 'InvokeWithResponseStream' ? 'AWS::Lambda::Function' : undefined;
    default:
      return undefined;
  }
}

/** World resource types behind well-known member keys. */
const KEY_RESOURCES: Record<string, ResourceType> = {
  instanceId: 'AWS::EC2::Instance',
  groupId: 'AWS::EC2::SecurityGroup',
  securityGroupId: 'AWS::EC2::SecurityGroup',
  vpcId: 'AWS::EC2::VPC',
  subnetId: 'AWS::EC2::Subnet',
  volumeId: 'AWS::EC2::Volume',
  snapshotId: 'AWS::EC2::Snapshot',
  networkAclId: 'AWS::EC2::NetworkAcl',
  routeTableId: 'AWS::EC2::RouteTable',
  keyName: 'AWS::EC2::KeyPair',
  bucket: 'AWS::S3::Bucket',
  bucketName: 'AWS::S3::Bucket',
  userName: 'AWS::IAM::User',
  roleName: 'AWS::IAM::Role',
  functionName: 'AWS::Lambda::Function',
  tableName: 'AWS::DynamoDB::Table',
  keyId: 'AWS::KMS::Key',
  trailName: 'AWS::CloudTrail::Trail',
  dBInstanceIdentifier: 'AWS::RDS::DBInstance',
  dBClusterIdentifier: 'AWS::RDS::DBCluster',
  secretId: 'AWS::SecretsManager::Secret',
  topicArn: 'AWS::SNS::Topic',
  logGroupName: 'AWS::Logs::LogGroup',
};

/** Keys whose value is the resource's ARN rather than its name. */
const ARN_KEYS = new Set(['topicArn', 'keyId', 'secretId']);

const WORDS = ['prod', 'staging', 'dev', 'shared', 'data', 'analytics', 'payments', 'orders', 'platform', 'ingest'] as const;
const NOUNS = ['pipeline', 'service', 'worker', 'config', 'job', 'stream', 'app', 'policy', 'profile', 'group'] as const;

function word(ctx: CallContext): string {
  return `${WORDS[ctx.rng.int(WORDS.length)]}-${NOUNS[ctx.rng.int(NOUNS.length)]}-${hex(ctx.rng, 4)}`;
}

/** Kinds that are not resources of the service (tokens, accounts, regions, free text). */
const NOT_KINDS = new Set(['next', 'client', 'idempotency', 'account', 'aws', 'catalog', 'region', 'role', 'execution', 'service', 'request', 'kms', 'key', 'source', 'target', 'destination', 'external', 'parent', 'owner', 'principal', 'user', 'bucket', 'vpc', 'subnet', 'security', 'instance', 'image', 'log', 'topic', 'queue', 'table', 'function', 'secret', 'certificate', 'stream', 'domain', 'resource', 'policy', 'event', 'job', 'task', 'state', 'status', 'type', 'version', 'alias', 'tag', 'display', 'device', 'model']);
const VERBS = /^(Create|Delete|Describe|Get|Update|Put|List|Start|Stop|Modify|Enable|Disable|Register|Deregister|Associate|Disassociate|Tag|Untag|Reset|Restore|Cancel|Accept|Reject|Add|Remove|Attach|Detach|Batch)(?=[A-Z])/;

function pascal(s: string): string {
  return s.replace(/(^|[-_.\s])([a-z0-9])/g, (_m, _p, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
}

/** The noun an operation acts on (`CreateCluster` → `Cluster`), or undefined. */
function opNoun(name: string): string | undefined {
  const m = VERBS.exec(name);
  if (!m) return undefined;
  const rest = name.slice(m[0].length);
  return /^[A-Z][a-z]+$/.test(rest) ? rest : undefined;
}

/**
 * The resource type an identifier member names, from the model: `clusterArn`,
 * `clusterName`, `clusterId` and `clusterIdentifier` all name `AWS::<Svc>::Cluster`;
 * a bare `name`/`arn`/`id` names the operation's noun. Its ARN is
 * `arn:<p>:<iam prefix>:<region>:<account>:<kind>/<name>`, the common shape (services
 * with other shapes are hand-tuned).
 */
const idTypes = new Map<string, ResourceType | null>();

function identifierType(service: ModelService, op: ModelOperation, key: string): ResourceType | undefined {
  const k = `${service.id}|${op.name}|${key}`;
  const hit = idTypes.get(k);
  if (hit !== undefined) return hit ?? undefined;
  const t = computeIdentifierType(service, op, key);
  idTypes.set(k, t ?? null);
  return t;
}

function computeIdentifierType(service: ModelService, op: ModelOperation, key: string): ResourceType | undefined {
  const m = /^([a-z][a-zA-Z0-9]*?)(Arn|Name|Id|Identifier)$/.exec(key);
  let kind: string | undefined;
  if (m) {
    if (NOT_KINDS.has(m[1].toLowerCase()) || /token|role|kms|key|account|region|date|time|version/i.test(m[1])) return undefined;
    kind = pascal(m[1]);
  } else if (key === 'name' || key === 'arn' || key === 'id' || key === 'identifier') {
    kind = opNoun(op.name);
  }
  if (!kind) return undefined;
  const svc = pascal(service.iamPrefix);
  if (!svc) return undefined;
  const type = `AWS::${svc}::${kind}`;
  setArnService(type, service.iamPrefix);
  return type;
}

function stringValue(ctx: CallContext, service: ModelService, key: string, op?: ModelOperation): string {
  const res = KEY_RESOURCES[key];
  if (res) {
    const r = ctx.world.resource(res, ctx.rng, { accountId: ctx.accountId, region: ctx.region });
    return ARN_KEYS.has(key) ? r.arn : r.name;
  }
  const idType = op ? identifierType(service, op, key) : undefined;
  if (idType) {
    // A create names its new resource (the estate's planned name when there is one).
    if (op && op.name.startsWith('Create') && !/Arn$/.test(key)) return ctx.world.newName(idType, ctx.rng);
    const r = ctx.world.resource(idType, ctx.rng, { accountId: ctx.accountId, region: ctx.region });
    return /Arn$|^arn$/.test(key) ? r.arn : r.name;
  }
  const k = key.toLowerCase();
  if (k.endsWith('arn')) {
    if (k.startsWith('role') || k.endsWith('rolearn') || k === 'executionrolearn' || k === 'servicerolearn') {
      return ctx.world.resource('AWS::IAM::Role', ctx.rng, { accountId: ctx.accountId }).arn;
    }
    const kind = key.slice(0, key.length - 3).replace(/^resource$/i, 'resource').toLowerCase() || 'resource';
    return `arn:${ctx.partition}:${service.iamPrefix}:${ctx.region}:${ctx.accountId}:${kind}/${word(ctx)}`;
  }
  if (k === 'accountid' || k === 'awsaccountid' || k === 'catalogid') return ctx.accountId;
  if (k === 'region' || k === 'regionname') return ctx.region;
  if (k.endsWith('token') && (k.startsWith('client') || k.startsWith('idempotency'))) return ctx.rng.uuid();
  if (k === 'nexttoken') return hex(ctx.rng, 32);
  if (k.endsWith('url') || k.endsWith('uri')) return `https://${service.eventSource.replace('.amazonaws.com', '')}.${ctx.region}.amazonaws.com/${word(ctx)}`;
  if (k.includes('email')) return HIDDEN;
  if (k === 'description') return 'Managed by Terraform';
  if (k.includes('policy') || k.includes('document')) return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `${service.iamPrefix}:*`, Resource: '*' }] });
  if (k.endsWith('id') || k.endsWith('ids') || k.endsWith('identifier')) return ctx.rng.bool(0.5) ? ctx.rng.uuid() : `${service.iamPrefix.slice(0, 3)}-${hex(ctx.rng, 17)}`;
  return word(ctx);
}

function intValue(ctx: CallContext, key: string): number {
  const k = key.toLowerCase();
  if (k === 'maxresults' || k === 'maxitems' || k === 'limit') return ctx.rng.pick([10, 50, 100]);
  if (k.includes('seconds')) return ctx.rng.pick([300, 900, 3600]);
  if (k.includes('days')) return ctx.rng.pick([1, 7, 30, 90]);
  if (k.includes('port')) return ctx.rng.pick([22, 443, 5432, 8080]);
  if (k.includes('count') || k.includes('capacity') || k.includes('size')) return 1 + ctx.rng.int(10);
  return 1 + ctx.rng.int(100);
}

function memberValue(ctx: CallContext, service: ModelService, m: ModelMember, op?: ModelOperation): JsonValue | undefined {
  switch (m.type) {
    case 'S': return HIDDEN;
    case 's': return stringValue(ctx, service, m.key, op);
    case 'i': return intValue(ctx, m.key);
    case 'f': return Math.round(ctx.rng.next() * 1000) / 10;
    case 'b': {
      const k = m.key.toLowerCase();
      return k === 'dryrun' || k === 'force' ? false : k.startsWith('enable') ? true : ctx.rng.bool();
    }
    case 't': return sdkDate(ctx.time - ctx.rng.int(7 * 86_400_000));
    case 'B': return undefined;
    case 'l': return [stringValue(ctx, service, m.key.replace(/s$/, ''))];
    case 'L': return [];
    case 'm': return {};
    case 'o': return {};
  }
}

/**
 * EC2 logs its newer APIs as `{<Op>Request: {...}}` with the query's PascalCase names and
 * list members as `{content, tag}` (samples: DescribeHosts, DescribeInstanceCreditSpecifications,
 * DeleteFlowLogs), and `{<Op>Request: ""}` when there are no parameters
 * (DescribeNatGateways). Most operations in today's EC2 model postdate the classic
 * `filterSet`/`instancesSet` style, which the hand-tuned EC2 operations use.
 */
function ec2RequestBuilder(service: ModelService, op: ModelOperation): (ctx: CallContext) => JsonObject {
  const wrapper = `${op.name}Request`;
  if (op.members.length === 0) return () => ({ [wrapper]: '' });
  return (ctx) => {
    const body: JsonObject = {};
    for (const m of op.members) {
      const v = memberValue(ctx, service, m, op);
      if (v === undefined) continue;
      const key = m.key.charAt(0).toUpperCase() + m.key.slice(1);
      body[key] = Array.isArray(v) ? { content: v[0] ?? '', tag: 1 } : v;
    }
    return { [wrapper]: body };
  };
}

function requestBuilder(service: ModelService, op: ModelOperation): (ctx: CallContext) => JsonObject | null {
  if (service.eventSource === 'ec2.amazonaws.com') return ec2RequestBuilder(service, op);
  const members = op.members;
  const isS3 = service.eventSource === 's3.amazonaws.com';
  if (members.length === 0 && !isS3) return () => null;
  return (ctx) => {
    const r: JsonObject = {};
    for (const m of members) {
      if (isS3 && m.key === 'bucket') {
        const b = typeof ctx.params.bucketName === 'string' ? ctx.params.bucketName : stringValue(ctx, service, 'bucket');
        r.bucketName = b;
        r.Host = s3Host(b, ctx.region);
        continue;
      }
      const v = memberValue(ctx, service, m, op);
      if (v !== undefined) r[m.key] = v;
    }
    if (isS3 && r.Host === undefined) r.Host = ctx.region === 'us-east-1' ? 's3.amazonaws.com' : `s3.${ctx.region}.amazonaws.com`;
    return r;
  };
}

/** The OperationSpec of one modelled operation. */
export function modelOperationSpec(service: ModelService, op: ModelOperation): OperationSpec {
  const spec: { -readonly [K in keyof OperationSpec]: OperationSpec[K] } = {
    service: service.iamPrefix,
    name: op.name,
    eventSource: service.eventSource,
    readOnly: op.readOnly,
    category: 'Management',
    origin: 'model',
    request: requestBuilder(service, op),
  };
  if (op.eventName) spec.eventName = op.eventName;
  if (service.global) spec.global = true;
  const writer = API_VERSION_WRITERS[service.eventSource];
  if (writer) spec.apiVersion = writer(service.apiVersion);
  const drt = dataResourceTypeOf(service, op);
  if (drt) {
    spec.category = 'Data';
    spec.dataResourceType = drt;
  }
  const primary = primaryIdentifier(service, op);
  if (primary && service.eventSource !== 'ec2.amazonaws.com' && service.eventSource !== 's3.amazonaws.com') {
    const { key, type } = primary;
    spec.resources = (ctx, request) => modelResources(ctx, request, key, type);
  }
  if (service.eventSource === 's3.amazonaws.com') {
    spec.requestIdStyle = 's3';
    spec.additionalEventData = (ctx) => s3AdditionalEventData(ctx, 0, op.readOnly ? 100 + ctx.rng.int(500) : 0);
  }
  const frozen = Object.freeze(spec) as OperationSpec;
  if (primary && service.eventSource !== 'ec2.amazonaws.com' && service.eventSource !== 's3.amazonaws.com') {
    // Create<Kind>/Delete<Kind> make and end a resource of their own type. A create or delete
    // of something else that names a resource (CreateAccessPreview names its analyzer's ARN)
    // writes to that resource: it neither creates nor deletes it.
    const { own, verb } = primary;
    const action: ResourceAction = own && verb === 'Create' ? 'create' : own && verb === 'Delete' ? 'delete' : op.readOnly ? 'read' : 'write';
    // Creates of an ARN-named resource cannot name it before it exists: reads and writes only.
    if (!(action === 'create' && /Arn$|^arn$/.test(primary.key))) setModelEffect(frozen, { action, type: primary.type, key: primary.key });
    if (action === 'create') setModelLifecycle(primary.type, 'create', `${service.eventSource}:${op.name}`, service.eventSource);
    if (action === 'delete') setModelLifecycle(primary.type, 'delete', `${service.eventSource}:${op.name}`, service.eventSource);
  }
  return frozen;
}

/**
 * The identifier member naming the resource an operation acts on: the one of the whole noun
 * after the verb (`CreateVirtualGateway {meshName, virtualGatewayName}` acts on the virtual
 * gateway, not on the mesh listed first; `own`), else the first. `verb` is the operation's.
 */
function primaryIdentifier(service: ModelService, op: ModelOperation): { key: string; type: ResourceType; own: boolean; verb: string | undefined } | undefined {
  const verb = VERBS.exec(op.name)?.[1];
  const noun = verb === undefined ? undefined : op.name.slice(verb.length).toLowerCase();
  let first: { key: string; type: ResourceType; own: boolean; verb: string | undefined } | undefined;
  for (const m of op.members) {
    if (m.type !== 's') continue;
    const type = identifierType(service, op, m.key);
    if (!type) continue;
    if (noun !== undefined && type.slice(type.lastIndexOf(':') + 1).toLowerCase() === noun) return { key: m.key, type, own: true, verb };
    first ??= { key: m.key, type, own: false, verb };
  }
  return first;
}

/** resources[] of a model operation: the resource its identifier member names, with its full ARN. */
function modelResources(ctx: CallContext, request: JsonObject | null, key: string, type: ResourceType): ResourceRef[] | undefined {
  const v = request?.[key];
  if (typeof v !== 'string' || v === '' || v === HIDDEN) return undefined;
  if (v.startsWith('arn:')) {
    return [ref(v, arnAccount(v) ?? ctx.accountId, type)];
  }
  const r = ctx.world.named ? ctx.world.named(type, v, { accountId: ctx.accountId, region: ctx.region }) : undefined;
  return r ? [ref(r.arn, r.accountId, type)] : undefined;
}

/**
 * Every modelled operation. Several models can share an eventSource (RDS, Neptune and
 * DocumentDB all log as rds.amazonaws.com; S3 and S3 Control as s3.amazonaws.com); when two
 * define the same operation name, the model named like the eventSource (`rds`, `s3`,
 * `elasticloadbalancing`) comes last so that, registered in this order, it wins.
 */
export function modelOperationSpecs(): OperationSpec[] {
  built ??= buildModelOperationSpecs();
  return [...built];
}

/** Built once per process (they are frozen): every catalog shares them, and building them records effects and lifecycles. */
let built: readonly OperationSpec[] | undefined;

function buildModelOperationSpecs(): readonly OperationSpec[] {
  const primary = (s: ModelService) => (s.eventSource === `${s.id}.amazonaws.com` ? 1 : 0);
  const services = [...modelServices()].sort((a, b) => primary(a) - primary(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: OperationSpec[] = [];
  for (const s of services) for (const op of s.operations) out.push(modelOperationSpec(s, op));
  return out;
}

setModelLoader(() => void (built ??= buildModelOperationSpecs()));

/** @internal Whether the generated operations have been built in this process (tests of their laziness). */
export function modelOperationsBuilt(): boolean {
  return built !== undefined;
}
