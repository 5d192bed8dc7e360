/**
 * Playbook: delete AWS Config rules (MITRE T1562.001).
 *
 * Stopping the recorder is watched (Sigma 07330162); the attacker deletes the compliance
 * rules instead, so misconfigurations they create are never flagged.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-config-rule-deleted`
 * (detections/defense-evasion.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-config-rule-deletion',
  title: 'AWS Config rules deleted',
  description: 'A leaked key deletes the AWS Config rules that flag public buckets and open security groups, leaving the recorder running.',
  attack: { techniques: ['T1562.001'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/001/',
    'https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteConfigRule.html',
  ],
  seed: 5051,
  start: '2026-06-23T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('compliance-bot');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-23T11:05:00Z');
    act('config:DescribeConfigRules');
    for (const rule of ['s3-bucket-public-read-prohibited', 'restricted-ssh', 'cloudtrail-enabled']) {
      sim.advance('8s');
      act('config:DeleteConfigRule', { configRuleName: rule });
    }

    sim.advanceTo('2026-06-23T15:00:00Z');
    answer('Which Config rules were deleted?', trace(sim, ip));
  },
});
