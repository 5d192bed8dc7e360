/** Example detections: defense evasion (escaping the organization, blinding logs and tools). */
import type { CloudTrailRecord } from 'trailsim';

export default [
  {
    id: 'aws-organizations-leave',
    title: 'Account tried to leave its AWS organization',
    description: 'LeaveOrganization, successful or not: an account outside the organization escapes its SCPs and organization trail. After Panther AWS.CloudTrail.AttemptToLeaveOrg.',
    techniques: ['T1666', 'T1562.001'],
    match: (r: CloudTrailRecord) => r.eventSource === 'organizations.amazonaws.com' && r.eventName === 'LeaveOrganization',
  },
];
