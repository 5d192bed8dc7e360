import { describe, expect, it } from 'vitest';
import { createSimulation, shardOf, type Simulation } from '../../src/simulation.js';
import { daysBetween } from '../../src/activity/traffic.js';
import type { Persona } from '../../src/activity/persona.js';
import type { CloudTrailRecord, JsonObject } from '../../src/record/types.js';
import { effectOf, LIFECYCLE_OPS, lifecycleOps, NO_AUTO_DELETE_TYPES } from '../../src/catalog/resource-effects.js';
import { effectName, findValue, nameFromValue } from '../../src/estate/registry.js';
import { isGlobalResourceType } from '../../src/world/resources.js';
import { Random } from '../../src/core/random.js';
import { Catalog } from '../../src/catalog/catalog.js';

/** A persona that builds and tears down infrastructure, and reads what it made. */
const BUILDER: Persona = {
  name: 'builder',
  weight: 1,
  identity: { kind: 'role-session', roleName: 'platform-deployer', sessionPrefix: 'deploy', sessionHours: 1 },
  errorRate: 0.05,
  operations: [
    ['ec2:RunInstances', 2], ['ec2:TerminateInstances', 2], ['ec2:StopInstances', 2], ['ec2:DescribeInstanceAttribute', 3], ['ec2:ModifyInstanceAttribute', 1],
    ['ec2:CreateSecurityGroup', 1], ['ec2:AuthorizeSecurityGroupIngress', 2], ['ec2:DeleteSecurityGroup', 1],
    ['rds:CreateDBInstance', 1], ['rds:ModifyDBInstance', 2], ['rds:StopDBInstance', 1], ['rds:DeleteDBInstance', 1], ['rds:RestoreDBInstanceFromDBSnapshot', 1],
    ['dynamodb:CreateTable', 1], ['dynamodb:DescribeTable', 2], ['dynamodb:DeleteTable', 1],
    ['iam:CreateUser', 1], ['iam:GetUser', 2], ['iam:DeleteUser', 1], ['iam:CreateRole', 1], ['iam:GetRole', 2], ['iam:DeleteRole', 1],
    ['s3:CreateBucket', 1], ['s3:DeleteBucket', 1], ['kms:CreateKey', 1], ['kms:DescribeKey', 2], ['kms:ScheduleKeyDeletion', 1],
    ['lambda:CreateFunction', 1], ['lambda:GetFunction', 2], ['lambda:DeleteFunction', 1],
    ['cloudtrail:GetTrailStatus', 1], ['secretsmanager:GetSecretValue', 1],
  ],
};

function world(seed: number): { sim: Simulation; from: number; to: number } {
  const sim = createSimulation({ seed, start: '2026-03-02T00:00:00Z' });
  sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
  return { sim, from: sim.now, to: sim.now + 2 * 86_400_000 };
}

function run(seed: number, rate = '150/h'): { sim: Simulation; records: CloudTrailRecord[]; from: number; to: number } {
  const { sim, from, to } = world(seed);
  sim.addTraffic({ rate, personas: [BUILDER] });
  const records: CloudTrailRecord[] = [];
  sim.onRecord((r) => records.push(r));
  sim.advanceTo(to - 1);
  return { sim, records, from, to };
}

interface Named { type: string; value: string; accountId: string; region: string; bucket?: string }

function named(sim: Simulation, r: CloudTrailRecord): { named: Named; action: string } | undefined {
  const spec = sim.catalog.get(`${r.eventSource}:${r.eventName}`);
  if (!spec) return undefined;
  const e = effectOf(spec);
  if (!e) return undefined;
  const value = effectName(e, (r.requestParameters ?? null) as JsonObject | null, (r.responseElements ?? null) as JsonObject | null);
  if (!value) return undefined;
  const b = findValue(r.requestParameters as JsonObject, 'bucketName');
  return { action: e.action, named: { type: e.type, value, accountId: r.recipientAccountId!, region: isGlobalResourceType(e.type) ? '' : r.awsRegion, bucket: typeof b === 'string' ? b : undefined } };
}

const keyOf = (n: Named) => `${n.type}|${n.accountId}|${n.region}|${nameFromValue(n.type, n.value)}`;

describe('estate registry', () => {
  const { sim, records } = run(5);

  it('generated traffic never uses a resource before its creation or after its deletion (2 days × 2 regions)', () => {
    const inventory = (n: Named) => sim.estate.inventory(n.type, n.accountId, n.region).some((x) => x.name === nameFromValue(n.type, n.value) || x.arn === n.value);
    const alive = new Set<string>();
    const gone = new Set<string>();
    let creates = 0;
    let deletes = 0;
    let uses = 0;
    let notFound = 0;
    for (const r of records) {
      const n = named(sim, r);
      if (!n) continue;
      const k = keyOf(n.named);
      const exists = alive.has(k) || (!gone.has(k) && inventory(n.named));
      if (r.errorCode !== undefined) {
        if (/NotFound|NoSuch/.test(r.errorCode)) {
          notFound++;
          expect(exists, `${r.eventName} fails with ${r.errorCode} on ${k}, which exists`).toBe(false);
        }
        continue;
      }
      if (n.action === 'create') {
        expect(exists, `${r.eventName} creates ${k}, which already exists`).toBe(false);
        alive.add(k);
        gone.delete(k);
        creates++;
      } else {
        expect(exists, `${r.eventName} at ${r.eventTime} names ${k}, which does not exist`).toBe(true);
        uses++;
        if (n.action === 'delete') {
          expect(inventory(n.named), 'generated traffic deletes only what it created').toBe(false);
          alive.delete(k);
          gone.add(k);
          deletes++;
        }
      }
    }
    expect(creates).toBeGreaterThan(20);
    expect(deletes).toBeGreaterThan(20);
    expect(uses).toBeGreaterThan(200);
    expect(notFound).toBeGreaterThan(0);
    // What a shard creates it deletes, except types whose deletion would fire a detection.
    expect([...alive].filter((k) => !NO_AUTO_DELETE_TYPES.has(k.split('|')[0]))).toEqual([]);
  });

  it('each resource keeps its attributes (engine, instance type, KMS key, VPC) in every record', () => {
    const seen = new Map<string, string>();
    let checked = 0;
    for (const r of records) {
      if (r.eventSource !== 'rds.amazonaws.com' || r.errorCode || !r.responseElements) continue;
      const res = r.responseElements as JsonObject;
      const id = res.dBInstanceIdentifier;
      if (typeof id !== 'string') continue;
      const attrs = JSON.stringify([res.engine, res.engineVersion, res.kmsKeyId, (res.dBSubnetGroup as JsonObject).vpcId, res.dBInstanceClass]);
      const k = `${r.recipientAccountId}|${r.awsRegion}|${id}`;
      if (r.eventName === 'ModifyDBInstance' && res.pendingModifiedValues && (res.pendingModifiedValues as JsonObject).dBInstanceClass) continue;
      if (seen.has(k)) {
        expect(attrs, `${r.eventName} ${id}`).toBe(seen.get(k));
        checked++;
      } else seen.set(k, attrs);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('a Lambda function keeps its runtime in every response that shows it', () => {
    const { sim: s } = world(13);
    const dev = s.account('prod').iamUser('dev');
    const created = s.call(dev, 'lambda:CreateFunction', { functionName: 'thumbnailer' }).responseElements as JsonObject;
    for (let i = 0; i < 4; i++) {
      const u = s.call(dev, 'lambda:UpdateFunctionCode', { functionName: 'thumbnailer' }).responseElements as JsonObject;
      expect(u.runtime).toBe(created.runtime);
    }
    const fn = s.estate.inventory('AWS::Lambda::Function', s.account('prod').id, 'us-east-1')[0];
    const a = s.call(dev, 'lambda:UpdateFunctionCode', { functionName: fn.name }).responseElements as JsonObject;
    const b = s.call(dev, 'lambda:UpdateFunctionCode', { functionName: fn.name }).responseElements as JsonObject;
    expect(a.runtime).toBe(b.runtime);
    expect(a.runtime).toBe(s.estate.attributes(fn).runtime);
  });

  it('a restored instance runs its source engine, and keeps it in later records', () => {
    const { sim: s } = world(9);
    const prod = s.account('prod');
    const dev = prod.iamUser('dba');
    const restored = s.call(dev, 'rds:RestoreDBInstanceFromDBSnapshot', { dBInstanceIdentifier: 'orders-restore', dBSnapshotIdentifier: 'orders-final', engine: 'mysql' });
    expect((restored.responseElements as JsonObject).engine).toBe('mysql');
    for (let i = 0; i < 5; i++) {
      const m = s.call(dev, 'rds:ModifyDBInstance', { dBInstanceIdentifier: 'orders-restore' });
      expect((m.responseElements as JsonObject).engine).toBe('mysql');
    }
    // Without an explicit engine the restore takes the source instance's.
    const src = s.estate.inventory('AWS::RDS::DBInstance', prod.id, 'us-east-1')[0];
    const engine = s.estate.attributes(src).engine;
    const r2 = s.call(dev, 'rds:RestoreDBInstanceFromDBSnapshot', { dBInstanceIdentifier: 'copy-2', dBSnapshotIdentifier: `rds:${src.name}-2026-03-01-03-10` });
    expect((r2.responseElements as JsonObject).engine).toBe(engine);
    expect((s.call(dev, 'rds:StopDBInstance', { dBInstanceIdentifier: 'copy-2' }).responseElements as JsonObject).engine).toBe(engine);
  });

  it('Describe calls name only what exists: a user-created instance appears, a terminated one never again', () => {
    const { sim: s } = world(3);
    const prod = s.account('prod');
    const ops = prod.iamUser('ops');
    const run1 = s.call(ops, 'ec2:RunInstances');
    const id = findValue(run1.responseElements as JsonObject, 'instanceId') as string;
    expect(id).toMatch(/^i-[0-9a-f]{17}$/);
    const live = new Set(s.estate.inventory('AWS::EC2::Instance', prod.id, 'us-east-1').map((r) => r.name));
    live.add(id);
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const d = s.call(ops, 'ec2:DescribeInstanceAttribute');
      const got = findValue(d.requestParameters as JsonObject, 'instanceId') as string;
      expect(live.has(got)).toBe(true);
      seen.add(got);
    }
    expect(seen.has(id)).toBe(true);
    s.call(ops, 'ec2:TerminateInstances', { instancesSet: { items: [{ instanceId: id }] } });
    for (let i = 0; i < 60; i++) {
      const d = s.call(ops, 'ec2:DescribeInstanceAttribute');
      expect(findValue(d.requestParameters as JsonObject, 'instanceId')).not.toBe(id);
    }
  });

  it('a call on a deleted resource fails with the service\'s not-found error and responseElements null', () => {
    const { sim: s } = world(4);
    const prod = s.account('prod');
    const admin = prod.iamUser('admin');
    const cases: [string, JsonObject, string, JsonObject, string][] = [
      ['iam:CreateRole', { roleName: 'temp-role' }, 'iam:DeleteRole', { roleName: 'temp-role' }, 'NoSuchEntityException'],
      ['iam:CreateUser', { userName: 'temp-user' }, 'iam:DeleteUser', { userName: 'temp-user' }, 'NoSuchEntityException'],
      ['s3:CreateBucket', { bucketName: 'temp-bucket-123' }, 's3:DeleteBucket', { bucketName: 'temp-bucket-123' }, 'NoSuchBucket'],
      ['dynamodb:CreateTable', { tableName: 'temp-table' }, 'dynamodb:DeleteTable', { tableName: 'temp-table' }, 'ResourceNotFoundException'],
      ['rds:CreateDBInstance', { dBInstanceIdentifier: 'temp-db' }, 'rds:DeleteDBInstance', { dBInstanceIdentifier: 'temp-db' }, 'DBInstanceNotFound'],
      ['lambda:CreateFunction', { functionName: 'temp-fn' }, 'lambda:DeleteFunction', { functionName: 'temp-fn' }, 'ResourceNotFoundException'],
    ];
    const reads: Record<string, string> = { 'iam:DeleteRole': 'iam:GetRole', 'iam:DeleteUser': 'iam:GetUser', 's3:DeleteBucket': 's3:GetBucketPolicy', 'dynamodb:DeleteTable': 'dynamodb:DescribeTable', 'rds:DeleteDBInstance': 'rds:ModifyDBInstance', 'lambda:DeleteFunction': 'lambda:GetFunction' };
    for (const [create, cp, del, dp, code] of cases) {
      expect(s.call(admin, create, cp).errorCode).toBeUndefined();
      expect(s.call(admin, del, dp).errorCode).toBeUndefined();
      const again = s.call(admin, del, dp);
      expect(again.errorCode, del).toBe(code);
      expect(again.responseElements).toBeNull();
      const read = s.call(admin, reads[del], dp);
      if (reads[del] !== 's3:GetBucketPolicy') expect(read.errorCode, reads[del]).toBe(code);
      // Created again, it exists again.
      expect(s.call(admin, create, cp).errorCode).toBeUndefined();
      expect(s.call(admin, del, dp).errorCode).toBeUndefined();
    }
    // EC2 writes the Client. prefix.
    const run1 = s.call(admin, 'ec2:RunInstances');
    const id = findValue(run1.responseElements as JsonObject, 'instanceId') as string;
    s.call(admin, 'ec2:TerminateInstances', { instancesSet: { items: [{ instanceId: id }] } });
    const stop = s.call(admin, 'ec2:StopInstances', { instancesSet: { items: [{ instanceId: id }] } });
    expect(stop.errorCode).toBe('Client.InvalidInstanceID.NotFound');
    expect(stop.errorMessage).toBe(`The instance ID '${id}' does not exist`);
    expect(stop.responseElements).toBeNull();
    // The bare API code still names the mode.
    expect(s.call(admin, 'ec2:StopInstances', undefined, { error: 'InvalidInstanceID.NotFound' }).errorCode).toBe('Client.InvalidInstanceID.NotFound');
  });

  it('user calls win: explicit params are recorded as given, an explicit error is kept, unknown names are taken as existing', () => {
    const { sim: s } = world(6);
    const admin = s.account('prod').iamUser('admin');
    const r = s.call(admin, 'iam:GetRole', { roleName: 'never-seeded' });
    expect(r.errorCode).toBeUndefined();
    expect((r.requestParameters as JsonObject).roleName).toBe('never-seeded');
    s.call(admin, 'iam:DeleteRole', { roleName: 'never-seeded' });
    const denied = s.call(admin, 'iam:GetRole', { roleName: 'never-seeded' }, { error: 'AccessDenied' });
    expect(denied.errorCode).toBe('AccessDenied');
    const exact = s.call(admin, 'rds:CreateDBInstance', { dBInstanceIdentifier: 'pg-1', engine: 'postgres' }, { exactParams: true });
    expect(exact.requestParameters).toEqual({ dBInstanceIdentifier: 'pg-1', engine: 'postgres' });
    expect((exact.responseElements as JsonObject).engine).toBe('postgres');
    expect((s.call(admin, 'rds:RebootDBInstance', { dBInstanceIdentifier: 'pg-1' }).responseElements as JsonObject).engine).toBe('postgres');
  });

  it('CopyObject lists destination and source; an in-place copy lists the object once', () => {
    const { sim: s } = world(7);
    const app = s.account('prod').iamUser('app');
    const inPlace = s.call(app, 's3:CopyObject', { bucketName: 'b1', key: 'k/1.txt' });
    expect(inPlace.resources).toEqual([
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::b1/k/1.txt' },
      { accountId: inPlace.recipientAccountId, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::b1' },
    ]);
    const cross = s.call(app, 's3:CopyObject', { bucketName: 'b2', key: 'dst.txt', 'x-amz-copy-source': 'b1/src%20file.txt' });
    expect(cross.resources!.map((r) => r.ARN)).toEqual(['arn:aws:s3:::b2/dst.txt', 'arn:aws:s3:::b2', 'arn:aws:s3:::b1/src file.txt', 'arn:aws:s3:::b1']);
    expect(cross.resources![2].accountId).toBeUndefined();
  });

  it('KMS names the full key ARN for an alias, the same key every time', () => {
    const { sim: s } = world(8);
    const app = s.account('prod').iamUser('app');
    const a = s.call(app, 'kms:Decrypt', { keyId: 'alias/aws/s3' }).resources![0].ARN;
    const b = s.call(app, 'kms:Decrypt', { keyId: 'alias/aws/s3' }).resources![0].ARN;
    expect(a).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).toBe(a);
    const c = s.call(app, 'kms:GenerateDataKey', { keyId: 'alias/app-data' }).resources![0].ARN;
    expect(s.call(app, 'kms:GenerateDataKey', { keyId: 'alias/app-data' }).resources![0].ARN).toBe(c);
  });

  it('the registry is seeded per shard: each shard generated alone equals its slice of the full run', () => {
    const { sim: full, records: all } = run(12, '60/h');
    const { sim: fresh, from, to } = world(12);
    const traffic = fresh.addTraffic({ rate: '60/h', personas: [BUILDER] });
    let checked = 0;
    const account = fresh.account('prod');
    // Shards in reverse order: nothing may depend on an earlier shard having run.
    for (const day of daysBetween(from, to).reverse()) {
      for (const region of ['eu-west-1', 'us-east-1']) {
        const alone = fresh.generateShard(traffic, { accountId: account.id, region, day }).map((r) => JSON.stringify(r));
        const slice = all.filter((r) => { const k = shardOf(r); return k.region === region && k.day === day; }).map((r) => JSON.stringify(r));
        expect(alone.length).toBeGreaterThan(50);
        expect(alone).toEqual(slice);
        checked++;
      }
    }
    expect(checked).toBe(4);
    expect(full.estate.inventory('AWS::EC2::Instance', account.id, 'eu-west-1').map((r) => r.name)).toEqual(fresh.estate.inventory('AWS::EC2::Instance', account.id, 'eu-west-1').map((r) => r.name));
  });

  it('resources[] as CloudTrail writes it: objects without accountId, ListObjects ARNPrefix, SSM without type, AssumeRole the role', () => {
    const { sim: s } = world(10);
    const prod = s.account('prod');
    const app = prod.iamUser('app');
    const get = s.call(app, 's3:GetObject', { bucketName: 'data-b', key: 'a/b.json' });
    expect(get.resources).toEqual([{ type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::data-b/a/b.json' }, { accountId: prod.id, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::data-b' }]);
    const list = s.call(app, 's3:ListObjects', { bucketName: 'data-b' });
    expect(list.resources![0]).toEqual({ type: 'AWS::S3::Object', ARNPrefix: 'arn:aws:s3:::data-b/' });
    const ssm = s.call(app, 'ssm:GetParameters', { names: ['/app/db/password'] });
    expect(ssm.resources).toEqual([{ ARN: `arn:aws:ssm:us-east-1:${prod.id}:parameter/app/db/password`, accountId: prod.id }]);
    const role = prod.role('deployer');
    const ar = s.call(app, 'sts:AssumeRole', { roleArn: role.arn, roleSessionName: 's1' });
    expect(ar.resources!.some((r) => r.type === 'AWS::IAM::Role' && r.ARN === role.arn)).toBe(true);
  });

  it('model operations name registry resources by their identifiers, with full ARNs, and know deletes', () => {
    const { sim: s } = world(11);
    const prod = s.account('prod');
    const u = prod.iamUser('ops');
    const a = s.call(u, 'access-analyzer:GetAnalyzer');
    const name = (a.requestParameters as JsonObject).analyzerName as string;
    expect(a.resources).toEqual([{ ARN: `arn:aws:access-analyzer:us-east-1:${prod.id}:analyzer/${name}`, accountId: prod.id, type: 'AWS::AccessAnalyzer::Analyzer' }]);
    // The same registry resources recur.
    const names = new Set<string>();
    for (let i = 0; i < 30; i++) names.add((s.call(u, 'access-analyzer:GetAnalyzer').requestParameters as JsonObject).analyzerName as string);
    expect(names.size).toBeLessThanOrEqual(2);
    expect(s.call(u, 'access-analyzer:CreateAnalyzer', { analyzerName: 'org-analyzer', type: 'ORGANIZATION' }).errorCode).toBeUndefined();
    expect(s.call(u, 'access-analyzer:DeleteAnalyzer', { analyzerName: 'org-analyzer' }).errorCode).toBeUndefined();
    const gone = s.call(u, 'access-analyzer:GetAnalyzer', { analyzerName: 'org-analyzer' });
    expect(gone.errorCode).toBe('ResourceNotFoundException');
    expect(gone.responseElements).toBeNull();
  });

  it('a seeded resource keeps the attributes it was given', () => {
    const { sim: s } = world(12);
    const prod = s.account('prod');
    prod.addResource('AWS::RDS::DBInstance', 'billing-db', 'us-east-1', { engine: 'postgres', engineVersion: '15.5' });
    const dba = prod.iamUser('dba');
    for (const op of ['rds:ModifyDBInstance', 'rds:StopDBInstance', 'rds:RebootDBInstance']) {
      const res = s.call(dba, op, { dBInstanceIdentifier: 'billing-db' }).responseElements as JsonObject;
      expect(res.engine).toBe('postgres');
      expect(res.engineVersion).toBe('15.5');
    }
  });

  it('trails made through sim.cloudtrail are in the registry, and gone once deleted', () => {
    const { sim: s } = world(14);
    const prod = s.account('prod');
    const admin = prod.iamUser('admin');
    s.cloudtrail.s3.createBucket('audit-logs-1', { ownerAccountId: prod.id });
    s.cloudtrail.createTrail(admin, { Name: 'org-audit', S3BucketName: 'audit-logs-1' });
    expect(s.estate.find('AWS::CloudTrail::Trail', 'org-audit', prod.id, 'us-east-1', s.now)).toBeDefined();
    expect(s.call(admin, 'cloudtrail:GetTrailStatus', { name: 'org-audit' }).errorCode).toBeUndefined();
    s.cloudtrail.deleteTrail(admin, { Name: 'org-audit' });
    const r = s.call(admin, 'cloudtrail:GetTrailStatus', { name: 'org-audit' });
    expect(r.errorCode).toBe('TrailNotFoundException');
  });

  it('pickLive draws what live() then rng.int would, without the copy: planned, user-made and tombstoned resources', () => {
    const { sim, from: start } = run(12);
    const from = start + 86_400_000; // the last day's shards are still open
    const reg = sim.estate;
    const accountId = [...sim.world.accounts.values()][0].id;
    const types = Object.keys(LIFECYCLE_OPS);
    let planned = 0;
    let compared = 0;
    const check = (user: boolean) => {
      for (const region of ['us-east-1', 'eu-west-1']) {
        const day = new Date(from).toISOString().slice(0, 10);
        const shard = reg.shard(`${accountId}/${region}/${day}`);
        for (const type of types) {
          const ls = shard?.byType.get(type) ?? [];
          planned += ls.length;
          // Across the day, and at each lifecycle's edges (created at t: live; deleted at t: not).
          const times: number[] = [];
          for (let t = from; t < from + 86_400_000; t += 1_111_111) times.push(t);
          for (const l of ls.slice(0, 30)) times.push(l.createdAt - 1, l.createdAt, l.deletedAt - 1, l.deletedAt);
          for (const t of times) {
            const a = new Random(t, [type]);
            const b = new Random(t, [type]);
            const list = reg.live(type, accountId, region, t, shard, user);
            const want = list.length > 0 ? list[a.int(list.length)] : undefined;
            expect(reg.pickLive(type, accountId, region, t, b, shard, user), `${type} ${region} ${t}`).toBe(want);
            expect(b.uint32()).toBe(a.uint32()); // the same draws were taken
            compared++;
          }
        }
      }
    };
    check(false);
    expect(planned).toBeGreaterThan(20);
    // User-made resources (seen by user calls only), then a user's delete (tombstones: the general path).
    reg.userCreate('AWS::DynamoDB::Table', 'orders-user', accountId, 'us-east-1', from + 3_600_000);
    reg.userCreate('AWS::IAM::User', 'carol', accountId, 'us-east-1', from + 7_200_000);
    check(true);
    check(false);
    const some = reg.live('AWS::DynamoDB::Table', accountId, 'us-east-1', from + 43_200_000)[0];
    reg.userDelete('AWS::DynamoDB::Table', some.name, accountId, 'us-east-1', from + 40_000_000);
    check(true);
    expect(compared).toBeGreaterThan(1000);
  });

  it('a call view made from options and one made by viewAt see the same resources, and give their options back', () => {
    const { sim, from: start } = run(12);
    const from = start + 86_400_000;
    const reg = sim.estate;
    const accountId = [...sim.world.accounts.values()][0].id;
    const shard = reg.shard(`${accountId}/us-east-1/${new Date(from).toISOString().slice(0, 10)}`);
    expect(shard).toBeDefined();
    const o = { accountId, region: 'us-east-1', time: from + 43_200_000, shard, binding: undefined, missing: 'AWS::S3::Bucket' as const, user: false };
    const a = reg.view(o);
    const b = reg.viewAt(o.accountId, o.region, o.time, o.shard, o.binding, o.missing);
    expect(a.o).toEqual(o);
    expect(b.o).toEqual(o);
    expect(reg.view({ accountId, region: 'us-east-1', time: 0 }).o.user).toBe(false);
    for (const type of Object.keys(LIFECYCLE_OPS)) {
      const ra = new Random(1, [type]);
      const rb = new Random(1, [type]);
      const x = a.resource(type, ra);
      expect(b.resource(type, rb), type).toEqual(x);
      // A call names one resource per type: the second pick is the first one.
      expect(a.resource(type, ra)).toBe(x);
    }
    // byArn answers as the registry does, asked again or alternately, known or not.
    const arns = [...reg.inventory('AWS::S3::Bucket', accountId, 'us-east-1'), ...reg.inventory('AWS::IAM::Role', accountId, '')].map((r) => r.arn);
    expect(arns.length).toBeGreaterThan(2);
    for (const arn of [arns[0], arns[0], arns[1], arns[0], 'arn:aws:s3:::no-such-bucket', 'arn:aws:s3:::no-such-bucket', arns[2], `${arns[2]}`]) {
      expect(a.byArn(arn), arn).toBe(reg.byArn(arn, shard));
      expect(a.byArn(arn)?.arn).toBe(arn.includes('no-such') ? undefined : arn);
    }
    // missing: the bucket named is not one that exists.
    const bucket = b.resource('AWS::S3::Bucket', new Random(2));
    expect(reg.live('AWS::S3::Bucket', accountId, 'us-east-1', o.time, shard).some((r) => r.arn === bucket.arn)).toBe(false);
  });

  it('every lifecycle type pairs a create and a delete operation the catalog knows', () => {
    for (const [type, ops] of Object.entries(LIFECYCLE_OPS)) {
      const c = sim.catalog.resolve(ops.create);
      const d = sim.catalog.resolve(ops.delete);
      expect(effectOf(c), ops.create).toMatchObject({ action: 'create', type });
      expect(effectOf(d), ops.delete).toMatchObject({ action: 'delete', type });
    }
  });
});

describe('effectOf', () => {
  it('a generated operation creates or deletes only a resource of its own kind; naming another one writes to it', () => {
    const c = Catalog.withDefaults();
    expect(effectOf(c.resolve('access-analyzer:CreateAnalyzer'))).toMatchObject({ action: 'create', type: 'AWS::AccessAnalyzer::Analyzer' });
    expect(effectOf(c.resolve('access-analyzer:DeleteAnalyzer'))).toMatchObject({ action: 'delete', type: 'AWS::AccessAnalyzer::Analyzer' });
    // The whole noun after the verb picks the identifier: the gateway, not its mesh (listed first).
    expect(effectOf(c.resolve('appmesh:CreateVirtualGateway'))).toMatchObject({ action: 'create', type: 'AWS::Appmesh::VirtualGateway', key: 'virtualGatewayName' });
    // CreateAccessPreview names the analyzer that previews: the analyzer goes on existing.
    expect(effectOf(c.resolve('access-analyzer:CreateAccessPreview'))).toMatchObject({ action: 'write', type: 'AWS::AccessAnalyzer::Analyzer' });
    expect(lifecycleOps('AWS::AccessAnalyzer::Analyzer')).toEqual({ create: 'access-analyzer.amazonaws.com:CreateAnalyzer', delete: 'access-analyzer.amazonaws.com:DeleteAnalyzer' });
    // Across the models: every create or delete effect is Create<Kind> / Delete<Kind> of its type.
    let checked = 0;
    for (const spec of c.list({ origin: 'model' })) {
      const e = effectOf(spec);
      if (e?.action !== 'create' && e?.action !== 'delete') continue;
      const kind = e.type.slice(e.type.lastIndexOf(':') + 1).toLowerCase();
      expect(spec.name.toLowerCase(), `${spec.eventSource}:${spec.name}`).toBe(`${e.action}${kind}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('answers a spec that is not frozen afresh: an edited service or name gets its own effect', () => {
    const spec = { service: 'iam', name: 'CreateUser', eventSource: 'iam.amazonaws.com', readOnly: false, category: 'Management' as const, request: () => ({}) };
    expect(effectOf(spec)?.action).toBe('create');
    spec.name = 'DeleteUser';
    expect(effectOf(spec)?.action).toBe('delete');
    spec.name = 'GetAccountSummary';
    expect(effectOf(spec)).toBeUndefined();
  });
});
