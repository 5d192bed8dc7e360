/**
 * validateRecord: checks one CloudTrail record against cloudtrail-reference.md. The order
 * is: version, keys, the always-present fields, category flags, version gates, then the
 * rules of the record's kind (Insights vs. caller records, with console sign-in and
 * network activity specifics), optional fields, eventContext and size.
 */
import { RECORD_KEY_ORDER } from '../record/types.js';
import { checkConsoleSignIn, checkNetworkActivity } from './check-event-types.js';
import { checkOptionalFields } from './check-fields.js';
import { checkUserIdentity } from './check-identity.js';
import { checkInsightRecord } from './check-insight.js';
import { since, type RecordContext } from './context.js';
import { Findings } from './findings.js';
import { ACCOUNT_ID, EVENT_SOURCE, REGION_SHAPE, UUID, isEventTime, isSourceIp, knownPartitionOf, show } from './formats.js';
import { child, has, isObject, jsonSize, own, str } from './json.js';
import type { ValidateOptions, Violation } from './types.js';
import { FIELD_SINCE, NEWEST_MINOR, minorVersion, versionString } from './versions.js';

export const EVENT_TYPES: ReadonlySet<string> = new Set([
  'AwsApiCall', 'AwsServiceEvent', 'AwsConsoleAction', 'AwsConsoleSignIn', 'AwsCloudTrailInsight', 'AwsVpceEvent',
]);
export const EVENT_CATEGORIES: ReadonlySet<string> = new Set(['Management', 'Data', 'Insight', 'NetworkActivity']);

const KNOWN_FIELDS: ReadonlySet<string> = new Set(RECORD_KEY_ORDER);
const KEY_POSITION: ReadonlyMap<string, number> = new Map(RECORD_KEY_ORDER.map((k, i) => [k, i]));
const isKnownField = (k: string): boolean => KNOWN_FIELDS.has(k);

/** Event types that carry managementEvent from 1.06 (ref §1). */
const MANAGEMENT_FLAG_TYPES: ReadonlySet<string> = new Set(['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleAction', 'AwsConsoleSignIn']);

/** eventCategory values each eventType can have (ref §1 eventType, §8: console and sign-in events are management events). */
const CATEGORIES_OF: ReadonlyMap<string, readonly string[]> = new Map([
  ['AwsApiCall', ['Management', 'Data']],
  ['AwsServiceEvent', ['Management', 'Data']],
  ['AwsConsoleAction', ['Management']],
  ['AwsConsoleSignIn', ['Management']],
  ['AwsCloudTrailInsight', ['Insight']],
  ['AwsVpceEvent', ['NetworkActivity']],
]);

const KB = 1024;
/** From eventVersion 1.05 events are capped at 256 KB; Lake stores can take 1 MB (ref §5). */
const EVENT_LIMIT = 256 * KB;
const LAKE_EVENT_LIMIT = 1024 * KB;

/**
 * Checks one record and returns its violations (empty when it is a record CloudTrail could
 * have written). Never throws, whatever `record` is.
 */
export function validateRecord(record: unknown, options: ValidateOptions = {}): Violation[] {
  const f = new Findings(options.ignoreRules);
  if (!isObject(record)) {
    f.add('record.type', '', `record is ${Array.isArray(record) ? 'an array' : show(record)}; expected a JSON object`);
    return f.list;
  }
  const r = record;
  const eventTypeValue = own(r, 'eventType');
  const region = str(r, 'awsRegion');
  const ctx: RecordContext = {
    f,
    r,
    minor: minorVersion(own(r, 'eventVersion')),
    eventType: typeof eventTypeValue === 'string' && EVENT_TYPES.has(eventTypeValue) ? eventTypeValue : undefined,
    category: undefined,
    partition: region === undefined ? undefined : knownPartitionOf(region),
    delivery: options.delivery ?? 'any',
  };

  checkVersion(ctx);
  checkKeys(ctx, options);
  checkCoreFields(ctx, options);
  checkCategoryFlags(ctx);
  checkVersionGates(ctx);
  if (ctx.eventType === 'AwsCloudTrailInsight') checkInsightRecord(ctx, isKnownField);
  else checkCallerRecord(ctx);
  const size = jsonSize(r);
  checkOptionalFields(ctx, size);
  checkEventContext(ctx);
  checkRecordSize(ctx, size);
  return f.list;
}

function checkVersion(ctx: RecordContext): void {
  const v = own(ctx.r, 'eventVersion');
  if (v === undefined) ctx.f.add('eventVersion.missing', 'eventVersion', 'eventVersion is missing; every record has it');
  else if (ctx.minor === undefined) ctx.f.add('eventVersion.format', 'eventVersion', `eventVersion ${show(v)} is not "1.0" or "1.NN" (a string, two-digit minor version, major version 1)`);
  else if (ctx.minor > NEWEST_MINOR) ctx.f.add('eventVersion.unknown', 'eventVersion', `eventVersion ${show(v)} is newer than ${versionString(NEWEST_MINOR)}, the newest this validator knows; rules of ${versionString(NEWEST_MINOR)} were applied`);
}

function checkKeys(ctx: RecordContext, options: ValidateOptions): void {
  const { f, r } = ctx;
  const newer = ctx.minor !== undefined && ctx.minor > NEWEST_MINOR;
  let last = -1;
  let lastKey = '';
  let orderReported = false;
  for (const k of Object.keys(r)) {
    const pos = KEY_POSITION.get(k);
    if (pos === undefined) {
      // A version this validator does not know may add fields: then it is only a warning.
      f.add('record.unknownField', child('', k), `"${k}" is not a CloudTrail record field (as of eventVersion ${versionString(NEWEST_MINOR)})`, newer ? 'warning' : 'error');
      continue;
    }
    if (options.strictKeyOrder && !orderReported && pos < last) {
      f.add('record.keyOrder', child('', k), `"${k}" comes after "${lastKey}"; CloudTrail writes ${k} before ${lastKey} (RECORD_KEY_ORDER)`);
      orderReported = true;
    }
    if (pos > last) [last, lastKey] = [pos, k];
  }
}

function checkCoreFields(ctx: RecordContext, options: ValidateOptions): void {
  const { f, r } = ctx;
  const time = own(r, 'eventTime');
  if (time === undefined) f.add('eventTime.missing', 'eventTime', 'eventTime is missing; every record has it');
  else if (typeof time !== 'string' || !isEventTime(time)) f.add('eventTime.format', 'eventTime', `eventTime ${show(time)} is not a UTC time written YYYY-MM-DDTHH:MM:SSZ (second precision, real date)`);

  const id = own(r, 'eventID');
  if (id === undefined) {
    if (since(ctx, 1)) f.add('eventID.missing', 'eventID', 'eventID is missing; every record from eventVersion 1.01 has one');
  } else if (typeof id !== 'string' || !UUID.test(id)) {
    f.add('eventID.format', 'eventID', `eventID ${show(id)} is not a lower-case UUID (8-4-4-4-12 hex)`);
  }

  const type = own(r, 'eventType');
  if (type === undefined) {
    if (since(ctx, 2)) f.add('eventType.missing', 'eventType', 'eventType is missing; every record from eventVersion 1.02 has one');
  } else if (ctx.eventType === undefined) {
    const near = typeof type === 'string' ? [...EVENT_TYPES].find((t) => t.toLowerCase() === type.toLowerCase().replace(/s$/, '')) : undefined;
    f.add('eventType.enum', 'eventType', `eventType ${show(type)} is not one of ${[...EVENT_TYPES].join(', ')}${near ? ` (did you mean ${near}?)` : ''}`);
  }

  const region = own(r, 'awsRegion');
  if (region === undefined) f.add('awsRegion.missing', 'awsRegion', 'awsRegion is missing; every record has it');
  else if (typeof region !== 'string' || !REGION_SHAPE.test(region)) f.add('awsRegion.format', 'awsRegion', `awsRegion ${show(region)} does not look like a region name (e.g. us-east-1)`);
  else if (options.allowedRegions && !options.allowedRegions.includes(region)) f.add('awsRegion.notAllowed', 'awsRegion', `awsRegion ${show(region)} is not one of the allowed regions (${options.allowedRegions.join(', ')})`);

  const recipient = own(r, 'recipientAccountId');
  if (recipient === undefined) {
    if (since(ctx, 2)) f.add('recipientAccountId.missing', 'recipientAccountId', 'recipientAccountId is missing; optional in the docs, but CloudTrail writes it on every record in practice');
  } else if (typeof recipient !== 'string' || !ACCOUNT_ID.test(recipient)) {
    f.add('recipientAccountId.format', 'recipientAccountId', `recipientAccountId ${show(recipient)} is not a 12-digit account id`);
  }
}

function checkCategoryFlags(ctx: RecordContext): void {
  const { f, r, eventType } = ctx;
  const category = own(r, 'eventCategory');
  if (category === undefined) {
    if (since(ctx, 7)) f.add('eventCategory.missing', 'eventCategory', `eventCategory is missing; every record from eventVersion 1.07 has one (this is ${show(own(r, 'eventVersion'))})`);
  } else if (typeof category !== 'string' || !EVENT_CATEGORIES.has(category)) {
    f.add('eventCategory.enum', 'eventCategory', `eventCategory ${show(category)} is not one of ${[...EVENT_CATEGORIES].join(', ')}`);
  } else {
    ctx.category = category;
    const allowed = eventType === undefined ? undefined : CATEGORIES_OF.get(eventType);
    if (allowed && !allowed.includes(category)) {
      f.add('eventCategory.eventType', 'eventCategory', `eventCategory ${category} does not go with eventType ${eventType}; expected ${allowed.join(' or ')}`);
    }
  }

  // managementEvent on Insights and network activity is reported by those record kinds' rules.
  if (eventType === 'AwsCloudTrailInsight' || eventType === 'AwsVpceEvent') return;
  const management = own(r, 'managementEvent');
  if (management === undefined) {
    if (since(ctx, 6) && eventType !== undefined && MANAGEMENT_FLAG_TYPES.has(eventType)) {
      f.add('managementEvent.missing', 'managementEvent', `managementEvent is missing; ${eventType} records carry it from eventVersion 1.06`);
    }
  } else if (typeof management !== 'boolean') {
    f.add('managementEvent.type', 'managementEvent', `managementEvent is ${show(management)}; expected a JSON boolean`);
  } else if (ctx.category !== undefined && management !== (ctx.category === 'Management')) {
    f.add('managementEvent.category', 'managementEvent', `managementEvent is ${management} but eventCategory is ${ctx.category}; it is true exactly for Management events`);
  }
}

function checkVersionGates(ctx: RecordContext): void {
  if (ctx.minor === undefined) return;
  for (const [field, introduced] of FIELD_SINCE) {
    if (ctx.minor < introduced && has(ctx.r, field)) {
      ctx.f.add('eventVersion.fieldTooNew', field, `${field} was introduced in eventVersion ${versionString(introduced)} but this record is ${versionString(ctx.minor)}`);
    }
  }
}

/** Every record but Insights: the caller and the call. */
function checkCallerRecord(ctx: RecordContext): void {
  const { f, r, eventType } = ctx;
  const identity = own(r, 'userIdentity');
  if (identity === undefined) f.add('userIdentity.missing', 'userIdentity', 'userIdentity is missing; every record except Insights has it');
  else checkUserIdentity(ctx, identity);

  const source = own(r, 'eventSource');
  if (source === undefined) f.add('eventSource.missing', 'eventSource', 'eventSource is missing; every record except Insights has it');
  else if (typeof source !== 'string' || !EVENT_SOURCE.test(source)) f.add('eventSource.format', 'eventSource', `eventSource ${show(source)} is not <service>.amazonaws.com`);

  const name = own(r, 'eventName');
  if (name === undefined) f.add('eventName.missing', 'eventName', 'eventName is missing; every record except Insights has it');
  else if (typeof name !== 'string' || name.trim() === '') f.add('eventName.format', 'eventName', `eventName ${show(name)} is not an API or event name`);

  const ip = own(r, 'sourceIPAddress');
  if (ip === undefined) {
    // Some service events name no caller address (AWS docs: AppStream CreateImage service event).
    if (eventType !== 'AwsServiceEvent') f.add('sourceIPAddress.missing', 'sourceIPAddress', 'sourceIPAddress is missing; every record except Insights (and some service events) has it');
  } else if (typeof ip !== 'string' || !isSourceIp(ip)) {
    f.add('sourceIPAddress.format', 'sourceIPAddress', `sourceIPAddress ${show(ip)} is not an IP address, an AWS service host name (x.amazonaws.com) or "AWS Internal"`);
  }

  if (eventType === 'AwsApiCall') {
    // The keys are always written for API calls, often with the value null (ref §1; samples).
    for (const k of ['requestParameters', 'responseElements'] as const) {
      if (!Object.hasOwn(r, k) || r[k] === undefined) f.add(`${k}.missing`, k, `${k} key is missing; AwsApiCall records always have it (null when empty)`);
    }
    if (!has(r, 'requestID') && since(ctx, 1)) f.add('requestID.missing', 'requestID', 'requestID is missing; AwsApiCall records carry the service request id');
  }
  if (eventType !== undefined && eventType !== 'AwsServiceEvent' && has(r, 'serviceEventDetails')) {
    f.add('serviceEventDetails.eventType', 'serviceEventDetails', `serviceEventDetails appears only on AwsServiceEvent records, not ${eventType}`);
  }
  if (has(r, 'insightDetails')) {
    f.add('insightDetails.eventType', 'insightDetails', `insightDetails appears only on AwsCloudTrailInsight records, not ${show(own(r, 'eventType'))}`);
  }
  if (eventType === 'AwsConsoleSignIn') checkConsoleSignIn(ctx);
  if (eventType === 'AwsVpceEvent') checkNetworkActivity(ctx);
}

function checkEventContext(ctx: RecordContext): void {
  const { f, r } = ctx;
  const ec = own(r, 'eventContext');
  if (ec === undefined) return;
  if (!isObject(ec)) f.add('eventContext.type', 'eventContext', `eventContext is ${show(ec)}; expected {requestContext, tagContext}`);
  const category = ctx.category ?? (ctx.eventType === 'AwsCloudTrailInsight' ? 'Insight' : ctx.eventType === 'AwsVpceEvent' ? 'NetworkActivity' : undefined);
  if (category === 'Insight' || category === 'NetworkActivity') {
    f.add('eventContext.eventCategory', 'eventContext', `eventContext (enriched events) is only added to management and data events, not ${category} events`);
  }
  if (ctx.delivery !== 'lake') {
    f.add('eventContext.outsideLake', 'eventContext', 'eventContext appears only in CloudTrail Lake event data stores (enriched events), never in trail files, Event history, LookupEvents or EventBridge; use delivery "lake" for Lake exports', ctx.delivery === 'trail' ? 'error' : 'warning');
  }
}

function checkRecordSize(ctx: RecordContext, size: number | undefined): void {
  const { f } = ctx;
  if (size === undefined) {
    f.add('record.type', '', 'record cannot be serialised as JSON (a cycle or a non-JSON value)');
    return;
  }
  if (size <= EVENT_LIMIT) return;
  const kb = `${Math.ceil(size / KB)} KB`;
  if (size > LAKE_EVENT_LIMIT) {
    f.add('record.size', '', `record is ${kb}; CloudTrail events are at most 256 KB (1 MB in Lake event data stores)`);
  } else if (ctx.delivery !== 'lake') {
    // The 256 KB cap applies from 1.05; older events over it only miss CloudWatch Logs and EventBridge.
    const hard = ctx.delivery === 'trail' && (ctx.minor === undefined || ctx.minor >= 5);
    f.add('record.size', '', `record is ${kb}; CloudTrail caps events at 256 KB (from eventVersion 1.05) and sends none larger to CloudWatch Logs or EventBridge; only Lake stores set for large events keep up to 1 MB`, hard ? 'error' : 'warning');
  }
}
