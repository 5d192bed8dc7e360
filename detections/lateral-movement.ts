/** Example detections: lateral movement onto instances and containers. */
import type { CloudTrailRecord } from 'trailsim';

const ok = (r: CloudTrailRecord) => r.errorCode === undefined;

export default [
  {
    id: 'aws-ec2-instance-connect-key-push',
    title: 'SSH public key pushed to an instance with EC2 Instance Connect',
    description: 'SendSSHPublicKey (or the serial-console variant) installs a 60-second SSH key. After Panther AWS.EC2.MultiInstanceConnect.',
    techniques: ['T1021.008', 'T1021.004', 'T1098.004'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ec2-instance-connect.amazonaws.com' && (r.eventName === 'SendSSHPublicKey' || r.eventName === 'SendSerialConsoleSSHPublicKey') && ok(r),
  },
  {
    id: 'aws-ecs-exec-by-user',
    title: 'ECS Exec command run in a container by a person',
    description: 'ECS ExecuteCommand by an IAM user or root: an interactive shell inside a running task.',
    techniques: ['T1609', 'T1651'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ecs.amazonaws.com' && r.eventName === 'ExecuteCommand' && ok(r) && (r.userIdentity?.type === 'IAMUser' || r.userIdentity?.type === 'Root'),
  },
  {
    id: 'aws-ssm-session-by-long-term-key',
    title: 'Session Manager session started with a long-term key',
    description: 'SSM StartSession by an IAM user access key: operators use SSO roles; a leaked key gets a shell without SSH.',
    techniques: ['T1021.007'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ssm.amazonaws.com' && r.eventName === 'StartSession' && ok(r) && r.userIdentity?.type === 'IAMUser' && r.userIdentity.sessionContext === undefined,
  },
  {
    id: 'aws-ec2-serial-console-enabled',
    title: 'EC2 serial console access enabled',
    description: 'EnableSerialConsoleAccess turns on serial console access for the whole account and Region.',
    techniques: ['T1021.008'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ec2.amazonaws.com' && r.eventName === 'EnableSerialConsoleAccess' && ok(r),
  },
];
