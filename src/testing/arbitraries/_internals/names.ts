import fc from 'fast-check';

/**
 * Names for generated principals. Each draws mostly from a small pool of realistic names
 * and sometimes from the whole alphabet IAM allows (`[\w+=,.@-]`), so edge characters are
 * exercised; both shrink towards the first name of the pool.
 */

/** Characters IAM allows in user, role and session names. */
const IAM_NAME_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-'];

/** A realistic name most of the time, else any IAM-legal name of `minLength`..`maxLength` characters. */
export function iamName(pool: readonly [string, ...string[]], minLength = 1, maxLength = 24): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 4, arbitrary: fc.constantFrom(...pool) },
    // fc.array + join rather than fc.string({ unit }), which needs fast-check >= 3.22.
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...IAM_NAME_CHARS), { minLength, maxLength }).map((cs) => cs.join('')) },
  );
}

export const USER_NAMES = ['alice', 'bob', 'ci-deployer', 'ops-admin', 'carol@example.com', 'svc.backup'] as const;
export const ROLE_NAMES = ['ReadOnly', 'terraform-ci', 'orders-api-task-role', 'OrganizationAccountAccessRole', 'AWSReservedSSO_AdministratorAccess_1a2b3c4d5e6f7a8b'] as const;
export const SESSION_NAMES = ['session', 'gh-run-1842', 'alice@example.com', 'botocore-session-1767225600', 'i-0abc123def4567890'] as const;
export const FEDERATED_NAMES = ['partner', 'contractor-7', 'batch'] as const;
export const SSO_USER_NAMES = ['alice@example.com', 'bob@example.com', 'dana.ops@example.com'] as const;

/** AWS services that call with their own identity (`invokedBy`) or through service-linked roles. */
export const SERVICE_HOSTS = [
  'lambda.amazonaws.com', 's3.amazonaws.com', 'config.amazonaws.com', 'cloudformation.amazonaws.com',
  'ec2.amazonaws.com', 'events.amazonaws.com', 'autoscaling.amazonaws.com', 'guardduty.amazonaws.com',
] as const;

/** Hash-like SAML provider ids, as `identityProvider` of real SAMLUser identities looks. */
export const SAML_PROVIDERS = ['bdGOnTesti4+ExamplexL/jEvs=', 'Qm9ndXNQcm92aWRlcjEyMzQ=', 'c2FtbC1pZHAtdHJhaWxzaW0='] as const;
export const WEB_IDENTITY_PROVIDERS = ['accounts.google.com', 'cognito-identity.amazonaws.com', 'token.actions.githubusercontent.com', 'graph.facebook.com', 'www.amazon.com'] as const;
export const ACCOUNT_ALIASES = ['acme-prod', 'example-corp', 'sandbox-42'] as const;
