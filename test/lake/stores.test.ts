/**
 * Event data stores: Create/Get/List/Update/Delete/Restore semantics and errors, what a
 * store ingests (scope, selectors, kinds), and the CloudTrail events the calls leave.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../src/simulation.js';
import { Lake } from '../../src/cloudtrail/lake/lake.js';
import { MS_PER_DAY } from '../../src/core/time.js';
import type { Account } from '../../src/world/account.js';
import type { IamUserPrincipal } from '../../src/world/principal.js';
import type { CloudTrailRecord, InsightRecord } from '../../src/record/types.js';
import { iamUserIdentity, makeRecord } from './support.js';

let lake: Lake | undefined;
afterEach(async () => {
  await lake?.close();
  lake = undefined;
});

function setup(opts: { recordApiCalls?: boolean } = {}): { sim: Simulation; lake: Lake; prod: Account; admin: IamUserPrincipal } {
  const sim = createSimulation({ seed: 11, start: '2026-03-01T00:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', id: '111122223333', regions: ['us-east-1', 'eu-west-1'] });
  const admin = prod.iamUser('admin');
  lake = new Lake(sim, { recordApiCalls: opts.recordApiCalls });
  return { sim, lake, prod, admin };
}

const insight = (account: string, at: string): InsightRecord => ({
  eventVersion: '1.11', eventTime: at, awsRegion: 'us-east-1', eventID: '11111111-2222-4333-8444-555555555555', eventType: 'AwsCloudTrailInsight',
  recipientAccountId: account, sharedEventID: '11111111-2222-4333-8444-666666666666', eventCategory: 'Insight',
  insightDetails: { state: 'Start', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', insightType: 'ApiCallRateInsight', insightContext: { statistics: { baseline: { average: 0.01 }, insight: { average: 5 }, baselineDuration: 10080 } } },
});

describe('CreateEventDataStore', () => {
  it('defaults: all management events, 366 days, extendable pricing, protected, multi-Region', () => {
    const { lake, admin, sim } = setup();
    const out = lake.createEventDataStore(admin, { Name: 'audit' });
    expect(out).toMatchObject({
      Name: 'audit', Status: 'CREATED', RetentionPeriod: 366, BillingMode: 'EXTENDABLE_RETENTION_PRICING', TerminationProtectionEnabled: true,
      MultiRegionEnabled: true, OrganizationEnabled: false, TagsList: [],
      AdvancedEventSelectors: [{ Name: 'Default management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
    });
    expect(out.EventDataStoreArn).toMatch(/^arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore\/[0-9a-f-]{36}$/);
    expect(out.CreatedTimestamp).toEqual(new Date(sim.now));
    expect(lake.getEventDataStore(admin, { EventDataStore: out.EventDataStoreArn }).Status).toBe('ENABLED');
    expect(setup().lake.createEventDataStore(setup().admin, { Name: 'audit' }).EventDataStoreArn).toBe(out.EventDataStoreArn);
  });

  it('FIXED pricing defaults to 2557 days; bounds are 7..3653 (extendable) and 7..2557 (fixed)', () => {
    const { lake, admin } = setup();
    expect(lake.createEventDataStore(admin, { Name: 'fixed', BillingMode: 'FIXED_RETENTION_PRICING' }).RetentionPeriod).toBe(2557);
    expect(lake.createEventDataStore(admin, { Name: 'min', RetentionPeriod: 7 }).RetentionPeriod).toBe(7);
    expect(lake.createEventDataStore(admin, { Name: 'max', RetentionPeriod: 3653 }).RetentionPeriod).toBe(3653);
    for (const [RetentionPeriod, BillingMode] of [[6, undefined], [3654, undefined], [2558, 'FIXED_RETENTION_PRICING'], [30.5, undefined]] as const) {
      expect(() => lake.createEventDataStore(admin, { Name: 'bad', RetentionPeriod, BillingMode })).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringMatching(/RetentionPeriod must be an integer between 7 and (3653|2557)/) }));
    }
    expect(() => lake.createEventDataStore(admin, { Name: 'bad', BillingMode: 'CHEAP' as never })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
  });

  it('refuses a duplicate or malformed name, and records the failed call', () => {
    const { lake, admin, sim } = setup();
    lake.createEventDataStore(admin, { Name: 'audit' });
    expect(() => lake.createEventDataStore(admin, { Name: 'audit' })).toThrow(expect.objectContaining({ name: 'EventDataStoreAlreadyExistsException', message: 'An event data store with the name audit already exists.' }));
    const last = sim.records().at(-1)!;
    expect(last).toMatchObject({ eventName: 'CreateEventDataStore', errorCode: 'EventDataStoreAlreadyExistsException', requestParameters: { name: 'audit' } });
    expect(() => lake.createEventDataStore(admin, { Name: 'no spaces' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(() => lake.createEventDataStore(admin, { Name: 'ab' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    // The same name is free in another Region.
    expect(lake.createEventDataStore(admin, { Name: 'audit' }, { region: 'eu-west-1' }).EventDataStoreArn).toContain(':eu-west-1:');
    expect(lake.listEventDataStores(admin).EventDataStores).toHaveLength(1);
  });

  it('validates advanced event selectors', () => {
    const { lake, admin } = setup();
    const bad = (AdvancedEventSelectors: unknown, match: RegExp) =>
      expect(() => lake.createEventDataStore(admin, { Name: 'xyz', AdvancedEventSelectors: AdvancedEventSelectors as never })).toThrow(expect.objectContaining({ name: 'InvalidEventSelectorsException', message: expect.stringMatching(match) }));
    const mgmt = { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] };
    bad([], /non-empty/);
    bad(Array(6).fill(mgmt), /up to 5/);
    bad([{ FieldSelectors: [{ Field: 'eventName', Equals: ['X'] }] }], /eventCategory is required/);
    bad([mgmt, { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }] }], /either CloudTrail events .* or Insights events/);
    bad([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }], /resources.type is not supported for Management/);
    bad([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] }], /resources.type is required for Data/);
    bad([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', StartsWith: ['t'] }] }], /only the Equals operator/);
    bad([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['yes'] }] }], /true or false/);
    bad([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventName' }] }], /at least one operator/);
    bad([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventName', Equals: [''] }] }], /1 to 2048/);
    bad([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }, { Field: 'eventName', Equals: ['X'] }] }], /not supported for Insight/);
    bad([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['NetworkActivity'] }, { Field: 'eventSource', Equals: ['s3.amazonaws.com'] }, { Field: 'errorCode', Equals: ['AccessDenied'] }] }], /VpceAccessDenied/);
    bad([{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'sessionCredentialFromConsole', StartsWith: ['t'] }] }], /Equals and NotEquals/);
    expect(lake.listEventDataStores(admin).EventDataStores).toEqual([]);
  });

  it('an organization store needs the organization and its management account', () => {
    const { lake, admin, sim, prod } = setup();
    expect(() => lake.createEventDataStore(admin, { Name: 'org', OrganizationEnabled: true })).toThrow(expect.objectContaining({ name: 'OrganizationsNotInUseException' }));
    const mgmt = sim.addAccount({ name: 'mgmt', id: '999988887777' });
    sim.createOrganization(mgmt);
    expect(() => lake.createEventDataStore(admin, { Name: 'org', OrganizationEnabled: true })).toThrow(expect.objectContaining({ name: 'NotOrganizationMasterAccountException' }));
    const org = lake.createEventDataStore(mgmt.iamUser('root-admin'), { Name: 'org', OrganizationEnabled: true });
    sim.call(prod.iamUser('alice'), 'iam:ListUsers');
    expect(lake.events(org.EventDataStoreArn).map((r) => [r.recipientAccountId, r.eventName])).toContainEqual(['111122223333', 'ListUsers']);
  });

  it('at most ten stores per account and Region; stores pending deletion still count', () => {
    const { lake, admin } = setup({ recordApiCalls: false });
    const arns = Array.from({ length: 10 }, (_, i) => lake.createEventDataStore(admin, { Name: `s${i}x`, TerminationProtectionEnabled: false }).EventDataStoreArn);
    expect(() => lake.createEventDataStore(admin, { Name: 'eleven' })).toThrow(expect.objectContaining({ name: 'EventDataStoreMaxLimitExceededException' }));
    lake.deleteEventDataStore(admin, { EventDataStore: arns[0] });
    expect(lake.createEventDataStore(admin, { Name: 'eleven' }).Name).toBe('eleven');
    expect(() => lake.restoreEventDataStore(admin, { EventDataStore: arns[0] })).toThrow(expect.objectContaining({ name: 'EventDataStoreMaxLimitExceededException' }));
  });

  it('rejects tags AWS would reject', () => {
    const { lake, admin } = setup();
    expect(() => lake.createEventDataStore(admin, { Name: 'tagged', TagsList: [{ Key: 'aws:x', Value: 'y' }] })).toThrow(expect.objectContaining({ name: 'InvalidTagParameterException' }));
    expect(lake.createEventDataStore(admin, { Name: 'tagged', TagsList: [{ Key: 'team', Value: 'sec' }] }).TagsList).toEqual([{ Key: 'team', Value: 'sec' }]);
  });
});

describe('Get, List', () => {
  it('finds a store by ARN or ID in the caller account and Region only', () => {
    const { lake, admin, sim } = setup();
    const { EventDataStoreArn: arn } = lake.createEventDataStore(admin, { Name: 'audit' });
    const id = arn.split('/')[1];
    expect(lake.getEventDataStore(admin, { EventDataStore: id }).EventDataStoreArn).toBe(arn);
    expect(() => lake.getEventDataStore(admin, { EventDataStore: id }, { region: 'eu-west-1' })).toThrow(expect.objectContaining({ name: 'EventDataStoreNotFoundException', message: `The specified event data store ${id} was not found.` }));
    const other = sim.addAccount({ name: 'other' }).iamUser('eve');
    expect(() => lake.getEventDataStore(other, { EventDataStore: arn })).toThrow(expect.objectContaining({ name: 'EventDataStoreNotFoundException' }));
    expect(() => lake.getEventDataStore(admin, { EventDataStore: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/x' })).toThrow(expect.objectContaining({ name: 'EventDataStoreARNInvalidException' }));
    expect(() => lake.getEventDataStore(admin, { EventDataStore: 'a b' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
  });

  it('lists ARN and name only, in pages', () => {
    const { lake, admin } = setup();
    const arns = ['a1x', 'b2x', 'c3x'].map((Name) => lake.createEventDataStore(admin, { Name }).EventDataStoreArn);
    const p1 = lake.listEventDataStores(admin, { MaxResults: 2 });
    expect(p1.EventDataStores).toEqual([{ EventDataStoreArn: arns[0], Name: 'a1x' }, { EventDataStoreArn: arns[1], Name: 'b2x' }]);
    const p2 = lake.listEventDataStores(admin, { MaxResults: 2, NextToken: p1.NextToken });
    expect(p2).toEqual({ EventDataStores: [{ EventDataStoreArn: arns[2], Name: 'c3x' }] });
    expect(() => lake.listEventDataStores(admin, { NextToken: 'garbage!' })).toThrow(expect.objectContaining({ name: 'InvalidNextTokenException' }));
    expect(() => lake.listEventDataStores(admin, { NextToken: p1.NextToken }, { region: 'eu-west-1' })).toThrow(expect.objectContaining({ name: 'InvalidNextTokenException' }));
    expect(() => lake.listEventDataStores(admin, { MaxResults: 0 })).toThrow(expect.objectContaining({ name: 'InvalidMaxResultsException' }));
    expect(lake.listEventDataStores(admin, {}, { region: 'eu-west-1' }).EventDataStores).toEqual([]);
  });
});

describe('UpdateEventDataStore', () => {
  it('billing mode goes from FIXED to EXTENDABLE, never back', () => {
    const { lake, admin } = setup();
    const { EventDataStoreArn: arn } = lake.createEventDataStore(admin, { Name: 'fixed', BillingMode: 'FIXED_RETENTION_PRICING' });
    expect(() => lake.updateEventDataStore(admin, { EventDataStore: arn, RetentionPeriod: 3000 })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    const up = lake.updateEventDataStore(admin, { EventDataStore: arn, BillingMode: 'EXTENDABLE_RETENTION_PRICING', RetentionPeriod: 3000 });
    expect(up).toMatchObject({ BillingMode: 'EXTENDABLE_RETENTION_PRICING', RetentionPeriod: 3000 });
    expect(() => lake.updateEventDataStore(admin, { EventDataStore: arn, BillingMode: 'FIXED_RETENTION_PRICING' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringContaining('EXTENDABLE_RETENTION_PRICING to FIXED_RETENTION_PRICING') }));
    expect(lake.getEventDataStore(admin, { EventDataStore: arn }).BillingMode).toBe('EXTENDABLE_RETENTION_PRICING');
  });

  it('needs a change, keeps the store kind, and shortening retention drops older events', () => {
    const { lake, admin, sim, prod } = setup({ recordApiCalls: false });
    const { EventDataStoreArn: arn } = lake.createEventDataStore(admin, { Name: 'audit', RetentionPeriod: 90 });
    sim.call(prod.iamUser('alice'), 'iam:ListUsers');
    sim.advance('20d');
    sim.call(prod.iamUser('alice'), 'iam:GetUser', { userName: 'alice' });
    sim.advance('1d');
    expect(lake.events(arn).map((r) => r.eventName)).toEqual(['ListUsers', 'GetUser']);
    expect(() => lake.updateEventDataStore(admin, { EventDataStore: arn })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(() => lake.updateEventDataStore(admin, { EventDataStore: arn, AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }] }] })).toThrow(expect.objectContaining({ name: 'InvalidEventSelectorsException' }));
    const before = sim.now;
    sim.advance('1m');
    const up = lake.updateEventDataStore(admin, { EventDataStore: arn, RetentionPeriod: 7 });
    expect(up.UpdatedTimestamp.getTime()).toBeGreaterThan(before);
    expect(lake.events(arn).map((r) => r.eventName)).toEqual(['GetUser']);
    lake.updateEventDataStore(admin, { EventDataStore: arn, Name: 'renamed', TerminationProtectionEnabled: false });
    expect(lake.getEventDataStore(admin, { EventDataStore: arn })).toMatchObject({ Name: 'renamed', TerminationProtectionEnabled: false, RetentionPeriod: 7 });
  });

  it('changing selectors changes what is ingested next', () => {
    const { lake, admin, sim, prod } = setup({ recordApiCalls: false });
    const { EventDataStoreArn: arn } = lake.createEventDataStore(admin, { Name: 'audit' });
    lake.updateEventDataStore(admin, { EventDataStore: arn, AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] }] });
    sim.call(prod.iamUser('alice'), 'iam:ListUsers');
    sim.call(prod.iamUser('alice'), 'iam:CreateUser', { userName: 'bob' });
    expect(lake.events(arn).map((r) => r.eventName)).toEqual(['CreateUser']);
  });
});

describe('DeleteEventDataStore and RestoreEventDataStore', () => {
  it('termination protection blocks deletion until turned off', () => {
    const { lake, admin, sim } = setup();
    const { EventDataStoreArn: arn } = lake.createEventDataStore(admin, { Name: 'audit' });
    expect(() => lake.deleteEventDataStore(admin, { EventDataStore: arn })).toThrow(expect.objectContaining({ name: 'EventDataStoreTerminationProtectedException' }));
    expect(sim.records().at(-1)).toMatchObject({ eventName: 'DeleteEventDataStore', errorCode: 'EventDataStoreTerminationProtectedException' });
    expect(lake.getEventDataStore(admin, { EventDataStore: arn }).Status).toBe('ENABLED');
    lake.updateEventDataStore(admin, { EventDataStore: arn, TerminationProtectionEnabled: false });
    expect(lake.deleteEventDataStore(admin, { EventDataStore: arn })).toEqual({});
    expect(lake.getEventDataStore(admin, { EventDataStore: arn }).Status).toBe('PENDING_DELETION');
  });

  it('PENDING_DELETION for seven days: no ingestion, no queries, restorable with its events; then gone', async () => {
    const { lake, admin, sim, prod } = setup({ recordApiCalls: false });
    const { EventDataStoreArn: arn } = lake.createEventDataStore(admin, { Name: 'audit', TerminationProtectionEnabled: false });
    const id = arn.split('/')[1];
    sim.call(prod.iamUser('alice'), 'iam:ListUsers');
    expect(() => lake.restoreEventDataStore(admin, { EventDataStore: arn })).toThrow(expect.objectContaining({ name: 'InvalidEventDataStoreStatusException' }));
    lake.deleteEventDataStore(admin, { EventDataStore: arn });
    expect(() => lake.deleteEventDataStore(admin, { EventDataStore: arn })).toThrow(expect.objectContaining({ name: 'InactiveEventDataStoreException' }));
    expect(() => lake.updateEventDataStore(admin, { EventDataStore: arn, RetentionPeriod: 30 })).toThrow(expect.objectContaining({ name: 'InactiveEventDataStoreException' }));
    await expect(lake.startQuery(admin, { QueryStatement: `SELECT * FROM ${id}` })).rejects.toMatchObject({ name: 'InactiveEventDataStoreException' });
    sim.call(prod.iamUser('alice'), 'iam:GetUser', { userName: 'alice' });
    sim.advance(7 * MS_PER_DAY - 1);
    const restored = lake.restoreEventDataStore(admin, { EventDataStore: arn });
    expect(restored.Status).toBe('ENABLED');
    expect(lake.events(arn).map((r) => r.eventName)).toEqual(['ListUsers']);
    lake.deleteEventDataStore(admin, { EventDataStore: arn });
    sim.advance(7 * MS_PER_DAY);
    expect(() => lake.getEventDataStore(admin, { EventDataStore: arn })).toThrow(expect.objectContaining({ name: 'EventDataStoreNotFoundException' }));
    expect(() => lake.restoreEventDataStore(admin, { EventDataStore: arn })).toThrow(expect.objectContaining({ name: 'EventDataStoreNotFoundException' }));
    expect(lake.listEventDataStores(admin).EventDataStores).toEqual([]);
  });

  it('a store created with StartIngestion false ingests nothing', () => {
    const { lake, admin, sim, prod } = setup({ recordApiCalls: false });
    const { EventDataStoreArn: arn } = lake.createEventDataStore(admin, { Name: 'cold', StartIngestion: false });
    expect(lake.getEventDataStore(admin, { EventDataStore: arn }).Status).toBe('STOPPED_INGESTION');
    sim.call(prod.iamUser('alice'), 'iam:ListUsers');
    expect(lake.events(arn)).toEqual([]);
  });
});

describe('ingestion', () => {
  it('multi-Region stores take every Region, single-Region stores their own; other accounts never', () => {
    const { lake, admin, sim, prod } = setup({ recordApiCalls: false });
    const multi = lake.createEventDataStore(admin, { Name: 'multi' }).EventDataStoreArn;
    const single = lake.createEventDataStore(admin, { Name: 'single', MultiRegionEnabled: false }, { region: 'eu-west-1' }).EventDataStoreArn;
    const alice = prod.iamUser('alice');
    sim.call(alice, 'ec2:DescribeInstances', undefined, { region: 'eu-west-1' });
    sim.call(alice, 'ec2:DescribeInstances', undefined, { region: 'us-east-1' });
    sim.call(sim.addAccount({ name: 'other' }).iamUser('eve'), 'ec2:DescribeInstances');
    expect(lake.events(multi).map((r) => r.awsRegion)).toEqual(['eu-west-1', 'us-east-1']);
    expect(lake.events(single).map((r) => r.awsRegion)).toEqual(['eu-west-1']);
  });

  it('selectors pick data events by resource type and ARN prefix, management events by name and caller', () => {
    const { lake, admin, sim, prod } = setup({ recordApiCalls: false });
    const data = lake.createEventDataStore(admin, {
      Name: 'objects',
      AdvancedEventSelectors: [{ Name: 'logs bucket objects', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::logs/'] }] }],
    }).EventDataStoreArn;
    const mgmt = lake.createEventDataStore(admin, {
      Name: 'writes-by-admins',
      AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventName', NotStartsWith: ['List', 'Get'] }, { Field: 'userIdentity.arn', EndsWith: [':user/alice'] }] }],
    }).EventDataStoreArn;
    const id = prod.id;
    const obj = (bucket: string) => makeRecord(id, '2026-03-01T00:00:00Z', iamUserIdentity(id, 'alice'), {
      eventSource: 's3.amazonaws.com', eventName: 'GetObject', eventCategory: 'Data', managementEvent: false, readOnly: true,
      resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/a.txt` }, { accountId: id, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` }],
    });
    sim.ingest(obj('logs'));
    sim.ingest(obj('other'));
    const alice = prod.iamUser('alice');
    sim.call(alice, 'iam:CreateUser', { userName: 'x' });
    sim.call(alice, 'iam:ListUsers');
    sim.call(prod.iamUser('bob'), 'iam:CreateUser', { userName: 'y' });
    expect(lake.events(data).map((r) => r.resources![0].ARN)).toEqual(['arn:aws:s3:::logs/a.txt']);
    expect(lake.events(mgmt).map((r) => [r.eventName, r.userIdentity!.userName])).toEqual([['CreateUser', 'alice']]);
  });

  it('an Insights store takes Insights events only; a CloudTrail events store never does', () => {
    const { lake, admin, sim, prod } = setup({ recordApiCalls: false });
    const ins = lake.createEventDataStore(admin, { Name: 'insights', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }] }] }).EventDataStoreArn;
    const mgmt = lake.createEventDataStore(admin, { Name: 'mgmt' }).EventDataStoreArn;
    sim.ingest(insight(prod.id, '2026-03-01T00:00:00Z'));
    sim.call(prod.iamUser('alice'), 'iam:ListUsers');
    expect(lake.events(ins).map((r) => r.eventCategory)).toEqual(['Insight']);
    expect(lake.events(mgmt).map((r) => r.eventCategory)).toEqual(['Management']);
  });

  it('keeps events compactly and gives them back as ingested', () => {
    const { lake, admin, sim, prod } = setup({ recordApiCalls: false });
    const arn = lake.createEventDataStore(admin, { Name: 'audit' }).EventDataStoreArn;
    const alice = prod.iamUser('alice');
    const made: CloudTrailRecord[] = [];
    for (let i = 0; i < 50; i++) {
      made.push(sim.call(alice, i % 2 ? 'iam:CreateUser' : 'ec2:DescribeInstances', i % 2 ? { userName: `u${i}` } : undefined, i % 7 === 0 ? { error: 'AccessDenied' } : {}));
      sim.advance('1m');
    }
    expect(lake.events(arn)).toEqual(made);
    expect(JSON.stringify(lake.events(arn))).toBe(JSON.stringify(made));
    expect(lake.eventLog(arn).totalBytes).toBe(made.reduce((a, r) => a + JSON.stringify(r).length, 0));
  });
});

describe('API calls are CloudTrail events', () => {
  it('records Create with the request and response in lower camel case', () => {
    const { lake, admin, sim } = setup();
    const out = lake.createEventDataStore(admin, { Name: 'audit', RetentionPeriod: 30 });
    const r = sim.records().at(-1)!;
    expect(r).toMatchObject({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'CreateEventDataStore', awsRegion: 'us-east-1', requestParameters: { name: 'audit', retentionPeriod: 30 } });
    expect(r.responseElements).toMatchObject({ eventDataStoreArn: out.EventDataStoreArn, name: 'audit', status: 'CREATED', retentionPeriod: 30 });
    // The store is live once created, so it holds the event of its own creation.
    expect(lake.events(out.EventDataStoreArn).map((e) => e.eventName)).toEqual(['CreateEventDataStore']);
    lake.getEventDataStore(admin, { EventDataStore: out.EventDataStoreArn });
    expect(sim.records().at(-1)).toMatchObject({ eventName: 'GetEventDataStore', responseElements: null, readOnly: true });
  });

  it('recordApiCalls: false records nothing', () => {
    const { lake, admin, sim } = setup({ recordApiCalls: false });
    lake.createEventDataStore(admin, { Name: 'audit' });
    expect(sim.records()).toEqual([]);
  });
});
