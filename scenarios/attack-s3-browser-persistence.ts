/**
 * Playbook: persistence through the "S3 Browser" client (MITRE T1136.003, T1098; the
 * Permiso/Invictus write-ups of S3 Browser used with stolen keys).
 *
 * The attacker loads a stolen key into S3 Browser (user agent `S3 Browser 11.5.7
 * https://s3browser.com`): the client lists the buckets, then its IAM manager creates a
 * user, a console password and an access key for it, and applies an inline policy from the
 * client's template without replacing the `<YOUR-BUCKET-NAME>` placeholder.
 *
 * Detection: Sigma db014773-d9d9 (S3Browser User or AccessKey Creation), db014773-b1d3
 * (S3Browser LoginProfile Creation), db014773-7375 (S3Browser Templated S3 Bucket Policy
 * Creation), plus Sigma 0a5177f4 (every CreateAccessKey) and Sigma f305fd62 (ListBuckets by
 * an IAM user).
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const S3_BROWSER = 'S3 Browser 11.5.7 https://s3browser.com';
const TEMPLATE_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::<YOUR-BUCKET-NAME>/*' },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::<YOUR-BUCKET-NAME>' },
    ],
  },
  null,
  4,
);

export default defineScenario({
  name: 'attack-s3-browser-persistence',
  description: 'A stolen key loaded into S3 Browser creates an IAM user with a password, an access key and a templated inline policy.',
  title: 'S3 Browser creates a user, access key, console password and inline policy',
  attack: { techniques: ['T1136.003', 'T1098.001'], tactics: ['persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1136/003/',
    'https://permiso.io/blog/s/unmasking-guivil-new-cloud-threat-actor/',
  ],
  seed: 4115,
  start: '2026-03-23T06:00:00Z',
  targets: [
    'db014773-d9d9-4792-91e5-133337c0ffee',
    'db014773-b1d3-46bd-ba26-133337c0ffee',
    'db014773-7375-4f4e-b83b-133337c0ffee',
    '0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2',
    'f305fd62-beca-47da-ad95-7690a0620084',
  ],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const stolen = acct.iamUser('backup-uploader');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(stolen, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: S3_BROWSER, ...opts });
    const newUser = 's3-sync-svc';
    log(`account ${acct.id}; stolen key of ${stolen.arn} in S3 Browser at ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-23T07:55:00Z');
    act('s3:ListBuckets');
    sim.advance('2m');
    act('iam:ListUsers');
    sim.advance('1m');
    act('iam:CreateUser', { userName: newUser });
    sim.advance('20s');
    act('iam:CreateLoginProfile', { userName: newUser, passwordResetRequired: false });
    sim.advance('15s');
    act('iam:GetLoginProfile', { userName: newUser });
    sim.advance('25s');
    act('iam:CreateAccessKey', { userName: newUser });
    sim.advance('1m');
    act('iam:PutUserPolicy', { userName: newUser, policyName: 'S3FullAccessToBucket', policyDocument: TEMPLATE_POLICY });

    sim.advanceTo('2026-03-23T12:00:00Z');
    answer(
      'What did the S3 Browser session do in IAM?',
      sim.records().filter((r) => r.userAgent === S3_BROWSER).map((r) => `${r.eventTime} ${r.eventName}${r.requestParameters?.userName ? ` ${r.requestParameters.userName}` : ''}`),
    );
  },
});
