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
];
