import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { HIDDEN, err, pstr, rstr, uuid } from '../util.js';

/**
 * Amazon Route 53 Domains (json protocol). Logged with eventSource
 * `route53domains.amazonaws.com`; the API has a single endpoint in us-east-1, so records
 * land there. The Sigma rules 3940b5f1 / b056de1a expect `route53.amazonaws.com`, which
 * these calls never carry (rule flaw 6 in detection-scenarios.md).
 */

const domain = (ctx: CallContext) => pstr(ctx, 'domainName') ?? `${ctx.rng.pick(['example', 'acme-shop', 'contoso-app', 'northwind'])}.${ctx.rng.pick(['com', 'net', 'io'])}`;
const op = (ctx: CallContext) => ({ operationId: uuid(ctx.rng) });
const INVALID = err('InvalidInput', (_c, r) => `Domain ${rstr(r, 'domainName')} not found in account`, 0.5);

const defs: OpDef[] = [
  { name: 'DisableDomainTransferLock', request: (ctx) => ({ domainName: domain(ctx) }), response: op, errors: [INVALID, err('DuplicateRequest', 'The request is already in progress for the domain.', 0.2), err('TLDRulesViolation', 'The top-level domain does not support this operation.', 0.1)] },
  { name: 'EnableDomainTransferLock', request: (ctx) => ({ domainName: domain(ctx) }), response: op, errors: [INVALID] },
  { name: 'TransferDomainToAnotherAwsAccount', request: (ctx) => ({ domainName: domain(ctx), accountId: pstr(ctx, 'accountId') ?? ctx.accountId }), response: (ctx) => ({ operationId: uuid(ctx.rng), password: HIDDEN }), errors: [INVALID, err('OperationLimitExceeded', 'The number of operations or jobs running exceeded the allowed threshold for the account.', 0.2)] },
  { name: 'AcceptDomainTransferFromAnotherAwsAccount', request: (ctx) => ({ domainName: domain(ctx), password: HIDDEN }), response: op, errors: [INVALID] },
  { name: 'ListDomains', request: () => null },
  { name: 'GetDomainDetail', request: (ctx) => ({ domainName: domain(ctx) }), errors: [INVALID] },
  { name: 'CheckDomainAvailability', request: (ctx) => ({ domainName: domain(ctx) }) },
  { name: 'ListOperations', request: () => null },
];

export const ROUTE53DOMAINS_OPERATIONS = defineService({ service: 'route53domains', eventSource: 'route53domains.amazonaws.com', global: true, host: () => 'route53domains.us-east-1.amazonaws.com' }, defs);
