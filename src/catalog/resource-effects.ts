import type { OperationSpec, ResourceType } from './types.js';
import { loadModelOperations } from './model-load.js';

/**
 * What an operation does to a resource, as data: it creates, reads, writes or deletes one
 * resource of a type, named by one request (or response) member. The catalog keeps no
 * state; the estate registry (src/estate/registry.ts) reads these to keep the world
 * consistent: a create adds, a delete removes, and a read, write or delete of a resource
 * that does not exist fails with the service's not-found error (`notFoundOf`).
 */
export type ResourceAction = 'create' | 'read' | 'write' | 'delete';

export interface ResourceEffect {
  readonly action: ResourceAction;
  readonly type: ResourceType;
  /** The request/response member holding the resource's name, id or ARN (searched at any depth, request first). */
  readonly key: string;
}

/** How a service says a resource does not exist. */
export interface NotFound {
  readonly code: string;
  readonly message: (name: string, ctx: { accountId: string; region: string; partition: string }) => string;
}

const I = 'AWS::EC2::Instance';
const SG = 'AWS::EC2::SecurityGroup';
const SNAP = 'AWS::EC2::Snapshot';
const VOL = 'AWS::EC2::Volume';
const VPC = 'AWS::EC2::VPC';
const BUCKET = 'AWS::S3::Bucket';
const OBJECT = 'AWS::S3::Object';
const USER = 'AWS::IAM::User';
const ROLE = 'AWS::IAM::Role';
const FN = 'AWS::Lambda::Function';
const TABLE = 'AWS::DynamoDB::Table';
const DB = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const KEY = 'AWS::KMS::Key';
const TRAIL = 'AWS::CloudTrail::Trail';
const SECRET = 'AWS::SecretsManager::Secret';
const TOPIC = 'AWS::SNS::Topic';
const QUEUE = 'AWS::SQS::Queue';
const LOGS = 'AWS::Logs::LogGroup';

type Row = readonly [ResourceAction, ResourceType, string, readonly string[]];

/** `service` → rows of (action, type, key, operation names). Hand-tuned operations only. */
const TABLE_ROWS: Record<string, readonly Row[]> = {
  ec2: [
    ['create', I, 'instanceId', ['RunInstances']],
    ['delete', I, 'instanceId', ['TerminateInstances']],
    ['write', I, 'instanceId', ['StartInstances', 'StopInstances', 'RebootInstances', 'ModifyInstanceAttribute', 'CreateInstanceExportTask']],
    ['read', I, 'instanceId', ['DescribeInstanceAttribute', 'GetPasswordData', 'GetConsoleOutput', 'DescribeInstanceCreditSpecifications']],
    ['create', SG, 'groupId', ['CreateSecurityGroup']],
    ['delete', SG, 'groupId', ['DeleteSecurityGroup']],
    ['write', SG, 'groupId', ['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress']],
    ['create', SNAP, 'snapshotId', ['CreateSnapshot']],
    ['delete', SNAP, 'snapshotId', ['DeleteSnapshot']],
    ['write', SNAP, 'snapshotId', ['ModifySnapshotAttribute']],
    ['create', VPC, 'vpcId', ['CreateVpc']],
  ],
  s3: [
    ['create', BUCKET, 'bucketName', ['CreateBucket']],
    ['delete', BUCKET, 'bucketName', ['DeleteBucket']],
    ['create', OBJECT, 'key', ['PutObject', 'CopyObject']],
    ['delete', OBJECT, 'key', ['DeleteObject']],
    ['read', OBJECT, 'key', ['GetObject', 'HeadObject', 'GetObjectAcl', 'GetObjectTagging']],
    ['write', OBJECT, 'key', ['PutObjectAcl', 'PutObjectTagging', 'RestoreObject']],
  ],
  iam: [
    ['create', USER, 'userName', ['CreateUser']],
    ['delete', USER, 'userName', ['DeleteUser']],
    ['read', USER, 'userName', ['GetUser', 'ListAccessKeys', 'GetLoginProfile', 'ListAttachedUserPolicies', 'ListUserPolicies', 'ListGroupsForUser', 'ListMFADevices']],
    ['write', USER, 'userName', ['UpdateUser', 'TagUser', 'CreateAccessKey', 'CreateLoginProfile', 'UpdateLoginProfile', 'DeleteLoginProfile', 'AttachUserPolicy', 'DetachUserPolicy', 'PutUserPolicy', 'DeleteUserPolicy', 'AddUserToGroup']],
    ['create', ROLE, 'roleName', ['CreateRole']],
    ['delete', ROLE, 'roleName', ['DeleteRole']],
    ['read', ROLE, 'roleName', ['GetRole', 'ListAttachedRolePolicies', 'ListRolePolicies', 'GetRolePolicy']],
    ['write', ROLE, 'roleName', ['UpdateRole', 'UpdateAssumeRolePolicy', 'AttachRolePolicy', 'DetachRolePolicy', 'PutRolePolicy', 'DeleteRolePolicy', 'TagRole']],
  ],
  lambda: [
    ['create', FN, 'functionName', ['CreateFunction']],
    ['delete', FN, 'functionName', ['DeleteFunction']],
    ['read', FN, 'functionName', ['GetFunction', 'GetFunctionConfiguration', 'ListVersionsByFunction', 'GetPolicy', 'GetFunctionUrlConfig']],
    ['write', FN, 'functionName', ['UpdateFunctionCode', 'UpdateFunctionConfiguration', 'PublishVersion', 'AddPermission', 'RemovePermission', 'CreateFunctionUrlConfig', 'UpdateFunctionUrlConfig', 'DeleteFunctionUrlConfig', 'PutFunctionConcurrency', 'Invoke']],
  ],
  dynamodb: [
    ['create', TABLE, 'tableName', ['CreateTable']],
    ['delete', TABLE, 'tableName', ['DeleteTable']],
    ['read', TABLE, 'tableName', ['DescribeTable', 'DescribeContinuousBackups', 'DescribeTimeToLive', 'GetItem', 'Query', 'Scan']],
    ['write', TABLE, 'tableName', ['UpdateTable', 'UpdateContinuousBackups', 'PutItem', 'UpdateItem', 'DeleteItem']],
  ],
  rds: [
    ['create', DB, 'dBInstanceIdentifier', ['CreateDBInstance', 'RestoreDBInstanceFromDBSnapshot']],
    ['delete', DB, 'dBInstanceIdentifier', ['DeleteDBInstance']],
    ['write', DB, 'dBInstanceIdentifier', ['ModifyDBInstance', 'StopDBInstance', 'StartDBInstance', 'RebootDBInstance', 'CreateDBSnapshot']],
    ['create', CLUSTER, 'dBClusterIdentifier', ['CreateDBCluster']],
    ['delete', CLUSTER, 'dBClusterIdentifier', ['DeleteDBCluster']],
    ['write', CLUSTER, 'dBClusterIdentifier', ['ModifyDBCluster', 'StopDBCluster']],
  ],
  kms: [
    ['create', KEY, 'keyId', ['CreateKey']],
    // A key scheduled for deletion is unusable (KMSInvalidStateException) until it is gone.
    ['delete', KEY, 'keyId', ['ScheduleKeyDeletion']],
    ['read', KEY, 'keyId', ['DescribeKey', 'GetKeyPolicy', 'GetKeyRotationStatus', 'Decrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'Encrypt']],
    ['write', KEY, 'keyId', ['DisableKey', 'EnableKey', 'EnableKeyRotation', 'DisableKeyRotation', 'PutKeyPolicy']],
  ],
  cloudtrail: [
    ['create', TRAIL, 'name', ['CreateTrail']],
    ['delete', TRAIL, 'name', ['DeleteTrail']],
    ['write', TRAIL, 'name', ['UpdateTrail', 'StartLogging', 'StopLogging', 'PutEventSelectors', 'PutInsightSelectors']],
    ['read', TRAIL, 'name', ['GetTrailStatus', 'GetTrail', 'GetEventSelectors', 'GetInsightSelectors']],
  ],
  secretsmanager: [
    ['create', SECRET, 'name', ['CreateSecret']],
    ['delete', SECRET, 'secretId', ['DeleteSecret']],
    ['read', SECRET, 'secretId', ['GetSecretValue', 'DescribeSecret', 'GetResourcePolicy']],
    ['write', SECRET, 'secretId', ['PutSecretValue', 'PutResourcePolicy', 'RotateSecret']],
  ],
  sns: [
    ['create', TOPIC, 'topicArn', ['CreateTopic']],
    ['delete', TOPIC, 'topicArn', ['DeleteTopic']],
    ['read', TOPIC, 'topicArn', ['GetTopicAttributes', 'ListSubscriptionsByTopic']],
    ['write', TOPIC, 'topicArn', ['SetTopicAttributes', 'Subscribe', 'Publish']],
  ],
  sqs: [
    ['create', QUEUE, 'queueUrl', ['CreateQueue']],
    ['delete', QUEUE, 'queueUrl', ['DeleteQueue']],
    ['read', QUEUE, 'queueUrl', ['GetQueueAttributes', 'ReceiveMessage']],
    ['write', QUEUE, 'queueUrl', ['SetQueueAttributes', 'PurgeQueue', 'SendMessage', 'DeleteMessage']],
  ],
  logs: [
    ['create', LOGS, 'logGroupName', ['CreateLogGroup']],
    ['delete', LOGS, 'logGroupName', ['DeleteLogGroup']],
    ['write', LOGS, 'logGroupName', ['PutRetentionPolicy', 'DeleteRetentionPolicy', 'PutSubscriptionFilter', 'DeleteSubscriptionFilter', 'CreateLogStream', 'DeleteLogStream']],
    ['read', LOGS, 'logGroupName', ['DescribeLogStreams', 'DescribeSubscriptionFilters']],
  ],
};

const EFFECTS = new Map<string, ResourceEffect>();
for (const [svc, rows] of Object.entries(TABLE_ROWS)) {
  for (const [action, type, key, ops] of rows) for (const op of ops) EFFECTS.set(`${svc}:${op}`, Object.freeze({ action, type, key }));
}

/** The operation that creates, and the one that deletes, each type (generated lifecycles pair them). */
export const LIFECYCLE_OPS: Readonly<Record<string, { create: string; delete: string }>> = {
  [I]: { create: 'ec2:RunInstances', delete: 'ec2:TerminateInstances' },
  [SG]: { create: 'ec2:CreateSecurityGroup', delete: 'ec2:DeleteSecurityGroup' },
  [SNAP]: { create: 'ec2:CreateSnapshot', delete: 'ec2:DeleteSnapshot' },
  [BUCKET]: { create: 's3:CreateBucket', delete: 's3:DeleteBucket' },
  [USER]: { create: 'iam:CreateUser', delete: 'iam:DeleteUser' },
  [ROLE]: { create: 'iam:CreateRole', delete: 'iam:DeleteRole' },
  [FN]: { create: 'lambda:CreateFunction', delete: 'lambda:DeleteFunction' },
  [TABLE]: { create: 'dynamodb:CreateTable', delete: 'dynamodb:DeleteTable' },
  [DB]: { create: 'rds:CreateDBInstance', delete: 'rds:DeleteDBInstance' },
  [CLUSTER]: { create: 'rds:CreateDBCluster', delete: 'rds:DeleteDBCluster' },
  [KEY]: { create: 'kms:CreateKey', delete: 'kms:ScheduleKeyDeletion' },
  [TRAIL]: { create: 'cloudtrail:CreateTrail', delete: 'cloudtrail:DeleteTrail' },
  [SECRET]: { create: 'secretsmanager:CreateSecret', delete: 'secretsmanager:DeleteSecret' },
  [TOPIC]: { create: 'sns:CreateTopic', delete: 'sns:DeleteTopic' },
  [QUEUE]: { create: 'sqs:CreateQueue', delete: 'sqs:DeleteQueue' },
  [LOGS]: { create: 'logs:CreateLogGroup', delete: 'logs:DeleteLogGroup' },
};

/**
 * Types whose generated creations are not paired with a deletion: objects and the like
 * accumulate (an application writes objects and keeps them). No CloudTrail record lists a
 * bucket's contents, so an object made in one shard and unknown to the next is never seen
 * missing.
 */
export const ACCUMULATING_TYPES: ReadonlySet<string> = new Set([OBJECT, VPC]);

/**
 * Types whose deletion is itself a detection signal (Sigma: S3 bucket deleted, CloudTrail
 * trail deleted, RDS cluster deleted): a generated create of one is not paired with a
 * deletion, so benign traffic does not fire those rules. The resource lives for the rest
 * of its shard's day; the next day's inventory does not have it, which no record shows
 * (CloudTrail writes no List/Describe response that would list it). A generated delete
 * the personas ask for explicitly is still planned.
 */
export const NO_AUTO_DELETE_TYPES: ReadonlySet<string> = new Set([BUCKET, TRAIL, CLUSTER]);

/** The resource effect of an operation, if the catalog knows one. */
export function effectOf(spec: OperationSpec): ResourceEffect | undefined {
  // Looked up per generated call: remembered per frozen spec (null: no effect). A spec that
  // is not frozen may change its service or name, so it is looked up afresh.
  const frozen = Object.isFrozen(spec);
  const hit = frozen ? effectMemo.get(spec) : undefined;
  if (hit !== undefined) return hit ?? undefined;
  const e = spec.origin === 'model' ? modelEffect(spec) : EFFECTS.get(`${spec.service}:${spec.name}`);
  if (frozen) effectMemo.set(spec, e ?? null);
  return e;
}

const effectMemo = new WeakMap<OperationSpec, ResourceEffect | null>();

const modelEffects = new WeakMap<OperationSpec, ResourceEffect>();
/** Model operations: the table, else what the model's identifiers say (model-ops.ts). */
function modelEffect(spec: OperationSpec): ResourceEffect | undefined {
  return EFFECTS.get(`${spec.service}:${spec.name}`) ?? modelEffects.get(spec);
}

/** @internal Records a model operation's effect, derived from its identifier members. */
export function setModelEffect(spec: OperationSpec, e: ResourceEffect): void {
  modelEffects.set(spec, Object.freeze(e));
  effectMemo.delete(spec);
}

const modelLifecycles = new Map<string, { create?: string; delete?: string; source: string }>();
/** @internal Records a model type's create or delete operation (`eventSource:Name`), one service per type. */
export function setModelLifecycle(type: string, action: 'create' | 'delete', op: string, eventSource: string): void {
  let l = modelLifecycles.get(type);
  if (!l) modelLifecycles.set(type, (l = { source: eventSource }));
  if (l.source !== eventSource || l[action] !== undefined) return;
  l[action] = op;
}

/** The create and delete operations of a type: hand-tuned, else the model's Create<Noun>/Delete<Noun> pair. */
export function lifecycleOps(type: string): { create: string; delete: string } | undefined {
  const hand = LIFECYCLE_OPS[type];
  if (hand) return hand;
  loadModelOperations(); // they record the lifecycles as they are built
  const m = modelLifecycles.get(type);
  return m?.create && m.delete ? { create: m.create, delete: m.delete } : undefined;
}

const ec2 = (what: string, code: string, dot = ''): NotFound => ({ code: `Client.${code}`, message: (n) => `The ${what} '${n}' does not exist${dot}` });

/**
 * Not-found errors by type, as each service writes them. EC2 codes carry CloudTrail's
 * `Client.` prefix (cloudtrail-samples `Client.UnauthorizedOperation`; estate-reference
 * §3.2); IAM writes `NoSuchEntityException` (the real Access Analyzer GetRole record);
 * S3 writes its REST codes.
 */
export const NOT_FOUND: Readonly<Record<string, NotFound>> = {
  [I]: ec2('instance ID', 'InvalidInstanceID.NotFound'),
  [SG]: ec2('security group', 'InvalidGroup.NotFound'),
  [SNAP]: ec2('snapshot', 'InvalidSnapshot.NotFound', '.'),
  [VOL]: ec2('volume', 'InvalidVolume.NotFound', '.'),
  [VPC]: ec2('vpc ID', 'InvalidVpcID.NotFound'),
  [BUCKET]: { code: 'NoSuchBucket', message: () => 'The specified bucket does not exist' },
  [OBJECT]: { code: 'NoSuchKey', message: () => 'The specified key does not exist.' },
  [USER]: { code: 'NoSuchEntityException', message: (n) => `The user with name ${n} cannot be found.` },
  [ROLE]: { code: 'NoSuchEntityException', message: (n) => `The role with name ${n} cannot be found.` },
  [FN]: { code: 'ResourceNotFoundException', message: (n, c) => `Function not found: arn:${c.partition}:lambda:${c.region}:${c.accountId}:function:${n}` },
  [TABLE]: { code: 'ResourceNotFoundException', message: (n) => `Requested resource not found: Table: ${n} not found` },
  [DB]: { code: 'DBInstanceNotFound', message: (n) => `DBInstance ${n} not found.` },
  [CLUSTER]: { code: 'DBClusterNotFoundFault', message: (n) => `DBCluster ${n} not found.` },
  [KEY]: { code: 'NotFoundException', message: (n, c) => `Key '${n.startsWith('arn:') ? n : `arn:${c.partition}:kms:${c.region}:${c.accountId}:key/${n}`}' does not exist` },
  [TRAIL]: { code: 'TrailNotFoundException', message: (n, c) => `Unknown trail: ${n} for the user: ${c.accountId}` },
  [SECRET]: { code: 'ResourceNotFoundException', message: () => "Secrets Manager can't find the specified secret." },
  [TOPIC]: { code: 'NotFound', message: () => 'Topic does not exist' },
  [QUEUE]: { code: 'AWS.SimpleQueueService.NonExistentQueue', message: () => 'The specified queue does not exist.' },
  [LOGS]: { code: 'ResourceNotFoundException', message: () => 'The specified log group does not exist.' },
};

/**
 * The not-found error for a type. Types derived from the API models get the code most
 * JSON-protocol services use, `ResourceNotFoundException` (their models' error shapes do
 * not say which one a given operation returns: a documented guess).
 */
export function notFoundOf(type: ResourceType): NotFound | undefined {
  const known = NOT_FOUND[type];
  if (known) return known;
  const kind = type.split('::')[2];
  if (!kind) return undefined;
  const words = kind.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return { code: 'ResourceNotFoundException', message: (n) => `The specified ${words} ${n} does not exist.` };
}

/** Whether `code` is how `type` (or any type) says "does not exist" (with or without EC2's `Client.` prefix). */
export function isNotFoundCode(code: string, type?: ResourceType): boolean {
  if (type) {
    const nf = NOT_FOUND[type];
    if (nf && (nf.code === code || nf.code === `Client.${code}`)) return true;
  }
  return /NotFound|NoSuch(Entity|Bucket|Key)\b|NoSuchEntityException|NonExistentQueue/.test(code) && !/Configuration|Policy|TagSet|Upload/.test(code);
}

const TYPE_BY_CODE = new Map<string, ResourceType>();
for (const [type, nf] of Object.entries(NOT_FOUND)) {
  if (nf.code === 'NoSuchEntityException' || nf.code === 'ResourceNotFoundException' || nf.code === 'NotFoundException' || nf.code === 'NotFound') continue;
  TYPE_BY_CODE.set(nf.code, type);
  if (nf.code.startsWith('Client.')) TYPE_BY_CODE.set(nf.code.slice(7), type);
}

/** The type a not-found code names when the code alone says it (`NoSuchBucket`, `Client.InvalidInstanceID.NotFound`). */
export function typeOfNotFoundCode(code: string): ResourceType | undefined {
  return TYPE_BY_CODE.get(code);
}
