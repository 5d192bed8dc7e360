/**
 * Playbook: brute-force one user (MITRE T1110.001; Panther Standard.BruteForceByUser).
 *
 * Unlike spraying, the attacker hammers one known user name from a few addresses of the same
 * VPS provider, then gets in with a guessed password; the user has no MFA device.
 *
 * Detection: Sigma 6393e346 (ConsoleLogin Failed Authentication) on every failure and
 * 77caf516 (login without MFA) on the success.
 */
import { defineScenario } from 'trailsim';
import { BROWSER, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-console-brute-force',
  title: 'Console password guessing against one administrator',
  description: 'Password guessing against one administrator\'s console sign-in: forty failures from rotating addresses, then a success without MFA.',
  attack: { techniques: ['T1110.001', 'T1078.004'], tactics: ['credential-access', 'initial-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1110/001/',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html',
  ],
  seed: 5057,
  start: '2026-06-29T06:00:00Z',
  targets: ['6393e346-1977-46ef-8987-ad414a145fad', '77caf516-34e5-4df9-b4db-20744fea0a60'],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    log(`account ${acct.id}; password guessing from ${ip}`);

    sim.advanceTo('2026-06-29T08:17:00Z');
    const admin = acct.iamUser('j.martinez');
    const ips = [ip, sim.attackerIp('attacker-2'), sim.attackerIp('attacker-3')];
    const login = { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' };
    for (let i = 0; i < 40; i++) {
      sim.call(admin, 'signin:ConsoleLogin', undefined, { error: 'ConsoleLoginFailure', additionalEventData: login, sourceIPAddress: ips[i % 3], userAgent: BROWSER });
      sim.advance(`${3 + (i % 4)}s`);
    }
    sim.advance('2m');
    sim.call(admin, 'signin:ConsoleLogin', undefined, { additionalEventData: login, sourceIPAddress: ips[1], userAgent: BROWSER });

    sim.advanceTo('2026-06-29T15:00:00Z');
    answer('Which sign-ins failed, and which succeeded?', trace(sim, ip));
  },
});
