/**
 * Playbook: restore a database snapshot as a public instance and take it over (MITRE
 * T1537, T1098; the "RDS snapshot restore" path from the Rhino Security Labs and Stratus
 * write-ups).
 *
 * With a DBA's leaked key, the attacker lists the automated snapshots, restores the latest
 * one as a new instance with `publiclyAccessible: true`, resets the new instance's master
 * password (`ModifyDBInstance`, the password shown as `****`, and
 * `responseElements.pendingModifiedValues.masterUserPassword: "****"`), and connects to it
 * from the internet.
 *
 * Detection: Sigma c3f265c7 (Restore Public AWS RDS Instance) fires on the restore, whose
 * `responseElements.publiclyAccessible` is the JSON boolean `true`; Sigma 8a63cdd4 (RDS Master
 * Password Change) fires on the password reset.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-rds-public-restore',
  description: 'A leaked DBA key restores a snapshot as a publicly accessible instance and resets its master password.',
  title: 'RDS snapshot restored as a public instance, master password reset',
  attack: { techniques: ['T1578.002', 'T1530', 'T1098'], tactics: ['defense-evasion', 'collection', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1578/002/',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_RestoreFromSnapshot.html',
  ],
  seed: 4133,
  start: '2026-04-10T06:00:00Z',
  targets: ['c3f265c7-ff03-4056-8ab2-d486227b4599', '8a63cdd4-6207-414a-85bc-7e032bd3c1a2'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const dba = acct.iamUser('dba-tools');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(dba, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const db = first(acct, 'AWS::RDS::DBInstance', 'orders-db', 'us-east-1');
    const restored = `${db}-dr-check`;
    log(`account ${acct.id}; source database ${db}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-10T12:20:00Z');
    act('rds:DescribeDBInstances', 'rds.describe-db-instances');
    sim.advance('30s');
    act('rds:DescribeDBSnapshots', 'rds.describe-db-snapshots', { dBInstanceIdentifier: db, snapshotType: 'automated' });
    sim.advance('1m');
    act('rds:RestoreDBInstanceFromDBSnapshot', 'rds.restore-db-instance-from-db-snapshot', { dBInstanceIdentifier: restored, dBSnapshotIdentifier: `rds:${db}-2026-04-10-03-10`, dBInstanceClass: 'db.t3.medium', publiclyAccessible: true, dBSubnetGroupName: 'default' });
    sim.advance('14m');
    act('rds:DescribeDBInstances', 'rds.describe-db-instances', { dBInstanceIdentifier: restored });
    sim.advance('30s');
    act('rds:ModifyDBInstance', 'rds.modify-db-instance', { dBInstanceIdentifier: restored, masterUserPassword: 'Winter2026!reset', applyImmediately: true });

    sim.advanceTo('2026-04-10T16:00:00Z');
    answer(
      'What did the attacker restore and change?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName} ${JSON.stringify(r.requestParameters)}`),
    );
  },
});
