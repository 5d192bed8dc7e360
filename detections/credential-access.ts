/** Example detections: credential access (secrets, parameters, instance passwords, root password). */
import type { CloudTrailRecord } from 'trailsim';

const ok = (r: CloudTrailRecord) => r.errorCode === undefined;
/** A long-term IAM user key (no console or STS session): people and leaked keys, not workloads. */
const longTermUser = (r: CloudTrailRecord) => r.userIdentity?.type === 'IAMUser' && r.userIdentity.sessionContext === undefined;

export default [
  {
    id: 'aws-secrets-batch-retrieval',
    title: 'Secrets Manager secrets read in bulk (BatchGetSecretValue)',
    description: 'BatchGetSecretValue returns up to 20 secrets a call; applications read their own secret with GetSecretValue. After Panther AWS.SecretsManager.BatchRetrieveSecrets.',
    techniques: ['T1555.006'],
    match: (r: CloudTrailRecord) => r.eventSource === 'secretsmanager.amazonaws.com' && r.eventName === 'BatchGetSecretValue' && ok(r),
  },
  {
    id: 'aws-secret-read-with-long-term-key',
    title: 'Secret value read with a long-term IAM user key',
    description: 'Workloads read secrets through role sessions; GetSecretValue by an IAM user access key is a person or a leaked key.',
    techniques: ['T1555.006'],
    match: (r: CloudTrailRecord) => r.eventSource === 'secretsmanager.amazonaws.com' && r.eventName === 'GetSecretValue' && ok(r) && longTermUser(r),
  },
  {
    id: 'aws-ec2-get-password-data',
    title: 'EC2 Windows password data requested',
    description: 'GetPasswordData returns the encrypted administrator password of a Windows instance; automation rarely calls it. Panther AWS.EC2.ManyPasswordReadAttempts counts these.',
    techniques: ['T1552'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ec2.amazonaws.com' && r.eventName === 'GetPasswordData' && r.userIdentity?.type !== 'AWSService',
  },
  {
    id: 'aws-ssm-parameters-decrypted-by-user',
    title: 'SecureString parameters decrypted with a long-term IAM user key',
    description: 'GetParameter(s) or GetParametersByPath with withDecryption=true by an IAM user key. After Panther AWS.SSM.DecryptSSMParams.',
    techniques: ['T1552'],
    match: (r: CloudTrailRecord) =>
      r.eventSource === 'ssm.amazonaws.com' && ['GetParameter', 'GetParameters', 'GetParametersByPath'].includes(r.eventName ?? '') && r.requestParameters?.withDecryption === true && ok(r) && longTermUser(r),
  },
  {
    id: 'aws-root-password-changed',
    title: 'Root user password changed',
    description: 'The root password was changed or reset (signin PasswordUpdated). After Panther AWS.CloudTrail.RootPasswordChanged.',
    techniques: ['T1098', 'T1078.004'],
    match: (r: CloudTrailRecord) => r.eventSource === 'signin.amazonaws.com' && r.eventName === 'PasswordUpdated' && r.userIdentity?.type === 'Root' && (r.responseElements as { PasswordUpdated?: string } | null | undefined)?.PasswordUpdated === 'Success',
  },
  {
    id: 'aws-ec2-traffic-mirroring-created',
    title: 'VPC traffic mirror session or target created',
    description: 'CreateTrafficMirrorSession / CreateTrafficMirrorTarget: packets of an interface are copied elsewhere. After Panther AWS.EC2.Traffic.Mirroring.',
    techniques: ['T1040'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ec2.amazonaws.com' && (r.eventName === 'CreateTrafficMirrorSession' || r.eventName === 'CreateTrafficMirrorTarget') && ok(r),
  },
  {
    id: 'aws-iam-mfa-device-removed',
    title: 'MFA device deactivated or deleted',
    description: 'DeactivateMFADevice / DeleteVirtualMFADevice: the user signs in with a password alone.',
    techniques: ['T1556.006'],
    match: (r: CloudTrailRecord) => r.eventSource === 'iam.amazonaws.com' && (r.eventName === 'DeactivateMFADevice' || r.eventName === 'DeleteVirtualMFADevice') && ok(r),
  },
  {
    id: 'aws-iam-password-policy-changed',
    title: 'Account password policy changed or deleted',
    description: 'UpdateAccountPasswordPolicy / DeleteAccountPasswordPolicy.',
    techniques: ['T1556'],
    match: (r: CloudTrailRecord) => r.eventSource === 'iam.amazonaws.com' && (r.eventName === 'UpdateAccountPasswordPolicy' || r.eventName === 'DeleteAccountPasswordPolicy') && ok(r),
  },
];
