import type { JsonObject } from '../record/types.js';
import type { CallContext, OperationSpec } from './types.js';
import { encodedAuthMessage } from './util.js';
import { protocolOf } from './model-data.js';
import { deniedResourceArn } from './denied-resource.js';

/**
 * Access-denied failures as CloudTrail records them.
 *
 * Message format (IAM User Guide, "Troubleshoot access denied error messages",
 * troubleshoot_access-denied.html): `User: <arn> is not authorized to perform: <action> on
 * resource: <arn> because no <type> policy allows the <action> action` for an implicit deny,
 * `... with an explicit deny in a <type> policy` for an explicit one. The real samples
 * confirm the implicit identity-policy form for EC2, Organizations, Lambda and
 * ec2-instance-connect, and the bare form without a reason for an AssumeRole the role's
 * trust policy does not allow (`User: ... is not authorized to perform: sts:AssumeRole on
 * resource: <role arn>`).
 *
 * errorCode by service: EC2 writes `Client.UnauthorizedOperation` and prefixes "You are
 * not authorized to perform this operation." and appends an encoded authorization failure
 * message (samples; CloudTrail then cuts the field at 1 KB with "...", see size-limits.ts).
 * Query and REST-XML services (IAM, STS, S3, RDS, SNS, ...) write `AccessDenied`. Among JSON
 * services, Lambda, Secrets Manager, Organizations and EC2 Instance Connect are seen writing
 * `AccessDenied` (samples and panther cases); other JSON services are given the API's own
 * exception name, `AccessDeniedException`.
 *
 * S3 adds the policy context only for requests within the bucket owner's account
 * (S3 User Guide, "Access denied message examples", troubleshoot-403-errors.html); other
 * callers get the classic `Access Denied`. S3 quotes the resource ARN.
 */

export type AccessDeniedReason =
  /** No identity-based policy allows the action (implicit deny). */
  | 'identity-policy'
  /** An identity-based policy denies it. */
  | 'explicit-identity-policy'
  /** A service control policy denies it. */
  | 'scp'
  /** A resource control policy denies it. */
  | 'rcp'
  /** The resource's policy (bucket policy, key policy, role trust policy) does not allow it. */
  | 'resource-policy'
  /** The resource's policy denies it. */
  | 'explicit-resource-policy'
  /** The permissions boundary does not allow it. */
  | 'permissions-boundary'
  /** The session policy does not allow it. */
  | 'session-policy'
  /** The VPC endpoint policy does not allow it. */
  | 'vpc-endpoint-policy';

export interface AccessDeniedError {
  code: string;
  message: string;
}

const CONTEXT: Record<AccessDeniedReason, (action: string) => string> = {
  'identity-policy': (a) => `because no identity-based policy allows the ${a} action`,
  'explicit-identity-policy': () => 'with an explicit deny in an identity-based policy',
  scp: () => 'with an explicit deny in a service control policy',
  rcp: () => 'with an explicit deny in a resource control policy',
  'resource-policy': (a) => `because no resource-based policy allows the ${a} action`,
  'explicit-resource-policy': () => 'with an explicit deny in a resource-based policy',
  'permissions-boundary': (a) => `because no permissions boundary allows the ${a} action`,
  'session-policy': (a) => `because no session policy allows the ${a} action`,
  'vpc-endpoint-policy': (a) => `because no VPC endpoint policy allows the ${a} action`,
};

export const ACCESS_DENIED_REASONS: readonly AccessDeniedReason[] = Object.keys(CONTEXT) as AccessDeniedReason[];

/** JSON-protocol services seen writing `AccessDenied` rather than `AccessDeniedException`. */
const JSON_ACCESS_DENIED = new Set(['lambda.amazonaws.com', 'secretsmanager.amazonaws.com', 'organizations.amazonaws.com', 'ec2-instance-connect.amazonaws.com']);

/** Protocols of the hand-tuned services (the generated models give the rest). */
const HAND_PROTOCOLS: Record<string, string> = {
  'iam.amazonaws.com': 'query',
  'sts.amazonaws.com': 'query',
  's3.amazonaws.com': 'rest-xml',
  'ec2.amazonaws.com': 'ec2',
  'rds.amazonaws.com': 'query',
  'sns.amazonaws.com': 'query',
  'ses.amazonaws.com': 'query',
  'elasticache.amazonaws.com': 'query',
  'elasticloadbalancing.amazonaws.com': 'query',
  'monitoring.amazonaws.com': 'query',
  'cloudfront.amazonaws.com': 'rest-xml',
  'route53.amazonaws.com': 'rest-xml',
  'signin.amazonaws.com': 'query',
};

/** The IAM action a call is authorized as, where it differs from `<service>:<name>`. */
const S3_ACTIONS: Record<string, string> = {
  ListObjects: 'ListBucket', ListObjectsV2: 'ListBucket', HeadObject: 'GetObject', HeadBucket: 'ListBucket', CopyObject: 'PutObject',
  CreateMultipartUpload: 'PutObject', UploadPart: 'PutObject', CompleteMultipartUpload: 'PutObject', DeleteObjects: 'DeleteObject',
  GetBucketLifecycleConfiguration: 'GetLifecycleConfiguration', PutBucketLifecycleConfiguration: 'PutLifecycleConfiguration',
  DeleteBucketLifecycle: 'PutLifecycleConfiguration', GetBucketEncryption: 'GetEncryptionConfiguration', PutBucketEncryption: 'PutEncryptionConfiguration',
  DeleteBucketEncryption: 'PutEncryptionConfiguration', GetBucketReplication: 'GetReplicationConfiguration', PutBucketReplication: 'PutReplicationConfiguration',
  DeleteBucketReplication: 'PutReplicationConfiguration', GetPublicAccessBlock: 'GetBucketPublicAccessBlock', PutPublicAccessBlock: 'PutBucketPublicAccessBlock',
  DeletePublicAccessBlock: 'PutBucketPublicAccessBlock', GetBucketAccelerateConfiguration: 'GetAccelerateConfiguration', PutBucketNotificationConfiguration: 'PutBucketNotification',
  GetBucketNotificationConfiguration: 'GetBucketNotification', GetObjectLockConfiguration: 'GetBucketObjectLockConfiguration', DeleteBucketWebsite: 'DeleteBucketWebsite',
};

export function iamActionOf(op: OperationSpec): string {
  if (op.service === 's3') return `s3:${S3_ACTIONS[op.name] ?? op.name}`;
  if (op.service === 'lambda' && op.name === 'Invoke') return 'lambda:InvokeFunction';
  return `${op.service}:${op.name}`;
}

function errorCodeOf(op: OperationSpec): string {
  if (op.eventSource === 'ec2.amazonaws.com') return 'Client.UnauthorizedOperation';
  if (JSON_ACCESS_DENIED.has(op.eventSource)) return 'AccessDenied';
  const protocol = HAND_PROTOCOLS[op.eventSource] ?? protocolOf(op.eventSource);
  return protocol === 'query' || protocol === 'rest-xml' || protocol === 'ec2' ? 'AccessDenied' : 'AccessDeniedException';
}

/** The resource an EC2 denial names: the samples show wildcards of the resource type (`instance/*`). */
function ec2Resource(op: OperationSpec, ctx: CallContext): string {
  const n = op.name;
  const kind = /Instance|Password|ConsoleOutput/.test(n) ? 'instance'
    : /SecurityGroup/.test(n) ? 'security-group'
    : /Snapshot/.test(n) ? 'snapshot'
    : /Volume/.test(n) ? 'volume'
    : /Image/.test(n) ? 'image'
    : /NetworkAcl/.test(n) ? 'network-acl'
    : /Route/.test(n) ? 'route-table'
    : /Vpc/.test(n) ? 'vpc'
    : /Subnet/.test(n) ? 'subnet'
    : /KeyPair/.test(n) ? 'key-pair'
    : undefined;
  return kind ? `arn:${ctx.partition}:ec2:${ctx.region}:${kind === 'snapshot' || kind === 'image' ? '' : ctx.accountId}:${kind}/*` : '*';
}

function resourceOf(op: OperationSpec, ctx: CallContext, request: JsonObject | null | undefined): string {
  if (op.eventSource === 'ec2.amazonaws.com') return ec2Resource(op, ctx);
  if (request === undefined) return '*';
  return deniedResourceArn(op, ctx, request) ?? '*';
}

function callerArn(ctx: CallContext): string {
  const id = ctx.identity;
  if (id.arn) return id.arn;
  if (id.type === 'Root') return `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
  if (id.type === 'AWSService' && id.invokedBy) return id.invokedBy;
  return `arn:${ctx.partition}:iam::${ctx.accountId}:user/unknown`;
}

/**
 * The errorCode and errorMessage of a call denied for `reason`. `request` (the call's
 * requestParameters) lets the message name the resource the way the service does; without
 * it the resource is `*` (or the EC2 wildcard).
 */
export function accessDeniedError(op: OperationSpec, ctx: CallContext, reason: AccessDeniedReason, request?: JsonObject | null): AccessDeniedError {
  const action = iamActionOf(op);
  const code = errorCodeOf(op);
  const user = callerArn(ctx);
  const resource = resourceOf(op, ctx, request);
  const context = CONTEXT[reason](action);

  if (op.eventSource === 'ec2.amazonaws.com') {
    return { code, message: `You are not authorized to perform this operation. User: ${user} is not authorized to perform: ${action} on resource: ${resource} ${context}. Encoded authorization failure message: ${encodedAuthMessage(ctx.rng)}` };
  }
  if (op.eventSource === 's3.amazonaws.com') {
    const ownAccount = resource === '*' || ctx.world.byArn(resource.split('/')[0])?.accountId === undefined || ctx.world.byArn(resource.split('/')[0])?.accountId === ctx.accountId;
    if (!ownAccount) return { code, message: 'Access Denied' };
    return { code, message: `User: ${user} is not authorized to perform: ${action} on resource: "${resource}" ${context}` };
  }
  if (op.eventSource === 'sts.amazonaws.com' && op.name.startsWith('AssumeRole') && reason === 'resource-policy') {
    // The role's trust policy does not allow the caller: AWS gives no reason clause (sample).
    return { code, message: `User: ${user} is not authorized to perform: ${action} on resource: ${resource}` };
  }
  return { code, message: `User: ${user} is not authorized to perform: ${action} on resource: ${resource} ${context}` };
}
