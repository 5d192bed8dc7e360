import { createSimulation } from 'trailsim';

const sim = createSimulation({ seed: 7, start: '2026-03-01T09:00:00Z' });
const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
const alice = prod.iamUser('alice');

sim.call(alice, 'iam:CreateUser', { userName: 'bob' });
sim.advance('5m');
sim.call(alice, 'cloudtrail:StopLogging', { name: 'main' }, { error: 'AccessDenied' });

const page = sim.lookupEvents({
  accountId: prod.id,
  region: 'us-east-1',
  LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }],
});
// Newest first; CloudTrailEvent is the record as a JSON string.
for (const e of page.Events) {
  const record = JSON.parse(e.CloudTrailEvent!);
  console.log(e.EventTime?.toISOString(), e.EventName, record.errorCode ?? 'ok');
}
// 2026-03-01T09:05:00.000Z StopLogging AccessDeniedException
// 2026-03-01T09:00:00.000Z CreateUser ok
