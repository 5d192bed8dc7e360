/**
 * Whizlabs lab 2.37: "capture API calls for resource access and changes in an account,
 * keep them 2 years, audit and analyse them".
 *
 * The account turns on a multi-region trail to an S3 bucket and a CloudTrail Lake event
 * data store with 2-year retention, then runs a little over two years of ordinary traffic
 * (CI, developers, applications, AWS services). Near the end, changes an auditor cares
 * about happen: a new IAM user with an access key, a security group opened to the
 * internet, bucket versioning suspended, a denied attempt to stop the trail, and a burst
 * of IAM calls that CloudTrail Insights flags.
 *
 * The audit is answered three ways, as the lab asks: event history (LookupEvents, last 90
 * days), Lake SQL over the 2-year store, and SQL over the trail's S3 logs exported to disk
 * (the layout Athena reads). Lake and S3 SQL need DuckDB (`@duckdb/node-api`, an optional
 * dependency); without it those answers say so and the rest still runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineScenario, exportS3Tree, injectBurst, queryS3Tree, type Event, type LookupEventsInput, type Simulation } from 'trailsim';

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

const detail = (e: Event) => JSON.parse(e.CloudTrailEvent ?? '{}') as { sourceIPAddress?: string; awsRegion?: string; errorCode?: string; userIdentity?: { arn?: string } };

export default defineScenario({
  name: 'whizlab-2-37',
  description: 'Capture API calls for resource access and changes in an account, keep them 2 years, audit and analyse them.',
  seed: 2037,
  start: '2024-02-01T00:00:00Z',
  async run({ sim, log, answer }) {
    const acct = sim.addAccount({ name: 'workloads', alias: 'acme-workloads', regions: ['us-east-1', 'eu-west-1'] });
    const admin = acct.iamUser('alice.admin');
    const dev = acct.iamUser('bob.dev');
    const intruderIp = '203.0.113.77';

    // Capture: a multi-region trail to S3, and a Lake event data store kept 2 years.
    sim.cloudtrail.s3.createBucket('acme-audit-logs');
    sim.cloudtrail.createTrail(admin, { Name: 'management-events', S3BucketName: 'acme-audit-logs', IsMultiRegionTrail: true });
    sim.cloudtrail.startLogging(admin, { Name: 'management-events' });
    const store = sim.lake.createEventDataStore(admin, { Name: 'audit-2y', RetentionPeriod: 730, TerminationProtectionEnabled: true }, { region: 'us-east-1' });
    const storeId = store.EventDataStoreArn!.split('/').pop()!;
    sim.addTraffic({ rate: '2/h' });
    log(`account ${acct.id} (${acct.alias}): trail management-events -> s3://acme-audit-logs, Lake store ${storeId} (730 days)`);

    // Two years and a month of ordinary activity; Insights turned on ten days before the end.
    sim.advanceTo('2026-02-20T00:00:00Z');
    sim.insights.enable({ accountId: acct.id, regions: ['us-east-1'] });

    // 2026-03-02 10:15: an administrator onboards a contractor.
    sim.advanceTo('2026-03-02T10:15:00Z');
    sim.call(admin, 'iam:CreateUser', { userName: 'contractor-eve' });
    sim.advance('2m');
    sim.call(admin, 'iam:AttachUserPolicy', { userName: 'contractor-eve', policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    sim.advance('1m');
    sim.call(admin, 'iam:CreateAccessKey', { userName: 'contractor-eve' });

    // 2026-03-03 22:40: the contractor's key is used from an unusual address.
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

    // 2026-03-04 03:00: a burst of IAM calls by the contractor's key.
    sim.advanceTo('2026-03-04T03:00:00Z');
    injectBurst(sim, { principal: eve, operation: 'iam:CreateUser', count: 40, over: '4m' });

    sim.advanceTo('2026-03-06T00:00:00Z');
    log(`recorded ${sim.recordTotal} records since ${new Date(Date.parse('2024-02-01T00:00:00Z')).toISOString().slice(0, 10)}`);

    // --- Event history: the last 90 days -------------------------------------------------
    const region = 'us-east-1';
    const iamWrites = lookupAll(sim, acct.id, region, { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }], StartTime: new Date('2026-03-02T00:00:00Z'), EndTime: new Date('2026-03-04T00:00:00Z') }).filter((e) => e.ReadOnly === 'false');
    answer(
      'Who changed IAM, and what did they change? (event history)',
      iamWrites.map((e) => `${e.EventTime?.toISOString()} ${e.Username} ${e.EventName} ${(e.Resources ?? []).map((r) => r.ResourceName).join(' ')}`),
    );

    const byEve = [region, 'eu-west-1']
      .flatMap((r) => lookupAll(sim, acct.id, r, { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'contractor-eve' }], EndTime: new Date('2026-03-04T00:00:00Z') }))
      .sort((a, b) => (a.EventTime?.getTime() ?? 0) - (b.EventTime?.getTime() ?? 0));
    answer(
      "What did the contractor's credentials do, and from where? (event history)",
      byEve.map((e) => `${e.EventTime?.toISOString()} ${detail(e).awsRegion} ${e.EventName} from ${detail(e).sourceIPAddress}${detail(e).errorCode ? ` -> ${detail(e).errorCode}` : ''}`),
    );

    const sgEvents = lookupAll(sim, acct.id, 'eu-west-1', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AuthorizeSecurityGroupIngress' }] });
    answer('Who opened a security group, when, and from where? (event history)', sgEvents.map((e) => `${e.EventTime?.toISOString()} ${detail(e).userIdentity?.arn} from ${detail(e).sourceIPAddress}`));

    const logging = lookupAll(sim, acct.id, region, { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'cloudtrail.amazonaws.com' }] }).filter((e) => e.ReadOnly === 'false');
    answer(
      'Did anyone try to stop or change logging? (event history)',
      logging.length === 0 ? ['no'] : logging.map((e) => `${e.EventTime?.toISOString()} ${e.Username} ${e.EventName} ${detail(e).errorCode ? `(failed: ${detail(e).errorCode})` : '(succeeded)'}`),
    );

    const insights = lookupAll(sim, acct.id, region, { EventCategory: 'insight' });
    answer(
      'Did CloudTrail Insights flag unusual activity?',
      insights.map((e) => {
        const r = JSON.parse(e.CloudTrailEvent ?? '{}') as { insightDetails?: { state: string; insightType: string; eventName: string; insightContext: { statistics: { baseline: { average: number }; insight: { average: number } } } } };
        const d = r.insightDetails!;
        return `${e.EventTime?.toISOString()} ${d.state} ${d.insightType} ${d.eventName}: ${d.insightContext.statistics.insight.average}/min against a baseline of ${d.insightContext.statistics.baseline.average}/min`;
      }),
    );

    const historyOldest = lookupAll(sim, acct.id, region, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateTrail' }] });
    answer('Does event history still show how the trail was set up in 2024?', [historyOldest.length === 0 ? 'no: event history keeps 90 days; the trail and the Lake store keep the rest' : 'yes']);

    // --- Lake SQL over 2 years --------------------------------------------------------------
    const principal = admin;
    try {
      const span = await sim.lake.query(principal, `SELECT min(eventtime) AS oldest, max(eventtime) AS newest, count(*) AS events FROM ${storeId}`);
      const cutoff = new Date(Date.parse('2026-03-06T00:00:00Z') - 730 * 86_400_000).toISOString().replace('T', ' ').slice(0, 19);
      answer('What does the 2-year Lake store hold? (Lake SQL)', [
        ...span.rows.map((r) => `${r.events} events from ${r.oldest} to ${r.newest}`),
        `retention cut-off (730 days before now): ${cutoff}; the trail's first months are gone from the store`,
      ]);
      const who = await sim.lake.query(
        principal,
        `SELECT useridentity.username AS username, eventname, count(*) AS calls FROM ${storeId}
         WHERE eventsource = 'iam.amazonaws.com' AND readonly = false AND useridentity.username IS NOT NULL
         GROUP BY 1, 2 ORDER BY calls DESC, username, eventname`,
      );
      answer('Who changed IAM over the whole retention period? (Lake SQL)', who.rows.map((r) => `${r.username} ${r.eventname}: ${r.calls}`));
      const ips = await sim.lake.query(
        principal,
        `SELECT sourceipaddress, count(*) AS calls FROM ${storeId} WHERE useridentity.username = 'contractor-eve' GROUP BY 1 ORDER BY 2 DESC`,
      );
      answer("From where did the contractor's credentials act? (Lake SQL)", ips.rows.map((r) => `${r.sourceipaddress}: ${r.calls} calls`));
    } catch (e) {
      answer('Lake SQL', [`skipped: ${(e as Error).message}`]);
    }

    // --- SQL over the trail's S3 logs (Athena-style), last month's partitions ------------------
    const dir = mkdtempSync(join(tmpdir(), 'trailsim-whizlab-'));
    try {
      const exported = exportS3Tree(sim.cloudtrail.s3, dir, { prefix: `AWSLogs/${acct.id}/CloudTrail/us-east-1/2026/03/` });
      const who = await queryS3Tree(
        join(dir, 'acme-audit-logs', 'AWSLogs', acct.id, 'CloudTrail', 'us-east-1', '2026', '03'),
        `SELECT useridentity.username AS username, eventname, count(*) AS calls FROM cloudtrail_logs
         WHERE eventsource = 'iam.amazonaws.com' AND readonly = 'false' AND useridentity.username IS NOT NULL
         GROUP BY 1, 2 ORDER BY calls DESC, username, eventname`,
      );
      const col = (name: string) => who.columns.indexOf(name);
      answer(`Who changed IAM in March 2026? (SQL over ${exported.objects} exported S3 log files)`, who.rows.map((r) => `${r[col('username')]} ${r[col('eventname')]}: ${r[col('calls')]}`));
    } catch (e) {
      answer('SQL over S3', [`skipped: ${(e as Error).message}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await sim.lake.close();
  },
});
