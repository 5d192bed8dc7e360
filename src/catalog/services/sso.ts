import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { pstr, hex } from '../util.js';

/**
 * IAM Identity Center. Directory association is logged by `sso.amazonaws.com`, external
 * identity-provider configuration by `sso-directory.amazonaws.com` (Sigma d3adb3ef lists
 * both sources). These are console-backing APIs without published request shapes; the
 * requestParameters here carry only identifiers.
 */

const directoryId = (ctx: CallContext) => pstr(ctx, 'directoryId') ?? 'd-' + ctx.rng.chars(10, '0123456789abcdef');
const instanceArn = (ctx: CallContext) => `arn:${ctx.partition}:sso:::instance/ssoins-${hex(ctx.rng, 16)}`;

const ssoDefs: OpDef[] = [
  { name: 'AssociateDirectory', readOnly: false, request: (ctx) => ({ directoryId: directoryId(ctx) }) },
  { name: 'DisassociateDirectory', readOnly: false, request: (ctx) => ({ directoryId: directoryId(ctx) }) },
  { name: 'ListInstances', request: () => null },
  { name: 'ListPermissionSets', request: (ctx) => ({ instanceArn: instanceArn(ctx) }) },
  { name: 'CreateAccountAssignment', request: (ctx) => ({ instanceArn: instanceArn(ctx), targetId: ctx.accountId, targetType: 'AWS_ACCOUNT', permissionSetArn: `arn:${ctx.partition}:sso:::permissionSet/ssoins-${hex(ctx.rng, 16)}/ps-${hex(ctx.rng, 16)}`, principalType: 'USER', principalId: ctx.rng.uuid() }) },
];

const directoryDefs: OpDef[] = [
  { name: 'EnableExternalIdPConfigurationForDirectory', readOnly: false, request: (ctx) => ({ directoryId: directoryId(ctx) }) },
  { name: 'DisableExternalIdPConfigurationForDirectory', readOnly: false, request: (ctx) => ({ directoryId: directoryId(ctx) }) },
  { name: 'ListExternalIdPConfigurationsForDirectory', request: (ctx) => ({ directoryId: directoryId(ctx) }) },
];

export const SSO_OPERATIONS = [
  ...defineService({ service: 'sso', eventSource: 'sso.amazonaws.com' }, ssoDefs),
  ...defineService({ service: 'sso-directory', eventSource: 'sso-directory.amazonaws.com' }, directoryDefs),
];
