/**
 * Validation of PutEventSelectors and PutInsightSelectors input, with AWS's limits:
 *
 * - 1 to 5 basic event selectors per trail; at most 250 data resources (Values) across all
 *   of them, values that take every resource of a type (`arn:aws:s3`) not counted
 *   (InvalidEventSelectorsException docs; cloudtrail-reference.md §5);
 * - at most 500 values across all conditions of all advanced selectors (same docs);
 * - basic `DataResources.Type` is one of `AWS::S3::Object`, `AWS::Lambda::Function`,
 *   `AWS::DynamoDB::Table`; S3 values are `arn:aws:s3` or `arn:aws:s3:::bucket/[prefix]`
 *   ("Value arn:aws:s3:::* for DataResources.Values is invalid." is AWS's answer to a
 *   wildcard); Lambda and DynamoDB values are `arn:aws:lambda` / `arn:aws:dynamodb` or a
 *   function / table ARN (DataResource docs);
 * - `ExcludeManagementEventSources` holds only `kms.amazonaws.com`, `rdsdata.amazonaws.com`;
 * - advanced: `eventCategory` is required and uses `Equals`; `readOnly`, `eventCategory`
 *   and `resources.type` take only `Equals` ("This is the only valid operator that you can
 *   use with the readOnly, eventCategory, and resources.type fields"); one resource type
 *   per selector; the fields a trail accepts per category are AdvancedFieldSelector's:
 *   management `eventCategory`, `eventSource`, `readOnly`; data adds `eventName`,
 *   `eventType`, `resources.type` (required), `resources.ARN`,
 *   `sessionCredentialFromConsole`, `userIdentity.arn`; network activity `eventSource`
 *   (required), `eventName`, `errorCode`, `vpcEndpointId`, `userIdentity.arn`. For
 *   management events `eventSource` can only be `NotEquals` kms / rdsdata. Operator
 *   values are 1 to 2048 characters; wildcards are not supported.
 *
 * Messages use the observed pattern "Value X for Field is invalid." where a single value
 * is at fault; the rest are trailsim's wording (see errors.ts MESSAGES).
 */
import { isValidBucketName } from '../../s3/object-store.js';
import { InvalidEventSelectorsException, InvalidInsightSelectorsException, InvalidParameterCombinationException, MESSAGES } from './errors.js';
import { BASIC_DATA_RESOURCE_TYPES, logsDataEvents, logsManagementEvents } from './selectors.js';
import type { AdvancedEventSelector, AdvancedFieldSelector, EventSelector, InsightSelector, TrailSelectors } from './types.js';

export const MAX_EVENT_SELECTORS = 5;
export const MAX_DATA_RESOURCES = 250;
export const MAX_ADVANCED_VALUES = 500;
const MAX_VALUE_LENGTH = 2048;

const READ_WRITE_TYPES = new Set(['ReadOnly', 'WriteOnly', 'All']);
const EXCLUDABLE_SOURCES = new Set(['kms.amazonaws.com', 'rdsdata.amazonaws.com']);
const OPERATORS = ['Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;

const FIELDS_BY_CATEGORY: Record<string, ReadonlySet<string>> = {
  Management: new Set(['eventCategory', 'eventSource', 'readOnly']),
  Data: new Set(['eventCategory', 'resources.type', 'eventName', 'eventSource', 'eventType', 'readOnly', 'resources.ARN', 'sessionCredentialFromConsole', 'userIdentity.arn']),
  NetworkActivity: new Set(['eventCategory', 'eventSource', 'eventName', 'errorCode', 'vpcEndpointId', 'userIdentity.arn']),
};
const EQUALS_ONLY = new Set(['readOnly', 'eventCategory', 'resources.type']);

function invalid(message: string): InvalidEventSelectorsException {
  return new InvalidEventSelectorsException(message);
}

function badValue(value: string, field: string): InvalidEventSelectorsException {
  return invalid(MESSAGES.invalidDataResourceValue.text(value, field));
}

/** Whether `value` is a valid basic DataResources value for `type` in `partition`. */
export function isValidDataResourceValue(type: string, value: string, partition = 'aws'): boolean {
  if (value.includes('*')) return false;
  switch (type) {
    case 'AWS::S3::Object': {
      if (value === `arn:${partition}:s3`) return true;
      const pre = `arn:${partition}:s3:::`;
      if (!value.startsWith(pre)) return false;
      const rest = value.slice(pre.length);
      const slash = rest.indexOf('/');
      return slash > 0 && isValidBucketName(rest.slice(0, slash));
    }
    case 'AWS::Lambda::Function':
      return value === `arn:${partition}:lambda` || new RegExp(`^arn:${partition}:lambda:[a-z]{2}(-gov)?-[a-z]+-\\d:\\d{12}:function:[A-Za-z0-9_-]{1,140}(:[A-Za-z0-9$_-]+)?$`).test(value);
    case 'AWS::DynamoDB::Table':
      return value === `arn:${partition}:dynamodb` || new RegExp(`^arn:${partition}:dynamodb:[a-z]{2}(-gov)?-[a-z]+-\\d:\\d{12}:table/[A-Za-z0-9_.-]{3,255}$`).test(value);
    default:
      return false;
  }
}

function isAllValue(type: string, value: string, partition: string): boolean {
  return (
    (type === 'AWS::S3::Object' && value === `arn:${partition}:s3`) ||
    (type === 'AWS::Lambda::Function' && value === `arn:${partition}:lambda`) ||
    (type === 'AWS::DynamoDB::Table' && value === `arn:${partition}:dynamodb`)
  );
}

function validateBasic(selectors: readonly EventSelector[], partition: string): void {
  if (selectors.length < 1 || selectors.length > MAX_EVENT_SELECTORS) {
    throw invalid(`Specify a valid number of event selectors (1 to ${MAX_EVENT_SELECTORS}) for a trail; got ${selectors.length}.`);
  }
  let dataResources = 0;
  for (const s of selectors) {
    if (s.ReadWriteType !== undefined && !READ_WRITE_TYPES.has(s.ReadWriteType)) throw badValue(String(s.ReadWriteType), 'ReadWriteType');
    for (const src of s.ExcludeManagementEventSources ?? []) if (!EXCLUDABLE_SOURCES.has(src)) throw badValue(src, 'ExcludeManagementEventSources');
    for (const dr of s.DataResources ?? []) {
      const type = dr.Type ?? '';
      if (!(BASIC_DATA_RESOURCE_TYPES as readonly string[]).includes(type)) throw badValue(type, 'DataResources.Type');
      const values = dr.Values ?? [];
      let specific = 0;
      for (const v of values) {
        if (!isValidDataResourceValue(type, v, partition)) throw badValue(v, 'DataResources.Values');
        if (!isAllValue(type, v, partition)) specific++;
      }
      if (specific > MAX_DATA_RESOURCES) throw invalid(`Specify a valid number of data resources (1 to ${MAX_DATA_RESOURCES}) for an event selector; got ${specific}.`);
      dataResources += specific;
    }
  }
  if (dataResources > MAX_DATA_RESOURCES) throw invalid(`A trail is limited to ${MAX_DATA_RESOURCES} data resources across all event selectors; got ${dataResources}.`);
}

function operatorsOf(fs: AdvancedFieldSelector): [(typeof OPERATORS)[number], string[]][] {
  const out: [(typeof OPERATORS)[number], string[]][] = [];
  for (const op of OPERATORS) {
    const v = fs[op];
    if (v !== undefined) out.push([op, v]);
  }
  return out;
}

function validateAdvancedSelector(sel: AdvancedEventSelector, index: number): number {
  const where = sel.Name ? `advanced event selector "${sel.Name}"` : `advanced event selector ${index + 1}`;
  if (!Array.isArray(sel.FieldSelectors) || sel.FieldSelectors.length === 0) throw invalid(`The ${where} has no field selectors; specify at least the eventCategory field.`);
  const seen = new Set<string>();
  let values = 0;
  for (const fs of sel.FieldSelectors) {
    if (seen.has(fs.Field)) throw invalid(`The ${where} uses the field ${fs.Field} more than once.`);
    seen.add(fs.Field);
    const ops = operatorsOf(fs);
    if (ops.length === 0) throw invalid(`The field selector ${fs.Field} of the ${where} has no operator.`);
    for (const [op, list] of ops) {
      if (list.length === 0) throw invalid(`The operator ${op} of field ${fs.Field} in the ${where} has no values.`);
      if (EQUALS_ONLY.has(fs.Field) && op !== 'Equals') throw invalid(`The field ${fs.Field} can only use the Equals operator.`);
      for (const v of list) {
        if (v.length < 1 || v.length > MAX_VALUE_LENGTH) throw badValue(v, fs.Field);
        if (v.includes('*')) throw badValue(v, fs.Field);
      }
      values += list.length;
    }
  }
  const cat = sel.FieldSelectors.find((f) => f.Field === 'eventCategory');
  if (!cat) throw invalid(`The ${where} must include the eventCategory field.`);
  const category = cat.Equals?.length === 1 ? cat.Equals[0] : undefined;
  if (category === undefined || !(category in FIELDS_BY_CATEGORY)) throw badValue((cat.Equals ?? []).join(','), 'eventCategory');
  const allowed = FIELDS_BY_CATEGORY[category];
  for (const fs of sel.FieldSelectors) if (!allowed.has(fs.Field)) throw invalid(`The field ${fs.Field} is not supported for ${category} events on a trail.`);
  const ro = sel.FieldSelectors.find((f) => f.Field === 'readOnly');
  if (ro) for (const v of ro.Equals ?? []) if (v !== 'true' && v !== 'false') throw badValue(v, 'readOnly');
  const rt = sel.FieldSelectors.find((f) => f.Field === 'resources.type');
  if (category === 'Data') {
    if (!rt) throw invalid(`The ${where} logs data events and must include the resources.type field.`);
    if (rt.Equals?.length !== 1) throw invalid('You can have only one resources.type field per selector; specify exactly one value.');
    if (!/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(rt.Equals[0])) throw badValue(rt.Equals[0], 'resources.type');
  }
  const src = sel.FieldSelectors.find((f) => f.Field === 'eventSource');
  if (category === 'Management' && src) {
    for (const [op, list] of operatorsOf(src)) {
      if (op !== 'NotEquals') throw invalid('For management events, eventSource can only use the NotEquals operator.');
      for (const v of list) if (!EXCLUDABLE_SOURCES.has(v)) throw badValue(v, 'eventSource');
    }
  }
  if (category === 'NetworkActivity' && !src?.Equals) throw invalid(`The ${where} logs network activity events and must include eventSource with the Equals operator.`);
  // Network activity selectors accept errorCode with one value only: VpceAccessDenied
  // (AdvancedFieldSelector API reference, "errorCode").
  const ec = sel.FieldSelectors.find((f) => f.Field === 'errorCode');
  if (category === 'NetworkActivity' && ec) for (const [, list] of operatorsOf(ec)) for (const v of list) if (v !== 'VpceAccessDenied') throw badValue(v, 'errorCode');
  return values;
}

function validateAdvanced(selectors: readonly AdvancedEventSelector[]): void {
  if (selectors.length === 0) throw invalid('Specify at least one advanced event selector.');
  let total = 0;
  selectors.forEach((s, i) => (total += validateAdvancedSelector(s, i)));
  if (total > MAX_ADVANCED_VALUES) throw invalid(`A trail can have up to ${MAX_ADVANCED_VALUES} values for all conditions in all advanced event selectors; got ${total}.`);
}

/**
 * Validates PutEventSelectors input; returns the selectors as the trail will store them
 * (basic selectors with their defaults filled in, as GetEventSelectors returns them).
 */
export function validateEventSelectors(input: TrailSelectors, partition = 'aws'): TrailSelectors {
  const basic = input.EventSelectors;
  const adv = input.AdvancedEventSelectors;
  if (basic !== undefined && adv !== undefined) throw new InvalidParameterCombinationException(MESSAGES.bothSelectorKinds.text());
  if (basic === undefined && adv === undefined) throw new InvalidParameterCombinationException(MESSAGES.noSelectors.text());
  if (basic !== undefined) {
    validateBasic(basic, partition);
    return {
      EventSelectors: basic.map((s) => ({
        ReadWriteType: s.ReadWriteType ?? 'All',
        IncludeManagementEvents: s.IncludeManagementEvents ?? true,
        DataResources: (s.DataResources ?? []).map((d) => ({ Type: d.Type, Values: [...(d.Values ?? [])] })),
        ExcludeManagementEventSources: [...(s.ExcludeManagementEventSources ?? [])],
      })),
    };
  }
  validateAdvanced(adv!);
  return {
    AdvancedEventSelectors: adv!.map((s) => ({
      ...(s.Name !== undefined ? { Name: s.Name } : {}),
      FieldSelectors: s.FieldSelectors.map((f) => {
        const out: AdvancedFieldSelector = { Field: f.Field };
        for (const [op, list] of operatorsOf(f)) out[op] = [...list];
        return out;
      }),
    })),
  };
}

const INSIGHT_TYPES = new Set(['ApiCallRateInsight', 'ApiErrorRateInsight']);

/**
 * Validates PutInsightSelectors input against the trail's event selectors: "To log
 * CloudTrail Insights on the API call rate, the trail ... must log write management
 * events. To log CloudTrail Insights on the API error rate, the trail ... must log read or
 * write management events. For Data events Insights ... the trail must log read or write
 * data events" (PutInsightSelectors docs). An empty list turns Insights off.
 */
export function validateInsightSelectors(insight: readonly InsightSelector[], trailSelectors: TrailSelectors | undefined): InsightSelector[] {
  const seen = new Set<string>();
  const out: InsightSelector[] = [];
  for (const s of insight) {
    const t = s.InsightType;
    if (t === undefined || !INSIGHT_TYPES.has(t)) throw new InvalidInsightSelectorsException(`Value ${String(t)} for InsightType is invalid; valid values are ApiCallRateInsight and ApiErrorRateInsight.`);
    if (seen.has(t)) throw new InvalidInsightSelectorsException(`The Insights type ${t} is specified more than once.`);
    seen.add(t);
    const cats = s.EventCategories ?? ['Management'];
    for (const c of cats) if (c !== 'Management' && c !== 'Data') throw new InvalidInsightSelectorsException(`Value ${String(c)} for EventCategories is invalid; valid values are Management and Data.`);
    if (cats.includes('Management')) {
      const ok = t === 'ApiCallRateInsight' ? logsManagementEvents(trailSelectors, 'write') : logsManagementEvents(trailSelectors, 'any');
      if (!ok) throw new InvalidInsightSelectorsException(t === 'ApiCallRateInsight' ? 'To log ApiCallRateInsight events, the trail must log write management events.' : 'To log ApiErrorRateInsight events, the trail must log read or write management events.');
    }
    if (cats.includes('Data') && !logsDataEvents(trailSelectors)) throw new InvalidInsightSelectorsException(`To log ${t} events on data events, the trail must log read or write data events.`);
    out.push(s.EventCategories ? { InsightType: t, EventCategories: [...s.EventCategories] } : { InsightType: t });
  }
  return out;
}
