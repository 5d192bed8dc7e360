/**
 * Playbook: open a network path into a private subnet (MITRE T1562.007, T1599).
 *
 * With a stolen network-administration key, the attacker reads the route tables and
 * network ACLs, adds an ACL entry that lets SSH in from anywhere ahead of the deny rules,
 * and routes the private subnet's traffic through the internet gateway.
 *
 * Detection: Sigma e1f7febb (New Network ACL Entry Added) fires on CreateNetworkAclEntry and
 * Sigma c803b2ce (New Network Route Added) on CreateRoute. Both key on the event name only,
 * so routine network deploys fire them too.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-network-path-opening',
  description: 'A stolen network-admin key adds a permissive network ACL entry and an internet route to a private subnet.',
  title: 'Permissive network ACL entry and internet route added',
  attack: { techniques: ['T1562.007', 'T1599'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/007/',
    'https://attack.mitre.org/techniques/T1599/',
  ],
  seed: 4106,
  start: '2026-03-14T06:00:00Z',
  targets: ['e1f7febb-7b94-4234-b5c6-00fb8500f5dd', 'c803b2ce-c4a2-4836-beae-b112010390b1'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['eu-west-1'] });
    sim.addTraffic({ rate: '120/h' });
    const netadmin = acct.iamUser('net-automation');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(netadmin, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const acl = first(acct, 'AWS::EC2::NetworkAcl', 'acl-0b7e5d3c1a9f24680', 'eu-west-1');
    const rtb = first(acct, 'AWS::EC2::RouteTable', 'rtb-0c2e4a6b8d0f13579', 'eu-west-1');
    log(`account ${acct.id}; network ACL ${acl}, route table ${rtb}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-14T10:02:00Z');
    act('sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('30s');
    act('ec2:DescribeRouteTables', 'ec2.describe-route-tables');
    sim.advance('20s');
    act('ec2:DescribeNetworkAcls', 'ec2.describe-network-acls');
    sim.advance('2m');
    act('ec2:CreateNetworkAclEntry', 'ec2.create-network-acl-entry', { networkAclId: acl, ruleNumber: 5, egress: false, ruleAction: 'allow', aclProtocol: '6', portRange: { from: 22, to: 22 }, cidrBlock: '0.0.0.0/0' });
    sim.advance('1m');
    act('ec2:CreateRoute', 'ec2.create-route', { routeTableId: rtb, destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-0f3a5c7e9b1d24680' });

    sim.advanceTo('2026-03-14T14:00:00Z');
    answer(
      'Which network changes did the attacker make?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName} ${JSON.stringify(r.requestParameters)}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
