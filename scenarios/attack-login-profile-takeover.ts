/**
 * Playbook: take over another user's console access (MITRE T1098; Stratus Red Team
 * `aws.persistence.iam-update-user-login-profile`).
 *
 * With a helpdesk user's leaked key, the attacker lists users, checks that an administrator
 * has a console password, resets it (`UpdateLoginProfile` on the other user, in the Stratus
 * record's shape: only `userName` is logged) and signs in as that administrator, who has
 * no MFA device.
 *
 * Detection: Sigma 055fb148 (User Login Profile Was Modified) fires on the reset; as written
 * its fieldref filter compares an ARN with a bare user name, so it would fire on a
 * self-service reset too. The sign-in fires Sigma 77caf516 (Console Login Without MFA).
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;
const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export default defineScenario({
  name: 'attack-login-profile-takeover',
  description: 'A leaked helpdesk key resets an administrator\'s console password, then signs in as the administrator without MFA.',
  title: 'Administrator\'s console password reset, then used without MFA',
  attack: { techniques: ['T1098', 'T1078.004'], tactics: ['persistence', 'privilege-escalation', 'initial-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.privilege-escalation.iam-update-user-login-profile/',
  ],
  seed: 4113,
  start: '2026-03-21T06:00:00Z',
  targets: ['055fb148-60f8-462d-ad16-26926ce050f1', '77caf516-34e5-4df9-b4db-20744fea0a60'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const helpdesk = acct.iamUser('helpdesk-bot');
    const victim = acct.iamUser('cloud-admin');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(helpdesk, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    log(`account ${acct.id}; attacker uses ${helpdesk.arn} from ${ATTACKER_IP} against ${victim.arn}`);

    sim.advanceTo('2026-03-21T10:40:00Z');
    act('sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('30s');
    act('iam:ListUsers', 'iam.list-users');
    sim.advance('1m');
    act('iam:GetLoginProfile', 'iam.get-login-profile', { userName: victim.name });
    sim.advance('40s');
    act('iam:UpdateLoginProfile', 'iam.update-login-profile', { userName: victim.name });
    sim.advance('3m');
    sim.call(victim.withProfile({ sourceIPs: [ATTACKER_IP], userAgents: [BROWSER] }), 'signin:ConsoleLogin', undefined, {
      additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
    });
    const session = victim.consoleSession(acct.rng.fork('console', victim.name, sim.now), sim.now, false).withProfile({ sourceIPs: [ATTACKER_IP], userAgents: ['console.amazonaws.com'] });
    sim.advance('30s');
    sim.call(session, 'iam:ListRoles', undefined, { sessionCredentialFromConsole: true });

    sim.advanceTo('2026-03-21T14:00:00Z');
    answer(
      'What happened to the administrator\'s console access?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.userIdentity?.userName} ${r.eventName}${r.requestParameters?.userName ? ` ${r.requestParameters.userName}` : ''}`),
    );
  },
});
