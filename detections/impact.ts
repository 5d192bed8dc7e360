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
];
