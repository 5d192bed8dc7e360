/**
 * Playbook: destroy compute (MITRE T1578.003, T1485, T1490; Panther
 * AWS.Modify.Cloud.Compute.Infrastructure).
 *
 * The attacker turns off termination protection (`disableApiTermination` false), terminates
 * every instance and deletes the snapshots that could rebuild them.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ec2-terminated-by-long-term-key`
 * (detections/impact.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-ec2-mass-termination',
  title: 'Instances terminated en masse after termination protection is removed',
  description: 'A leaked key removes termination protection from production instances and terminates them, along with their snapshots.',
  attack: { techniques: ['T1578.003', 'T1485', 'T1490'], tactics: ['defense-evasion', 'impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1578/003/',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html',
  ],
  seed: 5056,
  start: '2026-06-28T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('autoscaling-legacy');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-28T09:40:00Z');
    const ids = acct.resources('AWS::EC2::Instance', 'us-east-1').map((r) => r.name).slice(0, 3);
    const fleet = ids.length > 0 ? ids : ['i-0a1b2c3d4e5f60718', 'i-06e4c07b5fba8ad21'];
    act('ec2:DescribeInstances');
    for (const id of fleet) {
      sim.advance('3s');
      act('ec2:ModifyInstanceAttribute', { instanceId: id, disableApiTermination: { value: false } });
    }
    sim.advance('10s');
    act('ec2:TerminateInstances', { instancesSet: { items: fleet.map((instanceId) => ({ instanceId })) } });
    sim.advance('30s');
    act('ec2:DescribeSnapshots', { ownersSet: { items: [{ owner: 'self' }] } });
    for (const snap of ['snap-0a1b2c3d4e5f60718', 'snap-06e4c07b5fba8ad21']) {
      sim.advance('2s');
      act('ec2:DeleteSnapshot', { snapshotId: snap });
    }

    sim.advanceTo('2026-06-28T15:00:00Z');
    answer('What was terminated or deleted?', trace(sim, ip));
  },
});
