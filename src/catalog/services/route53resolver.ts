import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, isoMs, pick, pstr, hex } from '../util.js';

/** Route 53 Resolver (json protocol). Deleting query logging hides DNS exfiltration (Stratus dns-delete-logs sample). */

const configId = (ctx: CallContext) => pstr(ctx, 'resolverQueryLogConfigId') ?? 'rqlc-' + hex(ctx.rng, 15);

const defs: OpDef[] = [
  {
    name: 'DeleteResolverQueryLogConfig',
    request: (ctx) => ({ resolverQueryLogConfigId: configId(ctx) }),
    response: (ctx, r) => { const id = (r?.resolverQueryLogConfigId as string | undefined) ?? configId(ctx); return { resolverQueryLogConfig: { id, ownerId: ctx.accountId, status: 'DELETING', shareStatus: 'NOT_SHARED', associationCount: 0, arn: `arn:${ctx.partition}:route53resolver:${ctx.region}:${ctx.accountId}:resolver-query-log-config/${id}`, name: 'vpc-dns-logs', destinationArn: `arn:${ctx.partition}:s3:::${pick(ctx, 'AWS::S3::Bucket').name}`, creatorRequestId: `tf-${hex(ctx.rng, 20)}`, creationTime: isoMs(ctx.time - 86_400_000 * 30) } }; },
    errors: [err('ResourceNotFoundException', 'The specified resource doesn\'t exist.'), err('InvalidRequestException', 'The resolver query log config is associated with one or more VPCs. Disassociate it before deleting.')],
  },
  { name: 'ListResolverQueryLogConfigs', request: () => ({ maxResults: 100 }) },
  { name: 'CreateResolverQueryLogConfig', request: (ctx) => ({ name: 'vpc-dns-logs', destinationArn: `arn:${ctx.partition}:s3:::${pick(ctx, 'AWS::S3::Bucket').name}`, creatorRequestId: ctx.rng.uuid() }) },
  { name: 'AssociateResolverQueryLogConfig', request: (ctx) => ({ resolverQueryLogConfigId: configId(ctx), resourceId: pick(ctx, 'AWS::EC2::VPC').name }) },
];

export const ROUTE53RESOLVER_OPERATIONS = defineService({ service: 'route53resolver', eventSource: 'route53resolver.amazonaws.com' }, defs);
