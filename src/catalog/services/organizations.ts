import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { HIDDEN, err, policyJson, pstr, rstr, sdkDate, hex } from '../util.js';

/**
 * AWS Organizations (json protocol; its endpoint is in us-east-1, so records are global).
 * The errorCode for denied calls is `AccessDenied` (Stratus organizations-leave sample).
 */

const ORG_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const policyId = (ctx: CallContext) => pstr(ctx, 'policyId') ?? 'p-' + ctx.rng.chars(8, ORG_ALNUM);
const NOT_IN_USE = err('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 0.3);

const defs: OpDef[] = [
  { name: 'LeaveOrganization', request: () => null, errors: [err('ConstraintViolationException', 'You cannot remove the management account from the organization.', 0.5), NOT_IN_USE] },
  { name: 'DescribeOrganization', request: () => null, errors: [NOT_IN_USE] },
  { name: 'ListAccounts', request: () => null },
  { name: 'DescribeAccount', request: (ctx) => ({ accountId: pstr(ctx, 'accountId') ?? ctx.accountId }), errors: [err('AccountNotFoundException', 'You specified an account that doesn\'t exist.')] },
  { name: 'ListRoots', request: () => null },
  { name: 'ListPolicies', request: () => ({ filter: 'SERVICE_CONTROL_POLICY' }) },
  {
    name: 'CreateAccount',
    request: (ctx) => ({ accountName: pstr(ctx, 'accountName') ?? `${ctx.rng.pick(['sandbox', 'data', 'security', 'shared'])}-${hex(ctx.rng, 4)}`, email: HIDDEN, roleName: 'OrganizationAccountAccessRole' }),
    response: (ctx, r) => ({ createAccountStatus: { id: 'car-' + hex(ctx.rng, 32), accountName: rstr(r, 'accountName') ?? '', state: 'IN_PROGRESS', requestedTimestamp: sdkDate(ctx.time) } }),
    redact: (r) => (r.email !== undefined ? { ...r, email: HIDDEN } : r),
    errors: [err('ConstraintViolationException', 'You have exceeded the allowed number of AWS accounts.', 0.3)],
  },
  {
    name: 'CreatePolicy',
    request: (ctx) => ({ content: policyJson([{ Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'], Resource: '*' }]), description: 'Protect CloudTrail', name: pstr(ctx, 'name') ?? 'protect-cloudtrail', type: 'SERVICE_CONTROL_POLICY' }),
    response: (ctx, r) => { const id = policyId(ctx); return { policy: { policySummary: { id, arn: `arn:${ctx.partition}:organizations::${ctx.accountId}:policy/o-${ctx.rng.chars(10, ORG_ALNUM)}/service_control_policy/${id}`, name: rstr(r, 'name') ?? '', description: rstr(r, 'description') ?? '', type: 'SERVICE_CONTROL_POLICY', awsManaged: false }, content: rstr(r, 'content') ?? '' } }; },
    errors: [err('DuplicatePolicyException', 'A policy with the same name already exists.'), err('MalformedPolicyDocumentException', 'The provided policy document doesn\'t meet the requirements of the specified policy type.')],
  },
  { name: 'AttachPolicy', request: (ctx) => ({ policyId: policyId(ctx), targetId: ctx.rng.bool(0.5) ? 'ou-' + ctx.rng.chars(4, ORG_ALNUM) + '-' + ctx.rng.chars(8, ORG_ALNUM) : ctx.accountId }), errors: [err('DuplicatePolicyAttachmentException', 'The selected policy is already attached to the specified target.')] },
  { name: 'DetachPolicy', request: (ctx) => ({ policyId: policyId(ctx), targetId: ctx.accountId }), errors: [err('PolicyNotAttachedException', 'The policy isn\'t attached to the specified target in the specified root.')] },
  { name: 'RemoveAccountFromOrganization', request: (ctx) => ({ accountId: pstr(ctx, 'accountId') ?? ctx.accountId }), errors: [err('ConstraintViolationException', 'You cannot remove an account from your organization because it was not created with all of the information required to operate as a standalone account.')] },
  { name: 'InviteAccountToOrganization', request: (ctx) => ({ target: { id: pstr(ctx, 'accountId') ?? ctx.accountId, type: 'ACCOUNT' } }), response: (ctx) => ({ handshake: { id: 'h-' + ctx.rng.chars(32, ORG_ALNUM), state: 'OPEN', action: 'INVITE', requestedTimestamp: sdkDate(ctx.time), expirationTimestamp: sdkDate(ctx.time + 15 * 86_400_000) } }) },
];

export const ORGANIZATIONS_OPERATIONS = defineService({ service: 'organizations', eventSource: 'organizations.amazonaws.com', global: true, host: () => 'organizations.us-east-1.amazonaws.com' }, defs);
