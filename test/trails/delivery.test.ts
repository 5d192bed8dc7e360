import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { parseCloudTrailKey } from '../../src/cloudtrail/trails/object-keys.js';
import { cloudTrailLogStreamName } from '../../src/cloudtrail/trails/cloudwatch-logs.js';
import { RECORD_KEY_ORDER, type CloudTrailRecord, type InsightRecord } from '../../src/record/types.js';
import type { Principal } from '../../src/world/principal.js';
import type { Simulation } from '../../src/simulation.js';
import { copyId, deliveredRecords, setup } from './helpers.js';

const FIVE_MIN = 300_000;

/** A little of everything: IAM (global), EC2 and KMS in both Regions, S3 and Lambda data events. */
function activity(sim: Simulation, who: Principal, rounds: number, step = '47s'): CloudTrailRecord[] {
  const out: CloudTrailRecord[] = [];
  for (let i = 0; i < rounds; i++) {
    out.push(sim.call(who, 'iam:CreateUser', { userName: `u${i}` }));
    out.push(sim.call(who, 'ec2:DescribeInstances', {}, { region: i % 2 ? 'eu-west-1' : 'us-east-1' }));
    out.push(sim.call(who, 'kms:Decrypt', {}, { region: 'eu-west-1' }));
    out.push(sim.call(who, 's3:GetObject', {}));
    out.push(sim.call(who, 'lambda:Invoke', {}, { region: 'eu-west-1' }));
    sim.advance(step);
  }
  return out;
}

describe('S3 delivery layout and cadence', () => {
  it('writes gzipped {"Records":[...]} files under AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD, about every 5 minutes', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    s.ct.startLogging(alice, { Name: 'main' });
    activity(s.sim, alice, 30);
    s.sim.advance('10m');
    const files = s.ct.s3.listObjects(s.bucket);
    expect(files.length).toBeGreaterThan(3);
    const name = new RegExp(`^AWSLogs/${s.prod.id}/CloudTrail/us-east-1/2026/03/01/${s.prod.id}_CloudTrail_us-east-1_20260301T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$`);
    for (const f of files) {
      expect(f.key).toMatch(name);
      // gzip, deflate, no flags, MTIME 0, XFL 0, OS 3: the same bytes on any machine.
      expect(Buffer.from(f.body.subarray(0, 10)).toString('hex')).toBe('1f8b0800000000000003');
      const text = gunzipSync(f.body).toString('utf8');
      expect(text.startsWith('{"Records":[{"eventVersion":"1.11"')).toBe(true);
      const records = (JSON.parse(text) as { Records: CloudTrailRecord[] }).Records;
      const delivered = parseCloudTrailKey(f.key)!.time;
      expect(f.lastModified - delivered).toBeLessThan(60_000);
      for (const r of records) {
        const lag = f.lastModified - Date.parse(r.eventTime);
        expect(lag).toBeGreaterThanOrEqual(0);
        expect(lag).toBeLessThanOrEqual(FIVE_MIN);
        expect(Object.keys(r)).toEqual(RECORD_KEY_ORDER.filter((k) => k in r));
      }
    }
    const times = files.map((f) => f.lastModified).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect((times[i] - times[0]) % FIVE_MIN).toBe(0);
  });

  it('writes nothing while the trail is not logging and delivers its own Start/StopLogging events', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    activity(s.sim, alice, 3);
    s.sim.advance('30m');
    expect(s.ct.s3.objectCount).toBe(0);
    s.ct.startLogging(alice, { Name: 'main' });
    s.sim.advance('1m');
    s.ct.stopLogging(alice, { Name: 'main' });
    activity(s.sim, alice, 3);
    s.sim.advance('30m');
    const names = deliveredRecords(s.ct.s3).map((d) => d.record.eventName);
    expect(names).toEqual(['StartLogging', 'StopLogging']);
  });

  it('uses the key prefix and the organization path for organization trails', () => {
    const s = setup();
    const mgmt = s.sim.addAccount({ name: 'mgmt', regions: ['us-east-1'] });
    const org = s.sim.createOrganization(mgmt);
    const admin = mgmt.iamUser('admin');
    s.ct.createTrail(admin, { Name: 'org-trail', S3BucketName: s.bucket, S3KeyPrefix: 'audit/org', IsOrganizationTrail: true, IsMultiRegionTrail: true });
    s.ct.startLogging(admin, { Name: 'org-trail' });
    const member = s.prod.iamUser('alice');
    activity(s.sim, member, 5);
    activity(s.sim, admin, 2);
    s.sim.advance('10m');
    const keys = s.ct.s3.listKeys(s.bucket).map((k) => parseCloudTrailKey(k)!);
    expect(keys.every((k) => k.prefix === 'audit/org' && k.organizationId === org.id)).toBe(true);
    expect(new Set(keys.map((k) => `${k.accountId}/${k.region}`))).toEqual(new Set([`${s.prod.id}/us-east-1`, `${s.prod.id}/eu-west-1`, `${mgmt.id}/us-east-1`, `${mgmt.id}/eu-west-1`]));
    expect(s.ct.s3.listKeys(s.bucket)[0]).toMatch(new RegExp(`^audit/org/AWSLogs/${org.id}/\\d{12}/CloudTrail/`));
  });

  it('takes Regions and global service events as the trail scope says', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'east', S3BucketName: s.bucket });
    s.ct.createTrail(alice, { Name: 'east-noglobal', S3BucketName: s.bucket, IncludeGlobalServiceEvents: false, S3KeyPrefix: 'ng' });
    s.ct.createTrail(alice, { Name: 'west', S3BucketName: s.bucket, S3KeyPrefix: 'w' }, { region: 'eu-west-1' });
    s.ct.createTrail(alice, { Name: 'all', S3BucketName: s.bucket, IsMultiRegionTrail: true, S3KeyPrefix: 'all' });
    for (const [n, r] of [['east', 'us-east-1'], ['east-noglobal', 'us-east-1'], ['west', 'eu-west-1'], ['all', 'us-east-1']]) s.ct.startLogging(alice, { Name: n }, { region: r });
    const made = activity(s.sim, alice, 6);
    s.sim.advance('10m');
    const by = (prefix: string | undefined) => deliveredRecords(s.ct.s3).filter((d) => parseCloudTrailKey(d.key)!.prefix === prefix).map((d) => d.record);
    const mgmtMade = made.filter((r) => r.eventCategory === 'Management');
    const ids = (rs: CloudTrailRecord[]) => new Set(rs.map(copyId));
    expect(ids(by(undefined).filter((r) => r.eventSource !== 'cloudtrail.amazonaws.com'))).toEqual(ids(mgmtMade.filter((r) => r.awsRegion === 'us-east-1')));
    expect(by('ng').some((r) => r.eventSource === 'iam.amazonaws.com')).toBe(false);
    expect(by('ng').some((r) => r.eventSource === 'ec2.amazonaws.com')).toBe(true);
    // Since Nov 2021 a single-Region trail outside us-east-1 gets no IAM events.
    expect(by('w').every((r) => r.awsRegion === 'eu-west-1' && r.eventSource !== 'iam.amazonaws.com')).toBe(true);
    expect(ids(by('all').filter((r) => r.eventSource !== 'cloudtrail.amazonaws.com'))).toEqual(ids(mgmtMade));
    // Data events are off by default.
    expect(deliveredRecords(s.ct.s3).some((d) => d.record.eventCategory === 'Data')).toBe(false);
  });

  it('delivers data events a selector asks for', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'all', S3BucketName: s.bucket, IsMultiRegionTrail: true });
    s.ct.putEventSelectors(alice, { TrailName: 'all', EventSelectors: [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }] }] });
    s.ct.startLogging(alice, { Name: 'all' });
    const made = activity(s.sim, alice, 4);
    s.sim.advance('10m');
    const got = deliveredRecords(s.ct.s3).map((d) => d.record);
    expect(new Set(got.map(copyId))).toEqual(new Set(made.filter((r) => r.eventSource === 'lambda.amazonaws.com').map(copyId)));
  });

  it('splits big batches into several files delivered at the same time', () => {
    const s = setup({ service: { maxRecordsPerFile: 3 } });
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    s.ct.startLogging(alice, { Name: 'main' });
    for (let i = 0; i < 10; i++) s.sim.call(alice, 'iam:ListUsers');
    s.sim.advance('6m');
    const files = s.ct.s3.listObjects(s.bucket);
    expect(files.length).toBe(4);
    expect(new Set(files.map((f) => parseCloudTrailKey(f.key)!.time)).size).toBe(1);
    expect(new Set(files.map((f) => parseCloudTrailKey(f.key)!.unique)).size).toBe(4);
    expect(deliveredRecords(s.ct.s3)).toHaveLength(11);
  });

  it('reports a delivery error when the bucket is gone', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    s.ct.startLogging(alice, { Name: 'main' });
    s.ct.s3.deleteBucket(s.bucket);
    s.sim.call(alice, 'iam:ListUsers');
    s.sim.advance('6m');
    expect(s.ct.getTrailStatus(alice, { Name: 'main' }).LatestDeliveryError).toBe('NoSuchBucket');
  });

  it('is deterministic: same seed, same bytes; another seed, other unique strings', () => {
    const run = (seed: number) => {
      const s = setup({ seed });
      const alice = s.prod.iamUser('alice');
      s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, IsMultiRegionTrail: true, EnableLogFileValidation: true });
      s.ct.startLogging(alice, { Name: 'main' });
      activity(s.sim, alice, 10, '3m');
      s.sim.advance('2h');
      return [...s.ct.s3.allObjects()].map((o) => [o.key, Buffer.from(o.body).toString('base64'), JSON.stringify(o.metadata)]);
    };
    expect(run(11)).toEqual(run(11));
    expect(run(11).map((x) => x[0])).not.toEqual(run(12).map((x) => x[0]));
  });
});

describe('CloudWatch Logs delivery', () => {
  it("sends each record as one log event to <account>_CloudTrail_<region>, dropping events over 256 KB", () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    const group = s.ct.logs.createLogGroup(s.prod.id, 'us-east-1', 'CloudTrail/logs');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: group, CloudWatchLogsRoleArn: `arn:aws:iam::${s.prod.id}:role/ct-cwl` });
    s.ct.startLogging(alice, { Name: 'main' });
    activity(s.sim, alice, 4);
    // Records over 256 KB exist only in replayed logs (the builder truncates as CloudTrail does).
    const small = s.sim.call(alice, 'iam:ListUsers');
    const big = { ...small, eventID: '99999999-9999-4999-8999-999999999999', requestParameters: { policyDocument: 'x'.repeat(300 * 1024) } };
    s.sim.ingest(big);
    s.sim.advance('10m');
    expect(s.ct.logs.logStreams(group)).toEqual([cloudTrailLogStreamName(s.prod.id, 'eu-west-1'), cloudTrailLogStreamName(s.prod.id, 'us-east-1')]);
    expect(cloudTrailLogStreamName(s.prod.id, 'us-east-1')).toBe(`${s.prod.id}_CloudTrail_us-east-1`);
    const events = [...s.ct.logs.getLogEvents(group, `${s.prod.id}_CloudTrail_us-east-1`), ...s.ct.logs.getLogEvents(group, `${s.prod.id}_CloudTrail_eu-west-1`)];
    const inS3 = deliveredRecords(s.ct.s3).map((d) => d.record);
    expect(inS3.some((r) => r.eventID === big.eventID)).toBe(true);
    expect(events.some((e) => e.message.includes(big.eventID))).toBe(false);
    expect(new Set(events.map((e) => (JSON.parse(e.message) as CloudTrailRecord).eventID))).toEqual(new Set(inS3.filter((r) => r.eventID !== big.eventID).map((r) => r.eventID)));
    for (const e of events) expect(e.timestamp).toBe(Date.parse((JSON.parse(e.message) as CloudTrailRecord).eventTime));
  });
});

describe('Insights files', () => {
  it('delivers Insights records under CloudTrail-Insight/ for trails with Insights selectors only', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'with', S3BucketName: s.bucket, S3KeyPrefix: 'with' });
    s.ct.createTrail(alice, { Name: 'without', S3BucketName: s.bucket, S3KeyPrefix: 'without' });
    s.ct.putInsightSelectors(alice, { TrailName: 'with', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
    s.ct.startLogging(alice, { Name: 'with' });
    s.ct.startLogging(alice, { Name: 'without' });
    const insight: InsightRecord = {
      eventVersion: '1.08',
      eventTime: '2026-03-01T09:00:00Z',
      awsRegion: 'us-east-1',
      eventID: '11111111-2222-4333-8444-555555555555',
      eventType: 'AwsCloudTrailInsight',
      recipientAccountId: s.prod.id,
      sharedEventID: '11111111-2222-4333-8444-666666666666',
      insightDetails: { state: 'Start', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', insightType: 'ApiCallRateInsight', insightContext: { statistics: { baseline: { average: 0.1 }, insight: { average: 5 }, insightDuration: 1, baselineDuration: 10079 } } },
      eventCategory: 'Insight',
    };
    s.sim.ingest(insight);
    s.sim.advance('10m');
    const ins = deliveredRecords(s.ct.s3, 'insight');
    expect(ins.map((d) => d.record.eventID)).toEqual([insight.eventID]);
    expect(ins[0].key).toMatch(new RegExp(`^with/AWSLogs/${s.prod.id}/CloudTrail-Insight/us-east-1/2026/03/01/${s.prod.id}_CloudTrail-Insight_us-east-1_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$`));
    expect(deliveredRecords(s.ct.s3).some((d) => d.record.eventID === insight.eventID)).toBe(false);
  });
});

describe('delivery imperfections', () => {
  it('late delivery adds addendum DELIVERY_DELAY in its place and delivers later', () => {
    const s = setup({ service: { imperfections: { late: { probability: 1, delay: '2h' } } } });
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    s.ct.startLogging(alice, { Name: 'main' });
    const r = s.sim.call(alice, 'iam:ListUsers');
    s.sim.advance('1h');
    expect(deliveredRecords(s.ct.s3).some((d) => d.record.eventID === r.eventID)).toBe(false);
    s.sim.advance('1h10m');
    const got = deliveredRecords(s.ct.s3).find((d) => d.record.eventID === r.eventID)!.record;
    expect(got.addendum).toEqual({ reason: 'DELIVERY_DELAY' });
    expect(Object.keys(got)).toEqual(RECORD_KEY_ORDER.filter((k) => k in got));
    const { addendum: _a, ...rest } = got;
    expect(rest).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it('duplicates deliver a record twice, in different files; out-of-order keeps the set', () => {
    const s = setup({ seed: 3, service: { imperfections: { duplicates: { probability: 1 }, outOfOrder: true } } });
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    s.ct.startLogging(alice, { Name: 'main' });
    const made = Array.from({ length: 40 }, () => s.sim.call(alice, 'iam:ListUsers'));
    s.sim.advance('30m');
    const got = deliveredRecords(s.ct.s3).filter((d) => d.record.eventName === 'ListUsers');
    for (const r of made) {
      const copies = got.filter((d) => d.record.eventID === r.eventID);
      expect(copies).toHaveLength(2);
      expect(copies[0].key).not.toBe(copies[1].key);
    }
    const first = got.filter((d) => d.key === got[0].key).map((d) => d.record.eventID);
    expect(first).not.toEqual(made.map((r) => r.eventID).filter((id) => first.includes(id)));
  });

  it('is off by default', () => {
    const s = setup();
    expect(s.ct.imperfect).toBe(false);
  });
});

describe('bus gating', () => {
  it('covers an account and Region only while a logging trail does, data events only when it logs them', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    const mgmt = s.sim.call(alice, 'ec2:DescribeInstances', {}, { region: 'eu-west-1' });
    const iam = s.sim.call(alice, 'iam:ListUsers');
    const obj = s.sim.call(alice, 's3:GetObject');
    expect(s.ct.isCoveredByLoggingTrail(s.prod.id, 'eu-west-1', mgmt)).toBe(false);
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, IsMultiRegionTrail: true });
    expect(s.ct.coveringTrails(s.prod.id, 'eu-west-1', mgmt).map((t) => t.Name)).toEqual(['main']);
    expect(s.ct.isCoveredByLoggingTrail(s.prod.id, 'eu-west-1', mgmt)).toBe(false);
    s.ct.startLogging(alice, { Name: 'main' });
    expect(s.ct.isCoveredByLoggingTrail(s.prod.id, 'eu-west-1', mgmt)).toBe(true);
    expect(s.ct.coveredBy(iam)).toBe(true);
    expect(s.ct.coveredBy(obj)).toBe(false);
    s.ct.putEventSelectors(alice, { TrailName: 'main', EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] });
    expect(s.ct.coveredBy(obj)).toBe(true);
    expect(s.ct.isCoveredByLoggingTrail('999999999999', 'us-east-1', iam)).toBe(false);
    s.ct.stopLogging(alice, { Name: 'main' });
    expect(s.ct.coveredBy(iam)).toBe(false);
  });
});
