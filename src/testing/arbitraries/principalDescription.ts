import fc from 'fast-check';
import { identityTypesOf, type ProducibleIdentityType } from './_internals/identityTypes.js';
import {
  FEDERATED_NAMES, ROLE_NAMES, SAML_PROVIDERS, SERVICE_HOSTS, SESSION_NAMES, SSO_USER_NAMES, USER_NAMES, WEB_IDENTITY_PROVIDERS, iamName,
} from './_internals/names.js';

/**
 * A principal as plain data: what `buildPrincipal(account, description, at)` turns into a
 * real trailsim `Principal`. Times are relative (`ageSeconds` before the call), so one
 * description means the same principal whenever it is built.
 */
export type PrincipalDescription =
  | {
      readonly type: 'IAMUser';
      readonly userName: string;
      /** IAM path, `/` or `/team/`. */
      readonly path: string;
      /** Calls come from a console session (temporary key, sessionContext) instead of a long-term key. */
      readonly console?: { readonly mfa: boolean; readonly ageSeconds: number };
    }
  | {
      readonly type: 'AssumedRole';
      readonly roleName: string;
      readonly sessionName: string;
      /** How long before the call the session's credentials were issued. */
      readonly ageSeconds: number;
      readonly mfa: boolean;
      readonly sourceIdentity?: string;
      /** A service calling through its service-linked role (role path `/aws-service-role/<host>/`). */
      readonly invokedBy?: string;
      /** Instance-profile credentials ("2.0" for IMDSv2). */
      readonly ec2RoleDelivery?: '1.0' | '2.0';
    }
  | { readonly type: 'Root' }
  | { readonly type: 'AWSService'; readonly host: string }
  | { readonly type: 'FederatedUser'; readonly name: string; readonly issuerUserName: string; readonly ageSeconds: number }
  | { readonly type: 'IdentityCenterUser'; readonly userName: string }
  | { readonly type: 'SAMLUser'; readonly userName: string; readonly identityProvider: string }
  | { readonly type: 'WebIdentityUser'; readonly userName: string; readonly identityProvider: string; readonly appId: string }
  | {
      /** Another account's caller as the resource owner's copy of a cross-account call shows it. */
      readonly type: 'AWSAccount';
      /** Who called in the other account. */
      readonly via: 'IAMUser' | 'AssumedRole' | 'Root';
      /** User or role name of that caller (unused for Root). */
      readonly name: string;
    };

/** Constraints of `principalDescription`. */
export interface PrincipalDescriptionConstraints<TType extends ProducibleIdentityType = ProducibleIdentityType> {
  /** Identity type, or types to draw from. @defaultValue every type in PRODUCIBLE_IDENTITY_TYPES */
  identityType?: TType | readonly TType[];
}

export { PRODUCIBLE_IDENTITY_TYPES, type ProducibleIdentityType } from './_internals/identityTypes.js';

const TWELVE_HOURS = 12 * 3600;
const age = fc.integer({ min: 0, max: TWELVE_HOURS });

/** Drops keys whose value is undefined, so optional fields are absent (as in records). */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const ARBITRARIES: { readonly [K in ProducibleIdentityType]: fc.Arbitrary<Extract<PrincipalDescription, { type: K }>> } = {
  IAMUser: fc
    .record({
      userName: iamName(USER_NAMES),
      path: fc.constantFrom('/', '/engineering/', '/service-accounts/'),
      console: fc.option(fc.record({ mfa: fc.boolean(), ageSeconds: age }), { nil: undefined, freq: 3 }),
    })
    .map((d) => compact({ type: 'IAMUser' as const, ...d })),
  AssumedRole: fc.oneof(
    { withCrossShrink: true },
    // A person or a pipeline that called sts:AssumeRole.
    fc
      .record({
        roleName: iamName(ROLE_NAMES),
        sessionName: iamName(SESSION_NAMES, 2, 32),
        ageSeconds: age,
        mfa: fc.boolean(),
        sourceIdentity: fc.option(fc.constantFrom('alice', 'bob@example.com'), { nil: undefined, freq: 4 }),
      })
      .map((d) => compact({ type: 'AssumedRole' as const, ...d })),
    // A service through its service-linked role.
    fc
      .record({ host: fc.constantFrom(...SERVICE_HOSTS), ageSeconds: age })
      .map(({ host, ageSeconds }) => ({
        type: 'AssumedRole' as const,
        roleName: `AWSServiceRoleFor${host.split('.')[0].replace(/^./, (c) => c.toUpperCase())}`,
        sessionName: `${host.split('.')[0]}-session`,
        ageSeconds,
        mfa: false,
        invokedBy: host,
      })),
    // An EC2 instance profile: the session is named after the instance.
    fc
      .record({ instance: fc.stringMatching(/^[0-9a-f]{17}$/), ageSeconds: age, ec2RoleDelivery: fc.constantFrom('2.0' as const, '1.0' as const) })
      .map(({ instance, ageSeconds, ec2RoleDelivery }) => ({
        type: 'AssumedRole' as const,
        roleName: 'ec2-instance-role',
        sessionName: `i-${instance}`,
        ageSeconds,
        mfa: false,
        ec2RoleDelivery,
      })),
  ),
  Root: fc.constant({ type: 'Root' as const }),
  AWSService: fc.constantFrom(...SERVICE_HOSTS).map((host) => ({ type: 'AWSService' as const, host })),
  FederatedUser: fc
    .record({ name: iamName(FEDERATED_NAMES, 2, 32), issuerUserName: iamName(USER_NAMES), ageSeconds: age })
    .map((d) => ({ type: 'FederatedUser' as const, ...d })),
  IdentityCenterUser: fc.constantFrom(...SSO_USER_NAMES).map((userName) => ({ type: 'IdentityCenterUser' as const, userName })),
  SAMLUser: fc
    .record({ userName: fc.constantFrom(...SSO_USER_NAMES), identityProvider: fc.constantFrom(...SAML_PROVIDERS) })
    .map((d) => ({ type: 'SAMLUser' as const, ...d })),
  WebIdentityUser: fc
    .record({ userName: fc.stringMatching(/^[0-9]{21}$/), identityProvider: fc.constantFrom(...WEB_IDENTITY_PROVIDERS), appId: fc.constantFrom('trailsim-app', 'orders-web', 'mobile-client') })
    .map((d) => ({ type: 'WebIdentityUser' as const, ...d })),
  AWSAccount: fc
    .record({ via: fc.constantFrom('AssumedRole' as const, 'IAMUser' as const, 'Root' as const), name: iamName(ROLE_NAMES) })
    .map((d) => ({ type: 'AWSAccount' as const, ...d })),
};

/**
 * Principals as plain data (see `PrincipalDescription`): every identity type trailsim writes,
 * with console sessions, service-linked and instance-profile role sessions, MFA and source
 * identities. Typed by the identity types asked for. Shrinks towards an IAM user named
 * `alice` with path `/`.
 *
 * @example
 * fc.assert(fc.property(principalDescription({ identityType: 'AssumedRole' }), (d) => {
 *   const sim = createSimulation({ seed: 1 });
 *   const p = buildPrincipal(sim.addAccount(), d, sim.now);
 *   expect(p.identity.type).toBe('AssumedRole');
 * }));
 */
export function principalDescription<TType extends ProducibleIdentityType = ProducibleIdentityType>(
  constraints: PrincipalDescriptionConstraints<TType> = {},
): fc.Arbitrary<Extract<PrincipalDescription, { type: TType }>> {
  const types = identityTypesOf(constraints.identityType);
  const arbs = types.map((t) => ARBITRARIES[t] as fc.Arbitrary<Extract<PrincipalDescription, { type: TType }>>);
  return arbs.length === 1 ? arbs[0] : fc.oneof({ withCrossShrink: true }, ...arbs);
}
