/**
 * Playbook: sniff traffic with VPC traffic mirroring (MITRE T1040; Panther
 * AWS.EC2.Traffic.Mirroring).
 *
 * The attacker mirrors a production server's network interface to an instance they control:
 * target, filter, accept-all rule, session.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ec2-traffic-mirroring-created`
 * (detections/credential-access.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-traffic-mirroring',
  title: 'VPC traffic mirroring set up to capture a server\'s traffic',
  description: 'A leaked key creates a traffic-mirror target, filter, rule and session that copy a production server\'s packets to an attacker instance.',
  attack: { techniques: ['T1040'], tactics: ['credential-access', 'discovery'] },
  references: [
    'https://attack.mitre.org/techniques/T1040/',
    'https://docs.aws.amazon.com/vpc/latest/mirroring/what-is-traffic-mirroring.html',
  ],
  seed: 5040,
  start: '2026-06-12T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('netops-automation');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-12T11:11:00Z');
    act('ec2:CreateTrafficMirrorTarget', { CreateTrafficMirrorTargetRequest: { NetworkInterfaceId: 'eni-0f1e2d3c4b5a69788', Description: 'monitoring' } }, { exactParams: true, response: null });
    sim.advance('10s');
    act('ec2:CreateTrafficMirrorFilter', { CreateTrafficMirrorFilterRequest: { Description: 'all' } }, { exactParams: true, response: null });
    sim.advance('8s');
    act('ec2:CreateTrafficMirrorFilterRule', { CreateTrafficMirrorFilterRuleRequest: { TrafficMirrorFilterId: 'tmf-0a1b2c3d4e5f60718', TrafficDirection: 'ingress', RuleNumber: 100, RuleAction: 'accept', DestinationCidrBlock: '0.0.0.0/0', SourceCidrBlock: '0.0.0.0/0' } }, { exactParams: true, response: null });
    sim.advance('12s');
    act('ec2:CreateTrafficMirrorSession', { CreateTrafficMirrorSessionRequest: { NetworkInterfaceId: 'eni-07a8b9c0d1e2f3a45', TrafficMirrorTargetId: 'tmt-0c1d2e3f4a5b6c7d8', TrafficMirrorFilterId: 'tmf-0a1b2c3d4e5f60718', SessionNumber: 1 } }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-12T15:00:00Z');
    answer('Who set up traffic mirroring?', trace(sim, ip));
  },
});
