import { Random } from '../core/random.js';
import { formatEventTime, MS_PER_DAY } from '../core/time.js';
import { globalRegionOf, temporaryAccessKeyId } from '../core/ids.js';
import { TrailsimInputError } from '../core/errors.js';
import type { OperationSpec } from '../catalog/types.js';
import type { CallOptions } from '../record/builder.js';
import type { CloudTrailRecord, JsonObject, UserIdentity } from '../record/types.js';
import { b64, hex } from '../catalog/util.js';
import type { Account } from '../world/account.js';
import type { World } from '../world/world.js';
import {
  AwsInternalPrincipal,
  FederatedUserPrincipal,
  IdentityCenterUserPrincipal,
  IamUserConsoleSession,
  Principal,
  SamlUserPrincipal,
  ViaServicePrincipal,
  WebIdentityUserPrincipal,
  type AccountRef,
  type AssumedRoleSession,
  type CallerProfile,
  type Role,
} from '../world/principal.js';
import { CLI_USER_AGENTS, CONSOLE_USER_AGENTS, publicIPv4 } from '../world/pools.js';
import type { Persona, PersonaIdentity, SessionIssuerSpec, SessionSchedule } from '../activity/persona.js';
import { credentialsPatch, CREDENTIALS_ONLY, GITHUB_UA, IDC_JAVA_UA } from './ledger.js';

/**
 * Sessions of the estate: every temporary credential a persona calls with is issued by a
 * record the estate writes at the session's start (AssumeRole by a service or a user,
 * AssumeRoleWithWebIdentity, Identity Center sign-in then AssumeRoleWithSAML, ConsoleLogin,
 * GetFederationToken), following estate-reference.md §1.
 *
 * A session is a pure function of (seed, traffic, account, region, persona, slot): its
 * start, key, source address and user agent are drawn from streams named by those, so the
 * shard that writes its issuing record and every later shard that uses it rebuild it
 * identically, and shards stay independent.
 */

const H = 3_600_000;
/** Calls stop this long before a key expires. */
const EXPIRY_MARGIN = 120_000;
/** Calls per hour per account-region at which schedules run as written; below it sub-daily schedules stretch. */
const REFERENCE_RATE = 300;
/** Issuing records may precede the session start by this much (the Identity Center sign-in). */
const LEAD = 120_000;
/**
 * Built sessions kept before old ones are dropped. Each holds its principal, identity,
 * random stream and issuing flow (~3.5 KB in all); with no bound beyond 20,000 a long
 * run kept every session of its past days (2 accounts x 2 regions at 500/h: +2.6 MB of
 * heap a day, 45 to 99 MB from day 5 to day 25).
 */
const LIVE_BOUND = 2_000;

/** One planned step of an issuing flow, or one call: what the traffic builds into records. */
export interface PlannedCall {
  readonly time: number;
  readonly principal: Principal;
  readonly spec: OperationSpec;
  readonly params?: JsonObject;
  readonly opts?: CallOptions;
  /** Region the record is written in (global services: the partition's global region). */
  readonly region?: string;
  /** Edits the built records (the issued key, fields no builder knows). */
  readonly patch?: (records: CloudTrailRecord[]) => void;
}

/** A live session, as the manifest lists the ones issued before the first generated day. */
export interface SessionInfo {
  accountId: string;
  region: string;
  persona: string;
  /** The identity's ARN (assumed-role, federated-user or IAM user/root ARN). */
  arn: string;
  /** Key the session calls with. */
  accessKeyId: string;
  /** Key the issuing record shows, when it differs (Identity Center, AWS Config). */
  issuedAccessKeyId?: string;
  sessionName: string;
  creationDate: string;
  expiration: string;
  /** eventName of the issuing record. */
  issuedBy: string;
}

interface Slot {
  readonly k: number;
  readonly start: number;
  /** First instant the session is no longer used. */
  readonly end: number;
  readonly expires: number;
}

interface Live {
  readonly slot: Slot;
  readonly principal: Principal;
  readonly info: SessionInfo;
  /** The issuing flow (built lazily: only the shard that writes it needs it). */
  readonly steps: () => PlannedCall[];
  /** Via-service personas' principals over this session (made on first use, dropped with it). */
  via?: Map<Persona, Principal>;
}

type Resolve = (name: string) => OperationSpec;

/**
 * The caches of one persona in one account and region, keyed by slot number: looked up
 * per generated call, so by object and number rather than by a composed string key.
 */
interface Lane {
  readonly schedule: Required<SessionSchedule> | undefined;
  readonly slots: Map<number, Slot | null>;
  /** Start of slot k (null: no session), asked for slot k and for slot k - 1's end: dropped with `slots`. */
  readonly starts: Map<number, number | null>;
  readonly live: Map<number, Live | null>;
}

const AWS_FIRST_OCTETS = [3, 13, 18, 34, 35, 44, 52, 54] as const;
const SSO_CLI_UA = 'aws-cli/2.17.5 Python/3.11.9 Darwin/23.5.0 exe/x86_64 prompt/off command/sso.login';

function awsIp(rng: Random): string {
  return `${AWS_FIRST_OCTETS[rng.int(AWS_FIRST_OCTETS.length)]}.${rng.range(0, 255)}.${rng.range(0, 255)}.${rng.range(1, 254)}`;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** The principal of via-service persona `p` (calls a service makes for `live`'s caller), one per session. */
function viaOf(live: Live, p: Persona, host: string): Principal {
  live.via ??= new Map();
  let v = live.via.get(p);
  if (!v) live.via.set(p, (v = new ViaServicePrincipal(live.principal, host)));
  return v;
}

/** The root user signed in to the console: an ASIA key and a sessionContext, as console calls show it. */
export class RootConsoleSession extends Principal {
  readonly type = 'Root' as const;
  readonly identity: UserIdentity;
  readonly name = 'root';

  constructor(account: AccountRef, base: UserIdentity, accessKeyId: string, createdAt: number, profile: CallerProfile) {
    super(account, profile);
    this.identity = deepFreeze({
      ...base,
      accessKeyId,
      sessionContext: { sessionIssuer: {}, webIdFederationData: {}, attributes: { creationDate: formatEventTime(createdAt), mfaAuthenticated: 'true' } },
    });
  }
}

/** A persona's schedule, with defaults applied. */
function scheduleOf(id: PersonaIdentity, stretch: number): Required<SessionSchedule> | undefined {
  let s: SessionSchedule | undefined;
  if (id.kind === 'role-session') s = id.schedule ?? { everyHours: id.sessionHours ?? 1, offsetHours: id.sessionOffsetHours ?? 0 };
  else if (id.kind === 'console-user' || id.kind === 'federated') s = id.schedule;
  else if (id.kind === 'root') s = id.schedule;
  if (!s) return undefined;
  let duration = s.durationHours ?? s.everyHours;
  // Role chaining caps a session at one hour (STS AssumeRole DurationSeconds; IAM guide).
  if (id.kind === 'role-session' && id.issuer?.by === 'role') duration = Math.min(duration, 1);
  if (!(s.everyHours > 0) || !(duration > 0)) throw new TrailsimInputError('A session schedule needs everyHours and durationHours above 0.');
  // A quiet estate (a low call rate) starts fewer sessions: sub-daily schedules are
  // stretched, so issuing records stay a small share of its records.
  const every = s.everyHours < 24 ? Math.min(24, s.everyHours * stretch) : s.everyHours;
  return { everyHours: every, durationHours: duration, offsetHours: s.offsetHours ?? 0, jitterMinutes: s.jitterMinutes ?? 0, activeHours: s.activeHours ?? Infinity, chance: s.chance ?? 1 };
}

/**
 * The estate's session machinery for one traffic: resolves a persona to the principal
 * calling at a time, and plans the issuing records of the sessions that start in a shard.
 */
export class Estate {
  private readonly byName = new Map<string, Persona>();
  private readonly schedules = new Map<string, Required<SessionSchedule> | undefined>();
  private readonly lanes = new Map<Persona, Map<Account, Map<string, Lane>>>();
  /** Entries in every lane's `slots` and `live`: both are dropped past a bound, as one map each would be. */
  private slotCount = 0;
  private liveCount = 0;
  /** `live` is pruned when liveCount passes this (see `pruneLive`), never below liveBound. */
  private liveBound = LIVE_BOUND;
  private liveLimit = LIVE_BOUND;
  /** The latest slot start built so far: sessions that expired a day before it are history. */
  private latest = -Infinity;
  /** Bumped whenever those caches are dropped: a `callerOf` memo holds for one epoch. */
  private epoch = 0;
  /** `fixedPrincipal` of a persona object and account, without composing its string key. */
  private readonly fixedByObject = new Map<Persona, Map<Account, Principal>>();
  private readonly pools = new Map<string, { ips: string[]; agents: readonly string[] }>();
  private readonly fixed = new Map<string, Principal>();

  constructor(
    private readonly world: World,
    readonly personas: readonly Persona[],
    private readonly rng: Random,
    private readonly resolve: Resolve,
    perHour = REFERENCE_RATE,
  ) {
    const stretch = perHour >= REFERENCE_RATE ? 1 : Math.min(24, Math.round(REFERENCE_RATE / Math.max(perHour, 1e-9)));
    for (const p of personas) {
      if (this.byName.has(p.name)) throw new TrailsimInputError(`Two personas are named '${p.name}': persona names must be unique.`);
      this.byName.set(p.name, p);
      this.schedules.set(p.name, scheduleOf(p.identity, stretch));
    }
    for (const p of personas) {
      const id = p.identity;
      const ref = id.kind === 'via-service' ? id.persona : id.kind === 'role-session' && id.issuer?.by === 'role' ? id.issuer.persona : undefined;
      if (ref === undefined) continue;
      const target = this.byName.get(ref);
      if (!target || target.identity.kind !== 'role-session') throw new TrailsimInputError(`Persona '${p.name}' names '${ref}', which is not a role-session persona of this traffic.`);
    }
  }

  /** The organization's management account (Identity Center and cross-account automation live there), or the account itself. */
  managementOf(account: Account): Account {
    const org = this.world.organization;
    if (org && org.has(account.id)) return this.world.accounts.get(org.managementAccountId) ?? account;
    return account;
  }

  /** Whether `persona` calls only during sessions (a schedule), rather than at any time. */
  hasSessions(p: Persona): boolean {
    const id = p.identity;
    return this.schedules.get(p.name) !== undefined || id.kind === 'via-service';
  }

  /** Whether `persona` exists in `account`. */
  hasPersona(p: Persona, account: Account): boolean {
    const where = p.accounts ?? 'all';
    const org = this.world.organization;
    const inOrg = org !== undefined && org.has(account.id);
    if (p.organization && !inOrg) return false;
    if (where === 'all') return true;
    if (!inOrg) return true;
    return (org.managementAccountId === account.id) === (where === 'management');
  }

  /**
   * Creates the roles and users the personas use in every account now, so generated calls
   * never add resources that another shard's calls could then pick.
   */
  prepare(accounts: Iterable<Account>): void {
    for (const account of accounts) {
      for (const p of this.personas) {
        if (!this.hasPersona(p, account)) continue;
        const id = p.identity;
        if (id.kind === 'role-session') {
          this.roleOf(p, account);
          if (id.issuer?.by === 'iam-user') account.iamUser(id.issuer.userName);
          if (!id.issuer && !id.invokedBy) account.iamUser(`${id.roleName}-operator`);
        } else if (id.kind === 'iam-user' || id.kind === 'console-user' || id.kind === 'federated') {
          account.iamUser(id.userName);
        } else if (id.kind === 'root') account.root();
      }
    }
  }

  /** The principal `persona` calls with at `t` in `account` and `region`, or undefined when it has no live session then. */
  principalAt(p: Persona, account: Account, region: string, t: number): Principal | undefined {
    const id = p.identity;
    switch (id.kind) {
      case 'iam-user': {
        const hit = this.fixedByObject.get(p)?.get(account);
        if (hit) return hit;
        return this.fixedOf(p, account, () => {
          const u = account.iamUser(id.userName);
          const pool = this.pool(p, account, 'user');
          return u.withProfile({ sourceIPs: pool.ips.slice(0, 2), userAgents: id.userAgents ?? pool.agents });
        });
      }
      case 'service':
        return account.service(id.host);
      case 'aws-internal':
        return this.fixedByObject.get(p)?.get(account) ?? this.fixedOf(p, account, () => new AwsInternalPrincipal(account));
      case 'root':
        if (!id.schedule) return account.root();
        return this.liveAt(p, account, region, t)?.principal;
      case 'via-service': {
        const base = this.byName.get(id.persona)!;
        const live = this.liveAt(base, account, region, t);
        if (!live) return undefined;
        return viaOf(live, p, id.host);
      }
      default:
        return this.liveAt(p, account, region, t)?.principal;
    }
  }

  /**
   * @internal `principalAt(p, account, region, t)` for many `t` in a row (one shard's
   * planning asks it for every arrival, several personas per arrival). The lane and the
   * slot pair of the last slot index are kept, so most answers cost a comparison or two
   * instead of five map lookups. The answers, and the slot and session builds behind them,
   * are exactly principalAt's: the memo is dropped whenever the estate drops its caches
   * (`epoch`), so even the principal objects are the same ones.
   */
  callerOf(p: Persona, account: Account, region: string): (t: number) => Principal | undefined {
    const id = p.identity;
    switch (id.kind) {
      case 'iam-user':
      case 'service':
      case 'aws-internal': {
        // A fixed principal, made on first use (as principalAt makes it).
        let v: Principal | undefined;
        return (t) => (v ??= this.principalAt(p, account, region, t));
      }
      case 'root':
        if (!id.schedule) {
          let v: Principal | undefined;
          return (t) => (v ??= this.principalAt(p, account, region, t));
        }
        break;
      case 'via-service': {
        const base = this.liveCursor(this.byName.get(id.persona)!, account, region);
        return (t) => {
          const live = base(t);
          if (!live) return undefined;
          return viaOf(live, p, id.host);
        };
      }
    }
    const live = this.liveCursor(p, account, region);
    return (t) => live(t)?.principal;
  }

  /** `liveAt(p, account, region, ·)` with the lane and the last slot pair kept (see `callerOf`). */
  private liveCursor(p: Persona, account: Account, region: string): (t: number) => Live | undefined {
    const lane = this.lane(p, account, region);
    const s = lane.schedule!;
    let epoch = -1;
    let k = NaN;
    let a: Slot | undefined;
    let b: Slot | undefined;
    let bKnown = false;
    let liveA: Live | undefined;
    let liveAKnown = false;
    let liveB: Live | undefined;
    let liveBKnown = false;
    return (t) => {
      // slotAt, with slot(k) and slot(k - 1) asked once per k (they are cache hits after that).
      const kk = Math.floor((t / H - s.offsetHours) / s.everyHours);
      if (kk !== k || epoch !== this.epoch) {
        epoch = this.epoch;
        k = kk;
        a = this.slot(p, account, region, kk, lane);
        bKnown = liveAKnown = liveBKnown = false;
      }
      // A flag set here holds until the estate drops its caches: a later call then finds
      // epoch behind and resets them all above (one that drops them mid-call included).
      if (a && a.start <= t && t < a.end) {
        if (!liveAKnown) {
          liveA = this.build(p, account, region, a, lane);
          liveAKnown = true;
        }
        return liveA;
      }
      if (!bKnown) {
        b = this.slot(p, account, region, kk - 1, lane);
        bKnown = true;
      }
      if (b && b.start <= t && t < b.end) {
        if (!liveBKnown) {
          liveB = this.build(p, account, region, b, lane);
          liveBKnown = true;
        }
        return liveB;
      }
      return undefined;
    };
  }

  /**
   * The issuing records of the sessions that begin on `day` and belong to the shard
   * (`account`, `region`): the account's own personas, plus, for the management account,
   * the Identity Center sign-ins and cross-account AssumeRole calls of every member.
   */
  issuance(account: Account, region: string, day: string, regionsOf: (a: Account) => readonly string[], hasOps: (p: Persona, a: Account, region: string) => boolean): PlannedCall[] {
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    const dayEnd = dayStart + MS_PER_DAY;
    const out: PlannedCall[] = [];
    const global = globalRegionOf(account.partition);
    for (const x of this.world.accounts.values()) {
      const remote = x.id !== account.id;
      if (remote && this.managementOf(x).id !== account.id) continue;
      for (const p of this.personas) {
        if (!this.schedules.get(p.name) || !this.hasPersona(p, x)) continue;
        if (remote && !this.issuesRemotely(p)) continue;
        for (const q of regionsOf(x)) {
          if (!hasOps(p, x, q)) continue;
          for (const slot of this.slotsStarting(p, x, q, dayStart - LEAD, dayEnd + LEAD)) {
            const live = this.build(p, x, q, slot);
            if (!live) continue;
            for (const s of live.steps()) {
              if (s.time < dayStart || s.time >= dayEnd) continue;
              if (s.principal.account.id !== account.id) continue;
              if ((s.spec.global ? global : (s.region ?? q)) !== region) continue;
              out.push(s);
            }
          }
        }
      }
    }
    out.sort((a, b) => a.time - b.time);
    return out;
  }

  /** Sessions alive at `t` that were issued before it (the manifest's sessions issued before the first shard). */
  sessionsLiveAt(t: number, regionsOf: (a: Account) => readonly string[], hasOps: (p: Persona, a: Account, region: string) => boolean): SessionInfo[] {
    const out: SessionInfo[] = [];
    for (const x of this.world.accounts.values()) {
      for (const p of this.personas) {
        if (!this.schedules.get(p.name) || !this.hasPersona(p, x)) continue;
        for (const q of regionsOf(x)) {
          if (!hasOps(p, x, q)) continue;
          const live = this.liveAt(p, x, q, t) ?? this.liveIssuedBefore(p, x, q, t);
          if (live && live.slot.start < t) out.push(live.info);
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ slots

  private issuesRemotely(p: Persona): boolean {
    const id = p.identity;
    return id.kind === 'role-session' && (id.issuer?.by === 'identity-center' || (id.issuer?.by === 'role' && id.issuer.account === 'management'));
  }

  /** The stream of slot k (and, with `more`, a stream below it, in one fork). */
  private slotRng(p: Persona, account: Account, region: string, k: number, ...more: string[]): Random {
    return this.rng.fork('session', account.id, region, p.name, k, ...more);
  }

  /** Start of slot k, or undefined when the slot has no session. */
  private startOf(p: Persona, account: Account, region: string, s: Required<SessionSchedule>, k: number): number | undefined {
    const r = this.slotRng(p, account, region, k);
    if (s.chance < 1 && r.next() >= s.chance) return undefined;
    const jitter = s.jitterMinutes > 0 ? Math.floor(r.next() * s.jitterMinutes * 60) * 1000 : 0;
    return Math.round((k * s.everyHours + s.offsetHours) * H) + jitter;
  }

  /** `startOf`, remembered per lane: each slot's start is asked twice (its own, and the end of the slot before). */
  private startAt(p: Persona, account: Account, region: string, lane: Lane, k: number): number | undefined {
    const hit = lane.starts.get(k);
    if (hit !== undefined) return hit ?? undefined;
    const v = this.startOf(p, account, region, lane.schedule!, k);
    lane.starts.set(k, v ?? null);
    return v;
  }

  /** The caches of `p` in `account` and `region`. */
  private lane(p: Persona, account: Account, region: string): Lane {
    let byAccount = this.lanes.get(p);
    if (!byAccount) this.lanes.set(p, (byAccount = new Map()));
    let byRegion = byAccount.get(account);
    if (!byRegion) byAccount.set(account, (byRegion = new Map()));
    let lane = byRegion.get(region);
    if (!lane) byRegion.set(region, (lane = { schedule: this.schedules.get(p.name), slots: new Map(), starts: new Map(), live: new Map() }));
    return lane;
  }

  private slot(p: Persona, account: Account, region: string, k: number, lane = this.lane(p, account, region)): Slot | undefined {
    const hit = lane.slots.get(k);
    if (hit !== undefined) return hit ?? undefined;
    if (this.slotCount > 50_000) {
      for (const l of this.allLanes()) {
        l.slots.clear();
        l.starts.clear();
      }
      this.slotCount = 0;
      this.epoch++;
    }
    const s = lane.schedule!;
    const start = this.startAt(p, account, region, lane, k);
    let slot: Slot | null = null;
    if (start !== undefined && this.issuerLive(p, account, region, start)) {
      const expires = start + Math.round(s.durationHours * H);
      const next = this.startAt(p, account, region, lane, k + 1);
      let end = Math.min(expires - EXPIRY_MARGIN, start + s.activeHours * H);
      if (next !== undefined) end = Math.min(end, next);
      slot = end > start ? { k, start, end, expires } : null;
    }
    if (!lane.slots.has(k)) this.slotCount++;
    lane.slots.set(k, slot);
    return slot ?? undefined;
  }

  private *allLanes(): Iterable<Lane> {
    for (const byAccount of this.lanes.values()) for (const byRegion of byAccount.values()) yield* byRegion.values();
  }

  /** A chained session exists only while its issuer's session is live. */
  private issuerLive(p: Persona, account: Account, region: string, at: number): boolean {
    const id = p.identity;
    if (id.kind !== 'role-session' || id.issuer?.by !== 'role') return true;
    const issuer = this.byName.get(id.issuer.persona)!;
    const where = id.issuer.account === 'management' ? this.managementOf(account) : account;
    return this.liveAt(issuer, where, region, at) !== undefined;
  }

  private slotAt(p: Persona, account: Account, region: string, t: number, lane = this.lane(p, account, region)): Slot | undefined {
    const s = lane.schedule!;
    const k = Math.floor((t / H - s.offsetHours) / s.everyHours);
    const a = this.slot(p, account, region, k, lane);
    if (a && a.start <= t && t < a.end) return a;
    const b = this.slot(p, account, region, k - 1, lane);
    if (b && b.start <= t && t < b.end) return b;
    return undefined;
  }

  private slotsStarting(p: Persona, account: Account, region: string, from: number, to: number): Slot[] {
    const s = this.schedules.get(p.name)!;
    const out: Slot[] = [];
    const k0 = Math.floor((from / H - s.offsetHours) / s.everyHours) - 1;
    for (let k = k0; ; k++) {
      const base = (k * s.everyHours + s.offsetHours) * H;
      if (base >= to) break;
      const slot = this.slot(p, account, region, k);
      if (slot && slot.start >= from && slot.start < to) out.push(slot);
    }
    return out;
  }

  private liveAt(p: Persona, account: Account, region: string, t: number): Live | undefined {
    const lane = this.lane(p, account, region);
    const slot = this.slotAt(p, account, region, t, lane);
    return slot ? this.build(p, account, region, slot, lane) : undefined;
  }

  /** The last session started before `t` that has not expired (for the manifest, even if idle at `t`). */
  private liveIssuedBefore(p: Persona, account: Account, region: string, t: number): Live | undefined {
    const s = this.schedules.get(p.name)!;
    const k = Math.floor((t / H - s.offsetHours) / s.everyHours);
    for (const kk of [k, k - 1]) {
      const slot = this.slot(p, account, region, kk);
      if (slot && slot.start < t && t < slot.expires) return this.build(p, account, region, slot);
    }
    return undefined;
  }

  // ------------------------------------------------------------------ principals

  /** `fixedPrincipal`, remembered by persona object too (the per-call lookup). */
  private fixedOf(p: Persona, account: Account, make: () => Principal): Principal {
    const v = this.fixedPrincipal(p, account, make);
    let byAccount = this.fixedByObject.get(p);
    if (!byAccount) this.fixedByObject.set(p, (byAccount = new Map()));
    byAccount.set(account, v);
    return v;
  }

  private fixedPrincipal(p: Persona, account: Account, make: () => Principal): Principal {
    const key = `${p.name}|${account.id}`;
    let v = this.fixed.get(key);
    if (!v) this.fixed.set(key, (v = make()));
    return v;
  }

  /** Source addresses and user agents of one persona in one account (drawn once). */
  private pool(p: Persona, account: Account, kind: 'user' | 'console' | 'ci' | 'workload'): { ips: string[]; agents: readonly string[] } {
    const key = `${p.name}|${account.id}`;
    let v = this.pools.get(key);
    if (!v) {
      const r = this.rng.fork('persona-pool', account.id, p.name);
      const aws = p.network === 'aws' || kind === 'workload';
      const ips = [0, 1, 2].map(() => (aws ? awsIp(r) : publicIPv4(r)));
      const given = 'userAgents' in p.identity ? p.identity.userAgents : undefined;
      const agents = given ?? (kind === 'console' ? [CONSOLE_USER_AGENTS[r.int(CONSOLE_USER_AGENTS.length)]] : kind === 'ci' ? [GITHUB_UA] : [CLI_USER_AGENTS[r.int(CLI_USER_AGENTS.length)]]);
      this.pools.set(key, (v = { ips, agents }));
    }
    return v;
  }

  private roleOf(p: Persona, account: Account): Role {
    const id = p.identity as Extract<PersonaIdentity, { kind: 'role-session' }>;
    if (id.issuer?.by === 'identity-center') {
      const idc = this.managementOf(account);
      const suffix = this.rng.fork('sso-role', account.id, id.issuer.permissionSet).hex(16);
      const regionPath = idc.defaultRegion === 'us-east-1' ? '' : `${idc.defaultRegion}/`;
      return account.role(`AWSReservedSSO_${id.issuer.permissionSet}_${suffix}`, { path: `/aws-reserved/sso.amazonaws.com/${regionPath}` });
    }
    const path = id.rolePath ?? (id.invokedBy ? `/aws-service-role/${id.invokedBy}/` : '/');
    return account.role(id.roleName, { path });
  }

  private sessionNameOf(p: Persona, account: Account, region: string, slot: Slot, r: Random): string {
    const id = p.identity as Extract<PersonaIdentity, { kind: 'role-session' }>;
    const pickOf = (type: string, fallback: string) => {
      const list = account.resources(type, region);
      if (list.length === 0) return fallback;
      return list[this.rng.fork('persona-resource', account.id, region, p.name).int(list.length)].name;
    };
    switch (id.sessionName) {
      case undefined:
        return `${id.sessionPrefix ?? 'session'}-${slot.k}`;
      case 'instance-id':
        return pickOf('AWS::EC2::Instance', `i-${this.rng.fork('instance', account.id, region, p.name).hex(17)}`);
      case 'function-name':
        return pickOf('AWS::Lambda::Function', `${p.name}-handler`);
      case 'task-id':
        return r.hex(32);
      case 'user-name':
        return id.issuer?.by === 'identity-center' ? id.issuer.userName : p.name;
      case 'botocore':
        return `botocore-session-${Math.floor(slot.start / 1000)}`;
      default:
        return id.sessionName;
    }
  }

  private build(p: Persona, account: Account, region: string, slot: Slot, lane = this.lane(p, account, region)): Live | undefined {
    const hit = lane.live.get(slot.k);
    if (hit !== undefined) return hit ?? undefined;
    if (this.liveCount > this.liveLimit) this.pruneLive();
    if (slot.start > this.latest) this.latest = slot.start;
    const live = this.make(p, account, region, slot);
    if (!lane.live.has(slot.k)) this.liveCount++;
    lane.live.set(slot.k, live ?? null);
    return live;
  }

  /**
   * Drops the sessions (and via-service principals) that expired a day before the latest
   * one built, and the slots found empty: time moves forward through a run, so they are
   * history, rebuilt the same (from their slot's stream) if ever asked for again. The
   * limit then doubles what is kept, so an estate whose day holds more sessions than
   * LIVE_BOUND prunes about once a day instead of at every build.
   */
  private pruneLive(): void {
    const cutoff = this.latest - MS_PER_DAY;
    let kept = 0;
    for (const l of this.allLanes()) {
      for (const [k, v] of l.live) {
        if (v === null || v.slot.expires < cutoff) l.live.delete(k);
        else kept++;
      }
    }
    this.liveCount = kept;
    this.liveLimit = Math.max(this.liveBound, 2 * kept);
    this.epoch++;
  }

  /** @internal Sessions and via-service principals held now (tests of the bound). */
  get heldSessions(): number {
    let n = 0;
    for (const l of this.allLanes()) for (const v of l.live.values()) n += 1 + (v?.via?.size ?? 0);
    return n;
  }

  /** @internal Sets the bound (tests: prune often, and see that no record changes). */
  boundSessions(bound: number): void {
    this.liveBound = this.liveLimit = bound;
  }

  private make(p: Persona, account: Account, region: string, slot: Slot): Live | undefined {
    const id = p.identity;
    const r = this.slotRng(p, account, region, slot.k, 'build');
    const durationSeconds = Math.round((slot.expires - slot.start) / 1000);
    const info = (principal: Principal, sessionName: string, issuedBy: string, issuedKey?: string): SessionInfo => {
      const i: SessionInfo = {
        accountId: account.id,
        region,
        persona: p.name,
        arn: principal.identity.arn ?? '',
        accessKeyId: principal.identity.accessKeyId ?? '',
        sessionName,
        creationDate: formatEventTime(slot.start),
        expiration: formatEventTime(slot.expires),
        issuedBy,
      };
      if (issuedKey && issuedKey !== i.accessKeyId) i.issuedAccessKeyId = issuedKey;
      return i;
    };

    if (id.kind === 'console-user' || id.kind === 'root') {
      const pool = this.pool(p, account, 'console');
      const ip = pool.ips[r.int(pool.ips.length)];
      const ua = pool.agents[r.int(pool.agents.length)];
      const profile: CallerProfile = { sourceIPs: [ip], userAgents: [ua] };
      const login = this.resolve('signin:ConsoleLogin');
      const mfa = this.resolve('signin:CheckMfa');
      if (id.kind === 'root') {
        const root = account.root();
        const principal = new RootConsoleSession(account, root.identity, temporaryAccessKeyId(r), slot.start, profile);
        const steps = (): PlannedCall[] => [
          { time: slot.start, principal: root, spec: login, opts: { sourceIPAddress: ip, userAgent: ua, additionalEventData: { MFAUsed: 'Yes' } } },
        ];
        return { slot, principal, info: info(principal, 'root', 'ConsoleLogin'), steps };
      }
      const user = account.iamUser(id.userName);
      const principal = user.consoleSession(r.fork('console'), slot.start, id.mfa ?? true).withProfile(profile);
      const steps = (): PlannedCall[] => {
        const out: PlannedCall[] = [];
        if (id.mfa ?? true) out.push({ time: slot.start - 5000, principal: user, spec: mfa, opts: { sourceIPAddress: ip, userAgent: ua } });
        out.push({ time: slot.start, principal: user, spec: login, opts: { sourceIPAddress: ip, userAgent: ua, additionalEventData: { MFAUsed: (id.mfa ?? true) ? 'Yes' : 'No' } } });
        return out;
      };
      return { slot, principal, info: info(principal, id.userName, 'ConsoleLogin'), steps };
    }

    if (id.kind === 'federated') {
      const pool = this.pool(p, account, 'user');
      const ip = pool.ips[r.int(pool.ips.length)];
      const ua = pool.agents[r.int(pool.agents.length)];
      const user = account.iamUser(id.userName);
      const key = temporaryAccessKeyId(r);
      const principal = new FederatedUserPrincipal(id.federatedName, user, r.fork('federated'), slot.start, key).withProfile({ sourceIPs: [ip], userAgents: [ua] });
      principal.issuance = 'recorded';
      const spec = this.resolve('sts:GetFederationToken');
      const steps = (): PlannedCall[] => [
        { time: slot.start, principal: user, spec, params: { name: id.federatedName, durationSeconds }, opts: { sourceIPAddress: ip, userAgent: ua }, region, patch: credentialsPatch(key, slot.expires) },
      ];
      return { slot, principal, info: info(principal, id.federatedName, 'GetFederationToken'), steps };
    }

    if (id.kind !== 'role-session') return undefined;
    const role = this.roleOf(p, account);
    const sessionName = this.sessionNameOf(p, account, region, slot, r);
    const issuer: SessionIssuerSpec = id.issuer ?? (id.invokedBy ? { by: 'service', host: id.invokedBy } : { by: 'iam-user', userName: `${id.roleName}-operator` });
    const kind = issuer.by === 'service' ? (CREDENTIALS_ONLY.has(issuer.host) ? 'workload' : 'service') : issuer.by === 'web-identity' ? 'ci' : 'user';
    const pool = kind === 'service' ? { ips: [], agents: [] } : this.pool(p, account, kind === 'workload' ? 'workload' : kind === 'ci' ? 'ci' : 'user');
    const ip = pool.ips.length > 0 ? pool.ips[kind === 'workload' ? 0 : r.int(pool.ips.length)] : '';
    const ua = id.userAgents ? id.userAgents[r.int(id.userAgents.length)] : pool.agents[0];
    const session: AssumedRoleSession = role.session({
      sessionName,
      createdAt: slot.start,
      durationSeconds,
      issuedBy: false,
      ...(id.invokedBy ? { invokedBy: id.invokedBy } : { profile: { sourceIPs: [ip], userAgents: [ua ?? CLI_USER_AGENTS[0]] } }),
      ...(id.ec2RoleDelivery ? { ec2RoleDelivery: id.ec2RoleDelivery } : {}),
      ...(issuer.by === 'identity-center' ? { mfa: false } : {}),
    });
    session.issuance = 'recorded';
    const issuedKey = id.keyDiffers ? temporaryAccessKeyId(r.fork('issued-key')) : session.accessKeyId;
    const assume = this.resolve('sts:AssumeRole');
    const base = { roleArn: role.arn, roleSessionName: sessionName };

    let steps: () => PlannedCall[];
    let issuedBy = 'AssumeRole';
    switch (issuer.by) {
      case 'service': {
        const svc = account.service(issuer.host);
        const only = CREDENTIALS_ONLY.has(issuer.host);
        const params: JsonObject = only ? base : { ...base, durationSeconds };
        steps = () => [{ time: slot.start, principal: svc, spec: assume, params, opts: { exactParams: true }, region, patch: credentialsPatch(issuedKey, slot.expires, only) }];
        break;
      }
      case 'iam-user': {
        const user = account.iamUser(issuer.userName);
        steps = () => [{ time: slot.start, principal: user, spec: assume, params: { ...base, durationSeconds }, opts: { exactParams: true, sourceIPAddress: ip, userAgent: ua ?? CLI_USER_AGENTS[0] }, region, patch: credentialsPatch(issuedKey, slot.expires) }];
        break;
      }
      case 'role': {
        const issuerPersona = this.byName.get(issuer.persona)!;
        const where = issuer.account === 'management' ? this.managementOf(account) : account;
        const parent = this.liveAt(issuerPersona, where, region, slot.start);
        if (!parent) return undefined;
        steps = () => [{ time: slot.start, principal: parent.principal, spec: assume, params: { ...base, durationSeconds }, opts: { exactParams: true }, region, patch: credentialsPatch(issuedKey, slot.expires) }];
        break;
      }
      case 'web-identity': {
        issuedBy = 'AssumeRoleWithWebIdentity';
        const host = issuer.provider ?? 'token.actions.githubusercontent.com';
        const providerArn = `arn:${account.partition}:iam::${account.id}:oidc-provider/${host}`;
        const web = this.fixedPrincipal({ ...p, name: `${p.name}#oidc` }, account, () => new WebIdentityUserPrincipal(account, issuer.subject, providerArn, issuer.audience ?? 'sts.amazonaws.com', this.rng.fork('web-identity', account.id, p.name)));
        const spec = this.resolve('sts:AssumeRoleWithWebIdentity');
        steps = () => [{ time: slot.start, principal: web, spec, params: { ...base, durationSeconds }, opts: { exactParams: true, sourceIPAddress: ip, userAgent: GITHUB_UA }, region, patch: credentialsPatch(issuedKey, slot.expires) }];
        break;
      }
      case 'identity-center': {
        issuedBy = 'AssumeRoleWithSAML';
        steps = () => this.identityCenterFlow(p, issuer, account, region, role.arn, sessionName, slot, r, ip, durationSeconds, credentialsPatch(issuedKey, slot.expires));
        break;
      }
    }
    return { slot, principal: session, info: info(session, sessionName, issuedBy, issuedKey), steps };
  }

  /**
   * Identity Center: sign-in (password and TOTP) and the portal's GetRoleCredentials in the
   * Identity Center account, then AssumeRoleWithSAML in the member account made by
   * Identity Center itself (AWS address, internal Java SDK user agent), as
   * estate-reference.md §1.4 shows it.
   */
  private identityCenterFlow(p: Persona, issuer: Extract<SessionIssuerSpec, { by: 'identity-center' }>, account: Account, region: string, roleArn: string, userName: string, slot: Slot, r: Random, ip: string, durationSeconds: number, patch: (records: CloudTrailRecord[]) => void): PlannedCall[] {
    const idc = this.managementOf(account);
    const idcRegion = idc.defaultRegion;
    const storeId = 'd-' + this.rng.fork('identity-store', idc.id).hex(10);
    const userId = (() => {
      const u = this.rng.fork('idc-user-id', idc.id, issuer.userName);
      return `${u.hex(8)}-${u.hex(4)}-${u.hex(4)}-${u.hex(4)}-${u.hex(12)}`;
    })();
    const flow = r.fork('idc-flow');
    const browserUa = CONSOLE_USER_AGENTS[this.rng.fork('idc-browser', idc.id, issuer.userName).int(CONSOLE_USER_AGENTS.length)];
    const idcUser = new IdentityCenterUserPrincipal(idc, issuer.userName, storeId, flow.fork('user'), { userId, credentialId: flow.chars(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') });
    const workflow = flow.uuid();
    const portal = `https://${storeId}.awsapps.com/start/`;
    const signIn = (name: string, credentialType: string, t: number): PlannedCall => ({
      time: t,
      principal: idcUser,
      spec: this.resolve(`signin:${name}`),
      opts: { sourceIPAddress: ip, userAgent: browserUa, additionalEventData: { AuthWorkflowID: workflow, CredentialType: credentialType, LoginTo: portal, UserName: issuer.userName } },
      region: idcRegion,
    });
    const s = slot.start;
    const portalCall = (name: string, t: number, details: JsonObject | undefined): PlannedCall => ({
      time: t,
      principal: idcUser,
      spec: this.resolve(`sso:${name}`),
      opts: { sourceIPAddress: ip, userAgent: SSO_CLI_UA },
      region: idcRegion,
      patch: (records) => {
        for (const rec of records) {
          if (details) rec.serviceEventDetails = details;
          else delete rec.serviceEventDetails;
        }
      },
    });
    const acctRng = this.rng.fork('saml-provider', account.id);
    const providerHex = acctRng.hex(16).toUpperCase();
    const nameQualifier = b64(acctRng, 27) + '=';
    const saml = this.fixedPrincipal({ ...p, name: `${p.name}#saml|${issuer.userName}` }, account, () => new SamlUserPrincipal(account, issuer.userName, nameQualifier, this.rng.fork('saml', account.id, issuer.userName)));
    const assertion = hex(flow, 8) + '-' + hex(flow, 4) + '-' + hex(flow, 4) + '-' + hex(flow, 4) + '-' + hex(flow, 12);
    const awsAddress = awsIp(flow);
    return [
      signIn('CredentialChallenge', 'PASSWORD', s - 50_000),
      signIn('CredentialVerification', 'PASSWORD', s - 44_000),
      signIn('CredentialChallenge', 'TOTP', s - 38_000),
      signIn('CredentialVerification', 'TOTP', s - 30_000),
      signIn('UserAuthentication', 'PASSWORD,TOTP', s - 29_000),
      portalCall('ListAccounts', s - 12_000, undefined),
      portalCall('ListAccountRoles', s - 8_000, { account_id: account.id }),
      portalCall('GetRoleCredentials', s - 2_000, { role_name: issuer.permissionSet, account_id: account.id }),
      {
        time: s,
        principal: saml,
        spec: this.resolve('sts:AssumeRoleWithSAML'),
        params: {
          sAMLAssertionID: `_${assertion}`,
          roleSessionName: userName,
          durationSeconds,
          roleArn,
          principalArn: `arn:${account.partition}:iam::${account.id}:saml-provider/AWSSSO_${providerHex}_DO_NOT_DELETE`,
        },
        opts: { exactParams: true, sourceIPAddress: awsAddress, userAgent: IDC_JAVA_UA },
        region,
        patch: (records) => {
          patch(records);
          for (const rec of records) {
            const re = rec.responseElements as JsonObject | null | undefined;
            if (!re) continue;
            re.issuer = `https://portal.sso.${idcRegion}.amazonaws.com/saml/assertion/${b64(flow, 40).replace(/[+/=]/g, 'A')}`;
            re.nameQualifier = nameQualifier;
            re.subject = userName;
          }
        },
      },
    ];
  }
}
