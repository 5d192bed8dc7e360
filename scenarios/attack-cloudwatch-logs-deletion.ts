/**
 * Playbook: delete log groups (MITRE T1562.008, T1070).
 *
 * The attacker lists the log groups and deletes those that hold CloudTrail and VPC flow
 * logs, removing what the SOC searches first.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-logs-log-group-deleted`
 * (detections/defense-evasion.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-cloudwatch-logs-deletion',
  title: 'CloudWatch log groups of CloudTrail and flow logs deleted',
  description: 'A leaked key deletes the CloudWatch Logs groups that receive CloudTrail and VPC flow logs.',
  attack: { techniques: ['T1562.008', 'T1070'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/008/',
    'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogGroup.html',
  ],
  seed: 5028,
  start: '2026-05-31T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('observability-admin');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-31T11:47:00Z');
    act('logs:DescribeLogGroups');
    for (const g of ['aws-cloudtrail-logs-acme-prod', '/vpc/flow-logs/prod']) {
      sim.advance('12s');
      act('logs:DeleteLogGroup', { logGroupName: g });
    }

    sim.advanceTo('2026-05-31T15:00:00Z');
    answer('Which log groups were deleted?', trace(sim, ip));
  },
});
