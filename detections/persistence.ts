/** Example detections: persistence and privilege escalation through IAM. */
import type { CloudTrailRecord } from 'trailsim';

const ok = (r: CloudTrailRecord) => r.errorCode === undefined;
const rp = (r: CloudTrailRecord) => (r.requestParameters ?? {}) as Record<string, unknown>;
const ADMIN_POLICIES = /:policy\/(AdministratorAccess|IAMFullAccess|PowerUserAccess)$/;

export default [
  {
    id: 'aws-iam-saml-provider-changed',
    title: 'SAML identity provider created or its metadata replaced',
    description: "CreateSAMLProvider or UpdateSAMLProvider outside IAM Identity Center's own AWSSSO_*_DO_NOT_DELETE providers: a forged IdP certificate lets an attacker mint SAML assertions for any role that trusts the provider (Golden SAML). After Panther AWS.IAM.SAMLProviderModified.",
    techniques: ['T1484.002', 'T1606.002'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 'iam.amazonaws.com' || (r.eventName !== 'CreateSAMLProvider' && r.eventName !== 'UpdateSAMLProvider') || !ok(r)) return false;
      const name = String(rp(r).name ?? rp(r).sAMLProviderArn ?? '');
      return !/AWSSSO_[0-9a-f]+_DO_NOT_DELETE$/.test(name);
    },
  },
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
  {
    id: 'aws-ecr-image-pushed-by-user',
    title: 'Container image pushed by a person',
    description: 'ECR PutImage by an IAM user or root; releases are pushed by the CI role. After Panther AWS.ECR.CRUD.',
    techniques: ['T1525'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ecr.amazonaws.com' && r.eventName === 'PutImage' && ok(r) && (r.userIdentity?.type === 'IAMUser' || r.userIdentity?.type === 'Root'),
  },
  {
    id: 'aws-eks-cluster-admin-granted',
    title: 'EKS cluster-admin access policy associated with a principal',
    description: 'AssociateAccessPolicy with AmazonEKSClusterAdminPolicy or AmazonEKSAdminPolicy: Kubernetes admin rights through an access entry.',
    techniques: ['T1098.006'],
    match: (r: CloudTrailRecord) => r.eventSource === 'eks.amazonaws.com' && r.eventName === 'AssociateAccessPolicy' && ok(r) && /cluster-access-policy\/AmazonEKS(Cluster)?AdminPolicy$/.test(String(rp(r).policyArn ?? '')),
  },
  {
    id: 'aws-iam-user-added-to-admin-group',
    title: 'User added to an administrators group',
    description: 'AddUserToGroup for a group whose name says admin.',
    techniques: ['T1098'],
    match: (r: CloudTrailRecord) => r.eventSource === 'iam.amazonaws.com' && r.eventName === 'AddUserToGroup' && ok(r) && /admin/i.test(String(rp(r).groupName ?? '')),
  },
  {
    id: 'aws-lambda-function-created-by-user',
    title: 'Lambda function created with a long-term key or by root',
    description: 'CreateFunction by an IAM user access key or root: functions are deployed by pipelines with roles; a person creating one may be passing a privileged role (iam:PassRole escalation).',
    techniques: ['T1648'],
    match: (r: CloudTrailRecord) => r.eventSource === 'lambda.amazonaws.com' && (r.eventName ?? '').startsWith('CreateFunction') && ok(r) && ((r.userIdentity?.type === 'IAMUser' && r.userIdentity.sessionContext === undefined) || r.userIdentity?.type === 'Root'),
  },
  {
    id: 'aws-resource-policy-grants-outside-account',
    title: 'Resource policy grants another account or everyone',
    description: 'KMS PutKeyPolicy, Secrets Manager PutResourcePolicy, S3 PutBucketPolicy or ECR SetRepositoryPolicy whose policy names an account other than the owner, or Principal "*". After Panther AWS.CloudTrail.ResourceMadePublic.',
    techniques: ['T1098', 'T1537'],
    match: (r: CloudTrailRecord) => {
      if (!ok(r)) return false;
      const key = r.eventSource === 'kms.amazonaws.com' && r.eventName === 'PutKeyPolicy' ? 'policy'
        : r.eventSource === 'secretsmanager.amazonaws.com' && r.eventName === 'PutResourcePolicy' ? 'resourcePolicy'
        : r.eventSource === 's3.amazonaws.com' && r.eventName === 'PutBucketPolicy' ? 'bucketPolicy'
        : r.eventSource === 'ecr.amazonaws.com' && r.eventName === 'SetRepositoryPolicy' ? 'policyText' : undefined;
      if (!key) return false;
      const v = rp(r)[key];
      const text = typeof v === 'string' ? v : JSON.stringify(v ?? '');
      if (/"Principal"\s*:\s*(\{\s*"AWS"\s*:\s*)?"\*"/.test(text)) return true;
      return [...text.matchAll(/arn:aws[a-z-]*:iam::(\d{12}):/g)].some((m) => m[1] !== r.recipientAccountId);
    },
  },
  {
    id: 'aws-ec2-instance-profile-changed',
    title: 'Instance profile of a running instance replaced or associated by a person',
    description: 'ReplaceIamInstanceProfileAssociation / AssociateIamInstanceProfile by an IAM user or root: code on the instance gets the new role from IMDS.',
    techniques: ['T1098'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ec2.amazonaws.com' && (r.eventName === 'ReplaceIamInstanceProfileAssociation' || r.eventName === 'AssociateIamInstanceProfile') && ok(r) && (r.userIdentity?.type === 'IAMUser' || r.userIdentity?.type === 'Root'),
  },
  {
    id: 'aws-iam-identity-provider-created',
    title: 'OpenID Connect identity provider added to IAM',
    description: 'CreateOpenIDConnectProvider (or a thumbprint update): roles can now be assumed with tokens from that issuer.',
    techniques: ['T1484.002'],
    match: (r: CloudTrailRecord) => r.eventSource === 'iam.amazonaws.com' && (r.eventName === 'CreateOpenIDConnectProvider' || r.eventName === 'UpdateOpenIDConnectProviderThumbprint') && ok(r),
  },
  {
    id: 'aws-iam-login-profile-created-for-other-user',
    title: 'Console password created for another user',
    description: 'CreateLoginProfile where the caller is not the user: gives console access to an account that may never have had it.',
    techniques: ['T1098'],
    match: (r: CloudTrailRecord) => r.eventSource === 'iam.amazonaws.com' && r.eventName === 'CreateLoginProfile' && ok(r) && typeof rp(r).userName === 'string' && rp(r).userName !== r.userIdentity?.userName,
  },
  {
    id: 'aws-lambda-public-invocation',
    title: 'Lambda function opened to unauthenticated callers',
    description: 'CreateFunctionUrlConfig / UpdateFunctionUrlConfig with authType NONE, or AddPermission to principal "*" (matching the versioned event names Lambda logs, which the SigmaHQ function-URL rule misses). After Panther AWS.Potential.Backdoor.Lambda.',
    techniques: ['T1190', 'T1098'],
    match: (r: CloudTrailRecord) => {
      if (r.eventSource !== 'lambda.amazonaws.com' || !ok(r)) return false;
      const n = r.eventName ?? '';
      if (n.startsWith('CreateFunctionUrlConfig') || n.startsWith('UpdateFunctionUrlConfig')) return rp(r).authType === 'NONE';
      if (n.startsWith('AddPermission')) return rp(r).principal === '*';
      return false;
    },
  },
];
