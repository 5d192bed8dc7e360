/**
 * A small estate for the report tests: two accounts in two regions with background traffic,
 * Insights on, a burst of CreateUser calls (an API call rate Insights event), password
 * spraying against the console and one sign-in without MFA. Writes DIR/records.jsonl and,
 * when asked, the trail's S3 tree.
 */
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createSimulation } from '../../src/simulation.js';
import { exportS3Tree } from '../../src/export/s3-layout.js';

export function writeSampleEstate(dir: string, opts: { s3?: boolean } = {}): { records: number } {
  const sim = createSimulation({ seed: 4242, start: '2026-03-01T00:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1', 'eu-west-1'] });
  const dev = sim.addAccount({ name: 'dev', alias: 'acme-dev', regions: ['us-east-1'] });
  sim.createOrganization(prod);
  const admin = prod.iamUser('alice.admin');
  sim.cloudtrail.s3.createBucket('acme-audit-logs');
  sim.cloudtrail.createTrail(admin, { Name: 'management-events', S3BucketName: 'acme-audit-logs', IsMultiRegionTrail: true });
  sim.cloudtrail.startLogging(admin, { Name: 'management-events' });
  sim.addTraffic({ rate: '12/h' });
  // Insights selected on the trail: the engine runs and Insights files reach the bucket.
  sim.cloudtrail.putInsightSelectors(admin, { TrailName: 'management-events', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
  void dev;
  sim.advanceTo('2026-03-09T10:15:00Z');
  for (let i = 0; i < 36; i++) {
    sim.call(admin, 'iam:CreateUser', { userName: `batch-user-${i}` });
    sim.advance('6s');
  }
  sim.advanceTo('2026-03-09T14:02:00Z');
  const login = { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' };
  const ip = { sourceIPAddress: '198.51.100.23' };
  for (const name of ['j.doe', 'm.rossi', 'k.tanaka', 'a.smith', 'p.novak']) {
    sim.call(prod.iamUser(name), 'signin:ConsoleLogin', undefined, { error: 'ConsoleLoginFailure', additionalEventData: login, ...ip });
    sim.advance('9s');
  }
  sim.call(prod.iamUser('k.tanaka'), 'signin:ConsoleLogin', undefined, { additionalEventData: login, ...ip });
  sim.advanceTo('2026-03-10T00:00:00Z');
  mkdirSync(dir, { recursive: true });
  const records = sim.records();
  writeFileSync(join(dir, 'records.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  if (opts.s3) {
    sim.cloudtrail.drain();
    exportS3Tree(sim.cloudtrail.s3, join(dir, 's3'));
  }
  return { records: records.length };
}
