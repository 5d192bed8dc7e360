/**
 * Playbook: erase logs with a short lifecycle rule on the trail bucket (MITRE T1562.008,
 * T1485.001; Stratus Red Team `aws.defense-evasion.cloudtrail-lifecycle-rule`).
 *
 * Rather than stopping the trail (which every rule watches), the attacker finds its bucket and
 * adds a lifecycle rule that deletes every object after one day.
 *
 * Detection: no SigmaHQ rule (its data-management rule names PutLifecycleConfiguration, not the
 * PutBucketLifecycle event S3 logs); the example detection `aws-s3-short-lifecycle-expiration`
 * (Panther AWS.CloudTrail.ShortLifecycle).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-cloudtrail-lifecycle-deletion',
  title: 'Trail bucket given a 1-day lifecycle expiration',
  description: 'A leaked key adds a lifecycle rule to the CloudTrail bucket that expires log files after one day.',
  attack: { techniques: ['T1562.008', 'T1485.001'], tactics: ['defense-evasion', 'impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/008/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-lifecycle-rule/',
  ],
  seed: 5020,
  start: '2026-05-23T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('finops-reporting');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-23T13:20:00Z');
    act('cloudtrail:DescribeTrails');
    sim.advance('15s');
    act('s3:GetBucketLifecycle', { bucketName: 'acme-prod-cloudtrail-logs' }, { error: 'NoSuchLifecycleConfiguration' });
    sim.advance('30s');
    act('s3:PutBucketLifecycle', { bucketName: 'acme-prod-cloudtrail-logs', LifecycleConfiguration: { Rule: { ID: 'cost-optimise', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 1 } } } });

    sim.advanceTo('2026-05-23T15:00:00Z');
    answer('Who changed the trail bucket lifecycle?', trace(sim, ip));
  },
});
