/**
 * Playbook: switch off security services (MITRE T1562.001).
 *
 * The attacker disables Security Hub (findings and standards stop) and Amazon Inspector
 * scanning of EC2, ECR and Lambda.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-security-service-disabled`
 * (detections/defense-evasion.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-security-services-disable',
  title: 'Security Hub and Inspector disabled',
  description: 'A leaked key disables Security Hub and Amazon Inspector scanning in the account.',
  attack: { techniques: ['T1562.001'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/001/',
    'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_DisableSecurityHub.html',
    'https://docs.aws.amazon.com/inspector/v2/APIReference/API_Disable.html',
  ],
  seed: 5052,
  start: '2026-06-24T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('security-tooling');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-24T09:09:00Z');
    act('securityhub:DescribeHub');
    sim.advance('15s');
    act('securityhub:DisableSecurityHub');
    sim.advance('20s');
    act('inspector2:Disable', { resourceTypes: ['EC2', 'ECR', 'LAMBDA'] }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-24T15:00:00Z');
    answer('Which security services were disabled?', trace(sim, ip));
  },
});
