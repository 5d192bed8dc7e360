/**
 * Playbook: escalate through group membership (MITRE T1098; Rhino Security Labs method
 * `iam:AddUserToGroup`).
 *
 * The attacker lists the groups and adds the key's own user to `Administrators`.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-iam-user-added-to-admin-group`
 * (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-iam-group-privesc',
  title: 'User added to the administrators group',
  description: 'A leaked key of a user allowed to manage group membership adds itself to the Administrators group.',
  attack: { techniques: ['T1098'], tactics: ['privilege-escalation', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/',
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
  ],
  seed: 5043,
  start: '2026-06-15T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('onboarding-bot');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-15T10:20:00Z');
    act('iam:ListGroups');
    sim.advance('20s');
    act('iam:ListGroupsForUser', { userName: user.name });
    sim.advance('25s');
    act('iam:AddUserToGroup', { groupName: 'Administrators', userName: user.name });
    sim.advance('1m');
    act('iam:ListUsers');

    sim.advanceTo('2026-06-15T15:00:00Z');
    answer('Who joined administrator groups?', trace(sim, ip));
  },
});
