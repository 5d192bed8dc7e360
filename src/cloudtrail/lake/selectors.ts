/**
 * Advanced event selectors of an event data store: validation, defaults, and matching.
 *
 * Fields (AdvancedFieldSelector, CloudTrail API reference):
 * - management events: `eventCategory` (required), `eventSource`, `readOnly`, and for event
 *   data stores also `eventName`, `eventType`, `sessionCredentialFromConsole`, `userIdentity.arn`;
 * - data events: `eventCategory` (required), `eventName`, `eventSource`, `eventType`,
 *   `resources.type` (required), `readOnly`, `resources.ARN`, `sessionCredentialFromConsole`,
 *   `userIdentity.arn`;
 * - network activity events: `eventCategory` (required), `eventSource` (required), `eventName`,
 *   `errorCode` (only `VpceAccessDenied`), `vpcEndpointId`;
 * - Insights (and Config, Audit Manager, non-AWS) stores: `eventCategory` only.
 * `Equals` "is the only valid operator that you can use with the readOnly, eventCategory, and
 * resources.type fields". "You can configure up to five advanced event selectors for each event
 * data store" (CreateEventDataStore). An event data store holds one kind of event: CloudTrail
 * events (Management, Data, NetworkActivity) or Insights events, etc.
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-event-data-store.html).
 *
 * Matching (trailsim's reading of the selector docs): an event is selected when it matches any
 * selector; it matches a selector when it satisfies every field selector in it; a field
 * selector holds when the value satisfies at least one positive condition (Equals, StartsWith,
 * EndsWith; vacuously true when there is none) and no negative one (NotEquals, NotStartsWith,
 * NotEndsWith). For `resources.type` and `resources.ARN` a field selector holds when some
 * resource of the event satisfies it. An absent field reads as the empty string, except
 * `sessionCredentialFromConsole`, which reads as `false` when absent.
 */
import type { CloudTrailRecord, EventCategory } from '../../record/types.js';
import { InvalidEventSelectorsException, UnsupportedEventDataStoreKindError } from './errors.js';

// Lake and trails take the same advanced event selectors (CloudTrail API reference).
import type { AdvancedEventSelector, AdvancedFieldSelector } from '../trails/types.js';
export type { AdvancedEventSelector, AdvancedFieldSelector };

/** The kind of events a store holds: CloudTrail events or Insights events. */
export type StoreKind = 'CloudTrail' | 'Insight';

export const MAX_SELECTORS = 5;
export const MAX_SELECTOR_VALUES = 500;

const OPERATORS = ['Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;
type Operator = (typeof OPERATORS)[number];

const CLOUDTRAIL_CATEGORIES = ['Management', 'Data', 'NetworkActivity'] as const;
const UNSUPPORTED_CATEGORIES = ['ConfigurationItem', 'ActivityAuditLog', 'Evidence'];

const FIELDS: Record<string, readonly string[]> = {
  Management: ['eventCategory', 'eventSource', 'readOnly', 'eventName', 'eventType', 'sessionCredentialFromConsole', 'userIdentity.arn'],
  Data: ['eventCategory', 'eventName', 'eventSource', 'eventType', 'resources.type', 'readOnly', 'resources.ARN', 'sessionCredentialFromConsole', 'userIdentity.arn'],
  NetworkActivity: ['eventCategory', 'eventSource', 'eventName', 'errorCode', 'vpcEndpointId'],
  Insight: ['eventCategory'],
};
const REQUIRED: Record<string, readonly string[]> = { Data: ['resources.type'], NetworkActivity: ['eventSource'] };
const EQUALS_ONLY = new Set(['eventCategory', 'readOnly', 'resources.type']);

/** What a store gets when created without selectors: every management event. */
export function defaultSelectors(): AdvancedEventSelector[] {
  return [{ Name: 'Default management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }];
}

function bad(message: string): InvalidEventSelectorsException {
  return new InvalidEventSelectorsException(message);
}

function checkValues(field: string, op: Operator, values: unknown): string[] {
  if (!Array.isArray(values) || values.length === 0) throw bad(`Field selector ${field}: ${op} must be a non-empty list of strings.`);
  for (const v of values) {
    if (typeof v !== 'string' || v.length === 0 || v.length > 2048) throw bad(`Field selector ${field}: every ${op} value must be a string of 1 to 2048 characters; got ${JSON.stringify(v)}.`);
  }
  return values as string[];
}

/** A validated copy of selectors (deep-copied, so later edits of the input cannot change a store). */
export interface ValidatedSelectors {
  kind: StoreKind;
  selectors: AdvancedEventSelector[];
  /** The eventCategory values selected. */
  categories: EventCategory[];
}

/**
 * Validates selectors for an event data store; throws InvalidEventSelectorsException (or
 * UnsupportedEventDataStoreKindError for AWS Config, Audit Manager and non-AWS stores).
 */
export function validateSelectors(input: unknown): ValidatedSelectors {
  if (!Array.isArray(input) || input.length === 0) throw bad('AdvancedEventSelectors must be a non-empty list.');
  if (input.length > MAX_SELECTORS) throw bad(`You can configure up to ${MAX_SELECTORS} advanced event selectors for each event data store; got ${input.length}.`);
  let kind: StoreKind | undefined;
  let totalValues = 0;
  const categories = new Set<EventCategory>();
  const selectors: AdvancedEventSelector[] = [];
  for (const [i, sel] of input.entries()) {
    if (typeof sel !== 'object' || sel === null) throw bad(`Selector ${i + 1} must be an object with FieldSelectors.`);
    const s = sel as Partial<AdvancedEventSelector>;
    if (s.Name !== undefined && (typeof s.Name !== 'string' || s.Name.length > 1000)) throw bad(`Selector ${i + 1}: Name must be a string of at most 1000 characters.`);
    if (!Array.isArray(s.FieldSelectors) || s.FieldSelectors.length === 0) throw bad(`Selector ${i + 1}: FieldSelectors must be a non-empty list.`);
    const fields: AdvancedFieldSelector[] = [];
    for (const fs of s.FieldSelectors) {
      if (typeof fs !== 'object' || fs === null || typeof (fs as AdvancedFieldSelector).Field !== 'string') throw bad(`Selector ${i + 1}: every field selector needs a Field.`);
      const f = fs as AdvancedFieldSelector;
      const copy: AdvancedFieldSelector = { Field: f.Field };
      let ops = 0;
      for (const op of OPERATORS) {
        if (f[op] === undefined) continue;
        copy[op] = [...checkValues(f.Field, op, f[op])];
        totalValues += copy[op]!.length;
        ops++;
      }
      if (ops === 0) throw bad(`Field selector ${f.Field} needs at least one operator (${OPERATORS.join(', ')}).`);
      if (EQUALS_ONLY.has(f.Field) && OPERATORS.some((op) => op !== 'Equals' && copy[op])) throw bad(`Field ${f.Field} supports only the Equals operator.`);
      fields.push(copy);
    }
    const cat = fields.filter((f) => f.Field === 'eventCategory');
    if (cat.length !== 1 || cat[0].Equals?.length !== 1) throw bad(`Selector ${i + 1}: eventCategory is required, once, with Equals and one value.`);
    const category = cat[0].Equals[0];
    if (UNSUPPORTED_CATEGORIES.includes(category)) {
      throw new UnsupportedEventDataStoreKindError(`Event data stores for eventCategory ${category} are not simulated by trailsim (it simulates CloudTrail events and Insights events only).`);
    }
    const allowed = FIELDS[category];
    if (!allowed) throw bad(`Selector ${i + 1}: eventCategory must be one of ${[...CLOUDTRAIL_CATEGORIES, 'Insight'].join(', ')}; got ${category}.`);
    const thisKind: StoreKind = category === 'Insight' ? 'Insight' : 'CloudTrail';
    if (kind && kind !== thisKind) throw bad('An event data store holds either CloudTrail events (Management, Data, NetworkActivity) or Insights events, not both.');
    kind = thisKind;
    categories.add(category as EventCategory);
    for (const f of fields) {
      if (!allowed.includes(f.Field)) throw bad(`Field ${f.Field} is not supported for ${category} events in an event data store; use ${allowed.join(', ')}.`);
      if (f.Field === 'readOnly' && f.Equals!.some((v) => v !== 'true' && v !== 'false')) throw bad('readOnly accepts Equals true or false.');
      if (f.Field === 'sessionCredentialFromConsole') {
        if (f.StartsWith || f.EndsWith || f.NotStartsWith || f.NotEndsWith) throw bad('sessionCredentialFromConsole supports only the Equals and NotEquals operators.');
        if ([...(f.Equals ?? []), ...(f.NotEquals ?? [])].some((v) => v !== 'true' && v !== 'false')) throw bad('sessionCredentialFromConsole accepts true or false.');
      }
      if (f.Field === 'errorCode' && OPERATORS.some((op) => f[op]?.some((v) => v !== 'VpceAccessDenied'))) throw bad('The only valid value for errorCode is VpceAccessDenied.');
    }
    for (const req of REQUIRED[category] ?? []) {
      if (!fields.some((f) => f.Field === req)) throw bad(`Selector ${i + 1}: ${req} is required for ${category} events.`);
    }
    selectors.push({ ...(s.Name !== undefined ? { Name: s.Name } : {}), FieldSelectors: fields });
  }
  if (totalValues > MAX_SELECTOR_VALUES) throw bad(`Selectors may hold at most ${MAX_SELECTOR_VALUES} values in all; got ${totalValues}.`);
  return { kind: kind!, selectors, categories: [...categories] };
}

/** A record's eventCategory, inferred for records older than eventVersion 1.07 that lack it. */
export function categoryOf(r: CloudTrailRecord): EventCategory {
  if (r.eventCategory) return r.eventCategory;
  if (r.eventType === 'AwsCloudTrailInsight') return 'Insight';
  if (r.eventType === 'AwsVpceEvent') return 'NetworkActivity';
  return r.managementEvent === false ? 'Data' : 'Management';
}

function fieldValues(r: CloudTrailRecord, field: string): string[] {
  switch (field) {
    case 'eventCategory':
      return [categoryOf(r)];
    case 'eventSource':
      return [r.eventSource ?? ''];
    case 'eventName':
      return [r.eventName ?? ''];
    case 'eventType':
      return [r.eventType ?? ''];
    case 'readOnly':
      return [r.readOnly === undefined ? '' : String(r.readOnly)];
    case 'errorCode':
      return [r.errorCode ?? ''];
    case 'vpcEndpointId':
      return [r.vpcEndpointId ?? ''];
    case 'userIdentity.arn':
      return [r.userIdentity?.arn ?? ''];
    case 'sessionCredentialFromConsole':
      return [r.sessionCredentialFromConsole ?? 'false'];
    case 'resources.type':
      return (r.resources ?? []).map((x) => x.type ?? '');
    case 'resources.ARN':
      return (r.resources ?? []).map((x) => x.ARN ?? '');
    default:
      return [''];
  }
}

function holds(f: AdvancedFieldSelector, v: string): boolean {
  const hasPositive = f.Equals || f.StartsWith || f.EndsWith;
  if (hasPositive) {
    const pos = (f.Equals?.includes(v) ?? false) || (f.StartsWith?.some((p) => v.startsWith(p)) ?? false) || (f.EndsWith?.some((p) => v.endsWith(p)) ?? false);
    if (!pos) return false;
  }
  if (f.NotEquals?.includes(v)) return false;
  if (f.NotStartsWith?.some((p) => v.startsWith(p))) return false;
  if (f.NotEndsWith?.some((p) => v.endsWith(p))) return false;
  return true;
}

/** Compiles validated selectors into a predicate over records. */
export function compileSelectors(selectors: readonly AdvancedEventSelector[]): (r: CloudTrailRecord) => boolean {
  const compiled = selectors.map((s) => s.FieldSelectors.map((f) => ({ f, multi: f.Field.startsWith('resources.') })));
  return (r) => compiled.some((fields) => fields.every(({ f, multi }) => {
    const values = fieldValues(r, f.Field);
    return multi ? values.some((v) => holds(f, v)) : holds(f, values[0]);
  }));
}

/** Deep copy for API output. */
export function copySelectors(selectors: readonly AdvancedEventSelector[]): AdvancedEventSelector[] {
  return selectors.map((s) => ({ ...(s.Name !== undefined ? { Name: s.Name } : {}), FieldSelectors: s.FieldSelectors.map((f) => {
    const c: AdvancedFieldSelector = { Field: f.Field };
    for (const op of OPERATORS) if (f[op]) c[op] = [...f[op]!];
    return c;
  }) }));
}
