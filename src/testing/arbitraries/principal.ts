import type fc from 'fast-check';
import { toMillis, type Instant } from '../../core/time.js';
import type { Simulation } from '../../simulation.js';
import type { Account } from '../../world/account.js';
import type { Principal } from '../../world/principal.js';
import { cloneable } from './_internals/cloneable.js';
import type { ProducibleIdentityType } from './_internals/identityTypes.js';
import { buildDrawn, principalDraw, type PrincipalDraw } from './_internals/principalDraw.js';
import { DEFAULT_START } from './_internals/world.js';
import type { PrincipalDescription } from './principalDescription.js';

/** Constraints of `principal` and `userIdentity`. */
export interface PrincipalConstraints {
  /** Identity type, or types to draw from. @defaultValue every type in PRODUCIBLE_IDENTITY_TYPES */
  identityType?: ProducibleIdentityType | readonly ProducibleIdentityType[];
  /** Virtual time the principal is built at (the simulation's start). @defaultValue '2026-01-01T00:00:00Z' */
  at?: Instant;
}

/** A principal ready to call, with the simulation and account it lives in. */
export interface GeneratedPrincipal {
  /** What `buildPrincipal` was given; with `seed` and `alias` it rebuilds the same principal. */
  readonly description: PrincipalDescription;
  readonly seed: number;
  /** The account's IAM alias (Root identities carry it as userName). */
  readonly alias?: string;
  readonly simulation: Simulation;
  readonly account: Account;
  readonly principal: Principal;
}

function build(d: PrincipalDraw, at: number): GeneratedPrincipal {
  const value: GeneratedPrincipal = { description: d.description, seed: d.seed, ...(d.alias ? { alias: d.alias } : {}), ...buildDrawn(d, at) };
  return cloneable(value, () => build(d, at), () => `principal(${JSON.stringify({ seed: d.seed, alias: d.alias, description: d.description })})`);
}

/**
 * Real trailsim principals, each in a fresh simulation (seed drawn) with one account, ready
 * for `value.simulation.call(value.principal, ...)`. The value is rebuilt for every run of a
 * property (fast-check's clone method), so calls a property makes never leak into a replay;
 * a counterexample prints as its description.
 *
 * @example
 * fc.assert(fc.property(principal({ identityType: ['Root', 'IAMUser'] }), ({ simulation, principal }) => {
 *   const r = simulation.call(principal, 'cloudtrail:StopLogging', { name: 'main' });
 *   expect(isTamperingAlert(r)).toBe(true);
 * }));
 */
export function principal(constraints: PrincipalConstraints = {}): fc.Arbitrary<GeneratedPrincipal> {
  const at = toMillis(constraints.at ?? DEFAULT_START, 'at');
  return principalDraw(constraints.identityType).map((d) => build(d, at));
}
