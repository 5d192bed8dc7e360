/**
 * EventBridge on a simulation with real trails: CloudTrail events reach the default bus only
 * while a trail with logging on covers the account and region (EventBridge user guide), and
 * the two examples hold end to end through sim.eventBridge.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import type { CloudTrailEnvelope } from '../../src/bus/envelope.js';

function world() {
  const sim = createSimulation({ seed: 3, start: '2026-03-01T00:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
  const admin = prod.iamUser('admin');
  sim.cloudtrail.s3.createBucket('prod-audit');
  return { sim, prod, admin };
}

function queueRule(sim: ReturnType<typeof world>['sim'], accountId: string, region: string, name: string, pattern: object, state?: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS') {
  const eb = sim.eventBridge.forAccount(accountId, region);
  const q = eb.createQueue(name);
  eb.putRule({ Name: name, EventPattern: JSON.stringify(pattern), ...(state ? { State: state } : {}) });
  eb.putTargets({ Rule: name, Targets: [{ Id: 'q', Arn: q.arn }] });
  return q;
}

describe('sim.eventBridge with trails', () => {
  it('a rule on StopLogging/DeleteTrail fires exactly for those calls, once a logging trail covers the region', () => {
    const { sim, prod, admin } = world();
    const q = queueRule(sim, prod.id, 'us-east-1', 'tampering', { source: ['aws.cloudtrail'], detail: { eventName: ['StopLogging', 'DeleteTrail'] } });
    sim.call(admin, 'cloudtrail:StopLogging', { name: 'nothing-yet' });
    expect(q.messages).toHaveLength(0); // no trail: EventBridge receives no CloudTrail events

    sim.cloudtrail.createTrail(admin, { Name: 'org-audit', S3BucketName: 'prod-audit', IsMultiRegionTrail: true });
    sim.cloudtrail.createTrail(admin, { Name: 'scratch', S3BucketName: 'prod-audit' });
    sim.cloudtrail.startLogging(admin, { Name: 'org-audit' });
    sim.addTraffic({ rate: '200/h' });
    sim.advance('2h');
    sim.cloudtrail.stopLogging(admin, { Name: 'scratch' });
    sim.advance('1h');
    sim.cloudtrail.deleteTrail(admin, { Name: 'scratch' });
    sim.advance('1h');

    const expected = sim.records().filter((r) => r.eventSource === 'cloudtrail.amazonaws.com' && (r.eventName === 'StopLogging' || r.eventName === 'DeleteTrail') && r.awsRegion === 'us-east-1' && r.recipientAccountId === prod.id);
    const got = q.messages.map((m) => (JSON.parse(m) as CloudTrailEnvelope).detail.eventID);
    // The first StopLogging happened before any trail: not delivered.
    expect(got).toEqual(expected.slice(1).map((r) => r.eventID));
    expect(got).toHaveLength(2);
  });

  it('GetCallerIdentity reaches a rule only in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; AssumeRole reaches plain ENABLED', () => {
    const { sim, prod, admin } = world();
    sim.cloudtrail.createTrail(admin, { Name: 'main', S3BucketName: 'prod-audit', IsMultiRegionTrail: true });
    sim.cloudtrail.startLogging(admin, { Name: 'main' });
    const plain = queueRule(sim, prod.id, 'us-east-1', 'who-am-i', { detail: { eventName: ['GetCallerIdentity'] } });
    const all = queueRule(sim, prod.id, 'us-east-1', 'who-am-i-all', { detail: { eventName: ['GetCallerIdentity'] } }, 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
    const assume = queueRule(sim, prod.id, 'us-east-1', 'assume-role', { source: ['aws.sts'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['AssumeRole'] } });
    sim.call(admin, 'sts:GetCallerIdentity', undefined, { region: 'us-east-1' });
    sim.call(admin, 'sts:AssumeRole', { roleArn: prod.role('ops').arn, roleSessionName: 'admin' }, { region: 'us-east-1' });
    expect(plain.messages).toHaveLength(0);
    expect(all.messages).toHaveLength(1);
    expect(assume.messages).toHaveLength(1);
  });

  it('after StopLogging on the only trail, events stop reaching EventBridge', () => {
    const { sim, prod, admin } = world();
    sim.cloudtrail.createTrail(admin, { Name: 'main', S3BucketName: 'prod-audit' });
    sim.cloudtrail.startLogging(admin, { Name: 'main' });
    const q = queueRule(sim, prod.id, 'us-east-1', 'iam', { source: ['aws.iam'] });
    sim.call(admin, 'iam:CreateUser', { userName: 'a' });
    sim.cloudtrail.stopLogging(admin, { Name: 'main' });
    sim.call(admin, 'iam:CreateUser', { userName: 'b' });
    expect(q.messages.map((m) => (JSON.parse(m) as CloudTrailEnvelope).detail.requestParameters)).toEqual([{ userName: 'a' }]);
  });
});
