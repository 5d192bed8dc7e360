import type { JsonObject } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, pstr, hex } from '../util.js';

/**
 * Amazon CloudWatch Logs (json protocol). Records carry `apiVersion: "20140328"`
 * (opensearch sample CreateLogStream; CloudWatch Logs User Guide, "Logging Amazon
 * CloudWatch Logs API calls in AWS CloudTrail", logging_cw_api_calls_cwl.md). That page
 * lists the actions CloudTrail logs; PutLogEvents, GetLogEvents and FilterLogEvents are not
 * among them, so they are not hand-tuned here. Describe* calls log request elements only.
 */

const group = (ctx: CallContext) => pstr(ctx, 'logGroupName') ?? pick(ctx, 'AWS::Logs::LogGroup').name;
const NO_GROUP = err('ResourceNotFoundException', 'The specified log group does not exist.', 0.5);

function streamName(ctx: CallContext): string {
  return `${slashDay(ctx.time)}/[$LATEST]${hex(ctx.rng, 32)}`;
}

// `YYYY/MM/DD` of the last day asked for: streams are named per record.
let lastDay = NaN;
let lastSlashDay = '';
function slashDay(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  if (day !== lastDay) {
    lastSlashDay = new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/');
    lastDay = day;
  }
  return lastSlashDay;
}

const defs: OpDef[] = [
  // Lambda runtimes create a stream per execution environment (B5).
  { name: 'CreateLogStream', request: (ctx) => ({ logGroupName: group(ctx), logStreamName: pstr(ctx, 'logStreamName') ?? streamName(ctx) }), errors: [err('ResourceAlreadyExistsException', 'The specified log stream already exists', 0.5), NO_GROUP] },
  { name: 'CreateLogGroup', request: (ctx) => ({ logGroupName: pstr(ctx, 'logGroupName') ?? `/aws/lambda/${pick(ctx, 'AWS::Lambda::Function').name}` }), errors: [err('ResourceAlreadyExistsException', 'The specified log group already exists', 2)] },
  { name: 'DeleteLogGroup', request: (ctx) => ({ logGroupName: group(ctx) }), errors: [NO_GROUP] },
  { name: 'DeleteLogStream', request: (ctx) => ({ logGroupName: group(ctx), logStreamName: streamName(ctx) }), errors: [err('ResourceNotFoundException', 'The specified log stream does not exist.')] },
  { name: 'DescribeLogGroups', request: (ctx): JsonObject => (ctx.rng.bool(0.5) ? { limit: 50 } : { logGroupNamePrefix: '/aws/lambda/' }) },
  { name: 'DescribeLogStreams', request: (ctx) => ({ logGroupName: group(ctx), orderBy: 'LastEventTime', descending: true, limit: 50 }), errors: [NO_GROUP] },
  { name: 'PutRetentionPolicy', request: (ctx) => ({ logGroupName: group(ctx), retentionInDays: ctx.rng.pick([7, 30, 90, 365]) }), errors: [NO_GROUP] },
  { name: 'DeleteRetentionPolicy', request: (ctx) => ({ logGroupName: group(ctx) }), errors: [NO_GROUP] },
  { name: 'PutSubscriptionFilter', request: (ctx) => ({ logGroupName: group(ctx), filterName: 'ship-to-siem', filterPattern: '', destinationArn: `arn:${ctx.partition}:firehose:${ctx.region}:${ctx.accountId}:deliverystream/siem-ingest`, roleArn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/cwl-to-firehose` }), errors: [NO_GROUP, err('LimitExceededException', 'Resource limit exceeded.', 0.2)] },
  { name: 'DeleteSubscriptionFilter', request: (ctx) => ({ logGroupName: group(ctx), filterName: 'ship-to-siem' }), errors: [err('ResourceNotFoundException', 'The specified subscription filter does not exist.')] },
  { name: 'DescribeSubscriptionFilters', request: (ctx) => ({ logGroupName: group(ctx) }) },
];

export const LOGS_OPERATIONS = defineService({ service: 'logs', eventSource: 'logs.amazonaws.com', apiVersion: '20140328' }, defs);
