/**
 * Where CloudTrail puts its files in a bucket (CloudTrail User Guide: "Finding your
 * CloudTrail log files", "CloudTrail log file examples", "CloudTrail digest file
 * structure"; cloudtrail-reference.md §5):
 *
 *   [prefix/]AWSLogs/[o-id/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 chars>.json.gz
 *   [prefix/]AWSLogs/[o-id/]<account>/CloudTrail-Digest/<region>/YYYY/MM/DD/<account>_CloudTrail-Digest_<region>_<trail>_<home region>_<YYYYMMDDTHHmmssZ>.json.gz
 *   [prefix/]AWSLogs/[o-id/]<account>/CloudTrail-Insight/<region>/YYYY/MM/DD/<account>_CloudTrail-Insight_<region>_<YYYYMMDDTHHmmZ>_<16 chars>.json.gz
 *
 * The log file timestamp and date folders are the **delivery** time (to the minute); the
 * digest's are its end time (to the second: the AWS CLI reads `key[-24:-8]`). The prefix is
 * joined with a single `/`, as the AWS CLI's validate-logs builds keys (`prefix + '/' + key`).
 */
import { TrailsimInputError } from '../../core/errors.js';

export type CloudTrailFileKind = 'log' | 'digest' | 'insight';

export interface KeyScope {
  /** The trail's S3KeyPrefix, if any. */
  prefix?: string;
  /** Organization id (`o-...`) for organization trails. */
  organizationId?: string;
  /** The account whose events the file holds. */
  accountId: string;
  /** The Region the events are from. */
  region: string;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** `YYYY/MM/DD`, the date folder of a time (UTC). */
export function datePath(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

/** `YYYYMMDDTHHmmZ`, the log file name's delivery time. */
export function minuteStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z`;
}

/** `YYYYMMDDTHHmmssZ`, the digest file name's end time. */
export function secondStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function base(scope: KeyScope, folder: string): string {
  const p = scope.prefix ? `${scope.prefix}/` : '';
  const o = scope.organizationId ? `${scope.organizationId}/` : '';
  return `${p}AWSLogs/${o}${scope.accountId}/${folder}/${scope.region}/`;
}

/** The folder (without date) holding a kind of file for one account and Region. */
export function folderPrefix(scope: KeyScope, kind: CloudTrailFileKind): string {
  return base(scope, kind === 'log' ? 'CloudTrail' : kind === 'digest' ? 'CloudTrail-Digest' : 'CloudTrail-Insight');
}

const UNIQUE = /^[A-Za-z0-9]{16}$/;

export function logFileKey(scope: KeyScope, deliveredAt: number, unique: string): string {
  if (!UNIQUE.test(unique)) throw new TrailsimInputError(`A log file's unique string is 16 letters or digits; got '${unique}'.`);
  // datePath and minuteStamp from one Date: a sparse trail writes a file per stream every five minutes.
  const d = new Date(deliveredAt);
  const y = d.getUTCFullYear();
  const mo = pad(d.getUTCMonth() + 1);
  const day = pad(d.getUTCDate());
  return `${base(scope, 'CloudTrail')}${y}/${mo}/${day}/${scope.accountId}_CloudTrail_${scope.region}_${y}${mo}${day}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z_${unique}.json.gz`;
}

/** Insights files (CloudTrail User Guide, "Logging Insights events": delivered under CloudTrail-Insight). */
export function insightFileKey(scope: KeyScope, deliveredAt: number, unique: string): string {
  if (!UNIQUE.test(unique)) throw new TrailsimInputError(`An Insights file's unique string is 16 letters or digits; got '${unique}'.`);
  return `${base(scope, 'CloudTrail-Insight')}${datePath(deliveredAt)}/${scope.accountId}_CloudTrail-Insight_${scope.region}_${minuteStamp(deliveredAt)}_${unique}.json.gz`;
}

export function digestFileKey(scope: KeyScope, trailName: string, homeRegion: string, endTime: number): string {
  return `${base(scope, 'CloudTrail-Digest')}${datePath(endTime)}/${scope.accountId}_CloudTrail-Digest_${scope.region}_${trailName}_${homeRegion}_${secondStamp(endTime)}.json.gz`;
}

/** A key read back into its parts. */
export interface ParsedCloudTrailKey extends KeyScope {
  kind: CloudTrailFileKind;
  /** Delivery time (log, insight: to the minute) or digest end time (to the second), epoch ms. */
  time: number;
  /** Log and Insights files. */
  unique?: string;
  /** Digest files. */
  trailName?: string;
  homeRegion?: string;
}

const KEY_RE =
  /^(?:(.*)\/)?AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/(CloudTrail|CloudTrail-Digest|CloudTrail-Insight)\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{12})_(CloudTrail|CloudTrail-Digest|CloudTrail-Insight)_([a-z0-9-]+)_(.+)\.json\.gz$/;

/** Reads a `YYYYMMDDTHHmm[ss]Z` stamp; undefined unless it is a real instant written canonically. */
function parseStamp(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
  if (!Number.isFinite(t)) return undefined;
  // Date.UTC rolls month 13 or hour 25 over; a real stamp writes back identically.
  return (m[6] ? secondStamp(t) : minuteStamp(t)) === s ? t : undefined;
}

/** Parses a CloudTrail log, digest or Insights key; undefined for any other key. */
export function parseCloudTrailKey(key: string): ParsedCloudTrailKey | undefined {
  const m = KEY_RE.exec(key);
  if (!m) return undefined;
  const [, prefix, org, account, folder, region, yyyy, mm, dd, fileAccount, fileKind, fileRegion, rest] = m;
  if (fileAccount !== account || fileRegion !== region || fileKind !== folder) return undefined;
  const day = `${yyyy}/${mm}/${dd}`;
  const scope: KeyScope = { accountId: account, region };
  if (prefix !== undefined) scope.prefix = prefix;
  if (org !== undefined) scope.organizationId = org;
  if (folder === 'CloudTrail-Digest') {
    // <trail>_<home region>_<YYYYMMDDTHHmmssZ>; trail names may contain '_'.
    const dm = /^(.+)_([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)_(\d{8}T\d{6}Z)$/.exec(rest);
    if (!dm) return undefined;
    const time = parseStamp(dm[3]);
    if (time === undefined || datePath(time) !== day) return undefined;
    return { ...scope, kind: 'digest', time, trailName: dm[1], homeRegion: dm[2] };
  }
  const lm = /^(\d{8}T\d{4}Z)_([A-Za-z0-9]{16})$/.exec(rest);
  if (!lm) return undefined;
  const time = parseStamp(lm[1]);
  if (time === undefined || datePath(time) !== day) return undefined;
  return { ...scope, kind: folder === 'CloudTrail' ? 'log' : 'insight', time, unique: lm[2] };
}
