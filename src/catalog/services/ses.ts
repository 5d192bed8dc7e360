import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pstr } from '../util.js';

/** Amazon SES v1 (query protocol). Deleting a sending identity: Sigma 20f754db. */

const DOMAINS = ['example.com', 'mail.example.org', 'notifications.example.net'] as const;
const identity = (ctx: CallContext) => pstr(ctx, 'identity') ?? (ctx.rng.bool(0.5) ? ctx.rng.pick(DOMAINS) : `no-reply@${ctx.rng.pick(DOMAINS)}`);

const defs: OpDef[] = [
  { name: 'DeleteIdentity', request: (ctx) => ({ identity: identity(ctx) }) },
  { name: 'ListIdentities', request: (ctx) => (ctx.rng.bool(0.5) ? { identityType: ctx.rng.pick(['EmailAddress', 'Domain']), maxItems: 100 } : null) },
  { name: 'GetIdentityVerificationAttributes', request: (ctx) => ({ identities: [identity(ctx)] }) },
  { name: 'GetSendQuota', request: () => null },
  { name: 'GetAccountSendingEnabled', request: () => null },
  { name: 'VerifyEmailIdentity', request: (ctx) => ({ emailAddress: pstr(ctx, 'emailAddress') ?? `alerts@${ctx.rng.pick(DOMAINS)}` }) },
  { name: 'VerifyDomainIdentity', request: (ctx) => ({ domain: pstr(ctx, 'domain') ?? ctx.rng.pick(DOMAINS) }), response: (ctx) => ({ verificationToken: ctx.rng.chars(44, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') }) },
  { name: 'UpdateAccountSendingEnabled', request: () => ({ enabled: true }) },
  { name: 'DeleteConfigurationSet', request: (ctx) => ({ configurationSetName: pstr(ctx, 'configurationSetName') ?? 'default-events' }), errors: [err('ConfigurationSetDoesNotExist', 'Configuration set <default-events> does not exist.')] },
];

export const SES_OPERATIONS = defineService({ service: 'ses', eventSource: 'ses.amazonaws.com' }, defs);
