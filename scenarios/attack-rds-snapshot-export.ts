/**
 * Playbook: export a database snapshot to S3 (MITRE T1537; Panther AWS.RDS.SnapshotExport).
 *
 * The attacker lists snapshots and starts an export task of the latest one to a bucket they
 * can read, with an export role and KMS key found in the account.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-rds-snapshot-export-started`
 * (detections/exfiltration.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-rds-snapshot-export',
  title: 'RDS snapshot exported to S3 in Parquet',
  description: 'A leaked key exports a production database snapshot to an S3 bucket the attacker can read, with StartExportTask.',
  attack: { techniques: ['T1537', 'T1530'], tactics: ['exfiltration', 'collection'] },
  references: [
    'https://attack.mitre.org/techniques/T1537/',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ExportSnapshot.html',
  ],
  seed: 5037,
  start: '2026-06-09T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('bi-refresh');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-09T12:44:00Z');
    act('rds:DescribeDBSnapshots');
    sim.advance('30s');
    act('rds:StartExportTask', { exportTaskIdentifier: 'analytics-refresh-0609', sourceArn: `arn:aws:rds:us-east-1:${acct.id}:snapshot:rds:orders-db-2026-06-09-03-10`, s3BucketName: 'acme-prod-analytics-staging', iamRoleArn: `arn:aws:iam::${acct.id}:role/rds-s3-export`, kmsKeyId: `arn:aws:kms:us-east-1:${acct.id}:key/1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b` });

    sim.advanceTo('2026-06-09T15:00:00Z');
    answer('Which snapshots were exported, where to?', trace(sim, ip));
  },
});
