/**
 * Playbook: backdoor a role by trusting an outside account (MITRE T1098.003; Stratus Red Team
 * `aws.persistence.iam-backdoor-role`).
 *
 * A leaked key reads an administrative role and replaces its trust policy with one that also
 * trusts the attacker's account; the attacker then assumes it from their own account.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-iam-role-trusts-outside-account`
 * (detections/persistence.ts; Panther AWS.IAM.BackdoorRole).
 */
import { defineScenario } from 'trailsim';
import { ATTACKER_ACCOUNT, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-assume-role-policy-backdoor',
  title: 'Role trust policy changed to trust an outside account (UpdateAssumeRolePolicy)',
  description: 'A leaked key rewrites an admin role\'s trust policy so the attacker\'s own account can assume it.',
  attack: { techniques: ['T1098.003', 'T1484.002'], tactics: ['persistence', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/003/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.iam-backdoor-role/',
  ],
  seed: 5019,
  start: '2026-05-22T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('iam-automation');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-22T10:15:00Z');
    act('iam:ListRoles');
    sim.advance('20s');
    act('iam:GetRole', { roleName: 'platform-admin' });
    sim.advance('40s');
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct.id}:root` }, Action: 'sts:AssumeRole' }, { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ATTACKER_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    act('iam:UpdateAssumeRolePolicy', { roleName: 'platform-admin', policyDocument: trust });

    sim.advanceTo('2026-05-22T15:00:00Z');
    answer('Which trust policies changed?', trace(sim, ip));
  },
});
