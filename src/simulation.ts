import { assertRegion } from './world/regions.js';
import { VirtualClock } from './core/clock.js';
import { parseDuration, type Duration } from './core/duration.js';
import { Random, type Seed } from './core/random.js';
import { toMillis, type Instant, utcDay, MS_PER_DAY } from './core/time.js';
import { globalRegionOf } from './core/ids.js';
import { InvalidTimeError, TrailsimInputError } from './core/errors.js';
import type { CallContext, OperationSpec } from './catalog/types.js';
import { defaultCatalog, type Catalog } from './catalog/catalog.js';
import { resolveCallError } from './catalog/call-error.js';
import { buildRecords, NO_CALL_OPTIONS, type CallOptions } from './record/builder.js';
import type { CloudTrailRecord, JsonObject } from './record/types.js';
import { World, type PopulateConstraints } from './world/world.js';
import type { Account, AccountOptions } from './world/account.js';
import type { Organization } from './world/organization.js';
import type { Principal } from './world/principal.js';
import { EventHistory, historyCategory } from './cloudtrail/history.js';
import { recordJson } from './cloudtrail/trails/record-json.js';
import type { LookupEventsInput, LookupEventsOutput } from './cloudtrail/lookup-events.js';
import { Traffic, shardName, type CallIntent, type Intent, type ShardKey, type TrafficOptions } from './activity/traffic.js';
import { SessionLedger, issuingCallFor } from './estate/ledger.js';
import { VERSION } from './version.js';
import { EventBridgeService, type EventBridgeOptions } from './bus/eventbridge.js';
import { InsightsEngine } from './cloudtrail/insights/engine.js';
import { Lake, type LakeOptions } from './cloudtrail/lake/lake.js';
import { CloudTrailService, type CloudTrailServiceOptions } from './cloudtrail/trails/service.js';
import type { InsightsPolicy } from './cloudtrail/insights/policy.js';
import { attackerAddress, type AttackerAddressMode } from './world/attacker-ips.js';
import { EstateRegistry } from './estate/registry.js';
import { bindingOf, planShard } from './estate/registry-plan.js';
import { applyUserEffect } from './estate/registry-calls.js';
import { effectOf, isNotFoundCode, typeOfNotFoundCode } from './catalog/resource-effects.js';

/** Options of `createSimulation`. */
export interface SimulationOptions {
  /** The one seed every random stream derives from. @defaultValue 0 */
  seed?: Seed;
  /** Virtual start time. @defaultValue '2026-01-01T00:00:00Z' */
  start?: Instant;
  /** Operation catalog. @defaultValue the built-in catalog (hand-tuned + AWS API models) */
  catalog?: Catalog;
  /** Keep every record in memory for `records()`. Turn off for very large runs that stream through `onRecord`. @defaultValue true */
  keepRecords?: boolean;
  /** Model LookupEvents' 2 requests per second per account and region (ThrottlingException). @defaultValue false */
  throttleLookups?: boolean;
  /** Keep event history (LookupEvents). Turn off for bulk generation that only writes files. @defaultValue true */
  eventHistory?: boolean;
  /** EventBridge: how CloudTrail records reach the default buses, retry back-off, limits. */
  eventBridge?: EventBridgeOptions;
  /** Trails: delivery interval, signing key, delivery imperfections, ... */
  trails?: CloudTrailServiceOptions;
  /** CloudTrail Lake options (query run time, a custom DuckDB loader). */
  lake?: LakeOptions;
  /** Insights detection policy (trailsim's own; AWS does not publish its thresholds). @defaultValue DEFAULT_INSIGHTS_POLICY */
  insights?: Partial<InsightsPolicy>;
  /**
   * Where `attackerIp()` draws attack playbooks' addresses from: `global` (routable VPS, VPN
   * and Tor-exit space, which detections treat as internet callers) or `documentation` (the
   * RFC 5737 ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, which detections that
   * check `is_global` ignore). @defaultValue 'global'
   */
  ipAddresses?: AttackerAddressMode;
}

/** Receives every record as it is recorded, in clock order. */
export type RecordListener = (record: CloudTrailRecord) => void;

/** Filter for `records()`. */
export interface RecordFilter {
  accountId?: string;
  region?: string;
  eventName?: string;
  eventSource?: string;
  eventCategory?: CloudTrailRecord['eventCategory'];
}

const principalSims = new WeakMap<object, Simulation>();

/**
 * A simulation: a world, a virtual clock, and the CloudTrail records the world's activity
 * produces. Same seed and same scenario give the same records, byte for byte.
 *
 * @example
 * const sim = createSimulation({ seed: 7, start: '2026-03-01T09:00:00Z' });
 * const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
 * const alice = prod.iamUser('alice');
 * sim.call(alice, 'iam:CreateUser', { userName: 'bob' });
 * sim.advance('5m');
 * const page = sim.lookupEvents({ accountId: prod.id, region: 'us-east-1', LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] });
 */
export class Simulation {
  readonly seed: Seed;
  readonly clock: VirtualClock;
  readonly world: World;
  readonly catalog: Catalog;
  /** trailsim version that made this output: same seed and same major version give the same bytes. */
  readonly version = VERSION;
  /** EventBridge buses, rules and targets; CloudTrail records reach the default buses (free until a rule exists). */
  readonly eventBridge: EventBridgeService;
  /** CloudTrail Insights: idle until enabled for an account (directly or by a trail's insight selectors). */
  readonly insights: InsightsEngine;
  /** The estate's resource registry: what exists in each account and region, and when (see docs/resources.md). */
  readonly estate: EstateRegistry;
  private readonly rng: Random;
  private readonly directRng: Random;
  private readonly stored: CloudTrailRecord[] = [];
  private readonly keep: boolean;
  private readonly listeners: RecordListener[] = [];
  private readonly histories = new Map<string, EventHistory>();
  private readonly throttle: boolean;
  private readonly keepHistory: boolean;
  private readonly specCache = new Map<string, OperationSpec>();
  private recordCount = 0;
  /** The record being recorded and its JSON, made at most once (see `recordJson`). */
  private textOf?: CloudTrailRecord;
  private text = '';
  private lakeService?: Lake;
  private readonly trailServices: CloudTrailService[] = [];
  private readonly trailOptions?: CloudTrailServiceOptions;
  private readonly lakeOptions?: LakeOptions;
  /** How `attackerIp()` draws addresses (the `ipAddresses` option). */
  readonly ipAddresses: AttackerAddressMode;
  /** Credentials recorded STS calls issued: sessions built later adopt their keys, so they trace. */
  readonly ledger = new SessionLedger();

  constructor(options: SimulationOptions = {}) {
    this.seed = options.seed ?? 0;
    this.rng = new Random(this.seed);
    this.directRng = this.rng.fork('direct');
    this.clock = new VirtualClock(options.start ?? '2026-01-01T00:00:00Z');
    this.world = new World(this.rng.fork('world'), () => this.clock.now());
    this.estate = new EstateRegistry(this.world, this.rng.fork('estate'));
    this.catalog = options.catalog ?? defaultCatalog();
    this.keep = options.keepRecords ?? true;
    this.throttle = options.throttleLookups ?? false;
    this.keepHistory = options.eventHistory ?? true;
    // EventBridge receives CloudTrail events only while a trail with logging on covers the
    // account and region (and data events only when that trail logs them): the EventBridge
    // user guide's requirement. 'assume-trail' stays available, explicitly, for tests that
    // do not model trails.
    const ebOptions: EventBridgeOptions = { ...options.eventBridge };
    const ct = ebOptions.cloudTrailDelivery ?? {};
    ebOptions.cloudTrailDelivery = { ...ct, mode: ct.mode ?? 'require-trail', coveredBy: ct.coveredBy ?? ((r) => this.trailServices.some((t) => t.coveredBy(r))) };
    this.eventBridge = new EventBridgeService(this, ebOptions);
    this.insights = new InsightsEngine(this, options.insights);
    this.lakeOptions = options.lake;
    this.trailOptions = options.trails;
    this.ipAddresses = options.ipAddresses ?? 'global';
    attackerAddress(this.seed, 'check', this.ipAddresses); // rejects a bad ipAddresses option now
  }

  /**
   * An attacker's source address, named by `label` (`'attacker'`, `'exfil-host'`): the same
   * seed and label always give the same address. Globally routable by default; RFC 5737
   * documentation addresses with `ipAddresses: 'documentation'`.
   */
  attackerIp(label = 'attacker'): string {
    return attackerAddress(this.seed, label, this.ipAddresses);
  }

  /** CloudTrail's trail API, S3 delivery, digests and CloudWatch Logs. Created on first use. */
  get cloudtrail(): CloudTrailService {
    return this.trailServices[0] ?? new CloudTrailService(this, this.trailOptions);
  }

  /** @internal Called by every CloudTrailService built on this simulation, so EventBridge sees its trails. */
  adoptTrailService(service: CloudTrailService): void {
    if (!this.trailServices.includes(service)) this.trailServices.push(service);
  }

  /** CloudTrail Lake: event data stores and Lake SQL (DuckDB is loaded only when a query runs). Created on first use. */
  get lake(): Lake {
    return (this.lakeService ??= new Lake(this, this.lakeOptions));
  }

  /** Current virtual time, epoch ms. */
  get now(): number {
    return this.clock.now();
  }

  /** Moves virtual time forward, running scheduled activity on the way. */
  advance(d: Duration): this {
    this.clock.advance(d);
    return this;
  }

  advanceTo(t: Instant): this {
    this.clock.advanceTo(t);
    return this;
  }

  /** Adds an account (its id drawn from the seed by name when not given) with a starting set of resources. */
  addAccount(opts: AccountOptions = {}, populate: PopulateConstraints = {}): Account {
    const a = this.world.addAccount(opts, populate);
    a.credentialLedger = this.ledger;
    principalSims.set(a, this);
    return a;
  }

  /** Makes `management` the management account of a new organization holding every account. */
  createOrganization(management: Account, id?: string): Organization {
    return this.world.createOrganization(management, id);
  }

  /** An account by id or name. */
  account(idOrName: string): Account {
    return this.world.account(idOrName);
  }

  /** The operation for a name such as `iam:CreateUser`; throws UnknownOperationError. */
  operation(name: string): OperationSpec {
    const cached = this.specCache.get(name);
    if (cached) return cached;
    const spec = this.catalog.resolve(name);
    this.specCache.set(name, spec);
    return spec;
  }

  /**
   * `principal` calls `operation` now. Returns the caller's record (the resource owner's
   * copy of a cross-account call is recorded too). Validation happens before anything is
   * recorded: an unknown operation or bad option throws and records nothing.
   */
  call(principal: Principal, operation: string, params?: JsonObject, opts: CallOptions = {}): CloudTrailRecord {
    const spec = this.operation(operation);
    const region = this.regionFor(spec, principal, opts.region);
    // A session no recorded call issued gets its issuing record first (at its creation
    // time), so its key traces; the user's own call is recorded exactly as given.
    const issuing = issuingCallFor(principal, this.ledger, (n) => this.operation(n));
    if (issuing) {
      const issuingRegion = issuing.spec.global ? globalRegionOf(principal.account.partition) : (issuing.region ?? region);
      const recs = buildRecords(issuing.spec, issuing.principal, issuing.params, issuing.opts ?? {}, {
        rng: this.directRng.fork('issuing', issuing.time, principal.identity.accessKeyId ?? ''),
        world: this.estate.view({ accountId: issuing.principal.account.id, region: issuingRegion, time: issuing.time, user: true }),
        time: issuing.time,
        region: issuingRegion,
        resolveError: resolveCallError,
      });
      issuing.patch?.(recs);
      for (const r of recs) this.ingest(r);
    }
    const time = this.clock.now();
    const view = () => this.estate.view({ accountId: principal.account.id, region, time, user: true });
    const env = { rng: this.directRng, world: view(), time, region, resolveError: resolveCallError };
    let records = buildRecords(spec, principal, params, opts, env);
    const effect = effectOf(spec);
    if (effect) {
      records = applyUserEffect(this.estate, effect, records, {
        accountId: principal.account.id,
        region,
        time,
        partition: principal.account.partition,
        explicitError: opts.error !== undefined,
        spec,
        rebuild: (error) => buildRecords(spec, principal, params, { ...opts, error }, { ...env, world: view() }),
      });
    }
    this.ledger.noteIssued(records[0]);
    for (const r of records) this.ingest(r);
    return records[0];
  }

  /** Records a record made elsewhere (replayed real logs, Insights), in clock order with the rest. */
  ingest(record: CloudTrailRecord): void {
    this.recordCount++;
    if (this.keep) this.stored.push(record);
    // historyCategory, not eventCategory: records of eventVersion 1.05 and older (replayed
    // real logs) carry no eventCategory and are management events all the same.
    if (this.keepHistory && historyCategory(record) !== undefined) {
      const acct = record.recipientAccountId;
      if (acct) this.historyFor(acct, record.awsRegion).ingest(record, this.recordJson(record));
    }
    for (const l of this.listeners) l(record);
  }

  /**
   * The record's compact JSON (exactly `JSON.stringify(record)`). The record being recorded
   * is serialised once and its text shared by event history (CloudTrailEvent), trail
   * delivery and CloudWatch Logs: serialising is most of what they cost. Records are not
   * to be changed once recorded; any other record is serialised afresh.
   */
  recordJson(record: CloudTrailRecord): string {
    if (record === this.textOf) return this.text;
    const text = recordJson(record);
    this.textOf = record;
    this.text = text;
    return text;
  }

  /** Subscribes to every record from now on; returns the unsubscribe function. */
  onRecord(listener: RecordListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Records so far, in the order they were recorded (clock order), optionally filtered. */
  records(filter: RecordFilter = {}): CloudTrailRecord[] {
    if (!this.keep) throw new TrailsimInputError('records() is unavailable: this simulation was created with keepRecords: false; use onRecord().');
    const { accountId, region, eventName, eventSource, eventCategory } = filter;
    if (!accountId && !region && !eventName && !eventSource && !eventCategory) return this.stored.slice();
    return this.stored.filter(
      (r) =>
        (!accountId || r.recipientAccountId === accountId) &&
        (!region || r.awsRegion === region) &&
        (!eventName || r.eventName === eventName) &&
        (!eventSource || r.eventSource === eventSource) &&
        (!eventCategory || r.eventCategory === eventCategory),
    );
  }

  /** How many records have been recorded. */
  get recordTotal(): number {
    return this.recordCount;
  }

  /** The event history of one account and region. */
  history(accountId: string, region: string): EventHistory {
    const id = this.world.account(accountId).id;
    if (!this.histories.has(`${id}|${region}`)) assertRegion(region, 'history: region');
    return this.historyFor(id, region);
  }

  /** LookupEvents in one account and region (default: the first account, its default region). */
  lookupEvents(input: LookupEventsInput & { accountId?: string; region?: string } = {}): LookupEventsOutput {
    const { accountId, region, ...rest } = input;
    const account = accountId ? this.world.account(accountId) : this.firstAccount();
    // A region that only replayed records carry (anonymised samples rename regions) is known to this simulation.
    if (region !== undefined && !this.histories.has(`${account.id}|${region}`)) assertRegion(region, 'lookupEvents: region');
    return this.historyFor(account.id, region ?? account.defaultRegion).lookupEvents(rest);
  }

  /**
   * Adds generated background traffic, run as the clock advances. Calls are planned one
   * shard (account, region, UTC day) at a time from that shard's own streams; see `ShardKey`.
   */
  addTraffic(options: TrafficOptions, run: { onClock?: boolean } = {}): Traffic {
    const traffic = new Traffic(options, (n) => this.operation(n));
    const shards = this.trafficShards(traffic);
    // Create every persona's roles and users now, so generated calls never add resources
    // that another shard's calls could then pick (shards stay independent).
    traffic.bind(this.world, this.rng, new Set(shards.map((s) => s.account)));
    // `onClock: false`: the caller drives shards itself (generate's worker threads), so the
    // clock's driver, which would plan the first day's calls of every shard now, is not made.
    if (run.onClock !== false) new TrafficDriver(this, traffic, shards).start();
    return traffic;
  }

  /** The records one shard of `traffic` produces, generated alone (not recorded). */
  generateShard(traffic: Traffic, key: ShardKey): CloudTrailRecord[] {
    const account = this.world.account(key.accountId);
    assertRegion(key.region, 'generateShard: region');
    // A shard is a UTC day: 2026-02-30 must not quietly become 2026-03-02.
    if (typeof key.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(key.day)) throw new InvalidTimeError(`generateShard: day must be a UTC day YYYY-MM-DD; got ${JSON.stringify(key.day)}.`);
    toMillis(key.day, 'generateShard: day');
    const intents = this.shardIntents(traffic, account, key.region, key.day);
    const rng = this.shardCallRng(traffic, key);
    const out: CloudTrailRecord[] = [];
    for (const it of intents) for (const r of this.buildIntent(it, key.region, rng)) out.push(r);
    return out;
  }

  /** @internal */
  shardCallRng(traffic: Traffic, key: ShardKey): Random {
    return this.rng.fork(traffic.name, key.accountId, key.region, key.day, 'calls');
  }

  /** @internal */
  trafficShards(traffic: Traffic): { account: Account; region: string }[] {
    const out: { account: Account; region: string }[] = [];
    const accounts = traffic.options.accounts ? traffic.options.accounts.map((a) => this.world.account(a)) : [...this.world.accounts.values()];
    for (const account of accounts) {
      for (const region of traffic.options.regions ?? account.regions) {
        assertRegion(region, 'addTraffic: region');
        out.push({ account, region });
      }
    }
    return out;
  }

  /** @internal */
  shardIntents(traffic: Traffic, account: Account, region: string, day: string): Intent[] {
    const intents = traffic.shardIntents(this.rng, account, region, day);
    // The shard's resource lifecycles are planned from its own calls (estate/registry-plan.ts).
    const scope = this.estate.openShard(shardName({ accountId: account.id, region, day }), day);
    return planShard(intents, {
      registry: this.estate,
      scope,
      accountId: account.id,
      region,
      globalRegion: globalRegionOf(account.partition),
      rng: this.rng.fork(traffic.name, account.id, region, day, 'estate'),
      resolve: (n) => this.catalog.get(n),
    });
  }

  /** @internal Builds the records of one planned call. */
  buildIntent(it: CallIntent, shardRegion: string, rng: Random): CloudTrailRecord[] {
    const spec = it.spec;
    const binding = bindingOf(it);
    let error: string | undefined = binding?.error;
    if (error === undefined && it.fail) {
      const modes = spec.errors ?? [];
      error = modes.length > 0 && rng.bool(0.7) ? rng.weighted(modes.map((m) => [m.code, m.weight ?? 1] as const)) : 'AccessDenied';
    }
    const accountId = it.principal.account.id;
    const region = spec.global ? globalRegionOf(it.principal.account.partition) : (it.region ?? shardRegion);
    // A not-found failure names a resource that does not exist (never one that does).
    let missing: string | undefined;
    if (error !== undefined && error !== 'AccessDenied' && !binding) {
      const type = effectOf(spec)?.type;
      if (isNotFoundCode(error, type)) missing = typeOfNotFoundCode(error) ?? type;
    }
    const world = this.estate.viewAt(accountId, region, it.time, this.shardScopeAt(accountId, shardRegion, it.time), binding, missing);
    // The session machinery's own params (an issuing call names its role and session) win
    // over the registry's choice of resources.
    const params = it.params ? (binding?.params ? { ...binding.params, ...it.params } : it.params) : binding?.params;
    const opts = it.opts ? (error ? { ...it.opts, error } : it.opts) : error ? { error } : NO_CALL_OPTIONS;
    const records = buildRecords(spec, it.principal, params, opts, { rng, world, time: it.time, region, resolveError: resolveCallError });
    if (it.patch) it.patch(records);
    if (binding && binding.action === 'create' && records[0].errorCode === undefined) this.estate.capture(binding.resource, records[0].requestParameters ?? null, records[0].responseElements ?? null);
    return records;
  }

  /** The shard scope last used per account and region: merged shards alternate between them call by call. */
  private readonly scopeCache = new Map<string, Map<string, { from: number; version: number; scope: ReturnType<EstateRegistry['shard']> }>>();

  private shardScopeAt(accountId: string, region: string, time: number): ReturnType<EstateRegistry['shard']> {
    let byRegion = this.scopeCache.get(accountId);
    if (!byRegion) this.scopeCache.set(accountId, (byRegion = new Map()));
    let c = byRegion.get(region);
    const version = this.estate.shardsVersion;
    if (c && time >= c.from && time < c.from + MS_PER_DAY && c.version === version) return c.scope;
    const from = Math.floor(time / MS_PER_DAY) * MS_PER_DAY;
    const scope = this.estate.shard(shardName({ accountId, region, day: utcDay(from) }));
    c = { from, version, scope };
    byRegion.set(region, c);
    return scope;
  }

  private regionFor(spec: OperationSpec, principal: Principal, region?: string): string {
    if (region !== undefined) assertRegion(region, `${spec.name ?? 'call'}: region`);
    if (spec.global) return globalRegionOf(principal.account.partition);
    const acct = principal.account as Account;
    return region ?? acct.defaultRegion ?? 'us-east-1';
  }

  private firstAccount(): Account {
    const a = this.world.accounts.values().next().value;
    if (!a) throw new TrailsimInputError('This simulation has no account yet: call addAccount() first.');
    return a;
  }

  private historyFor(accountId: string, region: string): EventHistory {
    if (!this.keepHistory) throw new TrailsimInputError('Event history is off in this simulation (created with eventHistory: false).');
    const key = `${accountId}|${region}`;
    let h = this.histories.get(key);
    if (!h) {
      h = new EventHistory({ accountId, region, now: () => this.clock.now(), throttle: this.throttle });
      this.histories.set(key, h);
    }
    return h;
  }
}

/**
 * Runs a traffic on the clock: at each UTC day, plans every shard's calls, merges them by
 * (time, shard order, position in shard) and keeps one clock callback pending for the next call.
 */
class TrafficDriver {
  private queue: { it: CallIntent; region: string; rng: Random }[] = [];
  private pos = 0;
  private day: number;

  constructor(private readonly sim: Simulation, private readonly traffic: Traffic, private readonly shards: { account: Account; region: string }[]) {
    this.day = Math.floor(sim.now / MS_PER_DAY) * MS_PER_DAY;
  }

  start(): void {
    this.planDay();
  }

  private planDay(): void {
    const day = utcDay(this.day);
    this.sim.estate.dropShardsBefore(day);
    const from = this.sim.now;
    const lists = this.shards.map(({ account, region }) => {
      const key: ShardKey = { accountId: account.id, region, day };
      const rng = this.sim.shardCallRng(this.traffic, key);
      return this.sim.shardIntents(this.traffic, account, region, day).map((it) => ({ it, region, rng }));
    });
    // Each shard's calls are already in time order: a k-way merge by (time, shard index)
    // keeps calls of one shard in their order and is cheaper than sorting everything.
    const merged: { it: CallIntent; region: string; rng: Random }[] = [];
    const heads = lists.map(() => 0);
    for (;;) {
      let best = -1;
      for (let s = 0; s < lists.length; s++) {
        if (heads[s] < lists[s].length && (best < 0 || lists[s][heads[s]].it.time < lists[best][heads[best]].it.time)) best = s;
      }
      if (best < 0) break;
      merged.push(lists[best][heads[best]++]);
    }
    this.queue = merged;
    this.pos = 0;
    while (this.pos < this.queue.length && this.queue[this.pos].it.time < from) {
      const q = this.queue[this.pos++];
      this.sim.buildIntent(q.it, q.region, q.rng);
    }
    this.scheduleNext();
  }

  private scheduleNext(): void {
    if (this.pos < this.queue.length) {
      this.sim.clock.schedule(this.queue[this.pos].it.time, () => this.fire());
    } else {
      this.day += MS_PER_DAY;
      this.sim.clock.schedule(this.day, () => this.planDay());
    }
  }

  private fire(): void {
    const now = this.sim.now;
    // Run every call due at this instant in one callback (cheaper than one timer each).
    while (this.pos < this.queue.length && this.queue[this.pos].it.time <= now) {
      const q = this.queue[this.pos++];
      for (const r of this.sim.buildIntent(q.it, q.region, q.rng)) this.sim.ingest(r);
    }
    this.scheduleNext();
  }
}

/** Creates a simulation. */
export function createSimulation(options: SimulationOptions = {}): Simulation {
  return new Simulation(options);
}

/** @internal The simulation an account was added to. */
export function simulationOf(account: object): Simulation | undefined {
  return principalSims.get(account);
}

export { shardName, parseDuration, toMillis };

/** The shard a record belongs to: the account whose activity caused it, its region, its UTC day. */
export function shardOf(r: CloudTrailRecord): ShardKey {
  const u = r.userIdentity;
  const accountId = u && u.type !== 'AWSService' && u.accountId && /^\d{12}$/.test(u.accountId) ? u.accountId : (r.recipientAccountId ?? '');
  return { accountId, region: r.awsRegion, day: r.eventTime.slice(0, 10) };
}

export type { CallContext };
