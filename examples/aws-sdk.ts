import { CloudTrailClient, LookupEventsCommand, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import { EventBridgeClient, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import { createSimulation } from 'trailsim';
import { attachSimulation, recordCalls } from 'trailsim/aws-sdk';

const sim = createSimulation({ seed: 7, start: '2026-03-01T09:00:00Z' });
const prod = sim.addAccount({ name: 'prod' });
const alice = prod.iamUser('alice');
sim.call(alice, 'iam:CreateUser', { userName: 'bob' });
sim.call(alice, 'iam:AttachUserPolicy', { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });

// Code written against the AWS SDK runs against the simulation: no credentials, no network.
const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example' };
const cloudtrail = new CloudTrailClient({ region: 'us-east-1', credentials });
attachSimulation(cloudtrail, sim, { principal: alice });
for await (const page of paginateLookupEvents({ client: cloudtrail }, { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }] })) {
  console.log(page.Events?.map((e) => e.EventName));
}

// Each call is recorded as CloudTrail records it: LookupEvents is a management read event.
const lookup = sim.records({ eventName: 'LookupEvents' })[0];
console.log(lookup.eventSource, lookup.eventName, 'readOnly:', lookup.readOnly, 'by', lookup.userIdentity?.userName);

// recordCalls: the same for code you only want recorded. Calls trailsim simulates still do
// what AWS would do: PutRule creates the rule and answers its ARN.
const events = new EventBridgeClient({ region: 'us-east-1', credentials });
recordCalls(events, sim, { principal: alice });
const rule = await events.send(new PutRuleCommand({ Name: 'iam-changes', EventPattern: JSON.stringify({ source: ['aws.iam'] }) }));
console.log(rule.RuleArn, '| recorded:', sim.records({ eventName: 'PutRule' }).length);

// Failures are the SDK's own exception classes, with AWS's names.
const err = await cloudtrail.send(new LookupEventsCommand({ MaxResults: 0 })).catch((e: Error) => e);
console.log(err instanceof Error && err.name);
