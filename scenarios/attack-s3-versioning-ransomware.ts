/**
 * Playbook: S3 ransomware (MITRE T1486, T1490; the Rhino Security Labs / Halcyon S3
 * ransomware write-ups).
 *
 * With a leaked key, the attacker suspends versioning on a bucket (so old versions can no
 * longer be recovered), re-encrypts objects in place with a KMS key from their own account
 * (`CopyObject` with SSE-KMS), deletes the originals' other copies and leaves a ransom note.
 *
 * Detection: Sigma a136ac98 (S3 Bucket Versioning Disable) fires on PutBucketVersioning whose
 * request carries `Suspended`. The in-place re-encryption and deletes are data events no
 * rule of the 57 watches.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';
const ATTACKER_KEY = 'arn:aws:kms:us-east-1:731942086655:key/7d3c2b1a-9e8f-4a6b-8c5d-4e3f2a1b0c9d';

export default defineScenario({
  name: 'attack-s3-versioning-ransomware',
  description: 'A leaked key suspends bucket versioning, re-encrypts objects with an attacker-held KMS key and leaves a ransom note.',
  title: 'S3 ransomware: versioning suspended, objects re-encrypted, ransom note left',
  attack: { techniques: ['T1486', 'T1490'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1486/',
    'https://rhinosecuritylabs.com/aws/s3-ransomware-part-1-attack-vector/',
    'https://www.halcyon.ai/blog/abusing-aws-native-services-ransomware-encrypting-s3-buckets-with-sse-c',
  ],
  seed: 4136,
  start: '2026-04-13T06:00:00Z',
  targets: ['a136ac98-b2bc-4189-a14d-f0d0388e57a7'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'data', alias: 'acme-data', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('etl-loader');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BOTO, ...opts });
    const bucket = acct.resources('AWS::S3::Bucket')[0].name;
    log(`account ${acct.id}; bucket ${bucket}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-13T10:00:00Z');
    act('s3:GetBucketVersioning', { bucketName: bucket });
    sim.advance('5s');
    act('s3:PutBucketVersioning', { bucketName: bucket, VersioningConfiguration: { Status: 'Suspended' } });
    sim.advance('1m');
    act('s3:ListObjects', { bucketName: bucket, prefix: '', delimiter: '' });
    for (let i = 0; i < 8; i++) {
      const key = `invoices/2026/inv-${String(4100 + i)}.pdf`;
      sim.advance('1s');
      act('s3:CopyObject', { bucketName: bucket, key, 'x-amz-copy-source': `${bucket}/${key}`, 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': ATTACKER_KEY }, { response: { 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': ATTACKER_KEY } });
    }
    // The note is dropped in every prefix the attacker touched, under the name S3 ransomware
    // crews use (Panther AWS.S3.RansomwareNoteUpload keys on such names).
    for (const prefix of ['', 'invoices/', 'invoices/2026/']) {
      sim.advance('2s');
      act('s3:PutObject', { bucketName: bucket, key: `${prefix}HOW_TO_DECRYPT_FILES.txt` });
    }

    sim.advanceTo('2026-04-13T14:00:00Z');
    answer(
      'What did the attacker do to the bucket?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.requestParameters?.key ? ` ${r.requestParameters.key}` : ''}`),
    );
  },
});
