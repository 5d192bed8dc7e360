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
 * (the layout Athena reads). Every answer names its source and the time window it read.
 * Before the audit the trail's log file validation is turned on (digest files; the console
 * turns it on by default, CreateTrail does not), so the audit also asks whether the logs were
 * tampered with, on the bucket and on a copy in which one log file was edited.
 *
 * Lake and S3 SQL need DuckDB (`@duckdb/node-api`, an optional dependency); without it those
 * answers say "skipped" and the rest still runs. The records are the same either way: the
 * Lake queries are accepted (and recorded) as AWS would accept them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineScenario, exportS3Tree, gzipDeterministic, injectBurst, parseCloudTrailFile, queryS3Tree, S3Store, type Event, type LookupEventsInput, type Simulation } from 'trailsim';

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

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Answer lines, one per event, except that a run of events with the same key (a burst) is one
 * line with its first and last time, its count, and its first and last detail.
 */
function summarize(keys: string[], times: number[], details: string[] = []): string[] {
  const out: string[] = [];
  const iso = (i: number) => new Date(times[i]).toISOString();
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    const d = (k: number) => details[k] ?? '';
    if (j - i < 3) for (let k = i; k < j; k++) out.push(`${iso(k)} ${keys[k]} ${d(k)}`.trimEnd());
    else out.push(`${iso(i)} .. ${iso(j - 1)} ${keys[i]} x${j - i}${d(i) ? ` (${d(i)} .. ${d(j - 1)})` : ''}`);
    i = j;
  }
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

    // Two years and a month of ordinary activity; validation and Insights turned on ten days before the end.
    // One line per simulated month, so the run shows progress from its first seconds.
    for (let m = 1; ; m++) {
      const next = Date.UTC(2024, 1 + m, 1);
      if (next >= Date.parse('2026-02-20T00:00:00Z')) break;
      sim.advanceTo(next);
      log(`  ${day(next).slice(0, 7)}: ${sim.recordTotal.toLocaleString('en-US')} records so far`);
    }
    sim.advanceTo('2026-02-20T00:00:00Z');
    // Preparing the audit, the team turns on what the console would have turned on at creation:
    // log file validation (CreateTrail's API default is off), and Insights. From now on the
    // trail writes an hourly signed digest per Region. (From 2024 on it would be 36,500 RSA
    // signatures, which would double this run's time without changing any answer below.)
    sim.cloudtrail.updateTrail(admin, { Name: 'management-events', EnableLogFileValidation: true });
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
    const now = sim.now;
    const before = sim.recordTotal;
    log(`recorded ${before.toLocaleString('en-US')} records from 2024-02-01 to ${day(now)}; the audit's own API calls below are recorded too`);
    const auditCalls: string[] = [];
    const stopWatching = sim.onRecord((r) => auditCalls.push(r.eventName ?? "?"));

    // --- Event history: the last 90 days (all LookupEvents keeps) ----------------------------
    const region = 'us-east-1';
    const since = now - 90 * 86_400_000;
    const history = (where: string) => `event history (LookupEvents), ${where}, ${day(since)} .. ${day(now)}: the last 90 days`;
    const window = { StartTime: new Date(since), EndTime: new Date(now) };
    const oldestFirst = (a: Event, b: Event) => (a.EventTime?.getTime() ?? 0) - (b.EventTime?.getTime() ?? 0);
    const iamWrites = lookupAll(sim, acct.id, region, { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }], ...window })
      .filter((e) => e.ReadOnly === 'false')
      .sort(oldestFirst);
    answer(
      `Who changed IAM, and what did they change? (${history(`${region}, where IAM records its events`)})`,
      summarize(
        iamWrites.map((e) => `${e.Username} ${e.EventName}`),
        iamWrites.map((e) => e.EventTime!.getTime()),
        iamWrites.map((e) => (e.Resources ?? []).map((r) => r.ResourceName).join(' ')),
      ),
    );

    const byEve = [region, 'eu-west-1']
      .flatMap((r) => lookupAll(sim, acct.id, r, { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'contractor-eve' }], ...window }))
      .sort(oldestFirst);
    answer(
      `What did the contractor's credentials do, and from where? (${history('us-east-1 and eu-west-1')})`,
      summarize(
        byEve.map((e) => `${detail(e).awsRegion} ${e.EventName} from ${detail(e).sourceIPAddress}${detail(e).errorCode ? ` -> ${detail(e).errorCode}` : ''}`),
        byEve.map((e) => e.EventTime!.getTime()),
      ),
    );

    const sgEvents = lookupAll(sim, acct.id, 'eu-west-1', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AuthorizeSecurityGroupIngress' }], ...window });
    answer(`Who opened a security group, when, and from where? (${history('eu-west-1')})`, sgEvents.map((e) => `${e.EventTime?.toISOString()} ${detail(e).userIdentity?.arn} from ${detail(e).sourceIPAddress}`));

    const logging = lookupAll(sim, acct.id, region, { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'cloudtrail.amazonaws.com' }], ...window }).filter((e) => e.ReadOnly === 'false');
    answer(
      `Did anyone try to stop or change logging? (${history(region)})`,
      logging.length === 0 ? ['no'] : logging.map((e) => `${e.EventTime?.toISOString()} ${e.Username} ${e.EventName} ${detail(e).errorCode ? `(failed: ${detail(e).errorCode})` : '(succeeded)'}`),
    );

    const insights = lookupAll(sim, acct.id, region, { EventCategory: 'insight', ...window });
    answer(
      `Did CloudTrail Insights flag unusual activity? (${history(`${region}, Insights events`)})`,
      insights.map((e) => {
        const r = JSON.parse(e.CloudTrailEvent ?? '{}') as { insightDetails?: { state: string; insightType: string; eventName: string; insightContext: { statistics: { baseline: { average: number }; insight: { average: number } } } } };
        const d = r.insightDetails!;
        return `${e.EventTime?.toISOString()} ${d.state} ${d.insightType} ${d.eventName}: ${d.insightContext.statistics.insight.average}/min against a baseline of ${d.insightContext.statistics.baseline.average}/min`;
      }),
    );

    const historyOldest = lookupAll(sim, acct.id, region, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateTrail' }] });
    answer(`Does event history still show how the trail was set up in 2024? (${history(region)})`, [
      historyOldest.length === 0 ? 'no: event history keeps 90 days; the trail and the Lake store keep the rest' : 'yes',
    ]);

    // --- Were the logs tampered with? validate-logs over the incident window -----------------
    // Delivered so far: what the trail still buffers is written first, as at a real audit.
    sim.cloudtrail.drain();
    const trailArn = `arn:aws:cloudtrail:us-east-1:${acct.id}:trail/management-events`;
    const incident = Date.parse('2026-03-01T00:00:00Z');
    const validation = `validate-logs over the trail's log and digest files, ${day(incident)} .. ${minute(now)}`;
    const verdict = (r: ReturnType<Simulation['cloudtrail']['validateLogs']>) => [
      `${r.digestFiles.valid}/${r.digestFiles.valid + r.digestFiles.invalid} digest files valid, ${r.logFiles.valid}/${r.logFiles.valid + r.logFiles.invalid} log files valid`,
      ...(r.valid ? ['no: every log file matches the hash its signed digest holds'] : [
        'yes:',
        ...[...r.modified, ...r.deleted, ...r.unreferenced, ...r.unchained].map((f) => `  ${f.kind} file ${f.key.split('/').pop()}: ${f.message.split('\t').pop()}`),
      ]),
    ];
    answer(`Were the logs tampered with? (${validation}, in s3://acme-audit-logs)`, verdict(sim.cloudtrail.validateLogs({ trail: trailArn, startTime: incident })));
    // A copy of the files (those delivered since the day before the window: digests list files
    // delivered just before midnight) in which someone removed the contractor's StopLogging attempt.
    const copy = new S3Store();
    copy.createBucket('acme-audit-logs');
    let edited = '';
    for (const o of sim.cloudtrail.s3.listObjects('acme-audit-logs', { prefix: `AWSLogs/${acct.id}/` })) {
      if (o.lastModified < incident - 86_400_000) continue;
      let body = o.body;
      if (!edited && o.key.includes('/CloudTrail/us-east-1/2026/03/03/')) {
        const records = parseCloudTrailFile(o.body, o.key);
        const kept = records.filter((x) => !(x.eventName === 'StopLogging' && x.userIdentity?.userName === 'contractor-eve'));
        if (kept.length < records.length) {
          body = gzipDeterministic(JSON.stringify({ Records: kept }));
          edited = o.key;
        }
      }
      copy.putObject('acme-audit-logs', o.key, { body, lastModified: o.lastModified, metadata: { ...o.metadata }, contentType: o.contentType, ...(o.contentEncoding ? { contentEncoding: o.contentEncoding } : {}) });
    }
    answer(
      `Were the logs tampered with? (${validation}, in a copy where ${edited.split('/').pop()} lost the contractor's StopLogging record)`,
      verdict(sim.cloudtrail.validateLogs({ trail: trailArn, startTime: incident, store: copy })),
    );

    // --- Lake SQL over 2 years --------------------------------------------------------------
    // Each query is issued whatever happened to the one before: the StartQuery records must be
    // the same with or without DuckDB, and only the printed answer says "skipped".
    const principal = admin;
    const lake = `Lake SQL over event data store audit-2y, all it keeps: 730 days up to ${day(now)}`;
    const lakeAnswer = async (question: string, sql: string, lines: (rows: Record<string, string>[]) => string[]) => {
      try {
        answer(`${question} (${lake})`, lines((await sim.lake.query(principal, sql)).rows));
      } catch (e) {
        answer(`${question} (${lake})`, [`skipped: ${(e as Error).message}`]);
      }
    };
    const cutoff = new Date(now - 730 * 86_400_000).toISOString().replace('T', ' ').slice(0, 19);
    await lakeAnswer('What does the 2-year Lake store hold?', `SELECT min(eventtime) AS oldest, max(eventtime) AS newest, count(*) AS events FROM ${storeId}`, (rows) => [
      ...rows.map((r) => `${r.events} events from ${r.oldest} to ${r.newest}`),
      `retention cut-off (730 days before now): ${cutoff}; the trail's first months are gone from the store`,
    ]);
    await lakeAnswer(
      'Who changed IAM over the whole retention period?',
      `SELECT useridentity.username AS username, eventname, count(*) AS calls FROM ${storeId}
       WHERE eventsource = 'iam.amazonaws.com' AND readonly = false AND useridentity.username IS NOT NULL
       GROUP BY 1, 2 ORDER BY calls DESC, username, eventname`,
      (rows) => rows.map((r) => `${r.username} ${r.eventname}: ${r.calls}`),
    );
    await lakeAnswer(
      "From where did the contractor's credentials act?",
      `SELECT sourceipaddress, count(*) AS calls FROM ${storeId} WHERE useridentity.username = 'contractor-eve' GROUP BY 1 ORDER BY 2 DESC`,
      (rows) => rows.map((r) => `${r.sourceipaddress}: ${r.calls} calls`),
    );

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
      answer(`Who changed IAM in March 2026? (SQL over the ${exported.objects} log files the trail delivered for us-east-1 in 2026-03, exported to disk)`, who.rows.map((r) => `${r[col('username')]} ${r[col('eventname')]}: ${r[col('calls')]}`));
    } catch (e) {
      answer('SQL over the trail log files of us-east-1, 2026-03, exported to disk', [`skipped: ${(e as Error).message}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await sim.lake.close();
    stopWatching();
    const counts = new Map<string, number>();
    for (const n of auditCalls) counts.set(n, (counts.get(n) ?? 0) + 1);
    log(
      `\nthe audit's own calls added ${auditCalls.length} record${auditCalls.length === 1 ? '' : 's'} (${[...counts].map(([n, c]) => `${n} x${c}`).join(', ') || 'none'}): ` +
        `${before.toLocaleString('en-US')} + ${auditCalls.length} = ${sim.recordTotal.toLocaleString('en-US')} records in total`,
    );
  },
});
