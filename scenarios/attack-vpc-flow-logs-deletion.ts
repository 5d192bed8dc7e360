/**
 * Playbook: remove network evidence (MITRE T1562.008; Stratus Red Team
 * `aws.defense-evasion.vpc-remove-flow-logs` and `dns-delete-logs`).
 *
 * Before moving laterally, the attacker deletes the VPC's flow logs (in the Stratus record's
 * request shape, `DeleteFlowLogsRequest.FlowLogId`) and the Route 53 Resolver query-log
 * configuration that records the VPC's DNS lookups.
 *
 * Detection: Sigma e386b9b5 (VPC Flow Logs Deleted) fires on the successful DeleteFlowLogs.
 * DeleteResolverQueryLogConfig is not covered by any of the 57 SigmaHQ CloudTrail rules.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const GO = 'aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.171.0';

export default defineScenario({
  name: 'attack-vpc-flow-logs-deletion',
  description: 'An attacker deletes the VPC flow logs and the Route 53 Resolver query logging before moving laterally.',
  title: 'VPC flow logs and DNS query logging deleted',
  attack: { techniques: ['T1562.008'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/008/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.vpc-remove-flow-logs/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.dns-delete-logs/',
  ],
  seed: 4107,
  start: '2026-03-15T06:00:00Z',
  targets: ['e386b9b5-af12-450e-afff-761730fb8a98'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('platform-ops');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: GO, ...opts });
    log(`account ${acct.id}; attacker uses ${user.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-15T11:30:00Z');
    act('sts:GetCallerIdentity');
    sim.advance('15s');
    act('ec2:DescribeFlowLogs');
    sim.advance('20s');
    act('ec2:DeleteFlowLogs', { DeleteFlowLogsRequest: { FlowLogId: { content: 'fl-0e17aa62a21d4bbfe', tag: 1 } } });
    sim.advance('40s');
    act('route53resolver:ListResolverQueryLogConfigs');
    sim.advance('10s');
    act('route53resolver:DeleteResolverQueryLogConfig', { resolverQueryLogConfigId: 'rqlc-3f9a1c2b7d4e6a80' });

    sim.advanceTo('2026-03-15T14:00:00Z');
    answer(
      'Which logs did the attacker delete?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventSource} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
