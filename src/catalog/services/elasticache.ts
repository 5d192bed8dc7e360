import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, pstr, rstr } from '../util.js';

/**
 * Amazon ElastiCache (query protocol). Cache security groups are the EC2-Classic-era API;
 * the API has Authorize/RevokeCacheSecurityGroupIngress but no *Egress operations (the
 * Sigma rule 7c797da2 lists egress names the API does not have).
 */

const sg = (ctx: CallContext) => pstr(ctx, 'cacheSecurityGroupName') ?? `${ctx.rng.pick(['sessions', 'cache', 'legacy'])}-cache-sg`;
const NO_SG = err('CacheSecurityGroupNotFound', (_c, r) => `CacheSecurityGroup ${rstr(r, 'cacheSecurityGroupName')} not found.`, 0.5);

const defs: OpDef[] = [
  { name: 'CreateCacheSecurityGroup', request: (ctx) => { const n = sg(ctx); return { cacheSecurityGroupName: n, description: `${n} access` }; }, response: (ctx, r) => ({ ownerId: ctx.accountId, cacheSecurityGroupName: rstr(r, 'cacheSecurityGroupName') ?? '', description: rstr(r, 'description') ?? '', eC2SecurityGroups: [], aRN: `arn:${ctx.partition}:elasticache:${ctx.region}:${ctx.accountId}:securitygroup:${rstr(r, 'cacheSecurityGroupName') ?? ''}` }), errors: [err('CacheSecurityGroupAlreadyExists', (_c, r) => `Cache security group ${rstr(r, 'cacheSecurityGroupName')} already exists.`), err('InvalidParameterValue', 'Use of cache security groups is not permitted in this API version for your account.', 2)] },
  { name: 'DeleteCacheSecurityGroup', request: (ctx) => ({ cacheSecurityGroupName: sg(ctx) }), errors: [NO_SG, err('InvalidCacheSecurityGroupState', 'The cache security group is in use and cannot be deleted.')] },
  { name: 'AuthorizeCacheSecurityGroupIngress', request: (ctx) => ({ cacheSecurityGroupName: sg(ctx), eC2SecurityGroupName: 'default', eC2SecurityGroupOwnerId: ctx.accountId }), errors: [NO_SG, err('AuthorizationAlreadyExists', 'The specified EC2 security group is already authorized for the specified cache security group.')] },
  { name: 'RevokeCacheSecurityGroupIngress', request: (ctx) => ({ cacheSecurityGroupName: sg(ctx), eC2SecurityGroupName: 'default', eC2SecurityGroupOwnerId: ctx.accountId }), errors: [NO_SG, err('AuthorizationNotFound', 'The specified EC2 security group is not authorized for the specified cache security group.')] },
  { name: 'DescribeCacheSecurityGroups', request: () => null },
  { name: 'DescribeCacheClusters', request: (ctx) => ({ showCacheNodeInfo: ctx.rng.bool() }) },
  { name: 'DescribeReplicationGroups', request: () => null },
  { name: 'ModifyReplicationGroup', request: (ctx) => ({ replicationGroupId: pstr(ctx, 'replicationGroupId') ?? 'sessions-redis', securityGroupIds: [pick(ctx, 'AWS::EC2::SecurityGroup').name], applyImmediately: true }), errors: [err('ReplicationGroupNotFoundFault', 'ReplicationGroup sessions-redis not found.')] },
];

export const ELASTICACHE_OPERATIONS = defineService({ service: 'elasticache', eventSource: 'elasticache.amazonaws.com' }, defs);
