/**
 * Playbook: add console access to a service user (MITRE T1098; Stratus Red Team
 * `aws.persistence.iam-create-user-login-profile`).
 *
 * The attacker creates a login profile (console password) for a service user that never had
 * one and signs in to the console as that user.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-iam-login-profile-created-for-other-
 * user` (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { BROWSER, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-login-profile-creation',
  title: 'Console password created for a service user, then used',
  description: 'A leaked key gives a programmatic-only service user a console password and signs in as that user.',
  attack: { techniques: ['T1098', 'T1078.004'], tactics: ['persistence', 'initial-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/',
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.iam-create-user-login-profile/',
  ],
  seed: 5054,
  start: '2026-06-26T06:00:00Z',
  targets: ['77caf516-34e5-4df9-b4db-20744fea0a60'],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('identity-sync');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-26T14:48:00Z');
    act('iam:GetLoginProfile', { userName: 'svc-reporting' }, { error: 'NoSuchEntityException' });
    sim.advance('20s');
    act('iam:CreateLoginProfile', { userName: 'svc-reporting', passwordResetRequired: false });
    sim.advance('2m');
    sim.call(acct.iamUser('svc-reporting'), 'signin:ConsoleLogin', undefined, { sourceIPAddress: ip, userAgent: BROWSER, additionalEventData: { MFAUsed: 'No' } });

    sim.advanceTo('2026-06-26T17:00:00Z');
    answer('Who got a console password, and who used it?', trace(sim, ip));
  },
});
