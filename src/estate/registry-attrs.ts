import type { ResourceType, WorldResource } from '../catalog/types.js';
import { DB_CLASSES, DB_ENGINES, INSTANCE_TYPES, LAMBDA_RUNTIMES } from '../catalog/util.js';

/**
 * Attributes a resource keeps wherever it appears (engine, instance type, KMS key, VPC).
 * A resource's explicit attrs win (set when it was created, by the world, a user's create
 * call or the shard plan); the rest is a pure function of its ARN, with relations
 * (its VPC, subnet, key) drawn from the same account and region's inventory. So the same
 * DB instance is `mysql` in every record of every shard, without anyone storing it.
 */

/** FNV-1a of a string: the per-resource draw for derived attributes. */
export function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Resources of `type` in the resource's account and region, for relations. */
export type RelatedLookup = (type: ResourceType, accountId: string, region: string) => readonly WorldResource[];

const AURORA = [['aurora-mysql', '8.0.mysql_aurora.3.05.2'], ['aurora-postgresql', '15.4']] as const;

function nth<T>(xs: readonly T[], h: number, salt: number): T {
  return xs[(Math.imul(h ^ salt, 0x9e3779b1) >>> 0) % xs.length];
}

/** The derived attributes of `r` (explicit attrs are merged over these by the caller). */
export function derivedAttributes(r: WorldResource, related: RelatedLookup): Record<string, string> {
  const h = hashOf(r.arn);
  const rel = (type: ResourceType, salt: number): WorldResource | undefined => {
    const xs = related(type, r.accountId, r.region);
    return xs.length > 0 ? nth(xs, h, salt) : undefined;
  };
  const out: Record<string, string> = {};
  switch (r.type) {
    case 'AWS::RDS::DBInstance': {
      const [engine, version] = nth(DB_ENGINES, h, 1);
      out.engine = engine;
      out.engineVersion = version;
      out.dBInstanceClass = nth(DB_CLASSES, h, 2);
      const key = rel('AWS::KMS::Key', 3);
      if (key) out.kmsKeyId = key.arn;
      const vpc = rel('AWS::EC2::VPC', 4);
      if (vpc) out.vpcId = vpc.name;
      const sg = rel('AWS::EC2::SecurityGroup', 5);
      if (sg) out.securityGroupId = sg.name;
      out.az = nth(['a', 'b', 'c'], h, 6);
      break;
    }
    case 'AWS::RDS::DBCluster': {
      const [engine, version] = nth(AURORA, h, 1);
      out.engine = engine;
      out.engineVersion = version;
      const key = rel('AWS::KMS::Key', 3);
      if (key) out.kmsKeyId = key.arn;
      const sg = rel('AWS::EC2::SecurityGroup', 5);
      if (sg) out.securityGroupId = sg.name;
      break;
    }
    case 'AWS::EC2::Instance': {
      out.instanceType = nth(INSTANCE_TYPES, h, 1);
      const subnet = rel('AWS::EC2::Subnet', 2);
      if (subnet) {
        out.subnetId = subnet.name;
        if (subnet.attrs.vpc) out.vpcId = subnet.attrs.vpc;
      }
      if (!out.vpcId) {
        const vpc = rel('AWS::EC2::VPC', 3);
        if (vpc) out.vpcId = vpc.name;
      }
      const sg = rel('AWS::EC2::SecurityGroup', 4);
      if (sg) out.securityGroupId = sg.name;
      out.imageId = 'ami-' + (h.toString(16).padStart(8, '0') + hashOf(r.arn + '#ami').toString(16).padStart(8, '0')).slice(0, 17).padEnd(17, '0');
      out.az = nth(['a', 'b', 'c'], h, 6);
      break;
    }
    case 'AWS::EC2::SecurityGroup':
    case 'AWS::EC2::Subnet':
    case 'AWS::EC2::NetworkAcl':
    case 'AWS::EC2::RouteTable': {
      const vpc = r.attrs.vpc ?? rel('AWS::EC2::VPC', 1)?.name;
      if (vpc) out.vpcId = vpc;
      break;
    }
    case 'AWS::Lambda::Function':
      out.runtime = nth(LAMBDA_RUNTIMES, h, 1);
      out.memorySize = String(nth([128, 256, 512, 1024], h, 2));
      break;
    case 'AWS::EC2::Volume':
    case 'AWS::EC2::Snapshot': {
      const key = rel('AWS::KMS::Key', 3);
      if (key) out.kmsKeyId = key.arn;
      out.volumeSize = String(nth([8, 20, 50, 100, 500], h, 1));
      break;
    }
    case 'AWS::SecretsManager::Secret':
    case 'AWS::DynamoDB::Table':
    case 'AWS::Logs::LogGroup': {
      const key = rel('AWS::KMS::Key', 3);
      if (key) out.kmsKeyId = key.arn;
      break;
    }
    default:
      break;
  }
  if (r.attrs.vpc && !out.vpcId) out.vpcId = r.attrs.vpc;
  return out;
}
