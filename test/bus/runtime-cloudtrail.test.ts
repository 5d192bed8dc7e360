import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER, REGION, record, setup } from './runtime-fixtures.js';
import type { CloudTrailEnvelope } from '../../src/bus/envelope.js';
import type { RuleState } from '../../src/bus/types.js';
import { TrailsimInputError } from '../../src/core/errors.js';
import { exceedsBytes, utf8Length } from '../../src/bus/cloudtrail-delivery.js';

function ruleWithQueue(s: ReturnType<typeof setup>, name: string, pattern: object, state?: RuleState, client = s.client) {
  const q = client.createQueue(name);
  client.putRule({ Name: name, EventPattern: pattern, ...(state ? { State: state } : {}) });
  client.putTargets({ Rule: name, Targets: [{ Id: 'q', Arn: q.arn }] });
  return q;
}

const names = (q: { json<T>(): T[] }) => q.json<CloudTrailEnvelope>().map((e) => e.detail.eventName);

describe('CloudTrail → EventBridge', () => {
  it('delivers a record as the envelope EventBridge emits', () => {
    const s = setup();
    const q = ruleWithQueue(s, 'all', { source: [{ prefix: 'aws.' }] });
    const r = record({ name: 'CreateUser', requestParameters: { userName: 'bob' } });
    s.host.ingest(r);
    const [e] = q.json<CloudTrailEnvelope>();
    expect(Object.keys(e)).toEqual(['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail']);
    expect(e).toMatchObject({ version: '0', 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.iam', account: ACCOUNT, time: r.eventTime, region: REGION, resources: [] });
    expect(e.detail).toEqual(r);
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the envelope id after the record: same record, same id, whatever else happened', () => {
    const idOf = (extra: boolean) => {
      const s = setup();
      const q = ruleWithQueue(s, 'all', { source: ['aws.iam'] });
      if (extra) s.host.ingest(record({ name: 'DeleteUser' }));
      s.host.ingest(record({ name: 'CreateUser', eventID: 'fixed-event-id' }));
      return q.json<CloudTrailEnvelope>().pop()?.id;
    };
    expect(idOf(false)).toBe(idOf(true));
  });

  it('goes to the default bus of the recipient account in the record region only', () => {
    const s = setup();
    const mine = ruleWithQueue(s, 'mine', { source: ['aws.ec2'] });
    const other = ruleWithQueue(s, 'other', { source: ['aws.ec2'] }, undefined, s.eb.forAccount(OTHER, REGION));
    const west = ruleWithQueue(s, 'west', { source: ['aws.ec2'] }, undefined, s.eb.forAccount(ACCOUNT, 'eu-west-1'));
    s.client.createEventBus({ Name: 'custom' });
    const customQ = s.client.createQueue('custom-q');
    s.client.putRule({ Name: 'c', EventBusName: 'custom', EventPattern: { source: ['aws.ec2'] } });
    s.client.putTargets({ Rule: 'c', EventBusName: 'custom', Targets: [{ Id: 'q', Arn: customQ.arn }] });
    s.host.ingest(record({ name: 'RunInstances', source: 'ec2.amazonaws.com' }));
    s.host.ingest(record({ name: 'StopInstances', source: 'ec2.amazonaws.com', account: OTHER }));
    s.host.ingest(record({ name: 'StartInstances', source: 'ec2.amazonaws.com', region: 'eu-west-1' }));
    expect(names(mine)).toEqual(['RunInstances']);
    expect(names(other)).toEqual(['StopInstances']);
    expect(names(west)).toEqual(['StartInstances']);
    expect(customQ.messages).toEqual([]);
  });

  it('lets each rule state see the management events EventBridge documents', () => {
    const s = setup();
    const pattern = { 'detail-type': ['AWS API Call via CloudTrail'] };
    const disabled = ruleWithQueue(s, 'disabled', pattern, 'DISABLED');
    const enabled = ruleWithQueue(s, 'enabled', pattern, 'ENABLED');
    const all = ruleWithQueue(s, 'all', pattern, 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
    const events = [
      record({ name: 'AssumeRole', source: 'sts.amazonaws.com', readOnly: true }),
      record({ name: 'GetCallerIdentity', source: 'sts.amazonaws.com', readOnly: true }),
      record({ name: 'GetSessionToken', source: 'sts.amazonaws.com', readOnly: true }),
      record({ name: 'GetFederationToken', source: 'sts.amazonaws.com', readOnly: false }),
      record({ name: 'ListUsers' }),
      record({ name: 'DescribeInstances', source: 'ec2.amazonaws.com' }),
      record({ name: 'CreateUser' }),
      // Not read-only by name although it starts with "Get": received by ENABLED rules as well.
      record({ name: 'GetObject', source: 's3.amazonaws.com', category: 'Data' }),
    ];
    s.eb.configureCloudTrailDelivery({ dataEvents: true });
    for (const r of events) s.host.ingest(r);
    expect(names(disabled)).toEqual([]);
    expect(names(enabled)).toEqual(['AssumeRole', 'GetSessionToken', 'GetFederationToken', 'CreateUser', 'GetObject']);
    expect(names(all)).toEqual(['AssumeRole', 'GetCallerIdentity', 'GetSessionToken', 'GetFederationToken', 'ListUsers', 'DescribeInstances', 'CreateUser', 'GetObject']);
  });

  it('uses the detail-types of each event type, with the sign-in spelling chosen', () => {
    const run = (signIn?: 'Sign In' | 'Signin') => {
      const s = setup(signIn ? { cloudTrailDelivery: { signIn } } : {});
      const q = ruleWithQueue(s, 'all', { account: [ACCOUNT] });
      s.host.ingest(record({ name: 'ConsoleLogin', source: 'signin.amazonaws.com', type: 'AwsConsoleSignIn' }));
      s.host.ingest(record({ name: 'CreateUser' }));
      s.host.ingest(record({ name: 'ReplicationStarted', source: 's3.amazonaws.com', type: 'AwsServiceEvent' }));
      s.host.ingest(record({ name: 'ConsoleAction', source: 'health.amazonaws.com', type: 'AwsConsoleAction' }));
      s.host.ingest(record({ name: 'GetObject', source: 's3.amazonaws.com', type: 'AwsVpceEvent', category: 'NetworkActivity' }));
      return { types: q.json<CloudTrailEnvelope>().map((e) => e['detail-type']), stats: s.eb.cloudTrailStats };
    };
    expect(run().types).toEqual(['AWS Console Sign In via CloudTrail', 'AWS API Call via CloudTrail', 'AWS Service Event via CloudTrail', 'AWS Console Action via CloudTrail']);
    expect(run('Signin').types[0]).toBe('AWS Console Signin via CloudTrail');
    expect(run().stats.notDeliverable).toBe(1);
  });

  it('does not deliver events larger than 256 KB, and counts them', () => {
    const s = setup();
    const q = ruleWithQueue(s, 'all', { source: ['aws.s3'] });
    const big = record({ name: 'PutBucketPolicy', source: 's3.amazonaws.com', requestParameters: { policy: 'x'.repeat(256 * 1024) } });
    const small = record({ name: 'PutBucketPolicy', source: 's3.amazonaws.com', requestParameters: { policy: 'x'.repeat(1024) } });
    s.host.ingest(big);
    s.host.ingest(small);
    expect(q.messages).toHaveLength(1);
    expect(s.eb.cloudTrailStats).toMatchObject({ oversize: 1, delivered: 1 });
    // The limit is on bytes: 100 K three-byte characters are 300 KB.
    s.host.ingest(record({ name: 'PutBucketPolicy', source: 's3.amazonaws.com', requestParameters: { policy: '€'.repeat(100_000) } }));
    expect(s.eb.cloudTrailStats.oversize).toBe(2);
  });

  it('measures UTF-8 sizes', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a€😀é'.repeat(2000)]) expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    expect(exceedsBytes('€'.repeat(10), 29)).toBe(true);
    expect(exceedsBytes('€'.repeat(10), 30)).toBe(false);
  });

  it('delivers data events only when the (assumed) trail logs them', () => {
    const s = setup();
    const q = ruleWithQueue(s, 'objects', { source: ['aws.s3'] });
    s.host.ingest(record({ name: 'GetObject', source: 's3.amazonaws.com', category: 'Data' }));
    expect(q.messages).toEqual([]);
    s.eb.configureCloudTrailDelivery({ dataEvents: true });
    s.host.ingest(record({ name: 'GetObject', source: 's3.amazonaws.com', category: 'Data' }));
    expect(q.messages).toHaveLength(1);
  });

  it("'require-trail' asks coveredBy; 'off' delivers nothing", () => {
    expect(() => setup({ cloudTrailDelivery: { mode: 'require-trail' } })).toThrow(TrailsimInputError);
    const covered = new Set(['CreateUser']);
    const s = setup({ cloudTrailDelivery: { mode: 'require-trail', coveredBy: (r) => covered.has(r.eventName ?? '') } });
    const q = ruleWithQueue(s, 'iam', { source: ['aws.iam'] });
    s.host.ingest(record({ name: 'CreateUser' }));
    s.host.ingest(record({ name: 'DeleteUser' }));
    expect(names(q)).toEqual(['CreateUser']);
    s.eb.configureCloudTrailDelivery({ mode: 'off' });
    s.host.ingest(record({ name: 'CreateUser' }));
    expect(names(q)).toEqual(['CreateUser']);
    expect(s.eb.cloudTrailStats).toMatchObject({ records: 3, notCovered: 2, delivered: 1 });
  });

  it('does no work for accounts whose default bus has no enabled rule', () => {
    const s = setup();
    s.client.putRule({ Name: 'off', EventPattern: { source: ['aws.iam'] }, State: 'DISABLED' });
    s.host.ingest(record({ name: 'CreateUser' }));
    s.host.ingest(record({ name: 'CreateUser', account: OTHER }));
    expect(s.eb.cloudTrailStats).toMatchObject({ records: 2, noRules: 2, delivered: 0 });
  });

  it('stops listening after dispose()', () => {
    const s = setup();
    const q = ruleWithQueue(s, 'iam', { source: ['aws.iam'] });
    s.eb.dispose();
    s.host.ingest(record({ name: 'CreateUser' }));
    expect(q.messages).toEqual([]);
  });
});
