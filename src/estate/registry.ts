import { Random } from '../core/random.js';
import type { ResourceType, WorldResource, WorldView } from '../catalog/types.js';
import type { JsonObject, JsonValue } from '../record/types.js';
import { isGlobalResourceType, freshName, makeResource } from '../world/resources.js';
import type { World } from '../world/world.js';
import type { ResourceEffect } from '../catalog/resource-effects.js';
import { derivedAttributes } from './registry-attrs.js';

/**
 * The estate's registry of resources, per account and region (global types under region
 * ''). What exists at time t is a pure function of the seed plus what the user did:
 *
 * - **Inventory**: the world's resources (made when the account was added) and, for any
 *   type the world has none of, a small seeded set drawn from
 *   `(seed, 'estate-seed', account, region, type)`. It is the same at the start of every
 *   day, so a shard never needs another shard's output.
 * - **Shard lifecycles**: generated traffic's creates and deletes, planned per shard
 *   (account, region, UTC day) before any record is built (registry-plan.ts): each
 *   lifecycle is (resource, createdAt, deletedAt), both inside that shard's day, and is
 *   visible only to that shard's calls.
 * - **User changes**: `sim.call` creates and deletes, applied at the virtual time they
 *   happen; a user's delete hides a resource from every later call.
 */

/** A resource with the time span it exists in. */
export interface Lifecycle {
  readonly resource: WorldResource;
  readonly createdAt: number;
  deletedAt: number;
}

/** One shard's planned lifecycles. */
export class ShardScope {
  readonly byType = new Map<string, Lifecycle[]>();
  private readonly arns = new Map<string, WorldResource>();
  constructor(readonly key: string, readonly day: string) {}

  add(l: Lifecycle): void {
    let xs = this.byType.get(l.resource.type);
    if (!xs) this.byType.set(l.resource.type, (xs = []));
    xs.push(l);
    this.arns.set(l.resource.arn, l.resource);
  }

  byArn(arn: string): WorldResource | undefined {
    return this.arns.get(arn);
  }
}

/** What a generated call was planned to do to a resource. */
export interface Binding {
  readonly action: 'create' | 'delete';
  readonly resource: WorldResource;
  /** Request parameters naming the new resource (creates whose name the caller picks). */
  readonly params?: JsonObject;
  /** The call fails with this error instead (a delete with nothing to delete, a create that could not be paired). */
  readonly error?: string;
}

export interface ViewOptions {
  accountId: string;
  region: string;
  time: number;
  shard?: ShardScope;
  binding?: Binding;
  /** The call fails because a resource of this type does not exist: picks of it return one that does not. */
  missing?: ResourceType;
  /** A user's call: sees resources users created. */
  user?: boolean;
}


/** Attribute keys a create's request or response fixes for the new resource. */
const CAPTURED = ['engine', 'engineVersion', 'dBInstanceClass', 'instanceType', 'runtime', 'kmsKeyId', 'vpcId', 'subnetId', 'memorySize', 'imageId'] as const;

export class EstateRegistry {
  /** Seeded inventories by account, type and region key: looked up per resource pick, so by the (interned) strings themselves rather than a key composed per call. */
  private readonly seeds = new Map<string, Map<ResourceType, Map<string, WorldResource[]>>>();
  private readonly seedArns = new Map<string, WorldResource>();
  private readonly userLives = new Map<string, Lifecycle[]>();
  private readonly userArns = new Map<string, WorldResource>();
  /** ident → deletion time, for resources a user deleted. */
  private readonly tombstones = new Map<string, number>();
  private readonly attrMemo = new Map<string, Readonly<Record<string, string>>>();
  private readonly attrOverrides = new Map<string, Record<string, string>>();
  private readonly shards = new Map<string, ShardScope>();
  /** Bumped whenever the set of shard scopes changes, so callers can cache `shard()` lookups. */
  shardsVersion = 0;

  constructor(readonly world: World, private readonly rng: Random) {}

  // ------------------------------------------------------------------ shards

  /** The (fresh) scope of one shard; replaces an earlier scope with the same key. */
  openShard(key: string, day: string): ShardScope {
    const s = new ShardScope(key, day);
    this.shards.set(key, s);
    this.shardsVersion++;
    return s;
  }

  shard(key: string): ShardScope | undefined {
    return this.shards.get(key);
  }

  /** Forgets the scopes of days before `day` (their lifecycles all ended inside their day). */
  dropShardsBefore(day: string): void {
    for (const [k, s] of this.shards) if (s.day < day) this.shards.delete(k);
    this.shardsVersion++;
  }

  // ------------------------------------------------------------------ inventory

  /** The inventory of a type in an account and region ('' for global types): world resources, else seeded ones. */
  inventory(type: ResourceType, accountId: string, region: string): readonly WorldResource[] {
    return this.inventoryIn(type, accountId, isGlobalResourceType(type) ? '' : region);
  }

  /** `inventory` for a region key already made ('' for global types): picks make it once per pick. */
  private inventoryIn(type: ResourceType, accountId: string, rk: string): readonly WorldResource[] {
    const account = this.world.accounts.get(accountId);
    const own = account ? account.resources(type, rk) : [];
    if (own.length > 0) return own;
    let byType = this.seeds.get(accountId);
    if (!byType) this.seeds.set(accountId, (byType = new Map()));
    let byRegion = byType.get(type);
    if (!byRegion) byType.set(type, (byRegion = new Map()));
    let s = byRegion.get(rk);
    if (!s) {
      s = this.seed(type, accountId, rk);
      byRegion.set(rk, s);
      for (const r of s) this.seedArns.set(r.arn, r);
    }
    return s;
  }

  private seed(type: ResourceType, accountId: string, rk: string): WorldResource[] {
    const account = this.world.accounts.get(accountId);
    if (!account) return [];
    const rng = this.rng.fork('estate-seed', accountId, rk, type);
    const n = type === 'AWS::CloudTrail::Trail' ? 1 : 2;
    const out: WorldResource[] = [];
    for (let i = 0; i < n; i++) {
      let attrs: Record<string, string> = {};
      if (type === 'AWS::S3::Object') {
        const buckets = this.inventory('AWS::S3::Bucket', accountId, rk);
        if (buckets.length === 0) continue;
        attrs = { bucket: buckets[rng.int(buckets.length)].name };
      }
      const name = type === 'AWS::CloudTrail::Trail' ? 'management-events' : freshName(type, rng);
      out.push(makeResource(type, name, accountId, rk, account.partition, attrs));
    }
    return out;
  }

  /** A new resource for a planned or made-up call, with a name drawn from `rng`. */
  mint(type: ResourceType, accountId: string, region: string, rng: Random): WorldResource {
    const rk = isGlobalResourceType(type) ? '' : region;
    const partition = this.world.accounts.get(accountId)?.partition ?? 'aws';
    let attrs: Record<string, string> = {};
    if (type === 'AWS::S3::Object') {
      const b = this.inventory('AWS::S3::Bucket', accountId, rk);
      attrs = { bucket: b.length > 0 ? b[rng.int(b.length)].name : freshName('AWS::S3::Bucket', rng) };
    }
    return makeResource(type, freshName(type, rng), accountId, rk, partition, attrs);
  }

  // ------------------------------------------------------------------ what exists

  /** Resources of `type` that exist at `time` as seen by a call (shard-planned and user-made ones included as the view allows). */
  live(type: ResourceType, accountId: string, region: string, time: number, shard?: ShardScope, user?: boolean): readonly WorldResource[] {
    const rk = isGlobalResourceType(type) ? '' : region;
    const inventory = this.inventoryIn(type, accountId, rk);
    const tomb = this.tombstones.size > 0;
    const list = tomb ? inventory.filter((r) => !this.isTombstoned(r, time)) : inventory;
    const planned = shard?.byType.get(type);
    // Resources users created are seen by later user calls only: the generated estate's
    // apps and pipelines do not know of a bucket or object a scenario's actor just made
    // (a background app overwriting an attacker's ransom note is a world that could not
    // exist). A user's delete, by contrast, hides a resource from everyone (tombstones).
    const mine = user && this.userLives.size > 0 ? this.userLives.get(`${accountId}|${type}|${rk}`) : undefined;
    if (!planned && !mine) return list;
    // The filter above made a fresh array already; the inventory itself is never appended to.
    const out = list === inventory ? list.slice() : (list as WorldResource[]);
    for (const xs of [planned, mine]) {
      if (!xs) continue;
      for (const l of xs) {
        const r = l.resource;
        if (isAlive(l, time, accountId, rk) && !(tomb && this.isTombstoned(r, time))) out.push(r);
      }
    }
    return out;
  }

  /**
   * `live(...)[rng.int(n)]` (undefined, drawing nothing, when nothing is live), without
   * copying the inventory: most records pick a resource, and a shard with planned
   * lifecycles of the type made every pick copy the inventory and filter the lifecycles
   * into it. The same draw (n is the same count) picks the same element (same order).
   */
  pickLive(type: ResourceType, accountId: string, region: string, time: number, rng: Random, shard?: ShardScope, user?: boolean): WorldResource | undefined {
    if (this.tombstones.size > 0) {
      const list = this.live(type, accountId, region, time, shard, user);
      return list.length > 0 ? list[rng.int(list.length)] : undefined;
    }
    const rk = isGlobalResourceType(type) ? '' : region;
    const inventory = this.inventoryIn(type, accountId, rk);
    const planned = shard?.byType.get(type);
    const mine = user && this.userLives.size > 0 ? this.userLives.get(`${accountId}|${type}|${rk}`) : undefined;
    const n0 = inventory.length;
    if (!planned && !mine) return n0 > 0 ? inventory[rng.int(n0)] : undefined;
    const n1 = planned ? countAlive(planned, time, accountId, rk) : 0;
    const n2 = mine ? countAlive(mine, time, accountId, rk) : 0;
    const n = n0 + n1 + n2;
    if (n === 0) return undefined;
    const i = rng.int(n);
    if (i < n0) return inventory[i];
    if (i < n0 + n1) return nthAlive(planned!, time, accountId, rk, i - n0);
    return nthAlive(mine!, time, accountId, rk, i - n0 - n1);
  }

  /** The live resource of `type` named `value` (name, id, ARN or SQS URL), if any. */
  find(type: ResourceType, value: string, accountId: string, region: string, time: number, shard?: ShardScope, user = true, bucket?: string): WorldResource | undefined {
    const name = nameFromValue(type, value);
    for (const r of this.live(type, accountId, region, time, shard, user)) {
      if (r.arn === value || (name !== undefined && r.name === name && (bucket === undefined || r.attrs.bucket === bucket))) return r;
    }
    return undefined;
  }

  /** Whether a user deleted the resource named `value` at or before `time` (and did not re-create it). */
  isDeleted(type: ResourceType, value: string, accountId: string, region: string, time: number, bucket?: string): boolean {
    const name = nameFromValue(type, value);
    if (name === undefined) return false;
    const t = this.tombstones.get(ident(type, accountId, isGlobalResourceType(type) ? '' : region, name, bucket));
    return t !== undefined && t <= time;
  }

  private isTombstoned(r: WorldResource, time: number): boolean {
    const t = this.tombstones.get(ident(r.type, r.accountId, r.region, r.name, r.attrs.bucket));
    return t !== undefined && t <= time;
  }

  byArn(arn: string, shard?: ShardScope): WorldResource | undefined {
    return this.world.byArn(arn) ?? this.seedArns.get(arn) ?? shard?.byArn(arn) ?? this.userArns.get(arn);
  }

  // ------------------------------------------------------------------ attributes

  /** A resource's attributes: explicit ones over those captured at creation over derived ones. */
  attributes(r: WorldResource): Readonly<Record<string, string>> {
    const hit = this.attrMemo.get(r.arn);
    if (hit) return hit;
    const derived = derivedAttributes(r, (type, acct, region) => this.inventory(type, acct, region));
    const out = Object.freeze({ ...derived, ...(this.attrOverrides.get(r.arn) ?? {}), ...r.attrs });
    this.attrMemo.set(r.arn, out);
    return out;
  }

  /** Fixes the attributes a successful create wrote (engine, instance type, ...) for the resource's later records. */
  capture(r: WorldResource, request: JsonObject | null, response: JsonObject | null): void {
    const o: Record<string, string> = {};
    for (const k of CAPTURED) {
      const v = findValue(response, k) ?? findValue(request, k);
      if (typeof v === 'string' && v !== '') o[k] = v;
      else if (typeof v === 'number') o[k] = String(v);
    }
    if (Object.keys(o).length === 0) return;
    this.attrOverrides.set(r.arn, { ...(this.attrOverrides.get(r.arn) ?? {}), ...o });
    this.attrMemo.delete(r.arn);
  }

  // ------------------------------------------------------------------ user changes

  /** A user's successful create: the resource exists from `time`. */
  userCreate(type: ResourceType, value: string, accountId: string, region: string, time: number, bucket?: string): WorldResource | undefined {
    const name = nameFromValue(type, value);
    if (name === undefined) return undefined;
    const rk = isGlobalResourceType(type) ? '' : region;
    this.tombstones.delete(ident(type, accountId, rk, name, bucket));
    const existing = this.find(type, value, accountId, region, time, undefined, true, bucket);
    if (existing) return existing;
    const partition = this.world.accounts.get(accountId)?.partition ?? 'aws';
    const r = makeResource(type, name, accountId, rk, partition, bucket !== undefined ? { bucket } : {});
    const k = `${accountId}|${type}|${rk}`;
    let xs = this.userLives.get(k);
    if (!xs) this.userLives.set(k, (xs = []));
    xs.push({ resource: r, createdAt: time, deletedAt: Infinity });
    this.userArns.set(r.arn, r);
    return r;
  }

  /** A user's successful delete: the resource is gone from `time` on, for every later call. */
  userDelete(type: ResourceType, value: string, accountId: string, region: string, time: number, bucket?: string): void {
    const name = nameFromValue(type, value);
    if (name === undefined) return;
    const rk = isGlobalResourceType(type) ? '' : region;
    this.tombstones.set(ident(type, accountId, rk, name, bucket), time);
  }

  /**
   * Applies a successful call recorded by another part of trailsim (the CloudTrail API
   * recorder: `sim.cloudtrail.createTrail` and friends) as a user change.
   */
  observe(effect: ResourceEffect, record: { requestParameters?: JsonObject | null; responseElements?: JsonObject | null; errorCode?: string; recipientAccountId?: string; awsRegion: string; eventTime: string }, time: number): void {
    if (record.errorCode !== undefined || effect.action === 'read' || effect.action === 'write') return;
    const value = effectName(effect, record.requestParameters ?? null, record.responseElements ?? null);
    const accountId = record.recipientAccountId;
    if (!value || !accountId) return;
    if (effect.action === 'create') {
      const r = this.userCreate(effect.type, value, accountId, record.awsRegion, time);
      if (r) this.capture(r, record.requestParameters ?? null, record.responseElements ?? null);
    } else this.userDelete(effect.type, value, accountId, record.awsRegion, time);
  }

  /** A view of the registry for one call. */
  view(o: ViewOptions): CallView {
    return new CallView(this, o.accountId, o.region, o.time, o.shard, o.binding, o.missing, o.user ?? false);
  }

  /** @internal `view` without the options object: generated calls make one view each. */
  viewAt(accountId: string, region: string, time: number, shard: ShardScope | undefined, binding: Binding | undefined, missing: ResourceType | undefined): CallView {
    return new CallView(this, accountId, region, time, shard, binding, missing, false);
  }
}

/** Whether a lifecycle is live at `time` in (account, rk), as `live` filters them (no tombstones). */
function isAlive(l: Lifecycle, time: number, accountId: string, rk: string): boolean {
  return l.createdAt <= time && time < l.deletedAt && l.resource.accountId === accountId && l.resource.region === rk;
}

function countAlive(xs: readonly Lifecycle[], time: number, accountId: string, rk: string): number {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (isAlive(xs[i], time, accountId, rk)) n++;
  return n;
}

/** The `nth` live lifecycle's resource, in order. */
function nthAlive(xs: readonly Lifecycle[], time: number, accountId: string, rk: string, nth: number): WorldResource {
  for (let i = 0; i < xs.length; i++) if (isAlive(xs[i], time, accountId, rk) && nth-- === 0) return xs[i].resource;
  throw new Error('nthAlive: fewer live lifecycles than counted');
}

function ident(type: string, accountId: string, rk: string, name: string, bucket?: string): string {
  return `${type}|${accountId}|${rk}|${bucket ?? ''}|${name}`;
}

/** The name a value refers to: the last part of an ARN, an SQS URL's queue, or the value itself; undefined for KMS aliases. */
export function nameFromValue(type: ResourceType, v: string): string | undefined {
  if (v.startsWith('arn:')) {
    if (type === 'AWS::Logs::LogGroup') return v.split(':log-group:')[1]?.replace(/:\*$/, '');
    if (type === 'AWS::S3::Object') return v.split(':::')[1]?.split('/').slice(1).join('/');
    if (type === 'AWS::S3::Bucket') return v.split(':::')[1];
    if (type === 'AWS::KMS::Key' && v.includes(':alias/')) return undefined;
    if (type === 'AWS::SecretsManager::Secret') return v.split(':secret:')[1];
    const i = Math.max(v.lastIndexOf('/'), v.lastIndexOf(':'));
    return v.slice(i + 1);
  }
  if (v.startsWith('https://')) return v.slice(v.lastIndexOf('/') + 1);
  if (type === 'AWS::KMS::Key' && v.startsWith('alias/')) return undefined;
  return v;
}

/** First value of `key` anywhere in `v` (request members sit in wrappers such as `instancesSet.items`). */
export function findValue(v: JsonValue | null | undefined, key: string): JsonValue | undefined {
  if (v === null || v === undefined || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const f = findValue(x, key);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  const own = v[key];
  if (own !== undefined && own !== null && typeof own !== 'object') return own;
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (x !== null && typeof x === 'object') {
      const f = findValue(x, key);
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

/** The name an effect's key holds in a record's request or response. */
export function effectName(effect: ResourceEffect, request: JsonObject | null, response: JsonObject | null): string | undefined {
  const v = findValue(request, effect.key) ?? findValue(response, effect.key);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The registry as one call sees it: what exists in the call's account and region at its
 * time. A call names one resource per type (the first pick is remembered), so a request
 * and its response agree.
 */
export class CallView implements WorldView {
  /** Picks so far, as (type, account, region, resource) in a flat list: a call picks one or two. */
  private memo: (string | WorldResource)[] | undefined = undefined;
  /** The last `byArn` question and its answer (the registry does not change while a call is built). */
  private lastArn: string | undefined = undefined;
  private lastByArn: WorldResource | undefined = undefined;
  /**
   * The options live in the view's own fields (one object per call, one shape for every
   * call: each field always present), not in a separate options object: a generated
   * call makes one view, and the view is read on every resource pick.
   */
  constructor(
    private readonly reg: EstateRegistry,
    readonly accountId: string,
    readonly region: string,
    readonly time: number,
    readonly shard: ShardScope | undefined,
    readonly binding: Binding | undefined,
    readonly missing: ResourceType | undefined,
    readonly user: boolean,
  ) {}

  /** The options this view was made with. */
  get o(): ViewOptions {
    return { accountId: this.accountId, region: this.region, time: this.time, shard: this.shard, binding: this.binding, missing: this.missing, user: this.user };
  }

  resource(type: ResourceType, rng: Random, opts?: { accountId?: string; region?: string }): WorldResource {
    const accountId = opts?.accountId ?? this.accountId;
    const region = opts?.region ?? this.region;
    const own = accountId === this.accountId;
    const b = this.binding;
    if (own && b !== undefined && b.action === 'delete' && b.resource.type === type) return b.resource;
    const memo = this.memo;
    if (memo !== undefined) {
      for (let i = 0; i < memo.length; i += 4) if (memo[i] === type && memo[i + 1] === accountId && memo[i + 2] === region) return memo[i + 3] as WorldResource;
    }
    let r: WorldResource;
    if (own && this.missing === type) r = this.reg.mint(type, accountId, region, rng);
    else {
      r = this.reg.pickLive(type, accountId, region, this.time, rng, own ? this.shard : undefined, this.user) ?? this.reg.mint(type, accountId, region, rng);
    }
    if (memo === undefined) this.memo = [type, accountId, region, r];
    else memo.push(type, accountId, region, r);
    return r;
  }

  newName(type: ResourceType, rng: Random): string {
    const b = this.binding;
    if (b && b.action === 'create' && b.resource.type === type) return b.resource.name;
    return freshName(type, rng);
  }

  byArn(arn: string): WorldResource | undefined {
    // S3 builders look the bucket's ARN up two or three times per record, each time a fresh
    // string: comparing it with the last one is cheaper than hashing it for up to four maps.
    if (arn === this.lastArn) return this.lastByArn;
    const r = this.reg.byArn(arn, this.shard);
    this.lastArn = arn;
    this.lastByArn = r;
    return r;
  }

  attributes(r: WorldResource): Readonly<Record<string, string>> {
    return this.reg.attributes(r);
  }

  named(type: ResourceType, value: string, opts: { accountId?: string; region?: string } = {}): WorldResource {
    const accountId = opts.accountId ?? this.accountId;
    const region = opts.region ?? this.region;
    const b = this.binding;
    const name = nameFromValue(type, value);
    if (b && b.resource.type === type && (b.resource.name === name || b.resource.arn === value)) return b.resource;
    const found = this.reg.find(type, value, accountId, region, this.time, accountId === this.accountId ? this.shard : undefined, true);
    if (found) return found;
    const partition = this.reg.world.accounts.get(accountId)?.partition ?? 'aws';
    return makeResource(type, name ?? value, accountId, isGlobalResourceType(type) ? '' : region, partition);
  }
}

