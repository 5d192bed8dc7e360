/**
 * Playbook: root user console sign-in without MFA (MITRE T1078.004).
 *
 * The root password of a forgotten sandbox account was reused elsewhere and leaked. The
 * attacker signs in to the console as root from a VPS (no MFA is registered), looks at
 * billing and IAM, and creates an access key for the root user, the first step of most
 * root takeovers (Invictus IR and AWS CIRT case write-ups).
 *
 * Detection: Sigma 8ad1600d (AWS Root Credentials) and 77caf516 (Console Login Without MFA);
 * the example detection `aws-root-console-login` (detections/initial-access.ts; Panther
 * AWS.Console.RootLogin). CreateAccessKey also fires Sigma 0a5177f4.
 */
import { defineScenario, Principal, type UserIdentity } from 'trailsim';
import { BROWSER, trace, victim } from './_kit.js';

/** The root user in a console session: a temporary key and the session's start. */
class RootConsole extends Principal {
  readonly type = 'Root' as const;
  readonly identity: UserIdentity;
  readonly name = 'root';
  constructor(root: Principal, accessKeyId: string, createdAt: string, ip: string) {
    super(root.account, { sourceIPs: [ip], userAgents: [BROWSER] });
    this.identity = { ...root.identity, accessKeyId, sessionContext: { sessionIssuer: {}, webIdFederationData: {}, attributes: { creationDate: createdAt, mfaAuthenticated: 'false' } } };
  }
}

export default defineScenario({
  name: 'attack-root-console-signin',
  title: 'Root user signs in to the console without MFA',
  description: 'A leaked root password is used to sign in to the console without MFA, browse billing and IAM, and create a root access key.',
  attack: { techniques: ['T1078.004', 'T1098.001'], tactics: ['initial-access', 'persistence', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1078/004/',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html',
    'https://www.invictus-ir.com/news/the-curious-case-of-dangerdev-protonmail-me',
  ],
  seed: 5010,
  start: '2026-05-13T06:00:00Z',
  targets: ['8ad1600d-e9dc-4251-b0ee-a65268f29add', '77caf516-34e5-4df9-b4db-20744fea0a60', '0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2'],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim, { name: 'sandbox', alias: 'acme-sandbox' });
    const root = acct.root();
    log(`account ${acct.id}; root signs in from ${ip}`);

    sim.advanceTo('2026-05-13T10:41:00Z');
    const login = sim.call(root, 'signin:ConsoleLogin', undefined, { sourceIPAddress: ip, userAgent: BROWSER, additionalEventData: { MFAUsed: 'No' } });
    const console = new RootConsole(root, 'ASIAQ4ZT3KMD2RXN7YPA', login.eventTime, ip);
    sim.advance('40s');
    sim.call(console, 'iam:GetAccountSummary');
    sim.advance('30s');
    sim.call(console, 'iam:ListUsers');
    sim.advance('1m');
    sim.call(console, 'iam:ListAccessKeys');
    sim.advance('20s');
    sim.call(console, 'iam:CreateAccessKey');

    sim.advanceTo('2026-05-13T15:00:00Z');
    answer('What did the root user do, from where?', trace(sim, ip));
  },
});
