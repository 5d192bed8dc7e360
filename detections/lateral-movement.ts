/** Example detections: lateral movement onto instances and containers. */
import type { CloudTrailRecord } from 'trailsim';

const ok = (r: CloudTrailRecord) => r.errorCode === undefined;

export default [
  {
    id: 'aws-ec2-instance-connect-key-push',
    title: 'SSH public key pushed to an instance with EC2 Instance Connect',
    description: 'SendSSHPublicKey (or the serial-console variant) installs a 60-second SSH key. After Panther AWS.EC2.MultiInstanceConnect.',
    techniques: ['T1021.004', 'T1098.004'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ec2-instance-connect.amazonaws.com' && (r.eventName === 'SendSSHPublicKey' || r.eventName === 'SendSerialConsoleSSHPublicKey') && ok(r),
  },
];
