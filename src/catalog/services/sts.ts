import type { JsonObject, ResourceRef } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { roleUniqueId, temporaryAccessKeyId } from '../../core/ids.js';
import { defineService, type OpDef } from '../define.js';
import { arnAccount, arnName, err, pick, pstr, ref, rstr, sdkDate, sessionToken, anyIndent, policyJson, upperKey, b64, hex } from '../util.js';

/**
 * AWS Security Token Service (query protocol).
 *
 * Region: NOT marked global. The IAM User Guide ("Logging IAM and AWS STS API calls",
 * cloudtrail-integration.md) says calls to the global endpoint sts.amazonaws.com are logged
 * in us-east-1, and calls to a regional endpoint (sts.eu-west-1.amazonaws.com) in that
 * region; current SDKs and the CLI default to regional endpoints, and the real samples show
 * AssumeRole in eu-west-1 and other regions. So records land in the call's region; call in
 * us-east-1 to model the global endpoint.
 *
 * readOnly: AssumeRole* and GetCallerIdentity are `true` in the samples; GetSessionToken
 * and GetFederationToken are write events (sample GetFederationToken has readOnly false;
 * EventBridge documents both as change events).
 * Shapes: samples (AssumeRole, GetFederationToken) and the IAM guide's SAML/web-identity examples.
 */

const SESSION_PREFIXES = ['botocore-session-', 'aws-go-sdk-', 'terraform-', 'GitHubActions-', 'aws-sdk-js-'] as const;

function sessionName(ctx: CallContext): string {
  const given = pstr(ctx, 'roleSessionName');
  if (given) return given;
  const id = ctx.identity;
  if (id.type === 'AWSService' && id.invokedBy) {
    const svc = id.invokedBy.split('.')[0];
    if (svc === 'lambda') return `awslambda_${ctx.rng.int(1000)}_${new Date(ctx.time).toISOString().replace(/[-:TZ.]/g, '').slice(0, 17)}`;
    return svc.charAt(0).toUpperCase() + svc.slice(1);
  }
  if (id.type === 'IAMUser' && id.userName && ctx.rng.bool(0.4)) return id.userName;
  const p = SESSION_PREFIXES[ctx.rng.int(SESSION_PREFIXES.length)];
  return p === 'aws-go-sdk-' ? p + String(ctx.time) + String(100000 + ctx.rng.int(900000)) : p + String(Math.floor(ctx.time / 1000));
}

function roleArnOf(ctx: CallContext): string {
  return pstr(ctx, 'roleArn') ?? pick(ctx, 'AWS::IAM::Role').arn;
}

function credentials(ctx: CallContext, seconds: number): JsonObject {
  return { accessKeyId: temporaryAccessKeyId(ctx.rng), sessionToken: sessionToken(ctx.rng), expiration: sdkDate(ctx.time + seconds * 1000) };
}

function roleId(ctx: CallContext, roleArn: string): string {
  const r = ctx.world.byArn(roleArn);
  return r?.attrs.uniqueId ?? r?.attrs.roleId ?? roleUniqueId(ctx.rng);
}

function assumedRoleUser(ctx: CallContext, roleArn: string, session: string): JsonObject {
  const account = arnAccount(roleArn) ?? ctx.accountId;
  return { assumedRoleId: `${roleId(ctx, roleArn)}:${session}`, arn: `arn:${ctx.partition}:sts::${account}:assumed-role/${arnName(roleArn)}/${session}` };
}

function duration(request: JsonObject | null): number {
  const d = request?.durationSeconds;
  return typeof d === 'number' ? d : 3600;
}

function roleResource(ctx: CallContext, request: JsonObject | null): ResourceRef[] | undefined {
  const a = rstr(request, 'roleArn');
  return a ? [ref(a, arnAccount(a) ?? ctx.accountId, 'AWS::IAM::Role')] : undefined;
}

/** The role's account: AssumeRole into another account is delivered to both (IAM guide example). */
function roleOwner(_ctx: CallContext, request: JsonObject | null): string | undefined {
  return arnAccount(rstr(request, 'roleArn'));
}

const TRUST_DENIED = err('AccessDenied', (ctx, r) => `User: ${ctx.identity.arn ?? ctx.accountId} is not authorized to perform: sts:AssumeRole on resource: ${rstr(r, 'roleArn') ?? '*'}`, 2);
const REGION_DISABLED = err('RegionDisabledException', (ctx) => `STS is not activated in this region for account:${ctx.accountId}. Your account administrator can activate STS in this region using the IAM Console.`, 0.1);

const defs: OpDef[] = [
  {
    name: 'AssumeRole',
    readOnly: true,
    // The real denied AssumeRole record has requestParameters null and no resources (samples).
    onError: { nullRequest: true, omitResources: true },
    request: (ctx) => {
      const r: JsonObject = { roleArn: roleArnOf(ctx), roleSessionName: sessionName(ctx) };
      if (ctx.rng.bool(0.6)) r.durationSeconds = ctx.rng.pick([900, 1800, 3600, 3600, 43200]);
      return r;
    },
    response: (ctx, req) => {
      const roleArn = rstr(req, 'roleArn') ?? roleArnOf(ctx);
      const out: JsonObject = { credentials: credentials(ctx, duration(req)), assumedRoleUser: assumedRoleUser(ctx, roleArn, rstr(req, 'roleSessionName') ?? 'session') };
      const si = rstr(req, 'sourceIdentity');
      if (si) out.sourceIdentity = si;
      return out;
    },
    resources: roleResource,
    resourceOwner: roleOwner,
    errors: [TRUST_DENIED, err('ValidationError', (_c, r) => `1 validation error detected: Value '${rstr(r, 'roleSessionName')}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`, 0.1), REGION_DISABLED],
  },
  {
    name: 'AssumeRoleWithSAML',
    readOnly: true,
    request: (ctx) => {
      const roleArn = roleArnOf(ctx);
      const account = arnAccount(roleArn) ?? ctx.accountId;
      return {
        sAMLAssertionID: '_' + hex(ctx.rng, 32),
        roleSessionName: pstr(ctx, 'roleSessionName') ?? `${ctx.rng.pick(['alice', 'bob', 'carol', 'dave'])}@example.com`,
        durationSeconds: 3600,
        roleArn,
        principalArn: pstr(ctx, 'principalArn') ?? `arn:${ctx.partition}:iam::${account}:saml-provider/${ctx.rng.pick(['Okta', 'AzureAD', 'Google'])}`,
      };
    },
    response: (ctx, req) => {
      const roleArn = rstr(req, 'roleArn') ?? roleArnOf(ctx);
      const session = rstr(req, 'roleSessionName') ?? 'session';
      const nq = b64(ctx.rng, 27) + '=';
      return {
        subjectType: 'persistent',
        issuer: `http://www.okta.com/exk${upperKey(ctx.rng, 17).toLowerCase()}`,
        credentials: credentials(ctx, duration(req)),
        nameQualifier: nq,
        assumedRoleUser: assumedRoleUser(ctx, roleArn, session),
        subject: session,
        audience: 'https://signin.aws.amazon.com/saml',
      };
    },
    resources: (ctx, req) => {
      const out = roleResource(ctx, req) ?? [];
      const p = rstr(req, 'principalArn');
      if (p) out.push(ref(p, arnAccount(p) ?? ctx.accountId, 'AWS::IAM::SAMLProvider'));
      return out;
    },
    errors: [err('InvalidIdentityToken', 'Specified provider doesn\'t exist'), err('ExpiredTokenException', 'Token is expired'), err('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML')],
  },
  {
    name: 'AssumeRoleWithWebIdentity',
    readOnly: true,
    request: (ctx) => ({ roleArn: roleArnOf(ctx), roleSessionName: pstr(ctx, 'roleSessionName') ?? `web-identity-${Math.floor(ctx.time / 1000)}`, durationSeconds: 3600 }),
    response: (ctx, req) => {
      const roleArn = rstr(req, 'roleArn') ?? roleArnOf(ctx);
      const provider = ctx.identity.identityProvider ?? 'token.actions.githubusercontent.com';
      return {
        credentials: credentials(ctx, duration(req)),
        subjectFromWebIdentityToken: ctx.identity.userName ?? `repo:example-org/app:ref:refs/heads/main`,
        assumedRoleUser: assumedRoleUser(ctx, roleArn, rstr(req, 'roleSessionName') ?? 'session'),
        provider: provider.startsWith('arn:') ? provider : `arn:${ctx.partition}:iam::${arnAccount(roleArn) ?? ctx.accountId}:oidc-provider/${provider}`,
        audience: 'sts.amazonaws.com',
      };
    },
    resources: roleResource,
    errors: [err('InvalidIdentityToken', 'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com'), err('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 2), err('ExpiredTokenException', 'Token expired: current date/time 1700000000 must be before the expiration date/time1699999000', 0.2)],
  },
  {
    name: 'GetSessionToken',
    readOnly: false,
    request: (ctx) => (ctx.rng.bool(0.5) ? { durationSeconds: ctx.rng.pick([3600, 43200, 129600]) } : null),
    response: (ctx, req) => ({ credentials: credentials(ctx, req ? duration(req) : 43200) }),
    errors: [err('AccessDenied', 'Cannot call GetSessionToken with session credentials'), err('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 0.5)],
  },
  {
    name: 'GetFederationToken',
    readOnly: false,
    request: (ctx) => ({
      name: pstr(ctx, 'name') ?? ctx.rng.pick(['console-broker', 'federated-admin', 'support-session']),
      policy: policyJson([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }], anyIndent(ctx.rng)),
    }),
    response: (ctx, req) => {
      const name = rstr(req, 'name') ?? 'federated';
      return {
        credentials: credentials(ctx, duration(req) === 3600 ? 43200 : duration(req)),
        federatedUser: { arn: `arn:${ctx.partition}:sts::${ctx.accountId}:federated-user/${name}`, federatedUserId: `${ctx.accountId}:${name}` },
        packedPolicySize: 4 + ctx.rng.int(10),
      };
    },
    errors: [err('AccessDenied', 'Cannot call GetFederationToken with session credentials'), err('PackedPolicyTooLarge', 'Packed policy consumes 105% of allotted space, please use smaller policy.', 0.2)],
  },
  { name: 'GetCallerIdentity', readOnly: true, request: () => null },
  {
    name: 'DecodeAuthorizationMessage',
    readOnly: true,
    request: (ctx) => ({ encodedMessage: pstr(ctx, 'encodedMessage') ?? b64(ctx.rng, 120).replace(/[+/]/g, '-') }),
    errors: [err('InvalidAuthorizationMessageException', 'Unable to decode the authorization message. Either the message is invalid or it was not intended for this account.')],
  },
  { name: 'GetAccessKeyInfo', readOnly: true, request: (ctx) => ({ accessKeyId: pstr(ctx, 'accessKeyId') ?? 'AKIA' + upperKey(ctx.rng, 16) }) },
];

export const STS_OPERATIONS = defineService({ service: 'sts', eventSource: 'sts.amazonaws.com' }, defs);
