import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pstr } from '../util.js';

/**
 * AWS Account Management (rest-json). Its endpoint is global (account.us-east-1.amazonaws.com),
 * so records land in us-east-1. Enabling an opt-in region: Sigma a5ffb6ea.
 */

const OPT_IN = ['ap-east-1', 'me-south-1', 'af-south-1', 'eu-south-1', 'ap-southeast-3', 'me-central-1', 'il-central-1', 'mx-central-1'] as const;
const regionName = (ctx: CallContext) => pstr(ctx, 'regionName') ?? ctx.rng.pick(OPT_IN);

const defs: OpDef[] = [
  { name: 'EnableRegion', request: (ctx) => ({ regionName: regionName(ctx) }), errors: [err('ConflictException', (_c, r) => `Region ${(r?.regionName as string | undefined) ?? ''} is currently being disabled. Please try again later.`, 0.3), err('ValidationException', 'Invalid region name. Only opt-in regions are supported.', 0.3)] },
  { name: 'DisableRegion', request: (ctx) => ({ regionName: regionName(ctx) }), errors: [err('ConflictException', 'The region is currently being enabled. Please try again later.', 0.3)] },
  { name: 'GetRegionOptStatus', request: (ctx) => ({ regionName: regionName(ctx) }) },
  { name: 'ListRegions', request: () => ({ maxResults: 50, regionOptStatusContains: ['ENABLED', 'ENABLING', 'DISABLING', 'DISABLED', 'ENABLED_BY_DEFAULT'] }) },
  { name: 'GetAlternateContact', request: (ctx) => ({ alternateContactType: ctx.rng.pick(['SECURITY', 'BILLING', 'OPERATIONS']) }), errors: [err('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.', 2)] },
  { name: 'PutAlternateContact', request: () => ({ alternateContactType: 'SECURITY', name: 'HIDDEN_DUE_TO_SECURITY_REASONS', emailAddress: 'HIDDEN_DUE_TO_SECURITY_REASONS', phoneNumber: 'HIDDEN_DUE_TO_SECURITY_REASONS', title: 'HIDDEN_DUE_TO_SECURITY_REASONS' }) },
  { name: 'GetContactInformation', request: () => null },
];

export const ACCOUNT_OPERATIONS = defineService({ service: 'account', eventSource: 'account.amazonaws.com', global: true, host: () => 'account.us-east-1.amazonaws.com' }, defs);
