/**
 * Playbook: S3 ransomware with customer-provided keys, "Codefinger" style (MITRE T1486,
 * T1485.001; Halcyon, January 2025).
 *
 * With a leaked key, the attacker lists a bucket, re-encrypts each object in place with
 * CopyObject and SSE-C (`x-amz-server-side-encryption-customer-algorithm: AES256`, the key
 * itself is never logged, and AWS keeps no copy), sets a lifecycle rule that deletes the
 * objects after 7 days, and leaves a ransom note in each prefix.
 *
 * Detection: no SigmaHQ rule; the example detections `aws-s3-copy-object-sse-c` and
 * `aws-s3-ransom-note-upload` (detections/impact.ts; Panther
 * AWS.S3.CopyObjectWithClientSideEncryption and AWS.S3.RansomwareNoteUpload).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-s3-ransomware-sse-c',
  title: 'S3 ransomware with SSE-C re-encryption and a 7-day lifecycle deletion (Codefinger)',
  description: 'A leaked key re-encrypts a bucket\'s objects with CopyObject and a customer-provided key, schedules their deletion in 7 days and leaves ransom notes.',
  attack: { techniques: ['T1486', 'T1485.001'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1486/',
    'https://www.halcyon.ai/blog/abusing-aws-native-services-ransomware-encrypting-s3-buckets-with-sse-c',
    'https://aws.amazon.com/blogs/security/preventing-unintended-encryption-of-amazon-s3-objects/',
  ],
  seed: 5017,
  start: '2026-05-20T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('backup-sync');
    const act = actor(sim, user, ip);
    const bucket = acct.resources('AWS::S3::Bucket')[1]?.name ?? 'acme-prod-documents';
    log(`account ${acct.id}; bucket ${bucket}; attacker at ${ip}`);

    sim.advanceTo('2026-05-20T09:00:00Z');
    act('s3:ListObjects', { bucketName: bucket, prefix: '', delimiter: '' });
    for (let i = 0; i < 12; i++) {
      const key = `contracts/${2025 + (i % 2)}/contract-${String(300 + i)}.pdf`;
      sim.advance('1s');
      act('s3:CopyObject', { bucketName: bucket, key, 'x-amz-copy-source': `${bucket}/${key}`, 'x-amz-server-side-encryption-customer-algorithm': 'AES256' }, { response: { 'x-amz-server-side-encryption-customer-algorithm': 'AES256' } });
    }
    sim.advance('20s');
    act('s3:PutBucketLifecycle', { bucketName: bucket, LifecycleConfiguration: { Rule: { ID: 'cleanup', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 7 } } } });
    for (const prefix of ['', 'contracts/']) {
      sim.advance('2s');
      act('s3:PutObject', { bucketName: bucket, key: `${prefix}HOW_TO_DECRYPT_FILES.txt` });
    }

    sim.advanceTo('2026-05-20T14:00:00Z');
    answer('What did the attacker do to the bucket?', trace(sim, ip));
  },
});
