/**
 * Playbook: bulk secret theft with BatchGetSecretValue (MITRE T1555.006; Stratus Red Team
 * `aws.credential-access.secretsmanager-batch-retrieve-secrets`; the BatchGetSecretValue
 * API reference).
 *
 * A leaked key lists the secrets, then reads them twenty at a time with the batch API
 * (one record per batch, the secret ids in `requestParameters.secretIdList`), in two Regions.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-secrets-batch-retrieval`
 * (detections/credential-access.ts, after Panther AWS.SecretsManager.BatchRetrieveSecrets).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-secrets-batch-retrieval',
  title: 'Secrets stolen in bulk with BatchGetSecretValue',
  description: 'A leaked key lists Secrets Manager secrets and reads them in batches of twenty with BatchGetSecretValue in two Regions.',
  attack: { techniques: ['T1555.006'], tactics: ['credential-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1555/006/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.secretsmanager-batch-retrieve-secrets/',
    'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html',
  ],
  seed: 5002,
  start: '2026-05-05T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim, { regions: ['us-east-1', 'eu-west-1'] });
    const user = acct.iamUser('svc-analytics');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; leaked key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-05T12:40:00Z');
    act('sts:GetCallerIdentity');
    for (const region of ['us-east-1', 'eu-west-1']) {
      sim.advance('10s');
      act('secretsmanager:ListSecrets', { maxResults: 100 }, { region });
      for (let batch = 0; batch < 2; batch++) {
        sim.advance('3s');
        const ids = Array.from({ length: 20 }, (_, i) => `arn:aws:secretsmanager:${region}:${acct.id}:secret:prod/app-${batch * 20 + i}-${String.fromCharCode(97 + i)}Q7xZ1`);
        act('secretsmanager:BatchGetSecretValue', { secretIdList: ids }, { region });
      }
    }

    sim.advanceTo('2026-05-05T16:00:00Z');
    answer('Who read secrets in bulk?', trace(sim, ip));
  },
});
