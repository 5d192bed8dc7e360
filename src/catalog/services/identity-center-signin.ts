import type { JsonObject } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { hex, uuid } from '../util.js';

/**
 * IAM Identity Center sign-in and AWS access portal events, logged in the Identity Center
 * (management or delegated administrator) account.
 *
 * Sign-in (eventSource `signin.amazonaws.com`, eventType `AwsServiceEvent`, readOnly false):
 * `CredentialChallenge` → `CredentialVerification` (one pair per factor) → `UserAuthentication`.
 * additionalEventData carries `AuthWorkflowID` (shared by every event of one sign-in),
 * `CredentialType` (PASSWORD, TOTP, WEBAUTHN, EXTERNAL_IDP; comma-joined on
 * UserAuthentication), `LoginTo` (the portal URL) and `UserName`; serviceEventDetails is
 * `{"<EventName>": "Success"}`. The user is `IdentityCenterUser` (`onBehalfOf`,
 * `credentialId`), and these events carry the client's IP, user agent and a requestID.
 * Sources: IAM Identity Center User Guide, "Understanding IAM Identity Center sign-in
 * events"; AWS Security Blog, "Modifications to AWS CloudTrail event data of IAM Identity
 * Center" (estate-reference.md §1.4a).
 *
 * Portal (eventSource `sso.amazonaws.com`, `AwsServiceEvent`, readOnly true):
 * `ListAccounts`, `ListAccountRoles`, `GetRoleCredentials` with requestParameters and
 * responseElements null and serviceEventDetails `{role_name, account_id}` (Steele's 2026
 * records, estate-reference.md §1.4b). The older guide also names `Authenticate` and
 * `Federate`; their fields are unsourced, so they are not modelled.
 */

const portal = (ctx: CallContext) => `https://d-${hex(ctx.rng, 10)}.awsapps.com/start/`;

function signInData(ctx: CallContext, credentialType: string): JsonObject {
  const d: JsonObject = { AuthWorkflowID: uuid(ctx.rng), CredentialType: credentialType, LoginTo: portal(ctx) };
  return d;
}

const signInDefs: OpDef[] = [
  {
    name: 'CredentialChallenge',
    readOnly: false,
    request: () => null,
    additionalEventData: (ctx) => signInData(ctx, 'PASSWORD'),
    serviceEventDetails: () => ({ CredentialChallenge: 'Success' }),
  },
  {
    name: 'CredentialVerification',
    readOnly: false,
    request: () => null,
    additionalEventData: (ctx) => signInData(ctx, 'PASSWORD'),
    serviceEventDetails: () => ({ CredentialVerification: 'Success' }),
  },
  {
    name: 'UserAuthentication',
    readOnly: false,
    request: () => null,
    additionalEventData: (ctx) => signInData(ctx, 'PASSWORD,TOTP'),
    serviceEventDetails: () => ({ UserAuthentication: 'Success' }),
  },
];

const ROLE_NAMES = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'DeveloperAccess'] as const;

const portalDefs: OpDef[] = [
  { name: 'ListAccounts', readOnly: true, request: () => null, serviceEventDetails: () => undefined },
  { name: 'ListAccountRoles', readOnly: true, request: () => null, serviceEventDetails: (ctx) => ({ account_id: ctx.accountId }) },
  { name: 'GetRoleCredentials', readOnly: true, request: () => null, serviceEventDetails: (ctx) => ({ role_name: ROLE_NAMES[ctx.rng.int(ROLE_NAMES.length)], account_id: ctx.accountId }) },
];

export const IDENTITY_CENTER_SIGNIN_OPERATIONS = [
  ...defineService({ service: 'signin', eventSource: 'signin.amazonaws.com' }, signInDefs.map((d) => ({ ...d, eventType: 'AwsServiceEvent' as const, tls: false }))),
  ...defineService({ service: 'sso', eventSource: 'sso.amazonaws.com' }, portalDefs.map((d) => ({ ...d, eventType: 'AwsServiceEvent' as const, tls: false }))),
];
