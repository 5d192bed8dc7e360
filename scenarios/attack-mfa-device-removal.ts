/**
 * Playbook: remove MFA from an account (MITRE T1556.006).
 *
 * The attacker lists an administrator's MFA devices, deactivates the virtual device and
 * deletes it.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-iam-mfa-device-removed`
 * (detections/credential-access.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-mfa-device-removal',
  title: 'Administrator\'s MFA device deactivated and deleted',
  description: 'A leaked key deactivates and deletes an administrator\'s virtual MFA device so a stolen password is enough to sign in.',
  attack: { techniques: ['T1556.006'], tactics: ['credential-access', 'defense-evasion', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1556/006/',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_disable.html',
  ],
  seed: 5041,
  start: '2026-06-13T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('helpdesk-automation');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-13T13:05:00Z');
    act('iam:ListMFADevices', { userName: 'karen.admin' });
    sim.advance('15s');
    act('iam:DeactivateMFADevice', { userName: 'karen.admin', serialNumber: `arn:aws:iam::${acct.id}:mfa/karen.admin` });
    sim.advance('10s');
    act('iam:DeleteVirtualMFADevice', { serialNumber: `arn:aws:iam::${acct.id}:mfa/karen.admin` }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-13T15:00:00Z');
    answer('Whose MFA was removed?', trace(sim, ip));
  },
});
