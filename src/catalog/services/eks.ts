import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, isoMs, pick, pstr, rstr, uuid } from '../util.js';

/** Amazon EKS (rest-json). Cluster creation and deletion: Sigma 33d50d03. */

const clusterName = (ctx: CallContext) => pstr(ctx, 'name') ?? `${ctx.rng.pick(['prod', 'staging', 'platform', 'data'])}-eks`;

function cluster(ctx: CallContext, name: string, status: string) {
  return {
    name,
    arn: `arn:${ctx.partition}:eks:${ctx.region}:${ctx.accountId}:cluster/${name}`,
    createdAt: isoMs(ctx.time),
    version: '1.30',
    roleArn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/eks-cluster-role`,
    resourcesVpcConfig: { subnetIds: [pick(ctx, 'AWS::EC2::Subnet').name], securityGroupIds: [], vpcId: pick(ctx, 'AWS::EC2::VPC').name, endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4' },
    logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false }] },
    status,
    certificateAuthority: {},
    platformVersion: 'eks.8',
    tags: {},
    accessConfig: { bootstrapClusterCreatorAdminPermissions: true, authenticationMode: 'API_AND_CONFIG_MAP' },
  };
}

const defs: OpDef[] = [
  {
    name: 'CreateCluster',
    request: (ctx) => ({ name: clusterName(ctx), version: '1.30', roleArn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/eks-cluster-role`, resourcesVpcConfig: { subnetIds: [pick(ctx, 'AWS::EC2::Subnet').name], endpointPublicAccess: true, endpointPrivateAccess: false }, clientRequestToken: uuid(ctx.rng) }),
    response: (ctx, r) => ({ cluster: cluster(ctx, rstr(r, 'name') ?? 'eks', 'CREATING') }),
    errors: [err('ResourceInUseException', (_c, r) => `Cluster already exists with name: ${rstr(r, 'name')}`), err('InvalidParameterException', 'Role with arn: arn:aws:iam::123456789012:role/eks-cluster-role, could not be assumed because it does not exist or the trusted entities is not correct', 0.3)],
  },
  { name: 'DeleteCluster', request: (ctx) => ({ name: clusterName(ctx) }), response: (ctx, r) => ({ cluster: cluster(ctx, rstr(r, 'name') ?? 'eks', 'DELETING') }), errors: [err('ResourceNotFoundException', (_c, r) => `No cluster found for name: ${rstr(r, 'name')}.`), err('ResourceInUseException', 'Cluster has nodegroups attached', 0.5)] },
  { name: 'DescribeCluster', request: (ctx) => ({ name: clusterName(ctx) }), errors: [err('ResourceNotFoundException', (_c, r) => `No cluster found for name: ${rstr(r, 'name')}.`, 0.3)] },
  { name: 'ListClusters', request: () => null },
  { name: 'ListNodegroups', request: (ctx) => ({ name: clusterName(ctx) }) },
  { name: 'UpdateClusterConfig', request: (ctx) => ({ name: clusterName(ctx), logging: { clusterLogging: [{ types: ['api', 'audit'], enabled: true }] }, clientRequestToken: uuid(ctx.rng) }) },
];

export const EKS_OPERATIONS = defineService({ service: 'eks', eventSource: 'eks.amazonaws.com' }, defs);
