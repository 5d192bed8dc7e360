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
];
