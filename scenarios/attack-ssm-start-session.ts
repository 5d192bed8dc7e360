/**
 * Playbook: move onto instances with Session Manager (MITRE T1021.007, T1651).
 *
 * The attacker lists managed instances and opens a session on three of them (StartSession),
 * then terminates them.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ssm-session-by-long-term-key`
 * (detections/lateral-movement.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-ssm-start-session',
  title: 'SSM Session Manager sessions opened on instances with a leaked key',
  description: 'A leaked key opens Session Manager shells on several instances, no SSH or inbound port needed.',
  attack: { techniques: ['T1021.007', 'T1651'], tactics: ['lateral-movement', 'execution'] },
  references: [
    'https://attack.mitre.org/techniques/T1021/007/',
    'https://www.mitiga.io/blog/abusing-the-amazon-web-services-ssm-agent-as-a-remote-access-trojan',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
  ],
  seed: 5034,
  start: '2026-06-06T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('bastion-automation');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-06T09:58:00Z');
    const fleet = acct.resources('AWS::EC2::Instance', 'us-east-1').map((r) => r.name);
    const ids = (fleet.length > 0 ? fleet : ['i-0a1b2c3d4e5f60718', 'i-06e4c07b5fba8ad21', 'i-01bf673280e708b0d']).slice(0, 3);
    act('ssm:DescribeInstanceInformation');
    for (const target of ids) {
      sim.advance('45s');
      act('ssm:StartSession', { target });
    }

    sim.advanceTo('2026-06-06T15:00:00Z');
    answer('Who opened sessions on which instances?', trace(sim, ip));
  },
});
