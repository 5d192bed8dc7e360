/**
 * The trail API's members as CloudTrail records show them in `requestParameters` and
 * `responseElements`: the JSON protocol's member names with the first letter lower-cased
 * (`name`, `s3BucketName`, `trailName`, `eventSelectors`, `readWriteType`, `trailARN`, as
 * in the real DeleteTrail / StopLogging / PutEventSelectors records of
 * shared/reference/cloudtrail-samples), in the API model's member order, absent members
 * left out.
 */
import type { JsonObject, JsonValue } from '../../record/types.js';

/** Member order across the trail API's shapes (model order of each shape holds). */
const MEMBER_ORDER = [
  'Name', 'S3BucketName', 'S3KeyPrefix', 'SnsTopicName', 'SnsTopicARN', 'IncludeGlobalServiceEvents', 'IsMultiRegionTrail',
  'TrailARN', 'EnableLogFileValidation', 'LogFileValidationEnabled', 'CloudWatchLogsLogGroupArn', 'CloudWatchLogsRoleArn',
  'KmsKeyId', 'IsOrganizationTrail', 'TagsList', 'TrailName', 'EventSelectors', 'AdvancedEventSelectors', 'InsightSelectors',
  'ReadWriteType', 'IncludeManagementEvents', 'DataResources', 'ExcludeManagementEventSources', 'Type', 'Values',
  'FieldSelectors', 'Field', 'Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith',
  'InsightType', 'EventCategories', 'Key', 'Value', 'trailNameList', 'includeShadowTrails',
];
const RANK = new Map(MEMBER_ORDER.map((m, i) => [m, i]));

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0].toLowerCase() + s.slice(1);
}

/** An API input or output value as a record writes it. */
export function toWire(value: unknown): JsonValue {
  if (value === null) return null;
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(toWire);
  if (typeof value === 'object') {
    const src = value as Record<string, unknown>;
    const keys = Object.keys(src).filter((k) => src[k] !== undefined);
    keys.sort((a, b) => (RANK.get(a) ?? MEMBER_ORDER.length) - (RANK.get(b) ?? MEMBER_ORDER.length));
    const out: JsonObject = {};
    for (const k of keys) out[lowerFirst(k)] = toWire(src[k]);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** An API input as requestParameters (null when it has no members). */
export function requestParameters(input: object | undefined): JsonObject | null {
  if (input === undefined) return null;
  const w = toWire(input) as JsonObject;
  return Object.keys(w).length === 0 ? null : w;
}
