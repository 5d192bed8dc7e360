/**
 * A minimal simulation host (seed, virtual clock, record listeners) and hand-built CloudTrail
 * records, so the bus can be tested without the catalog or the record builder.
 */
import { VirtualClock } from '../../src/core/clock.js';
import { formatEventTime } from '../../src/core/time.js';
import type { CloudTrailRecord, EventCategory, EventType } from '../../src/record/types.js';
import { EventBridgeService, type EventBridgeOptions } from '../../src/bus/eventbridge.js';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';
export const REGION = 'us-east-1';
export const START = '2026-03-01T09:00:00Z';

export class FakeHost {
  readonly clock = new VirtualClock(START);
  private readonly listeners: ((r: CloudTrailRecord) => void)[] = [];
  constructor(readonly seed: number | string = 7) {}
  onRecord(l: (r: CloudTrailRecord) => void): () => void {
    this.listeners.push(l);
    return () => this.listeners.splice(this.listeners.indexOf(l), 1);
  }
  ingest(r: CloudTrailRecord): void {
    for (const l of this.listeners) l(r);
  }
}

export function setup(options: EventBridgeOptions = {}, seed: number | string = 7) {
  const host = new FakeHost(seed);
  const eb = new EventBridgeService(host, options);
  const client = eb.forAccount(ACCOUNT, REGION);
  return { host, eb, client };
}

let n = 0;

export interface RecordSpec {
  name: string;
  source?: string;
  account?: string;
  region?: string;
  category?: EventCategory;
  type?: EventType;
  time?: number;
  readOnly?: boolean;
  requestParameters?: Record<string, string>;
  responseElements?: Record<string, string> | null;
  eventID?: string;
}

/** A record with CloudTrail's key order. */
export function record(s: RecordSpec): CloudTrailRecord {
  const account = s.account ?? ACCOUNT;
  const category = s.category ?? 'Management';
  const r: CloudTrailRecord = {
    eventVersion: '1.11',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLEALICE', arn: `arn:aws:iam::${account}:user/alice`, accountId: account, userName: 'alice' },
    eventTime: formatEventTime(s.time ?? Date.parse(START)),
    eventSource: s.source ?? 'iam.amazonaws.com',
    eventName: s.name,
    awsRegion: s.region ?? REGION,
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: s.requestParameters ?? null,
    responseElements: s.responseElements === undefined ? null : s.responseElements,
    requestID: `req-${++n}`,
    eventID: s.eventID ?? `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    readOnly: s.readOnly ?? /^(Get|List|Describe)/.test(s.name),
    eventType: s.type ?? 'AwsApiCall',
    managementEvent: category === 'Management',
    recipientAccountId: account,
    eventCategory: category,
  };
  return r;
}
