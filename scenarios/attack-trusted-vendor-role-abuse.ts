/**
 * Playbook: abuse a trusted third party (MITRE T1199).
 *
 * The victim trusts a monitoring vendor's account to assume `vendor-readonly` with an external
 * id. An attacker inside the vendor assumes it (the victim's copy of AssumeRole shows the
 * vendor account as `AWSAccount`) and lists and reads buckets outside the vendor's usual pattern.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-role-assumed-from-another-account`
 * (detections/initial-access.ts) flags every cross-account assumption (a production rule
 * allow-lists known partners and their usual calls).
 */
import { defineScenario } from 'trailsim';
import { BOTO, actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-trusted-vendor-role-abuse',
  title: 'Compromised vendor assumes its cross-account role into the victim',
  description: 'An attacker inside a SaaS vendor\'s account uses the vendor\'s cross-account role (with its external id) to read the customer\'s buckets.',
  attack: { techniques: ['T1199', 'T1078.004', 'T1530'], tactics: ['initial-access', 'collection'] },
  references: [
    'https://attack.mitre.org/techniques/T1199/',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  ],
  seed: 5058,
  start: '2026-06-30T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    log(`account ${acct.id}; vendor session used from ${ip}`);

    sim.advanceTo('2026-06-30T11:44:00Z');
    const vendor = sim.addAccount({ id: '614283095527', name: 'vendor', regions: ['us-east-1'] });
    const vendorSession = vendor.role('customer-integrations').session({ sessionName: 'i-0d3e5f7a9b1c2d4e6', createdAt: sim.now - 3_600_000 });
    const role = acct.role('vendor-readonly');
    sim.call(vendorSession, 'sts:AssumeRole', { roleArn: role.arn, roleSessionName: 'vendor-sync', externalId: 'acme-7f3a91c2', durationSeconds: 3600 }, { sourceIPAddress: ip, userAgent: BOTO });
    const session = role.session({ sessionName: 'vendor-sync', createdAt: sim.now });
    const as = actor(sim, session, ip, BOTO);
    sim.advance('20s');
    as('s3:ListBuckets');
    const bucket = first(acct, 'AWS::S3::Bucket', 'acme-prod-finance');
    sim.advance('10s');
    as('s3:ListObjects', { bucketName: bucket, prefix: '', delimiter: '' });
    for (let i = 0; i < 5; i++) {
      sim.advance('2s');
      as('s3:GetObject', { bucketName: bucket, key: `exports/customers-${i}.csv` });
    }

    sim.advanceTo('2026-06-30T15:00:00Z');
    answer('Who came in through the vendor role, and what did they read?', trace(sim, ip));
  },
});
