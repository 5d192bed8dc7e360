/** Example detections: impact (destroying data and keys, resource hijacking). */
import type { CloudTrailRecord } from 'trailsim';

const ok = (r: CloudTrailRecord) => r.errorCode === undefined;
const longTermUser = (r: CloudTrailRecord) => r.userIdentity?.type === 'IAMUser' && r.userIdentity.sessionContext === undefined;

export default [
  {
    id: 'aws-s3-batch-object-deletion',
    title: 'S3 objects deleted in a batch with a long-term key',
    description: 'DeleteObjects (up to 1000 keys a call) by an IAM user key; lifecycle rules and applications delete through roles. After Panther AWS.S3.DeleteObjects.',
    techniques: ['T1485'],
    match: (r: CloudTrailRecord) => r.eventSource === 's3.amazonaws.com' && r.eventName === 'DeleteObjects' && ok(r) && longTermUser(r),
  },
  {
    id: 'aws-kms-key-disabled-or-deleted',
    title: 'KMS key disabled or scheduled for deletion',
    description: 'Data encrypted under a disabled or deleted key cannot be read. After Panther AWS.KMS.CustomerManagedKeyLoss.',
    techniques: ['T1485', 'T1486'],
    match: (r: CloudTrailRecord) => r.eventSource === 'kms.amazonaws.com' && (r.eventName === 'DisableKey' || r.eventName === 'ScheduleKeyDeletion') && ok(r),
  },
  {
    id: 'aws-s3-copy-object-sse-c',
    title: 'S3 object rewritten with a customer-provided encryption key (SSE-C)',
    description: 'CopyObject with x-amz-server-side-encryption-customer-algorithm: the Codefinger ransomware re-encryption; AWS keeps no copy of the key. After Panther AWS.S3.CopyObjectWithClientSideEncryption.',
    techniques: ['T1486'],
    match: (r: CloudTrailRecord) => r.eventSource === 's3.amazonaws.com' && r.eventName === 'CopyObject' && ok(r) && r.requestParameters?.['x-amz-server-side-encryption-customer-algorithm'] !== undefined,
  },
  {
    id: 'aws-s3-copy-object-external-kms-key',
    title: 'S3 object re-encrypted with another account\'s KMS key',
    description: 'CopyObject with SSE-KMS under a key ARN of an account other than the bucket owner\'s: whoever holds that key decides who reads the data. After Panther AWS.S3.CopyObject.CrossAccount.Encryption.KMS.',
    techniques: ['T1486'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 's3.amazonaws.com' || r.eventName !== 'CopyObject' || !ok(r)) return false;
      const key = r.requestParameters?.['x-amz-server-side-encryption-aws-kms-key-id'];
      const m = typeof key === 'string' ? /^arn:aws[a-z-]*:kms:[a-z0-9-]+:(\d{12}):/.exec(key) : null;
      return m !== null && m[1] !== r.recipientAccountId;
    },
  },
  {
    id: 'aws-s3-ransom-note-upload',
    title: 'Ransom note uploaded to S3',
    description: 'PutObject of a file named like a ransom note (HOW_TO_DECRYPT, DECRYPT_INSTRUCTIONS, RECOVER_FILES, RESTORE_FILES, README_TO_DECRYPT). After Panther AWS.S3.RansomwareNoteUpload.',
    techniques: ['T1486'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 's3.amazonaws.com' || r.eventName !== 'PutObject' || !ok(r)) return false;
      const key = r.requestParameters?.key;
      return typeof key === 'string' && /(^|\/)[^/]*(how[_-]?to[_-]?(decrypt|recover|restore)|decrypt[_-]?instructions|recover[_-]?(your[_-]?)?files|restore[_-]?files|readme[_-]?to[_-]?decrypt)[^/]*$/i.test(key);
    },
  },
  {
    id: 'aws-ec2-gpu-instances-by-user',
    title: 'GPU or accelerated instances launched with a long-term key',
    description: 'RunInstances of p*, g*, inf*, trn* or dl* instance types by an IAM user key (deploy pipelines use roles): the crypto-mining pattern. After Panther AWS.EC2.LaunchUnusualEC2Instances.',
    techniques: ['T1496.001'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ec2.amazonaws.com' && r.eventName === 'RunInstances' && longTermUser(r) && typeof r.requestParameters?.instanceType === 'string' && /^(p\d|g\d|inf\d|trn\d|dl\d)/.test(r.requestParameters.instanceType),
  },
  {
    id: 'aws-s3-short-lifecycle-expiration',
    title: 'S3 lifecycle rule expiring objects within 7 days',
    description: 'PutBucketLifecycle with an Expiration of 7 days or less: log erasure or the Codefinger 7-day deletion. After Panther AWS.CloudTrail.ShortLifecycle.',
    techniques: ['T1485.001', 'T1562.008'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 's3.amazonaws.com' || r.eventName !== 'PutBucketLifecycle' || !ok(r)) return false;
      const days = [...JSON.stringify(r.requestParameters ?? {}).matchAll(/"Expiration":\{[^}]*"Days":"?(\d+)/g)].map((m) => Number(m[1]));
      return days.some((d) => d <= 7);
    },
  },
  {
    id: 'aws-rds-deleted-without-final-snapshot',
    title: 'RDS instance or cluster deleted without a final snapshot',
    description: 'DeleteDBInstance / DeleteDBCluster with skipFinalSnapshot: nothing is kept. After Panther AWS.RDS.InstanceDeletion.',
    techniques: ['T1485', 'T1490'],
    match: (r: CloudTrailRecord) => r.eventSource === 'rds.amazonaws.com' && (r.eventName === 'DeleteDBInstance' || r.eventName === 'DeleteDBCluster') && ok(r) && r.requestParameters?.skipFinalSnapshot === true,
  },
  {
    id: 'aws-backup-recovery-point-deleted',
    title: 'AWS Backup recovery point, vault or plan deleted by a person',
    description: 'DeleteRecoveryPoint / DeleteBackupVault / DeleteBackupPlan by an IAM user, root or a non-service session: retention policies delete through the service.',
    techniques: ['T1490'],
    match: (r: CloudTrailRecord) => r.eventSource === 'backup.amazonaws.com' && ['DeleteRecoveryPoint', 'DeleteBackupVault', 'DeleteBackupPlan'].includes(r.eventName ?? '') && ok(r) && r.userIdentity?.type !== 'AWSService' && r.userIdentity?.invokedBy === undefined,
  },
  {
    id: 'aws-iam-access-removed',
    title: "Another user's console password deleted",
    description: 'DeleteLoginProfile for a user other than the caller: the first step of locking owners out.',
    techniques: ['T1531'],
    match: (r: CloudTrailRecord) => r.eventSource === 'iam.amazonaws.com' && r.eventName === 'DeleteLoginProfile' && ok(r) && typeof r.requestParameters?.userName === 'string' && r.requestParameters.userName !== r.userIdentity?.userName,
  },
  {
    id: 'aws-ec2-terminated-by-long-term-key',
    title: 'EC2 instances terminated with a long-term key',
    description: 'TerminateInstances by an IAM user access key or root: Auto Scaling and pipelines terminate through roles. After Panther AWS.Modify.Cloud.Compute.Infrastructure.',
    techniques: ['T1578.003', 'T1485'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ec2.amazonaws.com' && r.eventName === 'TerminateInstances' && ok(r) && (longTermUser(r) || r.userIdentity?.type === 'Root'),
  },
];
