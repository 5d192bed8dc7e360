/**
 * Playbook: pause Amazon Macie (MITRE T1562.001; Panther AWS.Macie.Evasion).
 *
 * Before exfiltrating, the attacker checks the Macie session and pauses it (status PAUSED), so
 * no sensitive-data findings are produced for the buckets they are about to copy.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-security-service-disabled`
 * (detections/defense-evasion.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-macie-disable',
  title: 'Amazon Macie paused before data theft',
  description: 'A leaked key pauses Amazon Macie so sensitive-data discovery stops before buckets are copied.',
  attack: { techniques: ['T1562.001'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/001/',
    'https://docs.aws.amazon.com/macie/latest/APIReference/macie-session.html',
  ],
  seed: 5029,
  start: '2026-06-01T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('data-platform-admin');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-01T12:11:00Z');
    act('macie2:GetMacieSession', undefined, { exactParams: true, response: null });
    sim.advance('20s');
    act('macie2:UpdateMacieSession', { status: 'PAUSED', findingPublishingFrequency: 'SIX_HOURS' }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-01T15:00:00Z');
    answer('Who paused Macie?', trace(sim, ip));
  },
});
