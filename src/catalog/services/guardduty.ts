import type { JsonObject } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, pstr, rstr, uuid, hex } from '../util.js';

/**
 * Amazon GuardDuty (rest-json, lower-camel keys). `enable` is a JSON boolean (Sigma
 * d2656e78 compares its text): UpdateDetector defaults to `enable: true`; pass
 * `{enable: false}` for the disable-monitoring attack. Empty outputs log responseElements null.
 */

function detectorId(ctx: CallContext): string {
  // Detector ids are 32 hex characters, derived from the account and region so every call in one account-region agrees.
  return pstr(ctx, 'detectorId') ?? (ctx.accountId + ctx.region).split('').reduce((h, c) => ((h * 31 + c.charCodeAt(0)) >>> 0), 7).toString(16).padStart(8, '0').repeat(4);
}

const NOT_OWNED = err('BadRequestException', 'The request is rejected because the input detectorId is not owned by the current account.', 0.5);

const defs: OpDef[] = [
  { name: 'CreateDetector', request: (ctx) => ({ enable: true, clientToken: uuid(ctx.rng), findingPublishingFrequency: 'SIX_HOURS' }), response: (ctx) => ({ detectorId: detectorId(ctx) }), errors: [err('BadRequestException', 'The request is rejected because a detector already exists for the current account.')] },
  // A caller's own settings (`{enable: false}`: `update-detector --no-enable`) are sent alone,
  // without the benign default's publishing-frequency change.
  { name: 'UpdateDetector', request: (ctx): JsonObject => (Object.keys(ctx.params).some((k) => k !== 'detectorId') ? { detectorId: detectorId(ctx) } : { detectorId: detectorId(ctx), enable: true, findingPublishingFrequency: ctx.rng.pick(['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS']) }), errors: [NOT_OWNED] },
  { name: 'DeleteDetector', request: (ctx) => ({ detectorId: detectorId(ctx) }), errors: [NOT_OWNED] },
  { name: 'GetDetector', request: (ctx) => ({ detectorId: detectorId(ctx) }), errors: [NOT_OWNED] },
  { name: 'ListDetectors', request: () => null },
  {
    // A trusted-IP list silences findings from those addresses (Sigma 6e61ee20).
    name: 'CreateIPSet',
    request: (ctx) => ({ detectorId: detectorId(ctx), name: pstr(ctx, 'name') ?? `${ctx.rng.pick(['office', 'vpn', 'scanner'])}-trusted-ips`, format: 'TXT', location: `https://s3.amazonaws.com/${pick(ctx, 'AWS::S3::Bucket').name}/guardduty/trusted-ips.txt`, activate: true, clientToken: uuid(ctx.rng) }),
    response: (ctx) => ({ ipSetId: hex(ctx.rng, 32) }),
    errors: [NOT_OWNED, err('BadRequestException', 'The request is rejected because the current account has already created the maximum number of IPSets allowed.', 0.3)],
  },
  { name: 'UpdateIPSet', request: (ctx) => ({ detectorId: detectorId(ctx), ipSetId: pstr(ctx, 'ipSetId') ?? hex(ctx.rng, 32), activate: true }), errors: [NOT_OWNED] },
  { name: 'DeleteIPSet', request: (ctx) => ({ detectorId: detectorId(ctx), ipSetId: pstr(ctx, 'ipSetId') ?? hex(ctx.rng, 32) }), errors: [NOT_OWNED] },
  { name: 'ListIPSets', request: (ctx) => ({ detectorId: detectorId(ctx) }) },
  { name: 'CreateThreatIntelSet', request: (ctx) => ({ detectorId: detectorId(ctx), name: 'threat-feed', format: 'TXT', location: `https://s3.amazonaws.com/${pick(ctx, 'AWS::S3::Bucket').name}/guardduty/threats.txt`, activate: true, clientToken: uuid(ctx.rng) }), response: (ctx) => ({ threatIntelSetId: hex(ctx.rng, 32) }), errors: [NOT_OWNED] },
  { name: 'ListFindings', request: (ctx) => ({ detectorId: detectorId(ctx), findingCriteria: { criterion: { 'service.archived': { eq: ['false'] } } }, maxResults: 50 }) },
  { name: 'GetFindings', request: (ctx) => ({ detectorId: detectorId(ctx), findingIds: [hex(ctx.rng, 32), hex(ctx.rng, 32)] }) },
  { name: 'ArchiveFindings', request: (ctx) => ({ detectorId: detectorId(ctx), findingIds: [hex(ctx.rng, 32)] }), errors: [NOT_OWNED] },
  { name: 'CreateFilter', request: (ctx) => ({ detectorId: detectorId(ctx), name: pstr(ctx, 'name') ?? 'suppress-low', action: 'ARCHIVE', rank: 1, findingCriteria: { criterion: { severity: { lt: 4 } } } }), response: (_ctx, r) => ({ name: rstr(r, 'name') ?? 'filter' }) },
];

export const GUARDDUTY_OPERATIONS = defineService({ service: 'guardduty', eventSource: 'guardduty.amazonaws.com' }, defs);
