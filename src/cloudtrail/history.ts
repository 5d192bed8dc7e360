/**
 * CloudTrail event history for one account in one Region, and LookupEvents over it.
 *
 * "The event history provides a viewable, searchable, downloadable, and immutable record
 * of the past 90 days of management events in an AWS Region" and "records events in the
 * AWS Region where the event happened"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html).
 * LookupEvents also returns Insights events when asked with `EventCategory: 'insight'`
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
 */
import { InvalidAccountIdError, ThrottlingException, TrailsimInputError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import type { CloudTrailRecord } from '../record/types.js';
import { CategoryIndex, type HistoryEntry, type SortedRun } from './history-index.js';
import {
  INSIGHT_LOOKUP_ATTRIBUTE_KEYS,
  LOOKUP_ATTRIBUTE_KEYS,
  eventFields,
  normalizeLookup,
  toEvent,
  type LookupEventsInput,
  type LookupEventsOutput,
} from './lookup-events.js';
import { decodeNextToken, encodeNextToken, lookupFingerprint } from './next-token.js';

/** Event history keeps 90 days [LookupEvents: "within the last 90 days"]. */
export const EVENT_HISTORY_RETENTION_DAYS = 90;

/**
 * "The rate of lookup requests is limited to two per second, per account, per Region. If
 * this limit is exceeded, a throttling error occurs." [LookupEvents]
 */
export const LOOKUP_EVENTS_REQUESTS_PER_SECOND = 2;

export interface EventHistoryOptions {
  /** 12 digits. */
  accountId: string;
  region: string;
  /** Virtual time, epoch ms (e.g. `() => clock.now()`). */
  now: () => number;
  /** Default 90. */
  retentionDays?: number;
  /** Enforce the LookupEvents rate limit on the virtual clock. Default off. */
  throttle?: boolean;
}

/**
 * Data events that records of eventVersion 1.05 and older mark by nothing but their name:
 * those versions have neither eventCategory nor managementEvent. S3 object-level and
 * bucket-listing calls and Lambda Invoke were the data events of that era
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html,
 * "Amazon S3 data events"; https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html).
 */
const LEGACY_DATA_EVENTS: Readonly<Record<string, ReadonlySet<string>>> = {
  's3.amazonaws.com': new Set([
    'GetObject', 'PutObject', 'DeleteObject', 'DeleteObjects', 'HeadObject', 'CopyObject', 'ListObjects', 'ListObjectsV2',
    'ListObjectVersions', 'GetObjectAcl', 'PutObjectAcl', 'GetObjectTagging', 'PutObjectTagging', 'DeleteObjectTagging',
    'CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'ListParts',
    'RestoreObject', 'SelectObjectContent', 'GetObjectAttributes', 'GetObjectRetention', 'PutObjectRetention',
    'GetObjectLegalHold', 'PutObjectLegalHold', 'HeadBucket', 'ListMultipartUploads',
  ]),
  'lambda.amazonaws.com': new Set(['Invoke']),
};

/**
 * Which history a record belongs to. Records before eventVersion 1.07 have no
 * eventCategory; those are read from eventType and managementEvent (1.06+), and records of
 * 1.05 and older, which have neither, are management events unless their eventName is one
 * of that era's data events.
 */
export function historyCategory(r: CloudTrailRecord): 'Management' | 'Insight' | undefined {
  const c =
    r.eventCategory ??
    (r.eventType === 'AwsCloudTrailInsight'
      ? 'Insight'
      : r.eventType === 'AwsVpceEvent'
        ? 'NetworkActivity'
        : r.managementEvent === false
          ? 'Data'
          : r.managementEvent === undefined && LEGACY_DATA_EVENTS[r.eventSource ?? '']?.has(r.eventName ?? '')
            ? 'Data'
            : 'Management');
  return c === 'Management' || c === 'Insight' ? c : undefined;
}

/**
 * One account-Region's event history.
 *
 * **Order.** Events are returned newest first by eventTime. CloudTrail's eventTime has
 * one-second precision, so ties are common; within one eventTime the record ingested
 * **later** is returned first. Ingestion order is the tie-breaker whatever order records
 * arrive in, so pages are deterministic and each event appears exactly once.
 *
 * **Retention.** An event is kept while `eventTime >= now() - retentionDays` (inclusive:
 * an event exactly 90 days old is still returned; one millisecond later it is gone).
 * Expired events are dropped from the old end whenever the history is used, without a scan.
 * A record already outside the window when ingested is not kept.
 *
 * **What is kept.** Management events (`eventCategory: 'Management'`) and Insights events
 * (`'Insight'`) whose `awsRegion` is this Region and whose `recipientAccountId`, when
 * present, is this account. Data and network-activity events are not in event history
 * (LookupEvents "Looks up management events or CloudTrail Insights events"; the user guide's
 * event-history page: "the past 90 days of management events"). A record whose eventID is
 * already held is ignored. Insights events appear in event history only for trails that
 * enable Insights [LookupEvents note]: deciding that is the caller's job (ingest them or not).
 *
 * **Indexes.** Each lookup attribute has posting lists `value → events in sort order`, so a
 * filtered lookup reads only matching events; the time range and the NextToken's resume
 * point are binary searches in the list used.
 */
export class EventHistory {
  readonly accountId: string;
  readonly region: string;
  readonly retentionDays: number;
  readonly throttle: boolean;
  private readonly now: () => number;
  private readonly management = new CategoryIndex(LOOKUP_ATTRIBUTE_KEYS);
  private readonly insights = new CategoryIndex(INSIGHT_LOOKUP_ATTRIBUTE_KEYS);
  private seq = 0;
  /** Virtual times of the last accepted LookupEvents calls (at most the rate). */
  private readonly recentCalls: number[] = [];

  constructor(opts: EventHistoryOptions) {
    if (typeof opts.accountId !== 'string' || !/^\d{12}$/.test(opts.accountId)) {
      throw new InvalidAccountIdError(`Invalid account id: ${String(opts.accountId)}. An account id is 12 digits.`);
    }
    if (typeof opts.region !== 'string' || opts.region === '') throw new TrailsimInputError('EventHistory needs a region.');
    if (typeof opts.now !== 'function') throw new TrailsimInputError('EventHistory needs a now() function (the virtual clock).');
    const days = opts.retentionDays ?? EVENT_HISTORY_RETENTION_DAYS;
    if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) {
      throw new TrailsimInputError(`retentionDays must be a positive number; got ${String(days)}.`);
    }
    this.accountId = opts.accountId;
    this.region = opts.region;
    this.retentionDays = days;
    this.throttle = opts.throttle ?? false;
    this.now = opts.now;
  }

  /** The oldest eventTime (epoch ms, inclusive) still kept at virtual time `now`. */
  retentionStart(now: number = this.now()): number {
    return now - this.retentionDays * MS_PER_DAY;
  }

  /** Number of events held (management + Insights) after expiry. */
  get size(): number {
    this.expire(this.now());
    return this.management.all.size + this.insights.all.size;
  }

  /**
   * Adds a record. Returns true if it was kept, false if event history does not hold it
   * (data or network-activity event, another Region or account, already expired, or a
   * duplicate eventID). Throws TrailsimInputError, without changing anything, for a record
   * without a readable eventTime or an eventID. `json`, when the caller already has it, is
   * the record's `JSON.stringify` text (kept as the event's CloudTrailEvent).
   */
  ingest(record: CloudTrailRecord, json?: string): boolean {
    if (typeof record !== 'object' || record === null) throw new TrailsimInputError('ingest() needs a CloudTrail record.');
    const category = historyCategory(record);
    if (category === undefined) return false;
    if (record.awsRegion !== this.region) return false;
    if (record.recipientAccountId !== undefined && record.recipientAccountId !== this.accountId) return false;
    const t = typeof record.eventTime === 'string' ? Date.parse(record.eventTime) : NaN;
    if (!Number.isFinite(t)) throw new TrailsimInputError(`Record has no readable eventTime: ${String(record.eventTime)}.`);
    if (typeof record.eventID !== 'string' || record.eventID === '') {
      throw new TrailsimInputError('Record has no eventID.');
    }

    const now = this.now();
    this.expire(now);
    if (t < this.retentionStart(now)) return false;
    if (this.management.has(record.eventID) || this.insights.has(record.eventID)) return false;

    const entry: HistoryEntry = { t, seq: this.seq++, fields: eventFields(record), json: json ?? JSON.stringify(record) };
    (category === 'Insight' ? this.insights : this.management).add(entry);
    return true;
  }

  /**
   * LookupEvents (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
   * Validates everything (throwing InvalidEventCategoryException, InvalidLookupAttributesException,
   * InvalidMaxResultsException, InvalidTimeRangeException, InvalidNextTokenException) before
   * the call counts against the rate limit; with `throttle: true`, a third accepted call within
   * one second of virtual time throws ThrottlingException "Rate exceeded" (throttled calls do
   * not count). A failed call changes nothing.
   */
  lookupEvents(input: LookupEventsInput = {}): LookupEventsOutput {
    const q = normalizeLookup(input);
    const fingerprint = lookupFingerprint(this, q);
    const resume = q.nextToken === undefined ? undefined : decodeNextToken(q.nextToken, fingerprint);

    const now = this.now();
    this.admit(now);
    this.expire(now);

    const index = q.insight ? this.insights : this.management;
    const run: SortedRun | undefined = q.attribute ? index.list(q.attribute.key, q.attribute.value) : index.all;
    if (!run) return { Events: [] };

    const lo = q.start === undefined ? run.start : run.lowerBoundTime(q.start);
    let hi = run.upperBoundTime(q.end ?? now);
    if (resume) hi = Math.min(hi, run.lowerBoundKey(resume.t, resume.seq));

    const out: LookupEventsOutput = { Events: [] };
    let i = hi;
    let last: HistoryEntry | undefined;
    while (i > lo && out.Events.length < q.maxResults) {
      last = run.at(--i);
      out.Events.push(toEvent(last.fields, last.t, last.json));
    }
    if (i > lo && last) out.NextToken = encodeNextToken(fingerprint, { t: last.t, seq: last.seq });
    return out;
  }

  private expire(now: number): void {
    const cutoff = this.retentionStart(now);
    this.management.expireBefore(cutoff);
    this.insights.expireBefore(cutoff);
  }

  /** Sliding one-second window on the virtual clock: at most 2 accepted calls in any [t, t + 1 s). */
  private admit(now: number): void {
    if (!this.throttle) return;
    const calls = this.recentCalls;
    if (calls.length >= LOOKUP_EVENTS_REQUESTS_PER_SECOND && now - calls[0] < 1000) {
      throw new ThrottlingException('Rate exceeded');
    }
    calls.push(now);
    if (calls.length > LOOKUP_EVENTS_REQUESTS_PER_SECOND) calls.shift();
  }
}
