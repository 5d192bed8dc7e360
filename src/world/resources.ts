import type { Random } from '../core/random.js';
import type { Partition } from '../core/ids.js';
import type { ResourceType, WorldResource } from '../catalog/types.js';
import { loadModelOperations } from '../catalog/model-load.js';

/**
 * Resource naming and ARNs per type. Names for the initial world come from faker words
 * (see world.ts); `makeResource` turns a name into the resource with the ARN format the
 * service uses (S3 and IAM ARNs carry no region; S3 carries no account).
 */

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Region-less (global) resource types. */
const GLOBAL_TYPES = new Set<string>(['AWS::S3::Bucket', 'AWS::S3::Object', 'AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::AccessKey', 'AWS::IAM::SAMLProvider']);

export function isGlobalResourceType(type: ResourceType): boolean {
  return GLOBAL_TYPES.has(type);
}

/** An id-style name for types whose "name" is an AWS-assigned id. */
export function resourceId(type: ResourceType, rng: Random): string | undefined {
  switch (type) {
    case 'AWS::EC2::Instance': return 'i-' + rng.hex(17);
    case 'AWS::EC2::SecurityGroup': return 'sg-' + rng.hex(17);
    case 'AWS::EC2::VPC': return 'vpc-' + rng.hex(17);
    case 'AWS::EC2::Subnet': return 'subnet-' + rng.hex(17);
    case 'AWS::EC2::Snapshot': return 'snap-' + rng.hex(17);
    case 'AWS::EC2::Volume': return 'vol-' + rng.hex(17);
    case 'AWS::EC2::NetworkAcl': return 'acl-' + rng.hex(17);
    case 'AWS::EC2::RouteTable': return 'rtb-' + rng.hex(17);
    case 'AWS::KMS::Key': return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
    case 'AWS::IAM::AccessKey': return 'AKIA' + rng.chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
    default: return undefined;
  }
}

/** ARN service segment of model-derived types (`AWS::AccessAnalyzer::Analyzer` → `access-analyzer`). */
const ARN_SERVICE = new Map<string, string>();

/** @internal Records the ARN service segment of a type derived from an API model. */
export function setArnService(type: ResourceType, prefix: string): void {
  if (!ARN_SERVICE.has(type)) ARN_SERVICE.set(type, prefix);
}

/** A model type's ARN service, recorded as the generated operations are built. */
function arnService(type: ResourceType): string | undefined {
  const known = ARN_SERVICE.get(type);
  if (known !== undefined) return known;
  loadModelOperations();
  return ARN_SERVICE.get(type);
}

/** Builds the resource for `name` with the ARN its service writes. */
export function makeResource(type: ResourceType, name: string, accountId: string, region: string, partition: Partition, attrs: Record<string, string> = {}): WorldResource {
  const p = partition;
  let arn: string;
  let r = region;
  switch (type) {
    case 'AWS::S3::Bucket': arn = `arn:${p}:s3:::${name}`; r = ''; break;
    case 'AWS::S3::Object': arn = `arn:${p}:s3:::${attrs.bucket ?? 'bucket'}/${name}`; r = ''; break;
    case 'AWS::IAM::User': arn = `arn:${p}:iam::${accountId}:user/${name}`; r = ''; break;
    case 'AWS::IAM::Role': arn = `arn:${p}:iam::${accountId}:role/${name}`; r = ''; break;
    case 'AWS::IAM::Policy': arn = `arn:${p}:iam::${accountId}:policy/${name}`; r = ''; break;
    case 'AWS::IAM::AccessKey': arn = `arn:${p}:iam::${accountId}:user/${attrs.user ?? 'user'}`; r = ''; break;
    case 'AWS::IAM::SAMLProvider': arn = `arn:${p}:iam::${accountId}:saml-provider/${name}`; r = ''; break;
    case 'AWS::EC2::Instance': arn = `arn:${p}:ec2:${r}:${accountId}:instance/${name}`; break;
    case 'AWS::EC2::SecurityGroup': arn = `arn:${p}:ec2:${r}:${accountId}:security-group/${name}`; break;
    case 'AWS::EC2::VPC': arn = `arn:${p}:ec2:${r}:${accountId}:vpc/${name}`; break;
    case 'AWS::EC2::Subnet': arn = `arn:${p}:ec2:${r}:${accountId}:subnet/${name}`; break;
    case 'AWS::EC2::Snapshot': arn = `arn:${p}:ec2:${r}::snapshot/${name}`; break;
    case 'AWS::EC2::Volume': arn = `arn:${p}:ec2:${r}:${accountId}:volume/${name}`; break;
    case 'AWS::EC2::KeyPair': arn = `arn:${p}:ec2:${r}:${accountId}:key-pair/${name}`; break;
    case 'AWS::EC2::NetworkAcl': arn = `arn:${p}:ec2:${r}:${accountId}:network-acl/${name}`; break;
    case 'AWS::EC2::RouteTable': arn = `arn:${p}:ec2:${r}:${accountId}:route-table/${name}`; break;
    case 'AWS::Lambda::Function': arn = `arn:${p}:lambda:${r}:${accountId}:function:${name}`; break;
    case 'AWS::DynamoDB::Table': arn = `arn:${p}:dynamodb:${r}:${accountId}:table/${name}`; break;
    case 'AWS::KMS::Key': arn = `arn:${p}:kms:${r}:${accountId}:key/${name}`; break;
    case 'AWS::CloudTrail::Trail': arn = `arn:${p}:cloudtrail:${r}:${accountId}:trail/${name}`; break;
    case 'AWS::RDS::DBInstance': arn = `arn:${p}:rds:${r}:${accountId}:db:${name}`; break;
    case 'AWS::RDS::DBCluster': arn = `arn:${p}:rds:${r}:${accountId}:cluster:${name}`; break;
    case 'AWS::SecretsManager::Secret': arn = `arn:${p}:secretsmanager:${r}:${accountId}:secret:${name}`; break;
    case 'AWS::SNS::Topic': arn = `arn:${p}:sns:${r}:${accountId}:${name}`; break;
    case 'AWS::SQS::Queue': arn = `arn:${p}:sqs:${r}:${accountId}:${name}`; break;
    case 'AWS::Logs::LogGroup': arn = `arn:${p}:logs:${r}:${accountId}:log-group:${name}`; break;
    default: {
      const [, svc = 'unknown', kind = 'resource'] = type.split('::');
      const kebab = kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
      arn = `arn:${p}:${arnService(type) ?? svc.toLowerCase()}:${r}:${accountId}:${kebab}/${name}`;
    }
  }
  return Object.freeze({ type, name, arn, accountId, region: r, attrs: Object.freeze({ ...attrs }) });
}

/** A fresh, deterministic name for a new resource of `type` (for Create* calls): no faker, per-event cheap. */
export function freshName(type: ResourceType, rng: Random): string {
  const id = resourceId(type, rng);
  if (id) return id;
  const suffix = rng.chars(8, LOWER);
  switch (type) {
    case 'AWS::S3::Bucket': return `bucket-${suffix}`;
    case 'AWS::S3::Object': return `data/${rng.chars(6, LOWER)}/${suffix}.json`;
    case 'AWS::IAM::User': return `user-${suffix}`;
    case 'AWS::IAM::Role': return `role-${suffix}`;
    case 'AWS::IAM::Policy': return `policy-${suffix}`;
    case 'AWS::EC2::KeyPair': return `key-${suffix}`;
    case 'AWS::Lambda::Function': return `fn-${suffix}`;
    case 'AWS::DynamoDB::Table': return `table-${suffix}`;
    case 'AWS::RDS::DBInstance': return `db-${suffix}`;
    case 'AWS::RDS::DBCluster': return `cluster-${suffix}`;
    case 'AWS::SecretsManager::Secret': return `secret-${suffix}-${rng.chars(6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`;
    default: return `${type.split('::').pop()!.toLowerCase()}-${suffix}`;
  }
}
