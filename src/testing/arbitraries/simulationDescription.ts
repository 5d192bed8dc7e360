import fc from 'fast-check';
import { TrailsimInputError } from '../../core/errors.js';
import { formatEventTime, type Instant } from '../../core/time.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { PopulateConstraints } from '../../world/world.js';
import type { CloudTrailRecordConstraints } from './cloudTrailRecord.js';
import { identityTypesOf } from './_internals/identityTypes.js';
import { DAY, SMALL_WORLD, regionList, timeWindow } from './_internals/world.js';
import { ACCOUNT_ALIASES } from './_internals/names.js';
import { callDraw, callName, operationPools, requireOperations, resolveDraw, type OperationFilter } from './_internals/operations.js';
import { principalDescription, type PrincipalDescription } from './principalDescription.js';

/** One account of a described simulation. Its id is drawn from the seed and its name. */
export interface AccountDescription {
  readonly name: string;
  /** Regions with activity; the first is the account's default. */
  readonly regions: readonly string[];
  readonly alias?: string;
}

/** One scripted call. */
export interface CallDescription {
  /** When, in virtual seconds after the start. Calls are listed in time order. */
  readonly atSeconds: number;
  /** Index (in `accounts`) of the caller's account. */
  readonly account: number;
  /**
   * Who calls. `AWSAccount` means a cross-account call: its `via` caller in `account` calls
   * into `targetAccount`, whose copy of the record shows the caller as `AWSAccount`.
   */
  readonly principal: PrincipalDescription;
  /** Operation as `Simulation.call` takes it (`iam.amazonaws.com:CreateUser`). */
  readonly operation: string;
  readonly region: string;
  /** The call fails with this error (`AccessDenied`, `SCP`, or one of the operation's codes). */
  readonly error?: string;
  /** Index of the account owning the resource of a cross-account call. */
  readonly targetAccount?: number;
}

/** A whole simulation as plain data: `buildSimulation(description)` runs it. */
export interface SimulationDescription {
  readonly seed: number;
  /** Virtual start time (00:00 UTC of a day: generated traffic plans whole UTC days). */
  readonly start: string;
  readonly accounts: readonly AccountDescription[];
  /** The accounts form an organization managed by the first one. */
  readonly organization: boolean;
  /** Starting resources of every account. */
  readonly populate: PopulateConstraints;
  /** Background traffic of the default personas, in calls per hour per account and region; absent: no traffic. */
  readonly trafficRate?: number;
  readonly calls: readonly CallDescription[];
  /** How long the simulation runs, in virtual seconds after the start (at least the last call's time). */
  readonly durationSeconds: number;
}

/** Which scripted calls a simulation makes: the operation and caller constraints of `cloudTrailRecord`. */
export type ScriptedCallConstraints = Pick<CloudTrailRecordConstraints, 'service' | 'category' | 'readOnly' | 'eventName' | 'operation' | 'identityType' | 'outcome' | 'origin'>;

/** Constraints of `simulationDescription` and `simulation`. */
export interface SimulationConstraints {
  /** Fewest accounts. @defaultValue 1 (2 when `calls.identityType` is only 'AWSAccount') */
  minAccounts?: number;
  /** Most accounts. @defaultValue 2 */
  maxAccounts?: number;
  /** Regions accounts take theirs from. @defaultValue ['us-east-1', 'eu-west-1', 'ap-southeast-2'] */
  regions?: readonly string[];
  /** Most regions per account. @defaultValue 2 */
  maxRegionsPerAccount?: number;
  /** Most scripted calls. @defaultValue 6 */
  maxCalls?: number;
  /** Which scripted calls. @defaultValue any operation, caller and outcome */
  calls?: ScriptedCallConstraints;
  /** Highest background traffic rate (calls per hour per account and region); 0 turns traffic off. Traffic costs grow with the rate over a whole UTC day. @defaultValue 12 */
  maxTrafficRate?: number;
  /** Longest run, in virtual seconds. @defaultValue 7200 */
  maxDurationSeconds?: number;
  /** Starting resources of each account. @defaultValue { buckets: 1, objectsPerBucket: 2, instances: 1, functions: 1, tables: 1 } */
  populate?: PopulateConstraints;
  /** Earliest start (rounded down to 00:00 UTC). @defaultValue '2026-01-01T00:00:00Z' */
  minStart?: Instant;
  /** Latest start. @defaultValue minStart + 30 days */
  maxStart?: Instant;
  /** Catalog the scripted operations come from; pass the same one to `buildSimulation`. @defaultValue defaultCatalog() */
  catalog?: Catalog;
}


function count(name: string, v: number | undefined, dflt: number, min: number): number {
  const n = v ?? dflt;
  if (!Number.isInteger(n) || n < min) throw new TrailsimInputError(`${name} must be an integer >= ${min} (got ${String(v)}).`);
  return n;
}

/**
 * Simulations as plain data (see `SimulationDescription`): seed, start day, accounts with
 * their regions, an optional organization, optional background traffic, and scripted
 * calls by principals of any identity type, including cross-account calls. Shrinks towards
 * seed 0, one account in one region, no traffic and no calls.
 */
export function simulationDescription(constraints: SimulationConstraints = {}): fc.Arbitrary<SimulationDescription> {
  const c = constraints;
  const callConstraints = c.calls ?? {};
  const outcome = callConstraints.outcome ?? 'any';
  const types = identityTypesOf(callConstraints.identityType);
  const onlyCross = types.length === 1 && types[0] === 'AWSAccount';
  const maxAccounts = count('maxAccounts', c.maxAccounts, 2, 1);
  const minAccounts = count('minAccounts', c.minAccounts, onlyCross ? 2 : 1, 1);
  if (onlyCross && maxAccounts < 2) throw new TrailsimInputError('AWSAccount callers need a cross-account call: allow at least 2 accounts.');
  if (minAccounts > maxAccounts) throw new TrailsimInputError(`minAccounts (${minAccounts}) is above maxAccounts (${maxAccounts}).`);
  const regions = regionList(c.regions, ['us-east-1', 'eu-west-1', 'ap-southeast-2']);
  const maxRegions = Math.min(count('maxRegionsPerAccount', c.maxRegionsPerAccount, 2, 1), regions.length);
  const maxCalls = count('maxCalls', c.maxCalls, 6, 0);
  const maxRate = count('maxTrafficRate', c.maxTrafficRate, 12, 0);
  const maxDuration = count('maxDurationSeconds', c.maxDurationSeconds, 7200, 0);
  const { min, max } = timeWindow(c.minStart, c.maxStart, 30 * DAY);
  const firstDay = Math.floor(min / DAY);
  const days = Math.floor(max / DAY) - firstDay;
  const populate = c.populate ?? SMALL_WORLD;

  const filter: OperationFilter = { ...callConstraints, ...(c.catalog ? { catalog: c.catalog } : {}) };
  const direct = types.filter((t) => t !== 'AWSAccount');
  const directPools = direct.length > 0 ? operationPools(filter, { crossAccount: false, outcome }) : undefined;
  const crossPools = types.includes('AWSAccount') ? operationPools(filter, { crossAccount: true, outcome }) : undefined;
  if (maxCalls > 0) {
    if (directPools) requireOperations(directPools, 'a scripted call', filter);
    else requireOperations(crossPools!, 'a cross-account call', filter);
  }
  const usable = types.filter((t) => (t === 'AWSAccount' ? crossPools!.size > 0 : true));

  const account = fc.record({
    regions: fc.uniqueArray(fc.constantFrom(...regions), { minLength: 1, maxLength: maxRegions }),
    alias: fc.option(fc.constantFrom(...ACCOUNT_ALIASES), { nil: undefined, freq: 4 }),
  });
  const call = fc.record({
    atSeconds: fc.integer({ min: 0, max: maxDuration }),
    account: fc.nat(),
    target: fc.nat(),
    region: fc.nat(),
    principal: principalDescription({ identityType: usable }),
    draw: callDraw(outcome),
  });
  return fc
    .record({
      seed: fc.nat(),
      day: fc.integer({ min: 0, max: days }),
      accounts: fc.array(account, { minLength: minAccounts, maxLength: maxAccounts }),
      organization: fc.boolean(),
      trafficRate: maxRate > 0 ? fc.option(fc.integer({ min: 1, max: maxRate }), { nil: undefined, freq: 2 }) : fc.constant(undefined),
      calls: fc.array(call, { maxLength: maxCalls }),
      durationSeconds: fc.integer({ min: 0, max: maxDuration }),
    })
    .map((d): SimulationDescription => {
      const accounts: AccountDescription[] = d.accounts.map((a, i) => ({ name: `account-${i + 1}`, regions: a.regions, ...(a.alias ? { alias: a.alias } : {}) }));
      const n = accounts.length;
      const calls: CallDescription[] = [...d.calls]
        .sort((x, y) => x.atSeconds - y.atSeconds)
        .map((k) => {
          const from = k.account % n;
          const region = accounts[from].regions[k.region % accounts[from].regions.length];
          // A cross-account call needs another account; with one account its caller calls at home.
          const cross = k.principal.type === 'AWSAccount' && n > 1;
          const principal: PrincipalDescription = k.principal.type === 'AWSAccount' && !cross ? homeCaller(k.principal) : k.principal;
          const pools = k.principal.type === 'AWSAccount' ? crossPools! : directPools!;
          const { spec, error } = resolveDraw(pools, k.draw, cross);
          const target = cross ? (from + 1 + (k.target % (n - 1))) % n : undefined;
          return { atSeconds: k.atSeconds, account: from, principal, operation: callName(spec), region, ...(error ? { error } : {}), ...(target !== undefined ? { targetAccount: target } : {}) };
        });
      const last = calls.length > 0 ? calls[calls.length - 1].atSeconds : 0;
      return {
        seed: d.seed,
        start: formatEventTime((firstDay + d.day) * DAY),
        accounts,
        organization: d.organization,
        populate,
        ...(d.trafficRate !== undefined ? { trafficRate: d.trafficRate } : {}),
        calls,
        durationSeconds: Math.max(d.durationSeconds, last),
      };
    });
}

/** The caller behind an AWSAccount description, calling in its own account. */
function homeCaller(p: Extract<PrincipalDescription, { type: 'AWSAccount' }>): PrincipalDescription {
  if (p.via === 'Root') return { type: 'Root' };
  if (p.via === 'IAMUser') return { type: 'IAMUser', userName: p.name, path: '/' };
  return { type: 'AssumedRole', roleName: p.name, sessionName: 'cross-account', ageSeconds: 0, mfa: false };
}
