/**
 * Value formats CloudTrail writes (cloudtrail-reference.md §1-2), as predicates. Formats
 * are checked by shape, not against live AWS lists, so anonymised datasets (region names
 * such as `apiso-northsouth-3r`, IPs with leading zeros) still pass.
 */
import { ACCOUNT_ID } from '../core/ids.js';

export { ACCOUNT_ID };

/** eventID / sharedEventID: CloudTrail writes lower-case UUIDs (ref §1). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const EVENT_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
// creationDate: real records use extended notation, the docs basic notation (ref §2).
const CREATION_EXTENDED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;
const CREATION_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function realInstant(m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DDTHH:MM:SSZ` naming a real instant (no 25:00, no 30 February). */
export function isEventTime(v: string): boolean {
  return realInstant(EVENT_TIME.exec(v));
}

export function isCreationDate(v: string): boolean {
  return realInstant(CREATION_EXTENDED.exec(v)) || realInstant(CREATION_BASIC.exec(v));
}

/** Epoch ms of a value that passed `isEventTime`. */
export function eventTimeMillis(v: string): number {
  return Date.parse(v);
}

/**
 * Region by shape: lower-case words and digits joined by hyphens, at least two parts.
 * RELAXED vs a region list: anonymised public datasets rename regions (samples).
 */
export const REGION_SHAPE = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;

/** `<service>.amazonaws.com`, e.g. `monitoring.amazonaws.com` (ref §1 eventSource). */
export const EVENT_SOURCE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.amazonaws\.com$/;

/** An AWS service acting for a caller: `config.amazonaws.com` (ref §1 sourceIPAddress). */
export const SERVICE_HOST = EVENT_SOURCE;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** IPv4 (leading zeros tolerated: anonymisers write `08.1.250.216`, samples) or IPv6. */
export function isIpAddress(v: string): boolean {
  const m = IPV4.exec(v);
  if (m) return m.slice(1, 5).every((o) => Number(o) <= 255);
  return isIpv6(v);
}

function isIpv6(v: string): boolean {
  if (v.length > 45 || !v.includes(':')) return false;
  let rest = v;
  let groupsFromV4 = 0;
  const lastColon = v.lastIndexOf(':');
  const tail = v.slice(lastColon + 1);
  if (tail.includes('.')) {
    const m = IPV4.exec(tail);
    if (!m || !m.slice(1, 5).every((o) => Number(o) <= 255)) return false;
    rest = v.slice(0, lastColon + 1) + '0';
    groupsFromV4 = 1;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string): string[] | undefined => {
    if (s === '') return [];
    const g = s.split(':');
    return g.every((x) => /^[0-9a-fA-F]{1,4}$/.test(x)) ? g : undefined;
  };
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  if (!left || !right) return false;
  const count = left.length + right.length + groupsFromV4;
  return halves.length === 2 ? count <= 8 : count === 8;
}

/** sourceIPAddress: an IP, a service host name, or `AWS Internal` (ref §1). */
export function isSourceIp(v: string): boolean {
  return v === 'AWS Internal' || isIpAddress(v) || SERVICE_HOST.test(v);
}

/**
 * Partitions. The reference names aws, aws-cn and aws-us-gov; the isolated partitions and
 * the European Sovereign Cloud are the other partitions in the AWS SDKs' partitions.json.
 */
export const PARTITIONS: ReadonlySet<string> = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/**
 * Splits `arn:partition:service:region:account:resource`; the resource may hold colons.
 * The account is empty (S3, global), 12 digits, or `aws` (AWS-managed policies).
 */
export function parseArn(v: string): Arn | undefined {
  const parts = v.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITIONS.has(partition)) return undefined;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(service)) return undefined;
  if (region !== '' && !REGION_SHAPE.test(region)) return undefined;
  if (account !== '' && account !== 'aws' && !ACCOUNT_ID.test(account)) return undefined;
  if (resource === '') return undefined;
  return { partition, service, region, account, resource };
}

// IAM ARNs have no region; the resource names a user, role or the root (ref §1 ARN formats).
// IAM names cannot hold ':', but AWS-reserved roles can: instance-identity credentials use
// the role name `aws:ec2-instance` (cloudtrail-reference / detection-scenarios.md rule 16).
const IAM_NAME = '(?:aws:[\\w+=,.@-]+|[\\w+=,.@-]+)';
const PARTITION_RE = '(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)';
export const ARN_ROOT = new RegExp(`^arn:${PARTITION_RE}:iam::(\\d{12}):root$`);
export const ARN_IAM_USER = new RegExp(`^arn:${PARTITION_RE}:iam::(\\d{12}):user/(?:[^/]+/)*(${IAM_NAME})$`);
/** Role ARN; the path may hold a service principal (`role/aws-service-role/config.amazonaws.com/X`). */
export const ARN_IAM_ROLE = new RegExp(`^arn:${PARTITION_RE}:iam::(\\d{12}):role/(?:[^/]+/)*(${IAM_NAME})$`);
/** Assumed-role ARN: no role path; the session name is the last part (ref §1). */
export const ARN_ASSUMED_ROLE = new RegExp(`^arn:${PARTITION_RE}:sts::(\\d{12}):assumed-role/(${IAM_NAME})/([^/]+)$`);
export const ARN_FEDERATED_USER = new RegExp(`^arn:${PARTITION_RE}:sts::(\\d{12}):federated-user/([^/]+)$`);

/**
 * Access key ids: AKIA (long-term) and ASIA (temporary) per ref §1; ABIA (STS service
 * bearer token) and ACCA (context-specific credential) are the other credential prefixes
 * in the IAM user guide's unique-id table. Length 16-128 per the IAM API.
 */
export const ACCESS_KEY_ID = /^(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,124}$/;
export const TEMPORARY_ACCESS_KEY_ID = /^ASIA[A-Z0-9]{12,124}$/;

export const VPC_ENDPOINT_ID = /^vpce-[0-9a-z]+$/;
export const TLS_VERSION = /^TLSv1(?:\.[0-3])?$/;
export const RESOURCE_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/**
 * Region names AWS publishes, by partition (AWS SDK partitions.json). Used only for the
 * ARN partition check; other names (anonymised or new) skip it.
 */
const KNOWN_REGIONS: ReadonlyMap<string, string> = new Map([
  ...[
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2',
    'ap-south-1', 'ap-south-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
    'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
    'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1',
    'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1',
    'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1',
  ].map((r) => [r, 'aws'] as const),
  ['cn-north-1', 'aws-cn'], ['cn-northwest-1', 'aws-cn'],
  ['us-gov-east-1', 'aws-us-gov'], ['us-gov-west-1', 'aws-us-gov'],
  ['us-iso-east-1', 'aws-iso'], ['us-iso-west-1', 'aws-iso'],
  ['us-isob-east-1', 'aws-iso-b'],
  ['eu-isoe-west-1', 'aws-iso-e'],
  ['us-isof-south-1', 'aws-iso-f'], ['us-isof-east-1', 'aws-iso-f'],
  ['eusc-de-east-1', 'aws-eusc'],
]);

/** The partition of a published region name, or undefined for any other name. */
export function knownPartitionOf(region: string): string | undefined {
  return KNOWN_REGIONS.get(region);
}

/** Byte length of a string as UTF-8 (sizes in the reference are bytes). */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A value for a message: JSON, cut to `max` characters. */
export function show(v: unknown, max = 80): string {
  let s: string;
  try {
    s = v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
