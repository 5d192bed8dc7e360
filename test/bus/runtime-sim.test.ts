/**
 * The bus on a real simulation: records made by direct calls and by generated traffic reach the
 * rules they should, and only those.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import { EventBridgeService } from '../../src/bus/eventbridge.js';
import type { CloudTrailEnvelope } from '../../src/bus/envelope.js';
import type { InvocationContext } from '../../src/bus/targets.js';
import { formatEventTime } from '../../src/core/time.js';

const ASSUME_ROLE_PATTERN = '{"source":["aws.sts"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventName":["AssumeRole"]}}';

function world(seed = 11) {
  const sim = createSimulation({ seed, start: '2026-03-01T00:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
  const dev = sim.addAccount({ name: 'dev', regions: ['us-east-1'] });
  const eb = new EventBridgeService(sim);
  return { sim, prod, dev, eb };
}

/** A notification target: a function that keeps every event with the virtual time it was called. */
function notifier(eb: EventBridgeService, accountId: string, region: string, rule: string, pattern: string, state?: 'ENABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS') {
  const client = eb.forAccount(accountId, region);
  const got: { event: CloudTrailEnvelope; at: number }[] = [];
  const fn = client.registerFunction<CloudTrailEnvelope>(`notify-${rule}`, (event, ctx: InvocationContext) => {
    got.push({ event, at: ctx.time });
  });
  client.putRule({ Name: rule, EventPattern: pattern, ...(state ? { State: state } : {}) });
  client.putTargets({ Rule: rule, Targets: [{ Id: 'notify', Arn: fn.arn }] });
  return got;
}

describe('on a simulation: get notified when a user assumes a role', () => {
  it('receives every AssumeRole call, direct and generated, in clock order, and nothing else', () => {
    const { sim, prod, dev, eb } = world();
    // STS is regional: AssumeRole lands on the default bus of the region it was recorded in.
    const buses = [prod, dev].flatMap((a) => a.regions.map((region) => ({ account: a, region, got: notifier(eb, a.id, region, 'assume-role', ASSUME_ROLE_PATTERN) })));
    const role = prod.role('deployer');
    sim.call(prod.iamUser('alice'), 'sts:AssumeRole', { roleArn: role.arn, roleSessionName: 'alice-1' });
    sim.addTraffic({ rate: '300/h' });
    sim.clock.schedule(Date.parse('2026-03-01T05:30:00Z'), () => {
      sim.call(dev.iamUser('bob'), 'sts:AssumeRole', { roleArn: `arn:aws:iam::${dev.id}:role/ops`, roleSessionName: 'bob' }, { error: 'AccessDenied' });
    });
    sim.advance('8h');

    const assumeRoles = sim.records({ eventName: 'AssumeRole' });
    // Generated traffic has AWS services assuming roles, besides the direct calls.
    expect(assumeRoles.some((r) => r.userIdentity?.type === 'AWSService')).toBe(true);
    expect(assumeRoles.length).toBeGreaterThan(50);
    let total = 0;
    for (const { account, region, got } of buses) {
      const expected = assumeRoles.filter((r) => r.recipientAccountId === account.id && r.awsRegion === region).map((r) => r.eventID);
      expect(got.map((g) => g.event.detail.eventID)).toEqual(expected);
      total += got.length;
      for (const g of got) {
        expect(g.event).toMatchObject({ source: 'aws.sts', 'detail-type': 'AWS API Call via CloudTrail', account: account.id, region });
        // Delivered when recorded, on the virtual clock (eventTime has second precision).
        expect(formatEventTime(g.at)).toBe(g.event.time);
      }
      const times = got.map((g) => g.at);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
    expect(total).toBe(assumeRoles.length);
    const devEvents = buses.filter((b) => b.account === dev).flatMap((b) => b.got);
    expect(devEvents.some((g) => g.event.detail.errorCode !== undefined)).toBe(true);
  });

  it('receives GetCallerIdentity only in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS', () => {
    const { sim, prod, eb } = world();
    const pattern = '{"source":["aws.sts"],"detail":{"eventName":["GetCallerIdentity"]}}';
    const enabled = prod.regions.flatMap((region) => notifier(eb, prod.id, region, `whoami-enabled-${region}`, pattern, 'ENABLED'));
    const all = prod.regions.map((region) => notifier(eb, prod.id, region, `whoami-all-${region}`, pattern, 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'));
    sim.call(prod.iamUser('alice'), 'sts:GetCallerIdentity');
    sim.addTraffic({ rate: '300/h' });
    sim.advance('4h');
    const calls = sim.records({ eventName: 'GetCallerIdentity', accountId: prod.id });
    expect(calls.length).toBeGreaterThan(5);
    expect(enabled).toEqual([]);
    prod.regions.forEach((region, i) => {
      expect(all[i].map((g) => g.event.detail.eventID)).toEqual(calls.filter((r) => r.awsRegion === region).map((r) => r.eventID));
    });
    expect(all.flat()).toHaveLength(calls.length);
  });
});

describe('on a simulation: CloudTrail tampering alerts', () => {
  it('a rule on StopLogging/DeleteTrail fires exactly for those calls, mixed into traffic, in each region', () => {
    const { sim, prod, eb } = world(23);
    const pattern = '{"source":["aws.cloudtrail"],"detail":{"eventName":["StopLogging","DeleteTrail"]}}';
    const alerts = ['us-east-1', 'eu-west-1'].map((region) => {
      const client = eb.forAccount(prod.id, region);
      const q = client.createQueue('security-alerts');
      client.putRule({ Name: 'cloudtrail-tampering', EventPattern: pattern });
      client.putTargets({ Rule: 'cloudtrail-tampering', Targets: [{ Id: 'q', Arn: q.arn }] });
      return { region, q };
    });
    sim.addTraffic({ rate: '300/h' });
    const mallory = prod.iamUser('mallory');
    const admin = prod.iamUser('ops-admin');
    const plan: [string, string, string, ('AccessDenied' | undefined)?][] = [
      ['00:47', 'cloudtrail:StopLogging', 'us-east-1'],
      ['01:15', 'cloudtrail:StartLogging', 'us-east-1'],
      ['02:03', 'cloudtrail:DeleteTrail', 'eu-west-1'],
      ['02:04', 'cloudtrail:CreateTrail', 'eu-west-1'],
      ['03:30', 'cloudtrail:StopLogging', 'eu-west-1', 'AccessDenied'],
      ['04:10', 'cloudtrail:UpdateTrail', 'us-east-1'],
      ['05:59', 'cloudtrail:DeleteTrail', 'us-east-1'],
    ];
    for (const [at, op, region, error] of plan) {
      sim.clock.schedule(Date.parse(`2026-03-01T${at}:00Z`), () => {
        sim.call(op.includes('Start') || op.includes('Create') ? admin : mallory, op, { name: 'main' }, { region, ...(error ? { error } : {}) });
      });
    }
    sim.advance('6h');
    expect(sim.recordTotal).toBeGreaterThan(1500);
    for (const { region, q } of alerts) {
      const expected = sim.records({ accountId: prod.id, region, eventSource: 'cloudtrail.amazonaws.com' }).filter((r) => r.eventName === 'StopLogging' || r.eventName === 'DeleteTrail');
      const got = q.json<CloudTrailEnvelope>();
      expect(got.map((e) => e.detail.eventID)).toEqual(expected.map((r) => r.eventID));
      expect(got.map((e) => e.detail.eventName)).toEqual(region === 'us-east-1' ? ['StopLogging', 'DeleteTrail'] : ['DeleteTrail', 'StopLogging']);
    }
    expect(alerts[1].q.json<CloudTrailEnvelope>()[1].detail.errorCode).toBeDefined();
  });

  it('is deterministic: same seed, same delivered bytes', () => {
    const run = () => {
      const { sim, prod, eb } = world(5);
      const client = eb.forAccount(prod.id, 'us-east-1');
      const q = client.createQueue('all');
      client.putRule({ Name: 'all', EventPattern: '{"source":[{"prefix":"aws."}]}', State: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' });
      client.putTargets({ Rule: 'all', Targets: [{ Id: 'q', Arn: q.arn }] });
      sim.addTraffic({ rate: '200/h' });
      sim.advance('2h');
      return q.messages;
    };
    const a = run();
    expect(a.length).toBeGreaterThan(100);
    expect(run()).toEqual(a);
  });
});
