/**
 * Playbook: read Windows instances' administrator passwords (MITRE T1552; Stratus Red Team
 * `aws.credential-access.ec2-get-password-data`).
 *
 * A leaked key lists the instances and calls GetPasswordData on each one, as Stratus and
 * Pacu's `ec2__download_userdata`-style tooling do: most calls fail (Linux instances,
 * no key pair), a few return the encrypted password.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ec2-get-password-data`
 * (detections/credential-access.ts; Panther AWS.EC2.ManyPasswordReadAttempts counts them).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-ec2-password-data',
  title: 'Windows administrator passwords read with GetPasswordData',
  description: 'A leaked key lists the EC2 instances and calls GetPasswordData on each to recover Windows administrator passwords.',
  attack: { techniques: ['T1552', 'T1580'], tactics: ['credential-access', 'discovery'] },
  references: [
    'https://attack.mitre.org/techniques/T1552/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.ec2-get-password-data/',
  ],
  seed: 5003,
  start: '2026-05-06T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('helpdesk-automation');
    const act = actor(sim, user, ip);
    const fleet = acct.resources('AWS::EC2::Instance', 'us-east-1').map((r) => r.name);
    const ids = [...fleet, 'i-0c2f9a7b31e4d5a60', 'i-07d1e3b5a9c2f4e81'].slice(0, 6);
    log(`account ${acct.id}; leaked key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-06T10:05:00Z');
    act('ec2:DescribeInstances');
    ids.forEach((id, i) => {
      sim.advance('2s');
      // Instances launched without a key pair, or Linux ones, have no password data.
      if (i % 3 === 2) act('ec2:GetPasswordData', { instanceId: id });
      else act('ec2:GetPasswordData', { instanceId: id }, { error: 'AccessDenied' });
    });

    sim.advanceTo('2026-05-06T15:00:00Z');
    answer('Who tried to read instance passwords?', trace(sim, ip));
  },
});
