import type { JsonObject, ResourceRef } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, pstr, ref, rstr, sdkDate, uuid, hex } from '../util.js';

/**
 * AWS CloudTrail's own API (json protocol): trails, selectors, Insights, event history and
 * Lake. Request keys are lower camel (`name`, `trailName`, `eventSelectors`), as in the
 * Stratus samples (DeleteTrail, StopLogging, PutEventSelectors).
 */

const TRAIL: 'AWS::CloudTrail::Trail' = 'AWS::CloudTrail::Trail';

function trailName(ctx: CallContext, key = 'name'): string {
  return pstr(ctx, key) ?? pick(ctx, TRAIL).name;
}

function trailArn(ctx: CallContext, nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.accountId}:trail/${nameOrArn}`;
}

function trailRes(key: string) {
  return (ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined => {
    const n = rstr(request, key);
    return n ? [ref(trailArn(ctx, n), ctx.accountId, TRAIL)] : undefined;
  };
}

const NOT_FOUND = (key: string) => err('TrailNotFoundException', (ctx, r) => `Unknown trail: ${trailArn(ctx, rstr(r, key) ?? 'unknown')} for the user: ${ctx.accountId}`, 0.5);
const EDS_NOT_FOUND = err('EventDataStoreNotFoundException', (_c, r) => `The specified event data store ${rstr(r, 'eventDataStore') ?? ''} was not found.`, 0.5);

function edsArn(ctx: CallContext): string {
  return pstr(ctx, 'eventDataStore') ?? `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.accountId}:eventdatastore/${uuid(ctx.rng)}`;
}

function trailBody(ctx: CallContext, req: JsonObject | null): JsonObject {
  const name = rstr(req, 'name') ?? 'trail';
  return {
    name: name.startsWith('arn:') ? name.split('/').pop()! : name,
    s3BucketName: rstr(req, 's3BucketName') ?? `aws-cloudtrail-logs-${ctx.accountId}-${hex(ctx.rng, 8)}`,
    includeGlobalServiceEvents: req?.includeGlobalServiceEvents !== false,
    isMultiRegionTrail: req?.isMultiRegionTrail !== false,
    trailARN: trailArn(ctx, name),
    logFileValidationEnabled: req?.enableLogFileValidation !== false,
    isOrganizationTrail: req?.isOrganizationTrail === true,
  };
}

const ADVANCED_SELECTORS = [{ name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] }];

const defs: OpDef[] = [
  {
    name: 'CreateTrail',
    request: (ctx) => ({ name: pstr(ctx, 'name') ?? ctx.rng.pick(['management-events', 'org-trail', 'security-trail', 'audit']), s3BucketName: `aws-cloudtrail-logs-${ctx.accountId}-${hex(ctx.rng, 8)}`, isMultiRegionTrail: true, includeGlobalServiceEvents: true, enableLogFileValidation: true, isOrganizationTrail: false }),
    response: trailBody,
    deniedResource: trailRes('name'),
    errors: [
      err('TrailAlreadyExistsException', (ctx, r) => `Trail ${rstr(r, 'name')} already exists for customer: ${ctx.accountId}`),
      err('InsufficientS3BucketPolicyException', (_c, r) => `Incorrect S3 bucket policy is detected for bucket: ${rstr(r, 's3BucketName')}`),
      err('MaximumNumberOfTrailsExceededException', (ctx) => `User: ${ctx.accountId} already has 5 trails in ${ctx.region}.`, 0.2),
    ],
  },
  {
    // Sigma 4db60cc0 fires on any UpdateTrail.
    name: 'UpdateTrail',
    // Benign default: turning log-file validation on. A caller that changes other settings
    // (a new bucket, say) sends only those.
    request: (ctx): JsonObject => (Object.keys(ctx.params).some((k) => k !== 'name') ? { name: trailName(ctx) } : { name: trailName(ctx), enableLogFileValidation: true }),
    response: trailBody,
    deniedResource: trailRes('name'),
    errors: [NOT_FOUND('name'), err('S3BucketDoesNotExistException', (_c, r) => `S3 bucket ${rstr(r, 's3BucketName') ?? 'unknown'} does not exist.`, 0.3)],
  },
  { name: 'DeleteTrail', request: (ctx) => ({ name: trailName(ctx) }), deniedResource: trailRes('name'), errors: [NOT_FOUND('name')] },
  { name: 'StartLogging', request: (ctx) => ({ name: trailName(ctx) }), deniedResource: trailRes('name'), errors: [NOT_FOUND('name')] },
  { name: 'StopLogging', request: (ctx) => ({ name: trailName(ctx) }), deniedResource: trailRes('name'), errors: [NOT_FOUND('name')] },
  { name: 'GetTrailStatus', request: (ctx) => ({ name: ctx.rng.bool(0.5) ? trailArn(ctx, trailName(ctx)) : trailName(ctx) }), errors: [NOT_FOUND('name')] },
  { name: 'DescribeTrails', request: (ctx) => ({ trailNameList: [], includeShadowTrails: ctx.rng.bool(0.7) }) },
  { name: 'GetTrail', request: (ctx) => ({ name: trailName(ctx) }), errors: [NOT_FOUND('name')] },
  { name: 'ListTrails', request: () => null },
  {
    // Filtering management events out (Stratus cloudtrail-event-selectors): pass `eventSelectors`.
    name: 'PutEventSelectors',
    request: (ctx) => ({
      trailName: trailName(ctx, 'trailName'),
      eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [{ type: 'AWS::S3::Object', values: [`arn:${ctx.partition}:s3:::${pick(ctx, 'AWS::S3::Bucket').name}/`] }], excludeManagementEventSources: [] }],
    }),
    response: (ctx, req) => {
      const out: JsonObject = {};
      if (req?.eventSelectors !== undefined) out.eventSelectors = req.eventSelectors;
      if (req?.advancedEventSelectors !== undefined) out.advancedEventSelectors = req.advancedEventSelectors;
      out.trailARN = trailArn(ctx, rstr(req, 'trailName') ?? 'trail');
      return out;
    },
    deniedResource: trailRes('trailName'),
    errors: [NOT_FOUND('trailName'), err('InvalidEventSelectorsException', 'Event selectors are invalid: You can specify up to 5 event selectors per trail.', 0.3)],
  },
  { name: 'GetEventSelectors', request: (ctx) => ({ trailName: trailName(ctx, 'trailName') }), errors: [NOT_FOUND('trailName')] },
  {
    name: 'PutInsightSelectors',
    request: (ctx) => ({ trailName: trailName(ctx, 'trailName'), insightSelectors: [{ insightType: 'ApiCallRateInsight' }, { insightType: 'ApiErrorRateInsight' }] }),
    response: (ctx, req) => ({ trailARN: trailArn(ctx, rstr(req, 'trailName') ?? 'trail'), insightSelectors: req?.insightSelectors ?? [] }),
    deniedResource: trailRes('trailName'),
    errors: [NOT_FOUND('trailName'), err('InsufficientEncryptionPolicyException', 'Insufficient KMS key policy for CloudTrail Insights.', 0.2)],
  },
  { name: 'GetInsightSelectors', request: (ctx) => ({ trailName: trailName(ctx, 'trailName') }), errors: [err('InsightNotEnabledException', (ctx, r) => `Trail ${trailArn(ctx, rstr(r, 'trailName') ?? 'trail')} does not have Insights enabled. Enable Insights on the trail, and then try the request again.`, 2)] },
  {
    name: 'LookupEvents',
    request: (ctx) => {
      const r: JsonObject = { maxResults: 50 };
      if (ctx.rng.bool(0.6)) r.lookupAttributes = [{ attributeKey: ctx.rng.pick(['EventName', 'Username', 'EventSource', 'ResourceName']), attributeValue: ctx.rng.pick(['ConsoleLogin', 'AssumeRole', 'iam.amazonaws.com', 'CreateUser']) }];
      r.startTime = sdkDate(ctx.time - 86_400_000);
      r.endTime = sdkDate(ctx.time);
      return r;
    },
    errors: [err('ThrottlingException', 'Rate exceeded', 0.5), err('InvalidLookupAttributesException', 'You cannot perform a lookup using more than one lookup attribute.', 0.2)],
  },
  { name: 'AddTags', request: (ctx) => ({ resourceId: trailArn(ctx, trailName(ctx)), tagsList: [{ key: 'owner', value: 'security' }] }), errors: [err('ResourceNotFoundException', 'The specified resource is not found.')] },
  { name: 'ListTags', request: (ctx) => ({ resourceIdList: [trailArn(ctx, trailName(ctx))] }) },

  // ---- Lake
  {
    name: 'CreateEventDataStore',
    request: (ctx) => ({ name: pstr(ctx, 'name') ?? ctx.rng.pick(['security-lake-eds', 'audit-eds', 'all-events']), retentionPeriod: ctx.rng.pick([90, 366, 2557]), multiRegionEnabled: true, organizationEnabled: false, terminationProtectionEnabled: true, advancedEventSelectors: ADVANCED_SELECTORS }),
    response: (ctx, req) => {
      const t = sdkDate(ctx.time);
      return { eventDataStoreArn: edsArn(ctx), name: rstr(req, 'name') ?? 'eds', status: 'CREATED', advancedEventSelectors: req?.advancedEventSelectors ?? ADVANCED_SELECTORS, multiRegionEnabled: true, organizationEnabled: false, retentionPeriod: (req?.retentionPeriod as number | undefined) ?? 2557, terminationProtectionEnabled: true, createdTimestamp: t, updatedTimestamp: t, billingMode: 'EXTENDABLE_RETENTION_PRICING' };
    },
    errors: [err('EventDataStoreAlreadyExistsException', (_c, r) => `An event data store with the name ${rstr(r, 'name')} already exists.`), err('EventDataStoreMaxLimitExceededException', 'Your account has used the maximum number of event data stores.', 0.2)],
  },
  { name: 'UpdateEventDataStore', request: (ctx) => ({ eventDataStore: edsArn(ctx), retentionPeriod: 366 }), errors: [EDS_NOT_FOUND] },
  { name: 'DeleteEventDataStore', request: (ctx) => ({ eventDataStore: edsArn(ctx) }), errors: [EDS_NOT_FOUND, err('EventDataStoreTerminationProtectedException', 'Event data store termination protection is enabled. Disable it before deleting the event data store.')] },
  { name: 'GetEventDataStore', request: (ctx) => ({ eventDataStore: edsArn(ctx) }), errors: [EDS_NOT_FOUND] },
  { name: 'ListEventDataStores', request: () => null },
  { name: 'StartEventDataStoreIngestion', request: (ctx) => ({ eventDataStore: edsArn(ctx) }), errors: [EDS_NOT_FOUND] },
  { name: 'StopEventDataStoreIngestion', request: (ctx) => ({ eventDataStore: edsArn(ctx) }), errors: [EDS_NOT_FOUND] },
  {
    name: 'StartQuery',
    request: (ctx) => ({ queryStatement: `SELECT eventName, count(*) FROM ${uuid(ctx.rng)} WHERE eventTime > '${new Date(ctx.time - 7 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ')}' GROUP BY eventName` }),
    response: (ctx) => ({ queryId: uuid(ctx.rng) }),
    errors: [err('InvalidQueryStatementException', 'Query statement is invalid.'), err('MaxConcurrentQueriesException', 'You are already running the maximum number of concurrent queries. Wait a minute for some queries to finish, and then run the query again.', 0.2)],
  },
  { name: 'DescribeQuery', request: (ctx) => ({ queryId: pstr(ctx, 'queryId') ?? uuid(ctx.rng) }), errors: [err('QueryIdNotFoundException', 'The query ID does not exist or does not map to a query.')] },
  { name: 'GetQueryResults', request: (ctx) => ({ queryId: pstr(ctx, 'queryId') ?? uuid(ctx.rng), maxQueryResults: 1000 }), errors: [err('QueryIdNotFoundException', 'The query ID does not exist or does not map to a query.')] },
  { name: 'CancelQuery', request: (ctx) => ({ queryId: pstr(ctx, 'queryId') ?? uuid(ctx.rng) }), response: (_ctx, req) => ({ queryId: rstr(req, 'queryId') ?? '', queryStatus: 'CANCELLED' }), errors: [err('InactiveQueryException', 'The specified query cannot be canceled because it is in the FINISHED, FAILED, TIMED_OUT, or CANCELLED state.')] },
  { name: 'ListQueries', request: (ctx) => ({ eventDataStore: edsArn(ctx), startTime: sdkDate(ctx.time - 86_400_000), endTime: sdkDate(ctx.time) }) },
];

export const CLOUDTRAIL_OPERATIONS = defineService({ service: 'cloudtrail', eventSource: 'cloudtrail.amazonaws.com' }, defs);
