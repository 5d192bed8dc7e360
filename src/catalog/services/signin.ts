import type { JsonObject } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';

/**
 * AWS sign-in (console sign-in events, eventType `AwsConsoleSignIn`, eventSource
 * `signin.amazonaws.com`). Shapes from the CloudTrail User Guide, "AWS Management Console
 * sign-in events" (cloudtrail-event-reference-aws-console-sign-in-events.md) and the
 * Stratus console-login sample: requestParameters null, responseElements
 * `{ConsoleLogin: "Success"|"Failure"}`, additionalEventData LoginTo / MobileVersion /
 * MFAUsed ("Yes"/"No"), no requestID. A failed login writes errorMessage
 * `Failed authentication` with no errorCode (`messageOnly`).
 *
 * Region: marked global (us-east-1). The guide says root sign-ins always log in us-east-1,
 * while IAM users signing in through the global endpoint may log in us-east-2, eu-north-1 or
 * ap-southeast-2 (when an account-alias cookie is present), and regional sign-in endpoints
 * log in their region. us-east-1 is valid for every case; the other placements are not
 * modelled.
 */

const LOGIN_TO = [
  'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
  'https://console.aws.amazon.com/console/home',
  'https://console.aws.amazon.com/s3/',
  'https://console.aws.amazon.com/ec2/home',
] as const;

const MFA_TYPES = ['U2F MFA', 'Virtual MFA', 'Hardware MFA'] as const;

/**
 * MFA use: the caller's session says so when it has one (`known`); else 75% of console users
 * use MFA. A drawn answer writes no MFAIdentifier (the older record shape), so a caller
 * that sets `additionalEventData.MFAUsed` itself never gets a device ARN next to "No".
 */
function mfaUsed(ctx: CallContext): { used: boolean; known: boolean } {
  const attrs = ctx.identity.sessionContext?.attributes;
  if (attrs) return { used: attrs.mfaAuthenticated === 'true', known: true };
  return { used: ctx.rng.bool(0.75), known: false };
}

const defs: OpDef[] = [
  {
    name: 'ConsoleLogin',
    readOnly: false,
    request: () => null,
    response: () => ({ ConsoleLogin: 'Success' }),
    additionalEventData: (ctx) => {
      const mfa = mfaUsed(ctx);
      const d: JsonObject = { LoginTo: LOGIN_TO[ctx.rng.int(LOGIN_TO.length)], MobileVersion: 'No' };
      if (mfa.used && mfa.known && ctx.identity.type === 'IAMUser' && ctx.identity.userName) {
        d.MFAIdentifier = `arn:${ctx.partition}:iam::${ctx.accountId}:mfa/${ctx.identity.userName}`;
      }
      d.MFAUsed = mfa.used ? 'Yes' : 'No';
      return d;
    },
    errors: [
      { code: 'ConsoleLoginFailure', message: () => 'Failed authentication', messageOnly: true, weight: 10 },
      // A wrong account id / user name (userName is then HIDDEN_DUE_TO_SECURITY_REASONS in userIdentity).
      { code: 'ConsoleLoginFailure', message: () => 'No username found in supplied account', messageOnly: true, weight: 1 },
    ],
  },
  {
    name: 'CheckMfa',
    readOnly: false,
    request: () => null,
    response: () => ({ CheckMfa: 'Success' }),
    additionalEventData: (ctx) => ({ MfaType: MFA_TYPES[ctx.rng.int(MFA_TYPES.length)] }),
    errors: [{ code: 'CheckMfaFailure', message: () => 'Failed authentication', messageOnly: true }],
  },
  {
    // Swapping a console session to a role: response `{SwitchRole: "Success"}`,
    // additionalEventData SwitchFrom / RedirectTo (public CloudTrail examples).
    name: 'SwitchRole',
    readOnly: false,
    request: () => null,
    response: () => ({ SwitchRole: 'Success' }),
    additionalEventData: (ctx) => ({
      SwitchFrom: ctx.identity.arn ?? `arn:${ctx.partition}:iam::${ctx.accountId}:user/unknown`,
      RedirectTo: 'https://console.aws.amazon.com/console/home',
    }),
  },
  {
    // Federation endpoint exchange of temporary credentials for a console sign-in token
    // (aws_consoler, custom identity brokers; Sigma f8103686). No public unedited record
    // was found: the shape follows the other sign-in events (null request,
    // `{GetSigninToken: "Success"}`), and is unverified.
    name: 'GetSigninToken',
    readOnly: false,
    request: () => null,
    response: () => ({ GetSigninToken: 'Success' }),
    errors: [{ code: 'GetSigninTokenFailure', message: () => 'Failed authentication', messageOnly: true }],
  },
];

export const SIGNIN_OPERATIONS = defineService(
  { service: 'signin', eventSource: 'signin.amazonaws.com', global: true, requestIdStyle: 'none', host: () => 'signin.aws.amazon.com' },
  defs.map((d) => ({ ...d, eventType: 'AwsConsoleSignIn' as const })),
);
