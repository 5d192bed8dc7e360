import { createSimulation, verifySnsSignature } from 'trailsim';

const sim = createSimulation({ seed: 3, start: '2026-03-01T09:00:00Z' });
const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1'] });
const admin = prod.iamUser('admin');
const ct = sim.cloudtrail;
const queues = sim.eventBridge.forAccount(prod.id, 'us-east-1');

// 1. The trail's SNS topic, with an SQS-like queue subscribed (how SQS-based shippers listen).
const topic = ct.sns.createTopic('cloudtrail-files', { accountId: prod.id, region: 'us-east-1' });
const fromSns = queues.createQueue('cloudtrail-files');
topic.subscribe(fromSns);

// 2. S3 event notifications of the bucket, for log files only.
ct.s3.createBucket('audit-logs', { ownerAccountId: prod.id });
const fromS3 = queues.createQueue('new-log-objects');
ct.s3.putBucketNotificationConfiguration('audit-logs', {
  QueueConfigurations: [{ Id: 'log-files', Queue: fromS3, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: `AWSLogs/${prod.id}/CloudTrail/` }] } } }],
});

ct.createTrail(admin, { Name: 'main', S3BucketName: 'audit-logs', SnsTopicName: 'cloudtrail-files' });
ct.startLogging(admin, { Name: 'main' });
sim.addTraffic({ rate: '30/h' });
sim.advance('30m');

// One SNS message per delivered log file: SNS's JSON around CloudTrail's message.
const body = fromSns.messages[0];
const notification = JSON.parse(body) as { Type: string; TopicArn: string; Message: string };
console.log(notification.Type, notification.TopicArn);
console.log(notification.Message); // {"s3Bucket":"audit-logs","s3ObjectKey":["AWSLogs/.../....json.gz"]}
console.log('signature valid (trailsim test key):', verifySnsSignature(body));

// One S3 event per object: Records[].s3.object.key (URL-encoded), size, eTag.
const s3Event = fromS3.json<{ Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size: number } } }[] }>()[0].Records[0];
console.log(s3Event.eventName, s3Event.s3.bucket.name, s3Event.s3.object.key, s3Event.s3.object.size, 'bytes');
console.log(`${fromSns.length} SNS messages, ${fromS3.length} S3 events, ${ct.s3.listKeys('audit-logs', `AWSLogs/${prod.id}/CloudTrail/`).length} log files`);
