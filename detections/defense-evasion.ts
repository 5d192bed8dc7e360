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
  {
    id: 'aws-bedrock-invocation-logging-tampering',
    title: 'Bedrock model invocation logging read or deleted by a long-term key',
    description: 'DeleteModelInvocationLoggingConfiguration by anyone, or GetModelInvocationLoggingConfiguration by an IAM user key: LLMjacking checks whether prompts are logged. After Panther AWS.Bedrock.DeleteModelInvocationLoggingConfiguration.',
    techniques: ['T1562.008', 'T1496.004'],
    match: (r: CloudTrailRecord) =>
      r.eventSource === 'bedrock.amazonaws.com' && (r.eventName === 'DeleteModelInvocationLoggingConfiguration' || (r.eventName === 'GetModelInvocationLoggingConfiguration' && r.userIdentity?.type === 'IAMUser' && r.userIdentity.sessionContext === undefined)),
  },
  {
    id: 'aws-logs-log-group-deleted',
    title: 'CloudWatch Logs log group or stream deleted by a person',
    description: 'DeleteLogGroup / DeleteLogStream by an IAM user or root: retention handles routine clean-up.',
    techniques: ['T1562.008', 'T1070'],
    match: (r: CloudTrailRecord) => r.eventSource === 'logs.amazonaws.com' && (r.eventName === 'DeleteLogGroup' || r.eventName === 'DeleteLogStream') && r.errorCode === undefined && (r.userIdentity?.type === 'IAMUser' || r.userIdentity?.type === 'Root'),
  },
];
