/**
 * Playbook: reach an instance through the serial console (MITRE T1021.008 Direct Cloud VM Connections, T1098.004).
 *
 * Serial console access is off by default. The attacker enables it account-wide and sends a
 * key with SendSerialConsoleSSHPublicKey to reach a broken or firewalled instance's console.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ec2-serial-console-enabled`
 * (detections/lateral-movement.ts and `aws-ec2-instance-connect-key-push`).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-serial-console-access',
  title: 'EC2 serial console enabled and used to get a shell',
  description: 'A leaked key enables EC2 serial console access for the account and pushes an SSH key to an instance\'s serial console.',
  attack: { techniques: ['T1021.008', 'T1098.004'], tactics: ['lateral-movement', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1021/',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-serial-console.html',
  ],
  seed: 5035,
  start: '2026-06-07T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('infra-admin');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-07T15:15:00Z');
    const instance = first(acct, 'AWS::EC2::Instance', 'i-0a1b2c3d4e5f60718', 'us-east-1');
    act('ec2:GetSerialConsoleAccessStatus', {}, { exactParams: true, response: { requestId: '00000000-0000-4000-8000-000000000000', serialConsoleAccessEnabled: false } });
    sim.advance('10s');
    act('ec2:EnableSerialConsoleAccess', {}, { exactParams: true, response: { requestId: '00000000-0000-4000-8000-000000000000', serialConsoleAccessEnabled: true } });
    sim.advance('40s');
    act('ec2-instance-connect:SendSerialConsoleSSHPublicKey', { instanceId: instance, serialPort: 0, sSHPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG2x attacker' }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-07T18:00:00Z');
    answer('Who enabled and used the serial console?', trace(sim, ip));
  },
});
