/**
 * Playbook: persistence through IAM Roles Anywhere (MITRE T1098.001; Stratus Red Team
 * `aws.persistence.rolesanywhere-create-trust-anchor`).
 *
 * The attacker registers their own certificate authority as a trust anchor and creates a
 * profile for an administrative role: any certificate they sign now yields role credentials.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-rolesanywhere-trust-anchor-created`
 * (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-roles-anywhere-persistence',
  title: 'IAM Roles Anywhere trust anchor added for an attacker CA',
  description: 'A leaked admin key registers the attacker\'s certificate authority as a Roles Anywhere trust anchor and a profile for an admin role.',
  attack: { techniques: ['T1098.001', 'T1556'], tactics: ['persistence', 'credential-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/001/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.rolesanywhere-create-trust-anchor/',
  ],
  seed: 5023,
  start: '2026-05-26T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('pki-admin');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-26T12:30:00Z');
    act('rolesanywhere:ListTrustAnchors');
    sim.advance('20s');
    act('rolesanywhere:CreateTrustAnchor', { name: 'corp-devices', enabled: true });
    sim.advance('15s');
    act('rolesanywhere:CreateProfile', { name: 'corp-devices-admin', enabled: true, roleArns: [`arn:aws:iam::${acct.id}:role/platform-admin`] });

    sim.advanceTo('2026-05-26T15:00:00Z');
    answer('Which trust anchors and profiles were created?', trace(sim, ip));
  },
});
