/**
 * A call made through the SDK against the simulation does what AWS would do and is recorded
 * as AWS records it, whichever adapter is used: EventBridge's API (PutRule creates the rule,
 * answers its RuleArn, and is a CloudTrail management event), CloudTrail's own (LookupEvents
 * is a management read event) and Lake's.
 */
import { describe, expect, it } from 'vitest';
import { CloudTrailClient, CreateEventDataStoreCommand, LookupEventsCommand, InvalidLookupAttributesException } from '@aws-sdk/client-cloudtrail';
import { DescribeRuleCommand, EventBridgeClient, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import { attachSimulation, recordCalls } from 'trailsim/aws-sdk';
import { createSimulation, validateRecord } from '../../src/index.js';

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };

function world() {
  const sim = createSimulation({ seed: 11, start: '2026-03-01T09:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', id: '111122223333' });
  return { sim, prod, alice: prod.iamUser('alice') };
}

const pattern = JSON.stringify({ source: ['aws.iam'] });

describe('the SDK adapters do what AWS would do and record it as AWS would', () => {
  it('attachSimulation without a principal: PutRule creates the rule and is recorded (by sdk-client)', async () => {
    const { sim, prod } = world();
    const eb = new EventBridgeClient({ region: 'us-east-1', credentials });
    attachSimulation(eb, sim, { accountId: prod.id });
    const out = await eb.send(new PutRuleCommand({ Name: 'iam-changes', EventPattern: pattern }));
    expect(out.RuleArn).toBe(`arn:aws:events:us-east-1:${prod.id}:rule/iam-changes`);
    expect(sim.eventBridge.forAccount(prod.id, 'us-east-1').describeRule({ Name: 'iam-changes' }).EventPattern).toBe(pattern);
    const [rec] = sim.records({ eventName: 'PutRule' });
    expect(rec).toMatchObject({
      eventSource: 'events.amazonaws.com',
      readOnly: false,
      eventCategory: 'Management',
      requestParameters: { name: 'iam-changes', eventPattern: pattern },
      responseElements: { ruleArn: out.RuleArn },
      userIdentity: { type: 'IAMUser', userName: 'sdk-client', accountId: prod.id },
    });
    // The caller is the AWS SDK for JavaScript v3, and its records say so.
    expect(rec.userAgent).toMatch(/^aws-sdk-js\/3\.\d+\.\d+ ua\/2\.1 os\/linux#[\d.]+ lang\/js md\/nodejs#[\d.]+ api\/eventbridge#3\.\d+\.\d+$/);
    expect(rec.requestID).toBe(out.$metadata.requestId);
    expect(validateRecord(rec).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('recordCalls: PutRule answers its RuleArn and creates the rule, recorded by the principal', async () => {
    const { sim, prod, alice } = world();
    const eb = new EventBridgeClient({ region: 'eu-west-1', credentials });
    recordCalls(eb, sim, { principal: alice, respond: () => ({}) });
    const out = await eb.send(new PutRuleCommand({ Name: 'iam-changes', EventPattern: pattern }));
    expect(out.RuleArn).toBe(`arn:aws:events:eu-west-1:${prod.id}:rule/iam-changes`);
    const described = await eb.send(new DescribeRuleCommand({ Name: 'iam-changes' }));
    expect(described).toMatchObject({ Name: 'iam-changes', EventPattern: pattern, State: 'ENABLED' });
    expect(sim.records().map((r) => `${r.eventName} ${r.userIdentity?.userName} ${r.awsRegion}`)).toEqual(['PutRule alice eu-west-1', 'DescribeRule alice eu-west-1']);
    expect(sim.records({ eventName: 'PutRule' })[0].responseElements).toEqual({ ruleArn: out.RuleArn });
  });

  it('LookupEvents is a management read event, recorded by both adapters, failures included', async () => {
    for (const adapter of ['attach', 'record'] as const) {
      const { sim, alice } = world();
      const ct = new CloudTrailClient({ region: 'us-east-1', credentials });
      if (adapter === 'attach') attachSimulation(ct, sim, { principal: alice });
      else recordCalls(ct, sim, { principal: alice });
      sim.call(alice, 'iam:CreateUser', { userName: 'bob' });
      const page = await ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }));
      expect(page.Events?.map((e) => e.EventName)).toEqual(['CreateUser']);
      const bad = await ct
        .send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'A' }, { AttributeKey: 'Username', AttributeValue: 'B' }] }))
        .catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(InvalidLookupAttributesException);
      const recs = sim.records({ eventName: 'LookupEvents' });
      expect(recs.map((r) => r.errorCode ?? 'ok')).toEqual(['ok', 'InvalidLookupAttributesException']);
      expect(recs[0]).toMatchObject({
        eventSource: 'cloudtrail.amazonaws.com',
        eventType: 'AwsApiCall',
        readOnly: true,
        managementEvent: true,
        eventCategory: 'Management',
        requestParameters: { lookupAttributes: [{ attributeKey: 'EventName', attributeValue: 'CreateUser' }] },
        responseElements: null,
      });
      expect(recs[0].requestID).toBe(page.$metadata.requestId);
      for (const r of recs) expect(validateRecord(r).filter((f) => f.severity === 'error')).toEqual([]);
      // The next lookup sees the lookups, as event history would.
      const next = await ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'LookupEvents' }] }));
      expect(next.Events).toHaveLength(2);
    }
  });

  it('Lake through the SDK with no lake option runs on sim.lake and records CreateEventDataStore', async () => {
    const { sim, prod } = world();
    const ct = new CloudTrailClient({ region: 'us-east-1', credentials });
    attachSimulation(ct, sim, { accountId: prod.id });
    const store = await ct.send(new CreateEventDataStoreCommand({ Name: 'audit', RetentionPeriod: 30, TerminationProtectionEnabled: false }));
    expect(store.EventDataStoreArn).toMatch(/^arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore\//);
    expect(sim.lake.listEventDataStores(prod.iamUser('sdk-client'), {}, { region: 'us-east-1' })).toMatchObject({ EventDataStores: [{ Name: 'audit' }] });
    expect(sim.records({ eventName: 'CreateEventDataStore' })).toHaveLength(1);
  });

  it("records the SDK's user agent on every kind of call, or the one given", async () => {
    const { sim, prod, alice } = world();
    sim.cloudtrail.s3.createBucket('audit');
    const ct = new CloudTrailClient({ region: 'us-east-1', credentials });
    attachSimulation(ct, sim, { principal: alice });
    await ct.send(new LookupEventsCommand({}));
    const { CreateTrailCommand, ListTagsCommand } = await import('@aws-sdk/client-cloudtrail');
    await ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'audit' }));
    await ct.send(new ListTagsCommand({ ResourceIdList: [`arn:aws:cloudtrail:us-east-1:${prod.id}:trail/main`] }));
    const uas = sim.records().map((r) => r.userAgent);
    expect(uas).toHaveLength(3);
    for (const ua of uas) expect(ua).toMatch(/^aws-sdk-js\/3\.\S+ .* api\/cloudtrail#3\.\S+$/);
    const eb = new EventBridgeClient({ region: 'us-east-1', credentials });
    recordCalls(eb, sim, { principal: alice, userAgent: 'my-shipper/1.0' });
    await eb.send(new PutRuleCommand({ Name: 'r', EventPattern: pattern }));
    expect(sim.records({ eventName: 'PutRule' })[0].userAgent).toBe('my-shipper/1.0');
  });
});
