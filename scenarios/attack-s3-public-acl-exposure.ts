/**
 * Playbook: expose a bucket through its ACL (MITRE T1530; Panther
 * AWS.S3.DeletePublicAccessBlock and AWS.S3.BucketPolicyModified).
 *
 * The attacker removes Block Public Access on the bucket and sets the canned ACL
 * `public-read`, so anyone can list and download it without credentials.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-s3-public-access-block-removed`
 * (detections/exfiltration.ts and `aws-s3-acl-grants-everyone`).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-s3-public-acl-exposure',
  title: 'Bucket made public with Block Public Access removed and a public-read ACL',
  description: 'A leaked key deletes a bucket\'s Block Public Access configuration and grants AllUsers read through the bucket ACL.',
  attack: { techniques: ['T1530', 'T1562.007'], tactics: ['collection', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1530/',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
  ],
  seed: 5036,
  start: '2026-06-08T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('web-assets-deployer');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-08T16:20:00Z');
    const bucket = acct.resources('AWS::S3::Bucket')[2]?.name ?? 'acme-prod-exports';
    act('s3:GetBucketAcl', { bucketName: bucket, acl: '' });
    sim.advance('10s');
    act('s3:DeleteBucketPublicAccessBlock', { bucketName: bucket, publicAccessBlock: '' });
    sim.advance('20s');
    act('s3:PutBucketAcl', { bucketName: bucket, acl: '', 'x-amz-acl': 'public-read' });

    sim.advanceTo('2026-06-08T19:00:00Z');
    answer('Which buckets were made public?', trace(sim, ip));
  },
});
