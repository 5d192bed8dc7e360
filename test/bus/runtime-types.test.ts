import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EventBridgeEvent, EventBridgeHandler } from 'aws-lambda';
import type { CloudTrailEnvelope, EventBridgeEnvelope } from '../../src/bus/envelope.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import type { PutEventsInput, PutRuleInput, PutTargetsInput, Target } from '../../src/bus/types.js';
import type { PutEventsCommandInput, PutRuleCommandInput, PutTargetsCommandInput, Target as SdkTarget } from '@aws-sdk/client-eventbridge';
import { ACCOUNT, record, setup } from './runtime-fixtures.js';

describe('types', () => {
  it('a CloudTrail envelope is an EventBridgeEvent<"AWS API Call via CloudTrail", CloudTrailRecord> from @types/aws-lambda', () => {
    expectTypeOf<EventBridgeEnvelope<'AWS API Call via CloudTrail', CloudTrailRecord>>().toEqualTypeOf<EventBridgeEvent<'AWS API Call via CloudTrail', CloudTrailRecord>>();
    expectTypeOf<CloudTrailEnvelope>().toMatchTypeOf<EventBridgeEvent<string, CloudTrailRecord>>();

    // A Lambda handler typed with @types/aws-lambda takes what a function target receives.
    const handler: EventBridgeHandler<'AWS API Call via CloudTrail', CloudTrailRecord, void> = (event) => {
      seen.push(event.detail.eventName ?? '');
    };
    const seen: string[] = [];
    const s = setup();
    const fn = s.client.registerFunction<EventBridgeEvent<'AWS API Call via CloudTrail', CloudTrailRecord>>('h', (e) => handler(e, {} as never, () => undefined));
    s.client.putRule({ Name: 'r', EventPattern: { account: [ACCOUNT] } });
    s.client.putTargets({ Rule: 'r', Targets: [{ Id: 'h', Arn: fn.arn }] });
    s.host.ingest(record({ name: 'CreateUser' }));
    expect(seen).toEqual(['CreateUser']);
  });

  it('request shapes are assignable to the SDK command inputs', () => {
    expectTypeOf<PutRuleInput & { EventPattern?: string }>().toMatchTypeOf<PutRuleCommandInput>();
    expectTypeOf<PutEventsInput & { Entries: { Time?: Date }[] }>().toMatchTypeOf<PutEventsCommandInput>();
    expectTypeOf<Target>().toMatchTypeOf<SdkTarget>();
    expectTypeOf<PutTargetsInput>().toMatchTypeOf<PutTargetsCommandInput>();
    // And SDK-typed targets can be given to trailsim.
    expectTypeOf<SdkTarget & { Id: string; Arn: string; InputTransformer?: { InputTemplate: string } }>().toMatchTypeOf<Target>();
  });
});
