/**
 * Playbook: escalate with an inline policy (MITRE T1098.003; Rhino Security Labs method
 * `iam:PutUserPolicy`).
 *
 * The attacker puts an inline policy allowing `*` on `*` on the key's own user.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-iam-policy-allows-everything`
 * (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-inline-policy-privesc',
  title: 'Inline policy granting *:* written to the caller itself (PutUserPolicy)',
  description: 'A leaked key allowed to put user policies writes an inline policy granting every action to its own user.',
  attack: { techniques: ['T1098.003'], tactics: ['privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/003/',
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
  ],
  seed: 5044,
  start: '2026-06-16T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('policy-sync');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-16T15:50:00Z');
    act('iam:ListUserPolicies', { userName: user.name });
    sim.advance('30s');
    act('iam:PutUserPolicy', { userName: user.name, policyName: 'AdministratorAccessInline', policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) });
    sim.advance('20s');
    act('secretsmanager:ListSecrets');

    sim.advanceTo('2026-06-16T18:00:00Z');
    answer('Which inline policies were written?', trace(sim, ip));
  },
});
