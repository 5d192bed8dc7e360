/**
 * Playbook: push a temporary SSH key to instances with EC2 Instance Connect (MITRE T1021.008, T1021.004,
 * T1098.004; Stratus Red Team `aws.lateral-movement.ec2-instance-connect`).
 *
 * A leaked key sends the attacker's public key to three instances with SendSSHPublicKey
 * (valid 60 seconds each) and logs in over SSH, moving laterally without touching the
 * instances' authorized_keys.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ec2-instance-connect-key-push`
 * (detections/lateral-movement.ts; Panther AWS.EC2.MultiInstanceConnect).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-ec2-instance-connect',
  title: 'SSH keys pushed to instances with EC2 Instance Connect',
  description: 'A leaked key sends the attacker\'s SSH public key to several instances with EC2 Instance Connect SendSSHPublicKey and logs in.',
  attack: { techniques: ['T1021.008', 'T1021.004', 'T1098.004'], tactics: ['lateral-movement', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1021/004/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.lateral-movement.ec2-instance-connect/',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-connect-methods.html',
  ],
  seed: 5004,
  start: '2026-05-07T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('platform-oncall');
    const act = actor(sim, user, ip);
    const fleet = acct.resources('AWS::EC2::Instance', 'us-east-1').map((r) => r.name);
    const ids = (fleet.length > 0 ? fleet : ['i-0a1b2c3d4e5f60718', 'i-06e4c07b5fba8ad21', 'i-01bf673280e708b0d']).slice(0, 3);
    log(`account ${acct.id}; leaked key of ${user.arn} used from ${ip}; instances ${ids.join(', ')}`);

    sim.advanceTo('2026-05-07T09:30:00Z');
    act('ec2:DescribeInstances');
    for (const id of ids) {
      sim.advance('20s');
      act('ec2-instance-connect:SendSSHPublicKey', { instanceId: id, instanceOSUser: 'ec2-user', sSHPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC4g3r2nTq0wYt1cVf5k8h9Zs7uWb0pLx6mE2dJ1aQyR attacker' });
    }

    sim.advanceTo('2026-05-07T14:00:00Z');
    answer('Who pushed SSH keys to which instances?', trace(sim, ip));
  },
});
