/**
 * A minimal simulation stand-in for engine unit tests: a virtual clock, listeners, and
 * hand-built management records (shapes per shared/reference/cloudtrail-reference.md §1).
 */
import { VirtualClock } from '../../src/core/clock.js';
import { formatEventTime } from '../../src/core/time.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import type { InsightsHost } from '../../src/cloudtrail/insights/engine.js';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
/** 2026-03-01T00:00:00Z */
export const T0 = Date.UTC(2026, 2, 1);
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export class FakeHost implements InsightsHost {
  readonly clock: VirtualClock;
  readonly stored: CloudTrailRecord[] = [];
  private readonly listeners: ((r: CloudTrailRecord) => void)[] = [];
  private n = 0;

  /** `keep: false` keeps only Insights records (long workloads). */
  constructor(readonly seed: number | string = 7, start: number = T0, private readonly keep = true) {
    this.clock = new VirtualClock(start);
  }

  onRecord(l: (r: CloudTrailRecord) => void): () => void {
    this.listeners.push(l);
    return () => this.listeners.splice(this.listeners.indexOf(l), 1);
  }

  ingest(r: CloudTrailRecord): void {
    if (this.keep || r.eventCategory === 'Insight') this.stored.push(r);
    for (const l of this.listeners) l(r);
  }

  records(): CloudTrailRecord[] {
    return this.stored.slice();
  }

  insights(): CloudTrailRecord[] {
    return this.stored.filter((r) => r.eventCategory === 'Insight');
  }

  /** A management API call record at the current clock time. */
  call(op: string, opts: { user?: string; agent?: string; error?: string; readOnly?: boolean; account?: string; region?: string } = {}): CloudTrailRecord {
    const [svc, name] = op.split(':');
    const account = opts.account ?? ACCOUNT;
    const user = opts.user ?? 'alice';
    const r: CloudTrailRecord = {
      eventVersion: '1.11',
      userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE' + user.toUpperCase(), arn: `arn:aws:iam::${account}:user/${user}`, accountId: account, userName: user },
      eventTime: formatEventTime(this.clock.now()),
      eventSource: `${svc}.amazonaws.com`,
      eventName: name,
      awsRegion: opts.region ?? REGION,
      sourceIPAddress: '192.0.2.10',
      userAgent: opts.agent ?? 'aws-cli/2.15.0',
      ...(opts.error ? { errorCode: opts.error, errorMessage: 'failed' } : {}),
      requestParameters: null,
      responseElements: null,
      requestID: `req-${this.n}`,
      eventID: `00000000-0000-4000-8000-${(this.n++).toString(16).padStart(12, '0')}`,
      readOnly: opts.readOnly ?? !/^(Create|Delete|Put|Update|Attach|Run|Start|Stop)/.test(name),
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
    };
    this.ingest(r);
    return r;
  }

  /** Runs `fn` at each of `times` (epoch ms, not in the past). */
  at(times: Iterable<number>, fn: () => void): void {
    for (const t of times) this.clock.schedule(t, fn);
  }
}

export function* every(from: number, to: number, step: number): Generator<number> {
  for (let t = from; t < to; t += step) yield t;
}
