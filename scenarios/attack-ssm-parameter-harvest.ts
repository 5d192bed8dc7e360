/**
 * Playbook: harvest SecureString parameters (MITRE T1552; Stratus Red Team
 * `aws.credential-access.ssm-retrieve-securestring-parameters`).
 *
 * A leaked key describes the Parameter Store, then reads every parameter with
 * GetParameters in batches of ten with `withDecryption: true` (the Stratus detonation's
 * record shape), and a whole path with GetParametersByPath.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ssm-parameters-decrypted-by-user`
 * (detections/credential-access.ts; Panther AWS.SSM.DecryptSSMParams).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-ssm-parameter-harvest',
  title: 'SecureString parameters decrypted in bulk (GetParameters withDecryption)',
  description: 'A leaked key lists the Parameter Store and decrypts every SecureString parameter with GetParameters batches and GetParametersByPath.',
  attack: { techniques: ['T1552'], tactics: ['credential-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1552/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.ssm-retrieve-securestring-parameters/',
  ],
  seed: 5009,
  start: '2026-05-12T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('ansible-runner');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; leaked key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-12T12:15:00Z');
    act('ssm:DescribeParameters', { maxResults: 50 });
    for (let b = 0; b < 4; b++) {
      sim.advance('2s');
      act('ssm:GetParameters', { names: Array.from({ length: 10 }, (_, i) => `/prod/credentials/service-${b * 10 + i}`), withDecryption: true });
    }
    sim.advance('5s');
    act('ssm:GetParametersByPath', { path: '/prod/database', recursive: true, withDecryption: true });

    sim.advanceTo('2026-05-12T16:00:00Z');
    answer('Who decrypted parameters?', trace(sim, ip));
  },
});
