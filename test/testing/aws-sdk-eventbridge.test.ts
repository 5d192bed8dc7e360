/**
 * trailsim/aws-sdk with a real `EventBridgeClient`: rules, targets, PutEvents and
 * TestEventPattern on the simulation's EventBridge, failures as the SDK's classes, and the
 * management calls recorded by the attached principal.
 */
import { describe, expect, it } from 'vitest';
import {
  DescribeRuleCommand,
  EventBridgeClient,
  EventBridgeServiceException,
  InvalidEventPatternException,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  ResourceNotFoundException,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { attachSimulation, SIMULATED_EVENTBRIDGE_OPERATIONS } from 'trailsim/aws-sdk';
import { createSimulation, type CloudTrailEnvelope } from '../../src/index.js';

const REGION = 'us-east-1';

function world() {
  const sim = createSimulation({ seed: 5, start: '2026-03-01T09:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', regions: [REGION, 'eu-west-1'] });
  const alice = prod.iamUser('alice');
  const client = new EventBridgeClient({ region: REGION, credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } });
  return { sim, prod, alice, client };
}

describe('EventBridge through a real EventBridgeClient', () => {
  it('PutRule + PutTargets route a simulated CloudTrail call to a queue target', async () => {
    const { sim, prod, alice, client } = world();
    attachSimulation(client, sim, { accountId: prod.id });
    const alerts = sim.eventBridge.forAccount(prod.id, REGION).createQueue('alerts');
    const rule = await client.send(
      new PutRuleCommand({ Name: 'trail-tampering', EventPattern: JSON.stringify({ source: ['aws.cloudtrail'], detail: { eventName: ['StopLogging', 'DeleteTrail'] } }) }),
    );
    expect(rule.RuleArn).toBe(`arn:aws:events:${REGION}:${prod.id}:rule/trail-tampering`);
    expect(rule.$metadata.httpStatusCode).toBe(200);
    const targets = await client.send(new PutTargetsCommand({ Rule: 'trail-tampering', Targets: [{ Id: 'alerts', Arn: alerts.arn }] }));
    expect(targets).toMatchObject({ FailedEntryCount: 0, FailedEntries: [] });

    // EventBridge receives CloudTrail events only while a logging trail covers the account and region.
    sim.call(alice, 'cloudtrail:StopLogging', { name: 'main' });
    expect(alerts.json()).toHaveLength(0);
    sim.cloudtrail.s3.createBucket('audit-logs');
    sim.cloudtrail.createTrail(alice, { Name: 'main', S3BucketName: 'audit-logs', IsMultiRegionTrail: true });
    sim.cloudtrail.startLogging(alice, { Name: 'main' });
    sim.call(alice, 'cloudtrail:StopLogging', { name: 'main' });
    sim.call(alice, 'cloudtrail:DescribeTrails');
    const delivered = alerts.json<CloudTrailEnvelope>();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ source: 'aws.cloudtrail', 'detail-type': 'AWS API Call via CloudTrail', account: prod.id, region: REGION });
    expect(delivered[0].detail).toMatchObject({ eventName: 'StopLogging', requestParameters: { name: 'main' } });

    const described = await client.send(new DescribeRuleCommand({ Name: 'trail-tampering' }));
    expect(described).toMatchObject({ Name: 'trail-tampering', State: 'ENABLED', EventBusName: 'default' });
    const listed = await client.send(new ListTargetsByRuleCommand({ Rule: 'trail-tampering' }));
    expect(listed.Targets).toEqual([{ Id: 'alerts', Arn: alerts.arn }]);
  });

  it('PutEvents delivers custom events to matching rules and reports failed entries', async () => {
    const { sim, prod, client } = world();
    attachSimulation(client, sim, { accountId: prod.id });
    const orders = sim.eventBridge.forAccount(prod.id, REGION).createQueue('orders');
    await client.send(new PutRuleCommand({ Name: 'orders', EventPattern: JSON.stringify({ source: ['shop'], 'detail-type': ['OrderPlaced'] }) }));
    await client.send(new PutTargetsCommand({ Rule: 'orders', Targets: [{ Id: 'q', Arn: orders.arn }] }));
    const out = await client.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'shop', DetailType: 'OrderPlaced', Detail: JSON.stringify({ id: 1 }) },
          { Source: 'shop', DetailType: 'OrderShipped', Detail: JSON.stringify({ id: 1 }) },
          { Source: 'aws.shop', DetailType: 'OrderPlaced', Detail: '{}' },
        ],
      }),
    );
    expect(out.FailedEntryCount).toBe(1);
    expect(out.Entries?.[0].EventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.Entries?.[2]).toMatchObject({ ErrorCode: 'NotAuthorizedForSourceException' });
    expect(orders.json<{ detail: { id: number }; source: string }>()).toEqual([expect.objectContaining({ source: 'shop', detail: { id: 1 } })]);
  });

  it('TestEventPattern answers true and false', async () => {
    const { sim, prod, client } = world();
    attachSimulation(client, sim, { accountId: prod.id });
    const event = JSON.stringify({
      id: '7bf73129-1428-4cd3-a780-95db273d1602',
      'detail-type': 'EC2 Instance State-change Notification',
      source: 'aws.ec2',
      account: prod.id,
      time: '2026-03-01T09:00:00Z',
      region: REGION,
      resources: [],
      detail: { state: 'running' },
    });
    const yes = await client.send(new TestEventPatternCommand({ EventPattern: JSON.stringify({ source: ['aws.ec2'], detail: { state: ['running'] } }), Event: event }));
    const no = await client.send(new TestEventPatternCommand({ EventPattern: JSON.stringify({ detail: { state: [{ 'anything-but': 'running' }] } }), Event: event }));
    expect(yes.Result).toBe(true);
    expect(no.Result).toBe(false);
  });

  it('throws InvalidEventPatternException, ResourceNotFoundException as the SDK classes', async () => {
    const { sim, prod, client } = world();
    attachSimulation(client, sim, { accountId: prod.id });
    const bad = await client.send(new TestEventPatternCommand({ EventPattern: '{"source": "aws.ec2"}', Event: '{}' })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidEventPatternException);
    expect((bad as InvalidEventPatternException).$metadata.httpStatusCode).toBe(400);
    await expect(client.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"detail": [}' }))).rejects.toBeInstanceOf(InvalidEventPatternException);
    await expect(client.send(new PutTargetsCommand({ Rule: 'missing', Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:111122223333:q' }] }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    // ValidationException has no class in @aws-sdk/client-eventbridge: the service base class, with AWS's name.
    const invalid = (await client.send(new PutRuleCommand({ Name: 'bad name!' })).catch((e: unknown) => e)) as EventBridgeServiceException;
    expect(invalid).toBeInstanceOf(EventBridgeServiceException);
    expect(invalid.name).toBe('ValidationException');
    expect(invalid.message).toMatch(/^1 validation error detected: Value 'bad name!' at 'name'/);
  });

  it('pages ListRules with NextToken (the EventBridge client ships no paginators)', async () => {
    const { sim, prod, client } = world();
    attachSimulation(client, sim, { accountId: prod.id });
    for (let i = 0; i < 7; i++) await client.send(new PutRuleCommand({ Name: `r${i}`, ScheduleExpression: 'rate(1 hour)' }));
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListRulesCommand({ Limit: 3, NextToken: token }));
      names.push(...(page.Rules ?? []).map((r) => r.Name!));
      token = page.NextToken;
    } while (token);
    expect(names).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
  });

  it('with a principal, records the management calls CloudTrail logs (not PutEvents)', async () => {
    const { sim, prod, alice, client } = world();
    attachSimulation(client, sim, { principal: alice });
    const rule = await client.send(new PutRuleCommand({ Name: 'watch', EventPattern: JSON.stringify({ source: ['aws.iam'] }), Tags: [{ Key: 'team', Value: 'sec' }] }));
    await client.send(new ListRulesCommand({}));
    await client.send(new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'x', Detail: '{}' }] }));
    await expect(client.send(new DescribeRuleCommand({ Name: 'nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    const recs = sim.records({ eventSource: 'events.amazonaws.com' });
    expect(recs.map((r) => r.eventName)).toEqual(['PutRule', 'ListRules', 'DescribeRule']);
    const [put, list, failed] = recs;
    expect(put.userIdentity).toMatchObject({ type: 'IAMUser', userName: 'alice' });
    expect(put.requestParameters).toEqual({ name: 'watch', eventPattern: '{"source":["aws.iam"]}', tags: [{ key: 'team', value: 'sec' }] });
    expect(put.responseElements).toEqual({ ruleArn: rule.RuleArn });
    expect(put.requestID).toBe(rule.$metadata.requestId);
    expect(put.awsRegion).toBe(REGION);
    expect(list.requestParameters).toBeNull();
    expect(list.readOnly).toBe(true);
    expect(list.responseElements).toBeNull();
    expect(failed).toMatchObject({ errorCode: 'ResourceNotFoundException', errorMessage: 'Rule nope does not exist on EventBus default.', requestParameters: { name: 'nope' } });
    // Management events reach event history, as CloudTrail's do.
    expect(sim.lookupEvents({ accountId: prod.id, region: REGION, LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'events.amazonaws.com' }] }).Events).toHaveLength(3);
    expect(SIMULATED_EVENTBRIDGE_OPERATIONS).toContain('TestEventPattern');
  });
});
