/**
 * Playbook: enumerate buckets and download their data with long-term keys (MITRE T1619,
 * T1530).
 *
 * A data scientist's access key leaks. The attacker lists every bucket, reads bucket ACLs,
 * policies and locations to find the interesting ones (some reads fail, as a scanner's do),
 * lists one and downloads its objects (S3 data events).
 *
 * Detection: Sigma f305fd62 (Potential Bucket Enumeration on AWS): ListBuckets by a caller
 * that is not an assumed role. Nothing in the 57 rules watches the downloads.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-s3-data-exfiltration',
  description: 'A leaked data-scientist key enumerates buckets, inspects their policies and downloads a bucket\'s objects.',
  title: 'Buckets enumerated and objects downloaded with a leaked key',
  attack: { techniques: ['T1619', 'T1530'], tactics: ['discovery', 'collection'] },
  references: [
    'https://attack.mitre.org/techniques/T1530/',
    'https://attack.mitre.org/techniques/T1619/',
  ],
  seed: 4129,
  start: '2026-04-06T06:00:00Z',
  targets: ['f305fd62-beca-47da-ad95-7690a0620084'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'data', alias: 'acme-data', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('ds-notebook');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const buckets = acct.resources('AWS::S3::Bucket').map((b) => b.name);
    log(`account ${acct.id}; ${buckets.length} buckets; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-06T10:48:00Z');
    act('s3:ListBuckets', 's3api.list-buckets');
    for (const [i, b] of buckets.slice(0, 4).entries()) {
      sim.advance('4s');
      act('s3:GetBucketLocation', 's3api.get-bucket-location', { bucketName: b });
      sim.advance('2s');
      act('s3:GetBucketAcl', 's3api.get-bucket-acl', { bucketName: b }, i % 2 === 1 ? { error: 'AccessDenied' } : {});
      sim.advance('2s');
      act('s3:GetBucketPolicy', 's3api.get-bucket-policy', { bucketName: b }, i === 0 ? {} : { error: 'NoSuchBucketPolicy' });
    }
    const target = buckets[0];
    sim.advance('1m');
    act('s3:ListObjects', 's3.sync', { bucketName: target, prefix: '', delimiter: '' });
    for (let i = 0; i < 12; i++) {
      sim.advance('1s');
      act('s3:GetObject', 's3.sync', { bucketName: target, key: `exports/crm/2026-03/accounts-${String(i).padStart(3, '0')}.parquet` });
    }

    sim.advanceTo('2026-04-06T14:00:00Z');
    answer(
      'What did the leaked key read?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName} ${r.requestParameters?.bucketName ?? ''}${r.requestParameters?.key ? `/${r.requestParameters.key}` : ''}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
