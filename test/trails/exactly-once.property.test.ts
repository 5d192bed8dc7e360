/**
 * Property: every record a trail's scope and selectors take while it logs lands exactly
 * once in that trail's delivered files, and no other record does, across random
 * selectors (basic and advanced), Regions, multi-Region / organization trails and
 * accounts. The oracle for scope is written here independently of scope.ts; selection
 * uses `selects`, which selectors.test.ts pins down on its own.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../src/simulation.js';
import { attachCloudTrail } from '../../src/cloudtrail/trails/service.js';
import { selects } from '../../src/cloudtrail/trails/selectors.js';
import { parseCloudTrailKey } from '../../src/cloudtrail/trails/object-keys.js';
import type { AdvancedEventSelector, EventSelector, TrailSelectors } from '../../src/cloudtrail/trails/types.js';
import type { CloudTrailRecord, JsonObject } from '../../src/record/types.js';
import type { Account } from '../../src/world/account.js';
import { copyId, deliveredRecords } from './helpers.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-south-1'];

type SelectorTemplate =
  | { kind: 'default' }
  | { kind: 'basic'; rw: 'ReadOnly' | 'WriteOnly' | 'All'; mgmt: boolean; excludeKms: boolean; s3: 'none' | 'all' | 'bucket' | 'empty'; lambda: 'none' | 'all' | 'one'; dynamo: boolean }
  | { kind: 'advanced'; mgmt: 'none' | 'all' | 'read' | 'write'; data: ('s3' | 's3-not-bucket' | 'lambda' | 'dynamo-get' | 'sqs')[] };

interface TrailTemplate {
  owner: number;
  home: string;
  multi: boolean;
  global: boolean;
  org: boolean;
  sel: SelectorTemplate;
  stopAt: number;
}

const selArb: fc.Arbitrary<SelectorTemplate> = fc.oneof(
  fc.constant({ kind: 'default' as const }),
  fc.record({
    kind: fc.constant('basic' as const),
    rw: fc.constantFrom('ReadOnly' as const, 'WriteOnly' as const, 'All' as const),
    mgmt: fc.boolean(),
    excludeKms: fc.boolean(),
    s3: fc.constantFrom('none' as const, 'all' as const, 'bucket' as const, 'empty' as const),
    lambda: fc.constantFrom('none' as const, 'all' as const, 'one' as const),
    dynamo: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('advanced' as const),
    mgmt: fc.constantFrom('none' as const, 'all' as const, 'read' as const, 'write' as const),
    data: fc.subarray(['s3', 's3-not-bucket', 'lambda', 'dynamo-get', 'sqs'] as const),
  }),
);

const trailArb: fc.Arbitrary<TrailTemplate> = fc
  .record({ owner: fc.nat(2), home: fc.constantFrom(...REGIONS), multi: fc.boolean(), global: fc.boolean(), org: fc.boolean(), sel: selArb, stopAt: fc.double({ min: 0.3, max: 1.2, noNaN: true }) })
  .map((t) => ({ ...t, global: t.multi ? true : t.global }));

const scenarioArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  accounts: fc.integer({ min: 1, max: 3 }),
  organization: fc.boolean(),
  trails: fc.array(trailArb, { minLength: 1, maxLength: 3 }),
  steps: fc.array(fc.tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.integer({ min: 0, max: 400 })), { minLength: 30, maxLength: 120 }),
});

function buildSelectors(t: SelectorTemplate, owner: Account): TrailSelectors | undefined {
  const bucket = owner.resources('AWS::S3::Bucket')[0];
  const fn = owner.resources('AWS::Lambda::Function', owner.defaultRegion)[0];
  if (t.kind === 'default') return undefined;
  if (t.kind === 'basic') {
    const dr: NonNullable<EventSelector['DataResources']> = [];
    if (t.s3 === 'all') dr.push({ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] });
    if (t.s3 === 'bucket') dr.push({ Type: 'AWS::S3::Object', Values: [`${bucket.arn}/`] });
    if (t.s3 === 'empty') dr.push({ Type: 'AWS::S3::Object', Values: [] });
    if (t.lambda === 'all') dr.push({ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] });
    if (t.lambda === 'one') dr.push({ Type: 'AWS::Lambda::Function', Values: [fn.arn] });
    if (t.dynamo) dr.push({ Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb'] });
    return { EventSelectors: [{ ReadWriteType: t.rw, IncludeManagementEvents: t.mgmt, DataResources: dr, ExcludeManagementEventSources: t.excludeKms ? ['kms.amazonaws.com'] : [] }] };
  }
  const adv: AdvancedEventSelector[] = [];
  if (t.mgmt !== 'none') {
    const fs: AdvancedEventSelector['FieldSelectors'] = [{ Field: 'eventCategory', Equals: ['Management'] }];
    if (t.mgmt !== 'all') fs.push({ Field: 'readOnly', Equals: [t.mgmt === 'read' ? 'true' : 'false'] });
    adv.push({ Name: 'management', FieldSelectors: fs });
  }
  for (const d of t.data) {
    const data = { Field: 'eventCategory', Equals: ['Data'] };
    if (d === 's3') adv.push({ FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] });
    if (d === 's3-not-bucket') adv.push({ FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'resources.ARN', NotStartsWith: [`${bucket.arn}/`] }, { Field: 'eventName', NotEquals: ['ListObjects'] }] });
    if (d === 'lambda') adv.push({ FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }, { Field: 'readOnly', Equals: ['false'] }] });
    if (d === 'dynamo-get') adv.push({ FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }, { Field: 'eventName', StartsWith: ['Get', 'Query'] }] });
    if (d === 'sqs') adv.push({ FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::SQS::Queue'] }] });
  }
  return adv.length > 0 ? { AdvancedEventSelectors: adv } : { EventSelectors: [{ IncludeManagementEvents: false }] };
}

const OPS: [string, boolean][] = [
  ['iam:CreateUser', false], ['iam:ListUsers', false], ['sts:GetCallerIdentity', false], ['ec2:DescribeInstances', false], ['ec2:RunInstances', false],
  ['kms:Decrypt', false], ['s3:GetObject', true], ['s3:PutObject', true], ['s3:ListObjects', true], ['lambda:Invoke', false], ['dynamodb:GetItem', false],
  ['dynamodb:PutItem', false], ['sqs:SendMessage', false], ['signin:ConsoleLogin', false], ['s3:CreateBucket', false],
];

const GLOBAL_SOURCES = new Set(['iam.amazonaws.com', 'sts.amazonaws.com', 'signin.amazonaws.com', 'cloudfront.amazonaws.com']);

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function runScenario(sc: Scenario): void {
  const sim = createSimulation({ seed: sc.seed, start: '2026-05-01T00:00:00Z' });
  const accounts: Account[] = [];
  for (let i = 0; i < sc.accounts; i++) {
    const regions = REGIONS.slice(0, 1 + ((sc.seed + i) % REGIONS.length));
    accounts.push(sim.addAccount({ name: `acct-${i}`, regions }, { buckets: 2, objectsPerBucket: 2, instances: 1, functions: 1, tables: 1 }));
  }
  const org = sc.organization ? sim.createOrganization(accounts[0]) : undefined;
  const ct = attachCloudTrail(sim);
  ct.s3.createBucket('central-trail-logs');
  const trails: { name: string; prefix: string; t: TrailTemplate; owner: Account; selectors: TrailSelectors | undefined; start?: number; stop?: number }[] = [];
  sc.trails.forEach((t, i) => {
    const isOrg = t.org && org !== undefined;
    const owner = isOrg ? accounts[0] : accounts[t.owner % accounts.length];
    const admin = owner.iamUser('admin');
    const name = `trail-${i}`;
    const prefix = `t${i}`;
    ct.createTrail(admin, { Name: name, S3BucketName: 'central-trail-logs', S3KeyPrefix: prefix, IsMultiRegionTrail: t.multi, IncludeGlobalServiceEvents: t.global, IsOrganizationTrail: isOrg }, { region: t.home });
    const selectors = buildSelectors(t.sel, owner);
    if (selectors) ct.putEventSelectors(admin, { TrailName: name, ...selectors }, { region: t.home });
    const stored = ct.getEventSelectors(admin, { TrailName: name }, { region: t.home });
    trails.push({ name, prefix, t: { ...t, org: isOrg }, owner, selectors: { EventSelectors: stored.EventSelectors, AdvancedEventSelectors: stored.AdvancedEventSelectors } });
  });
  for (const tr of trails) {
    tr.start = sim.records().length;
    ct.startLogging(tr.owner.iamUser('admin'), { Name: tr.name }, { region: tr.t.home });
  }
  const stopAt = (tr: (typeof trails)[number]) => Math.floor(tr.t.stopAt * sc.steps.length);
  sc.steps.forEach(([who, op, where, secs], i) => {
    for (const tr of trails) {
      if (tr.stop === undefined && stopAt(tr) === i) {
        ct.stopLogging(tr.owner.iamUser('admin'), { Name: tr.name }, { region: tr.t.home });
        tr.stop = sim.records().length - 1;
      }
    }
    const acct = accounts[who % accounts.length];
    const principal = acct.iamUser(who % 2 ? 'alice' : 'bob');
    const [opName, crossAccount] = OPS[op % OPS.length];
    const region = acct.regions[where % acct.regions.length];
    const params: JsonObject = crossAccount && accounts.length > 1 && where % 3 === 0 ? { bucketName: accounts[(who + 1) % accounts.length].resources('AWS::S3::Bucket')[0].name } : {};
    sim.call(principal, opName, params, { region });
    sim.advance(secs * 1000);
  });
  sim.advance('7m');
  for (const tr of trails) {
    if (tr.stop === undefined) {
      ct.stopLogging(tr.owner.iamUser('admin'), { Name: tr.name }, { region: tr.t.home });
      tr.stop = sim.records().length - 1;
    }
  }
  const all = sim.records();
  const orgAccounts = new Set(org?.accountIds ?? []);
  const delivered = deliveredRecords(ct.s3);
  for (const tr of trails) {
    const expected = new Set<string>();
    for (let i = tr.start!; i <= tr.stop!; i++) {
      const r = all[i];
      const acct = r.recipientAccountId ?? '';
      const accountOk = acct === tr.owner.id || (tr.t.org && orgAccounts.has(acct));
      const regionOk = tr.t.multi || r.awsRegion === tr.t.home;
      const globalOk = tr.t.global || !(r.eventSource !== undefined && GLOBAL_SOURCES.has(r.eventSource) && r.awsRegion === 'us-east-1');
      if (accountOk && regionOk && globalOk && selects(tr.selectors, r)) expected.add(copyId(r));
    }
    const mine = delivered.filter((d) => parseCloudTrailKey(d.key)!.prefix === tr.prefix);
    const counts = new Map<string, number>();
    for (const d of mine) counts.set(copyId(d.record), (counts.get(copyId(d.record)) ?? 0) + 1);
    expect(new Set(counts.keys())).toEqual(expected);
    for (const [id, c] of counts) expect(c, id).toBe(1);
    // Files sit under the account and Region of their records.
    for (const d of mine) {
      const p = parseCloudTrailKey(d.key)!;
      expect(p.accountId).toBe(d.record.recipientAccountId);
      expect(p.region).toBe(d.record.awsRegion);
      expect(p.organizationId).toBe(tr.t.org ? org!.id : undefined);
    }
    // And are the records as recorded, byte for byte once re-serialised.
    const byId = new Map(all.map((r) => [copyId(r), r] as [string, CloudTrailRecord]));
    for (const d of mine) expect(JSON.stringify(d.record)).toBe(JSON.stringify(byId.get(copyId(d.record))));
  }
}

describe('trail delivery', () => {
  it('delivers every record a trail takes exactly once, and nothing else', () => {
    fc.assert(fc.property(scenarioArb, runScenario), { numRuns: process.env.TRAILSIM_LONG ? 300 : 25 });
  });
});
