import type { JsonObject } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, pstr, rstr, hex } from '../util.js';

/**
 * Elastic Load Balancing. One eventSource, two APIs told apart by `apiVersion`:
 * Classic ELB writes `2012-06-01` (ApplySecurityGroupsToLoadBalancer, DescribeLoadBalancers
 * samples), ELBv2 (ALB/NLB) writes `2015-12-01` (DescribeTargetHealth sample).
 * `DescribeLoadBalancers` exists in both; the catalog's entry is the Classic one (samples).
 * Security-group swaps: Sigma 7a4409fc.
 */

const V1 = '2012-06-01';
const V2 = '2015-12-01';

const lbName = (ctx: CallContext) => pstr(ctx, 'loadBalancerName') ?? `${ctx.rng.pick(['web', 'api', 'internal'])}-elb`;
const lbArn = (ctx: CallContext) => pstr(ctx, 'loadBalancerArn') ?? `arn:${ctx.partition}:elasticloadbalancing:${ctx.region}:${ctx.accountId}:loadbalancer/app/${ctx.rng.pick(['web', 'api', 'internal'])}-alb/${hex(ctx.rng, 16)}`;
const tgArn = (ctx: CallContext) => `arn:${ctx.partition}:elasticloadbalancing:${ctx.region}:${ctx.accountId}:targetgroup/${ctx.rng.pick(['web', 'api'])}-tg/${hex(ctx.rng, 16)}`;
const sgs = (ctx: CallContext): string[] => [pick(ctx, 'AWS::EC2::SecurityGroup').name];

const defs: OpDef[] = [
  { name: 'ApplySecurityGroupsToLoadBalancer', apiVersion: V1, request: (ctx) => ({ loadBalancerName: lbName(ctx), securityGroups: sgs(ctx) }), response: (_ctx, r) => ({ securityGroups: (r?.securityGroups as string[] | undefined) ?? [] }), errors: [err('LoadBalancerNotFound', (_c, r) => `There is no ACTIVE Load Balancer named '${rstr(r, 'loadBalancerName')}'`), err('InvalidSecurityGroup', 'One or more of the specified security groups do not exist.', 0.3)] },
  { name: 'DescribeLoadBalancers', apiVersion: V1, request: () => null },
  { name: 'DescribeLoadBalancerAttributes', apiVersion: V1, request: (ctx) => ({ loadBalancerName: lbName(ctx) }) },
  { name: 'SetSecurityGroups', apiVersion: V2, request: (ctx) => ({ loadBalancerArn: lbArn(ctx), securityGroups: sgs(ctx) }), response: (_ctx, r) => ({ securityGroupIds: (r?.securityGroups as string[] | undefined) ?? [] }), errors: [err('LoadBalancerNotFoundException', 'One or more load balancers not found'), err('InvalidConfigurationRequestException', 'You cannot set security groups for a Network Load Balancer which was created without any security groups.', 0.3)] },
  { name: 'DescribeTargetHealth', apiVersion: V2, request: (ctx) => ({ targetGroupArn: tgArn(ctx), targets: [] }), errors: [err('TargetGroupNotFoundException', 'One or more target groups not found', 0.3)] },
  { name: 'DescribeTargetGroups', apiVersion: V2, request: (ctx): JsonObject => (ctx.rng.bool(0.5) ? { loadBalancerArn: lbArn(ctx) } : {}) },
  { name: 'DescribeListeners', apiVersion: V2, request: (ctx) => ({ loadBalancerArn: lbArn(ctx) }) },
  {
    name: 'CreateLoadBalancer',
    apiVersion: V2,
    request: (ctx) => ({ name: pstr(ctx, 'name') ?? `${ctx.rng.pick(['web', 'api', 'internal'])}-alb`, subnets: [pick(ctx, 'AWS::EC2::Subnet').name], securityGroups: sgs(ctx), scheme: ctx.rng.pick(['internet-facing', 'internal']), type: 'application', ipAddressType: 'ipv4' }),
    response: (ctx, r) => {
      const name = rstr(r, 'name') ?? 'alb';
      const id = hex(ctx.rng, 16);
      return { loadBalancers: [{ loadBalancerArn: `arn:${ctx.partition}:elasticloadbalancing:${ctx.region}:${ctx.accountId}:loadbalancer/app/${name}/${id}`, dNSName: `${name}-${ctx.rng.int(2_000_000_000)}.${ctx.region}.elb.amazonaws.com`, canonicalHostedZoneId: 'Z35SXDOTRQ7X7K', loadBalancerName: name, scheme: rstr(r, 'scheme') ?? 'internet-facing', vpcId: pick(ctx, 'AWS::EC2::VPC').name, state: { code: 'provisioning' }, type: 'application', availabilityZones: [], securityGroups: (r?.securityGroups as string[] | undefined) ?? [], ipAddressType: 'ipv4' }] };
    },
    errors: [err('DuplicateLoadBalancerNameException', 'A load balancer with the same name already exists')],
  },
  { name: 'DeleteLoadBalancer', apiVersion: V2, request: (ctx) => ({ loadBalancerArn: lbArn(ctx) }), errors: [err('OperationNotPermittedException', 'Load balancer cannot be deleted because deletion protection is enabled')] },
  { name: 'ModifyLoadBalancerAttributes', apiVersion: V2, request: (ctx) => ({ loadBalancerArn: lbArn(ctx), attributes: [{ key: 'access_logs.s3.enabled', value: ctx.rng.pick(['true', 'false']) }] }), response: (_ctx, r) => ({ attributes: (r?.attributes as JsonObject[] | undefined) ?? [] }) },
  { name: 'RegisterTargets', apiVersion: V2, request: (ctx) => ({ targetGroupArn: tgArn(ctx), targets: [{ id: pick(ctx, 'AWS::EC2::Instance').name }] }) },
];

export const ELB_OPERATIONS = defineService({ service: 'elasticloadbalancing', eventSource: 'elasticloadbalancing.amazonaws.com' }, defs);
