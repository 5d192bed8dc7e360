/** Example detections: data moved to other accounts. */
import type { CloudTrailRecord } from 'trailsim';

const ok = (r: CloudTrailRecord) => r.errorCode === undefined;
const rp = (r: CloudTrailRecord) => (r.requestParameters ?? {}) as Record<string, unknown>;

export default [
  {
    id: 'aws-rds-snapshot-shared',
    title: 'RDS snapshot shared with another account or made public',
    description: 'ModifyDBSnapshotAttribute / ModifyDBClusterSnapshotAttribute adding accounts (or "all") to the restore attribute. After Panther AWS.RDS.SnapshotShared.',
    techniques: ['T1537'],
    match: (r: CloudTrailRecord) =>
      r.eventSource === 'rds.amazonaws.com' && (r.eventName === 'ModifyDBSnapshotAttribute' || r.eventName === 'ModifyDBClusterSnapshotAttribute') && ok(r) && rp(r).attributeName === 'restore' && Array.isArray(rp(r).valuesToAdd) && (rp(r).valuesToAdd as unknown[]).length > 0,
  },
  {
    id: 'aws-vpce-access-denied',
    title: 'Call denied by a VPC endpoint policy',
    description: 'A network-activity event with errorCode VpceAccessDenied: something inside the VPC tried to reach a resource the endpoint policy forbids (often another account\'s bucket). After Panther AWS.CloudTrail.VPCE.AccessDenied.',
    techniques: ['T1537', 'T1567'],
    match: (r: CloudTrailRecord) => r.eventType === 'AwsVpceEvent' && r.errorCode === 'VpceAccessDenied',
  },
  {
    id: 'aws-vpce-external-principal',
    title: 'Principal of another account used a VPC endpoint',
    description: 'A network-activity event whose caller belongs to an account other than the endpoint owner. After Panther AWS.CloudTrail.VPCE.ExternalPrincipal.',
    techniques: ['T1537', 'T1567'],
    match: (r: CloudTrailRecord) => r.eventType === 'AwsVpceEvent' && r.userIdentity?.accountId !== undefined && r.userIdentity.type !== 'AWSService' && r.userIdentity.accountId !== (r.vpcEndpointAccountId ?? r.recipientAccountId),
  },
  {
    id: 'aws-ec2-ami-shared',
    title: 'AMI shared with another account or made public',
    description: 'ModifyImageAttribute adding launch permissions (an account or group "all"). After Panther AWS.CloudTrail.AMIModifiedForPublicAccess.',
    techniques: ['T1537'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 'ec2.amazonaws.com' || r.eventName !== 'ModifyImageAttribute' || !ok(r)) return false;
      const add = ((rp(r).launchPermission as { add?: { items?: unknown[] } } | undefined)?.add?.items) ?? [];
      return add.length > 0;
    },
  },
  {
    id: 'aws-s3-object-copied-to-other-account',
    title: 'S3 object copied across accounts by the caller',
    description: "The caller's copy of a CopyObject that touched another account's bucket (a sharedEventID links the two accounts' copies). After Panther AWS.S3.CopyObjectToExternalAccountBucket.",
    techniques: ['T1537'],
    match: (r: CloudTrailRecord) => r.eventSource === 's3.amazonaws.com' && r.eventName === 'CopyObject' && ok(r) && r.sharedEventID !== undefined && r.userIdentity?.type !== 'AWSAccount' && r.userIdentity?.accountId === r.recipientAccountId,
  },
  {
    id: 'aws-s3-public-access-block-removed',
    title: 'S3 Block Public Access removed from a bucket',
    description: 'DeleteBucketPublicAccessBlock: the bucket can now be made public by its policy or ACL. After Panther AWS.S3.DeletePublicAccessBlock.',
    techniques: ['T1530'],
    match: (r: CloudTrailRecord) => r.eventSource === 's3.amazonaws.com' && r.eventName === 'DeleteBucketPublicAccessBlock' && ok(r),
  },
  {
    id: 'aws-s3-acl-grants-everyone',
    title: 'S3 ACL grants everyone or any AWS user',
    description: 'PutBucketAcl / PutObjectAcl with a public canned ACL or a grant to AllUsers / AuthenticatedUsers.',
    techniques: ['T1530'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 's3.amazonaws.com' || (r.eventName !== 'PutBucketAcl' && r.eventName !== 'PutObjectAcl') || !ok(r)) return false;
      const canned = rp(r)['x-amz-acl'];
      if (canned === 'public-read' || canned === 'public-read-write' || canned === 'authenticated-read') return true;
      return /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/.test(JSON.stringify(r.requestParameters ?? {}));
    },
  },
  {
    id: 'aws-rds-snapshot-export-started',
    title: 'RDS snapshot export to S3 started',
    description: 'StartExportTask writes a snapshot\'s data to S3 as Parquet. After Panther AWS.RDS.SnapshotExport.',
    techniques: ['T1537'],
    match: (r: CloudTrailRecord) => r.eventSource === 'rds.amazonaws.com' && r.eventName === 'StartExportTask' && ok(r),
  },
  {
    id: 'aws-dynamodb-export-to-other-account',
    title: 'DynamoDB table exported to another account\'s bucket',
    description: 'ExportTableToPointInTime with an S3BucketOwner other than the table\'s account.',
    techniques: ['T1537'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 'dynamodb.amazonaws.com' || r.eventName !== 'ExportTableToPointInTime' || !ok(r)) return false;
      const owner = rp(r).s3BucketOwner ?? rp(r).S3BucketOwner;
      return typeof owner === 'string' && owner !== r.recipientAccountId;
    },
  },
];
