/**
 * The 30 real Lake queries of test/fixtures/lake-queries, run against simulated event data
 * stores. Each query gets its own account (so its own store and history); the history is a
 * few events placed on both sides of the query's conditions, made with `sim.call` (the
 * simulator's own records) or ingested as hand-built records where a query prints fields
 * the simulator would generate differently. Expected rows are written out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../src/simulation.js';
import { Lake } from '../../src/cloudtrail/lake/lake.js';
import { UnsupportedEventDataStoreKindError } from '../../src/cloudtrail/lake/errors.js';
import type { Account } from '../../src/world/account.js';
import type { Principal } from '../../src/world/principal.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import { KeyedUser, corpus, iamUserIdentity, lakeTime, makeRecord, roleSessionIdentity, substitute } from './support.js';

type Row = Record<string, string>;

const QUERIES = corpus();
const START = '2022-01-01T00:00:00Z';
const END = '2024-01-01T00:00:00Z';

interface Ctx {
  sim: Simulation;
  lake: Lake;
  accounts: Map<string, Account>;
  admins: Map<string, Principal>;
  stores: Map<string, string>;
  recs: Map<string, CloudTrailRecord>;
  values: Map<string, string>;
}

const ctx = {} as Ctx;

function acct(q: string): Account {
  return ctx.accounts.get(q)!;
}

/** Planned activity: runs in time order, the clock set to each step's time first. */
const plan: { at: string; run: () => void | Promise<void> }[] = [];
function at(time: string, run: () => void | Promise<void>): void {
  plan.push({ at: time, run });
}
function call(key: string | undefined, time: string, who: () => Principal, op: string, params?: Record<string, unknown>, opts: Parameters<Simulation['call']>[3] = {}): void {
  at(time, () => {
    const r = ctx.sim.call(who(), op, params as never, opts);
    if (key) ctx.recs.set(key, r);
  });
}
function ingest(key: string | undefined, q: string, time: string, identity: CloudTrailRecord['userIdentity'], fields: Parameters<typeof makeRecord>[3]): void {
  at(time, () => {
    const r = makeRecord(acct(q).id, time, identity, fields);
    ctx.sim.ingest(r);
    if (key) ctx.recs.set(key, r);
  });
}

const ACCOUNT_IDS: Record<string, string> = { q18: '555555555555' };
const QIDS = Array.from({ length: 30 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);

async function run(q: string, extra: { multi?: string[]; dates?: string[] } = {}): Promise<Row[]> {
  const sql = substitute(QUERIES.get(q.toUpperCase())!, ctx.stores.get(q)!, extra);
  const res = await ctx.lake.query(ctx.admins.get(q)!, sql);
  expect(res.QueryStatus).toBe('FINISHED');
  return res.rows;
}

const byTime = (k: string) => (a: Row, b: Row) => a[k].localeCompare(b[k]);

beforeAll(async () => {
  ctx.sim = createSimulation({ seed: 2025, start: START });
  ctx.lake = new Lake(ctx.sim);
  ctx.accounts = new Map();
  ctx.admins = new Map();
  ctx.stores = new Map();
  ctx.recs = new Map();
  ctx.values = new Map();
  for (const q of QIDS) {
    const a = ctx.sim.addAccount({ name: q, id: ACCOUNT_IDS[q] ?? `1000000000${q.slice(1)}`, regions: ['us-east-1', 'eu-west-1', 'us-west-2'] });
    ctx.accounts.set(q, a);
    const admin = a.iamUser('admin');
    ctx.admins.set(q, admin);
    const { EventDataStoreArn } = ctx.lake.createEventDataStore(admin, { Name: `${q}-store`, RetentionPeriod: 3653 });
    ctx.stores.set(q, EventDataStoreArn.split('/')[1]);
  }
  // Q06 reads three stores with different selectors.
  const q06 = ctx.admins.get('q06')!;
  const sel = (source: string) => [{ Name: source, FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventSource', Equals: [source] }] }];
  ctx.values.set('eds1', ctx.lake.createEventDataStore(q06, { Name: 'iam-only', RetentionPeriod: 3653, AdvancedEventSelectors: sel('iam.amazonaws.com') }).EventDataStoreArn.split('/')[1]);
  ctx.values.set('eds2', ctx.lake.createEventDataStore(q06, { Name: 's3-only', RetentionPeriod: 3653, AdvancedEventSelectors: sel('s3.amazonaws.com') }).EventDataStoreArn.split('/')[1]);
  ctx.values.set('eds3', ctx.lake.createEventDataStore(q06, { Name: 'iam-again', RetentionPeriod: 3653, AdvancedEventSelectors: sel('iam.amazonaws.com') }).EventDataStoreArn.split('/')[1]);

  const u = (q: string, name: string) => () => acct(q).iamUser(name);
  const session = (q: string, role: string, name: string) => () => acct(q).role(role).session({ sessionName: name, createdAt: Date.parse(START) });

  // Q01: CreateBucket by a principal on 2023-01-22.
  call('q01.hit', '2023-01-22T10:00:00Z', u('q01', 'alice'), 's3:CreateBucket', { bucketName: 'reports-2023' });
  call(undefined, '2023-01-21T23:59:59Z', u('q01', 'alice'), 's3:CreateBucket', { bucketName: 'early' });
  call(undefined, '2023-01-22T11:00:00Z', u('q01', 'alice'), 's3:DeleteBucket', { bucketName: 'reports-2023' });
  call(undefined, '2023-01-23T00:00:00Z', u('q01', 'alice'), 's3:CreateBucket', { bucketName: 'late' });
  ingest(undefined, 'q01', '2023-01-22T12:00:00Z', { type: 'AWSService', invokedBy: 'cloudformation.amazonaws.com' }, { eventSource: 's3.amazonaws.com', eventName: 'CreateBucket', sourceIPAddress: 'cloudformation.amazonaws.com' });

  // Q02: bob's activity on 2023-01-22.
  call('q02.a', '2023-01-22T08:00:00Z', u('q02', 'bob'), 'iam:ListUsers');
  call('q02.b', '2023-01-22T09:30:00Z', u('q02', 'bob'), 'sts:GetCallerIdentity');
  call(undefined, '2023-01-23T00:00:01Z', u('q02', 'bob'), 'iam:ListUsers');
  call(undefined, '2023-01-22T10:00:00Z', u('q02', 'carol'), 'iam:ListUsers');

  // Q03: calls per API since 2023-01-01.
  for (const t of ['2023-01-02T00:00:00Z', '2023-02-02T00:00:00Z', '2023-03-02T00:00:00Z']) call(undefined, t, u('q03', 'alice'), 'iam:ListUsers');
  for (const t of ['2023-01-03T00:00:00Z', '2023-04-03T00:00:00Z']) call(undefined, t, u('q03', 'alice'), 's3:ListBuckets');
  call(undefined, '2023-05-04T00:00:00Z', u('q03', 'alice'), 'ec2:DescribeInstances');
  call(undefined, '2022-12-31T23:59:59Z', u('q03', 'alice'), 'ec2:DescribeInstances');

  // Q04: console sign-ins in us-east-1 and us-west-2, not eu-west-1.
  call('q04.east', '2023-02-01T08:00:00Z', u('q04', 'alice'), 'signin:ConsoleLogin');
  ingest('q04.west', 'q04', '2023-02-02T08:00:00Z', iamUserIdentity(acct('q04')?.id ?? '', 'bob'), { eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', awsRegion: 'us-west-2', eventType: 'AwsConsoleSignIn', responseElements: { ConsoleLogin: 'Success' } });
  at('2023-02-03T08:00:00Z', () => {
    const id = acct('q04').id;
    ctx.sim.ingest(makeRecord(id, '2023-02-03T08:00:00Z', iamUserIdentity(id, 'carol'), { eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', awsRegion: 'eu-west-1', eventType: 'AwsConsoleSignIn' }));
    ctx.sim.ingest(makeRecord(id, '2023-02-03T08:00:00Z', iamUserIdentity(id, 'carol'), { eventSource: 'iam.amazonaws.com', eventName: 'ListUsers' }));
  });

  // Q05: Lake's own StartQuery events in January 2023.
  at('2023-01-10T09:00:00Z', async () => {
    const stmt = `SELECT eventID FROM ${ctx.stores.get('q05')} WHERE eventName = 'ConsoleLogin'`;
    const { QueryId } = await ctx.lake.startQuery(ctx.admins.get('q05')!, { QueryStatement: stmt });
    ctx.values.set('q05.id', QueryId);
    ctx.values.set('q05.stmt', stmt);
  });
  at('2023-01-15T09:00:00Z', async () => {
    await expect(ctx.lake.startQuery(ctx.admins.get('q05')!, { QueryStatement: `DELETE FROM ${ctx.stores.get('q05')}` })).rejects.toThrow(/SELECT/);
  });
  at('2023-02-02T09:00:00Z', async () => {
    await ctx.lake.startQuery(ctx.admins.get('q05')!, { QueryStatement: `SELECT count(*) FROM ${ctx.stores.get('q05')}` });
  });

  // Q06: iam and s3 events, seen by three stores.
  call('q06.iam1', '2022-02-01T00:00:00Z', u('q06', 'alice'), 'iam:ListUsers');
  call('q06.iam2', '2022-02-02T00:00:00Z', u('q06', 'alice'), 'iam:GetUser', { userName: 'alice' });
  call('q06.s3', '2022-02-03T00:00:00Z', u('q06', 'alice'), 's3:ListBuckets');
  call(undefined, '2022-02-04T00:00:00Z', u('q06', 'alice'), 'ec2:DescribeInstances');

  // Q07: a role session assuming its own role.
  const q07role = (name: string) => acct('q07').role(name);
  const roleRes = (name: string) => [{ ARN: q07role(name).arn, accountId: acct('q07').id, type: 'AWS::IAM::Role' }];
  at('2022-03-01T00:00:00Z', () => {
    const s = session('q07', 'deployer', 'deploy-1')();
    ctx.recs.set('q07.self', ctx.sim.call(s, 'sts:AssumeRole', { roleArn: q07role('deployer').arn, roleSessionName: 'again' }, { resources: roleRes('deployer') }));
  });
  at('2022-03-02T00:00:00Z', () => {
    const s = session('q07', 'deployer', 'deploy-1')();
    ctx.sim.call(s, 'sts:AssumeRole', { roleArn: q07role('other').arn }, { resources: roleRes('other') });
    ctx.sim.call(s, 'sts:AssumeRole', { roleArn: q07role('deployer').arn }, { error: 'AccessDenied', resources: roleRes('deployer') });
    ctx.sim.call(acct('q07').iamUser('alice'), 'sts:AssumeRole', { roleArn: q07role('deployer').arn }, { resources: roleRes('deployer') });
  });

  // Q08: activity from 192.0.2.76.
  call(undefined, '2023-01-03T00:00:00Z', u('q08', 'alice'), 'iam:ListUsers', undefined, { sourceIPAddress: '192.0.2.76' });
  call(undefined, '2023-01-04T00:00:00Z', u('q08', 'bob'), 's3:ListBuckets', undefined, { sourceIPAddress: '192.0.2.76' });
  call(undefined, '2023-01-05T00:00:00Z', u('q08', 'alice'), 'iam:ListUsers', undefined, { sourceIPAddress: '203.0.113.1' });
  call(undefined, '2023-01-07T00:00:00Z', u('q08', 'alice'), 'iam:ListUsers', undefined, { sourceIPAddress: '192.0.2.76' });
  at('2023-01-05T12:00:00Z', () => {
    const id = acct('q08').id;
    ctx.sim.ingest(makeRecord(id, '2023-01-05T12:00:00Z', { type: 'AWSAccount', principalId: 'AIDAEXAMPLEPARTNER', accountId: '555555555555' }, { eventSource: 's3.amazonaws.com', eventName: 'GetBucketAcl', sourceIPAddress: '192.0.2.76' }));
  });

  // Q09: an Aurora MySQL instance, and a PostgreSQL one.
  call('q09.hit', '2022-06-01T10:00:00Z', u('q09', 'alice'), 'rds:CreateDBInstance', { dBInstanceIdentifier: 'orders-db', dBInstanceClass: 'db.r6g.large', engine: 'aurora-mysql' });
  call(undefined, '2022-06-02T10:00:00Z', u('q09', 'alice'), 'rds:CreateDBInstance', { dBInstanceIdentifier: 'pg-db', dBInstanceClass: 'db.t3.micro', engine: 'postgres' });

  // Q10: console sign-in without MFA.
  call('q10.hit', '2022-07-01T08:00:00Z', u('q10', 'alice'), 'signin:ConsoleLogin', undefined, { additionalEventData: { MFAUsed: 'No' } });
  call(undefined, '2022-07-01T09:00:00Z', u('q10', 'bob'), 'signin:ConsoleLogin', undefined, { additionalEventData: { MFAUsed: 'Yes' } });

  // Q11: another account's call on a resource here (the owner's copy), May 2022.
  const partner = { type: 'AWSAccount' as const, principalId: 'AIDAEXAMPLEPARTNER', accountId: '444455556666' };
  ingest('q11.hit', 'q11', '2022-05-10T10:00:00Z', partner, { eventSource: 's3.amazonaws.com', eventName: 'GetBucketAcl', requestParameters: { bucketName: 'shared-data', acl: '' }, readOnly: true });
  ingest(undefined, 'q11', '2022-06-02T10:00:00Z', partner, { eventSource: 's3.amazonaws.com', eventName: 'GetBucketAcl', requestParameters: { bucketName: 'shared-data', acl: '' } });
  call(undefined, '2022-05-11T10:00:00Z', u('q11', 'alice'), 'iam:ListUsers');

  // Q12, Q20, Q28: their windows are empty; events exist around them.
  call(undefined, '2022-01-01T00:00:00Z', u('q12', 'alice'), 'iam:ListUsers');
  call(undefined, '2022-01-01T00:00:00Z', u('q20', 'alice'), 'iam:ListUsers');
  call(undefined, '2022-01-01T00:00:00Z', u('q28', 'alice'), 's3:ListBuckets');

  // Q13: Aurora failovers by a role session (eu-west-1) and by a user.
  call('q13.role', '2022-09-01T00:00:00Z', session('q13', 'dba', 'oncall'), 'rds:FailoverDBCluster', { dBClusterIdentifier: 'aurora-prod' }, { region: 'eu-west-1' });
  call('q13.user', '2022-09-02T00:00:00Z', u('q13', 'alice'), 'rds:FailoverDBCluster', { dBClusterIdentifier: 'aurora-dev' });
  call(undefined, '2022-09-03T00:00:00Z', u('q13', 'alice'), 'rds:RebootDBInstance', { dBInstanceIdentifier: 'x' });

  // Q14: security group rules opened to 0.0.0.0/0.
  const open22 = { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, groups: {}, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] };
  const modify = (g: string) => ({ GroupId: g, SecurityGroupRule: { SecurityGroupRuleId: 'sgr-1', SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0' } } });
  call('q14.auth', '2023-07-07T10:00:00Z', u('q14', 'alice'), 'ec2:AuthorizeSecurityGroupIngress', { groupId: 'sg-0a1', ipPermissions: open22 });
  call(undefined, '2023-07-07T11:00:00Z', u('q14', 'alice'), 'ec2:AuthorizeSecurityGroupIngress', { groupId: 'sg-0a2', ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '10.0.0.0/8' }] } }] } });
  call('q14.mod1', '2023-07-08T12:00:00Z', u('q14', 'alice'), 'ec2:ModifySecurityGroupRules', { ModifySecurityGroupRulesRequest: modify('sg-0b2') });
  call('q14.mod2', '2023-07-09T00:00:00Z', u('q14', 'alice'), 'ec2:ModifySecurityGroupRules', { ModifySecurityGroupRulesRequest: modify('sg-0c3') });
  call(undefined, '2023-07-09T00:00:01Z', u('q14', 'alice'), 'ec2:ModifySecurityGroupRules', { ModifySecurityGroupRulesRequest: modify('sg-0d4') });

  // Q15: CreateSnapshots (matched whatever its time: AND binds tighter than OR) and CreateSnapshot.
  ingest('q15.hit', 'q15', '2022-05-01T00:00:00Z', iamUserIdentity('100000000015', 'alice'), {
    eventSource: 'ec2.amazonaws.com', eventName: 'CreateSnapshots',
    requestParameters: { CreateSnapshotsRequest: { InstanceSpecification: { InstanceId: 'i-0abc', ExcludeBootVolume: false }, CopyTagsFromSource: 'volume' } },
    responseElements: { CreateSnapshotsResponse: { snapshotSet: { item: { snapshotId: 'snap-1', encrypted: false } } } },
  });
  ingest(undefined, 'q15', '2022-05-02T00:00:00Z', iamUserIdentity('100000000015', 'alice'), { eventSource: 'ec2.amazonaws.com', eventName: 'CreateSnapshot', requestParameters: { volumeId: 'vol-1' }, responseElements: { snapshotId: 'snap-2', encrypted: false } });

  // Q16: one access key's successful calls, early January 2023.
  const keyed = () => new KeyedUser(acct('q16'), 'keyed', 'AKIAIOSFODNN7EXAMPLE');
  for (const t of ['2023-01-02T00:00:00Z', '2023-01-03T00:00:00Z', '2023-01-04T00:00:00Z']) call(undefined, t, keyed, 's3:ListBuckets');
  call(undefined, '2023-01-05T00:00:00Z', keyed, 'iam:GetUser', { userName: 'keyed' });
  call(undefined, '2023-01-05T01:00:00Z', keyed, 'iam:CreateUser', { userName: 'x' }, { error: 'AccessDenied' });
  call(undefined, '2023-01-05T02:00:00Z', u('q16', 'alice'), 's3:ListBuckets');
  call(undefined, '2023-01-08T00:00:00Z', keyed, 's3:ListBuckets');

  // Q17: denied calls of alice@example.com (an Identity Center session).
  const sso = session('q17', 'AWSReservedSSO_Admin_0123456789abcdef', 'alice@example.com');
  call('q17.a', '2023-01-02T00:00:00Z', sso, 'ec2:RunInstances', undefined, { error: { code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' } });
  call('q17.b', '2023-01-03T00:00:00Z', sso, 's3:PutBucketPolicy', { bucketName: 'b' }, { error: { code: 'AccessDenied', message: 'Access Denied' } });
  call(undefined, '2023-01-04T00:00:00Z', sso, 's3:ListBuckets');
  call(undefined, '2023-01-04T01:00:00Z', u('q17', 'bob'), 's3:ListBuckets', undefined, { error: { code: 'AccessDenied', message: 'Access Denied' } });
  call(undefined, '2023-01-08T00:00:00Z', sso, 's3:ListBuckets', undefined, { error: { code: 'AccessDenied', message: 'Access Denied' } });

  // Q18: sessions of role alice in account 555555555555.
  call('q18.a', '2023-01-02T00:00:00Z', session('q18', 'alice', 's1'), 's3:ListBuckets');
  call('q18.b', '2023-01-03T00:00:00Z', session('q18', 'alice', 's1'), 'ec2:DescribeInstances');
  call(undefined, '2023-01-03T01:00:00Z', session('q18', 'bob', 's2'), 's3:ListBuckets');
  call(undefined, '2023-01-09T00:00:00Z', session('q18', 'alice', 's1'), 's3:ListBuckets');

  // Q19: resources made by hand (role sessions, not service roles nor CloudFormation).
  const q19 = '100000000019';
  const dev = roleSessionIdentity(q19, 'dev', 'jo');
  const res = (arn: string, type: string) => [{ ARN: arn, accountId: q19, type }];
  ingest('q19.a', 'q19', '2022-08-01T00:00:00Z', dev, { eventSource: 'iam.amazonaws.com', eventName: 'CreateRole', requestParameters: { roleName: 'app' }, resources: res(`arn:aws:iam::${q19}:role/app`, 'AWS::IAM::Role') });
  ingest('q19.b', 'q19', '2022-08-02T00:00:00Z', dev, { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy', requestParameters: { bucketName: 'logs' }, resources: res('arn:aws:s3:::logs', 'AWS::S3::Bucket') });
  ingest(undefined, 'q19', '2022-08-03T00:00:00Z', roleSessionIdentity(q19, 'AWSServiceRoleForAutoScaling', 'AutoScaling'), { eventSource: 'ec2.amazonaws.com', eventName: 'CreateTags', resources: res('arn:aws:ec2:us-east-1::instance/i-1', 'AWS::EC2::Instance') });
  ingest(undefined, 'q19', '2022-08-04T00:00:00Z', dev, { eventSource: 'iam.amazonaws.com', eventName: 'GetRole', resources: res(`arn:aws:iam::${q19}:role/app`, 'AWS::IAM::Role') });
  ingest(undefined, 'q19', '2022-08-05T00:00:00Z', dev, { eventSource: 'sqs.amazonaws.com', eventName: 'CreateQueue' });
  ingest(undefined, 'q19', '2022-08-06T00:00:00Z', dev, { eventSource: 'sns.amazonaws.com', eventName: 'CreateTopic', sourceIPAddress: 'cloudformation.amazonaws.com', resources: res(`arn:aws:sns:us-east-1:${q19}:t`, 'AWS::SNS::Topic') });
  ingest(undefined, 'q19', '2022-08-07T00:00:00Z', iamUserIdentity(q19, 'alice'), { eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', resources: res(`arn:aws:iam::${q19}:user/x`, 'AWS::IAM::User') });

  // Q21: calls per Region and service, 2022-04-23 to 2022-11-26.
  for (const t of ['2022-05-01T00:00:00Z', '2022-06-01T00:00:00Z', '2022-07-01T00:00:00Z']) call(undefined, t, u('q21', 'alice'), 'iam:ListUsers');
  for (const t of ['2022-05-02T00:00:00Z', '2022-06-02T00:00:00Z']) call(undefined, t, u('q21', 'alice'), 'ec2:DescribeInstances', undefined, { region: 'eu-west-1' });
  call(undefined, '2022-05-03T00:00:00Z', u('q21', 'alice'), 's3:ListBuckets', undefined, { region: 'us-west-2' });
  call(undefined, '2022-11-27T00:00:00Z', u('q21', 'alice'), 'iam:ListUsers');

  // Q22: Config rule evaluations on 2023-11-16.
  const q22 = '100000000022';
  const evaluation = (type: string) => ({ evaluations: [{ complianceResourceType: 'AWS::EC2::Instance', complianceResourceId: 'i-0abc', complianceType: type, orderingTimestamp: 'Nov 16, 2023, 4:59:00 AM' }], resultToken: 'token', testMode: false });
  ingest(undefined, 'q22', '2023-11-16T05:00:00Z', roleSessionIdentity(q22, 'config-rule', 'lambda'), { eventSource: 'config.amazonaws.com', eventName: 'PutEvaluations', requestParameters: evaluation('NON_COMPLIANT'), additionalEventData: { configRuleName: 'required-tags' } });
  ingest(undefined, 'q22', '2023-11-16T06:00:00Z', roleSessionIdentity(q22, 'config-rule', 'lambda'), { eventSource: 'config.amazonaws.com', eventName: 'PutEvaluations', requestParameters: evaluation('NOT_APPLICABLE'), additionalEventData: { configRuleName: 'required-tags' } });
  ingest(undefined, 'q22', '2023-11-17T00:00:00Z', roleSessionIdentity(q22, 'config-rule', 'lambda'), { eventSource: 'config.amazonaws.com', eventName: 'PutEvaluations', requestParameters: evaluation('COMPLIANT'), additionalEventData: { configRuleName: 'required-tags' } });

  // Q23: public access block changes of bucket demo-20230707.
  const q23 = '100000000023';
  const pab = (bucket: string, restrict: boolean) => ({ publicAccessBlock: '', bucketName: bucket, PublicAccessBlockConfiguration: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', RestrictPublicBuckets: restrict, BlockPublicPolicy: true, BlockPublicAcls: true, IgnorePublicAcls: true }, Host: `${bucket}.s3.amazonaws.com` });
  ingest('q23.a', 'q23', '2023-07-07T10:00:00Z', iamUserIdentity(q23, 'alice'), { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPublicAccessBlock', requestParameters: pab('demo-20230707', true) });
  ingest('q23.b', 'q23', '2023-07-08T09:00:00Z', iamUserIdentity(q23, 'alice'), { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPublicAccessBlock', requestParameters: pab('demo-20230707', false) });
  ingest(undefined, 'q23', '2023-07-08T10:00:00Z', iamUserIdentity(q23, 'alice'), { eventSource: 's3.amazonaws.com', eventName: 'DeleteBucketPublicAccessBlock', requestParameters: { bucketName: 'demo-20230707' } });
  ingest(undefined, 'q23', '2023-07-08T11:00:00Z', iamUserIdentity(q23, 'alice'), { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPublicAccessBlock', requestParameters: pab('other', true) });
  ingest(undefined, 'q23', '2023-07-06T23:00:00Z', iamUserIdentity(q23, 'alice'), { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPublicAccessBlock', requestParameters: pab('demo-20230707', true) });

  // Q24: buckets reached through ACLs.
  call(undefined, '2022-03-01T00:00:00Z', u('q24', 'alice'), 's3:GetBucketAcl', { bucketName: 'b1' }, { additionalEventData: { aclRequired: 'Yes' } });
  call(undefined, '2022-03-02T00:00:00Z', u('q24', 'alice'), 's3:GetBucketAcl', { bucketName: 'b1' }, { additionalEventData: { aclRequired: 'Yes' } });
  call(undefined, '2022-03-03T00:00:00Z', u('q24', 'alice'), 's3:PutBucketAcl', { bucketName: 'b2' }, { region: 'eu-west-1', additionalEventData: { aclRequired: 'Yes' } });
  call(undefined, '2022-03-04T00:00:00Z', u('q24', 'alice'), 's3:GetBucketAcl', { bucketName: 'b3' }, { additionalEventData: { aclRequired: 'No' } });

  // Q25: tag history read from eventjson.
  call('q25.a', '2022-03-01T00:00:00Z', u('q25', 'alice'), 'ec2:CreateTags', { resourcesSet: { items: [{ resourceId: 'i-1' }] }, tagSet: { items: [{ key: 'env', value: 'prod' }] } });
  call('q25.b', '2022-04-01T00:00:00Z', u('q25', 'alice'), 'ec2:DeleteTags', { resourcesSet: { items: [{ resourceId: 'i-1' }] }, tagSet: { items: [{ key: 'env' }] } });
  call('q25.c', '2022-05-01T00:00:00Z', u('q25', 'alice'), 'ec2:CreateTags', { resourcesSet: { items: [{ resourceId: 'i-0' }] }, tagSet: { items: [{ key: 'team', value: 'core' }] } });
  call(undefined, '2022-05-02T00:00:00Z', u('q25', 'alice'), 'ec2:DescribeTags');

  // Q26: calls over TLS 1.1 and older in the week of 2023-06-20.
  const q26 = '100000000026';
  const tls = (v: string, host: string) => ({ tlsVersion: v, cipherSuite: 'ECDHE-RSA-AES128-SHA', clientProvidedHostHeader: host });
  const old = (t: string, src: string, v: string, ip: string) => ingest(undefined, 'q26', t, iamUserIdentity(q26, 'legacy'), { eventSource: src, eventName: 'ListBuckets', sourceIPAddress: ip, tlsDetails: tls(v, src) });
  old('2023-06-21T00:00:00Z', 's3.amazonaws.com', 'TLSv1.1', '203.0.113.5');
  old('2023-06-22T00:00:00Z', 's3.amazonaws.com', 'TLSv1.1', '203.0.113.5');
  old('2023-06-23T00:00:00Z', 'sts.amazonaws.com', 'TLSv1', '203.0.113.9');
  old('2023-06-24T00:00:00Z', 's3.amazonaws.com', 'TLSv1.2', '203.0.113.5');
  old('2023-06-27T00:00:01Z', 's3.amazonaws.com', 'TLSv1.1', '203.0.113.5');

  // Q27: IAM calls per principal since 2022-01-08.
  call(undefined, '2022-02-01T00:00:00Z', u('q27', 'alice'), 'iam:ListUsers');
  call(undefined, '2022-02-02T00:00:00Z', u('q27', 'alice'), 'iam:ListUsers');
  call(undefined, '2022-02-03T00:00:00Z', u('q27', 'bob'), 'iam:CreateUser', { userName: 'carol' });
  call(undefined, '2022-02-04T00:00:00Z', u('q27', 'alice'), 's3:ListBuckets');
  call(undefined, '2022-01-07T00:00:00Z', u('q27', 'alice'), 'iam:ListUsers');
  ingest(undefined, 'q27', '2022-02-05T00:00:00Z', { type: 'AWSService', invokedBy: 'access-analyzer.amazonaws.com' }, { eventSource: 'iam.amazonaws.com', eventName: 'ListRoles' });

  // Q29: users added to admin groups, May to October 2022.
  call('q29.hit', '2022-06-01T00:00:00Z', u('q29', 'alice'), 'iam:AddUserToGroup', { userName: 'mallory', groupName: 'sysadmins' });
  call(undefined, '2022-06-02T00:00:00Z', u('q29', 'alice'), 'iam:AddUserToGroup', { userName: 'dave', groupName: 'developers' });
  call(undefined, '2022-11-02T00:00:00Z', u('q29', 'alice'), 'iam:AddUserToGroup', { userName: 'eve', groupName: 'admins' });

  plan.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const p of plan) {
    ctx.sim.advanceTo(p.at);
    await p.run();
  }
  ctx.sim.advanceTo(END);
}, 60_000);

afterAll(async () => {
  await ctx.lake?.close();
});

describe('CloudTrail Lake sample queries (test/fixtures/lake-queries)', () => {
  it('has the 30 queries', () => {
    expect([...QUERIES.keys()]).toEqual(QIDS.map((q) => q.toUpperCase()));
  });

  it('Q01: principals that created buckets on 2023-01-22', async () => {
    expect(await run('q01')).toEqual([{ principalid: acct('q01').iamUser('alice').identity.principalId, eventName: 'CreateBucket' }]);
  });

  it('Q02: what bob did on 2023-01-22', async () => {
    const rows = (await run('q02')).sort(byTime('eventTime'));
    const a = ctx.recs.get('q02.a')!;
    const b = ctx.recs.get('q02.b')!;
    expect(rows).toEqual([
      { eventID: a.eventID, eventName: 'ListUsers', eventSource: 'iam.amazonaws.com', eventTime: '2023-01-22 08:00:00.000' },
      { eventID: b.eventID, eventName: 'GetCallerIdentity', eventSource: 'sts.amazonaws.com', eventTime: '2023-01-22 09:30:00.000' },
    ]);
  });

  it('Q03: calls per API since 2023-01-01, most first', async () => {
    expect(await run('q03')).toEqual([
      { eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', apiCount: '3' },
      { eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', apiCount: '2' },
      { eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', apiCount: '1' },
    ]);
  });

  it('Q04: console sign-ins in us-east-1 and us-west-2', async () => {
    const rows = (await run('q04')).sort(byTime('eventTime'));
    expect(rows).toEqual([
      { eventTime: '2023-02-01 08:00:00.000', arn: acct('q04').iamUser('alice').arn!, awsRegion: 'us-east-1' },
      { eventTime: '2023-02-02 08:00:00.000', arn: `arn:aws:iam::${acct('q04').id}:user/bob`, awsRegion: 'us-west-2' },
    ]);
  });

  it("Q05: Lake's own StartQuery events (query id and statement)", async () => {
    expect(await run('q05')).toEqual([{ _col0: ctx.values.get('q05.id'), _col1: ctx.values.get('q05.stmt') }]);
  });

  it('Q06: UNION and UNION ALL across three stores', async () => {
    const [iam1, iam2, s3] = ['q06.iam1', 'q06.iam2', 'q06.s3'].map((k) => ctx.recs.get(k)!);
    const rows = await run('q06', { multi: ['eds1', 'eds2', 'eds3'].map((k) => ctx.values.get(k)!) });
    const expected = [iam1, iam2, s3, iam1, iam2].map((r) => ({ eventId: r.eventID, eventName: r.eventName! })).sort((a, b) => a.eventId.localeCompare(b.eventId));
    expect(rows).toEqual(expected);
  });

  it('Q07: role sessions assuming their own role', async () => {
    const r = ctx.recs.get('q07.self')!;
    const deployer = acct('q07').role('deployer');
    expect(await run('q07')).toEqual([{ eventid: r.eventID, eventtime: '2022-03-01 00:00:00.000', RoleARN: deployer.arn, RoleIdColonRoleSessionName: `${deployer.uniqueId}:deploy-1` }]);
  });

  it('Q08: accounts active from 192.0.2.76', async () => {
    expect(await run('q08')).toEqual([{ accountid: acct('q08').id }]);
  });

  it('Q09: Aurora MySQL instances', async () => {
    expect(await run('q09')).toEqual([{ DBInstance: 'orders-db', InstanceClass: 'db.r6g.large', Engine: 'aurora-mysql', DateTime: '2022-06-01 10:00:00.000' }]);
  });

  it('Q10: console sign-ins without MFA (SELECT *)', async () => {
    const rows = await run('q10');
    expect(rows).toHaveLength(1);
    const r = rows[0];
    expect(Object.keys(r)).toHaveLength(34);
    expect(r.eventid).toBe(ctx.recs.get('q10.hit')!.eventID);
    expect(r.eventname).toBe('ConsoleLogin');
    expect(r.useridentity).toContain(`arn=${acct('q10').iamUser('alice').arn}`);
    expect(r.additionaleventdata).toContain('MFAUsed=No');
    expect(JSON.parse(r.eventjson)).toEqual(ctx.recs.get('q10.hit'));
  });

  it('Q11: calls from other accounts, May 2022', async () => {
    expect(await run('q11')).toEqual([
      { principalid: 'AIDAEXAMPLEPARTNER', eventName: 'GetBucketAcl', eventSource: 's3.amazonaws.com', accountId: '444455556666', recipientAccountId: acct('q11').id, requestParameters: '{bucketName=shared-data, acl=}', eventTime: '2022-05-10 10:00:00.000' },
    ]);
  });

  it('Q12: data events by weekday (empty window)', async () => {
    expect(await run('q12')).toEqual([]);
  });

  it('Q13: Aurora failovers', async () => {
    const rows = (await run('q13')).sort(byTime('FailoverTime'));
    expect(rows).toEqual([
      { AWSRegion: 'eu-west-1', DBCluster: 'aurora-prod', UserName: 'dba', FailoverTime: '2022-09-01 00:00:00.000' },
      { AWSRegion: 'us-east-1', DBCluster: 'aurora-dev', UserName: '', FailoverTime: '2022-09-02 00:00:00.000' },
    ]);
  });

  it('Q14: security groups opened to 0.0.0.0/0 (UNION ALL, newest first)', async () => {
    const alice = acct('q14').iamUser('alice');
    const [auth, m1, m2] = ['q14.auth', 'q14.mod1', 'q14.mod2'].map((k) => ctx.recs.get(k)!);
    const row = (r: CloudTrailRecord, group: string, rule: unknown) => ({ eventName: r.eventName!, user: alice.arn!, sourceIPAddress: r.sourceIPAddress!, eventTime: lakeTime(r.eventTime), eventSource: 'ec2.amazonaws.com', securityGroup: group, securityGroupRule: JSON.stringify(rule) });
    expect(await run('q14')).toEqual([
      row(m2, 'sg-0c3', m2.requestParameters!.ModifySecurityGroupRulesRequest),
      row(m1, 'sg-0b2', m1.requestParameters!.ModifySecurityGroupRulesRequest),
      row(auth, 'sg-0a1', auth.requestParameters!.ipPermissions),
    ]);
  });

  it('Q15: CreateSnapshots calls (OR binds loosest)', async () => {
    expect(await run('q15')).toEqual([{ principalid: 'AIDAEXAMPLEALICE', awsRegion: 'us-east-1', volume: '', Instance: '"i-0abc"', snapshotID: '' }]);
  });

  it('Q16: successful calls of access key AKIAIOSFODNN7EXAMPLE', async () => {
    expect(await run('q16')).toEqual([
      { NumberEvents: '3', eventSource: 's3.amazonaws.com', eventName: 'ListBuckets' },
      { NumberEvents: '1', eventSource: 'iam.amazonaws.com', eventName: 'GetUser' },
    ]);
  });

  it('Q17: denied calls of alice@example.com', async () => {
    const rows = (await run('q17')).sort(byTime('eventTime'));
    const [a, b] = ['q17.a', 'q17.b'].map((k) => ctx.recs.get(k)!);
    const row = (r: CloudTrailRecord, src: string, name: string, code: string, msg: string) => ({ recipientAccountId: acct('q17').id, awsRegion: 'us-east-1', eventSource: src, eventName: name, readOnly: 'false', errorCode: code, errorMessage: msg, eventTime: lakeTime(r.eventTime), eventID: r.eventID });
    expect(rows).toEqual([
      row(a, 'ec2.amazonaws.com', 'RunInstances', 'UnauthorizedOperation', 'You are not authorized to perform this operation.'),
      row(b, 's3.amazonaws.com', 'PutBucketPolicy', 'AccessDenied', 'Access Denied'),
    ]);
  });

  it('Q18: activity of role alice in account 555555555555', async () => {
    const rows = (await run('q18')).sort(byTime('eventTime'));
    const [a, b] = ['q18.a', 'q18.b'].map((k) => ctx.recs.get(k)!);
    expect(rows).toEqual([
      { eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', eventTime: '2023-01-02 00:00:00.000', eventID: a.eventID, errorCode: '' },
      { eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', eventTime: '2023-01-03 00:00:00.000', eventID: b.eventID, errorCode: '' },
    ]);
  });

  it('Q19: resources created or changed by hand, newest first', async () => {
    const rows = await run('q19');
    const [a, b] = ['q19.a', 'q19.b'].map((k) => ctx.recs.get(k)!);
    const q19 = '100000000019';
    const identity =
      `{type=AssumedRole, principalid=AROAEXAMPLEDEV:jo, arn=arn:aws:sts::${q19}:assumed-role/dev/jo, accountid=${q19}, accesskeyid=ASIAEXAMPLEDEV, username=null, ` +
      `sessioncontext={attributes={creationdate=2022-01-01 00:00:00.000, mfaauthenticated=false}, sessionissuer={type=Role, principalid=AROAEXAMPLEDEV, arn=arn:aws:iam::${q19}:role/dev, accountid=${q19}, username=dev}, ` +
      `webidfederationdata={federatedprovider=null, attributes=null}, sourceidentity=null, ec2roledelivery=null, ec2issuedinvpc=null}, onbehalfof=null, inscopeof=null, invokedby=null, identityprovider=null}`;
    const row = (r: CloudTrailRecord, src: string, params: string, arn: string, type: string) => ({
      user: `arn:aws:sts::${q19}:assumed-role/dev/jo`, userIdentity: identity, eventTime: lakeTime(r.eventTime), eventSource: src, eventName: r.eventName!, awsRegion: 'us-east-1',
      requestParameters: params, resources: `[{accountid=${q19}, type=${type}, arn=${arn}, arnprefix=null}]`, requestID: r.requestID!, eventID: r.eventID,
    });
    expect(rows).toEqual([
      row(b, 's3.amazonaws.com', '{bucketName=logs}', 'arn:aws:s3:::logs', 'AWS::S3::Bucket'),
      row(a, 'iam.amazonaws.com', '{roleName=app}', `arn:aws:iam::${q19}:role/app`, 'AWS::IAM::Role'),
    ]);
  });

  it('Q20: console-credential writes (empty window; string column compared with true)', async () => {
    expect(await run('q20')).toEqual([]);
  });

  it('Q21: calls per Region and service', async () => {
    expect(await run('q21')).toEqual([
      { awsRegion: 'us-east-1', eventSource: 'iam.amazonaws.com', apiCount: '3' },
      { awsRegion: 'eu-west-1', eventSource: 'ec2.amazonaws.com', apiCount: '2' },
      { awsRegion: 'us-west-2', eventSource: 's3.amazonaws.com', apiCount: '1' },
    ]);
  });

  it('Q22: Config rule compliance from PutEvaluations', async () => {
    expect(await run('q22')).toEqual([
      { eventTime: '2023-11-16 05:00:00.000', awsRegion: 'us-east-1', recipientAccountId: '100000000022', configRuleName: 'required-tags', Compliance: 'NON_COMPLIANT', ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-0abc' },
    ]);
  });

  it('Q23: public access block history of demo-20230707', async () => {
    const q23 = '100000000023';
    const cfg = (restrict: boolean) => `{"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/","RestrictPublicBuckets":${restrict},"BlockPublicPolicy":true,"BlockPublicAcls":true,"IgnorePublicAcls":true}`;
    const row = (time: string, restrict: boolean) => ({
      bucketName: 'demo-20230707', restrictPublicBuckets: String(restrict), blockPublicPolicy: 'true', publicAccessBlockConfiguration: cfg(restrict), eventName: 'PutBucketPublicAccessBlock', eventTime: time,
      requestParameters: `{publicAccessBlock=, bucketName=demo-20230707, PublicAccessBlockConfiguration=${cfg(restrict)}, Host=demo-20230707.s3.amazonaws.com}`, user: `arn:aws:iam::${q23}:user/alice`, responseElements: '',
    });
    expect(await run('q23')).toEqual([row('2023-07-08 09:00:00.000', false), row('2023-07-07 10:00:00.000', true)]);
  });

  it('Q24: buckets accessed through ACLs', async () => {
    const id = acct('q24').id;
    expect(await run('q24')).toEqual([
      { Bucket: 'b2', Region: 'eu-west-1', AccountID: id },
      { Bucket: 'b1', Region: 'us-east-1', AccountID: id },
    ]);
  });

  it('Q25: tag history from eventjson', async () => {
    const arn = acct('q25').iamUser('alice').arn!;
    const row = (k: string, resourceId: string, name: string, key: string, value: string) => ({ awsRegion: 'us-east-1', eventSource: 'ec2.amazonaws.com', resourceId, eventTime: lakeTime(ctx.recs.get(k)!.eventTime), eventName: name, key, value, identityarn: arn });
    expect(await run('q25')).toEqual([row('q25.c', 'i-0', 'CreateTags', 'team', 'core'), row('q25.b', 'i-1', 'DeleteTags', 'env', ''), row('q25.a', 'i-1', 'CreateTags', 'env', 'prod')]);
  });

  it('Q26: calls over TLS 1.1 or older (date filter 2023-06-20 to 2023-06-27)', async () => {
    const id = '100000000026';
    expect(await run('q26', { dates: ['2023-06-20 00:00:00', '2023-06-27 00:00:00'] })).toEqual([
      { eventSource: 's3.amazonaws.com', tlsVersion: 'TLSv1.1', sourceIPAddress: '203.0.113.5', recipientAccountId: id, numOutdatedTlsCalls: '2' },
      { eventSource: 'sts.amazonaws.com', tlsVersion: 'TLSv1', sourceIPAddress: '203.0.113.9', recipientAccountId: id, numOutdatedTlsCalls: '1' },
    ]);
  });

  it('Q27: IAM calls per principal', async () => {
    const a = acct('q27');
    expect(await run('q27')).toEqual([
      { apiCount: '2', eventName: 'ListUsers', recipientAccountId: a.id, principalid: a.iamUser('alice').identity.principalId },
      { apiCount: '1', eventName: 'CreateUser', recipientAccountId: a.id, principalid: a.iamUser('bob').identity.principalId },
    ]);
  });

  it('Q28: top S3 objects (empty window; GROUP BY a map)', async () => {
    expect(await run('q28')).toEqual([]);
  });

  it('Q29: users added to admin groups', async () => {
    const r = ctx.recs.get('q29.hit')!;
    expect(await run('q29')).toEqual([{ principalid: acct('q29').iamUser('alice').identity.principalId, eventName: 'AddUserToGroup', eventTime: lakeTime(r.eventTime), username: 'mallory', groupname: 'sysadmins' }]);
  });

  it('Q30: needs an AWS Config store, which trailsim does not simulate', async () => {
    const admin = ctx.admins.get('q30')!;
    expect(() =>
      ctx.lake.createEventDataStore(admin, { Name: 'config-items', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['ConfigurationItem'] }] }] }),
    ).toThrow(UnsupportedEventDataStoreKindError);
    // Against a CloudTrail event store the Config columns do not exist.
    const sql = substitute(QUERIES.get('Q30')!, ctx.stores.get('q30')!);
    await expect(ctx.lake.startQuery(admin, { QueryStatement: sql })).rejects.toMatchObject({ name: 'InvalidQueryStatementException', message: expect.stringMatching(/^line \d+:\d+: Column 'eventData' cannot be resolved/) });
  });
});
