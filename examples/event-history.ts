import { createSimulation, replayRecords, TrailsimError, type CloudTrailRecord } from 'trailsim';

const sim = createSimulation({ seed: 5, start: '2026-03-01T00:00:00Z' });
const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
sim.addTraffic({ rate: '120/h' });
sim.advance('2d');

// Every page of a lookup, as the SDK's paginateLookupEvents would fetch them.
let pages = 0;
let events = 0;
let NextToken: string | undefined;
do {
  const page = sim.lookupEvents({
    accountId: prod.id,
    region: 'eu-west-1',
    StartTime: new Date('2026-03-02T00:00:00Z'),
    EndTime: new Date('2026-03-02T12:00:00Z'),
    MaxResults: 50,
    ...(NextToken ? { NextToken } : {}),
  });
  pages++;
  events += page.Events.length;
  NextToken = page.NextToken;
} while (NextToken);
console.log(`eu-west-1, 2026-03-02 00:00-12:00: ${events} management events in ${pages} pages`);

// One lookup attribute per call, as in AWS; global services (IAM) log in us-east-1.
const iam = sim.lookupEvents({ accountId: prod.id, region: 'us-east-1', LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }] });
console.log('newest IAM event:', iam.Events[0]?.EventName, 'by', iam.Events[0]?.Username);

// Bad input gets AWS's error, and changes nothing.
try {
  sim.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'A' }, { AttributeKey: 'Username', AttributeValue: 'B' }] });
} catch (e) {
  console.log(TrailsimError.is(e), (e as Error).name);
}

// Real logs replayed into a simulation are in its event history too, old ones included
// (eventVersion 1.05 records carry no eventCategory), and their account becomes known.
// A line of a 2020 log file (records can also come from files, folders or an S3 store):
const line =
  '{"eventVersion":"1.05","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLEEXAMPLE1","arn":"arn:aws:iam::210987654321:user/ops",' +
  '"accountId":"210987654321","accessKeyId":"AKIAEXAMPLEEXAMPLE12","userName":"ops"},"eventTime":"2026-03-02T10:00:00Z",' +
  '"eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7",' +
  '"userAgent":"aws-cli/1.18.69","requestParameters":{"instancesSet":{},"filterSet":{}},"responseElements":null,' +
  '"requestID":"5a5b2a4e-8d5e-4f0b-9d3e-0c4d6f1a2b3c","eventID":"0f6c9f0e-3b1d-4c2a-8e7f-1a2b3c4d5e6f","eventType":"AwsApiCall",' +
  '"recipientAccountId":"210987654321"}';
const old: CloudTrailRecord = JSON.parse(line);
const summary = replayRecords(sim, [old]);
const replayed = sim.lookupEvents({ accountId: '210987654321', region: 'us-east-1' });
console.log(`replayed ${summary.ingested}; event history of 210987654321:`, replayed.Events.map((e) => e.EventName));
