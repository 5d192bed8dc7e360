import { gunzipSync } from 'node:zlib';
import { createSimulation, cloudTrailFiles, readCloudTrailRecords } from 'trailsim';

const sim = createSimulation({ seed: 11, start: '2026-03-01T09:00:00Z' });
const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
const admin = prod.iamUser('admin');

// A multi-Region trail with log file validation (signed hourly digests), delivering to S3.
const ct = sim.cloudtrail;
ct.s3.createBucket('audit-logs', { ownerAccountId: prod.id });
const trail = ct.createTrail(admin, { Name: 'main', S3BucketName: 'audit-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true });
ct.startLogging(admin, { Name: 'main' });

sim.addTraffic({ rate: '60/h' });
sim.advance('3h'); // delivery runs on the virtual clock: a file about every 5 minutes per Region

// Reading the S3 store: objects in AWS's key layout, gzipped {"Records":[...]} files.
const objects = ct.s3.listObjects('audit-logs', { prefix: `AWSLogs/${prod.id}/` });
const logs = objects.filter((o) => o.key.includes('/CloudTrail/'));
const digests = objects.filter((o) => o.key.includes('/CloudTrail-Digest/'));
console.log(`${logs.length} log files, ${digests.length} digest files`);
console.log('first key:', logs[0].key);
const first = JSON.parse(gunzipSync(logs[0].body).toString('utf8')) as { Records: { eventName: string }[] };
console.log('first file holds', first.Records.length, 'records, e.g.', first.Records[0].eventName);
// The same, parsed for you: every log file with its records, or every record.
console.log('files:', [...cloudTrailFiles(ct.s3)].length, 'records delivered:', readCloudTrailRecords(ct.s3).length);

// validateLogs: `aws cloudtrail validate-logs` over the in-memory bucket.
console.log(ct.validateLogs({ trail: trail.TrailARN!, startTime: '2026-03-01T09:00:00Z' }).report());

// Tamper with one log file: validation says which.
const victim = logs[3];
ct.s3.putObject('audit-logs', victim.key, { body: Buffer.from('{"Records":[]}'), lastModified: sim.now });
const after = ct.validateLogs({ trail: trail.TrailARN!, startTime: '2026-03-01T09:00:00Z' });
console.log('valid after tampering:', after.valid, '- modified:', after.modified.map((f) => f.key.split('/').pop()));
