/**
 * Playbook: destroy a database and its recovery points (MITRE T1485, T1490; Panther
 * AWS.RDS.DeletionProtectionDisabled, InstanceDeletion and SnapshotDeleted).
 *
 * The attacker disables deletion protection, deletes the instance with
 * `skipFinalSnapshot` and `deleteAutomatedBackups`, and deletes the manual snapshot.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-rds-deleted-without-final-snapshot`
 * (detections/impact.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-rds-instance-deletion',
  title: 'RDS instance deleted without a final snapshot, backups and snapshots removed',
  description: 'A leaked key turns off deletion protection, deletes a database with no final snapshot and its automated backups, and deletes a manual snapshot.',
  attack: { techniques: ['T1485', 'T1490'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1485/',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html',
  ],
  seed: 5038,
  start: '2026-06-10T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('db-migration');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-10T10:10:00Z');
    const db = first(acct, 'AWS::RDS::DBInstance', 'orders-db', 'us-east-1');
    act('rds:DescribeDBInstances');
    sim.advance('20s');
    act('rds:ModifyDBInstance', { dBInstanceIdentifier: db, deletionProtection: false, applyImmediately: true });
    sim.advance('1m');
    act('rds:DeleteDBInstance', { dBInstanceIdentifier: db, skipFinalSnapshot: true, deleteAutomatedBackups: true });
    sim.advance('30s');
    act('rds:DeleteDBSnapshot', { dBSnapshotIdentifier: `${db}-pre-migration` }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-10T15:00:00Z');
    answer('Which databases and snapshots were deleted?', trace(sim, ip));
  },
});
