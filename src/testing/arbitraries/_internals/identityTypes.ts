import { TrailsimInputError } from '../../../core/errors.js';

/** The `userIdentity.type` values trailsim's principals produce (Role, Directory and Unknown are never written by it). */
export type ProducibleIdentityType =
  | 'IAMUser'
  | 'AssumedRole'
  | 'Root'
  | 'AWSService'
  | 'FederatedUser'
  | 'IdentityCenterUser'
  | 'SAMLUser'
  | 'WebIdentityUser'
  | 'AWSAccount';

/** Every producible identity type, in the order arbitraries shrink towards (IAMUser first). */
export const PRODUCIBLE_IDENTITY_TYPES: readonly ProducibleIdentityType[] = Object.freeze([
  'IAMUser', 'AssumedRole', 'Root', 'AWSService', 'FederatedUser', 'IdentityCenterUser', 'SAMLUser', 'WebIdentityUser', 'AWSAccount',
]);

/** The identity types a constraint names, checked, in PRODUCIBLE_IDENTITY_TYPES order. */
export function identityTypesOf(identityType: ProducibleIdentityType | readonly ProducibleIdentityType[] | undefined): ProducibleIdentityType[] {
  if (identityType === undefined) return [...PRODUCIBLE_IDENTITY_TYPES];
  const wanted = typeof identityType === 'string' ? [identityType] : [...identityType];
  for (const t of wanted) {
    if (!PRODUCIBLE_IDENTITY_TYPES.includes(t)) {
      throw new TrailsimInputError(`identityType '${String(t)}' is not one trailsim produces; use one of ${PRODUCIBLE_IDENTITY_TYPES.join(', ')}.`);
    }
  }
  if (wanted.length === 0) throw new TrailsimInputError('identityType is an empty list; name at least one identity type.');
  return PRODUCIBLE_IDENTITY_TYPES.filter((t) => wanted.includes(t));
}
