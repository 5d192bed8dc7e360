/**
 * Playbook: destroy a bucket's data with mass object deletion (MITRE T1485; Stratus Red Team
 * `aws.impact.s3-ransomware-individual-deletion` and `-batch-deletion`).
 *
 * After downloading what they want, the attacker deletes every object: first one DeleteObject
 * per key (the individual-deletion variant), then the rest with DeleteObjects batches of up
 * to 1000 keys (the batch variant, one record per batch). Both are S3 data events, recorded
 * only by trails that log data events.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-s3-batch-object-deletion` fires on
 * each DeleteObjects by a long-term key (detections/impact.ts; Panther AWS.S3.DeleteObjects
 * counts deletions).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-s3-mass-deletion',
  title: 'Bucket objects deleted en masse (DeleteObject and DeleteObjects)',
  description: 'A leaked key deletes every object of a bucket, one DeleteObject per key and then in DeleteObjects batches.',
  attack: { techniques: ['T1485'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1485/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.impact.s3-ransomware-individual-deletion/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.impact.s3-ransomware-batch-deletion/',
  ],
  seed: 5005,
  start: '2026-05-08T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('media-uploader');
    const act = actor(sim, user, ip);
    const bucket = first(acct, 'AWS::S3::Bucket', 'acme-prod-media');
    log(`account ${acct.id}; bucket ${bucket}; attacker at ${ip}`);

    sim.advanceTo('2026-05-08T13:00:00Z');
    act('s3:ListObjects', { bucketName: bucket, prefix: '', delimiter: '' });
    for (let i = 0; i < 40; i++) {
      sim.advance('1s');
      act('s3:DeleteObject', { bucketName: bucket, key: `uploads/2026/05/asset-${String(1000 + i)}.jpg` });
    }
    for (let b = 0; b < 3; b++) {
      sim.advance('4s');
      act('s3:DeleteObjects', { bucketName: bucket, delete: '' });
    }

    sim.advanceTo('2026-05-08T16:00:00Z');
    answer('Who deleted objects, how many calls?', trace(sim, ip).slice(0, 10));
  },
});
