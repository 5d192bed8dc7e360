/**
 * Playbook: take over the root user by resetting its password (MITRE T1098, T1078.004).
 *
 * The attacker controls the mailbox of the account's root email (a lapsed domain or a
 * compromised mail account, as in public account-takeover reports). They use "Forgot
 * password", set a new root password (the signin `PasswordUpdated` event), sign in without
 * MFA and change the account's contact information.
 *
 * Detection: Sigma 8ad1600d (root activity) and 77caf516 (login without MFA); the example
 * detection `aws-root-password-changed` (Panther AWS.CloudTrail.RootPasswordChanged).
 */
import { defineScenario } from 'trailsim';
import { BROWSER, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-root-password-reset',
  title: 'Root password reset through the account email, then used',
  description: 'An attacker who controls the root email resets the root password (PasswordUpdated), signs in without MFA and edits the account contacts.',
  attack: { techniques: ['T1098', 'T1078.004'], tactics: ['persistence', 'initial-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reset-root-password.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
  ],
  seed: 5011,
  start: '2026-05-14T06:00:00Z',
  targets: ['8ad1600d-e9dc-4251-b0ee-a65268f29add', '77caf516-34e5-4df9-b4db-20744fea0a60'],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim, { name: 'marketing', alias: 'acme-marketing' });
    const root = acct.root();
    const opts = { sourceIPAddress: ip, userAgent: BROWSER };
    log(`account ${acct.id}; root password reset from ${ip}`);

    sim.advanceTo('2026-05-14T09:03:00Z');
    sim.call(root, 'signin:PasswordUpdated', undefined, opts);
    sim.advance('50s');
    sim.call(root, 'signin:ConsoleLogin', undefined, { ...opts, additionalEventData: { MFAUsed: 'No' } });
    sim.advance('2m');
    sim.call(root, 'account:PutAlternateContact', { alternateContactType: 'SECURITY', emailAddress: 'secops@acme-corp-support.com', name: 'Security', phoneNumber: '+1-202-555-0175', title: 'CISO' }, opts);

    sim.advanceTo('2026-05-14T14:00:00Z');
    answer('Was the root password changed, and what followed?', trace(sim, ip));
  },
});
