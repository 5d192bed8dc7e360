/**
 * Playbook: open SSH to the world (MITRE T1562.007; Stratus Red Team
 * `aws.exfiltration.ec2-security-group-open-port-22-ingress`).
 *
 * With a leaked key, the attacker opens port 22 of a production security group to every
 * address, in the request shape of the Stratus record (top-level `groupId`, `ipProtocol`,
 * `fromPort`, `toPort`, `cidrIp` and an empty `ipPermissions`, as the CLI's `--port --cidr`
 * shortcut sends them), and removes the rule an hour later to cover the change.
 *
 * Detection: Sigma 6fb77778 (Ingress/Egress Security Group Modification) fires on both the
 * authorize and the revoke: it checks neither the CIDR nor the port.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-security-group-open-ssh',
  description: 'A leaked key opens SSH on a production security group to 0.0.0.0/0 and revokes the rule an hour later.',
  title: 'SSH opened to the internet on a production security group',
  attack: { techniques: ['T1562.007'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/007/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.exfiltration.ec2-security-group-open-port-22-ingress/',
  ],
  seed: 4145,
  start: '2026-04-22T06:00:00Z',
  targets: ['6fb77778-040f-4015-9440-572aa9b6b580'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['eu-west-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('sre-oncall');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const sg = first(acct, 'AWS::EC2::SecurityGroup', 'sg-0a1b2c3d4e5f60718', 'eu-west-1');
    const rule = { groupId: sg, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0', ipPermissions: {} };
    log(`account ${acct.id}; security group ${sg}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-22T12:23:00Z');
    act('ec2:DescribeSecurityGroups', 'ec2.describe-security-groups');
    sim.advance('45s');
    act('ec2:AuthorizeSecurityGroupIngress', 'ec2.authorize-security-group-ingress', rule);
    sim.advance('1h');
    act('ec2:RevokeSecurityGroupIngress', 'ec2.revoke-security-group-ingress', rule);

    sim.advanceTo('2026-04-22T16:00:00Z');
    answer(
      'When was SSH open to the world?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP && r.eventName !== 'DescribeSecurityGroups').map((r) => `${r.eventTime} ${r.eventName} ${JSON.stringify(r.requestParameters)}`),
    );
  },
});
