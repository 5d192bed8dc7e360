/**
 * Playbook: a secret scanner validates a leaked key (MITRE T1552.001, T1087.004).
 *
 * An access key committed to a public repository is found by TruffleHog, which checks it
 * with `sts:GetCallerIdentity` under its own user agent (`TruffleHog`, the default of
 * trufflehog's HTTP client). Minutes later the finder explores the key's permissions with
 * the AWS CLI and is partly denied.
 *
 * Detection: Sigma 9b1b8e9b (GetCallerIdentity Enumeration Via TruffleHog) and Sigma a840e606
 * (PUA - TruffleHog Execution, user agent exactly `TruffleHog`) fire on the check. The CLI
 * follow-up fires nothing: none of the 57 rules watches permission discovery.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.17.5 Python/3.11.9 Darwin/23.5.0 exe/x86_64 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-trufflehog-leaked-key',
  description: 'TruffleHog validates a key leaked on GitHub with GetCallerIdentity; the finder then enumerates its permissions.',
  title: 'Leaked key validated by TruffleHog, then its permissions enumerated',
  attack: { techniques: ['T1552.001', 'T1087.004'], tactics: ['credential-access', 'discovery'] },
  references: [
    'https://attack.mitre.org/techniques/T1552/001/',
    'https://github.com/trufflesecurity/trufflehog',
  ],
  seed: 4112,
  start: '2026-03-20T06:00:00Z',
  targets: ['9b1b8e9b-0a5d-4af1-9d2f-4c4b6e7c2c9d', 'a840e606-7c8c-4684-9bc1-eb6b6155127f'],
  run({ sim, log, answer }) {
    const SCANNER_IP = sim.attackerIp('scanner');
    const acct = sim.addAccount({ name: 'dev', alias: 'acme-dev', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const leaked = acct.iamUser('local-dev-testing');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(leaked, op, params, { sourceIPAddress: SCANNER_IP, userAgent: CLI(command), ...opts });
    log(`account ${acct.id}; key of ${leaked.arn} found by a scanner at ${SCANNER_IP}`);

    sim.advanceTo('2026-03-20T09:03:00Z');
    sim.call(leaked, 'sts:GetCallerIdentity', undefined, { sourceIPAddress: SCANNER_IP, userAgent: 'TruffleHog' });
    sim.advanceTo('2026-03-20T09:21:00Z');
    act('sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('20s');
    act('iam:GetUser', 'iam.get-user', { userName: leaked.name });
    sim.advance('10s');
    act('iam:ListAttachedUserPolicies', 'iam.list-attached-user-policies', { userName: leaked.name });
    sim.advance('10s');
    act('iam:ListUsers', 'iam.list-users', undefined, { error: 'AccessDenied' });
    sim.advance('15s');
    act('secretsmanager:ListSecrets', 'secretsmanager.list-secrets', undefined, { error: 'AccessDenied' });

    sim.advanceTo('2026-03-20T13:00:00Z');
    answer(
      'What did the leaked key do?',
      sim.records().filter((r) => r.sourceIPAddress === SCANNER_IP).map((r) => `${r.eventTime} ${r.eventName} [${r.userAgent}]${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
