import fc from 'fast-check';
import { TrailsimInputError } from '../../core/errors.js';
import type { Instant } from '../../core/time.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { CloudTrailRecord } from '../../record/types.js';
import { createSimulation } from '../../simulation.js';
import { buildPrincipal, crossAccountCaller } from './buildPrincipal.js';
import { ACCOUNT_ALIASES } from './_internals/names.js';
import { callDraw, callName, crossAccountParams, operationPools, requireOperations, resolveDraw, type OperationFilter, type Outcome } from './_internals/operations.js';
import { identityTypesOf, type ProducibleIdentityType } from './_internals/identityTypes.js';
import { BARE_WORLD, DAY, regionList, timeWindow } from './_internals/world.js';
import { principalDescription } from './principalDescription.js';

/** Constraints of `cloudTrailRecord`. */
export interface CloudTrailRecordConstraints {
  /** Service(s), as IAM action prefix (`iam`) or eventSource (`iam.amazonaws.com`). @defaultValue any service */
  service?: string | readonly string[];
  /** Event category of the operation. @defaultValue 'Management' or 'Data' */
  category?: 'Management' | 'Data';
  /** Only read-only (true) or only mutating (false) operations. @defaultValue either */
  readOnly?: boolean;
  /** eventName(s) as CloudTrail writes them (`CreateUser`, `UpdateFunctionConfiguration20150331v2`). @defaultValue any */
  eventName?: string | readonly string[];
  /** Operation name(s) as `Simulation.call` takes them (`iam:CreateUser`). @defaultValue any */
  operation?: string | readonly string[];
  /**
   * Caller identity type(s) (`userIdentity.type`). `AWSAccount` callers exist only for
   * operations with a cross-account form (sts:AssumeRole, S3 bucket and object operations);
   * with other operations that type is left out. @defaultValue every type in PRODUCIBLE_IDENTITY_TYPES
   */
  identityType?: ProducibleIdentityType | readonly ProducibleIdentityType[];
  /** 'success': no errorCode/errorMessage; 'error': the call failed; 'any': about one record in four failed. @defaultValue 'any' */
  outcome?: Outcome;
  /** Catalog entries used: hand-tuned, generated from AWS's API models, user-registered, or all (hand-tuned and user entries drawn three times as often as generated ones). @defaultValue 'any' */
  origin?: 'hand' | 'model' | 'user' | 'any';
  /** Regions the caller's account works in (global services still log in us-east-1). @defaultValue ['us-east-1', 'eu-west-1'] */
  regions?: readonly string[];
  /** Earliest eventTime. @defaultValue '2026-01-01T00:00:00Z' */
  minTime?: Instant;
  /** Latest eventTime (included). @defaultValue minTime + 30 days */
  maxTime?: Instant;
  /** Catalog the operations come from (and the simulation calls). @defaultValue defaultCatalog() */
  catalog?: Catalog;
}

/**
 * CloudTrail records made by trailsim itself: a seed, a caller (`principalDescription`), an
 * operation from the catalog, a time, a region and an outcome are drawn, then a fresh
 * `createSimulation({ seed })` makes the call, so every value is a real trailsim record
 * (same draws, same bytes). `AWSAccount` callers are the resource owner's copy of a
 * cross-account call (sts:AssumeRole into, or S3 on a bucket of, a second account).
 *
 * Shrinks towards seed 0, the first hand-tuned operation, an IAM user, the earliest time, the
 * first region, and success (or the AccessDenied failure when `outcome` is 'error').
 *
 * @example
 * fc.assert(fc.property(cloudTrailRecord({ service: 'iam', outcome: 'error' }), (r) => {
 *   expect(myDetector(r)).toBe(r.errorCode === 'AccessDenied');
 * }));
 */
export function cloudTrailRecord(constraints: CloudTrailRecordConstraints = {}): fc.Arbitrary<CloudTrailRecord> {
  const outcome = constraints.outcome ?? 'any';
  if (outcome !== 'success' && outcome !== 'error' && outcome !== 'any') throw new TrailsimInputError(`outcome must be 'success', 'error' or 'any' (got ${JSON.stringify(outcome)}).`);
  const filter: OperationFilter = constraints;
  const types = identityTypesOf(constraints.identityType);
  const regions = regionList(constraints.regions, ['us-east-1', 'eu-west-1']);
  const { min, max } = timeWindow(constraints.minTime, constraints.maxTime, 30 * DAY);
  const direct = types.filter((t) => t !== 'AWSAccount');
  // Weighted by identity types, so an AWSAccount caller is as likely as any other type.
  const arbs: fc.WeightedArbitrary<CloudTrailRecord>[] = [];
  const common = {
    seed: fc.nat(),
    offsetSeconds: fc.integer({ min: 0, max: Math.floor((max - min) / 1000) }),
    region: fc.constantFrom(...regions),
    alias: fc.option(fc.constantFrom(...ACCOUNT_ALIASES), { nil: undefined, freq: 4 }),
  };
  if (direct.length > 0) {
    const pools = operationPools(filter, { crossAccount: false, outcome });
    requireOperations(pools, 'a record', filter);
    arbs.push({
      weight: direct.length,
      arbitrary: fc.record({ ...common, principal: principalDescription({ identityType: direct }), call: callDraw(outcome) }).map((d) => {
        const sim = createSimulation({ seed: d.seed, start: min + d.offsetSeconds * 1000, ...(constraints.catalog ? { catalog: constraints.catalog } : {}) });
        const account = sim.addAccount({ name: 'generated', regions: [d.region], ...(d.alias ? { alias: d.alias } : {}) }, BARE_WORLD);
        const { spec, error } = resolveDraw(pools, d.call, false);
        return sim.call(buildPrincipal(account, d.principal, sim.now), callName(spec), undefined, { region: d.region, ...(error ? { error } : {}) });
      }),
    });
  }
  if (types.includes('AWSAccount')) {
    const pools = operationPools(filter, { crossAccount: true, outcome });
    if (pools.size > 0 || direct.length === 0) {
      requireOperations(pools, 'an AWSAccount record (a cross-account call: sts:AssumeRole or S3)', filter);
      arbs.push({
        weight: 1,
        arbitrary: fc.record({ ...common, principal: principalDescription({ identityType: 'AWSAccount' }), call: callDraw(outcome) }).map((d) => {
          const sim = createSimulation({ seed: d.seed, start: min + d.offsetSeconds * 1000, ...(constraints.catalog ? { catalog: constraints.catalog } : {}) });
          const caller = sim.addAccount({ name: 'caller', regions: [d.region] }, BARE_WORLD);
          const owner = sim.addAccount({ name: 'owner', regions: [d.region], ...(d.alias ? { alias: d.alias } : {}) }, BARE_WORLD);
          const { spec, error } = resolveDraw(pools, d.call, true);
          const principal = d.principal as Extract<typeof d.principal, { type: 'AWSAccount' }>;
          const params = crossAccountParams(spec, owner, d.region, principal.name);
          sim.call(crossAccountCaller(caller, principal, sim.now), callName(spec), params, { region: d.region, ...(error ? { error } : {}) });
          const copy = sim.records().find((r) => r.userIdentity?.type === 'AWSAccount');
          if (!copy) throw new Error(`trailsim internal error: ${callName(spec)} into another account produced no owner copy.`);
          return copy;
        }),
      });
    }
  }
  return arbs.length === 1 ? arbs[0].arbitrary : fc.oneof({ withCrossShrink: true }, ...arbs);
}
