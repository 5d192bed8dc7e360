import type { Random } from '../../src/core/random.js';
import { createRandom } from '../../src/core/random.js';
import type { CallContext, ResourceType, WorldResource, WorldView } from '../../src/catalog/types.js';
import type { JsonObject, UserIdentity } from '../../src/record/types.js';

/**
 * A small, fixed world for catalog tests: two resources of every type in two accounts,
 * picked with the caller's stream, so builders see realistic names and ARNs without the
 * real World (which another engineer owns).
 */
export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const REGION = 'eu-west-1';

const ARN_FORMATS: Record<string, (acct: string, region: string, name: string) => string> = {
  'AWS::S3::Bucket': (_a, _r, n) => `arn:aws:s3:::${n}`,
  'AWS::S3::Object': (_a, _r, n) => `arn:aws:s3:::fake-bucket-a/${n}`,
  'AWS::IAM::User': (a, _r, n) => `arn:aws:iam::${a}:user/${n}`,
  'AWS::IAM::Role': (a, _r, n) => `arn:aws:iam::${a}:role/${n}`,
  'AWS::IAM::Policy': (a, _r, n) => `arn:aws:iam::${a}:policy/${n}`,
  'AWS::IAM::SAMLProvider': (a, _r, n) => `arn:aws:iam::${a}:saml-provider/${n}`,
  'AWS::EC2::Instance': (a, r, n) => `arn:aws:ec2:${r}:${a}:instance/${n}`,
  'AWS::Lambda::Function': (a, r, n) => `arn:aws:lambda:${r}:${a}:function:${n}`,
  'AWS::DynamoDB::Table': (a, r, n) => `arn:aws:dynamodb:${r}:${a}:table/${n}`,
  'AWS::KMS::Key': (a, r, n) => `arn:aws:kms:${r}:${a}:key/${n}`,
  'AWS::CloudTrail::Trail': (a, r, n) => `arn:aws:cloudtrail:${r}:${a}:trail/${n}`,
  'AWS::SecretsManager::Secret': (a, r, n) => `arn:aws:secretsmanager:${r}:${a}:secret:${n}`,
  'AWS::SNS::Topic': (a, r, n) => `arn:aws:sns:${r}:${a}:${n}`,
  'AWS::SQS::Queue': (a, r, n) => `arn:aws:sqs:${r}:${a}:${n}`,
  'AWS::RDS::DBInstance': (a, r, n) => `arn:aws:rds:${r}:${a}:db:${n}`,
  'AWS::RDS::DBCluster': (a, r, n) => `arn:aws:rds:${r}:${a}:cluster:${n}`,
  'AWS::Logs::LogGroup': (a, r, n) => `arn:aws:logs:${r}:${a}:log-group:${n}`,
};

const NAMES: Record<string, [string, string]> = {
  'AWS::S3::Bucket': ['fake-bucket-a', 'fake-bucket-b'],
  'AWS::S3::Object': ['reports/2024/q1.csv', 'uploads/avatar.png'],
  'AWS::IAM::User': ['alice', 'bob'],
  'AWS::IAM::Role': ['app-role', 'ci-deploy'],
  'AWS::IAM::Policy': ['s3-read', 'logs-write'],
  'AWS::IAM::SAMLProvider': ['Okta', 'AzureAD'],
  'AWS::EC2::Instance': ['i-0123456789abcdef0', 'i-0fedcba9876543210'],
  'AWS::EC2::SecurityGroup': ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'],
  'AWS::EC2::VPC': ['vpc-0123456789abcdef0', 'vpc-0fedcba9876543210'],
  'AWS::EC2::Subnet': ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
  'AWS::EC2::Snapshot': ['snap-0123456789abcdef0', 'snap-0fedcba9876543210'],
  'AWS::EC2::Volume': ['vol-0123456789abcdef0', 'vol-0fedcba9876543210'],
  'AWS::EC2::KeyPair': ['deploy-key', 'admin-key'],
  'AWS::EC2::NetworkAcl': ['acl-0123456789abcdef0', 'acl-0fedcba9876543210'],
  'AWS::EC2::RouteTable': ['rtb-0123456789abcdef0', 'rtb-0fedcba9876543210'],
  'AWS::Lambda::Function': ['orders-handler', 'thumbnail-worker'],
  'AWS::DynamoDB::Table': ['orders', 'sessions'],
  'AWS::KMS::Key': ['1234abcd-12ab-34cd-56ef-1234567890ab', '0987dcba-09fe-87dc-65ba-ab0987654321'],
  'AWS::CloudTrail::Trail': ['management-events', 'org-trail'],
  'AWS::RDS::DBInstance': ['orders-db', 'reporting-db'],
  'AWS::RDS::DBCluster': ['aurora-main', 'aurora-analytics'],
  'AWS::SecretsManager::Secret': ['prod/db/credentials-AbCdEf', 'prod/api/key-GhIjKl'],
  'AWS::SNS::Topic': ['alerts', 'deploys'],
  'AWS::SQS::Queue': ['orders-queue', 'events-queue'],
  'AWS::Logs::LogGroup': ['/aws/lambda/orders-handler', '/aws/lambda/thumbnail-worker'],
};

export class FakeWorld implements WorldView {
  private readonly byArnIndex = new Map<string, WorldResource>();
  private readonly pools = new Map<string, WorldResource[]>();

  constructor() {
    for (const acct of [ACCOUNT, OTHER_ACCOUNT]) {
      for (const type of Object.keys(NAMES)) {
        for (const name of NAMES[type]) {
          const n = acct === ACCOUNT ? name : type === 'AWS::S3::Bucket' ? `${name}-other` : name;
          const global = type.startsWith('AWS::S3::') || type.startsWith('AWS::IAM::');
          const region = global ? '' : REGION;
          const fmt = ARN_FORMATS[type] ?? ((a: string, r: string, x: string) => `arn:aws:${type.split('::')[1].toLowerCase()}:${r}:${a}:${type.split('::')[2].toLowerCase()}/${x}`);
          const attrs: Record<string, string> = type === 'AWS::S3::Object' ? { bucket: acct === ACCOUNT ? 'fake-bucket-a' : 'fake-bucket-a-other' } : {};
          const r: WorldResource = Object.freeze({ type, name: n, arn: fmt(acct, region || REGION, n), accountId: acct, region, attrs: Object.freeze(attrs) });
          const key = `${acct}|${type}`;
          (this.pools.get(key) ?? this.pools.set(key, []).get(key)!).push(r);
          this.byArnIndex.set(r.arn, r);
        }
      }
    }
  }

  resource(type: ResourceType, rng: Random, opts: { accountId?: string; region?: string } = {}): WorldResource {
    const list = this.pools.get(`${opts.accountId ?? ACCOUNT}|${type}`) ?? this.pools.get(`${ACCOUNT}|${type}`);
    if (list) return list[rng.int(list.length)];
    const name = this.newName(type, rng);
    return { type, name, arn: `arn:aws:${type.split('::')[1]?.toLowerCase() ?? 'x'}:${REGION}:${opts.accountId ?? ACCOUNT}:${name}`, accountId: opts.accountId ?? ACCOUNT, region: REGION, attrs: {} };
  }

  newName(type: ResourceType, rng: Random): string {
    return `${(type.split('::').pop() ?? 'res').toLowerCase()}-${rng.hex(8)}`;
  }

  byArn(arn: string): WorldResource | undefined {
    return this.byArnIndex.get(arn);
  }
}

export const IAM_USER: UserIdentity = { type: 'IAMUser', principalId: 'AIDAEXAMPLEEXAMPLE123', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, accessKeyId: 'AKIAEXAMPLEEXAMPLE12', userName: 'alice' };
export const ROLE_SESSION: UserIdentity = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLEEXAMPLE123:gh-run-42',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci-deploy/gh-run-42`,
  accountId: ACCOUNT,
  accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
  sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLEEXAMPLE123', arn: `arn:aws:iam::${ACCOUNT}:role/ci-deploy`, accountId: ACCOUNT, userName: 'ci-deploy' }, attributes: { creationDate: '2024-05-01T10:00:00Z', mfaAuthenticated: 'false' } },
};
export const S3_SERVICE: UserIdentity = { type: 'AWSService', invokedBy: 's3.amazonaws.com' };

const world = new FakeWorld();

/** A call context for tests; `seed` names the call's stream. */
export function fakeContext(seed: string | number = 1, opts: { identity?: UserIdentity; params?: JsonObject; region?: string; time?: number } = {}): CallContext {
  return {
    rng: createRandom(seed),
    time: opts.time ?? Date.UTC(2024, 4, 1, 12, 30, 45),
    region: opts.region ?? REGION,
    partition: 'aws',
    accountId: ACCOUNT,
    identity: opts.identity ?? IAM_USER,
    params: opts.params ?? {},
    world,
  };
}
