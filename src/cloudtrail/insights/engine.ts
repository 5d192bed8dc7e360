/**
 * CloudTrail Insights for management events, per account and Region, on the virtual clock.
 *
 * The engine counts, per minute, the write management API calls of each API
 * (ApiCallRateInsight) and the management API calls of each API that failed with each error
 * code (ApiErrorRateInsight); compares each minute with the baseline of the seven days
 * before it (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-insights-events-with-cloudtrail.html);
 * and, where Insights is enabled, writes a Start record when unusual activity begins and an
 * End record, with the same sharedEventID, when it is over. When a minute counts as unusual
 * is trailsim's documented policy (./policy.ts), since AWS does not publish its own.
 *
 * Records reach the simulation through `ingest` at their delivery time, so event history,
 * trails, Lake and the bus see them like AWS delivers them.
 */
import { Random, type Seed } from '../../core/random.js';
import type { VirtualClock } from '../../core/clock.js';
import { TrailsimInputError } from '../../core/errors.js';
import type { CloudTrailRecord, InsightRecord } from '../../record/types.js';
import { INSIGHT_TYPES, resolvePolicy, type InsightType, type InsightsPolicy, type ResolvedPolicy } from './policy.js';
import { DAY_MINUTES, MINUTE_MS, Series, mergeTally, newTally, type Tally } from './series.js';
import { attributions, insightDetails, insightRecord } from './record.js';

/**
 * What the engine needs from a simulation (`Simulation` has all of it). `records` is used
 * once, when observation starts, to read the history already recorded (the baseline AWS
 * would already hold); `world` resolves account names and default Regions.
 */
export interface InsightsHost {
  readonly seed: Seed;
  readonly clock: VirtualClock;
  onRecord(listener: (record: CloudTrailRecord) => void): () => void;
  ingest(record: CloudTrailRecord): void;
  records?(): CloudTrailRecord[];
  readonly world?: { account(idOrName: string): { readonly id: string; readonly regions: readonly string[] } };
}

/** Turns Insights on for an account (all its Regions unless `regions` is given). */
export interface InsightsEnableInput {
  /** Account id (or name, when the host has a world). */
  accountId: string;
  /** @defaultValue the account's Regions */
  regions?: readonly string[];
  /** @defaultValue both types */
  types?: readonly InsightType[];
  /**
   * Who asks (e.g. a trail ARN). Insights runs for an account, Region and type while at
   * least one source enables it. @defaultValue 'default'
   */
  source?: string;
}

/** The selection one source (typically a trail) makes for one account: it replaces that source's previous selection. */
export interface InsightSelection {
  accountId: string;
  /** Regions the source covers (a multi-Region trail: all the account's Regions; otherwise its home Region). */
  regions: readonly string[];
  /** Insights types selected; empty turns the source's Insights off. */
  types: readonly InsightType[];
}

interface Enablement {
  /** When Insights became enabled (the warm-up runs from here). */
  since: number;
  sources: Set<string>;
}

class Group {
  readonly series = new Map<string, Series>();
  readonly enabled = new Map<InsightType, Enablement>();
  constructor(readonly accountId: string, readonly region: string) {}
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * CloudTrail Insights for a simulation.
 *
 * @example
 * const insights = new InsightsEngine(sim);
 * insights.enable({ accountId: prod.id });                // both types, every Region of the account
 * sim.advance('8d');
 * sim.records({ eventCategory: 'Insight' });             // Start/End pairs
 */
export class InsightsEngine {
  readonly policy: Readonly<ResolvedPolicy>;
  private readonly rng: Random;
  private readonly groups = new Map<string, Group>();
  private observing = false;
  private unsubscribe: (() => void) | undefined;
  /** Epoch ms from which the engine has seen every record. */
  private observedSince = 0;
  /** Every minute up to and including this one has been analysed. */
  private cursor = -1;
  private rolledDay = -Infinity;
  private dirtyMinute = -1;
  private readonly dirty = new Set<Series>();
  private readonly openSet = new Set<Series>();
  private readonly trackedSet = new Set<Series>();
  private timerAt: number | undefined;
  private readonly delivered: InsightRecord[] = [];
  private lateRecords = 0;

  constructor(private readonly host: InsightsHost, policy: Partial<InsightsPolicy> = {}) {
    this.policy = Object.freeze(resolvePolicy(policy));
    this.rng = new Random(host.seed, ['insights']);
  }

  // ---------------------------------------------------------------------------------------
  // Enablement

  /** Enables Insights (`types`, default both) for an account in `regions` (default all of its Regions). */
  enable(input: InsightsEnableInput): void {
    const { accountId, regions, types } = this.readSelection(input);
    const source = this.readSource(input.source);
    this.observe();
    this.catchUp(Math.floor(this.host.clock.now() / MINUTE_MS));
    for (const region of regions) {
      const g = this.group(accountId, region);
      for (const t of types) this.addSource(g, t, source);
      this.refreshTracking(g, Math.floor((this.cursor + 1) / DAY_MINUTES));
    }
    this.planWake();
  }

  /**
   * Withdraws `source`'s enablement (default 'default'). Where no source is left, Insights
   * stops: an Insight in progress is closed now (its End record is written).
   */
  disable(input: InsightsEnableInput): void {
    const { accountId, regions, types } = this.readSelection(input);
    const source = this.readSource(input.source);
    if (!this.observing) return;
    this.catchUp(Math.floor(this.host.clock.now() / MINUTE_MS));
    for (const region of regions) {
      const g = this.groups.get(`${accountId}|${region}`);
      if (!g) continue;
      for (const t of types) this.removeSource(g, t, source);
    }
    this.planWake();
  }

  /**
   * Sets what `source` (e.g. a trail's ARN, from its PutInsightSelectors) selects for one
   * account, replacing its previous selection: Regions and types not listed lose this
   * source. Insights (re)starts its warm-up only where no other source already enabled it.
   * Call it with `types: []` when the trail is deleted or stops logging.
   */
  setInsightSelectors(source: string, selection: InsightSelection): void {
    const src = this.readSource(source);
    const { accountId, regions, types } = this.readSelection(selection);
    if (!Array.isArray(selection.regions)) throw new TrailsimInputError('setInsightSelectors needs regions (an array).');
    if (!Array.isArray(selection.types)) throw new TrailsimInputError('setInsightSelectors needs types (an array, empty to turn Insights off).');
    if (types.length > 0) this.observe();
    if (!this.observing) return;
    this.catchUp(Math.floor(this.host.clock.now() / MINUTE_MS));
    const wanted = new Set(regions);
    for (const g of this.groups.values()) {
      if (g.accountId !== accountId || wanted.has(g.region)) continue;
      for (const t of INSIGHT_TYPES) this.removeSource(g, t, src);
    }
    for (const region of regions) {
      const g = this.group(accountId, region);
      for (const t of INSIGHT_TYPES) {
        if (types.includes(t)) this.addSource(g, t, src);
        else this.removeSource(g, t, src);
      }
      this.refreshTracking(g, Math.floor((this.cursor + 1) / DAY_MINUTES));
    }
    this.planWake();
  }

  /** Whether Insights of `type` (default: either) runs for the account and Region. */
  isEnabled(accountId: string, region: string, type?: InsightType): boolean {
    const g = this.groups.get(`${accountId}|${region}`);
    if (!g) return false;
    return type ? g.enabled.has(type) : g.enabled.size > 0;
  }

  /** Insights records delivered so far (ingested into the simulation), in delivery order. */
  records(): InsightRecord[] {
    return this.delivered.slice();
  }

  /** Records the engine ignored because their minute had already been analysed (replayed old events). */
  get ignoredLateRecords(): number {
    return this.lateRecords;
  }

  /**
   * Starts counting records (enable does it): reads the records the simulation already holds
   * (if it keeps them) as history, then follows new ones. Idempotent.
   */
  observe(): void {
    if (this.observing) return;
    this.observing = true;
    const now = this.host.clock.now();
    const nowMinute = Math.floor(now / MINUTE_MS);
    let since = now;
    let existing: CloudTrailRecord[] = [];
    try {
      existing = this.host.records ? this.host.records() : [];
    } catch {
      existing = []; // keepRecords: false; observation starts now
    }
    const horizon = (Math.floor(nowMinute / DAY_MINUTES) - this.policy.baselineDays - 2) * DAY_MINUTES * MINUTE_MS;
    const history: { t: number; r: CloudTrailRecord }[] = [];
    for (const r of existing) {
      const t = Date.parse(r.eventTime);
      if (!Number.isFinite(t)) continue;
      if (t < since) since = t;
      if (t >= horizon && t < (nowMinute + 1) * MINUTE_MS && relevant(r)) history.push({ t, r });
    }
    history.sort((a, b) => a.t - b.t);
    this.observedSince = since;
    this.cursor = nowMinute - 1;
    for (const { t, r } of history) this.count(r, Math.floor(t / MINUTE_MS));
    this.rollDay(Math.floor(nowMinute / DAY_MINUTES));
    this.unsubscribe = this.host.onRecord((r) => this.onRecord(r));
  }

  /** Stops observing; Insights in progress are left open and nothing more is written. */
  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  // ---------------------------------------------------------------------------------------
  // Counting

  private onRecord(r: CloudTrailRecord): void {
    if (!relevant(r)) return;
    const t = Date.parse(r.eventTime);
    if (!Number.isFinite(t)) return;
    const minute = Math.floor(t / MINUTE_MS);
    if (minute <= this.cursor) {
      this.lateRecords++;
      return;
    }
    if (minute > this.cursor + 1) this.catchUp(minute);
    this.count(r, minute);
    this.planWake();
  }

  private count(r: CloudTrailRecord, minute: number): void {
    const write = r.readOnly === false;
    const errorCode = typeof r.errorCode === 'string' && r.errorCode !== '' ? r.errorCode : undefined;
    if (!write && errorCode === undefined) return;
    const g = this.group(r.recipientAccountId!, r.awsRegion);
    const vals = [r.userIdentity?.arn ?? 'null', r.userAgent ?? 'null', errorCode ?? 'null'];
    const live = minute > this.cursor;
    if (write) {
      const s = this.series(g, 'ApiCallRateInsight', r.eventSource!, r.eventName!, undefined);
      s.add(minute, vals);
      if (live) this.markDirty(s, minute);
    }
    if (errorCode !== undefined) {
      const s = this.series(g, 'ApiErrorRateInsight', r.eventSource!, r.eventName!, errorCode);
      s.add(minute, vals);
      if (live) this.markDirty(s, minute);
    }
  }

  private markDirty(s: Series, minute: number): void {
    if (this.dirtyMinute !== minute) {
      this.dirty.clear();
      this.dirtyMinute = minute;
    }
    this.dirty.add(s);
  }

  private group(accountId: string, region: string): Group {
    const key = `${accountId}|${region}`;
    let g = this.groups.get(key);
    if (!g) {
      g = new Group(accountId, region);
      this.groups.set(key, g);
    }
    return g;
  }

  private series(g: Group, type: InsightType, eventSource: string, eventName: string, errorCode: string | undefined): Series {
    const key = `${type}|${eventSource}|${eventName}|${errorCode ?? ''}`;
    let s = g.series.get(key);
    if (!s) {
      s = new Series(type, g.accountId, g.region, eventSource, eventName, errorCode, this.policy.baselineDays);
      g.series.set(key, s);
    }
    return s;
  }

  // ---------------------------------------------------------------------------------------
  // The minute loop

  /** Analyses every minute before `uptoExclusive` not analysed yet. */
  private catchUp(uptoExclusive: number): void {
    while (this.cursor + 1 < uptoExclusive) {
      const m = this.cursor + 1;
      const day = Math.floor(m / DAY_MINUTES);
      if (day > this.rolledDay) this.rollDay(day);
      const busy = (this.dirty.size > 0 && this.dirtyMinute === m) || this.openSet.size > 0 || this.trackedSet.size > 0;
      if (!busy) {
        // Nothing can change before the next busy minute or the next day: skip ahead.
        let next = Math.min(uptoExclusive, (day + 1) * DAY_MINUTES);
        if (this.dirty.size > 0 && this.dirtyMinute > m) next = Math.min(next, this.dirtyMinute);
        this.cursor = next - 1;
        continue;
      }
      this.analyseMinute(m);
      this.cursor = m;
    }
  }

  private analyseMinute(m: number): void {
    if (this.dirtyMinute === m) {
      for (const s of this.dirty) this.evaluate(s, m);
      this.dirty.clear();
      this.dirtyMinute = -1;
    }
    for (const s of this.openSet) if (s.lastEval !== m) this.evaluate(s, m);
    for (const s of this.trackedSet) this.tick(s, m);
  }

  private rollDay(day: number): void {
    this.rolledDay = day;
    const bd = this.policy.baselineDays;
    for (const g of this.groups.values()) {
      for (const [k, s] of g.series) {
        s.prune(day, bd);
        if (s.empty && !s.tracked && !this.dirty.has(s)) g.series.delete(k);
      }
      this.refreshTracking(g, day);
    }
  }

  /** High side, and the end of a gap when a call comes. */
  private evaluate(s: Series, m: number): void {
    s.lastEval = m;
    const p = this.policy;
    const c = s.countAt(m);
    const o = s.open;
    if (o) {
      if (o.side === 'low') {
        if (c > 0) this.close(s, m, m);
        return;
      }
      if (this.unusual(c, o.baseline.mean, o.baseline.sd)) {
        mergeTally(o.committed, o.tail);
        o.tail = newTally(s.attrs);
        o.lastUnusual = m;
      } else if (m - o.lastUnusual >= p.closeAfter) {
        this.close(s, o.lastUnusual + 1, m);
      }
      return;
    }
    if (c < p.minCount || !this.allowed(s, m)) return;
    const q = s.quickBaseline(m, p.baselineDays);
    if (!this.unusual(c, q.mean, q.sd)) return;
    this.openHigh(s, m);
  }

  private unusual(c: number, mean: number, sd: number): boolean {
    const p = this.policy;
    return c >= p.minCount && c > mean + p.sigma * Math.max(sd, p.sigmaFloor) && c >= p.minRatio * mean;
  }

  /** Whether an Insight of `s` may start at `minute`: enabled, warmed up, and a full baseline observed. */
  private allowed(s: Series, minute: number): boolean {
    const e = this.groups.get(`${s.accountId}|${s.region}`)?.enabled.get(s.type);
    if (!e) return false;
    const t = minute * MINUTE_MS;
    if (t < e.since + this.policy.warmupMs) return false;
    return this.baselineReady(minute);
  }

  private baselineReady(minute: number): boolean {
    const dayStart = Math.floor(minute / DAY_MINUTES) * DAY_MINUTES;
    return (dayStart - this.policy.baselineDays * DAY_MINUTES) * MINUTE_MS >= this.observedSince;
  }

  // ---------------------------------------------------------------------------------------
  // Low side (gaps)

  /** Decides which call-rate subjects are watched for gaps on `day`, and their window. */
  private refreshTracking(g: Group, day: number): void {
    const p = this.policy;
    const on = p.gap && g.enabled.has('ApiCallRateInsight') && this.baselineReady(day * DAY_MINUTES);
    for (const s of g.series.values()) {
      if (s.type !== 'ApiCallRateInsight') continue;
      if (s.open?.side === 'low') continue; // keep its window until the gap is over
      let window = 0;
      if (on) {
        const mean = s.wholeDays(day, p.baselineDays).n / (p.baselineDays * DAY_MINUTES);
        if (mean > 0) {
          window = Math.min(p.gapMaxWindow, Math.max(p.gapMinWindow, Math.ceil(p.gapWindowCalls / mean)));
          if (mean * window < p.gapMinExpected) window = 0;
        }
      }
      if (window > 0) {
        s.tracked = true;
        s.window = window;
        this.trackedSet.add(s);
      } else if (s.tracked) {
        s.tracked = false;
        s.sumsAt = -1;
        this.trackedSet.delete(s);
      }
    }
  }

  /** One minute of a watched subject: slide its windows, close or open a gap. */
  private tick(s: Series, t: number): void {
    const p = this.policy;
    const bd = p.baselineDays;
    const S = s.window;
    s.advance(t);
    if (s.sumsAt === t - 1 && s.sumsWindow === S) {
      s.winCount += s.at(t) - s.at(t - S);
      for (let d = 1; d <= bd; d++) s.winSeasonal += s.at(t - d * DAY_MINUTES) - s.at(t - d * DAY_MINUTES - S);
    } else {
      let c = 0;
      let x = 0;
      for (let u = t - S + 1; u <= t; u++) {
        c += s.at(u);
        for (let d = 1; d <= bd; d++) x += s.at(u - d * DAY_MINUTES);
      }
      s.winCount = c;
      s.winSeasonal = x;
    }
    s.sumsAt = t;
    s.sumsWindow = S;
    const expected = s.winSeasonal / bd;
    const o = s.open;
    if (o) {
      // The gap is over when a call comes (evaluate) or when the trailing windows no longer
      // expect calls: the baseline has learnt the new rate.
      if (o.side === 'low' && expected < p.gapMinExpected) {
        this.close(s, t, t);
        s.gapRetired = true;
      }
      return;
    }
    if (s.gapRetired || expected < p.gapMinExpected || s.winCount > p.gapRatio * expected + 1e-9) return;
    // A quiet window. The gap is the silence after its last call (the whole window if it has
    // none), from the first minute in which the previous days had a call. While the same
    // silence goes on, its expected calls are extended by one minute instead of recounted.
    const silentFrom = s.curMinute > t - S ? s.curMinute + 1 : t - S + 1;
    let first: number;
    let missed: number;
    if (s.quietFrom === silentFrom && s.quietAt === t - 1) {
      let e = 0;
      for (let d = 1; d <= bd; d++) e += s.at(t - d * DAY_MINUTES);
      first = s.quietFirst >= 0 ? s.quietFirst : e > 0 ? t : -1;
      missed = s.quietMissed + e;
    } else {
      first = -1;
      missed = 0;
      for (let u = silentFrom; u <= t; u++) {
        let e = 0;
        for (let d = 1; d <= bd; d++) e += s.at(u - d * DAY_MINUTES);
        if (e > 0 && first < 0) first = u;
        missed += e;
      }
    }
    s.quietFrom = silentFrom;
    s.quietAt = t;
    s.quietFirst = first;
    s.quietMissed = missed;
    // The silence must have expected at least one call a day on average.
    if (first < 0 || missed < bd) return;
    if (!this.allowed(s, first)) return;
    this.openLow(s, first, t);
  }

  // ---------------------------------------------------------------------------------------
  // Insights and their records

  private openHigh(s: Series, m: number): void {
    const b = s.baseline(m, this.policy.baselineDays);
    const ids = this.ids(s, m);
    const first = s.tally(m, m);
    s.open = { side: 'high', start: m, baseline: b, sharedEventID: ids.shared, endEventID: ids.end, committed: first, tail: newTally(s.attrs), lastUnusual: m };
    this.openSet.add(s);
    this.emitRecord(s, 'Start', m, ids.start, first, 1, m);
  }

  private openLow(s: Series, start: number, t: number): void {
    const b = s.baseline(start, this.policy.baselineDays);
    const ids = this.ids(s, start);
    const calls = s.tally(start, t);
    s.open = { side: 'low', start, baseline: b, sharedEventID: ids.shared, endEventID: ids.end, committed: calls, tail: newTally(s.attrs), lastUnusual: t };
    this.openSet.add(s);
    s.lastEval = t;
    this.emitRecord(s, 'Start', start, ids.start, calls, t - start + 1, t);
  }

  /** Closes the Insight of `s`, ending at the start of minute `end`; `decided` is the minute that decided it (undefined: now). */
  private close(s: Series, end: number, decided: number | undefined): void {
    const o = s.open!;
    if (end <= o.start) end = o.start + 1;
    // High side: the calls of [start, last unusual minute]. Low side: the calls of the gap,
    // none by construction (it ends at the first call).
    const period = o.committed;
    this.emitRecord(s, 'End', end, o.endEventID, period, end - o.start, decided);
    s.open = undefined;
    this.openSet.delete(s);
    s.lastEval = decided ?? s.lastEval;
  }

  private emitRecord(s: Series, state: 'Start' | 'End', minute: number, eventID: string, period: Tally, periodMinutes: number, decided: number | undefined): void {
    const o = s.open!;
    const b = o.baseline;
    const details = insightDetails(s, {
      state,
      baselineAverage: b.mean,
      insightAverage: period.n / periodMinutes,
      insightDuration: periodMinutes,
      baselineDuration: b.minutes,
      attributions: attributions(period, periodMinutes, b.tally, b.minutes),
    });
    const record = insightRecord(s, minute, eventID, o.sharedEventID, details);
    const now = this.host.clock.now();
    const at = Math.max(now, decided === undefined ? now : (decided + 1) * MINUTE_MS) + this.policy.deliveryDelayMs;
    this.host.clock.schedule(at, () => {
      this.delivered.push(record);
      this.host.ingest(record);
    });
  }

  /** sharedEventID and eventIDs: a pure function of seed, subject and start minute. */
  private ids(s: Series, start: number): { shared: string; start: string; end: string } {
    const rng = this.rng.fork(s.accountId, s.region, s.type, s.eventSource, s.eventName, s.errorCode ?? '', start);
    return { shared: rng.uuid(), start: rng.uuid(), end: rng.uuid() };
  }

  // ---------------------------------------------------------------------------------------
  // Clock

  /** Keeps one clock callback pending at the next moment something must be analysed. */
  private planWake(): void {
    if (!this.observing || !this.unsubscribe) return;
    let at: number | undefined;
    if (this.dirty.size > 0) at = (this.dirtyMinute + 1) * MINUTE_MS;
    else if (this.openSet.size > 0 || this.trackedSet.size > 0) at = (this.cursor + 2) * MINUTE_MS;
    else if (this.anyEnabled()) at = (Math.floor((this.cursor + 1) / DAY_MINUTES) + 1) * DAY_MINUTES * MINUTE_MS;
    if (at === undefined) return;
    const now = this.host.clock.now();
    if (at < now) at = now;
    if (this.timerAt !== undefined && this.timerAt >= now && this.timerAt <= at) return;
    this.timerAt = at;
    this.host.clock.schedule(at, (t) => {
      if (this.timerAt === at) this.timerAt = undefined;
      if (!this.unsubscribe) return;
      this.catchUp(Math.floor(t / MINUTE_MS));
      this.planWake();
    });
  }

  private anyEnabled(): boolean {
    for (const g of this.groups.values()) if (g.enabled.size > 0) return true;
    return false;
  }

  // ---------------------------------------------------------------------------------------
  // Input

  private readSelection(input: { accountId: string; regions?: readonly string[]; types?: readonly InsightType[] }): { accountId: string; regions: readonly string[]; types: readonly InsightType[] } {
    if (typeof input !== 'object' || input === null) throw new TrailsimInputError('Insights enablement needs { accountId, regions?, types? }.');
    if (typeof input.accountId !== 'string' || input.accountId === '') throw new TrailsimInputError('Insights enablement needs an accountId.');
    let accountId = input.accountId;
    let accountRegions: readonly string[] | undefined;
    if (this.host.world) {
      const a = this.host.world.account(accountId);
      accountId = a.id;
      accountRegions = a.regions;
    }
    if (!ACCOUNT_ID.test(accountId)) throw new TrailsimInputError(`Invalid account id: ${accountId}. An account id is 12 digits.`);
    const regions = input.regions ?? accountRegions;
    if (!regions) throw new TrailsimInputError('Insights enablement needs regions (the host has no world to read the account Regions from).');
    if (!Array.isArray(regions) || regions.some((r) => typeof r !== 'string' || r === '')) throw new TrailsimInputError('regions must be an array of Region names.');
    const types = input.types ?? INSIGHT_TYPES;
    if (!Array.isArray(types)) throw new TrailsimInputError('types must be an array of Insights types.');
    for (const t of types) {
      if (!INSIGHT_TYPES.includes(t)) throw new TrailsimInputError(`Unknown Insights type '${String(t)}'. Use ApiCallRateInsight or ApiErrorRateInsight.`);
    }
    return { accountId, regions, types };
  }

  private readSource(source: string | undefined): string {
    if (source === undefined) return 'default';
    if (typeof source !== 'string' || source === '') throw new TrailsimInputError('An Insights source must be a non-empty string (e.g. a trail ARN).');
    return source;
  }

  private addSource(g: Group, t: InsightType, source: string): void {
    const e = g.enabled.get(t);
    if (e) e.sources.add(source);
    else g.enabled.set(t, { since: this.host.clock.now(), sources: new Set([source]) });
  }

  private removeSource(g: Group, t: InsightType, source: string): void {
    const e = g.enabled.get(t);
    if (!e || !e.sources.delete(source) || e.sources.size > 0) return;
    g.enabled.delete(t);
    // Insights stopped: close what is in progress now, so every Start has its End.
    for (const s of g.series.values()) {
      if (s.type !== t || !s.open) continue;
      const end = s.open.side === 'high' ? s.open.lastUnusual + 1 : this.cursor + 1;
      this.close(s, end, undefined);
    }
    if (t === 'ApiCallRateInsight') this.refreshTracking(g, Math.floor((this.cursor + 1) / DAY_MINUTES));
  }
}

/** Management API calls: what Insights for management events analyses. */
function relevant(r: CloudTrailRecord): boolean {
  return (
    r.eventCategory === 'Management' &&
    r.eventType === 'AwsApiCall' &&
    typeof r.recipientAccountId === 'string' &&
    typeof r.eventSource === 'string' &&
    typeof r.eventName === 'string' &&
    typeof r.eventTime === 'string'
  );
}
