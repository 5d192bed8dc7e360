/**
 * Playbook: let another account use a KMS key (MITRE T1098, T1222; Panther
 * AWS.CloudTrail.ResourceMadePublic watches key policies).
 *
 * The attacker reads the key policy and adds a statement allowing the attacker's account to
 * decrypt, so snapshots and objects encrypted under the key can be read elsewhere.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-resource-policy-grants-outside-
 * account` (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { ATTACKER_ACCOUNT, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-kms-key-policy-backdoor',
  title: 'KMS key policy opened to an outside account',
  description: 'A leaked admin key rewrites a KMS key policy so the attacker\'s account may decrypt with the key.',
  attack: { techniques: ['T1098', 'T1222'], tactics: ['persistence', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
  ],
  seed: 5046,
  start: '2026-06-18T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('kms-admin');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-18T14:14:00Z');
    const key = acct.resources('AWS::KMS::Key', 'us-east-1')[0]?.arn ?? `arn:aws:kms:us-east-1:${acct.id}:key/0e1d2c3b-4a59-4687-9a8b-7c6d5e4f3a2b`;
    act('kms:GetKeyPolicy', { keyId: key, policyName: 'default' });
    sim.advance('40s');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Enable IAM policies', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct.id}:root` }, Action: 'kms:*', Resource: '*' }, { Sid: 'backup', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ATTACKER_ACCOUNT}:root` }, Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'], Resource: '*' }] });
    act('kms:PutKeyPolicy', { keyId: key, policyName: 'default', policy, bypassPolicyLockoutSafetyCheck: false });

    sim.advanceTo('2026-06-18T17:00:00Z');
    answer('Which key policies changed?', trace(sim, ip));
  },
});
