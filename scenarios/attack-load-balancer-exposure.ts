/**
 * Playbook: expose internal services behind a load balancer (MITRE T1562.007).
 *
 * With a leaked key, the attacker creates a security group open to the internet on the
 * admin ports, and puts it on an internal Application Load Balancer (`SetSecurityGroups`) and
 * on a Classic Load Balancer (`ApplySecurityGroupsToLoadBalancer`).
 *
 * Detection: Sigma 6fb77778 (Ingress/Egress Security Group Modification) fires on the
 * AuthorizeSecurityGroupIngress; Sigma 7a4409fc (LoadBalancer Security Group Modification)
 * fires on both load-balancer calls.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-load-balancer-exposure',
  description: 'A leaked key creates an internet-open security group and attaches it to internal ALB and Classic load balancers.',
  title: 'Internal load balancers exposed with an open security group',
  attack: { techniques: ['T1562.007'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/007/',
  ],
  seed: 4144,
  start: '2026-04-21T06:00:00Z',
  targets: ['6fb77778-040f-4015-9440-572aa9b6b580', '7a4409fc-f8ca-45f6-8006-127d779eaad9'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('network-deployer');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const vpc = first(acct, 'AWS::EC2::VPC', 'vpc-0a1b2c3d4e5f60718', 'us-east-1');
    log(`account ${acct.id}; attacker uses ${user.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-21T10:36:00Z');
    act('elasticloadbalancing:DescribeLoadBalancers', 'elb.describe-load-balancers');
    sim.advance('40s');
    const created = act('ec2:CreateSecurityGroup', 'ec2.create-security-group', { groupName: 'lb-maintenance', groupDescription: 'temporary maintenance access', vpcId: vpc });
    const sg = String(created.responseElements?.groupId);
    sim.advance('15s');
    act('ec2:AuthorizeSecurityGroupIngress', 'ec2.authorize-security-group-ingress', { groupId: sg, ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 8080, toPort: 9090, groups: {}, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] }, ipv6Ranges: {}, prefixListIds: {} }] } });
    sim.advance('1m');
    act('elasticloadbalancing:SetSecurityGroups', 'elbv2.set-security-groups', { loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${acct.id}:loadbalancer/app/internal-admin/5d1b9c2a7e3f4a60`, securityGroups: [sg] });
    sim.advance('30s');
    act('elasticloadbalancing:ApplySecurityGroupsToLoadBalancer', 'elb.apply-security-groups-to-load-balancer', { loadBalancerName: 'legacy-intranet', securityGroups: [sg] });

    sim.advanceTo('2026-04-21T14:00:00Z');
    answer(
      'Which load balancers got the new security group?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName} ${JSON.stringify(r.requestParameters)}`),
    );
  },
});
