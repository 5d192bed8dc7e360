/**
 * Playbook: backdoor access key for another user (MITRE T1098.001; Stratus Red Team
 * `aws.persistence.iam-backdoor-user`).
 *
 * With an administrator's leaked key, the attacker lists users, picks a rarely used
 * service user that has a single key, creates a second access key for it (the
 * CreateAccessKey record of the Stratus detonation: `requestParameters.userName` of the
 * other user, the new key in `responseElements.accessKey`), and tests the new key from
 * another host (the later records carry that key's id).
 *
 * Detection: Sigma 0a5177f4 (IAM Backdoor Users Keys). As written its filter compares the
 * ARN with a literal string, so it fires on every CreateAccessKey, self-rotation included.
 */
import { defineScenario, Principal, type CallOptions, type IamUserPrincipal, type JsonObject, type UserIdentity } from 'trailsim';

const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';
const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

/** The backdoored user calling with the access key CreateAccessKey returned. */
class NewKey extends Principal {
  readonly type = 'IAMUser' as const;
  readonly identity: UserIdentity;
  readonly name: string;
  constructor(user: IamUserPrincipal, accessKeyId: string, ip: string) {
    super(user.account, { sourceIPs: [ip], userAgents: [BOTO] });
    this.identity = { ...user.identity, accessKeyId };
    this.name = user.name;
  }
}

export default defineScenario({
  name: 'attack-iam-backdoor-access-key',
  description: 'An attacker with an admin key creates a second access key for a dormant service user and tests it from another host.',
  title: 'Backdoor access key created for a dormant IAM user',
  attack: { techniques: ['T1098.001'], tactics: ['persistence', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/001/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.iam-backdoor-user/',
  ],
  seed: 4114,
  start: '2026-03-22T06:00:00Z',
  targets: ['0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const SECOND_IP = sim.attackerIp('second');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const admin = acct.iamUser('legacy-admin');
    const target = acct.iamUser('svc-report-export');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(admin, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    log(`account ${acct.id}; attacker uses ${admin.arn} from ${ATTACKER_IP}; backdoor on ${target.arn}`);

    sim.advanceTo('2026-03-22T13:05:00Z');
    act('sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('20s');
    act('iam:ListUsers', 'iam.list-users');
    sim.advance('45s');
    act('iam:ListAccessKeys', 'iam.list-access-keys', { userName: target.name });
    sim.advance('30s');
    const created = act('iam:CreateAccessKey', 'iam.create-access-key', { userName: target.name });
    const key = String((created.responseElements?.accessKey as { accessKeyId?: string } | undefined)?.accessKeyId);
    sim.advance('6m');
    const backdoor = new NewKey(target, key, SECOND_IP);
    sim.call(backdoor, 'sts:GetCallerIdentity');
    sim.advance('40s');
    sim.call(backdoor, 'iam:ListAttachedUserPolicies', { userName: target.name }, { error: 'AccessDenied' });

    sim.advanceTo('2026-03-22T16:00:00Z');
    answer(
      'Who created access keys, for whom?',
      sim.records({ eventName: 'CreateAccessKey' }).map((r) => `${r.eventTime} ${r.userIdentity?.userName} created ${String((r.responseElements?.accessKey as { accessKeyId?: string } | undefined)?.accessKeyId)} for ${r.requestParameters?.userName} from ${r.sourceIPAddress}`),
    );
  },
});
