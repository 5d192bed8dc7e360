import type { JsonObject, ResourceRef } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { ADMIN_CIDRS, DB_CLASSES, DB_ENGINES, MASKED, attrsOf, az, err, pick, pstr, ref, rstr, sdkDate, hex } from '../util.js';

/**
 * Amazon RDS (query protocol). CloudTrail lower-cases only the first letter of member
 * names (`dBInstanceIdentifier`, `dBSnapshotIdentifier`, `cIDRIP`; sample
 * ModifyDBSnapshotAttribute) and writes the returned DBInstance/DBCluster as
 * responseElements. Passwords are masked as `****` in the request and in
 * `pendingModifiedValues.masterUserPassword` (Sigma 8a63cdd4 keys on the latter);
 * `publiclyAccessible` is a JSON boolean (Sigma c3f265c7).
 */

const DB: 'AWS::RDS::DBInstance' = 'AWS::RDS::DBInstance';
const CLUSTER: 'AWS::RDS::DBCluster' = 'AWS::RDS::DBCluster';

const dbId = (ctx: CallContext) => pstr(ctx, 'dBInstanceIdentifier') ?? pick(ctx, DB).name;
const clusterId = (ctx: CallContext) => pstr(ctx, 'dBClusterIdentifier') ?? pick(ctx, CLUSTER).name;
const sgName = (ctx: CallContext) => pstr(ctx, 'dBSecurityGroupName') ?? `${ctx.rng.pick(['legacy', 'app', 'reporting'])}-db-sg`;

function dbArn(ctx: CallContext, id: string): string {
  return `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:db:${id}`;
}

function dbRes(ctx: CallContext, r: JsonObject | null): ResourceRef[] | undefined {
  const id = rstr(r, 'dBInstanceIdentifier');
  return id ? [ref(dbArn(ctx, id), ctx.accountId, DB)] : undefined;
}

function clusterRes(ctx: CallContext, r: JsonObject | null): ResourceRef[] | undefined {
  const id = rstr(r, 'dBClusterIdentifier');
  return id ? [ref(`arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:cluster:${id}`, ctx.accountId, CLUSTER)] : undefined;
}

/**
 * The engine a DB instance runs, the same in every record that names it: the request's
 * (a create or restore), else the registry's attributes of the instance, else, for a
 * restore, the source instance's (the snapshot `rds:<db>-<date>` names it).
 */
function engineOf(ctx: CallContext, request: JsonObject | null, id: string): [string, string] {
  const given = rstr(request, 'engine');
  const a = attrsOf(ctx, DB, id);
  const engine = given ?? a.engine;
  if (engine) {
    const known = DB_ENGINES.find(([e]) => e === engine);
    return [engine, rstr(request, 'engineVersion') ?? (a.engine === engine ? a.engineVersion : undefined) ?? known?.[1] ?? '8.0.35'];
  }
  const [e, v] = DB_ENGINES[ctx.rng.int(DB_ENGINES.length)];
  return [e, v];
}

/** The instance a snapshot identifier was taken from (`rds:<db>-YYYY-MM-DD-hh-mm`, `<db>-manual-…`, `<db>-final`). */
function snapshotSource(snapshot: string): string | undefined {
  const m = /^(?:rds:)?(.+?)-(?:\d{4}-\d{2}-\d{2}-\d{2}-\d{2}|manual(?:-[0-9a-f]+)?|final)$/.exec(snapshot);
  return m?.[1];
}

/** The DBInstance structure RDS returns, lower-first keys. */
function dbInstance(ctx: CallContext, request: JsonObject | null, status: string, pending: JsonObject = {}): JsonObject {
  const id = rstr(request, 'dBInstanceIdentifier') ?? dbId(ctx);
  const attrs = attrsOf(ctx, DB, id);
  const [engine, version] = engineOf(ctx, request, id);
  const port = engine === 'postgres' ? 5432 : 3306;
  return {
    dBInstanceIdentifier: id,
    dBInstanceClass: rstr(request, 'dBInstanceClass') ?? attrs.dBInstanceClass ?? DB_CLASSES[ctx.rng.int(DB_CLASSES.length)],
    engine,
    dBInstanceStatus: status,
    masterUsername: rstr(request, 'masterUsername') ?? 'dbadmin',
    endpoint: { address: `${id}.${ctx.rng.chars(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}.${ctx.region}.rds.amazonaws.com`, port, hostedZoneId: 'Z' + ctx.rng.chars(13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') },
    allocatedStorage: (request?.allocatedStorage as number | undefined) ?? 100,
    instanceCreateTime: sdkDate(ctx.time - 86_400_000 * (1 + ctx.rng.int(400))),
    preferredBackupWindow: '03:00-03:30',
    backupRetentionPeriod: 7,
    dBSecurityGroups: [],
    vpcSecurityGroups: [{ vpcSecurityGroupId: attrs.securityGroupId ?? pick(ctx, 'AWS::EC2::SecurityGroup').name, status: 'active' }],
    dBParameterGroups: [{ dBParameterGroupName: `default.${engine}${version.split('.')[0]}`, parameterApplyStatus: 'in-sync' }],
    availabilityZone: attrs.az ? ctx.region + attrs.az : az(ctx),
    dBSubnetGroup: { dBSubnetGroupName: 'default', dBSubnetGroupDescription: 'default', vpcId: attrs.vpcId ?? pick(ctx, 'AWS::EC2::VPC').name, subnetGroupStatus: 'Complete', subnets: [] },
    preferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    pendingModifiedValues: pending,
    multiAZ: false,
    engineVersion: version,
    autoMinorVersionUpgrade: true,
    readReplicaDBInstanceIdentifiers: [],
    licenseModel: engine === 'postgres' ? 'postgresql-license' : 'general-public-license',
    optionGroupMemberships: [{ optionGroupName: `default:${engine}-${version.split('.')[0]}`, status: 'in-sync' }],
    publiclyAccessible: request?.publiclyAccessible === true,
    storageType: 'gp3',
    dbInstancePort: 0,
    storageEncrypted: true,
    kmsKeyId: rstr(request, 'kmsKeyId') ?? attrs.kmsKeyId ?? pick(ctx, 'AWS::KMS::Key').arn,
    dbiResourceId: 'db-' + ctx.rng.chars(26, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
    cACertificateIdentifier: 'rds-ca-rsa2048-g1',
    copyTagsToSnapshot: true,
    dBInstanceArn: dbArn(ctx, id),
    iAMDatabaseAuthenticationEnabled: false,
    deletionProtection: request?.deletionProtection === true,
    networkType: 'IPV4',
  };
}

function dbCluster(ctx: CallContext, request: JsonObject | null, status: string): JsonObject {
  const id = rstr(request, 'dBClusterIdentifier') ?? clusterId(ctx);
  const attrs = attrsOf(ctx, CLUSTER, id);
  const engine = rstr(request, 'engine') ?? attrs.engine ?? 'aurora-mysql';
  const pg = engine === 'aurora-postgresql';
  return {
    allocatedStorage: 1,
    availabilityZones: [`${ctx.region}a`, `${ctx.region}b`, `${ctx.region}c`],
    backupRetentionPeriod: 7,
    dBClusterIdentifier: id,
    dBClusterParameterGroup: pg ? 'default.aurora-postgresql15' : 'default.aurora-mysql8.0',
    dBSubnetGroup: 'default',
    status,
    endpoint: `${id}.cluster-${ctx.rng.chars(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}.${ctx.region}.rds.amazonaws.com`,
    multiAZ: true,
    engine,
    engineVersion: rstr(request, 'engineVersion') ?? (attrs.engine === engine ? attrs.engineVersion : undefined) ?? (pg ? '15.4' : '8.0.mysql_aurora.3.05.2'),
    port: pg ? 5432 : 3306,
    masterUsername: 'admin',
    preferredBackupWindow: '07:00-07:30',
    preferredMaintenanceWindow: 'sat:09:00-sat:09:30',
    dBClusterMembers: [{ dBInstanceIdentifier: `${id}-instance-1`, isClusterWriter: true, dBClusterParameterGroupStatus: 'in-sync', promotionTier: 1 }],
    vpcSecurityGroups: [{ vpcSecurityGroupId: attrs.securityGroupId ?? pick(ctx, 'AWS::EC2::SecurityGroup').name, status: 'active' }],
    storageEncrypted: true,
    kmsKeyId: attrs.kmsKeyId ?? pick(ctx, 'AWS::KMS::Key').arn,
    dbClusterResourceId: 'cluster-' + ctx.rng.chars(26, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
    dBClusterArn: `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:cluster:${id}`,
    iAMDatabaseAuthenticationEnabled: false,
    clusterCreateTime: sdkDate(ctx.time - 86_400_000 * (1 + ctx.rng.int(400))),
    deletionProtection: request?.deletionProtection === true,
    httpEndpointEnabled: false,
    copyTagsToSnapshot: true,
  };
}

function mask(r: JsonObject): JsonObject {
  return r.masterUserPassword !== undefined ? { ...r, masterUserPassword: MASKED } : r;
}

const NO_DB = err('DBInstanceNotFound', (_c, r) => `DBInstance ${rstr(r, 'dBInstanceIdentifier') ?? 'unknown'} not found.`, 0.5);
const NO_CLUSTER = err('DBClusterNotFoundFault', (_c, r) => `DBCluster ${rstr(r, 'dBClusterIdentifier') ?? 'unknown'} not found.`, 0.5);
const NO_SNAPSHOT = err('DBSnapshotNotFound', (_c, r) => `DBSnapshot ${rstr(r, 'dBSnapshotIdentifier') ?? 'unknown'} not found.`, 0.5);
const BAD_STATE = err('InvalidDBInstanceState', (_c, r) => `Instance ${rstr(r, 'dBInstanceIdentifier') ?? 'unknown'} is not in available state.`, 0.3);
const NO_SG = err('DBSecurityGroupNotFound', (_c, r) => `DBSecurityGroup ${rstr(r, 'dBSecurityGroupName') ?? 'unknown'} not found.`, 0.5);

const defs: OpDef[] = [
  { name: 'DescribeDBInstances', request: (ctx) => (ctx.rng.bool(0.5) ? null : { dBInstanceIdentifier: dbId(ctx) }), errors: [NO_DB] },
  { name: 'DescribeDBClusters', request: (ctx) => (ctx.rng.bool(0.5) ? null : { dBClusterIdentifier: clusterId(ctx) }), errors: [NO_CLUSTER] },
  { name: 'DescribeDBSnapshots', request: (ctx) => ({ dBInstanceIdentifier: dbId(ctx), snapshotType: ctx.rng.pick(['automated', 'manual']) }) },
  { name: 'DescribeDBSecurityGroups', request: () => null },
  {
    name: 'CreateDBInstance',
    request: (ctx) => { const id = pstr(ctx, 'dBInstanceIdentifier') ?? ctx.world.newName(DB, ctx.rng); const a = attrsOf(ctx, DB, id); return { dBInstanceIdentifier: id, dBInstanceClass: a.dBInstanceClass ?? DB_CLASSES[ctx.rng.int(DB_CLASSES.length)], engine: a.engine ?? 'mysql', masterUsername: 'dbadmin', masterUserPassword: MASKED, allocatedStorage: 20, publiclyAccessible: false, storageEncrypted: true }; },
    response: (ctx, r) => dbInstance(ctx, r, 'creating', { masterUserPassword: MASKED }),
    deniedResource: dbRes,
    redact: mask,
    errors: [err('DBInstanceAlreadyExists', 'DB instance already exists'), err('InstanceQuotaExceeded', 'You have exceeded the number of DB instances you can create.', 0.2)],
  },
  {
    // Benign default: a class/backup change. Password reset (Sigma 8a63cdd4): pass `{masterUserPassword: '...'}`.
    name: 'ModifyDBInstance',
    // A caller that changes other settings (password, class, ...) sends only those: the
    // benign backup-retention change is dropped.
    request: (ctx): JsonObject => {
      const own = Object.keys(ctx.params).some((k) => k !== 'dBInstanceIdentifier' && k !== 'applyImmediately');
      return own ? { dBInstanceIdentifier: dbId(ctx), applyImmediately: ctx.rng.bool() } : { dBInstanceIdentifier: dbId(ctx), backupRetentionPeriod: ctx.rng.pick([7, 14, 35]), applyImmediately: ctx.rng.bool() };
    },
    response: (ctx, r) => {
      const pending: JsonObject = {};
      if (r?.masterUserPassword !== undefined) pending.masterUserPassword = MASKED;
      if (typeof r?.dBInstanceClass === 'string') pending.dBInstanceClass = r.dBInstanceClass;
      if (typeof r?.deletionProtection === 'boolean') pending.deletionProtection = r.deletionProtection;
      return dbInstance(ctx, r, 'available', pending);
    },
    deniedResource: dbRes,
    redact: mask,
    errors: [NO_DB, BAD_STATE, err('InvalidParameterCombination', 'You cannot change the backup retention period to 0 while the DB instance has read replicas.', 0.1)],
  },
  {
    // Public restore (Sigma c3f265c7): pass `{publiclyAccessible: true}`; responseElements.publiclyAccessible follows.
    name: 'RestoreDBInstanceFromDBSnapshot',
    request: (ctx) => ({ dBInstanceIdentifier: pstr(ctx, 'dBInstanceIdentifier') ?? `${dbId(ctx)}-restore-${hex(ctx.rng, 4)}`, dBSnapshotIdentifier: pstr(ctx, 'dBSnapshotIdentifier') ?? `rds:${dbId(ctx)}-${new Date(ctx.time - 86_400_000).toISOString().slice(0, 10)}-03-10`, dBInstanceClass: DB_CLASSES[ctx.rng.int(DB_CLASSES.length)], publiclyAccessible: false, dBSubnetGroupName: 'default' }),
    response: (ctx, r) => {
      if (rstr(r, 'engine')) return dbInstance(ctx, r, 'creating');
      // The restored instance runs the source instance's engine.
      const src = snapshotSource(rstr(r, 'dBSnapshotIdentifier') ?? '');
      const engine = src ? attrsOf(ctx, DB, src).engine : undefined;
      return dbInstance(ctx, engine ? { ...r, engine } : r, 'creating');
    },
    deniedResource: dbRes,
    errors: [NO_SNAPSHOT, err('DBInstanceAlreadyExists', 'DB instance already exists'), err('InvalidDBSnapshotState', 'Cannot restore from snapshot in current state', 0.2)],
  },
  { name: 'DeleteDBInstance', request: (ctx) => { const id = dbId(ctx); return { dBInstanceIdentifier: id, skipFinalSnapshot: false, finalDBSnapshotIdentifier: `${id}-final`, deleteAutomatedBackups: false }; }, response: (ctx, r) => dbInstance(ctx, r, 'deleting'), deniedResource: dbRes, errors: [NO_DB, BAD_STATE, err('InvalidParameterCombination', 'Cannot delete protected DB Instance, please disable deletion protection and try again.')] },
  { name: 'StopDBInstance', request: (ctx) => ({ dBInstanceIdentifier: dbId(ctx) }), response: (ctx, r) => dbInstance(ctx, r, 'stopping'), deniedResource: dbRes, errors: [NO_DB, BAD_STATE] },
  { name: 'StartDBInstance', request: (ctx) => ({ dBInstanceIdentifier: dbId(ctx) }), response: (ctx, r) => dbInstance(ctx, r, 'starting'), deniedResource: dbRes, errors: [NO_DB, BAD_STATE] },
  { name: 'RebootDBInstance', request: (ctx) => ({ dBInstanceIdentifier: dbId(ctx) }), response: (ctx, r) => dbInstance(ctx, r, 'rebooting'), deniedResource: dbRes, errors: [NO_DB, err('InvalidDBInstanceState', 'Cannot reboot DB instance in current state')] },
  {
    name: 'CreateDBSnapshot',
    request: (ctx) => ({ dBInstanceIdentifier: dbId(ctx), dBSnapshotIdentifier: `${dbId(ctx)}-manual-${hex(ctx.rng, 6)}` }),
    response: (ctx, r) => ({ dBSnapshotIdentifier: rstr(r, 'dBSnapshotIdentifier') ?? 'snap', dBInstanceIdentifier: rstr(r, 'dBInstanceIdentifier') ?? 'db', engine: engineOf(ctx, null, rstr(r, 'dBInstanceIdentifier') ?? 'db')[0], allocatedStorage: 100, status: 'creating', port: 3306, availabilityZone: az(ctx), vpcId: pick(ctx, 'AWS::EC2::VPC').name, instanceCreateTime: sdkDate(ctx.time - 86_400_000 * 100), masterUsername: 'dbadmin', engineVersion: engineOf(ctx, null, rstr(r, 'dBInstanceIdentifier') ?? 'db')[1], licenseModel: 'general-public-license', snapshotType: 'manual', percentProgress: 0, storageType: 'gp3', encrypted: true, dBSnapshotArn: `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:snapshot:${rstr(r, 'dBSnapshotIdentifier') ?? 'snap'}` }),
    deniedResource: dbRes,
    errors: [NO_DB, err('DBSnapshotAlreadyExists', 'Cannot create the snapshot because a snapshot with the identifier already exists.')],
  },
  {
    // Snapshot sharing (Stratus rds-share-snapshot): `valuesToAdd` holds the other account.
    name: 'ModifyDBSnapshotAttribute',
    request: (ctx) => ({ attributeName: 'restore', dBSnapshotIdentifier: pstr(ctx, 'dBSnapshotIdentifier') ?? `${dbId(ctx)}-manual`, valuesToAdd: [pick(ctx, 'AWS::EC2::Snapshot').accountId] }),
    response: (_ctx, r) => ({ dBSnapshotAttributes: [{ attributeName: rstr(r, 'attributeName') ?? 'restore', attributeValues: Array.isArray(r?.valuesToAdd) ? r.valuesToAdd : [] }], dBSnapshotIdentifier: rstr(r, 'dBSnapshotIdentifier') ?? '' }),
    errors: [NO_SNAPSHOT, err('SharedSnapshotQuotaExceeded', 'You have exceeded the maximum number of accounts that you can share a manual DB snapshot with.', 0.1)],
  },

  // ---- clusters (Sigma 457cc9ac)
  { name: 'CreateDBCluster', request: (ctx) => ({ dBClusterIdentifier: pstr(ctx, 'dBClusterIdentifier') ?? ctx.world.newName(CLUSTER, ctx.rng), engine: 'aurora-mysql', masterUsername: 'admin', masterUserPassword: MASKED, storageEncrypted: true }), response: (ctx, r) => dbCluster(ctx, r, 'creating'), deniedResource: clusterRes, redact: mask, errors: [err('DBClusterAlreadyExistsFault', 'DB Cluster already exists')] },
  { name: 'ModifyDBCluster', request: (ctx): JsonObject => (Object.keys(ctx.params).some((k) => k !== 'dBClusterIdentifier' && k !== 'applyImmediately') ? { dBClusterIdentifier: clusterId(ctx), applyImmediately: false } : { dBClusterIdentifier: clusterId(ctx), backupRetentionPeriod: ctx.rng.pick([7, 14]), applyImmediately: false }), response: (ctx, r) => dbCluster(ctx, r, 'available'), deniedResource: clusterRes, redact: mask, errors: [NO_CLUSTER, err('InvalidDBClusterStateFault', (_c, r) => `DB cluster ${rstr(r, 'dBClusterIdentifier')} is not in the available state.`, 0.3)] },
  // skipFinalSnapshot: true takes no final snapshot identifier (the API rejects both together).
  { name: 'DeleteDBCluster', request: (ctx): JsonObject => { const id = clusterId(ctx); return ctx.params.skipFinalSnapshot === true ? { dBClusterIdentifier: id, skipFinalSnapshot: true } : { dBClusterIdentifier: id, skipFinalSnapshot: false, finalDBClusterSnapshotIdentifier: `${id}-final-${new Date(ctx.time).toISOString().slice(0, 10)}` }; }, response: (ctx, r) => dbCluster(ctx, r, 'deleting'), deniedResource: clusterRes, errors: [NO_CLUSTER, err('InvalidDBClusterStateFault', 'Cannot delete protected Cluster, please disable deletion protection and try again.')] },
  { name: 'StopDBCluster', request: (ctx) => ({ dBClusterIdentifier: clusterId(ctx) }), response: (ctx, r) => dbCluster(ctx, r, 'stopping'), deniedResource: clusterRes, errors: [NO_CLUSTER] },

  // ---- classic DB security groups (Sigma 14f3f1c8)
  { name: 'CreateDBSecurityGroup', request: (ctx) => { const n = sgName(ctx); return { dBSecurityGroupName: n, dBSecurityGroupDescription: `${n} access` }; }, response: (ctx, r) => ({ ownerId: ctx.accountId, dBSecurityGroupName: rstr(r, 'dBSecurityGroupName') ?? '', dBSecurityGroupDescription: rstr(r, 'dBSecurityGroupDescription') ?? '', eC2SecurityGroups: [], iPRanges: [], dBSecurityGroupArn: `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:secgrp:${rstr(r, 'dBSecurityGroupName') ?? ''}` }), errors: [err('DBSecurityGroupAlreadyExists', (_c, r) => `A DB security group named ${rstr(r, 'dBSecurityGroupName')} already exists.`), err('QuotaExceeded.DBSecurityGroup', 'Quota exceeded for DB security groups.', 0.2)] },
  { name: 'DeleteDBSecurityGroup', request: (ctx) => ({ dBSecurityGroupName: sgName(ctx) }), errors: [NO_SG, err('InvalidDBSecurityGroupState', 'The DB security group is in use and cannot be deleted.')] },
  { name: 'AuthorizeDBSecurityGroupIngress', request: (ctx) => ({ dBSecurityGroupName: sgName(ctx), cIDRIP: ADMIN_CIDRS[ctx.rng.int(ADMIN_CIDRS.length)] }), response: (ctx, r) => ({ ownerId: ctx.accountId, dBSecurityGroupName: rstr(r, 'dBSecurityGroupName') ?? '', iPRanges: [{ cIDRIP: rstr(r, 'cIDRIP') ?? '0.0.0.0/0', status: 'authorizing' }], eC2SecurityGroups: [] }), errors: [NO_SG, err('AuthorizationAlreadyExists', 'The specified CIDRIP or EC2 security group is already authorized for the specified DB security group.')] },
  { name: 'RevokeDBSecurityGroupIngress', request: (ctx) => ({ dBSecurityGroupName: sgName(ctx), cIDRIP: ADMIN_CIDRS[ctx.rng.int(ADMIN_CIDRS.length)] }), response: (ctx, r) => ({ ownerId: ctx.accountId, dBSecurityGroupName: rstr(r, 'dBSecurityGroupName') ?? '', iPRanges: [{ cIDRIP: rstr(r, 'cIDRIP') ?? '0.0.0.0/0', status: 'revoking' }], eC2SecurityGroups: [] }), errors: [NO_SG, err('AuthorizationNotFound', 'The specified CIDRIP or EC2 security group is not authorized for the specified DB security group.')] },
  { name: 'StartExportTask', request: (ctx) => ({ exportTaskIdentifier: `export-${hex(ctx.rng, 8)}`, sourceArn: `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:snapshot:${dbId(ctx)}-manual`, s3BucketName: pick(ctx, 'AWS::S3::Bucket').name, iamRoleArn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/rds-s3-export`, kmsKeyId: pick(ctx, 'AWS::KMS::Key').arn }), response: (ctx, r) => ({ exportTaskIdentifier: rstr(r, 'exportTaskIdentifier') ?? '', sourceArn: rstr(r, 'sourceArn') ?? '', status: 'STARTING', percentProgress: 0, s3Bucket: rstr(r, 's3BucketName') ?? '', taskStartTime: sdkDate(ctx.time), iamRoleArn: rstr(r, 'iamRoleArn') ?? '', kmsKeyId: rstr(r, 'kmsKeyId') ?? '' }) },
];

export const RDS_OPERATIONS = defineService({ service: 'rds', eventSource: 'rds.amazonaws.com' }, defs);

