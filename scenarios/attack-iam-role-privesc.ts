/**
 * Playbook: privilege escalation through a new role (MITRE T1098.003; Rhino Security Labs
 * "CreateRole + AttachRolePolicy" escalation; Stratus Red Team `aws.persistence.iam-create-
 * admin-user`'s
 * role variant).
 *
 * A leaked CI key allowed to manage IAM roles but not to act as an admin creates a role whose
 * trust policy lets the key's own account (and the attacker's account) assume it, attaches
 * the AWS-managed AdministratorAccess policy, and assumes it. A first attempt to attach the
 * policy to the CI user itself is denied: real operators try the direct path first.
 *
 * Detection: no SigmaHQ rule keys on AttachRolePolicy; the example detection
 * `aws-iam-admin-policy-attached` (detections/iam.ts, after Panther AWS.IAM.AttachAdminRolePolicy)
 * fires on the AdministratorAccess attachment.
 */
import { defineScenario } from 'trailsim';
import { ATTACKER_ACCOUNT, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-iam-role-privesc',
  title: 'New role with AdministratorAccess created and assumed (CreateRole + AttachRolePolicy)',
  description: 'A leaked CI key that may manage roles creates a role trusting itself and an outside account, attaches AdministratorAccess and assumes it.',
  attack: { techniques: ['T1098.003', 'T1078.004'], tactics: ['persistence', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/003/',
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
    'https://hackingthe.cloud/aws/exploitation/iam_privilege_escalation/',
  ],
  seed: 5001,
  start: '2026-05-04T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const ci = acct.iamUser('jenkins-deployer');
    const act = actor(sim, ci, ip);
    const roleName = 'ops-break-glass';
    log(`account ${acct.id}; leaked key of ${ci.arn} used from ${ip}`);

    sim.advanceTo('2026-05-04T11:12:00Z');
    act('sts:GetCallerIdentity');
    sim.advance('15s');
    act('iam:ListAttachedUserPolicies', { userName: ci.name });
    sim.advance('20s');
    act('iam:AttachUserPolicy', { userName: ci.name, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, { error: 'AccessDenied' });
    sim.advance('40s');
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${acct.id}:root`, `arn:aws:iam::${ATTACKER_ACCOUNT}:root`] }, Action: 'sts:AssumeRole' }] });
    act('iam:CreateRole', { roleName, assumeRolePolicyDocument: trust, description: 'Emergency operations access' });
    sim.advance('10s');
    act('iam:AttachRolePolicy', { roleName, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    sim.advance('30s');
    const role = acct.role(roleName);
    act('sts:AssumeRole', { roleArn: role.arn, roleSessionName: 'ops' });
    const session = role.session({ sessionName: 'ops', createdAt: sim.now });
    const admin = actor(sim, session, ip);
    sim.advance('20s');
    admin('iam:ListUsers');
    sim.advance('15s');
    admin('s3:ListBuckets');

    sim.advanceTo('2026-05-04T15:00:00Z');
    answer('Which roles got administrator rights, and who used them?', trace(sim, ip));
  },
});
