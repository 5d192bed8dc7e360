/**
 * Playbook: remove the owners' access (MITRE T1531).
 *
 * Before extortion, the attacker deletes the login profiles and access keys of the other
 * administrators and detaches AdministratorAccess from them.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-iam-access-removed`
 * (detections/impact.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-account-access-removal',
  title: 'Administrators locked out: console passwords and keys deleted',
  description: 'A leaked admin key deletes the other administrators\' console passwords and access keys and detaches their policies.',
  attack: { techniques: ['T1531'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1531/',
    'https://attack.mitre.org/techniques/T1531/',
  ],
  seed: 5049,
  start: '2026-06-21T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('breakglass');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-21T08:00:00Z');
    for (const admin of ['karen.admin', 'li.wei']) {
      sim.advance('10s');
      act('iam:DeleteLoginProfile', { userName: admin });
      sim.advance('5s');
      act('iam:DeleteAccessKey', { userName: admin, accessKeyId: admin === 'li.wei' ? 'AKIAQ4ZT3KMD7LWZK2QA' : 'AKIAQ4ZT3KMDX3T6VBEA' });
      sim.advance('5s');
      act('iam:DetachUserPolicy', { userName: admin, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    }

    sim.advanceTo('2026-06-21T15:00:00Z');
    answer('Whose access was removed?', trace(sim, ip));
  },
});
