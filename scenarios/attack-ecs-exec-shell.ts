/**
 * Playbook: shell into containers with ECS Exec (MITRE T1609, T1651).
 *
 * The attacker lists the tasks and runs `/bin/sh` interactively in them (ExecuteCommand), to
 * read environment secrets and the task role credentials.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ecs-exec-by-user`
 * (detections/lateral-movement.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-ecs-exec-shell',
  title: 'Interactive shell opened in a production container with ECS Exec',
  description: 'A leaked key lists the tasks of a production cluster and opens interactive shells in two containers with ECS ExecuteCommand.',
  attack: { techniques: ['T1609', 'T1651'], tactics: ['execution'] },
  references: [
    'https://attack.mitre.org/techniques/T1609/',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html',
  ],
  seed: 5033,
  start: '2026-06-05T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('sre-oncall');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-05T14:02:00Z');
    act('ecs:ListTasks', { cluster: 'prod' });
    for (const task of ['9f1c2d3e4b5a46789abc0d1e2f3a4b5c', '1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6']) {
      sim.advance('30s');
      act('ecs:ExecuteCommand', { cluster: 'prod', task, container: 'api', command: '/bin/sh', interactive: true });
    }

    sim.advanceTo('2026-06-05T17:00:00Z');
    answer('Who opened shells in containers?', trace(sim, ip));
  },
});
