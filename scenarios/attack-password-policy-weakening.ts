/**
 * Playbook: weaken the password policy (MITRE T1556, T1201).
 *
 * The attacker reads the policy (password policy discovery) and replaces it with a weak one so
 * the passwords they set for backdoor users are accepted and never expire.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-iam-password-policy-changed`
 * (detections/credential-access.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-password-policy-weakening',
  title: 'Account password policy weakened',
  description: 'A leaked admin key reads the account password policy and replaces it with a 6-character policy without reuse prevention or expiry.',
  attack: { techniques: ['T1556', 'T1201'], tactics: ['credential-access', 'defense-evasion', 'discovery'] },
  references: [
    'https://attack.mitre.org/techniques/T1556/',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  ],
  seed: 5042,
  start: '2026-06-14T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('iam-automation');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-14T12:02:00Z');
    act('iam:GetAccountPasswordPolicy');
    sim.advance('30s');
    act('iam:UpdateAccountPasswordPolicy', { minimumPasswordLength: 6, requireSymbols: false, requireNumbers: false, requireUppercaseCharacters: false, requireLowercaseCharacters: false, allowUsersToChangePassword: true, maxPasswordAge: 0, passwordReusePrevention: 0 });

    sim.advanceTo('2026-06-14T15:00:00Z');
    answer('Who changed the password policy?', trace(sim, ip));
  },
});
