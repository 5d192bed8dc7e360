/**
 * Playbook: the root user's access key is used (MITRE T1078.004).
 *
 * An old root access key, left in a build script, leaks. The attacker checks it, looks at
 * the account, and creates an IAM administrator for themselves with a console password and
 * the AdministratorAccess policy.
 *
 * Detection: Sigma 8ad1600d (AWS Root Credentials) fires on every call by `Root` that is not
 * an AWS service event.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-root-account-usage',
  description: 'A leaked root access key is used to inspect the account and create an administrator user with a console password.',
  title: 'Root access key used to create an administrator',
  attack: { techniques: ['T1078.004', 'T1136.003'], tactics: ['initial-access', 'persistence', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1078/004/',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html',
  ],
  seed: 4142,
  start: '2026-04-19T06:00:00Z',
  targets: ['8ad1600d-e9dc-4251-b0ee-a65268f29add'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'legacy', alias: 'acme-legacy', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const root = acct.root();
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(root, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    log(`account ${acct.id}; root key used from ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-19T11:52:00Z');
    act('sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('20s');
    act('iam:GetAccountSummary', 'iam.get-account-summary');
    sim.advance('15s');
    act('iam:ListUsers', 'iam.list-users');
    sim.advance('1m');
    act('iam:CreateUser', 'iam.create-user', { userName: 'aws-support-ops' });
    sim.advance('10s');
    act('iam:AttachUserPolicy', 'iam.attach-user-policy', { userName: 'aws-support-ops', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    sim.advance('10s');
    act('iam:CreateLoginProfile', 'iam.create-login-profile', { userName: 'aws-support-ops', passwordResetRequired: false });

    sim.advanceTo('2026-04-19T15:00:00Z');
    answer(
      'What did the root credentials do?',
      sim.records().filter((r) => r.userIdentity?.type === 'Root').map((r) => `${r.eventTime} ${r.eventName} from ${r.sourceIPAddress}`),
    );
  },
});
