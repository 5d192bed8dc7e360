import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pstr, rstr, sdkDate, uuid } from '../util.js';

/** Amazon Route 53 (rest-xml, global: us-east-1). Records carry `apiVersion: "2013-04-01"`. */

const zoneId = (ctx: CallContext) => pstr(ctx, 'hostedZoneId') ?? 'Z' + ctx.rng.chars(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const zoneName = (ctx: CallContext) => `${ctx.rng.pick(['example.com', 'internal.example.net', 'acme.io'])}`;
const NO_ZONE = err('NoSuchHostedZone', (_c, r) => `No hosted zone found with ID: ${rstr(r, 'hostedZoneId') ?? rstr(r, 'id') ?? ''}`, 0.5);

const defs: OpDef[] = [
  { name: 'ListHostedZones', request: () => null },
  { name: 'GetHostedZone', request: (ctx) => ({ id: zoneId(ctx) }), errors: [NO_ZONE] },
  { name: 'ListResourceRecordSets', request: (ctx) => ({ hostedZoneId: zoneId(ctx) }), errors: [NO_ZONE] },
  {
    name: 'ChangeResourceRecordSets',
    request: (ctx) => ({ hostedZoneId: zoneId(ctx), changeBatch: { changes: [{ action: 'UPSERT', resourceRecordSet: { name: `${ctx.rng.pick(['api', 'www', 'app', 'vpn'])}.${zoneName(ctx)}`, type: 'A', tTL: 300, resourceRecords: [{ value: `203.0.113.${ctx.rng.range(1, 254)}` }] } }] } }),
    response: (ctx) => ({ changeInfo: { id: '/change/C' + ctx.rng.chars(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), status: 'PENDING', submittedAt: sdkDate(ctx.time) } }),
    errors: [NO_ZONE, err('InvalidChangeBatch', '[Tried to create resource record set [name=\'api.example.com.\', type=\'A\'] but it already exists]')],
  },
  {
    name: 'CreateHostedZone',
    request: (ctx) => ({ name: pstr(ctx, 'name') ?? zoneName(ctx), callerReference: uuid(ctx.rng), hostedZoneConfig: { privateZone: false } }),
    response: (ctx, r) => { const id = 'Z' + ctx.rng.chars(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'); return { hostedZone: { id: `/hostedzone/${id}`, name: `${rstr(r, 'name') ?? 'example.com'}.`, callerReference: rstr(r, 'callerReference') ?? '', config: { privateZone: false }, resourceRecordSetCount: 2 }, changeInfo: { id: '/change/C' + ctx.rng.chars(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), status: 'PENDING', submittedAt: sdkDate(ctx.time) }, delegationSet: { nameServers: ['ns-1.awsdns-01.org', 'ns-2.awsdns-02.co.uk', 'ns-3.awsdns-03.com', 'ns-4.awsdns-04.net'] }, location: `https://route53.amazonaws.com/2013-04-01/hostedzone/${id}` }; },
    errors: [err('HostedZoneAlreadyExists', 'A hosted zone has already been created with the specified caller reference.')],
  },
  { name: 'DeleteHostedZone', request: (ctx) => ({ id: zoneId(ctx) }), errors: [NO_ZONE, err('HostedZoneNotEmpty', 'The specified hosted zone contains non-required resource record sets and so cannot be deleted.')] },
];

export const ROUTE53_OPERATIONS = defineService({ service: 'route53', eventSource: 'route53.amazonaws.com', global: true, apiVersion: '2013-04-01', host: () => 'route53.amazonaws.com' }, defs);
