import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, pstr, rstr, sdkDate, hex } from '../util.js';

/** AWS Glue (json protocol). Dev endpoints run with a passed role (Sigma 4990c2e3: PassRole path). */

const endpoint = (ctx: CallContext) => pstr(ctx, 'endpointName') ?? `${ctx.rng.pick(['etl-dev', 'analytics', 'notebook'])}-endpoint`;
const NOT_FOUND = err('EntityNotFoundException', (_c, r) => `Dev Endpoint ${rstr(r, 'endpointName') ?? ''} not found`, 0.5);

const defs: OpDef[] = [
  {
    name: 'CreateDevEndpoint',
    request: (ctx) => ({ endpointName: endpoint(ctx), roleArn: pstr(ctx, 'roleArn') ?? pick(ctx, 'AWS::IAM::Role').arn, numberOfNodes: 2, glueVersion: '1.0', publicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ' + ctx.rng.chars(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') + ' glue' }),
    response: (ctx, r) => ({ endpointName: rstr(r, 'endpointName') ?? '', status: 'PROVISIONING', roleArn: rstr(r, 'roleArn') ?? '', yarnEndpointAddress: '', zeppelinRemoteSparkInterpreterPort: 0, numberOfNodes: 2, glueVersion: '1.0', availabilityZone: `${ctx.region}a`, createdTimestamp: sdkDate(ctx.time) }),
    errors: [err('AlreadyExistsException', (_c, r) => `Dev Endpoint ${rstr(r, 'endpointName')} already exists`), err('ResourceNumberLimitExceededException', 'Number of dev endpoints exceeded the limit of 25', 0.2)],
  },
  { name: 'UpdateDevEndpoint', request: (ctx) => ({ endpointName: endpoint(ctx), addPublicKeys: ['ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ' + ctx.rng.chars(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') + ' glue'] }), errors: [NOT_FOUND] },
  { name: 'DeleteDevEndpoint', request: (ctx) => ({ endpointName: endpoint(ctx) }), errors: [NOT_FOUND] },
  { name: 'GetDevEndpoints', request: () => null },
  { name: 'GetDatabases', request: () => null },
  { name: 'GetTables', request: (ctx) => ({ databaseName: pstr(ctx, 'databaseName') ?? ctx.rng.pick(['analytics', 'raw', 'curated']) }), errors: [err('EntityNotFoundException', (_c, r) => `Database ${rstr(r, 'databaseName')} not found.`, 0.3)] },
  { name: 'StartJobRun', request: (ctx) => ({ jobName: pstr(ctx, 'jobName') ?? `${ctx.rng.pick(['nightly', 'hourly'])}-etl` }), response: (ctx) => ({ jobRunId: 'jr_' + hex(ctx.rng, 64) }), errors: [err('ConcurrentRunsExceededException', 'Concurrent runs exceeded for nightly-etl', 0.3)] },
];

export const GLUE_OPERATIONS = defineService({ service: 'glue', eventSource: 'glue.amazonaws.com' }, defs);
