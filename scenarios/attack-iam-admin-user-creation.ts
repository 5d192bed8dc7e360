/**
 * Playbook: create a backdoor administrator user (MITRE T1136.003, T1098.001; Stratus Red Team
 * `aws.persistence.iam-create-admin-user`; the pattern of most cloud intrusion reports).
 *
 * A leaked key creates a user named like a service account, attaches AdministratorAccess,
 * creates an access key and a console password for it, then tests the key.
 *
 * Detection: Sigma 0a5177f4 (IAM Backdoor Users Keys) fires on CreateAccessKey; the example
 * detection `aws-iam-admin-policy-attached` on the AdministratorAccess attachment.
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-iam-admin-user-creation',
  title: 'Administrator IAM user created with keys and a console password',
  description: 'A leaked key creates an IAM user, attaches AdministratorAccess, and gives it an access key and a console password.',
  attack: { techniques: ['T1136.003', 'T1098.001'], tactics: ['persistence', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1136/003/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.iam-create-admin-user/',
  ],
  seed: 5018,
  start: '2026-05-21T06:00:00Z',
  targets: ['0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2'],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('terraform-legacy');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-21T12:03:00Z');
    act('iam:ListUsers');
    sim.advance('30s');
    act('iam:CreateUser', { userName: 'svc-backup-monitor' });
    sim.advance('8s');
    act('iam:AttachUserPolicy', { userName: 'svc-backup-monitor', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    sim.advance('6s');
    act('iam:CreateAccessKey', { userName: 'svc-backup-monitor' });
    sim.advance('5s');
    act('iam:CreateLoginProfile', { userName: 'svc-backup-monitor', passwordResetRequired: false });

    sim.advanceTo('2026-05-21T15:00:00Z');
    answer('Which users were created, with which rights?', trace(sim, ip));
  },
});
