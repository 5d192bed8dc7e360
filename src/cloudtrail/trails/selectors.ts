/**
 * Event selectors: which records a trail logs, given its scope already took them in.
 * `selects(selectors, record)` is the pure decision; `compileSelectors` turns selectors
 * into a fast predicate (trails evaluate it once per record).
 *
 * Semantics (CloudTrail API Reference: EventSelector, DataResource, AdvancedEventSelector,
 * AdvancedFieldSelector; User Guide "Filtering data events by using advanced event
 * selectors"; cloudtrail-reference.md §5, §8):
 *
 * - A trail logs an event when it matches **any** of its selectors (PutEventSelectors:
 *   "if the event matches any event selector, the trail processes and logs the event").
 * - A new trail logs all read and write management events and no data events (PutEventSelectors
 *   docs: "By default, trails created without specific event selectors are configured to
 *   log all read and write management events, and no data events").
 * - **Basic selector**, management events: `IncludeManagementEvents` (default true),
 *   `ReadWriteType` (default All: `ReadOnly` takes `readOnly: true` records, `WriteOnly`
 *   the others, a record without `readOnly` counting as a write), and
 *   `ExcludeManagementEventSources`.
 * - **Basic selector**, data events: a `DataResources` entry whose `Type` is the record's
 *   data resource type and one of whose `Values` matches: `arn:<partition>:s3` /
 *   `arn:<partition>:lambda` / `arn:<partition>:dynamodb` take every resource of the type;
 *   S3 values are ARN prefixes (`arn:aws:s3:::bucket/` = the whole bucket); Lambda and
 *   DynamoDB values are exact ARNs ("Lambda function ARNs are exact"). An empty `Values`
 *   takes nothing. `ReadWriteType` applies to data events too (GetEventSelectors docs).
 * - **Advanced selector**: every field selector must hold. Within one field selector, the
 *   positive operators (Equals, StartsWith, EndsWith) must match at least one value and
 *   the negative ones (NotEquals, NotStartsWith, NotEndsWith) none ("include events that
 *   match" / "exclude events that match"). A field absent from the record matches no
 *   positive operator and passes every negative one.
 * - `resources.type` is the record's data resource type (for data events; see
 *   `dataResourceTypeOf`), otherwise its `resources[].type`. `resources.ARN` is tested
 *   against the ARNs of resources of that type ("the value must ... match the ARN of a
 *   valid resource of the type you've specified ... as the value of resources.type"); a
 *   bucket-level S3 data event (ListObjects) is tested as `<bucket ARN>/`, so
 *   `StartsWith arn:aws:s3:::bucket/` takes the whole bucket, as the docs use it.
 * - Insights events are never taken by event selectors: they go to `CloudTrail-Insight/`
 *   when the trail has Insights selectors. Network activity events are taken only by
 *   advanced selectors.
 */
import type { CloudTrailRecord } from '../../record/types.js';
import { partitionOf } from '../../core/ids.js';
import { categoryOf } from './scope.js';
import type { AdvancedEventSelector, AdvancedFieldSelector, EventSelector, TrailSelectors } from './types.js';

/** The selectors of a trail that was never given any. */
export const DEFAULT_EVENT_SELECTORS: readonly EventSelector[] = Object.freeze([
  Object.freeze({ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }) as EventSelector,
]);

/** The data resource types basic selectors take. */
export const BASIC_DATA_RESOURCE_TYPES = ['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table'] as const;

const DYNAMODB_STREAM_OPS = new Set(['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams']);

const DATA_TYPE_BY_SOURCE: Record<string, string> = {
  's3.amazonaws.com': 'AWS::S3::Object',
  'lambda.amazonaws.com': 'AWS::Lambda::Function',
  'dynamodb.amazonaws.com': 'AWS::DynamoDB::Table',
  's3-outposts.amazonaws.com': 'AWS::S3Outposts::Object',
  's3-object-lambda.amazonaws.com': 'AWS::S3ObjectLambda::AccessPoint',
  'ebs.amazonaws.com': 'AWS::EC2::Snapshot',
  'sns.amazonaws.com': 'AWS::SNS::Topic',
  'sqs.amazonaws.com': 'AWS::SQS::Queue',
  'glue.amazonaws.com': 'AWS::Glue::Table',
  'bedrock.amazonaws.com': 'AWS::Bedrock::AgentAlias',
  'cloudtrail-data.amazonaws.com': 'AWS::CloudTrail::Channel',
  'managedblockchain.amazonaws.com': 'AWS::ManagedBlockchain::Node',
  'ssmmessages.amazonaws.com': 'AWS::SSMMessages::ControlChannel',
  'kinesis.amazonaws.com': 'AWS::Kinesis::Stream',
  'states.amazonaws.com': 'AWS::StepFunctions::StateMachine',
  'secretsmanager.amazonaws.com': 'AWS::SecretsManager::Secret',
};

/**
 * The resource type a data event is logged under (the `resources.type` a selector names):
 * S3 object and bucket-level operations are `AWS::S3::Object`, Lambda Invoke
 * `AWS::Lambda::Function`, DynamoDB item operations `AWS::DynamoDB::Table` and stream
 * reads `AWS::DynamoDB::Stream`; other services by their event source, else the record's
 * first resource type. Undefined for non-data events.
 */
export function dataResourceTypeOf(r: CloudTrailRecord): string | undefined {
  if (categoryOf(r) !== 'Data') return undefined;
  const src = r.eventSource ?? '';
  if (src === 'dynamodb.amazonaws.com' && r.eventName && DYNAMODB_STREAM_OPS.has(r.eventName)) return 'AWS::DynamoDB::Stream';
  if (src === 's3.amazonaws.com' && r.resources?.some((x) => x.type === 'AWS::S3::AccessPoint') && !r.resources.some((x) => x.type === 'AWS::S3::Object')) return 'AWS::S3::AccessPoint';
  return DATA_TYPE_BY_SOURCE[src] ?? r.resources?.find((x) => x.type)?.type;
}

/** ARNs `resources.ARN` / DataResources values are tested against, for resource type `type`. */
export function resourceArnsOf(r: CloudTrailRecord, type: string | undefined): string[] {
  const res = r.resources ?? [];
  const out: string[] = [];
  for (const x of res) {
    if (type !== undefined && x.type !== type) continue;
    // Bucket-level S3 data events (ListObjects) name the objects by `ARNPrefix`
    // (`arn:aws:s3:::bucket/`), as real records do.
    const arn = x.ARN ?? (x as { ARNPrefix?: string }).ARNPrefix;
    if (arn !== undefined) out.push(arn);
  }
  if (out.length === 0 && type === 'AWS::S3::Object') {
    // Bucket-level S3 data events (ListObjects, ...) carry only the bucket.
    for (const x of res) if (x.type === 'AWS::S3::Bucket' && x.ARN !== undefined) out.push(x.ARN + '/');
  }
  return out;
}

function isReadOnlyRecord(r: CloudTrailRecord): boolean {
  return r.readOnly === true;
}

function readWriteMatches(rw: EventSelector['ReadWriteType'], r: CloudTrailRecord): boolean {
  if (rw === undefined || rw === 'All') return true;
  return rw === 'ReadOnly' ? isReadOnlyRecord(r) : !isReadOnlyRecord(r);
}

function allValueFor(type: string, partition: string): string | undefined {
  switch (type) {
    case 'AWS::S3::Object': return `arn:${partition}:s3`;
    case 'AWS::Lambda::Function': return `arn:${partition}:lambda`;
    case 'AWS::DynamoDB::Table': return `arn:${partition}:dynamodb`;
    default: return undefined;
  }
}

function basicSelects(sel: EventSelector, r: CloudTrailRecord): boolean {
  const cat = categoryOf(r);
  if (cat === 'Management') {
    if (sel.IncludeManagementEvents === false) return false;
    if (!readWriteMatches(sel.ReadWriteType, r)) return false;
    if (r.eventSource !== undefined && sel.ExcludeManagementEventSources?.includes(r.eventSource)) return false;
    return true;
  }
  if (cat !== 'Data') return false;
  if (!readWriteMatches(sel.ReadWriteType, r)) return false;
  const type = dataResourceTypeOf(r);
  if (type === undefined) return false;
  for (const dr of sel.DataResources ?? []) {
    if (dr.Type !== type) continue;
    const values = dr.Values ?? [];
    if (values.length === 0) continue;
    const all = allValueFor(type, partitionOf(r.awsRegion));
    if (all !== undefined && values.includes(all)) return true;
    const arns = resourceArnsOf(r, type);
    const prefix = type === 'AWS::S3::Object';
    for (const v of values) {
      for (const a of arns) if (prefix ? a.startsWith(v) : a === v) return true;
    }
  }
  return false;
}

type Op = 'Equals' | 'StartsWith' | 'EndsWith' | 'NotEquals' | 'NotStartsWith' | 'NotEndsWith';
const POSITIVE: readonly Op[] = ['Equals', 'StartsWith', 'EndsWith'];
const NEGATIVE: readonly Op[] = ['NotEquals', 'NotStartsWith', 'NotEndsWith'];

function opMatches(op: Op, values: readonly string[], v: string): boolean {
  switch (op) {
    case 'Equals':
    case 'NotEquals':
      return values.includes(v);
    case 'StartsWith':
    case 'NotStartsWith':
      return values.some((x) => v.startsWith(x));
    case 'EndsWith':
    case 'NotEndsWith':
      return values.some((x) => v.endsWith(x));
  }
}

/** The values of `field` in a record, as advanced selectors see them. */
export function fieldValues(r: CloudTrailRecord, field: string, selectedType?: string): string[] {
  const one = (v: string | undefined): string[] => (v === undefined ? [] : [v]);
  switch (field) {
    case 'eventCategory': return [categoryOf(r)];
    case 'eventSource': return one(r.eventSource);
    case 'eventName': return one(r.eventName);
    case 'eventType': return one(r.eventType);
    case 'readOnly': return r.readOnly === undefined ? [] : [String(r.readOnly)];
    case 'errorCode': return one(r.errorCode);
    case 'vpcEndpointId': return one(r.vpcEndpointId);
    case 'sessionCredentialFromConsole': return one(r.sessionCredentialFromConsole);
    case 'userIdentity.arn': return one(r.userIdentity?.arn);
    case 'resources.type': {
      const t = dataResourceTypeOf(r);
      if (t !== undefined) return [t];
      const types: string[] = [];
      for (const x of r.resources ?? []) if (x.type !== undefined && !types.includes(x.type)) types.push(x.type);
      return types;
    }
    case 'resources.ARN': return resourceArnsOf(r, selectedType ?? dataResourceTypeOf(r));
    default: return [];
  }
}

function fieldSelects(fs: AdvancedFieldSelector, r: CloudTrailRecord, selectedType: string | undefined): boolean {
  const values = fieldValues(r, fs.Field, selectedType);
  let hasPositive = false;
  let positive = false;
  for (const op of POSITIVE) {
    const list = fs[op];
    if (!list) continue;
    hasPositive = true;
    if (!positive) positive = values.some((v) => opMatches(op, list, v));
  }
  if (hasPositive && !positive) return false;
  for (const op of NEGATIVE) {
    const list = fs[op];
    if (list && values.some((v) => opMatches(op, list, v))) return false;
  }
  return true;
}

/** The single `resources.type Equals` value of an advanced selector, if it names one. */
function selectedResourceType(sel: AdvancedEventSelector): string | undefined {
  for (const fs of sel.FieldSelectors) if (fs.Field === 'resources.type' && fs.Equals && fs.Equals.length === 1) return fs.Equals[0];
  return undefined;
}

function advancedSelects(sel: AdvancedEventSelector, r: CloudTrailRecord): boolean {
  const type = selectedResourceType(sel);
  for (const fs of sel.FieldSelectors) if (!fieldSelects(fs, r, type)) return false;
  return sel.FieldSelectors.length > 0;
}

/**
 * Whether a trail with these selectors logs `record` (scope aside: account, Region and
 * global-service filtering are `scope.ts`'s). Absent or empty selectors mean the default
 * (all management events); advanced selectors win when present, as they replace basic ones.
 */
export function selects(selectors: TrailSelectors | undefined, record: CloudTrailRecord): boolean {
  const cat = categoryOf(record);
  if (cat === 'Insight') return false;
  const adv = selectors?.AdvancedEventSelectors;
  if (adv !== undefined && adv.length > 0) {
    for (const s of adv) if (advancedSelects(s, record)) return true;
    return false;
  }
  if (cat === 'NetworkActivity') return false;
  const basic = selectors?.EventSelectors && selectors.EventSelectors.length > 0 ? selectors.EventSelectors : DEFAULT_EVENT_SELECTORS;
  for (const s of basic) if (basicSelects(s, record)) return true;
  return false;
}

/** A compiled selector predicate. */
export type SelectorPredicate = (record: CloudTrailRecord) => boolean;

/**
 * Precompiles selectors into a predicate equivalent to `selects(selectors, r)`; the
 * common cases (default selectors, management-only basic selectors) skip the generic walk.
 */
export function compileSelectors(selectors: TrailSelectors | undefined): SelectorPredicate {
  const adv = selectors?.AdvancedEventSelectors;
  if (adv !== undefined && adv.length > 0) {
    const preds = adv.map(compileAdvanced);
    return (r) => {
      if (categoryOf(r) === 'Insight') return false;
      for (const p of preds) if (p(r)) return true;
      return false;
    };
  }
  const basic = selectors?.EventSelectors && selectors.EventSelectors.length > 0 ? selectors.EventSelectors : DEFAULT_EVENT_SELECTORS;
  const managementOnly = basic.every((s) => (s.DataResources ?? []).every((d) => (d.Values ?? []).length === 0));
  if (managementOnly) {
    const takesAll = basic.some((s) => s.IncludeManagementEvents !== false && (s.ReadWriteType ?? 'All') === 'All' && (s.ExcludeManagementEventSources ?? []).length === 0);
    if (takesAll) return (r) => categoryOf(r) === 'Management';
  }
  return (r) => selects(selectors, r);
}

const SINGLE_FIELDS: Record<string, (r: CloudTrailRecord) => string | undefined> = {
  eventCategory: (r) => categoryOf(r),
  eventSource: (r) => r.eventSource,
  eventName: (r) => r.eventName,
  eventType: (r) => r.eventType,
  readOnly: (r) => (r.readOnly === undefined ? undefined : String(r.readOnly)),
  errorCode: (r) => r.errorCode,
  vpcEndpointId: (r) => r.vpcEndpointId,
  sessionCredentialFromConsole: (r) => r.sessionCredentialFromConsole,
  'userIdentity.arn': (r) => r.userIdentity?.arn,
};

/** One advanced selector as a predicate; single-valued fields are matched without allocating. */
function compileAdvanced(sel: AdvancedEventSelector): SelectorPredicate {
  if (sel.FieldSelectors.length === 0) return () => false;
  const type = selectedResourceType(sel);
  const fields = sel.FieldSelectors.map((fs): SelectorPredicate => {
    const get = SINGLE_FIELDS[fs.Field];
    if (!get) return (r) => fieldSelects(fs, r, type);
    const eq = fs.Equals ? new Set(fs.Equals) : undefined;
    const sw = fs.StartsWith;
    const ew = fs.EndsWith;
    const neq = fs.NotEquals ? new Set(fs.NotEquals) : undefined;
    const nsw = fs.NotStartsWith;
    const new_ = fs.NotEndsWith;
    const hasPositive = eq !== undefined || sw !== undefined || ew !== undefined;
    return (r) => {
      const v = get(r);
      if (v === undefined) return !hasPositive;
      if (hasPositive && !(eq?.has(v) || sw?.some((x) => v.startsWith(x)) || ew?.some((x) => v.endsWith(x)))) return false;
      if (neq?.has(v) || nsw?.some((x) => v.startsWith(x)) || new_?.some((x) => v.endsWith(x))) return false;
      return true;
    };
  });
  return (r) => {
    for (const f of fields) if (!f(r)) return false;
    return true;
  };
}

/** Whether a trail with these selectors logs any management events (Insights need it). */
export function logsManagementEvents(selectors: TrailSelectors | undefined, mode: 'read' | 'write' | 'any' = 'any'): boolean {
  const adv = selectors?.AdvancedEventSelectors;
  if (adv !== undefined && adv.length > 0) {
    return adv.some((s) => {
      const cat = s.FieldSelectors.find((f) => f.Field === 'eventCategory');
      if (!cat?.Equals?.includes('Management')) return false;
      if (mode === 'any') return true;
      const ro = s.FieldSelectors.find((f) => f.Field === 'readOnly');
      if (!ro?.Equals) return true;
      return ro.Equals.includes(mode === 'read' ? 'true' : 'false');
    });
  }
  const basic = selectors?.EventSelectors && selectors.EventSelectors.length > 0 ? selectors.EventSelectors : DEFAULT_EVENT_SELECTORS;
  return basic.some((s) => {
    if (s.IncludeManagementEvents === false) return false;
    const rw = s.ReadWriteType ?? 'All';
    return mode === 'any' || rw === 'All' || (mode === 'read' ? rw === 'ReadOnly' : rw === 'WriteOnly');
  });
}

/** Whether selectors log any data events. */
export function logsDataEvents(selectors: TrailSelectors | undefined): boolean {
  const adv = selectors?.AdvancedEventSelectors;
  if (adv !== undefined && adv.length > 0) return adv.some((s) => s.FieldSelectors.some((f) => f.Field === 'eventCategory' && f.Equals?.includes('Data')));
  return (selectors?.EventSelectors ?? []).some((s) => (s.DataResources ?? []).some((d) => (d.Values ?? []).length > 0));
}
