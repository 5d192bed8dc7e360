/**
 * Playbook: inhibit recovery by deleting backups (MITRE T1490).
 *
 * Before encrypting data, the attacker deletes every recovery point of the main vault and the
 * vault itself.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-backup-recovery-point-deleted`
 * (detections/impact.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-backup-recovery-point-deletion',
  title: 'AWS Backup recovery points deleted before ransomware',
  description: 'A leaked key lists the backup vaults and deletes their recovery points, then the vault, so nothing can be restored.',
  attack: { techniques: ['T1490'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1490/',
    'https://docs.aws.amazon.com/aws-backup/latest/devguide/logging-using-cloudtrail.html',
    'https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html',
  ],
  seed: 5039,
  start: '2026-06-11T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('backup-admin');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-11T09:30:00Z');
    act('backup:ListBackupVaults', {}, { exactParams: true, response: null });
    sim.advance('10s');
    act('backup:ListRecoveryPointsByBackupVault', { backupVaultName: 'prod-daily' }, { exactParams: true, response: null });
    for (let i = 0; i < 5; i++) {
      sim.advance('3s');
      act('backup:DeleteRecoveryPoint', { backupVaultName: 'prod-daily', recoveryPointArn: `arn:aws:ec2:us-east-1::snapshot/snap-0${(0x3a9f1c2b7d4e5f60 + i).toString(16)}` }, { exactParams: true, response: null });
    }
    sim.advance('20s');
    act('backup:DeleteBackupVault', { backupVaultName: 'prod-daily' }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-11T15:00:00Z');
    answer('Which recovery points were deleted?', trace(sim, ip));
  },
});
