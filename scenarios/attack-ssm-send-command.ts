/**
 * Playbook: run commands on instances through SSM and steal their role credentials (MITRE
 * T1651, T1552.005; Stratus Red Team `aws.credential-access.ec2-steal-instance-credentials`).
 *
 * With an operator's leaked key, the attacker lists the managed instances, sends one
 * `AWS-RunShellScript` command to all of them that reads the instance-profile credentials from the
 * instance metadata service, reads the command output, and uses the credentials from their
 * own host (an assumed-role session of the instance role, named after the instance).
 *
 * Detection: Sigma 38e7f511 (Potential Malicious Usage of CloudTrail System Manager) fires on
 * the successful SendCommand; the command text itself is `HIDDEN_DUE_TO_SECURITY_REASONS` in
 * current records. The stolen session's calls match the hunting rule 905d389b.
 */
import { defineScenario, type CallOptions, type JsonObject, type Principal } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-ssm-send-command',
  description: 'A leaked operator key sends one SSM command to every managed instance to read their role credentials from IMDS, then uses one from outside AWS.',
  title: 'SSM SendCommand to many instances steals their role credentials',
  attack: { techniques: ['T1651', 'T1552.005'], tactics: ['execution', 'credential-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1651/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.ec2-steal-instance-credentials/',
    'https://www.mitiga.io/blog/abusing-the-amazon-web-services-ssm-agent-as-a-remote-access-trojan',
  ],
  seed: 4125,
  start: '2026-04-02T06:00:00Z',
  targets: ['38e7f511-3f74-41d4-836e-f57dfa18eead'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const operator = acct.iamUser('ops-runbook');
    const act = (who: Principal, op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(who, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    // Real abuse fans out: one SendCommand to every managed instance the key can reach
    // (Panther AWS.SSM.DistributedCommand; Mitiga's SSM-agent-as-RAT write-up).
    const fleet = acct.resources('AWS::EC2::Instance', 'us-east-1').map((r) => r.name);
    const targets = fleet.length >= 2 ? fleet.slice(0, 8) : ['i-0a1b2c3d4e5f60718', 'i-06e4c07b5fba8ad21', 'i-01bf673280e708b0d', 'i-020001cca1a2f2628'];
    const instance = targets[0];
    log(`account ${acct.id}; attacker uses ${operator.arn} from ${ATTACKER_IP}; targets ${targets.join(', ')}`);

    sim.advanceTo('2026-04-02T13:00:00Z');
    act(operator, 'sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('20s');
    act(operator, 'ssm:DescribeInstanceInformation', 'ssm.describe-instance-information');
    sim.advance('1m');
    const sent = act(operator, 'ssm:SendCommand', 'ssm.send-command', { documentName: 'AWS-RunShellScript', instanceIds: targets, interactive: false, parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS' });
    const commandId = String((sent.responseElements?.command as { commandId?: string } | undefined)?.commandId);
    sim.advance('15s');
    for (const id of targets) {
      act(operator, 'ssm:GetCommandInvocation', 'ssm.get-command-invocation', { commandId, instanceId: id });
      sim.advance('2s');
    }

    sim.advance('5m');
    const stolen = acct.role('app-server-instance-role').session({ sessionName: instance, createdAt: sim.now - 47 * 60_000, ec2RoleDelivery: '2.0' });
    act(stolen, 'sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('30s');
    act(stolen, 'secretsmanager:ListSecrets', 'secretsmanager.list-secrets');
    sim.advance('20s');
    act(stolen, 'secretsmanager:GetSecretValue', 'secretsmanager.get-secret-value');

    sim.advanceTo('2026-04-02T16:00:00Z');
    answer(
      'What ran through SSM, and who used the instance credentials?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.userIdentity?.arn} ${r.eventName}`),
    );
  },
});
