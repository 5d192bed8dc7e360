/**
 * Playbook: container and resource discovery (MITRE T1613).
 *
 * The attacker lists EKS clusters, describes them, lists their access entries, then ECS
 * clusters and task definitions, looking for credentials in environment variables.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-eks-enumerated-by-long-term-key`
 * (detections/discovery.ts).
 */
import { defineScenario } from 'trailsim';
import { GO, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-container-discovery',
  title: 'Container platforms enumerated with a leaked key (EKS and ECS)',
  description: 'A leaked key enumerates EKS clusters, their access entries and node groups, and ECS clusters, services and task definitions.',
  attack: { techniques: ['T1613', 'T1580'], tactics: ['discovery'] },
  references: [
    'https://attack.mitre.org/techniques/T1613/',
    'https://attack.mitre.org/techniques/T1613/',
  ],
  seed: 5059,
  start: '2026-07-01T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('grafana-reader');
    const act = actor(sim, user, ip, GO);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-07-01T13:13:00Z');
    act('eks:ListClusters', {}, { exactParams: true, response: null });
    sim.advance('2s');
    act('eks:DescribeCluster', { name: 'prod-apps' }, { exactParams: true, response: null });
    sim.advance('2s');
    act('eks:ListAccessEntries', { clusterName: 'prod-apps' }, { exactParams: true, response: null });
    sim.advance('2s');
    act('eks:ListNodegroups', { clusterName: 'prod-apps' }, { exactParams: true, response: null });
    sim.advance('3s');
    act('ecs:ListClusters');
    sim.advance('2s');
    act('ecs:ListTaskDefinitions');
    sim.advance('2s');
    act('ecs:DescribeTaskDefinition', { taskDefinition: 'orders-api:42' });

    sim.advanceTo('2026-07-01T15:00:00Z');
    answer('What container resources were enumerated?', trace(sim, ip));
  },
});
