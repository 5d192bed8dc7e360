import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pstr, rstr, sdkDate, uuid } from '../util.js';

/**
 * Amazon CloudFront (rest-xml, global: us-east-1, `apiVersion: "2020-05-31"`). Current
 * records use plain event names (`UpdateDistribution`); the versioned names of 2014-era
 * documentation (`UpdateDistribution2014_01_31`) are not written any more.
 */

const distId = (ctx: CallContext) => pstr(ctx, 'id') ?? 'E' + ctx.rng.chars(13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const NO_DIST = err('NoSuchDistribution', 'The specified distribution does not exist.', 0.5);

const defs: OpDef[] = [
  { name: 'ListDistributions', request: () => null },
  { name: 'GetDistribution', request: (ctx) => ({ id: distId(ctx) }), errors: [NO_DIST] },
  { name: 'GetDistributionConfig', request: (ctx) => ({ id: distId(ctx) }), errors: [NO_DIST] },
  { name: 'UpdateDistribution', request: (ctx) => ({ id: distId(ctx), ifMatch: 'E' + ctx.rng.chars(13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), distributionConfig: { callerReference: uuid(ctx.rng), comment: 'static site', enabled: true, defaultRootObject: 'index.html', priceClass: 'PriceClass_100' } }), response: (ctx, r) => ({ eTag: 'E' + ctx.rng.chars(13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), distribution: { id: rstr(r, 'id') ?? '', aRN: `arn:${ctx.partition}:cloudfront::${ctx.accountId}:distribution/${rstr(r, 'id') ?? ''}`, status: 'InProgress', lastModifiedTime: sdkDate(ctx.time), inProgressInvalidationBatches: 0, domainName: `${ctx.rng.chars(14, 'abcdefghijklmnopqrstuvwxyz0123456789')}.cloudfront.net` } }), errors: [NO_DIST, err('PreconditionFailed', 'The If-Match version is missing or not valid for the resource.')] },
  { name: 'CreateInvalidation', request: (ctx) => ({ distributionId: distId(ctx), invalidationBatch: { paths: { quantity: 1, items: [ctx.rng.pick(['/*', '/index.html', '/assets/*'])] }, callerReference: String(ctx.time) } }), response: (ctx, r) => ({ location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${rstr(r, 'distributionId') ?? ''}/invalidation/I${ctx.rng.chars(25, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`, invalidation: { id: 'I' + ctx.rng.chars(25, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), status: 'InProgress', createTime: sdkDate(ctx.time) } }), errors: [NO_DIST, err('TooManyInvalidationsInProgress', 'Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.', 0.1)] },
  { name: 'ListInvalidations', request: (ctx) => ({ distributionId: distId(ctx) }) },
];

export const CLOUDFRONT_OPERATIONS = defineService({ service: 'cloudfront', eventSource: 'cloudfront.amazonaws.com', global: true, apiVersion: '2020-05-31', host: () => 'cloudfront.amazonaws.com' }, defs);
