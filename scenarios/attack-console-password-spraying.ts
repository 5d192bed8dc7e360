/**
 * Playbook: console password spraying (MITRE T1110.003).
 *
 * From one address the attacker tries a few common passwords against several IAM user
 * names of the account's sign-in page; one user without MFA uses one of them, and the
 * attacker gets in.
 *
 * Each failure is a ConsoleLogin with `errorMessage: "Failed authentication"` and no
 * errorCode, `responseElements.ConsoleLogin: Failure`; the success carries `MFAUsed: No`.
 *
 * Detection: Sigma 6393e346 (ConsoleLogin Failed Authentication) fires on every failure and
 * Sigma 77caf516 (Successful Console Login Without MFA) on the final sign-in.
 */
import { defineScenario } from 'trailsim';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0';

export default defineScenario({
  name: 'attack-console-password-spraying',
  description: 'Password spraying against the console sign-in page: a dozen failed logins, then a success without MFA.',
  title: 'Console password spraying, then a sign-in without MFA',
  attack: { techniques: ['T1110.003', 'T1078.004'], tactics: ['credential-access', 'initial-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1110/003/',
    'https://www.invictus-ir.com/news/the-curious-case-of-dangerdev-protonmail-me',
  ],
  seed: 4111,
  start: '2026-03-19T00:00:00Z',
  targets: ['6393e346-1977-46ef-8987-ad414a145fad', '77caf516-34e5-4df9-b4db-20744fea0a60'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const profile = { sourceIPs: [ATTACKER_IP], userAgents: [BROWSER] };
    const users = ['admin', 'j.smith', 'deploy', 'a.khan'].map((n) => acct.iamUser(n).withProfile(profile));
    log(`account ${acct.id}; spraying from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-19T03:12:00Z');
    const login = { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' };
    for (let round = 0; round < 3; round++) {
      for (const u of users) {
        sim.call(u, 'signin:ConsoleLogin', undefined, { error: 'ConsoleLoginFailure', additionalEventData: login });
        sim.advance(`${7 + round * 3}s`);
      }
      sim.advance('9m');
    }
    sim.call(users[3], 'signin:ConsoleLogin', undefined, { additionalEventData: login });

    sim.advanceTo('2026-03-19T08:00:00Z');
    answer(
      'Which sign-ins came from the spraying address?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.userIdentity?.userName} ${r.responseElements?.ConsoleLogin}`),
    );
  },
});
