/**
 * Playbook: turn stolen API keys into a console session (MITRE T1550.001; the
 * `aws_consoler` / Pacu `sts__get_federation_token`-style federation sign-in).
 *
 * Long-term keys of an IAM user cannot open the console by themselves. The attacker's tool
 * calls `sts:GetFederationToken` with an allow-all policy (as in the Stratus record of that
 * call), then exchanges the federated credentials for a sign-in token at the federation
 * endpoint (`signin:GetSigninToken`, caller `FederatedUser`, a Python HTTP client user
 * agent) and browses the console as `federated-user/<name>`.
 *
 * Detection: Sigma f8103686 (Console GetSigninToken Potential Abuse) fires on GetSigninToken:
 * only the console's own `Jersey/${project.version}` user agent is excluded.
 * GetFederationToken itself is not covered by any of the 57 SigmaHQ rules. The console's bucket
 * list, called by a `FederatedUser`, fires Sigma f305fd62 (ListBuckets by a non-role caller).
 */
import { defineScenario, Principal, type CallOptions, type JsonObject, type UserIdentity } from 'trailsim';

const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';
const REQUESTS = 'python-requests/2.31.0';
const ALLOW_ALL = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

/** A principal calling with the temporary key an STS response handed out. */
class WithKey extends Principal {
  readonly type: UserIdentity['type'];
  readonly identity: UserIdentity;
  readonly name: string;
  constructor(p: Principal, accessKeyId: string, ip: string) {
    super(p.account, { sourceIPs: [ip], userAgents: [REQUESTS] });
    this.type = p.type;
    this.identity = { ...p.identity, accessKeyId };
    this.name = p.name;
  }
}

export default defineScenario({
  name: 'attack-console-federation-signin',
  description: 'Stolen IAM user keys are turned into a console session with GetFederationToken and the federation endpoint\'s GetSigninToken.',
  title: 'Stolen access keys turned into a console session (GetFederationToken + GetSigninToken)',
  attack: { techniques: ['T1550.001', 'T1078.004', 'T1538'], tactics: ['lateral-movement', 'defense-evasion', 'persistence', 'discovery'] },
  references: [
    'https://attack.mitre.org/techniques/T1550/001/',
    'https://github.com/NetSPI/aws_consoler',
    'https://hackingthe.cloud/aws/post_exploitation/create_a_console_session_from_iam_credentials/',
  ],
  seed: 4128,
  start: '2026-04-05T15:00:00Z',
  targets: ['f8103686-e3e8-46f3-be72-65f7fcb4aa53', 'f305fd62-beca-47da-ad95-7690a0620084'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('analytics-etl');
    const act = (who: Principal, op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(who, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BOTO, ...opts });
    log(`account ${acct.id}; stolen keys of ${user.arn} used from ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-05T21:05:00Z');
    act(user, 'sts:GetCallerIdentity');
    sim.advance('3s');
    const token = act(user, 'sts:GetFederationToken', { name: 'consoler', policy: ALLOW_ALL, durationSeconds: 43200 });
    const key = String((token.responseElements?.credentials as { accessKeyId?: string } | undefined)?.accessKeyId);
    const federated = new WithKey(acct.federatedUser('consoler', user, sim.now), key, ATTACKER_IP);
    sim.advance('2s');
    act(federated, 'signin:GetSigninToken', undefined, { userAgent: REQUESTS });
    for (const op of ['iam:ListRoles', 's3:ListBuckets', 'ec2:DescribeInstances']) {
      sim.advance('40s');
      act(federated, op, undefined, { userAgent: op.startsWith('ec2') ? 'console.ec2.amazonaws.com' : 'console.amazonaws.com', sessionCredentialFromConsole: true });
    }

    sim.advanceTo('2026-04-05T23:00:00Z');
    answer(
      'How did the attacker reach the console?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.userIdentity?.type} ${r.userIdentity?.arn} ${r.eventName}`),
    );
  },
});
