/**
 * How log shippers learn of new files: a trail's SNS topic (one message per delivered log
 * file, CloudTrail's `{"s3Bucket","s3ObjectKey":[...]}` inside SNS's notification JSON) and
 * S3 event notifications of the trail bucket to a queue (`Records[].s3.object.key`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createSimulation,
  InsufficientSnsTopicPolicyException,
  InvalidArgument,
  notificationKey,
  verifySnsSignature,
  type CloudTrailRecord,
} from '../../src/index.js';

function world() {
  const sim = createSimulation({ seed: 3, start: '2026-03-01T09:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', id: '111122223333', regions: ['us-east-1', 'eu-west-1'] });
  const admin = prod.iamUser('admin');
  const ct = sim.cloudtrail;
  ct.s3.createBucket('audit-logs', { ownerAccountId: prod.id });
  const eb = sim.eventBridge.forAccount(prod.id, 'us-east-1');
  return { sim, prod, admin, ct, eb };
}

function activity(w: ReturnType<typeof world>, n: number): void {
  for (let i = 0; i < n; i++) {
    w.sim.call(w.admin, 'iam:CreateUser', { userName: `u${i}` });
    w.sim.call(w.admin, 'ec2:DescribeInstances', {}, { region: 'eu-west-1' });
    w.sim.advance('97s');
  }
}

describe('SNS notifications of a trail', () => {
  it('publishes one message per delivered log file, in CloudTrail and SNS formats, and none for digests', () => {
    const w = world();
    const topic = w.ct.sns.createTopic('trail-files', { accountId: w.prod.id, region: 'us-east-1' });
    const queue = w.eb.createQueue('trail-files');
    const raw = w.eb.createQueue('trail-files-raw');
    topic.subscribe(queue);
    topic.subscribe(raw, { rawMessageDelivery: true });
    const t = w.ct.createTrail(w.admin, { Name: 'main', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true, SnsTopicName: 'trail-files' });
    expect(t.SnsTopicARN).toBe(topic.arn);
    w.ct.startLogging(w.admin, { Name: 'main' });
    activity(w, 40);
    w.sim.advance('2h');

    const objects = w.ct.s3.listObjects('audit-logs');
    const logKeys = objects.filter((o) => o.key.includes('/CloudTrail/')).map((o) => o.key);
    const digestKeys = objects.filter((o) => o.key.includes('/CloudTrail-Digest/')).map((o) => o.key);
    expect(logKeys.length).toBeGreaterThan(3);
    expect(digestKeys.length).toBeGreaterThan(0);

    const messages = queue.json<Record<string, string>>();
    expect(messages).toHaveLength(logKeys.length);
    const announced = messages.map((m) => JSON.parse(m.Message) as { s3Bucket: string; s3ObjectKey: string[] });
    expect(announced.every((m) => m.s3Bucket === 'audit-logs' && m.s3ObjectKey.length === 1)).toBe(true);
    expect(announced.flatMap((m) => m.s3ObjectKey).sort()).toEqual([...logKeys].sort());

    const body = queue.messages[0];
    expect(Object.keys(messages[0])).toEqual(['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL']);
    expect(body.startsWith('{\n  "Type" : "Notification",\n  "MessageId" : "')).toBe(true);
    expect(messages[0]).toMatchObject({ TopicArn: topic.arn, SignatureVersion: '1' });
    expect(messages[0].Message).toMatch(/^\{"s3Bucket":"audit-logs","s3ObjectKey":\["AWSLogs\/111122223333\/CloudTrail\/[a-z0-9-]+\/2026\/03\/01\/[^"]+\.json\.gz"\]\}$/);
    expect(messages[0].Timestamp).toMatch(/^2026-03-01T\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(verifySnsSignature(body)).toBe(true);
    expect(verifySnsSignature(body.replace('audit-logs', 'other-logs'))).toBe(false);
    // Raw delivery: the CloudTrail message alone.
    expect(raw.messages).toEqual(messages.map((m) => m.Message));
    // The message is published when the file is written.
    const first = w.ct.s3.getObject('audit-logs', announced[0].s3ObjectKey[0]);
    expect(Date.parse(messages[0].Timestamp)).toBe(first.lastModified);
  });

  it('CreateTrail with a topic that does not exist, or does not let CloudTrail publish, fails and changes nothing', () => {
    const w = world();
    expect(() => w.ct.createTrail(w.admin, { Name: 'main', S3BucketName: 'audit-logs', SnsTopicName: 'nope' })).toThrow(InsufficientSnsTopicPolicyException);
    w.ct.sns.createTopic('locked', { accountId: w.prod.id, region: 'us-east-1', allowsCloudTrail: false });
    expect(() => w.ct.createTrail(w.admin, { Name: 'main', S3BucketName: 'audit-logs', SnsTopicName: 'locked' })).toThrow(InsufficientSnsTopicPolicyException);
    expect(w.ct.describeTrails(w.admin, {}).trailList).toEqual([]);
    w.ct.createTrail(w.admin, { Name: 'main', S3BucketName: 'audit-logs' });
    expect(() => w.ct.updateTrail(w.admin, { Name: 'main', SnsTopicName: 'locked' })).toThrow(InsufficientSnsTopicPolicyException);
    expect(w.ct.getTrail(w.admin, { Name: 'main' }).Trail?.SnsTopicName).toBeUndefined();
    const failed = w.sim.records({ eventName: 'CreateTrail' }).filter((r: CloudTrailRecord) => r.errorCode);
    expect(failed.map((r) => r.errorCode)).toEqual(['InsufficientSnsTopicPolicyException', 'InsufficientSnsTopicPolicyException']);
  });
});

describe('S3 event notifications to a queue', () => {
  it('sends one S3 event message per object the trail writes, filtered by prefix and suffix', () => {
    const w = world();
    const all = w.eb.createQueue('all-objects');
    const logsOnly = w.eb.createQueue('log-files');
    w.ct.s3.putBucketNotificationConfiguration('audit-logs', {
      QueueConfigurations: [
        { Id: 'everything', Queue: all, Events: ['s3:ObjectCreated:*'] },
        { Id: 'logs', Queue: logsOnly, Events: ['s3:ObjectCreated:Put'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: `AWSLogs/${w.prod.id}/CloudTrail/` }, { Name: 'suffix', Value: '.json.gz' }] } } },
      ],
    });
    w.ct.createTrail(w.admin, { Name: 'main', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
    w.ct.startLogging(w.admin, { Name: 'main' });
    activity(w, 20);
    w.sim.advance('2h');
    const objects = w.ct.s3.listObjects('audit-logs');
    type S3Event = { Records: { eventVersion: string; eventSource: string; eventName: string; awsRegion: string; eventTime: string; userIdentity: { principalId: string }; s3: { configurationId: string; bucket: { name: string; arn: string }; object: { key: string; size: number; eTag: string; sequencer: string } } }[] };
    const events = all.json<S3Event>().map((m) => m.Records[0]);
    expect(events).toHaveLength(objects.length);
    expect(events.map((e) => decodeURIComponent(e.s3.object.key.replace(/\+/g, ' '))).sort()).toEqual(objects.map((o) => o.key).sort());
    const e0 = events[0];
    const o0 = w.ct.s3.getObject('audit-logs', decodeURIComponent(e0.s3.object.key));
    expect(e0).toMatchObject({ eventVersion: '2.1', eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', awsRegion: 'us-east-1', s3: { configurationId: 'everything', bucket: { name: 'audit-logs', arn: 'arn:aws:s3:::audit-logs' }, object: { size: o0.size, eTag: o0.etag.replace(/"/g, '') } } });
    expect(e0.userIdentity.principalId).toMatch(/^AWS:AROA[A-Z0-9]+:regionalDeliverySession$/);
    expect(Date.parse(e0.eventTime)).toBe(o0.lastModified);
    // Sequencers order the events of a key space.
    const seq = events.map((e) => e.s3.object.sequencer);
    expect([...seq].sort()).toEqual(seq);

    const logs = logsOnly.json<S3Event>().map((m) => m.Records[0].s3.object.key);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.length).toBeLessThan(events.length);
    expect(logs.every((k) => !k.includes('Digest'))).toBe(true);
  });

  it('URL-encodes keys as S3 does, notifies deletes, and rejects event types it cannot send', () => {
    const w = world();
    const q = w.eb.createQueue('q');
    w.ct.s3.putBucketNotificationConfiguration('audit-logs', { QueueConfigurations: [{ Queue: q, Events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'] }] });
    w.ct.s3.putObject('audit-logs', 'reports/2026 q1:final.csv', { body: Buffer.from('a,b'), lastModified: w.sim.now, requester: { principalId: 'AWS:AIDAEXAMPLE', sourceIPAddress: '203.0.113.9' } });
    w.ct.s3.deleteObject('audit-logs', 'reports/2026 q1:final.csv', w.sim.now);
    const [put, del] = q.json<{ Records: { eventName: string; userIdentity: { principalId: string }; requestParameters: { sourceIPAddress: string }; s3: { object: Record<string, unknown> } }[] }>().map((m) => m.Records[0]);
    expect(put.s3.object.key).toBe('reports/2026+q1%3Afinal.csv');
    expect(notificationKey('a b/c:d')).toBe('a+b/c%3Ad');
    expect(put).toMatchObject({ eventName: 'ObjectCreated:Put', userIdentity: { principalId: 'AWS:AIDAEXAMPLE' }, requestParameters: { sourceIPAddress: '203.0.113.9' } });
    expect(del.eventName).toBe('ObjectRemoved:Delete');
    expect(del.s3.object).not.toHaveProperty('size');
    const before = w.ct.s3.getBucketNotificationConfiguration('audit-logs');
    expect(() => w.ct.s3.putBucketNotificationConfiguration('audit-logs', { QueueConfigurations: [{ Queue: q, Events: ['s3:ObjectTagging:*' as never] }] })).toThrow(InvalidArgument);
    expect(w.ct.s3.getBucketNotificationConfiguration('audit-logs')).toEqual(before);
  });

  it('encodes any key so that form-decoding gives it back, with slashes kept and no raw spaces or pluses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), (key) => {
        const encoded = notificationKey(key);
        expect(decodeURIComponent(encoded.replace(/\+/g, ' '))).toBe(key);
        expect(encoded).not.toContain(' ');
        expect(encoded.includes('+')).toBe(key.includes(' '));
        expect(encoded.split('/').length).toBe(key.split('/').length);
      }),
    );
  });
});
