/**
 * Playbook: share a secret with another account (MITRE T1098, T1555.006).
 *
 * The attacker attaches a resource policy allowing the attacker's account GetSecretValue on a
 * database secret: they keep reading rotated passwords after the key is revoked.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-resource-policy-grants-outside-
 * account` (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { ATTACKER_ACCOUNT, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-secret-policy-exposure',
  title: 'Secret resource policy opened to an outside account',
  description: 'A leaked key attaches a resource policy to a database secret that lets the attacker\'s account read it.',
  attack: { techniques: ['T1098', 'T1555.006'], tactics: ['persistence', 'credential-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html',
  ],
  seed: 5047,
  start: '2026-06-19T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('secrets-rotation');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-19T10:42:00Z');
    const secret = `arn:aws:secretsmanager:us-east-1:${acct.id}:secret:prod/orders-db-AbC123`;
    act('secretsmanager:ListSecrets');
    sim.advance('20s');
    act('secretsmanager:PutResourcePolicy', { secretId: secret, resourcePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ATTACKER_ACCOUNT}:root` }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] }), blockPublicPolicy: false });

    sim.advanceTo('2026-06-19T15:00:00Z');
    answer('Which secrets were shared?', trace(sim, ip));
  },
});
