import type fc from 'fast-check';
import { toMillis } from '../../core/time.js';
import type { UserIdentity } from '../../record/types.js';
import { buildDrawn, principalDraw } from './_internals/principalDraw.js';
import { DEFAULT_START } from './_internals/world.js';
import type { PrincipalConstraints } from './principal.js';

/**
 * `userIdentity` objects exactly as trailsim writes them into records (frozen, key order of
 * real records), for every identity type it produces: the identity of a principal built by
 * `buildPrincipal` in a fresh seeded simulation.
 *
 * @example
 * fc.assert(fc.property(userIdentity(), (u) => {
 *   expect(() => describeCaller(u)).not.toThrow();
 * }));
 */
export function userIdentity(constraints: PrincipalConstraints = {}): fc.Arbitrary<UserIdentity> {
  const at = toMillis(constraints.at ?? DEFAULT_START, 'at');
  return principalDraw(constraints.identityType).map((d) => buildDrawn(d, at).principal.identity);
}
