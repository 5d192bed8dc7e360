import type { JsonObject, ResourceRef } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { HIDDEN, arnAccount, err, pick, pstr, ref, rstr, sdkDate, uuid } from '../util.js';

/**
 * Amazon DynamoDB (json protocol). Records carry `apiVersion: "2012-08-10"` (opensearch
 * samples, panther DescribeTable). Item operations are data events (`AWS::DynamoDB::Table`)
 * and CloudTrail never writes item or key values: key attribute values are
 * `HIDDEN_DUE_TO_SECURITY_REASONS`, item bodies are left out.
 */

const TABLE: 'AWS::DynamoDB::Table' = 'AWS::DynamoDB::Table';

function tableName(ctx: CallContext): string {
  return pstr(ctx, 'tableName') ?? pick(ctx, TABLE).name;
}

function tableArn(ctx: CallContext, name: string): string {
  return name.startsWith('arn:') ? name : `arn:${ctx.partition}:dynamodb:${ctx.region}:${ctx.accountId}:table/${name}`;
}

function tableRes(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const t = rstr(request, 'tableName');
  if (!t) return undefined;
  const arn = tableArn(ctx, t);
  return [ref(arn, arnAccount(arn) ?? ctx.accountId, TABLE)];
}

function key(ctx: CallContext): JsonObject {
  return ctx.rng.bool(0.5) ? { pk: HIDDEN } : { pk: HIDDEN, sk: HIDDEN };
}

const NOT_FOUND = err('ResourceNotFoundException', 'Requested resource not found', 0.3);
const THROTTLED = err('ProvisionedThroughputExceededException', 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.', 0.3);
const CONDITIONAL = err('ConditionalCheckFailedException', 'The conditional request failed', 1);
const BAD_KEY = err('ValidationException', 'The provided key element does not match the schema', 0.3);

function item(name: string, readOnly: boolean, extra: (ctx: CallContext) => JsonObject, errors = [NOT_FOUND, THROTTLED, BAD_KEY]): OpDef {
  return { name, readOnly, dataResourceType: TABLE, request: (ctx) => ({ tableName: tableName(ctx), ...extra(ctx) }), resources: tableRes, errors };
}

function batch(name: string, readOnly: boolean): OpDef {
  return {
    name,
    readOnly,
    dataResourceType: TABLE,
    request: (ctx) => {
      const t = tableName(ctx);
      const n = 1 + ctx.rng.int(25);
      const keys = [];
      for (let i = 0; i < Math.min(n, 3); i++) keys.push(key(ctx));
      return readOnly ? { requestItems: [{ tableName: t, keys, consistentRead: false }] } : { requestItems: [{ tableName: t, writeRequests: keys.map((k) => ({ putRequest: { key: k } })) }] };
    },
    resources: (ctx, req) => {
      const items = req?.requestItems;
      if (!Array.isArray(items)) return undefined;
      const out: ResourceRef[] = [];
      for (const i of items) if (i && typeof i === 'object' && !Array.isArray(i) && typeof i.tableName === 'string') out.push(ref(tableArn(ctx, i.tableName), ctx.accountId, TABLE));
      return out;
    },
    errors: [NOT_FOUND, THROTTLED],
  };
}

function tableDescription(ctx: CallContext, name: string, status: string): JsonObject {
  return {
    tableName: name,
    tableArn: tableArn(ctx, name),
    tableId: uuid(ctx.rng),
    tableStatus: status,
    creationDateTime: sdkDate(ctx.time),
    attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
    keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
    billingModeSummary: { billingMode: 'PAY_PER_REQUEST' },
    provisionedThroughput: { numberOfDecreasesToday: 0, readCapacityUnits: 0, writeCapacityUnits: 0 },
    tableSizeBytes: 0,
    itemCount: 0,
    deletionProtectionEnabled: false,
  };
}

const defs: OpDef[] = [
  item('GetItem', true, (ctx) => ({ key: key(ctx), consistentRead: ctx.rng.bool(0.2) })),
  item('PutItem', false, (ctx) => ({ key: key(ctx) }), [NOT_FOUND, THROTTLED, CONDITIONAL]),
  item('UpdateItem', false, (ctx) => ({ key: key(ctx), updateExpression: 'SET #s = :s, updatedAt = :t', conditionExpression: 'attribute_exists(pk)' }), [NOT_FOUND, THROTTLED, CONDITIONAL]),
  item('DeleteItem', false, (ctx) => ({ key: key(ctx) }), [NOT_FOUND, CONDITIONAL]),
  item('Query', true, (ctx) => ({ keyConditionExpression: 'pk = :pk', limit: ctx.rng.pick([10, 25, 100]), scanIndexForward: ctx.rng.bool() })),
  item('Scan', true, (ctx) => ({ limit: ctx.rng.pick([100, 1000]) })),
  batch('BatchGetItem', true),
  batch('BatchWriteItem', false),
  {
    name: 'TransactWriteItems',
    readOnly: false,
    dataResourceType: TABLE,
    request: (ctx): JsonObject => { const t = tableName(ctx); const items: JsonObject[] = [{ put: { tableName: t, key: key(ctx) } }, { update: { tableName: t, key: key(ctx), updateExpression: 'SET balance = balance - :a' } }]; return { transactItems: items, clientRequestToken: uuid(ctx.rng) }; },
    resources: (ctx) => [ref(tableArn(ctx, tableName(ctx)), ctx.accountId, TABLE)],
    errors: [err('TransactionCanceledException', 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]')],
  },

  // ---- management
  {
    name: 'CreateTable',
    request: (ctx) => ({ tableName: pstr(ctx, 'tableName') ?? ctx.world.newName(TABLE, ctx.rng), attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }], keySchema: [{ attributeName: 'pk', keyType: 'HASH' }], billingMode: 'PAY_PER_REQUEST' }),
    response: (ctx, r) => ({ tableDescription: tableDescription(ctx, rstr(r, 'tableName') ?? 'table', 'CREATING') }),
    resources: tableRes,
    errors: [err('ResourceInUseException', (_c, r) => `Table already exists: ${rstr(r, 'tableName')}`), err('LimitExceededException', 'Subscriber limit exceeded: There is a limit of 2500 tables per account', 0.1)],
  },
  { name: 'DeleteTable', request: (ctx) => ({ tableName: tableName(ctx) }), response: (ctx, r) => ({ tableDescription: tableDescription(ctx, rstr(r, 'tableName') ?? 'table', 'DELETING') }), resources: tableRes, errors: [NOT_FOUND, err('ResourceInUseException', (_c, r) => `Attempt to change a resource which is still in use: Table is being created: ${rstr(r, 'tableName')}`, 0.3)] },
  { name: 'DescribeTable', request: (ctx) => ({ tableName: tableName(ctx) }), resources: tableRes, errors: [err('ResourceNotFoundException', (_c, r) => `Requested resource not found: Table: ${rstr(r, 'tableName')} not found`)] },
  { name: 'ListTables', request: () => null },
  { name: 'UpdateTable', request: (ctx) => ({ tableName: tableName(ctx), billingMode: 'PAY_PER_REQUEST' }), response: (ctx, r) => ({ tableDescription: tableDescription(ctx, rstr(r, 'tableName') ?? 'table', 'UPDATING') }), resources: tableRes, errors: [NOT_FOUND] },
  { name: 'DescribeContinuousBackups', request: (ctx) => ({ tableName: tableName(ctx) }), resources: tableRes, errors: [err('TableNotFoundException', (_c, r) => `Table not found: ${rstr(r, 'tableName')}`)] },
  { name: 'UpdateContinuousBackups', request: (ctx) => ({ tableName: tableName(ctx), pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } }), resources: tableRes },
  { name: 'DescribeTimeToLive', request: (ctx) => ({ tableName: tableName(ctx) }), resources: tableRes },
  { name: 'ListTagsOfResource', request: (ctx) => ({ resourceArn: tableArn(ctx, tableName(ctx)) }) },
];

export const DYNAMODB_OPERATIONS = defineService({ service: 'dynamodb', eventSource: 'dynamodb.amazonaws.com', apiVersion: '2012-08-10' }, defs);
