/**
 * Playbook: make encrypted data unrecoverable by disabling and scheduling the deletion of KMS
 * keys (MITRE T1485, T1486): the destructive half of KMS ransomware (Rhino Security Labs);
 * Panther's AWS.KMS.CustomerManagedKeyLoss rule watches for it.
 *
 * A leaked admin key lists the customer managed keys, disables one at once and schedules the
 * deletion of two with the minimum 7-day waiting period.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-kms-key-disabled-or-deleted`
 * (detections/impact.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-kms-key-deletion',
  title: 'KMS keys disabled and scheduled for deletion',
  description: 'A leaked admin key disables a customer managed KMS key and schedules two keys for deletion with the 7-day minimum wait.',
  attack: { techniques: ['T1485', 'T1486'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1485/',
    'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
    'https://rhinosecuritylabs.com/aws/s3-ransomware-part-1-attack-vector/',
  ],
  seed: 5006,
  start: '2026-05-09T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('sec-tooling');
    const act = actor(sim, user, ip);
    const keys = acct.resources('AWS::KMS::Key', 'us-east-1').map((k) => k.arn);
    const ids = [...keys, `arn:aws:kms:us-east-1:${acct.id}:key/5b0e8c7a-2f41-4d36-9a1e-7c3b6d2f8e90`, `arn:aws:kms:us-east-1:${acct.id}:key/c7a1f3e2-8d4b-4f6a-b2c9-1e0d3a5f7b68`].slice(0, 3);
    log(`account ${acct.id}; attacker at ${ip}; keys ${ids.join(', ')}`);

    sim.advanceTo('2026-05-09T12:30:00Z');
    act('kms:ListKeys');
    sim.advance('10s');
    act('kms:DisableKey', { keyId: ids[0] });
    for (const k of ids.slice(1)) {
      sim.advance('20s');
      act('kms:ScheduleKeyDeletion', { keyId: k, pendingWindowInDays: 7 });
    }

    sim.advanceTo('2026-05-09T16:00:00Z');
    answer('Which keys were disabled or scheduled for deletion?', trace(sim, ip));
  },
});
