import type { JsonObject, ResourceRef } from '../../record/types.js';
import type { CallContext, ErrorMode } from '../types.js';
import { longTermAccessKeyId, roleUniqueId, userUniqueId } from '../../core/ids.js';
import { defineService, type OpDef } from '../define.js';
import { anyIndent, err, pick, policyJson, pstr, ref, rstr, sdkDate, upperKey, urlEncoded } from '../util.js';

/**
 * AWS Identity and Access Management (query protocol, global: logs in us-east-1 of the
 * partition). Shapes from the Stratus samples: lower-camel request keys (`userName`,
 * `policyArn`, `roleName`), policy documents sent as JSON strings, returned URL-encoded
 * (`assumeRolePolicyDocument` in CreateRole's response), dates in the Java SDK format
 * (`Aug 1, 2024, 1:33:28 PM`). Error codes are IAM's error names with `Exception` appended,
 * as the real DeleteLoginProfile sample writes `EntityTemporarilyUnmodifiableException`
 * (`NoSuchEntityException`, `EntityAlreadyExistsException`, `LimitExceededException`...).
 * Passwords never appear (CreateLoginProfile/UpdateLoginProfile
 * log only userName and passwordResetRequired); CreateAccessKey's response has no secret.
 */

const USER: 'AWS::IAM::User' = 'AWS::IAM::User';
const ROLE: 'AWS::IAM::Role' = 'AWS::IAM::Role';
const POLICY: 'AWS::IAM::Policy' = 'AWS::IAM::Policy';

const MANAGED_POLICIES = [
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'arn:aws:iam::aws:policy/CloudWatchLogsFullAccess',
  'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess',
] as const;

const SERVICE_PRINCIPALS = ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com', 'states.amazonaws.com', 'glue.amazonaws.com'] as const;

function userName(ctx: CallContext): string {
  return pstr(ctx, 'userName') ?? pick(ctx, USER).name;
}
function roleName(ctx: CallContext): string {
  return pstr(ctx, 'roleName') ?? pick(ctx, ROLE).name;
}
function policyArn(ctx: CallContext): string {
  return pstr(ctx, 'policyArn') ?? (ctx.rng.bool(0.6) ? MANAGED_POLICIES[ctx.rng.int(MANAGED_POLICIES.length)] : pick(ctx, POLICY).arn);
}
function iamArn(ctx: CallContext, kind: string, name: string): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:${kind}/${name}`;
}

const noSuchUser = (key = 'userName') => err('NoSuchEntityException', (_c, r) => `The user with name ${rstr(r, key) ?? 'unknown'} cannot be found.`, 0.5);
const noSuchRole = () => err('NoSuchEntityException', (_c, r) => `The role with name ${rstr(r, 'roleName') ?? 'unknown'} cannot be found.`, 0.5);
const noSuchPolicy = () => err('NoSuchEntityException', (_c, r) => `Policy ${rstr(r, 'policyArn') ?? 'unknown'} does not exist or is not attachable.`, 0.5);
const malformed = err('MalformedPolicyDocumentException', 'Syntax errors in policy.', 0.5);
const limit = (what: string, n: number) => err('LimitExceededException', `Cannot exceed quota for ${what}: ${n}`, 0.3);

function userRes(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const u = rstr(request, 'userName');
  return u ? [ref(iamArn(ctx, 'user', u), ctx.accountId, USER)] : undefined;
}
function roleRes(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const r = rstr(request, 'roleName');
  return r ? [ref(iamArn(ctx, 'role', r), ctx.accountId, ROLE)] : undefined;
}

function trustPolicy(ctx: CallContext): string {
  return policyJson([{ Effect: 'Allow', Principal: { Service: SERVICE_PRINCIPALS[ctx.rng.int(SERVICE_PRINCIPALS.length)] }, Action: 'sts:AssumeRole' }], anyIndent(ctx.rng));
}

function inlinePolicy(ctx: CallContext): string {
  const bucket = pick(ctx, 'AWS::S3::Bucket').name;
  return policyJson([
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:${ctx.partition}:s3:::${bucket}/*` },
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:${ctx.partition}:s3:::${bucket}` },
  ], anyIndent(ctx.rng));
}

/** `{<key>: name}` read of one user. */
function userRead(name: string, errors: ErrorMode[] = [noSuchUser()]): OpDef {
  return { name, request: (ctx) => ({ userName: userName(ctx) }), errors };
}
function roleRead(name: string): OpDef {
  return { name, request: (ctx) => ({ roleName: roleName(ctx) }), errors: [noSuchRole()] };
}
function noParams(name: string): OpDef {
  return { name, request: () => null };
}

const SAML_METADATA = '<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1a2b3c4d5e6f7g8h9"><md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">';

const defs: OpDef[] = [
  // ---- users
  {
    name: 'CreateUser',
    request: (ctx) => ({ userName: pstr(ctx, 'userName') ?? ctx.world.newName(USER, ctx.rng) }),
    response: (ctx, req) => {
      const name = rstr(req, 'userName') ?? 'user';
      const user: JsonObject = { path: rstr(req, 'path') ?? '/', userName: name, userId: userUniqueId(ctx.rng), arn: iamArn(ctx, 'user', name), createDate: sdkDate(ctx.time) };
      if (req && Array.isArray(req.tags)) user.tags = req.tags;
      return { user };
    },
    deniedResource: userRes,
    errors: [err('EntityAlreadyExistsException', (_c, r) => `User with name ${rstr(r, 'userName') ?? 'user'} already exists.`), limit('UsersPerAccount', 5000)],
  },
  { name: 'DeleteUser', request: (ctx) => ({ userName: userName(ctx) }), deniedResource: userRes, errors: [err('DeleteConflictException', 'Cannot delete entity, must delete access keys first.'), err('DeleteConflictException', 'Cannot delete entity, must detach all policies first.'), noSuchUser()] },
  { ...userRead('GetUser'), deniedResource: userRes },
  { name: 'UpdateUser', request: (ctx) => ({ userName: userName(ctx), newPath: '/engineering/' }), deniedResource: userRes, errors: [noSuchUser()] },
  { name: 'ListUsers', request: () => null },
  { name: 'TagUser', request: (ctx) => ({ userName: userName(ctx), tags: [{ key: 'team', value: ctx.rng.pick(['platform', 'data', 'security', 'payments']) }] }), deniedResource: userRes, errors: [noSuchUser()] },

  // ---- access keys
  {
    name: 'CreateAccessKey',
    request: (ctx) => ({ userName: userName(ctx) }),
    response: (ctx, req) => ({ accessKey: { userName: rstr(req, 'userName') ?? 'user', accessKeyId: longTermAccessKeyId(ctx.rng), status: 'Active', createDate: sdkDate(ctx.time) } }),
    deniedResource: userRes,
    errors: [limit('AccessKeysPerUser', 2), noSuchUser()],
  },
  { name: 'DeleteAccessKey', request: (ctx) => ({ userName: userName(ctx), accessKeyId: pstr(ctx, 'accessKeyId') ?? longTermAccessKeyId(ctx.rng) }), deniedResource: userRes, errors: [err('NoSuchEntityException', (_c, r) => `The Access Key with id ${rstr(r, 'accessKeyId')} cannot be found.`)] },
  { name: 'UpdateAccessKey', request: (ctx) => ({ userName: userName(ctx), accessKeyId: pstr(ctx, 'accessKeyId') ?? longTermAccessKeyId(ctx.rng), status: 'Inactive' }), deniedResource: userRes, errors: [err('NoSuchEntityException', (_c, r) => `The Access Key with id ${rstr(r, 'accessKeyId')} cannot be found.`)] },
  { ...userRead('ListAccessKeys'), deniedResource: userRes },
  { name: 'GetAccessKeyLastUsed', request: (ctx) => ({ accessKeyId: pstr(ctx, 'accessKeyId') ?? longTermAccessKeyId(ctx.rng) }) },

  // ---- console passwords (never logged)
  {
    name: 'CreateLoginProfile',
    request: (ctx) => ({ userName: userName(ctx), passwordResetRequired: ctx.rng.bool(0.7) }),
    response: (ctx, req) => ({ loginProfile: { userName: rstr(req, 'userName') ?? 'user', createDate: sdkDate(ctx.time), passwordResetRequired: req?.passwordResetRequired === true } }),
    deniedResource: userRes,
    redact: (r) => { const { password: _p, ...rest } = r; return rest; },
    errors: [err('EntityAlreadyExistsException', (_c, r) => `Login Profile for user ${rstr(r, 'userName')} already exists.`), err('PasswordPolicyViolationException', 'Password should have at least one uppercase letter'), noSuchUser()],
  },
  {
    name: 'UpdateLoginProfile',
    request: (ctx) => ({ userName: userName(ctx) }),
    deniedResource: userRes,
    redact: (r) => { const { password: _p, ...rest } = r; return rest; },
    errors: [err('PasswordPolicyViolationException', 'Password should have at least one uppercase letter'), err('EntityTemporarilyUnmodifiableException', (_c, r) => `Login Profile for User ${rstr(r, 'userName')} cannot be modified while login profile is being created.`, 0.2), err('NoSuchEntityException', (_c, r) => `Login Profile for User ${rstr(r, 'userName')} cannot be found.`)],
  },
  { name: 'DeleteLoginProfile', request: (ctx) => ({ userName: userName(ctx) }), deniedResource: userRes, errors: [err('EntityTemporarilyUnmodifiableException', (_c, r) => `Login Profile for User ${rstr(r, 'userName')} cannot be modified while login profile is being created.`), err('NoSuchEntityException', (_c, r) => `Login Profile for User ${rstr(r, 'userName')} cannot be found.`)] },
  { name: 'GetLoginProfile', request: (ctx) => ({ userName: userName(ctx) }), deniedResource: userRes, errors: [err('NoSuchEntityException', (_c, r) => `Login Profile for User ${rstr(r, 'userName')} cannot be found.`, 2)] },
  {
    name: 'ChangePassword',
    request: () => null,
    errors: [err('PasswordPolicyViolationException', 'Password should have at least one number'), err('InvalidUserTypeException', 'Only IAM Users can change their own password.')],
  },

  // ---- policies on users and roles
  { name: 'AttachUserPolicy', request: (ctx) => ({ userName: userName(ctx), policyArn: policyArn(ctx) }), deniedResource: userRes, errors: [noSuchPolicy(), limit('PoliciesPerUser', 10)] },
  { name: 'DetachUserPolicy', request: (ctx) => ({ userName: userName(ctx), policyArn: policyArn(ctx) }), deniedResource: userRes, errors: [err('NoSuchEntityException', (_c, r) => `Policy ${rstr(r, 'policyArn')} was not found.`)] },
  // Sigma db014773-7375 (S3 Browser) matches text inside the `policyDocument` string: pass it as a param.
  { name: 'PutUserPolicy', request: (ctx) => ({ userName: userName(ctx), policyName: pstr(ctx, 'policyName') ?? `${ctx.rng.pick(['s3', 'logs', 'ssm', 'kms'])}-access`, policyDocument: inlinePolicy(ctx) }), deniedResource: userRes, errors: [malformed, noSuchUser()] },
  { name: 'DeleteUserPolicy', request: (ctx) => ({ userName: userName(ctx), policyName: pstr(ctx, 'policyName') ?? 's3-access' }), deniedResource: userRes, errors: [err('NoSuchEntityException', (_c, r) => `The user policy with name ${rstr(r, 'policyName')} cannot be found.`)] },
  { ...userRead('ListAttachedUserPolicies'), deniedResource: userRes },
  { ...userRead('ListUserPolicies'), deniedResource: userRes },
  { name: 'AttachRolePolicy', request: (ctx) => ({ roleName: roleName(ctx), policyArn: policyArn(ctx) }), deniedResource: roleRes, errors: [noSuchPolicy(), limit('PoliciesPerRole', 10)] },
  { name: 'DetachRolePolicy', request: (ctx) => ({ roleName: roleName(ctx), policyArn: policyArn(ctx) }), deniedResource: roleRes, errors: [err('NoSuchEntityException', (_c, r) => `Policy ${rstr(r, 'policyArn')} was not found.`)] },
  { name: 'PutRolePolicy', request: (ctx) => ({ roleName: roleName(ctx), policyName: pstr(ctx, 'policyName') ?? 'inline-access', policyDocument: inlinePolicy(ctx) }), deniedResource: roleRes, errors: [malformed, noSuchRole()] },
  { ...roleRead('ListAttachedRolePolicies'), deniedResource: roleRes },
  { ...roleRead('ListRolePolicies'), deniedResource: roleRes },

  // ---- roles
  {
    name: 'CreateRole',
    request: (ctx) => ({ roleName: pstr(ctx, 'roleName') ?? ctx.world.newName(ROLE, ctx.rng), assumeRolePolicyDocument: trustPolicy(ctx) }),
    response: (ctx, req) => {
      const name = rstr(req, 'roleName') ?? 'role';
      const role: JsonObject = {
        path: rstr(req, 'path') ?? '/',
        roleName: name,
        roleId: roleUniqueId(ctx.rng),
        arn: iamArn(ctx, 'role', name),
        createDate: sdkDate(ctx.time),
        assumeRolePolicyDocument: urlEncoded(rstr(req, 'assumeRolePolicyDocument') ?? '{}'),
      };
      const pb = rstr(req, 'permissionsBoundary');
      if (pb) role.permissionsBoundary = { permissionsBoundaryType: 'Policy', permissionsBoundaryArn: pb };
      return { role };
    },
    deniedResource: roleRes,
    errors: [err('EntityAlreadyExistsException', (_c, r) => `Role with name ${rstr(r, 'roleName')} already exists.`), malformed, limit('RolesPerAccount', 1000)],
  },
  { name: 'DeleteRole', request: (ctx) => ({ roleName: roleName(ctx) }), deniedResource: roleRes, errors: [err('DeleteConflictException', 'Cannot delete entity, must detach all policies first.'), err('UnmodifiableEntityException', (_c, r) => `Cannot perform the operation on the protected role '${rstr(r, 'roleName')}' - this role is only modifiable by AWS`, 0.2), noSuchRole()] },
  { ...roleRead('GetRole'), deniedResource: roleRes },
  { name: 'ListRoles', request: () => null },
  { name: 'UpdateAssumeRolePolicy', request: (ctx) => ({ roleName: roleName(ctx), policyDocument: trustPolicy(ctx) }), deniedResource: roleRes, errors: [malformed, noSuchRole()] },
  { name: 'UpdateRole', request: (ctx) => ({ roleName: roleName(ctx), maxSessionDuration: ctx.rng.pick([3600, 7200, 43200]) }), deniedResource: roleRes, errors: [noSuchRole()] },
  {
    name: 'CreateServiceLinkedRole',
    request: (ctx) => ({ aWSServiceName: pstr(ctx, 'aWSServiceName') ?? ctx.rng.pick(['autoscaling.amazonaws.com', 'elasticloadbalancing.amazonaws.com', 'rds.amazonaws.com', 'ecs.amazonaws.com']) }),
    response: (ctx, req) => {
      const svc = rstr(req, 'aWSServiceName') ?? 'autoscaling.amazonaws.com';
      const short = svc.split('.')[0];
      const name = `AWSServiceRoleFor${short.charAt(0).toUpperCase()}${short.slice(1)}`;
      return { role: { path: `/aws-service-role/${svc}/`, roleName: name, roleId: roleUniqueId(ctx.rng), arn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/${svc}/${name}`, createDate: sdkDate(ctx.time), assumeRolePolicyDocument: urlEncoded(JSON.stringify({ Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: [svc] } }] })) } };
    },
    errors: [err('InvalidInputException', (_c, r) => `Service role name AWSServiceRoleFor${(rstr(r, 'aWSServiceName') ?? 'x').split('.')[0]} has been taken in this account, please try a different suffix.`)],
  },
  { name: 'CreateInstanceProfile', request: (ctx) => ({ instanceProfileName: pstr(ctx, 'instanceProfileName') ?? `${roleName(ctx)}-profile` }), errors: [err('EntityAlreadyExistsException', (_c, r) => `Instance Profile ${rstr(r, 'instanceProfileName')} already exists.`)] },
  { name: 'AddRoleToInstanceProfile', request: (ctx) => ({ instanceProfileName: `${roleName(ctx)}-profile`, roleName: roleName(ctx) }), deniedResource: roleRes, errors: [limit('InstanceSessionsPerInstanceProfile', 1)] },

  // ---- managed policies
  {
    name: 'CreatePolicy',
    request: (ctx) => ({ policyName: pstr(ctx, 'policyName') ?? ctx.world.newName(POLICY, ctx.rng), policyDocument: inlinePolicy(ctx) }),
    response: (ctx, req) => {
      const name = rstr(req, 'policyName') ?? 'policy';
      const t = sdkDate(ctx.time);
      return { policy: { policyName: name, policyId: 'ANPA' + upperKey(ctx.rng, 17), arn: iamArn(ctx, 'policy', name), path: '/', defaultVersionId: 'v1', attachmentCount: 0, permissionsBoundaryUsageCount: 0, isAttachable: true, createDate: t, updateDate: t } };
    },
    errors: [err('EntityAlreadyExistsException', (_c, r) => `A policy called ${rstr(r, 'policyName')} already exists. Duplicate names are not allowed.`), malformed],
  },
  { name: 'CreatePolicyVersion', request: (ctx) => ({ policyArn: pick(ctx, POLICY).arn, policyDocument: inlinePolicy(ctx), setAsDefault: true }), response: (ctx) => ({ policyVersion: { versionId: `v${2 + ctx.rng.int(4)}`, isDefaultVersion: true, createDate: sdkDate(ctx.time) } }), errors: [limit('VersionsPerPolicy', 5), malformed] },
  { name: 'DeletePolicy', request: (ctx) => ({ policyArn: pick(ctx, POLICY).arn }), errors: [err('DeleteConflictException', 'Cannot delete a policy attached to entities.'), noSuchPolicy()] },
  { name: 'GetPolicy', request: (ctx) => ({ policyArn: policyArn(ctx) }), errors: [noSuchPolicy()] },
  { name: 'GetPolicyVersion', request: (ctx) => ({ policyArn: policyArn(ctx), versionId: 'v1' }), errors: [noSuchPolicy()] },
  { name: 'ListPolicies', request: (ctx) => ({ scope: ctx.rng.pick(['Local', 'All', 'AWS']), onlyAttached: false }) },
  { name: 'ListEntitiesForPolicy', request: (ctx) => ({ policyArn: policyArn(ctx) }) },

  // ---- groups
  { name: 'CreateGroup', request: (ctx) => ({ groupName: pstr(ctx, 'groupName') ?? ctx.rng.pick(['developers', 'admins', 'readonly', 'oncall']) }), response: (ctx, req) => ({ group: { path: '/', groupName: rstr(req, 'groupName') ?? 'group', groupId: 'AGPA' + upperKey(ctx.rng, 17), arn: iamArn(ctx, 'group', rstr(req, 'groupName') ?? 'group'), createDate: sdkDate(ctx.time) } }), errors: [err('EntityAlreadyExistsException', (_c, r) => `Group with name ${rstr(r, 'groupName')} already exists.`)] },
  { name: 'AddUserToGroup', request: (ctx) => ({ groupName: pstr(ctx, 'groupName') ?? ctx.rng.pick(['developers', 'admins', 'readonly']), userName: userName(ctx) }), deniedResource: userRes, errors: [err('NoSuchEntityException', (_c, r) => `The group with name ${rstr(r, 'groupName')} cannot be found.`)] },
  { name: 'RemoveUserFromGroup', request: (ctx) => ({ groupName: pstr(ctx, 'groupName') ?? 'developers', userName: userName(ctx) }), deniedResource: userRes },
  noParams('ListGroups'),
  { ...userRead('ListGroupsForUser'), deniedResource: userRes },

  // ---- SAML providers (Sigma f43f5d2f: UpdateSAMLProvider; ccd6a6c8: DeleteSAMLProvider)
  {
    name: 'CreateSAMLProvider',
    request: (ctx) => ({ sAMLMetadataDocument: SAML_METADATA, name: pstr(ctx, 'name') ?? ctx.rng.pick(['Okta', 'AzureAD', 'Google', 'OneLogin']) }),
    response: (ctx, req) => ({ sAMLProviderArn: iamArn(ctx, 'saml-provider', rstr(req, 'name') ?? 'Okta') }),
    errors: [err('EntityAlreadyExistsException', (_c, r) => `SAMLProvider ${rstr(r, 'name')} already exists.`), err('InvalidInputException', 'Could not parse metadata')],
  },
  {
    name: 'UpdateSAMLProvider',
    request: (ctx) => ({ sAMLMetadataDocument: SAML_METADATA, sAMLProviderArn: pstr(ctx, 'sAMLProviderArn') ?? pick(ctx, 'AWS::IAM::SAMLProvider').arn }),
    response: (_ctx, req) => ({ sAMLProviderArn: rstr(req, 'sAMLProviderArn') ?? '' }),
    deniedResource: (ctx, req) => { const a = rstr(req, 'sAMLProviderArn'); return a ? [ref(a, ctx.accountId, 'AWS::IAM::SAMLProvider')] : undefined; },
    errors: [err('InvalidInputException', 'Could not parse metadata'), err('NoSuchEntityException', (_c, r) => `Manifest not found for arn ${rstr(r, 'sAMLProviderArn')}`)],
  },
  {
    name: 'DeleteSAMLProvider',
    request: (ctx) => ({ sAMLProviderArn: pstr(ctx, 'sAMLProviderArn') ?? pick(ctx, 'AWS::IAM::SAMLProvider').arn }),
    deniedResource: (ctx, req) => { const a = rstr(req, 'sAMLProviderArn'); return a ? [ref(a, ctx.accountId, 'AWS::IAM::SAMLProvider')] : undefined; },
    errors: [err('NoSuchEntityException', (_c, r) => `Manifest not found for arn ${rstr(r, 'sAMLProviderArn')}`)],
  },
  noParams('ListSAMLProviders'),

  // ---- MFA and account
  {
    name: 'CreateVirtualMFADevice',
    request: (ctx) => ({ virtualMFADeviceName: pstr(ctx, 'virtualMFADeviceName') ?? userName(ctx), path: '/' }),
    response: (ctx, req) => ({ virtualMFADevice: { serialNumber: `arn:${ctx.partition}:iam::${ctx.accountId}:mfa/${rstr(req, 'virtualMFADeviceName') ?? 'device'}` } }),
    errors: [err('EntityAlreadyExistsException', 'MFADevice entity at the same path and name already exists.')],
  },
  { name: 'EnableMFADevice', request: (ctx) => { const u = userName(ctx); return { userName: u, serialNumber: `arn:${ctx.partition}:iam::${ctx.accountId}:mfa/${u}` }; }, deniedResource: userRes, errors: [err('InvalidAuthenticationCodeException', 'Authentication code for device is not valid.')] },
  { name: 'DeactivateMFADevice', request: (ctx) => { const u = userName(ctx); return { userName: u, serialNumber: `arn:${ctx.partition}:iam::${ctx.accountId}:mfa/${u}` }; }, deniedResource: userRes },
  { ...userRead('ListMFADevices', []), request: (ctx) => (ctx.rng.bool(0.5) ? { userName: userName(ctx) } : null) },
  noParams('ListVirtualMFADevices'),
  noParams('GetAccountSummary'),
  noParams('GetAccountPasswordPolicy'),
  noParams('ListAccountAliases'),
  { name: 'GetAccountAuthorizationDetails', request: () => ({ filter: ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] }) },
  { name: 'GenerateCredentialReport', readOnly: false, request: () => null, response: () => ({ state: 'STARTED', description: 'No report exists. Starting a new report generation task' }) },
  { name: 'GetCredentialReport', request: () => null, errors: [err('ReportNotPresentException', 'Credential report not present')] },
  { name: 'UpdateAccountPasswordPolicy', request: () => ({ minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true, allowUsersToChangePassword: true, passwordReusePrevention: 24 }) },
  { name: 'ListInstanceProfilesForRole', request: (ctx) => ({ roleName: roleName(ctx) }), deniedResource: roleRes },
  { name: 'GetServiceLastAccessedDetails', request: (ctx) => ({ jobId: ctx.rng.uuid() }) },
  { name: 'SimulatePrincipalPolicy', readOnly: true, request: (ctx) => ({ policySourceArn: iamArn(ctx, 'role', roleName(ctx)), actionNames: ['s3:GetObject'] }) },
];

export const IAM_OPERATIONS = defineService(
  { service: 'iam', eventSource: 'iam.amazonaws.com', global: true, host: () => 'iam.amazonaws.com' },
  defs,
);

