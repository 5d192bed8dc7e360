/**
 * Playbook: crypto-mining on GPU instances (MITRE T1496.001, T1578.002; AWS and Datadog reports
 * of compromised keys used to start GPU fleets).
 *
 * The script tries the largest GPU type, hits the vCPU limit, and launches smaller GPU
 * instances with a base64 miner bootstrap in their user data in three Regions.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ec2-gpu-instances-by-user`
 * (detections/impact.ts; Panther AWS.EC2.LaunchUnusualEC2Instances).
 */
import { defineScenario } from 'trailsim';
import { GO, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-gpu-cryptomining',
  title: 'GPU instances launched for crypto-mining in several Regions',
  description: 'A leaked key launches large GPU instances with a miner in their user data in three Regions, after a quota error in the first.',
  attack: { techniques: ['T1496.001', 'T1578.002'], tactics: ['impact', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1496/001/',
    'https://www.datadoghq.com/state-of-cloud-security/',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html',
  ],
  seed: 5026,
  start: '2026-05-29T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('jenkins-builder');
    const act = actor(sim, user, ip, GO);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-29T07:30:00Z');
    act('ec2:DescribeRegions');
    sim.advance('3s');
    act('ec2:RunInstances', { instancesSet: { items: [{ imageId: 'ami-0b5e6f3c9a1d27e48', minCount: 4, maxCount: 4 }] }, instanceType: 'p4d.24xlarge', userData: 'IyEvYmluL2Jhc2gK' }, { error: { code: 'Client.VcpuLimitExceeded', message: 'You have requested more vCPU capacity than your current vCPU limit of 64 allows for the instance bucket that the specified instance type belongs to.' } });
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1']) {
      sim.advance('4s');
      act('ec2:RunInstances', { instancesSet: { items: [{ imageId: 'ami-0b5e6f3c9a1d27e48', minCount: 2, maxCount: 2 }] }, instanceType: 'g4dn.12xlarge', userData: 'IyEvYmluL2Jhc2gK' }, { region });
    }

    sim.advanceTo('2026-05-29T15:00:00Z');
    answer('Which instances were launched, where?', trace(sim, ip));
  },
});
