/**
 * Whizlabs lab 2.37: "capture API calls for resource access and changes in an account,
 * keep them 2 years, audit and analyse them".
 *
 * An account runs three days of ordinary traffic (CI, developers, applications, AWS
 * services). In the middle of it, a handful of changes an auditor cares about happen:
 * a new IAM user with an access key, a security group opened to the internet, a bucket
 * made unversioned, a trail stopped. The scenario then answers the audit questions
 * (who changed what, when, from where) the way an auditor would with CloudTrail's
 * event history: LookupEvents, one attribute at a time, paginated.
 */
import { defineScenario, type LookupEventsInput, type Simulation, type Event } from 'trailsim';

/** Every page of a LookupEvents query, as the AWS SDK paginator would return them. */
function lookupAll(sim: Simulation, accountId: string, region: string, input: LookupEventsInput): Event[] {
  const out: Event[] = [];
  let NextToken: string | undefined;
  do {
    const page = sim.lookupEvents({ accountId, region, ...input, NextToken });
    out.push(...page.Events);
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

export default defineScenario({
  name: 'whizlab-2-37',
  description: 'Capture API calls for resource access and changes in an account, keep them, audit them.',
  seed: 2037,
  start: '2026-03-02T00:00:00Z',
  run({ sim, log, answer }) {
    const acct = sim.addAccount({ name: 'workloads', alias: 'acme-workloads', regions: ['us-east-1', 'eu-west-1'] });
    const admin = acct.iamUser('alice.admin');
    const dev = acct.iamUser('bob.dev');
    const intruderIp = '203.0.113.77';
    sim.addTraffic({ rate: '120/h' });
    log(`account ${acct.id} (${acct.alias}), regions ${acct.regions.join(', ')}; background traffic 120 calls/h per region`);

    // Day 1, 10:15 — an administrator onboards a contractor.
    sim.advanceTo('2026-03-02T10:15:00Z');
    sim.call(admin, 'iam:CreateUser', { userName: 'contractor-eve' });
    sim.advance('2m');
    sim.call(admin, 'iam:AttachUserPolicy', { userName: 'contractor-eve', policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    sim.advance('1m');
    sim.call(admin, 'iam:CreateAccessKey', { userName: 'contractor-eve' });

    // Day 2, 22:40 — the contractor's key is used from an unusual address.
    sim.advanceTo('2026-03-03T22:40:00Z');
    const eve = acct.iamUser('contractor-eve').withProfile({ sourceIPs: [intruderIp] });
    const sg = acct.resources('AWS::EC2::SecurityGroup', 'eu-west-1')[0];
    sim.call(eve, 'ec2:AuthorizeSecurityGroupIngress', { groupId: sg.name, ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] } }, { region: 'eu-west-1' });
    sim.advance('3m');
    const bucket = acct.resources('AWS::S3::Bucket')[0];
    sim.call(eve, 's3:PutBucketVersioning', { bucketName: bucket.name, VersioningConfiguration: { Status: 'Suspended' } });
    sim.advance('1m');
    sim.call(eve, 'cloudtrail:StopLogging', { name: `arn:aws:cloudtrail:us-east-1:${acct.id}:trail/management-events` }, { error: 'AccessDenied' });
    sim.advance('30s');
    sim.call(dev, 'iam:ListUsers');

    sim.advanceTo('2026-03-05T00:00:00Z');
    log(`recorded ${sim.recordTotal} records over 3 days`);

    const region = 'us-east-1';
    const iamWrites = lookupAll(sim, acct.id, region, { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }] })
      .filter((e) => e.ReadOnly === 'false');
    answer(
      'Who changed IAM, and what did they change?',
      iamWrites.map((e) => `${e.EventTime?.toISOString()} ${e.Username} ${e.EventName} ${(e.Resources ?? []).map((r) => r.ResourceName).join(' ')}`),
    );

    const byEve = [...lookupAll(sim, acct.id, region, { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'contractor-eve' }] }), ...lookupAll(sim, acct.id, 'eu-west-1', { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'contractor-eve' }] })]
      .sort((a, b) => (a.EventTime?.getTime() ?? 0) - (b.EventTime?.getTime() ?? 0));
    answer(
      "What did the contractor's credentials do, and from where?",
      byEve.map((e) => {
        const r = JSON.parse(e.CloudTrailEvent ?? '{}') as { sourceIPAddress?: string; awsRegion?: string; errorCode?: string };
        return `${e.EventTime?.toISOString()} ${r.awsRegion} ${e.EventName} from ${r.sourceIPAddress}${r.errorCode ? ` -> ${r.errorCode}` : ''}`;
      }),
    );

    const sgEvents = lookupAll(sim, acct.id, 'eu-west-1', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AuthorizeSecurityGroupIngress' }] });
    answer(
      'Who opened a security group, when, and from where?',
      sgEvents.map((e) => {
        const r = JSON.parse(e.CloudTrailEvent ?? '{}') as { sourceIPAddress?: string; userIdentity?: { arn?: string } };
        return `${e.EventTime?.toISOString()} ${r.userIdentity?.arn} from ${r.sourceIPAddress}`;
      }),
    );

    const logging = lookupAll(sim, acct.id, region, { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'cloudtrail.amazonaws.com' }] })
      .filter((e) => e.ReadOnly === 'false');
    answer(
      'Did anyone try to stop or change logging?',
      logging.length === 0 ? ['no'] : logging.map((e) => {
        const r = JSON.parse(e.CloudTrailEvent ?? '{}') as { errorCode?: string };
        return `${e.EventTime?.toISOString()} ${e.Username} ${e.EventName} ${r.errorCode ? `(failed: ${r.errorCode})` : '(succeeded)'}`;
      }),
    );

    answer('Keeping them for two years', [
      'Event history keeps 90 days; two-year retention needs a trail to S3 or a CloudTrail Lake event data store.',
      'Those parts of the story (Lake SQL, S3 -> SQL) arrive with the trails and Lake features.',
    ]);
  },
});
