/**
 * Playbook: find out what is watching (MITRE T1518.001, T1654; Pacu `detection__enum_services`).
 *
 * Before doing anything loud, the attacker lists GuardDuty detectors, reads the Security Hub
 * configuration, the trails, their status and event selectors, and the Config recorders.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-security-tooling-enumerated-by-user`
 * (detections/discovery.ts).
 */
import { defineScenario } from 'trailsim';
import { BOTO, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-security-tooling-discovery',
  title: 'Security tooling and logging enumerated before acting',
  description: 'A leaked key checks which defences watch the account: GuardDuty detectors, Security Hub, trails and their event selectors, Config recorders.',
  attack: { techniques: ['T1518.001', 'T1654'], tactics: ['discovery'] },
  references: [
    'https://attack.mitre.org/techniques/T1518/001/',
    'https://attack.mitre.org/techniques/T1654/',
    'https://github.com/RhinoSecurityLabs/pacu/wiki/Module-Details',
  ],
  seed: 5055,
  start: '2026-06-27T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('build-agent');
    const act = actor(sim, user, ip, BOTO);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-27T10:02:00Z');
    act('guardduty:ListDetectors');
    sim.advance('2s');
    act('securityhub:DescribeHub', undefined, { error: 'AccessDenied' });
    sim.advance('2s');
    act('cloudtrail:DescribeTrails');
    sim.advance('1s');
    act('cloudtrail:GetTrailStatus', { name: 'org-trail' });
    sim.advance('1s');
    act('cloudtrail:GetEventSelectors', { trailName: 'org-trail' });
    sim.advance('2s');
    act('config:DescribeConfigurationRecorders');

    sim.advanceTo('2026-06-27T15:00:00Z');
    answer('Who enumerated the security tooling?', trace(sim, ip));
  },
});
