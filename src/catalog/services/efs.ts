import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, isoMs, pick, pstr, rstr, uuid, hex } from '../util.js';

/** Amazon EFS (rest-json, eventSource `elasticfilesystem.amazonaws.com`). Deletions: Sigma 25cb1ba1, 6a7ba45c. */

const fsId = (ctx: CallContext) => pstr(ctx, 'fileSystemId') ?? 'fs-' + hex(ctx.rng, 17);
const NO_FS = err('FileSystemNotFound', (_c, r) => `File system '${rstr(r, 'fileSystemId')}' does not exist.`, 0.5);

const defs: OpDef[] = [
  {
    name: 'CreateFileSystem',
    request: (ctx) => ({ creationToken: pstr(ctx, 'creationToken') ?? uuid(ctx.rng), performanceMode: 'generalPurpose', throughputMode: 'elastic', encrypted: true, tags: [{ key: 'Name', value: ctx.rng.pick(['shared-home', 'build-cache', 'media']) }] }),
    response: (ctx, r) => { const id = fsId(ctx); return { ownerId: ctx.accountId, creationToken: rstr(r, 'creationToken') ?? '', fileSystemId: id, fileSystemArn: `arn:${ctx.partition}:elasticfilesystem:${ctx.region}:${ctx.accountId}:file-system/${id}`, creationTime: isoMs(ctx.time), lifeCycleState: 'creating', numberOfMountTargets: 0, sizeInBytes: { value: 0 }, performanceMode: 'generalPurpose', encrypted: true, kmsKeyId: pick(ctx, 'AWS::KMS::Key').arn, throughputMode: 'elastic', tags: r?.tags ?? [] }; },
    errors: [err('FileSystemAlreadyExists', 'File system already exists with creation token', 0.5)],
  },
  { name: 'DeleteFileSystem', request: (ctx) => ({ fileSystemId: fsId(ctx) }), errors: [NO_FS, err('FileSystemInUse', (_c, r) => `File system '${rstr(r, 'fileSystemId')}' has mount targets created in it.`)] },
  { name: 'DescribeFileSystems', request: () => null },
  { name: 'CreateMountTarget', request: (ctx) => ({ fileSystemId: fsId(ctx), subnetId: pick(ctx, 'AWS::EC2::Subnet').name, securityGroups: [pick(ctx, 'AWS::EC2::SecurityGroup').name] }), response: (ctx, r) => ({ ownerId: ctx.accountId, mountTargetId: 'fsmt-' + hex(ctx.rng, 17), fileSystemId: rstr(r, 'fileSystemId') ?? '', subnetId: rstr(r, 'subnetId') ?? '', lifeCycleState: 'creating', ipAddress: `10.0.${ctx.rng.int(255)}.${ctx.rng.range(4, 254)}`, networkInterfaceId: 'eni-' + hex(ctx.rng, 17), availabilityZoneName: `${ctx.region}a`, vpcId: pick(ctx, 'AWS::EC2::VPC').name }), errors: [NO_FS, err('MountTargetConflict', 'mount target already exists in this AZ')] },
  { name: 'DeleteMountTarget', request: (ctx) => ({ mountTargetId: pstr(ctx, 'mountTargetId') ?? 'fsmt-' + hex(ctx.rng, 17) }), errors: [err('MountTargetNotFound', (_c, r) => `Mount target '${rstr(r, 'mountTargetId')}' does not exist.`)] },
  { name: 'DescribeMountTargets', request: (ctx) => ({ fileSystemId: fsId(ctx) }) },
  { name: 'PutFileSystemPolicy', request: (ctx) => ({ fileSystemId: fsId(ctx), policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['elasticfilesystem:ClientMount'], Condition: { Bool: { 'aws:SecureTransport': 'true' } } }] }) }), errors: [NO_FS] },
];

export const EFS_OPERATIONS = defineService({ service: 'elasticfilesystem', eventSource: 'elasticfilesystem.amazonaws.com' }, defs);
