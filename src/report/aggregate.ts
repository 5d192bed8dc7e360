/**
 * Aggregates records into what the report draws, in one streaming pass (plus a second pass
 * over the Insights windows when there are Insights events), so folders larger than memory work.
 */
import type { CloudTrailRecord } from '../record/types.js';

const MINUTE = 60_000;
const BASE = 10 * MINUTE;
/** Bucket sizes the activity charts choose from: the smallest giving at most MAX_BUCKETS bars. */
const SIZES = [10, 30, 60, 180, 360, 720, 1440, 10080].map((m) => m * MINUTE);
const MAX_BUCKETS = 160;
/** Series drawn per chart; the rest are summed as "other". */
const TOP_SERIES = 8;

export interface Series {
  readonly label: string;
  readonly counts: readonly number[];
}

export interface Ranked {
  readonly label: string;
  readonly count: number;
  readonly errors: number;
}

export interface SignInRow {
  readonly time: string;
  readonly account: string;
  readonly user: string;
  readonly event: string;
  readonly result: string;
  readonly mfa: string;
  readonly sourceIPAddress: string;
}

/** One Insights event (Start and End records sharing a sharedEventID), as the console charts it. */
export interface InsightChart {
  readonly sharedEventID: string;
  readonly account: string;
  readonly region: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly insightType: string;
  readonly errorCode?: string;
  /** eventTime of the Start record (ms). */
  readonly start: number;
  /** eventTime of the End record (ms); absent while the unusual activity is still going on. */
  readonly end?: number;
  readonly baselineAverage: number;
  readonly insightAverage: number;
  readonly insightDuration?: number;
  readonly baselineDuration?: number;
  /** Minutes shown (ms) and the calls (or errors) counted in each. */
  readonly minutes: readonly number[];
  readonly counts: readonly number[];
  /** Top attributions of the insight period (user identity ARN, user agent, error code). */
  readonly attributions: readonly { readonly attribute: string; readonly values: readonly string[] }[];
}

export interface ActivityData {
  readonly records: number;
  readonly from?: string;
  readonly to?: string;
  readonly bucketMs: number;
  readonly buckets: readonly number[];
  readonly total: readonly number[];
  readonly byAccount: readonly Series[];
  readonly byRegion: readonly Series[];
  readonly byPrincipal: readonly Series[];
  readonly counts: { readonly accounts: number; readonly regions: number; readonly principals: number; readonly operations: number; readonly errors: number; readonly readOnly: number; readonly write: number };
  readonly categories: readonly Ranked[];
  readonly topCallers: readonly Ranked[];
  readonly topOperations: readonly Ranked[];
  readonly errorCodes: readonly Ranked[];
  readonly failingOperations: readonly Ranked[];
  readonly signIns: { readonly total: number; readonly success: number; readonly failure: number; readonly withoutMfa: number; readonly success_: readonly number[]; readonly failure_: readonly number[]; readonly rows: readonly SignInRow[] };
  readonly insights: readonly InsightChart[];
}

type U = NonNullable<CloudTrailRecord['userIdentity']> & Record<string, unknown>;

/** A short name for who made the call: user name, role name, service, root. */
export function principalLabel(r: CloudTrailRecord): string {
  const u = r.userIdentity as U | undefined;
  if (!u) return r.eventType === 'AwsCloudTrailInsight' ? 'CloudTrail Insights' : 'unknown';
  const acct = typeof u.accountId === 'string' ? ` (${u.accountId})` : '';
  switch (u.type) {
    case 'Root':
      return `root${acct}`;
    case 'IAMUser':
      return `user/${u.userName ?? u.principalId ?? '?'}${acct}`;
    case 'AssumedRole':
    case 'FederatedUser': {
      const issuer = (u.sessionContext as { sessionIssuer?: { userName?: string } } | undefined)?.sessionIssuer?.userName;
      return `${u.type === 'AssumedRole' ? 'role' : 'federated'}/${issuer ?? u.principalId ?? '?'}${acct}`;
    }
    case 'AWSService':
      return `service/${(u.invokedBy as string | undefined) ?? '?'}`;
    case 'AWSAccount':
      return `account/${u.accountId ?? u.principalId ?? '?'}`;
    default:
      return `${u.type ?? 'unknown'}/${(u.userName as string | undefined) ?? (u.principalId as string | undefined) ?? '?'}${acct}`;
  }
}

/** ISO time without milliseconds, as CloudTrail writes eventTime. */
function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function short(source: string | undefined): string {
  return (source ?? '?').replace(/\.amazonaws\.com$/, '');
}

function bump<K>(m: Map<K, number>, k: K, n = 1): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

class Ranking {
  private readonly m = new Map<string, { count: number; errors: number }>();
  add(k: string, error: boolean): void {
    let v = this.m.get(k);
    if (!v) this.m.set(k, (v = { count: 0, errors: 0 }));
    v.count++;
    if (error) v.errors++;
  }
  get size(): number {
    return this.m.size;
  }
  top(n: number, by: 'count' | 'errors' = 'count'): Ranked[] {
    return [...this.m.entries()]
      .filter(([, v]) => v[by] > 0)
      .sort((a, b) => b[1][by] - a[1][by] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([label, v]) => ({ label, count: v.count, errors: v.errors }));
  }
}

function insightKey(account: string, region: string, source: string, name: string, errorCode: string | undefined): string {
  return `${account}|${region}|${source}|${name}|${errorCode ?? ''}`;
}

/** Adds records one at a time; `result()` gives the report's data. */
export class ActivityAggregator {
  private n = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly total = new Map<number, number>();
  private readonly series = { account: new Map<string, Map<number, number>>(), region: new Map<string, Map<number, number>>(), principal: new Map<string, Map<number, number>>() };
  private readonly seriesTotals = { account: new Map<string, number>(), region: new Map<string, number>(), principal: new Map<string, number>() };
  private readonly callers = new Ranking();
  private readonly operations = new Ranking();
  private readonly codes = new Ranking();
  private readonly categories = new Ranking();
  private errors = 0;
  private readOnly = 0;
  private write = 0;
  private readonly signIn = { total: 0, success: 0, failure: 0, withoutMfa: 0, ok: new Map<number, number>(), bad: new Map<number, number>(), rows: [] as SignInRow[] };
  private readonly insightRecords: CloudTrailRecord[] = [];

  add(r: CloudTrailRecord): void {
    const t = Date.parse(r.eventTime);
    if (Number.isNaN(t)) return;
    this.n++;
    if (t < this.min) this.min = t;
    if (t > this.max) this.max = t;
    this.categories.add(r.eventCategory ?? 'Management', false);
    if (r.eventType === 'AwsCloudTrailInsight') {
      this.insightRecords.push(r);
      return;
    }
    const b = Math.floor(t / BASE) * BASE;
    bump(this.total, b);
    const principal = principalLabel(r);
    const dims = { account: r.recipientAccountId ?? '?', region: r.awsRegion ?? '?', principal } as const;
    for (const k of ['account', 'region', 'principal'] as const) {
      let m = this.series[k].get(dims[k]);
      if (!m) this.series[k].set(dims[k], (m = new Map()));
      bump(m, b);
      bump(this.seriesTotals[k], dims[k]);
    }
    const failed = r.errorCode !== undefined || (typeof r.errorMessage === 'string' && r.eventSource !== 'signin.amazonaws.com');
    const op = `${short(r.eventSource)}:${r.eventName}`;
    this.callers.add(principal, failed);
    this.operations.add(op, failed);
    if (failed) {
      this.errors++;
      this.codes.add(r.errorCode ?? 'error', true);
    }
    if (r.readOnly === true) this.readOnly++;
    else if (r.readOnly === false) this.write++;
    if (r.eventSource === 'signin.amazonaws.com') this.addSignIn(r, t, b);
  }

  private addSignIn(r: CloudTrailRecord, t: number, b: number): void {
    const s = this.signIn;
    s.total++;
    const resp = r.responseElements as Record<string, unknown> | null | undefined;
    const name = r.eventName ?? '';
    const outcome = typeof resp?.[name] === 'string' ? (resp[name] as string) : r.errorMessage || r.errorCode ? 'Failure' : 'Success';
    const ok = outcome === 'Success';
    if (ok) s.success++;
    else s.failure++;
    bump(ok ? s.ok : s.bad, b);
    const mfa = (r.additionalEventData as Record<string, unknown> | undefined)?.MFAUsed;
    if (ok && mfa === 'No') s.withoutMfa++;
    const u = r.userIdentity as U | undefined;
    s.rows.push({
      time: r.eventTime,
      account: r.recipientAccountId ?? '?',
      user: (u?.userName as string | undefined) ?? (u?.type === 'Root' ? 'root' : principalLabel(r)),
      event: name,
      result: ok ? 'Success' : `Failure${r.errorMessage ? `: ${r.errorMessage}` : ''}`,
      mfa: typeof mfa === 'string' ? mfa : '-',
      sourceIPAddress: r.sourceIPAddress ?? '-',
    });
    // Keep the latest sign-ins only: sort and trim now and then so memory stays bounded.
    if (s.rows.length > 2000) {
      s.rows.sort((a, c) => (a.time < c.time ? 1 : a.time > c.time ? -1 : 0));
      s.rows.length = 200;
    }
    void t;
  }

  /** The Insights events found, and the (account, region, API[, error]) keys whose per-minute counts their charts need. */
  insightPlan(): { key: string; from: number; to: number; writeOnly: boolean }[] {
    return this.insightEvents().map((e) => ({ key: insightKey(e.account, e.region, e.eventSource, e.eventName, e.errorCode), from: e.windowFrom, to: e.windowTo, writeOnly: e.insightType === 'ApiCallRateInsight' }));
  }

  private insightEvents() {
    const byShared = new Map<string, { start?: CloudTrailRecord; end?: CloudTrailRecord }>();
    for (const r of this.insightRecords) {
      const id = r.sharedEventID ?? r.eventID;
      let e = byShared.get(id);
      if (!e) byShared.set(id, (e = {}));
      if (r.insightDetails?.state === 'End') e.end = r;
      else e.start = r;
    }
    const out = [];
    for (const [id, { start, end }] of byShared) {
      const any = (start ?? end)!;
      const d = any.insightDetails!;
      const startMs = start ? Date.parse(start.eventTime) : Date.parse(end!.eventTime) - (end!.insightDetails?.insightContext?.statistics?.insightDuration ?? 1) * MINUTE;
      const endMs = end ? Date.parse(end.eventTime) : undefined;
      const stats = (end ?? start)!.insightDetails!.insightContext?.statistics;
      const span = Math.max(1, ((endMs ?? startMs + MINUTE) - startMs) / MINUTE);
      // The chart shows the insight window with context on both sides, at least an hour.
      const pad = Math.max(30, Math.ceil(span * 3)) * MINUTE;
      out.push({
        sharedEventID: id,
        account: any.recipientAccountId ?? '?',
        region: any.awsRegion,
        eventSource: d.eventSource,
        eventName: d.eventName,
        insightType: d.insightType,
        ...(d.errorCode !== undefined ? { errorCode: d.errorCode } : {}),
        start: startMs,
        ...(endMs !== undefined ? { end: endMs } : {}),
        baselineAverage: stats?.baseline?.average ?? 0,
        insightAverage: stats?.insight?.average ?? 0,
        ...(stats?.insightDuration !== undefined ? { insightDuration: stats.insightDuration } : {}),
        ...(stats?.baselineDuration !== undefined ? { baselineDuration: stats.baselineDuration } : {}),
        attributions: ((end ?? start)!.insightDetails!.insightContext?.attributions ?? []).map((a) => ({ attribute: a.attribute, values: a.insight.map((v) => `${v.value} (${v.average}/min)`) })),
        windowFrom: Math.floor((startMs - pad) / MINUTE) * MINUTE,
        windowTo: Math.floor(((endMs ?? startMs) + pad) / MINUTE) * MINUTE,
      });
    }
    return out.sort((a, b) => a.start - b.start || (a.sharedEventID < b.sharedEventID ? -1 : 1));
  }

  /** Second pass: counts per minute for the Insights charts. Returns a counter to feed every record to. */
  insightCounter(): { add(r: CloudTrailRecord): void; charts(): InsightChart[] } {
    const events = this.insightEvents();
    const wanted = new Map<string, { from: number; to: number; writeOnly: boolean; counts: Map<number, number> }[]>();
    for (const e of events) {
      const key = insightKey(e.account, e.region, e.eventSource, e.eventName, e.errorCode);
      const list = wanted.get(key) ?? [];
      list.push({ from: e.windowFrom, to: e.windowTo, writeOnly: e.insightType === 'ApiCallRateInsight', counts: new Map() });
      wanted.set(key, list);
    }
    const plans = events.map((e) => wanted.get(insightKey(e.account, e.region, e.eventSource, e.eventName, e.errorCode))!.find((w) => w.from === e.windowFrom && w.to === e.windowTo)!);
    return {
      add(r) {
        if (r.eventType === 'AwsCloudTrailInsight' || r.eventCategory !== 'Management') return;
        // ApiErrorRateInsight counts calls that failed with its error code; ApiCallRateInsight, write calls.
        const list = wanted.get(insightKey(r.recipientAccountId ?? '?', r.awsRegion, r.eventSource ?? '', r.eventName ?? '', r.errorCode));
        const listAny = r.errorCode !== undefined ? wanted.get(insightKey(r.recipientAccountId ?? '?', r.awsRegion, r.eventSource ?? '', r.eventName ?? '', undefined)) : undefined;
        const t = Date.parse(r.eventTime);
        for (const w of [...(list ?? []), ...(listAny ?? [])]) {
          if (w.writeOnly && r.readOnly !== false) continue;
          if (t < w.from || t >= w.to + MINUTE) continue;
          const m = Math.floor(t / MINUTE) * MINUTE;
          w.counts.set(m, (w.counts.get(m) ?? 0) + 1);
        }
      },
      charts() {
        return events.map((e, i) => {
          const minutes: number[] = [];
          const counts: number[] = [];
          for (let m = e.windowFrom; m <= e.windowTo; m += MINUTE) {
            minutes.push(m);
            counts.push(plans[i].counts.get(m) ?? 0);
          }
          const { windowFrom: _f, windowTo: _t, ...rest } = e;
          return { ...rest, minutes, counts };
        });
      },
    };
  }

  get hasInsights(): boolean {
    return this.insightRecords.length > 0;
  }

  result(insights: readonly InsightChart[] = []): ActivityData {
    const span = this.n > 0 ? this.max - this.min : 0;
    const size = SIZES.find((s) => span / s <= MAX_BUCKETS) ?? SIZES[SIZES.length - 1];
    const first = this.n > 0 ? Math.floor(this.min / size) * size : 0;
    const count = this.n > 0 ? Math.floor(this.max / size) - Math.floor(this.min / size) + 1 : 0;
    const buckets = Array.from({ length: count }, (_, i) => first + i * size);
    const rebucket = (m: Map<number, number>) => {
      const out = new Array<number>(count).fill(0);
      for (const [b, c] of m) out[Math.floor((b - first) / size)] += c;
      return out;
    };
    const top = (k: 'account' | 'region' | 'principal'): Series[] => {
      const ranked = [...this.seriesTotals[k].entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const shown = ranked.slice(0, TOP_SERIES).map(([label]) => ({ label, counts: rebucket(this.series[k].get(label)!) }));
      if (ranked.length > TOP_SERIES) {
        const other = new Array<number>(count).fill(0);
        for (const [label] of ranked.slice(TOP_SERIES)) rebucket(this.series[k].get(label)!).forEach((c, i) => (other[i] += c));
        shown.push({ label: `${ranked.length - TOP_SERIES} others`, counts: other });
      }
      return shown;
    };
    const s = this.signIn;
    const rows = [...s.rows].sort((a, c) => (a.time < c.time ? 1 : a.time > c.time ? -1 : 0)).slice(0, 100);
    return {
      records: this.n,
      ...(this.n > 0 ? { from: iso(this.min), to: iso(this.max) } : {}),
      bucketMs: size,
      buckets,
      total: rebucket(this.total),
      byAccount: top('account'),
      byRegion: top('region'),
      byPrincipal: top('principal'),
      counts: { accounts: this.seriesTotals.account.size, regions: this.seriesTotals.region.size, principals: this.seriesTotals.principal.size, operations: this.operations.size, errors: this.errors, readOnly: this.readOnly, write: this.write },
      categories: this.categories.top(10),
      topCallers: this.callers.top(15),
      topOperations: this.operations.top(15),
      errorCodes: this.codes.top(15),
      failingOperations: this.operations.top(15, 'errors'),
      signIns: { total: s.total, success: s.success, failure: s.failure, withoutMfa: s.withoutMfa, success_: rebucket(s.ok), failure_: rebucket(s.bad), rows },
      insights: [...insights],
    };
  }
}
