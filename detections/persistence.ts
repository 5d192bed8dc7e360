/** Example detections: persistence and privilege escalation through IAM. */
import type { CloudTrailRecord } from 'trailsim';

const ok = (r: CloudTrailRecord) => r.errorCode === undefined;
const rp = (r: CloudTrailRecord) => (r.requestParameters ?? {}) as Record<string, unknown>;
const ADMIN_POLICIES = /:policy\/(AdministratorAccess|IAMFullAccess|PowerUserAccess)$/;

export default [
  {
    id: 'aws-iam-admin-policy-attached',
    title: 'Administrator policy attached to a user, group or role',
    description: 'AttachUserPolicy / AttachGroupPolicy / AttachRolePolicy with AdministratorAccess, IAMFullAccess or PowerUserAccess. After Panther AWS.IAM.AttachAdminRolePolicy and AttachAdminUserPolicy.',
    techniques: ['T1098.003'],
    match: (r: CloudTrailRecord) =>
      r.eventSource === 'iam.amazonaws.com' && ['AttachUserPolicy', 'AttachGroupPolicy', 'AttachRolePolicy'].includes(r.eventName ?? '') && ok(r) && typeof rp(r).policyArn === 'string' && ADMIN_POLICIES.test(rp(r).policyArn as string),
  },
  {
    id: 'aws-lambda-code-updated-by-user',
    title: 'Lambda function code changed by an IAM user or root',
    description: 'UpdateFunctionCode by a person (IAM user key or console session, or root) rather than the deployment role. After Panther AWS.Lambda.UpdateFunctionCode.',
    techniques: ['T1525', 'T1648'],
    match: (r: CloudTrailRecord) => r.eventSource === 'lambda.amazonaws.com' && (r.eventName ?? '').startsWith('UpdateFunctionCode') && ok(r) && (r.userIdentity?.type === 'IAMUser' || r.userIdentity?.type === 'Root'),
  },
  {
    id: 'aws-organizations-account-created',
    title: 'New AWS account created in the organization',
    description: 'The CreateAccountResult service event of a successful CreateAccount: a new member account exists. After Panther Standard.NewAWSAccountCreated.',
    techniques: ['T1136.003'],
    match: (r: CloudTrailRecord) =>
      r.eventSource === 'organizations.amazonaws.com' && r.eventName === 'CreateAccountResult' && (r.serviceEventDetails as { createAccountStatus?: { state?: string } } | undefined)?.createAccountStatus?.state === 'SUCCEEDED',
  },
];
