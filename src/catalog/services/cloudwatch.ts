import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, pstr, sdkDate, hex } from '../util.js';

/**
 * Amazon CloudWatch (query protocol). IAM prefix `cloudwatch`, eventSource
 * `monitoring.amazonaws.com` (the endpoint prefix; DescribeAlarms samples).
 */

const alarm = (ctx: CallContext) => pstr(ctx, 'alarmName') ?? `${ctx.rng.pick(['HighCPU', 'ErrorRate', 'QueueDepth', 'RootLogin'])}-${hex(ctx.rng, 4)}`;

const defs: OpDef[] = [
  { name: 'DescribeAlarms', request: () => ({ excludeManagedAlarms: false, maxRecords: 100 }) },
  { name: 'DescribeAlarmHistory', request: (ctx) => ({ alarmName: alarm(ctx), historyItemType: 'StateUpdate', maxRecords: 50 }) },
  { name: 'PutMetricAlarm', request: (ctx) => ({ alarmName: alarm(ctx), metricName: 'CPUUtilization', namespace: 'AWS/EC2', statistic: 'Average', period: 300, evaluationPeriods: 2, threshold: 80.0, comparisonOperator: 'GreaterThanThreshold', dimensions: [{ name: 'InstanceId', value: pick(ctx, 'AWS::EC2::Instance').name }], alarmActions: [pick(ctx, 'AWS::SNS::Topic').arn] }), errors: [err('LimitExceeded', 'The maximum number of alarms for this account has been reached.', 0.1)] },
  { name: 'DeleteAlarms', request: (ctx) => ({ alarmNames: [alarm(ctx)] }), errors: [err('ResourceNotFound', 'An alarm with the specified name was not found.')] },
  { name: 'DisableAlarmActions', request: (ctx) => ({ alarmNames: [alarm(ctx)] }) },
  { name: 'EnableAlarmActions', request: (ctx) => ({ alarmNames: [alarm(ctx)] }) },
  { name: 'GetMetricData', request: (ctx) => ({ metricDataQueries: [{ id: 'm1', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Errors' }, period: 300, stat: 'Sum' }, returnData: true }], startTime: sdkDate(ctx.time - 3_600_000), endTime: sdkDate(ctx.time) }) },
  { name: 'ListMetrics', request: () => ({ namespace: 'AWS/EC2' }) },
  { name: 'GetMetricStatistics', request: (ctx) => ({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', startTime: sdkDate(ctx.time - 3_600_000), endTime: sdkDate(ctx.time), period: 300, statistics: ['Average'] }) },
];

export const CLOUDWATCH_OPERATIONS = defineService({ service: 'cloudwatch', eventSource: 'monitoring.amazonaws.com' }, defs);
