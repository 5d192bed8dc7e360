/**
 * Playbook (misconfiguration): make a bucket public (MITRE T1530; the misconfiguration behind
 * most S3 data leaks).
 *
 * A developer, fighting an "Access Denied" on a static website, lists the buckets from the
 * CLI, removes the bucket's Block Public Access configuration and attaches a bucket policy
 * that lets anyone (`"Principal": "*"`) read every object. The change stays in place.
 *
 * Detection: Sigma f305fd62 (Potential Bucket Enumeration) fires on the CLI ListBuckets by an
 * IAM user. No rule of the 57 SigmaHQ CloudTrail rules watches DeleteBucketPublicAccessBlock
 * or PutBucketPolicy, so the misconfiguration itself raises no alert: a coverage gap of the
 * rule set (not a rule flaw), listed here so it is not mistaken for coverage.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.17.5 Python/3.11.9 Darwin/23.5.0 exe/x86_64 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-public-bucket-policy',
  description: 'A developer removes a bucket\'s Block Public Access and attaches a policy that makes every object public (no SigmaHQ rule covers it).',
  title: 'Block Public Access removed and a public bucket policy attached',
  attack: { techniques: ['T1530', 'T1562.007'], tactics: ['collection', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1530/',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  ],
  seed: 4146,
  start: '2026-04-23T06:00:00Z',
  targets: ['f305fd62-beca-47da-ad95-7690a0620084'],
  run({ sim, log, answer }) {
    const DEV_IP = sim.attackerIp('dev');
    const acct = sim.addAccount({ name: 'web', alias: 'acme-web', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const dev = acct.iamUser('l.moreau');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(dev, op, params, { sourceIPAddress: DEV_IP, userAgent: CLI(command), ...opts });
    const bucket = acct.resources('AWS::S3::Bucket')[0].name;
    log(`account ${acct.id}; bucket ${bucket}; developer ${dev.arn} at ${DEV_IP}`);

    sim.advanceTo('2026-04-23T15:02:00Z');
    act('s3:ListBuckets', 's3.ls');
    sim.advance('1m');
    act('s3:GetBucketPolicy', 's3api.get-bucket-policy', { bucketName: bucket }, { error: 'NoSuchBucketPolicy' });
    sim.advance('3m');
    act('s3:PutBucketPolicy', 's3api.put-bucket-policy', { bucketName: bucket, bucketPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] } }, { error: 'AccessDenied' });
    sim.advance('2m');
    act('s3:DeletePublicAccessBlock', 's3api.delete-public-access-block', { bucketName: bucket });
    sim.advance('30s');
    act('s3:PutBucketPolicy', 's3api.put-bucket-policy', { bucketName: bucket, bucketPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] } });
    sim.advance('20s');
    act('s3:GetBucketPolicyStatus', 's3api.get-bucket-policy-status', { bucketName: bucket });

    sim.advanceTo('2026-04-23T18:00:00Z');
    answer(
      'How did the bucket become public?',
      sim.records().filter((r) => r.sourceIPAddress === DEV_IP).map((r) => `${r.eventTime} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
