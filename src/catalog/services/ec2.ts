import type { JsonObject, JsonValue, ResourceRef } from '../../record/types.js';
import type { CallContext, ErrorMode } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { ADMIN_CIDRS, INSTANCE_TYPES, SENSITIVE, attrsOf, az, err, hexId, pick, pstr, ref, robj, rstr, hex } from '../util.js';

/**
 * Amazon EC2 (ec2 query protocol). Shapes from the real samples (Stratus detonations, the
 * opensearch trail and OTRF): request keys are the query names in lower camel case with
 * list wrappers (`instancesSet: {items: [{instanceId}]}`, `filterSet: {}`); mutating calls
 * answer `{requestId, _return: true}`; APIs added after ~2018 log the whole request and
 * response under `<Op>Request` / `<Op>Response` keys with the XML namespace
 * (DeleteFlowLogs, DescribeNatGateways samples). User data is `<sensitiveDataRemoved>`
 * (ModifyInstanceAttribute sample). Response `requestId` equals the record's requestID:
 * the builders write a fresh UUID and `finalizeRecord` copies the record's value in.
 * No apiVersion field (samples).
 */

const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** ModifyInstanceAttribute's attribute keys (and the generic `attribute`/`value` form). */
const MODIFIABLE_ATTRIBUTES = ['instanceType', 'userData', 'attribute', 'disableApiTermination', 'disableApiStop', 'instanceInitiatedShutdownBehavior', 'sourceDestCheck', 'groupSet', 'ebsOptimized', 'sriovNetSupport', 'enaSupport', 'kernel', 'ramdisk', 'blockDeviceMapping'];

const instanceId = (ctx: CallContext) => pstr(ctx, 'instanceId') ?? pick(ctx, 'AWS::EC2::Instance').name;
const groupId = (ctx: CallContext) => pstr(ctx, 'groupId') ?? pick(ctx, 'AWS::EC2::SecurityGroup').name;
const ok = (ctx: CallContext): JsonObject => ({ requestId: ctx.rng.uuid(), _return: true });
const items = (...xs: JsonValue[]): JsonObject => ({ items: xs });

/** The attributes the new instance of a generated RunInstances was planned with (its type and subnet). */
function newInstanceAttrs(ctx: CallContext): Readonly<Record<string, string>> {
  const w = ctx.world;
  if (!w.attributes || !w.named) return {};
  const id = w.newName('AWS::EC2::Instance', ctx.rng);
  return w.attributes(w.named('AWS::EC2::Instance', id));
}

function instanceRes(ctx: CallContext, id: string): ResourceRef {
  return ref(`arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:instance/${id}`, ctx.accountId, 'AWS::EC2::Instance');
}

// EC2 writes its client errors with the `Client.` prefix in CloudTrail (estate-reference §3.2).
const notFound = (what: string, code: string, key: string): ErrorMode => err(`Client.${code}`, (_c, r) => `The ${what} '${findString(r, key) ?? 'unknown'}' does not exist`, 0.5);
const NO_INSTANCE = notFound('instance ID', 'InvalidInstanceID.NotFound', 'instanceId');
const NO_GROUP = notFound('security group', 'InvalidGroup.NotFound', 'groupId');
const DRY_RUN = err('Client.DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 0.05);

/** First string value of `key` anywhere in the request (ids sit inside `instancesSet.items`). */
function findString(v: JsonValue | null | undefined, key: string): string | undefined {
  if (v === null || v === undefined || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const f = findString(x, key);
      if (f) return f;
    }
    return undefined;
  }
  const own = v[key];
  if (typeof own === 'string') return own;
  for (const k of Object.keys(v)) {
    const f = findString(v[k], key);
    if (f) return f;
  }
  return undefined;
}

function stateChange(ctx: CallContext, request: JsonObject | null, from: [number, string], to: [number, string]): JsonObject {
  const id = findString(request, 'instanceId') ?? instanceId(ctx);
  return {
    requestId: ctx.rng.uuid(),
    instancesSet: items({ instanceId: id, currentState: { code: to[0], name: to[1] }, previousState: { code: from[0], name: from[1] } }),
  };
}

function instancesSetRequest(ctx: CallContext): JsonObject {
  return { instancesSet: items({ instanceId: instanceId(ctx) }) };
}

function instancesResources(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const id = findString(request, 'instanceId');
  return id ? [instanceRes(ctx, id)] : undefined;
}

/** A Describe* call with the classic empty-set request shape. */
function describe(name: string, req: (ctx: CallContext) => JsonObject | null): OpDef {
  return { name, readOnly: true, request: req };
}

/** New-style (wrapped) request/response. */
function wrapped(name: string, readOnly: boolean, body: (ctx: CallContext) => JsonObject | string, response?: (ctx: CallContext, request: JsonObject | null) => JsonObject, errors: ErrorMode[] = []): OpDef {
  return {
    name,
    readOnly,
    request: (ctx) => ({ [`${name}Request`]: body(ctx) }),
    response: response ? (ctx, r) => ({ [`${name}Response`]: { ...response(ctx, r), xmlns: XMLNS } }) : undefined,
    errors,
  };
}

function sgRule(ctx: CallContext, egress: boolean): JsonObject {
  // The CLI's --protocol/--port/--cidr shortcut sends top-level fields and an empty
  // ipPermissions (Stratus ec2-security-group-open-port-22-ingress record): no default rule.
  if (['ipProtocol', 'cidrIp', 'fromPort', 'toPort', 'sourceSecurityGroupName'].some((k) => ctx.params[k] !== undefined)) return { groupId: groupId(ctx), ipPermissions: {} };
  const port = egress ? ctx.rng.pick([443, 5432, 6379]) : ctx.rng.pick([443, 22, 80, 3389, 5432, 8080]);
  return {
    groupId: groupId(ctx),
    ipPermissions: items({
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      groups: {},
      ipRanges: items({ cidrIp: egress ? '0.0.0.0/0' : ADMIN_CIDRS[ctx.rng.int(ADMIN_CIDRS.length)] }),
      ipv6Ranges: {},
      prefixListIds: {},
    }),
  };
}

/** The rule AWS echoes back for an authorize call (sample AuthorizeSecurityGroupIngress). */
function sgRuleResponse(ctx: CallContext, request: JsonObject | null, egress: boolean): JsonObject {
  const gid = rstr(request, 'groupId') ?? 'sg-unknown';
  const perm = (robj(request, 'ipPermissions')?.items as JsonObject[] | undefined)?.[0];
  const range = perm ? ((robj(perm, 'ipRanges')?.items as JsonObject[] | undefined)?.[0]) : undefined;
  const rule: JsonObject = {
    groupOwnerId: ctx.accountId,
    isEgress: egress,
    ipProtocol: (perm?.ipProtocol as string | undefined) ?? rstr(request, 'ipProtocol') ?? 'tcp',
    fromPort: (perm?.fromPort as number | undefined) ?? (request?.fromPort as number | undefined) ?? -1,
    toPort: (perm?.toPort as number | undefined) ?? (request?.toPort as number | undefined) ?? -1,
    cidrIpv4: (range?.cidrIp as string | undefined) ?? rstr(request, 'cidrIp') ?? '0.0.0.0/0',
    securityGroupRuleId: hexId(ctx.rng, 'sgr-'),
    groupId: gid,
  };
  return { requestId: ctx.rng.uuid(), _return: true, securityGroupRuleSet: items(rule) };
}

function sgResources(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const g = rstr(request, 'groupId');
  return g ? [ref(`arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:security-group/${g}`, ctx.accountId, 'AWS::EC2::SecurityGroup')] : undefined;
}

function keyFingerprint(ctx: CallContext): string {
  let s = hex(ctx.rng, 2);
  for (let i = 0; i < 19; i++) s += ':' + hex(ctx.rng, 2);
  return s;
}

const defs: OpDef[] = [
  // ---- reads (B1 IaC refresh, B11 Config polling)
  describe('DescribeInstances', (ctx): JsonObject => (ctx.rng.bool(0.5) ? { filterSet: {}, instancesSet: {} } : { filterSet: {}, instancesSet: items({ instanceId: instanceId(ctx) }) })),
  describe('DescribeInstanceStatus', (ctx) => ({ instancesSet: items({ instanceId: instanceId(ctx) }), filterSet: {}, includeAllInstances: ctx.rng.bool() })),
  {
    ...describe('DescribeInstanceAttribute', (ctx) => ({ attribute: pstr(ctx, 'attribute') ?? ctx.rng.pick(['disableApiTermination', 'instanceType', 'userData', 'instanceInitiatedShutdownBehavior']), instanceId: instanceId(ctx) })),
    errors: [NO_INSTANCE],
  },
  describe('DescribeSecurityGroups', (ctx): JsonObject => (ctx.rng.bool(0.7) ? { securityGroupSet: {}, filterSet: {}, maxResults: 1000, securityGroupIdSet: {} } : { securityGroupSet: {}, filterSet: {}, securityGroupIdSet: items({ groupId: groupId(ctx) }) })),
  describe('DescribeSecurityGroupRules', (ctx) => ({ DescribeSecurityGroupRulesRequest: { Filter: { Name: 'group-id', Value: { content: groupId(ctx), tag: 1 }, tag: 1 }, MaxResults: 1000 } })),
  describe('DescribeSubnets', () => ({ subnetSet: {}, filterSet: {} })),
  describe('DescribeVpcs', () => ({ vpcSet: {}, filterSet: {} })),
  describe('DescribeVolumes', (ctx): JsonObject => (ctx.rng.bool(0.5) ? { volumeSet: {}, filterSet: {}, maxResults: 1000 } : { filterSet: items({ valueSet: items({ value: az(ctx) }), name: 'availability-zone' }), volumeSet: {} })),
  describe('DescribeSnapshots', (ctx) => ({ sharedUsersSet: {}, snapshotSet: {}, ownersSet: items({ owner: ctx.accountId }), filterSet: {}, maxResults: 1000 })),
  describe('DescribeImages', () => ({ executableBySet: {}, imagesSet: {}, ownersSet: items({ owner: 'self' }), filterSet: {} })),
  describe('DescribeKeyPairs', () => ({ keyPairIdSet: {}, keySet: {}, filterSet: {} })),
  describe('DescribeRegions', () => ({ regionSet: {} })),
  describe('DescribeAvailabilityZones', () => ({ availabilityZoneSet: {}, availabilityZoneIdSet: {} })),
  describe('DescribeAddresses', (ctx) => ({ filterSet: items({ valueSet: items({ value: instanceId(ctx) }), name: 'instance-id' }), allocationIdsSet: {}, publicIpsSet: {} })),
  describe('DescribeTags', (ctx) => ({ filterSet: items({ valueSet: items({ value: ctx.rng.pick(['instance', 'snapshot', 'security-group', 'volume']) }), name: 'resource-type' }), maxResults: 10000 })),
  describe('DescribeNetworkAcls', () => ({ networkAclIdSet: {}, filterSet: {} })),
  describe('DescribeRouteTables', () => ({ routeTableIdSet: {}, filterSet: {} })),
  describe('DescribeNetworkInterfaces', () => ({ networkInterfaceIdSet: {}, filterSet: {} })),
  describe('DescribeAccountAttributes', () => ({ accountAttributeNameSet: {}, filterSet: {} })),
  describe('DescribeLaunchTemplates', () => ({ DescribeLaunchTemplatesRequest: { MaxResults: 1 } })),
  describe('DescribeNatGateways', () => ({ DescribeNatGatewaysRequest: '' })),
  describe('DescribeFlowLogs', () => ({ DescribeFlowLogsRequest: '' })),
  describe('DescribeVpcEndpoints', () => ({ DescribeVpcEndpointsRequest: '' })),
  describe('DescribeInstanceTypes', () => ({ DescribeInstanceTypesRequest: { MaxResults: 100 } })),
  describe('DescribeHosts', () => ({ DescribeHostsRequest: { MaxResults: 100 } })),
  describe('DescribeInstanceCreditSpecifications', (ctx) => ({ DescribeInstanceCreditSpecificationsRequest: { InstanceId: { tag: 1, content: instanceId(ctx) } } })),
  describe('DescribeVolumesModifications', () => ({ DescribeVolumesModificationsRequest: { MaxResults: 1000 } })),
  describe('DescribeEgressOnlyInternetGateways', () => ({ DescribeEgressOnlyInternetGatewaysRequest: '' })),
  describe('DescribeVolumeStatus', (ctx) => ({ filterSet: items({ valueSet: items({ value: az(ctx) }), name: 'availability-zone' }), volumeSet: {} })),
  describe('DescribePlacementGroups', () => ({ placementGroupIdSet: {}, placementGroupSet: {}, filterSet: {} })),
  describe('DescribeClassicLinkInstances', (ctx) => ({ filterSet: {}, instancesSet: { item: [{ instanceId: instanceId(ctx) }] } })),
  { ...wrapped('GetEbsEncryptionByDefault', true, () => ''), response: undefined },
  { name: 'GetPasswordData', readOnly: true, request: (ctx) => ({ instanceId: instanceId(ctx) }), errors: [NO_INSTANCE] },
  { name: 'GetConsoleOutput', readOnly: true, request: (ctx) => ({ instanceId: instanceId(ctx) }), errors: [NO_INSTANCE] },

  // ---- instance lifecycle
  {
    name: 'RunInstances',
    readOnly: false,
    request: (ctx) => ({
      instancesSet: items({ imageId: hexId(ctx.rng, 'ami-'), minCount: 1, maxCount: 1 }),
      instanceType: newInstanceAttrs(ctx).instanceType ?? INSTANCE_TYPES[ctx.rng.int(INSTANCE_TYPES.length)],
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      disableApiStop: false,
      clientToken: ctx.rng.uuid(),
      subnetId: newInstanceAttrs(ctx).subnetId ?? pick(ctx, 'AWS::EC2::Subnet').name,
      userData: SENSITIVE,
    }),
    response: (ctx, req) => {
      const id = ctx.world.newName('AWS::EC2::Instance', ctx.rng);
      const subnet = rstr(req, 'subnetId') ?? pick(ctx, 'AWS::EC2::Subnet').name;
      const subnetVpc = attrsOf(ctx, 'AWS::EC2::Subnet', subnet).vpcId;
      const image = findString(req, 'imageId') ?? hexId(ctx.rng, 'ami-');
      return {
        requestId: ctx.rng.uuid(),
        reservationId: hexId(ctx.rng, 'r-'),
        ownerId: ctx.accountId,
        groupSet: {},
        instancesSet: items({
          instanceId: id,
          imageId: image,
          currentInstanceBootMode: 'legacy-bios',
          instanceState: { code: 0, name: 'pending' },
          privateDnsName: `ip-10-0-${ctx.rng.int(255)}-${ctx.rng.int(255)}.${ctx.region}.compute.internal`,
          amiLaunchIndex: 0,
          productCodes: {},
          instanceType: rstr(req, 'instanceType') ?? 't3.micro',
          launchTime: ctx.time,
          placement: { availabilityZone: az(ctx), tenancy: 'default' },
          monitoring: { state: 'disabled' },
          subnetId: subnet,
          vpcId: subnetVpc ?? pick(ctx, 'AWS::EC2::VPC').name,
          privateIpAddress: `10.0.${ctx.rng.int(255)}.${ctx.rng.range(4, 254)}`,
          stateReason: { code: 'pending', message: 'pending' },
          architecture: 'x86_64',
          rootDeviceType: 'ebs',
          rootDeviceName: '/dev/xvda',
          blockDeviceMapping: {},
          virtualizationType: 'hvm',
          hypervisor: 'xen',
          groupSet: items({ groupId: pick(ctx, 'AWS::EC2::SecurityGroup').name, groupName: 'default' }),
          sourceDestCheck: true,
          ebsOptimized: false,
          enaSupport: true,
          cpuOptions: { coreCount: 1, threadsPerCore: 2 },
          capacityReservationSpecification: { capacityReservationPreference: 'open' },
          enclaveOptions: { enabled: false },
          metadataOptions: { state: 'pending', httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled', httpProtocolIpv4: 'enabled', httpProtocolIpv6: 'disabled', instanceMetadataTags: 'disabled' },
          maintenanceOptions: { autoRecovery: 'default' },
        }),
      };
    },
    deniedResource: (ctx, _req, res) => {
      const id = findString(res, 'instanceId');
      return id ? [instanceRes(ctx, id)] : undefined;
    },
    redact: (r) => (r.userData !== undefined ? { ...r, userData: SENSITIVE } : r),
    errors: [
      err('InsufficientInstanceCapacity', (ctx, r) => `We currently do not have sufficient ${rstr(r, 'instanceType') ?? 't3.micro'} capacity in the Availability Zone you requested (${ctx.region}a). Our system will be working on provisioning additional capacity. You can currently get ${rstr(r, 'instanceType') ?? 't3.micro'} capacity by not specifying an Availability Zone in your request or choosing ${ctx.region}b, ${ctx.region}c.`, 0.3),
      err('VcpuLimitExceeded', 'You have requested more vCPU capacity than your current vCPU limit of 32 allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.', 0.3),
      err('InvalidAMIID.NotFound', (_c, r) => `The image id '[${findString(r, 'imageId') ?? 'ami-unknown'}]' does not exist`, 0.3),
      DRY_RUN,
    ],
  },
  { name: 'StartInstances', readOnly: false, request: instancesSetRequest, response: (ctx, r) => stateChange(ctx, r, [80, 'stopped'], [0, 'pending']), deniedResource: instancesResources, errors: [NO_INSTANCE, err('IncorrectInstanceState', (_c, r) => `The instance '${findString(r, 'instanceId')}' is not in a state from which it can be started.`), DRY_RUN] },
  { name: 'StopInstances', readOnly: false, request: (ctx) => ({ ...instancesSetRequest(ctx), force: false }), response: (ctx, r) => stateChange(ctx, r, [16, 'running'], [64, 'stopping']), deniedResource: instancesResources, errors: [NO_INSTANCE, err('IncorrectInstanceState', (_c, r) => `This instance '${findString(r, 'instanceId')}' is not in a state from which it can be stopped.`), DRY_RUN] },
  { name: 'TerminateInstances', readOnly: false, request: instancesSetRequest, response: (ctx, r) => stateChange(ctx, r, [16, 'running'], [32, 'shutting-down']), deniedResource: instancesResources, errors: [NO_INSTANCE, err('OperationNotPermitted', (_c, r) => `The instance '${findString(r, 'instanceId')}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`)] },
  { name: 'RebootInstances', readOnly: false, request: instancesSetRequest, response: ok, deniedResource: instancesResources, errors: [NO_INSTANCE] },
  {
    // Benign default: a size change. The Stratus user-data attack passes `{userData: ...}`:
    // CloudTrail writes `userData: "<sensitiveDataRemoved>"` and no `attribute` key (finding 5);
    // the generic form `{attribute: 'userData', value: ...}` keeps `attribute`.
    name: 'ModifyInstanceAttribute',
    readOnly: false,
    request: (ctx) => { const id = instanceId(ctx); const cur = attrsOf(ctx, 'AWS::EC2::Instance', id).instanceType; const next = INSTANCE_TYPES.filter((t) => t !== cur); return { instanceId: id, instanceType: { value: next[ctx.rng.int(next.length)] } }; },
    response: ok,
    deniedResource: (ctx, r) => { const id = rstr(r, 'instanceId'); return id ? [instanceRes(ctx, id)] : undefined; },
    redact: (r) => {
      let out = r;
      // One attribute per call: a caller's attribute replaces the benign default.
      if (out.instanceType !== undefined && MODIFIABLE_ATTRIBUTES.some((k) => k !== 'instanceType' && out[k] !== undefined)) {
        const { instanceType: _t, ...rest } = out;
        out = rest;
      }
      if (out.userData !== undefined) out = { ...out, userData: SENSITIVE };
      if (out.attribute === 'userData' && out.value !== undefined) out = { ...out, value: SENSITIVE };
      return out;
    },
    errors: [NO_INSTANCE, err('IncorrectInstanceState', (_c, r) => `The instance '${rstr(r, 'instanceId')}' is not in the 'stopped' state.`)],
  },
  { name: 'CreateTags', readOnly: false, request: (ctx) => ({ resourcesSet: items({ resourceId: instanceId(ctx) }), tagSet: items({ key: ctx.rng.pick(['Name', 'env', 'owner']), value: ctx.rng.pick(['web-1', 'prod', 'platform']) }) }), response: ok },

  // ---- security groups (Sigma 6fb77778)
  { name: 'AuthorizeSecurityGroupIngress', readOnly: false, request: (ctx) => sgRule(ctx, false), response: (ctx, r) => sgRuleResponse(ctx, r, false), deniedResource: sgResources, errors: [NO_GROUP, err('InvalidPermission.Duplicate', (_c, r) => `the specified rule "peer: ${findString(r, 'cidrIp') ?? '0.0.0.0/0'}, TCP, from port: ${(robj(r, 'ipPermissions')?.items as JsonObject[] | undefined)?.[0]?.fromPort ?? 22}, to port: ${(robj(r, 'ipPermissions')?.items as JsonObject[] | undefined)?.[0]?.toPort ?? 22}, ALLOW" already exists`), DRY_RUN] },
  { name: 'AuthorizeSecurityGroupEgress', readOnly: false, request: (ctx) => sgRule(ctx, true), response: (ctx, r) => sgRuleResponse(ctx, r, true), deniedResource: sgResources, errors: [NO_GROUP, err('InvalidPermission.Duplicate', 'the specified rule "peer: 0.0.0.0/0, ALL, ALLOW" already exists')] },
  { name: 'RevokeSecurityGroupIngress', readOnly: false, request: (ctx) => sgRule(ctx, false), response: ok, deniedResource: sgResources, errors: [NO_GROUP, err('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.')] },
  { name: 'RevokeSecurityGroupEgress', readOnly: false, request: (ctx) => sgRule(ctx, true), response: ok, deniedResource: sgResources, errors: [NO_GROUP, err('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.')] },
  {
    name: 'CreateSecurityGroup',
    readOnly: false,
    request: (ctx) => { const n = pstr(ctx, 'groupName') ?? `${ctx.rng.pick(['web', 'db', 'app', 'bastion', 'lambda'])}-sg-${hex(ctx.rng, 6)}`; return { groupName: n, groupDescription: `Managed security group ${n}`, vpcId: pick(ctx, 'AWS::EC2::VPC').name }; },
    response: (ctx) => { const id = ctx.world.newName('AWS::EC2::SecurityGroup', ctx.rng); return { requestId: ctx.rng.uuid(), _return: true, groupId: id, securityGroupArn: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:security-group/${id}` }; },
    errors: [err('InvalidGroup.Duplicate', (_c, r) => `The security group '${rstr(r, 'groupName')}' already exists for VPC '${rstr(r, 'vpcId')}'`)],
  },
  { name: 'DeleteSecurityGroup', readOnly: false, request: (ctx) => ({ groupId: groupId(ctx) }), response: ok, deniedResource: sgResources, errors: [NO_GROUP, err('DependencyViolation', (_c, r) => `resource ${rstr(r, 'groupId')} has a dependent object`)] },

  // ---- network ACLs and routes (Sigma e1f7febb, c803b2ce)
  {
    name: 'CreateNetworkAclEntry',
    readOnly: false,
    request: (ctx) => { const p = ctx.rng.pick([443, 22, 1433]); return { networkAclId: pstr(ctx, 'networkAclId') ?? pick(ctx, 'AWS::EC2::NetworkAcl').name, ruleNumber: 100 + 10 * ctx.rng.int(20), egress: false, ruleAction: 'allow', icmpTypeCode: {}, portRange: { from: p, to: p }, aclProtocol: '6', cidrBlock: ADMIN_CIDRS[ctx.rng.int(ADMIN_CIDRS.length)] }; },
    response: ok,
    errors: [err('NetworkAclEntryAlreadyExists', (_c, r) => `The network acl entry identified by ${r?.ruleNumber ?? 100} already exists.`), err('InvalidNetworkAclID.NotFound', (_c, r) => `The networkAcl ID '${rstr(r, 'networkAclId')}' does not exist`, 0.3)],
  },
  { name: 'ReplaceNetworkAclEntry', readOnly: false, request: (ctx) => ({ networkAclId: pick(ctx, 'AWS::EC2::NetworkAcl').name, ruleNumber: 100, egress: false, ruleAction: 'allow', icmpTypeCode: {}, portRange: { from: 443, to: 443 }, aclProtocol: '6', cidrBlock: '0.0.0.0/0' }), response: ok },
  { name: 'DeleteNetworkAclEntry', readOnly: false, request: (ctx) => ({ networkAclId: pstr(ctx, 'networkAclId') ?? pick(ctx, 'AWS::EC2::NetworkAcl').name, ruleNumber: 100 + 10 * ctx.rng.int(20), egress: ctx.rng.bool(0.3) }), response: ok, errors: [err('InvalidNetworkAclEntry.NotFound', (_c, r) => `The specified rule does not exist in this network acl (rule number ${r?.ruleNumber ?? 100}, ingress).`)] },
  {
    name: 'CreateRoute',
    readOnly: false,
    request: (ctx) => ({ routeTableId: pstr(ctx, 'routeTableId') ?? pick(ctx, 'AWS::EC2::RouteTable').name, destinationCidrBlock: ctx.rng.pick(['0.0.0.0/0', '10.50.0.0/16', '192.168.0.0/16']), gatewayId: hexId(ctx.rng, 'igw-') }),
    response: ok,
    errors: [err('RouteAlreadyExists', (_c, r) => `The route identified by ${rstr(r, 'destinationCidrBlock')} already exists.`), err('InvalidRouteTableID.NotFound', (_c, r) => `The routeTable ID '${rstr(r, 'routeTableId')}' does not exist`, 0.3)],
  },
  { name: 'DeleteRoute', readOnly: false, request: (ctx) => ({ routeTableId: pick(ctx, 'AWS::EC2::RouteTable').name, destinationCidrBlock: '10.50.0.0/16' }), response: ok, errors: [err('InvalidRoute.NotFound', (_c, r) => `no route with destination-cidr-block ${rstr(r, 'destinationCidrBlock')} in route table ${rstr(r, 'routeTableId')}`)] },
  {
    name: 'CreateVpc',
    readOnly: false,
    request: () => ({ cidrBlock: '10.60.0.0/16', amazonProvidedIpv6CidrBlock: false, instanceTenancy: 'default' }),
    response: (ctx, r) => ({ requestId: ctx.rng.uuid(), vpc: { vpcId: hexId(ctx.rng, 'vpc-'), state: 'pending', ownerId: ctx.accountId, cidrBlock: rstr(r, 'cidrBlock') ?? '10.60.0.0/16', cidrBlockAssociationSet: items({ cidrBlock: rstr(r, 'cidrBlock') ?? '10.60.0.0/16', associationId: hexId(ctx.rng, 'vpc-cidr-assoc-'), cidrBlockState: { state: 'associated' } }), ipv6CidrBlockAssociationSet: {}, dhcpOptionsId: hexId(ctx.rng, 'dopt-'), instanceTenancy: 'default', tagSet: {}, isDefault: false } }),
    errors: [err('VpcLimitExceeded', 'The maximum number of VPCs has been reached.', 0.2)],
  },

  // ---- snapshots and images (Sigma abae8fec; Stratus ec2-share-ebs-snapshot / ec2-share-ami)
  {
    name: 'ModifySnapshotAttribute',
    readOnly: false,
    request: (ctx) => ({ snapshotId: pstr(ctx, 'snapshotId') ?? pick(ctx, 'AWS::EC2::Snapshot').name, attributeType: 'CREATE_VOLUME_PERMISSION', createVolumePermission: { add: items({ userId: pstr(ctx, 'userId') ?? pick(ctx, 'AWS::EC2::Snapshot').accountId }) } }),
    response: ok,
    errors: [notFound('snapshot', 'InvalidSnapshot.NotFound', 'snapshotId'), err('InvalidParameterValue', 'Value (aws-marketplace) for parameter userId is invalid', 0.2)],
  },
  {
    name: 'CreateSnapshot',
    readOnly: false,
    request: (ctx) => ({ volumeId: pick(ctx, 'AWS::EC2::Volume').name, description: ctx.rng.pick(['nightly backup', 'pre-upgrade snapshot', 'Created by AWS Backup']) }),
    response: (ctx, r) => ({ requestId: ctx.rng.uuid(), snapshotId: ctx.world.newName('AWS::EC2::Snapshot', ctx.rng), volumeId: rstr(r, 'volumeId') ?? '', status: 'pending', startTime: ctx.time, progress: '', ownerId: ctx.accountId, volumeSize: ctx.rng.pick([8, 20, 100, 500]), encrypted: true, description: rstr(r, 'description') ?? '', storageTier: 'standard' }),
    errors: [notFound('volume', 'InvalidVolume.NotFound', 'volumeId'), err('SnapshotCreationPerVolumeRateExceeded', 'The maximum per volume CreateSnapshot request rate has been exceeded. Use an increasing or variable sleep interval between requests.', 0.2)],
  },
  { name: 'DeleteSnapshot', readOnly: false, request: (ctx) => ({ snapshotId: pstr(ctx, 'snapshotId') ?? pick(ctx, 'AWS::EC2::Snapshot').name }), response: ok, errors: [notFound('snapshot', 'InvalidSnapshot.NotFound', 'snapshotId'), err('InvalidSnapshot.InUse', (c, r) => `The snapshot ${rstr(r, 'snapshotId')} is currently in use by ${hexId(c.rng, 'ami-')}`)] },
  { name: 'ModifyImageAttribute', readOnly: false, request: (ctx) => ({ imageId: pstr(ctx, 'imageId') ?? hexId(ctx.rng, 'ami-'), attributeType: 'launchPermission', launchPermission: { add: items({ userId: pick(ctx, 'AWS::EC2::Snapshot').accountId }) } }), response: ok, errors: [notFound('image id', 'InvalidAMIID.NotFound', 'imageId')] },
  {
    // Sigma 54b9a76a fires when this succeeds (no errorCode/errorMessage, no "Failure" in responseElements).
    name: 'CreateInstanceExportTask',
    readOnly: false,
    request: (ctx) => ({ instanceId: instanceId(ctx), targetEnvironment: ctx.rng.pick(['vmware', 'citrix', 'microsoft']), exportToS3: { diskImageFormat: 'VMDK', containerFormat: 'ova', s3Bucket: pick(ctx, 'AWS::S3::Bucket').name, s3Prefix: 'exports/' } }),
    response: (ctx, r) => ({ requestId: ctx.rng.uuid(), exportTask: { exportTaskId: `export-i-${hex(ctx.rng, 17)}`, description: '', state: 'active', statusMessage: '', instanceExport: { instanceId: rstr(r, 'instanceId') ?? '', targetEnvironment: rstr(r, 'targetEnvironment') ?? 'vmware' }, exportToS3: robj(r, 'exportToS3') ?? {} } }),
    deniedResource: (ctx, r) => { const id = rstr(r, 'instanceId'); return id ? [instanceRes(ctx, id)] : undefined; },
    errors: [NO_INSTANCE, err('NotExportable', 'The specified instance was not imported; it cannot be exported', 2)],
  },

  // ---- key pairs (Sigma 92f84194)
  {
    name: 'ImportKeyPair',
    readOnly: false,
    request: (ctx) => ({ keyName: pstr(ctx, 'keyName') ?? `${ctx.rng.pick(['deploy', 'admin', 'ci', 'laptop'])}-key-${hex(ctx.rng, 4)}`, publicKeyMaterial: 'c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSU' + ctx.rng.chars(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') + '=' }),
    response: (ctx, r) => ({ requestId: ctx.rng.uuid(), keyName: rstr(r, 'keyName') ?? 'key', keyFingerprint: keyFingerprint(ctx), keyPairId: hexId(ctx.rng, 'key-') }),
    errors: [err('InvalidKeyPair.Duplicate', 'The keypair already exists'), err('InvalidKey.Format', 'Key is not in valid OpenSSH public key format', 0.3)],
  },
  {
    name: 'CreateKeyPair',
    readOnly: false,
    request: (ctx) => ({ keyName: pstr(ctx, 'keyName') ?? `key-${hex(ctx.rng, 6)}` }),
    response: (ctx, r) => ({ requestId: ctx.rng.uuid(), keyName: rstr(r, 'keyName') ?? 'key', keyFingerprint: keyFingerprint(ctx), keyPairId: hexId(ctx.rng, 'key-') }),
    errors: [err('InvalidKeyPair.Duplicate', (_c, r) => `The keypair '${rstr(r, 'keyName')}' already exists.`)],
  },
  { name: 'DeleteKeyPair', readOnly: false, request: (ctx) => ({ keyName: pstr(ctx, 'keyName') ?? pick(ctx, 'AWS::EC2::KeyPair').name }), response: ok },

  // ---- EBS encryption default (Sigma 16124c2d) and flow logs (Sigma e386b9b5)
  wrapped('DisableEbsEncryptionByDefault', false, () => '', (ctx) => ({ requestId: ctx.rng.uuid(), ebsEncryptionByDefault: false })),
  wrapped('EnableEbsEncryptionByDefault', false, () => '', (ctx) => ({ requestId: ctx.rng.uuid(), ebsEncryptionByDefault: true })),
  wrapped('DeleteFlowLogs', false, (ctx) => ({ FlowLogId: { content: pstr(ctx, 'flowLogId') ?? hexId(ctx.rng, 'fl-'), tag: 1 } }), (ctx) => ({ requestId: ctx.rng.uuid(), unsuccessful: '' }), [err('InvalidFlowLogId.NotFound', 'These flow log ids in the input list are not found: [TotalCount: 1] fl-0e17aa62a21d4bbfe', 0.3)]),
  wrapped('CreateFlowLogs', false, (ctx) => ({
    ResourceId: { content: pick(ctx, 'AWS::EC2::VPC').name, tag: 1 },
    ResourceType: 'VPC',
    TrafficType: 'ALL',
    LogDestinationType: 'cloud-watch-logs',
    LogGroupName: '/vpc/flow-logs',
    DeliverLogsPermissionArn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/vpc-flow-logs`,
  }), (ctx) => ({ requestId: ctx.rng.uuid(), flowLogIdSet: { item: hexId(ctx.rng, 'fl-') }, unsuccessful: '' })),
];

export const EC2_OPERATIONS = defineService({ service: 'ec2', eventSource: 'ec2.amazonaws.com' }, defs);
