/**
 * Playbook: console sign-in without MFA (MITRE T1078.004; Stratus Red Team
 * `aws.initial-access.console-login-without-mfa`).
 *
 * An IAM user with a console password and no MFA device is phished. The attacker signs in
 * from their own browser and looks around the IAM and EC2 consoles.
 *
 * The ConsoleLogin record has the shape of the Stratus record: `IAMUser` identity without an
 * access key, `responseElements.ConsoleLogin: Success`, `additionalEventData.MFAUsed: No`, no
 * requestID. The console calls that follow use the console session's temporary credentials
 * (`sessionContext`, `mfaAuthenticated: "false"`).
 *
 * Detection: Sigma 77caf516 (Successful Console Login Without MFA).
 */
import { defineScenario } from 'trailsim';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export default defineScenario({
  name: 'attack-console-login-without-mfa',
  description: 'A phished IAM user without MFA signs in to the console from the attacker\'s browser and browses IAM and EC2.',
  title: 'Phished IAM user signs in to the console without MFA',
  attack: { techniques: ['T1078.004'], tactics: ['initial-access', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1078/004/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.initial-access.console-login-without-mfa/',
  ],
  seed: 4110,
  start: '2026-03-18T14:00:00Z',
  targets: ['77caf516-34e5-4df9-b4db-20744fea0a60'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('m.rossi');
    log(`account ${acct.id}; ${user.arn} signs in from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-18T19:47:00Z');
    sim.call(user.withProfile({ sourceIPs: [ATTACKER_IP], userAgents: [BROWSER] }), 'signin:ConsoleLogin', undefined, {
      additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true', MobileVersion: 'No', MFAUsed: 'No' },
    });
    const session = user.consoleSession(acct.rng.fork('console', user.name, sim.now), sim.now, false).withProfile({ sourceIPs: [ATTACKER_IP], userAgents: ['console.amazonaws.com'] });
    const console = { sessionCredentialFromConsole: true };
    for (const op of ['iam:GetAccountSummary', 'iam:ListUsers', 'iam:ListRoles', 'iam:ListPolicies']) {
      sim.advance('25s');
      sim.call(session, op, undefined, console);
    }
    for (const op of ['ec2:DescribeInstances', 'ec2:DescribeSecurityGroups', 'ec2:DescribeVolumes']) {
      sim.advance('40s');
      sim.call(session, op, undefined, { ...console, userAgent: 'console.ec2.amazonaws.com' });
    }

    sim.advanceTo('2026-03-18T22:00:00Z');
    answer(
      'What did the sign-in from the attacker\'s address do?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.additionalEventData?.MFAUsed ? ` MFAUsed=${r.additionalEventData.MFAUsed}` : ''}`),
    );
  },
});
