/**
 * Playbook: destroy a bucket's data (MITRE T1485, T1070).
 *
 * With a contractor's leaked access key, the attacker enumerates the buckets, lists the
 * backup bucket, tries to delete it (S3 refuses: `BucketNotEmpty`), empties it with
 * DeleteObjects and deletes it.
 *
 * Detection: Sigma 39c9f26d (Bucket Deleted) fires only on the successful DeleteBucket: the
 * failed one carries `errorCode: BucketNotEmpty`. The enumeration with long-term keys fires
 * Sigma f305fd62 (Potential Bucket Enumeration: ListBuckets by a non-role caller).
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-bucket-deletion',
  description: 'A contractor\'s leaked key enumerates buckets, fails to delete a non-empty backup bucket, empties it and deletes it.',
  title: 'S3 bucket emptied and deleted with a leaked key',
  attack: { techniques: ['T1485', 'T1070', 'T1619'], tactics: ['impact', 'defense-evasion', 'discovery'] },
  references: [
    'https://attack.mitre.org/techniques/T1485/',
    'https://rhinosecuritylabs.com/aws/s3-ransomware-part-1-attack-vector/',
  ],
  seed: 4108,
  start: '2026-03-16T06:00:00Z',
  targets: ['39c9f26d-6e3b-4dbb-9c7a-4154b0281112', 'f305fd62-beca-47da-ad95-7690a0620084'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const contractor = acct.iamUser('contractor-dataeng');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(contractor, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const bucket = acct.resources('AWS::S3::Bucket')[0].name;
    log(`account ${acct.id}; target bucket ${bucket}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-16T12:10:00Z');
    act('sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('20s');
    act('s3:ListBuckets', 's3.ls');
    sim.advance('30s');
    act('s3:ListObjects', 's3.ls', { bucketName: bucket, prefix: '', delimiter: '/' });
    sim.advance('1m');
    act('s3:DeleteBucket', 's3.rb', { bucketName: bucket }, { error: 'BucketNotEmpty' });
    sim.advance('20s');
    for (const prefix of ['backups/2026-03-14', 'backups/2026-03-15']) {
      act('s3:DeleteObjects', 's3.rm', { bucketName: bucket, Delete: { Object: [{ Key: `${prefix}/db.dump.gz` }, { Key: `${prefix}/manifest.json` }], Quiet: true } });
      sim.advance('3s');
    }
    sim.advance('30s');
    act('s3:DeleteBucket', 's3.rb', { bucketName: bucket });

    sim.advanceTo('2026-03-16T15:00:00Z');
    answer(
      'What happened to the bucket?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
