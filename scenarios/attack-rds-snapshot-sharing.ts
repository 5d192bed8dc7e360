/**
 * Playbook: exfiltrate a database by sharing its snapshot with another account (MITRE T1537;
 * Stratus Red Team `aws.exfiltration.rds-share-snapshot`).
 *
 * A leaked DBA key snapshots the production database and adds the attacker's account to the
 * snapshot's `restore` attribute (ModifyDBSnapshotAttribute with `valuesToAdd`), so the
 * attacker can restore it in their own account.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-rds-snapshot-shared`
 * (detections/exfiltration.ts; Panther AWS.RDS.SnapshotShared).
 */
import { defineScenario } from 'trailsim';
import { ATTACKER_ACCOUNT, actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-rds-snapshot-sharing',
  title: 'RDS snapshot shared with an outside account',
  description: 'A leaked DBA key snapshots the production database and shares the snapshot with the attacker\'s account.',
  attack: { techniques: ['T1537', 'T1578.001'], tactics: ['exfiltration', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1537/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.exfiltration.rds-share-snapshot/',
  ],
  seed: 5008,
  start: '2026-05-11T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const dba = acct.iamUser('dba-maintenance');
    const act = actor(sim, dba, ip);
    const db = first(acct, 'AWS::RDS::DBInstance', 'orders-db', 'us-east-1');
    const snap = `${db}-adhoc-20260511`;
    log(`account ${acct.id}; database ${db}; attacker at ${ip}, account ${ATTACKER_ACCOUNT}`);

    sim.advanceTo('2026-05-11T10:20:00Z');
    act('rds:DescribeDBInstances');
    sim.advance('20s');
    act('rds:CreateDBSnapshot', { dBInstanceIdentifier: db, dBSnapshotIdentifier: snap });
    sim.advance('14m');
    act('rds:DescribeDBSnapshots', { dBSnapshotIdentifier: snap });
    sim.advance('10s');
    act('rds:ModifyDBSnapshotAttribute', { dBSnapshotIdentifier: snap, attributeName: 'restore', valuesToAdd: [ATTACKER_ACCOUNT] });

    sim.advanceTo('2026-05-11T15:00:00Z');
    answer('Which snapshots were shared, with whom?', trace(sim, ip));
  },
});
