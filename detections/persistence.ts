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
  {
    id: 'aws-iam-role-trusts-outside-account',
    title: 'Role trust policy names an account outside the recipient account',
    description: 'CreateRole or UpdateAssumeRolePolicy whose trust policy lets another AWS account assume the role. A production rule would allow-list partner accounts. After Panther AWS.IAM.BackdoorRole.',
    techniques: ['T1098.003'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 'iam.amazonaws.com' || !ok(r)) return false;
      const doc = r.eventName === 'UpdateAssumeRolePolicy' ? rp(r).policyDocument : r.eventName === 'CreateRole' ? rp(r).assumeRolePolicyDocument : undefined;
      if (typeof doc !== 'string') return false;
      const accounts = [...doc.matchAll(/arn:aws[a-z-]*:iam::(\d{12}):/g)].map((m) => m[1]);
      return accounts.some((a) => a !== r.recipientAccountId);
    },
  },
  {
    id: 'aws-iam-policy-allows-everything',
    title: 'IAM policy granting every action on every resource written',
    description: 'CreatePolicyVersion (set as default), Put{User,Group,Role}Policy or CreatePolicy whose document allows Action "*" on Resource "*".',
    techniques: ['T1098.003'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 'iam.amazonaws.com' || !ok(r)) return false;
      if (!['CreatePolicyVersion', 'CreatePolicy', 'PutUserPolicy', 'PutGroupPolicy', 'PutRolePolicy'].includes(r.eventName ?? '')) return false;
      if (r.eventName === 'CreatePolicyVersion' && rp(r).setAsDefault !== true) return false;
      const doc = rp(r).policyDocument;
      if (typeof doc !== 'string') return false;
      try {
        const p = JSON.parse(doc) as { Statement?: unknown };
        const st = (Array.isArray(p.Statement) ? p.Statement : [p.Statement]) as { Effect?: string; Action?: unknown; Resource?: unknown }[];
        const has = (v: unknown) => v === '*' || (Array.isArray(v) && v.includes('*'));
        return st.some((s) => s && s.Effect === 'Allow' && has(s.Action) && has(s.Resource));
      } catch {
        return false;
      }
    },
  },
  {
    id: 'aws-rolesanywhere-trust-anchor-created',
    title: 'IAM Roles Anywhere trust anchor created or changed',
    description: 'CreateTrustAnchor / UpdateTrustAnchor: certificates from that CA can now obtain role credentials.',
    techniques: ['T1098.001'],
    match: (r: CloudTrailRecord) => r.eventSource === 'rolesanywhere.amazonaws.com' && (r.eventName === 'CreateTrustAnchor' || r.eventName === 'UpdateTrustAnchor') && ok(r),
  },
];
