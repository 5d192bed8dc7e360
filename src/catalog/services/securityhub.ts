import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pstr, uuid } from '../util.js';

/**
 * AWS Security Hub (rest-json). CloudTrail keeps Security Hub's PascalCase member names
 * (`Filters`, `Name`, `InsightArn`), as in the Security Hub user guide's CloudTrail example.
 * Finding edits that hide attacks: Sigma a607e1fe.
 */

const insightArn = (ctx: CallContext) => pstr(ctx, 'InsightArn') ?? `arn:${ctx.partition}:securityhub:${ctx.region}:${ctx.accountId}:insight/${ctx.accountId}/custom/${uuid(ctx.rng)}`;
const productArn = (ctx: CallContext) => `arn:${ctx.partition}:securityhub:${ctx.region}::product/aws/${ctx.rng.pick(['guardduty', 'securityhub', 'inspector', 'macie'])}`;

const NOT_SUBSCRIBED = err('InvalidAccessException', (ctx) => `Account ${ctx.accountId} is not subscribed to AWS Security Hub`, 0.3);

const defs: OpDef[] = [
  {
    name: 'BatchUpdateFindings',
    request: (ctx) => ({ FindingIdentifiers: [{ Id: `arn:${ctx.partition}:securityhub:${ctx.region}:${ctx.accountId}:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.1/finding/${uuid(ctx.rng)}`, ProductArn: productArn(ctx) }], Workflow: { Status: ctx.rng.pick(['NOTIFIED', 'RESOLVED', 'SUPPRESSED']) }, Note: { Text: 'Reviewed by security team', UpdatedBy: 'secops' } }),
    response: (_ctx, r) => ({ ProcessedFindings: r?.FindingIdentifiers ?? [], UnprocessedFindings: [] }),
    errors: [NOT_SUBSCRIBED],
  },
  { name: 'UpdateFindings', request: () => ({ Filters: { RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }], SeverityLabel: [{ Value: 'LOW', Comparison: 'EQUALS' }] }, RecordState: 'ARCHIVED', Note: { Text: 'Archived low severity', UpdatedBy: 'secops' } }), errors: [NOT_SUBSCRIBED] },
  { name: 'CreateInsight', request: (ctx) => ({ Filters: { SeverityLabel: [{ Value: 'CRITICAL', Comparison: 'EQUALS' }] }, Name: pstr(ctx, 'Name') ?? 'Critical findings by resource', GroupByAttribute: 'ResourceId' }), response: (ctx) => ({ InsightArn: insightArn(ctx) }), errors: [NOT_SUBSCRIBED] },
  { name: 'UpdateInsight', request: (ctx) => ({ InsightArn: insightArn(ctx), Name: 'Critical findings by resource', Filters: { SeverityLabel: [{ Value: 'HIGH', Comparison: 'EQUALS' }] } }), errors: [NOT_SUBSCRIBED, err('ResourceNotFoundException', 'The request was rejected because we can\'t find the specified resource.')] },
  { name: 'DeleteInsight', request: (ctx) => ({ InsightArn: insightArn(ctx) }), response: (_ctx, r) => ({ InsightArn: (r?.InsightArn as string | undefined) ?? '' }), errors: [NOT_SUBSCRIBED, err('ResourceNotFoundException', 'The request was rejected because we can\'t find the specified resource.')] },
  { name: 'GetFindings', request: () => ({ Filters: { RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }] }, MaxResults: 100 }), errors: [NOT_SUBSCRIBED] },
  { name: 'GetInsights', request: () => ({ MaxResults: 100 }) },
  { name: 'GetEnabledStandards', request: () => null },
  { name: 'DescribeHub', request: () => null, errors: [NOT_SUBSCRIBED] },
  { name: 'DisableSecurityHub', request: () => null, errors: [NOT_SUBSCRIBED] },
  { name: 'BatchImportFindings', request: () => ({ Findings: [] }) },
];

export const SECURITYHUB_OPERATIONS = defineService({ service: 'securityhub', eventSource: 'securityhub.amazonaws.com' }, defs);
