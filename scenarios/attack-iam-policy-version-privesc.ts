/**
 * Playbook: escalate by publishing a new default policy version (MITRE T1098.003; Rhino
 * Security Labs escalation method 1, `iam:CreatePolicyVersion`).
 *
 * The key's user has a customer managed policy it may edit. The attacker reads it and creates
 * a new version allowing every action on every resource with `setAsDefault: true`.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-iam-policy-allows-everything`
 * (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-iam-policy-version-privesc',
  title: 'Managed policy rewritten to allow everything (CreatePolicyVersion --set-as-default)',
  description: 'A leaked key allowed to edit its own managed policy publishes a new default version granting *:*.',
  attack: { techniques: ['T1098.003'], tactics: ['privilege-escalation', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/003/',
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
  ],
  seed: 5022,
  start: '2026-05-25T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('ci-deployer');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-25T09:44:00Z');
    const arn = `arn:aws:iam::${acct.id}:policy/ci-deployer-policy`;
    act('iam:ListAttachedUserPolicies', { userName: user.name });
    sim.advance('10s');
    act('iam:GetPolicyVersion', { policyArn: arn, versionId: 'v3' });
    sim.advance('35s');
    act('iam:CreatePolicyVersion', { policyArn: arn, policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), setAsDefault: true });
    sim.advance('20s');
    act('iam:ListUsers');

    sim.advanceTo('2026-05-25T15:00:00Z');
    answer('Which policies were rewritten?', trace(sim, ip));
  },
});
