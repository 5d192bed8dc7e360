/**
 * The LookupEvents contract: request/response types shaped like the AWS SDK v3
 * (`@aws-sdk/client-cloudtrail` `LookupEventsCommandInput`/`Output` minus `$metadata`),
 * request validation, and the projection of a stored record to an `Event`.
 *
 * Sources (cited inline as [API], [Attr], [Res], [CLI], [Console]):
 * - [API] https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 * - [Attr] https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupAttribute.html
 * - [Res] https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Resource.html
 * - [CLI] https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cloudtrail/lookup-events.html
 *   and its example (aws/aws-cli `awscli/examples/cloudtrail/lookup-events.rst`)
 * - [Console] https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-console.html
 *   ("Filtering CloudTrail events")
 *
 * AWS documents the exception *names* of LookupEvents but not their message texts;
 * the messages below are trailsim's wording, written in AWS's style.
 */
import {
  InvalidEventCategoryException,
  InvalidLookupAttributesException,
  InvalidMaxResultsException,
  InvalidTimeRangeException,
} from '../core/errors.js';
import { readInstant, type Instant } from '../core/time.js';
import type { CloudTrailRecord, UserIdentity } from '../record/types.js';

/** The 8 lookup attribute keys [Attr] (same set as the SDK's `LookupAttributeKey` enum). */
export const LOOKUP_ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;

export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** The keys allowed with `EventCategory: 'insight'` [API: "Lookup supports the following attributes for Insights events"]. */
export const INSIGHT_LOOKUP_ATTRIBUTE_KEYS: readonly LookupAttributeKey[] = ['EventId', 'EventName', 'EventSource'];

/** The only `EventCategory` value [API: "Valid Values: insight"]. */
export type LookupEventCategory = 'insight';

/**
 * One attribute filter. Members are `| undefined` as in the SDK's generated type, so an
 * SDK `LookupAttribute` can be passed unchanged; both are required at run time.
 */
export interface LookupAttribute {
  AttributeKey: LookupAttributeKey | undefined;
  AttributeValue: string | undefined;
}

/**
 * LookupEvents request. Times are inclusive [API: "events that occur after or at" /
 * "before or at"] and accept what trailsim calls an `Instant`: a Date (as the SDK
 * takes), an ISO-8601 string, or a number of **epoch milliseconds** (trailsim's
 * convention everywhere; not the wire protocol's epoch seconds).
 */
export interface LookupEventsInput {
  /** At most one item [API: "Currently the list can contain only one item"]. */
  LookupAttributes?: LookupAttribute[] | undefined;
  /** Default: no lower bound inside the 90-day history. */
  StartTime?: Instant | undefined;
  /** Default: now (virtual clock). */
  EndTime?: Instant | undefined;
  /** `'insight'` returns only Insights events; absent returns only management events [API]. */
  EventCategory?: LookupEventCategory | undefined;
  /** 1 through 50, default 50 [API]. */
  MaxResults?: number | undefined;
  /** From a previous response; must come with the same parameters [API]. */
  NextToken?: string | undefined;
}

/** A resource referenced by an event [Res]; a member is absent when it cannot be determined. */
export interface EventResource {
  ResourceType?: string;
  ResourceName?: string;
}

/** One event as LookupEvents returns it (the SDK's `Event`); absent fields are omitted. */
export interface Event {
  EventId?: string;
  EventName?: string;
  /** The string "true" or "false". */
  ReadOnly?: string;
  AccessKeyId?: string;
  EventTime?: Date;
  EventSource?: string;
  Username?: string;
  Resources?: EventResource[];
  /** The whole record as a JSON string. */
  CloudTrailEvent?: string;
}

/** LookupEvents response (the SDK's output minus `$metadata`). */
export interface LookupEventsOutput {
  /** Newest first [API, response: "The events list is sorted by time. The most recent event is listed first."]. */
  Events: Event[];
  /** Present only when more results remain [API: "If the token does not appear, there are no more results to return."]. */
  NextToken?: string;
}

export const LOOKUP_MAX_RESULTS = 50;
/** [Attr] "Length Constraints: Minimum length of 1. Maximum length of 2000." */
export const LOOKUP_ATTRIBUTE_VALUE_MAX = 2000;

/** The request after validation: what a lookup (and its NextToken) depends on. */
export interface NormalizedLookup {
  insight: boolean;
  attribute?: { key: LookupAttributeKey; value: string };
  /** Epoch ms, inclusive; undefined = not given. */
  start?: number;
  /** Epoch ms, inclusive; undefined = not given (then: now). */
  end?: number;
  maxResults: number;
  nextToken?: string;
}

/**
 * [Attr] "The following characters ('_', ' ', ',', '\\n') count as two characters
 * towards the 2000 character limit."
 */
export function attributeValueLength(value: string): number {
  let n = 0;
  for (const ch of value) n += ch === '_' || ch === ' ' || ch === ',' || ch === '\n' ? 2 : 1;
  return n;
}

function isAttributeKey(k: unknown): k is LookupAttributeKey {
  return typeof k === 'string' && (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(k);
}

function readTime(t: unknown, name: 'StartTime' | 'EndTime'): number | undefined {
  if (t === undefined) return undefined;
  // Strict: 2026-02-30 is refused rather than rolled over to 2026-03-02.
  const ms = readInstant(t);
  // [API] InvalidTimeRangeException: "the time range is outside the range of possible values".
  if (typeof ms === 'string') throw new InvalidTimeRangeException(`${name} is not a valid timestamp: ${ms}`);
  return ms;
}

/**
 * Validates a LookupEvents request without touching any state. Checks run in the
 * order EventCategory, LookupAttributes, MaxResults, StartTime/EndTime; the NextToken is
 * checked by the caller against the normalized parameters.
 */
export function normalizeLookup(input: LookupEventsInput): NormalizedLookup {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidLookupAttributesException('The LookupEvents request must be an object.');
  }

  // EventCategory [API]: the only valid value is "insight" (case-sensitive, as the enum is).
  const category: unknown = input.EventCategory;
  if (category !== undefined && category !== 'insight') {
    throw new InvalidEventCategoryException(`Invalid EventCategory: ${String(category)}. The only valid value is insight.`);
  }
  const insight = category === 'insight';

  // LookupAttributes [API, Attr].
  let attribute: NormalizedLookup['attribute'];
  const attrs: unknown = input.LookupAttributes;
  if (attrs !== undefined) {
    if (!Array.isArray(attrs)) throw new InvalidLookupAttributesException('LookupAttributes must be a list.');
    if (attrs.length > 1) {
      throw new InvalidLookupAttributesException('You can specify only one lookup attribute.');
    }
    if (attrs.length === 1) {
      const a: unknown = attrs[0];
      const key: unknown = typeof a === 'object' && a !== null ? (a as LookupAttribute).AttributeKey : undefined;
      const value: unknown = typeof a === 'object' && a !== null ? (a as LookupAttribute).AttributeValue : undefined;
      if (!isAttributeKey(key)) {
        throw new InvalidLookupAttributesException(
          `Invalid AttributeKey: ${String(key)}. Valid keys are ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`,
        );
      }
      if (typeof value !== 'string' || value.length === 0) {
        throw new InvalidLookupAttributesException(`AttributeValue for ${key} must be a non-empty string.`);
      }
      if (attributeValueLength(value) > LOOKUP_ATTRIBUTE_VALUE_MAX) {
        throw new InvalidLookupAttributesException(
          `AttributeValue for ${key} exceeds the maximum length of ${LOOKUP_ATTRIBUTE_VALUE_MAX} characters.`,
        );
      }
      // Event history stores ReadOnly as the strings "true"/"false" [Console: "Read only"]; any other
      // value could never match, so trailsim rejects it rather than silently returning nothing.
      if (key === 'ReadOnly' && value !== 'true' && value !== 'false') {
        throw new InvalidLookupAttributesException(`AttributeValue for ReadOnly must be true or false, not ${value}.`);
      }
      if (insight && !INSIGHT_LOOKUP_ATTRIBUTE_KEYS.includes(key)) {
        throw new InvalidLookupAttributesException(
          `AttributeKey ${key} is not supported for Insights events. Valid keys are ${INSIGHT_LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`,
        );
      }
      attribute = { key, value };
    }
  }

  // MaxResults [API: "Possible values are 1 through 50. The default is 50."].
  const max: unknown = input.MaxResults;
  let maxResults = LOOKUP_MAX_RESULTS;
  if (max !== undefined) {
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > LOOKUP_MAX_RESULTS) {
      throw new InvalidMaxResultsException(`MaxResults must be an integer from 1 through ${LOOKUP_MAX_RESULTS}; got ${String(max)}.`);
    }
    maxResults = max;
  }

  // StartTime/EndTime [API: "If the specified start time is after the specified end time, an error is returned."].
  const start = readTime(input.StartTime, 'StartTime');
  const end = readTime(input.EndTime, 'EndTime');
  if (start !== undefined && end !== undefined && start > end) {
    throw new InvalidTimeRangeException('StartTime must be before or equal to EndTime.');
  }

  const out: NormalizedLookup = { insight, maxResults };
  if (attribute) out.attribute = attribute;
  if (start !== undefined) out.start = start;
  if (end !== undefined) out.end = end;
  if (input.NextToken !== undefined) out.nextToken = input.NextToken;
  return out;
}

/** What event history keeps of one record: the lookup fields, derived once at ingest. */
export interface EventFields {
  eventId: string;
  eventName?: string;
  readOnly?: 'true' | 'false';
  accessKeyId?: string;
  eventSource?: string;
  username?: string;
  resources: EventResource[];
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}

function lastSegment(arn: string | undefined, marker: string): string | undefined {
  if (!arn) return undefined;
  const i = arn.indexOf(marker);
  if (i < 0) return undefined;
  const rest = arn.slice(i + marker.length);
  return nonEmpty(rest.slice(rest.lastIndexOf('/') + 1));
}

function afterColon(principalId: string | undefined): string | undefined {
  if (!principalId) return undefined;
  const i = principalId.indexOf(':');
  return i < 0 ? undefined : nonEmpty(principalId.slice(i + 1));
}

/**
 * Event history's `Username` for a caller. The API describes it as "A user name or role
 * name of the requester" and the console as "an IAM user, an IAM role name, or a
 * service role" [Console, "User name"]. Rules trailsim applies:
 * - `Root` → `"root"`: the API reference's own NextToken example looks up
 *   `AttributeKey 'Username'` with the value `'root'` [API, NextToken].
 * - `AssumedRole` → the **session name** (last part of `assumed-role/Role/Session`,
 *   else the part of `principalId` after `:`): the CLI example shows
 *   `"Username": "my-session-name"` for an assumed-role ConsoleLogin [CLI example].
 * - `IAMUser` → `userName` (else the last part of the `user/` ARN).
 * - `FederatedUser` → the federated user name (`federated-user/Name`, else after `:` in
 *   principalId). (unverified: by analogy with AssumedRole)
 * - `Role` → `userName`, else the role name from the ARN. (unverified)
 * - `AWSService` → `invokedBy` (e.g. `config.amazonaws.com`). (unverified)
 * - any other type → `userName` when present (SAMLUser, WebIdentityUser, IdentityCenterUser,
 *   and ConsoleLogin failures' `HIDDEN_DUE_TO_SECURITY_REASONS`), else absent.
 * Empty strings count as absent.
 */
export function eventUsername(id: UserIdentity | undefined): string | undefined {
  if (!id) return undefined;
  switch (id.type) {
    case 'Root':
      return 'root';
    case 'AssumedRole':
      return lastSegment(id.arn, ':assumed-role/') ?? afterColon(id.principalId) ?? nonEmpty(id.userName);
    case 'IAMUser':
      return nonEmpty(id.userName) ?? lastSegment(id.arn, ':user/');
    case 'FederatedUser':
      return lastSegment(id.arn, ':federated-user/') ?? afterColon(id.principalId) ?? nonEmpty(id.userName);
    case 'Role':
      return nonEmpty(id.userName) ?? lastSegment(id.arn, ':role/');
    case 'AWSService':
      return nonEmpty(id.invokedBy) ?? nonEmpty(id.userName);
    default:
      return nonEmpty(id.userName);
  }
}

/**
 * Event history's `Resources` for a record: one entry per item of the record's
 * `resources`, in order, with `ResourceType` = its `type` (e.g. `AWS::IAM::Role`) and
 * `ResourceName` = its `ARN` verbatim; a member is omitted when the record lacks it
 * [Res: "When the resource type cannot be determined, null is returned"]. Always a list,
 * empty when the record names no resources: the CLI example shows `"Resources": []`
 * [CLI example]. Real event history also extracts resources per service from request
 * parameters (e.g. `i-…` ids for EC2); trailsim uses only what the record states.
 */
export function eventResources(record: CloudTrailRecord): EventResource[] {
  const out: EventResource[] = [];
  for (const r of record.resources ?? []) {
    const res: EventResource = {};
    const type = nonEmpty(r.type);
    const name = nonEmpty(r.ARN);
    if (type !== undefined) res.ResourceType = type;
    if (name !== undefined) res.ResourceName = name;
    out.push(res);
  }
  return out;
}

/**
 * The lookup fields of a record. Insights records carry no top-level eventName/eventSource
 * (reference §3); their subject API's name and source (`insightDetails`) stand in, which is
 * what the EventName/EventSource lookups for Insights events filter on [API].
 */
export function eventFields(record: CloudTrailRecord): EventFields {
  const f: EventFields = { eventId: record.eventID, resources: eventResources(record) };
  const name = nonEmpty(record.eventName) ?? nonEmpty(record.insightDetails?.eventName);
  const source = nonEmpty(record.eventSource) ?? nonEmpty(record.insightDetails?.eventSource);
  if (name !== undefined) f.eventName = name;
  if (typeof record.readOnly === 'boolean') f.readOnly = record.readOnly ? 'true' : 'false';
  const key = nonEmpty(record.userIdentity?.accessKeyId);
  if (key !== undefined) f.accessKeyId = key;
  if (source !== undefined) f.eventSource = source;
  const user = eventUsername(record.userIdentity);
  if (user !== undefined) f.username = user;
  return f;
}

/** The values an event has for a lookup key (several for the resource keys; none when absent). */
export function attributeValues(f: EventFields, key: LookupAttributeKey): string[] {
  switch (key) {
    case 'EventId':
      return [f.eventId];
    case 'EventName':
      return f.eventName === undefined ? [] : [f.eventName];
    case 'ReadOnly':
      return f.readOnly === undefined ? [] : [f.readOnly];
    case 'Username':
      return f.username === undefined ? [] : [f.username];
    case 'EventSource':
      return f.eventSource === undefined ? [] : [f.eventSource];
    case 'AccessKeyId':
      return f.accessKeyId === undefined ? [] : [f.accessKeyId];
    case 'ResourceType':
      return distinct(f.resources.map((r) => r.ResourceType));
    case 'ResourceName':
      return distinct(f.resources.map((r) => r.ResourceName));
  }
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

/** Builds the response `Event` (fields in the SDK's member order; fresh objects on every call). */
export function toEvent(f: EventFields, eventTimeMs: number, json: string): Event {
  const e: Event = { EventId: f.eventId };
  if (f.eventName !== undefined) e.EventName = f.eventName;
  if (f.readOnly !== undefined) e.ReadOnly = f.readOnly;
  if (f.accessKeyId !== undefined) e.AccessKeyId = f.accessKeyId;
  e.EventTime = new Date(eventTimeMs);
  if (f.eventSource !== undefined) e.EventSource = f.eventSource;
  if (f.username !== undefined) e.Username = f.username;
  e.Resources = f.resources.map((r) => ({ ...r }));
  e.CloudTrailEvent = json;
  return e;
}
