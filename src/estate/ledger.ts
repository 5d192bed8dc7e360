import { formatEventTime } from '../core/time.js';
import type { Random } from '../core/random.js';
import type { OperationSpec } from '../catalog/types.js';
import { b64, sdkDate } from '../catalog/util.js';
import type { CloudTrailRecord, JsonObject } from '../record/types.js';
import {
  AssumedRoleSession,
  AwsServicePrincipal,
  FederatedUserPrincipal,
  IamUserPrincipal,
  SamlUserPrincipal,
  WebIdentityUserPrincipal,
  type CredentialLedger,
  type Principal,
} from '../world/principal.js';
import type { PlannedCall } from './sessions.js';
import { principalKey } from './trace.js';


const STS_ISSUERS = new Set(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetFederationToken']);

/**
 * The credentials recorded STS calls handed out in one simulation, keyed by (role or
 * federated user, session name, creation second): a session the user builds afterwards
 * for the same role, name and time adopts the issued key, so its calls trace to the
 * issuing record without hand-copying keys.
 */
export class SessionLedger implements CredentialLedger {
  private readonly issued = new Map<string, { accessKeyId: string }>();
  /** principalKey of the role and federated-user ARNs `find` is asked about (one per role: every estate session asks). */
  private readonly keys = new Map<string, string>();

  find(arn: string, sessionName: string, createdAt: number): { accessKeyId: string } | undefined {
    if (this.issued.size === 0) return undefined;
    let key = this.keys.get(arn);
    if (key === undefined) this.keys.set(arn, (key = principalKey(arn)));
    return this.issued.get(`${key}|${sessionName}|${formatEventTime(createdAt)}`);
  }

  /** Remembers the key a successful issuing record handed out. */
  noteIssued(r: CloudTrailRecord): void {
    if (r.eventSource !== 'sts.amazonaws.com' || !STS_ISSUERS.has(r.eventName ?? '') || r.errorCode !== undefined) return;
    const re = r.responseElements;
    const creds = re?.credentials as JsonObject | undefined;
    const key = creds?.accessKeyId;
    if (typeof key !== 'string') return;
    const req = r.requestParameters ?? {};
    let arn: string | undefined;
    let name: string | undefined;
    if (r.eventName === 'GetFederationToken') {
      arn = (re?.federatedUser as JsonObject | undefined)?.arn as string | undefined;
      name = req.name as string | undefined;
    } else {
      arn = req.roleArn as string | undefined;
      name = req.roleSessionName as string | undefined;
    }
    if (typeof arn !== 'string' || typeof name !== 'string') return;
    this.issued.set(`${principalKey(arn)}|${name}|${r.eventTime}`, { accessKeyId: key });
  }
}

export const IDC_JAVA_UA = 'aws-sdk-java/2.25.38 Linux/5.10.219-186.866.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+10-LTS Java/17.0.11 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/standard';
export const GITHUB_UA = 'aws-sdk-nodejs/2.1659.0 linux/v20.15.0 configure-aws-credentials-for-github-actions promise';
/** Services whose AssumeRole response carries credentials only (estate-reference.md §1.6–1.8). */
export const CREDENTIALS_ONLY = new Set(['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com']);

/** A patch that writes the issued key and expiry into an STS response (and drops `assumedRoleUser` where the service's response has none). */
export function credentialsPatch(accessKeyId: string, expires: number, dropAssumedRoleUser = false) {
  return (records: CloudTrailRecord[]) => {
    for (const rec of records) {
      const re = rec.responseElements as JsonObject | null | undefined;
      const c = re?.credentials as JsonObject | undefined;
      if (!re || !c) continue;
      c.accessKeyId = accessKeyId;
      c.expiration = sdkDate(expires);
      if (dropAssumedRoleUser) delete re.assumedRoleUser;
    }
  };
}

/**
 * The issuing record a session needs before its first call, when no recorded call issued
 * it: see `SessionIssuer` (src/world/principal.ts) for how the issuer is chosen. Returns
 * undefined for principals that need none (long-term keys, services) or already have one.
 */
export function issuingCallFor(principal: Principal, ledger: SessionLedger, resolve: (name: string) => OperationSpec): PlannedCall | undefined {
  if (principal instanceof FederatedUserPrincipal) {
    if (principal.issuance !== 'pending') return undefined;
    principal.issuance = 'recorded';
    if (ledger.find(principal.identity.arn!, principal.name, principal.createdAt)) return undefined;
    const issuer = principal.issuer;
    return {
      time: principal.createdAt,
      principal: issuer,
      spec: resolve('sts:GetFederationToken'),
      params: { name: principal.name },
      patch: credentialsPatch(principal.accessKeyId, principal.createdAt + 43_200_000, false),
    };
  }
  if (!(principal instanceof AssumedRoleSession) || principal.issuance !== 'pending') return undefined;
  principal.issuance = 'recorded';
  const role = principal.role;
  const o = principal.opts;
  const hit = ledger.find(role.arn, o.sessionName, o.createdAt);
  if (hit && hit.accessKeyId === principal.accessKeyId) return undefined;
  // The instance identity role (`aws:ec2-instance`) has no issuing record in CloudTrail.
  if (role.name.includes(':')) return undefined;
  const account = role.account;
  const seconds = o.durationSeconds ?? 3600;
  const expires = o.createdAt + seconds * 1000;
  const base: JsonObject = { roleArn: role.arn, roleSessionName: o.sessionName };
  const assume = resolve('sts:AssumeRole');
  const rng = (principal.account as unknown as { rng: Random }).rng;
  const fork = (...n: (string | number)[]) => rng.fork('issuer', ...n);
  if (o.issuedBy) {
    return { time: o.createdAt, principal: o.issuedBy, spec: assume, params: { ...base, durationSeconds: seconds }, opts: { exactParams: true }, patch: credentialsPatch(principal.accessKeyId, expires, false) };
  }
  const host = o.ec2RoleDelivery ? 'ec2.amazonaws.com' : o.invokedBy ?? (/^[0-9a-f]{32}$/.test(o.sessionName) ? 'ecs-tasks.amazonaws.com' : undefined);
  if (host) {
    const only = CREDENTIALS_ONLY.has(host);
    return { time: o.createdAt, principal: new AwsServicePrincipal(account, host), spec: assume, params: only ? base : { ...base, durationSeconds: seconds }, opts: { exactParams: true }, patch: credentialsPatch(principal.accessKeyId, expires, only) };
  }
  if (role.path.startsWith('/aws-reserved/sso.amazonaws.com/')) {
    const r = fork('saml', role.name);
    const providerHex = r.hex(16).toUpperCase();
    const nameQualifier = b64(r, 27) + '=';
    const saml = new SamlUserPrincipal(account, o.sessionName, nameQualifier, fork('saml-user', o.sessionName));
    return {
      time: o.createdAt,
      principal: saml,
      spec: resolve('sts:AssumeRoleWithSAML'),
      params: { sAMLAssertionID: `_${r.uuid()}`, roleSessionName: o.sessionName, durationSeconds: seconds, roleArn: role.arn, principalArn: `arn:${account.partition}:iam::${account.id}:saml-provider/AWSSSO_${providerHex}_DO_NOT_DELETE` },
      opts: { exactParams: true, sourceIPAddress: `52.${r.range(0, 255)}.${r.range(0, 255)}.${r.range(1, 254)}`, userAgent: IDC_JAVA_UA },
      patch: (records) => {
        credentialsPatch(principal.accessKeyId, expires, false)(records);
        for (const rec of records) {
          const re = rec.responseElements as JsonObject | null | undefined;
          if (re) re.nameQualifier = nameQualifier;
        }
      },
    };
  }
  if (o.sessionName === 'GitHubActions') {
    const provider = `arn:${account.partition}:iam::${account.id}:oidc-provider/token.actions.githubusercontent.com`;
    const web = new WebIdentityUserPrincipal(account, `repo:${account.alias ?? 'example-org'}/${role.name}:ref:refs/heads/main`, provider, 'sts.amazonaws.com', fork('oidc', role.name));
    return { time: o.createdAt, principal: web, spec: resolve('sts:AssumeRoleWithWebIdentity'), params: { ...base, durationSeconds: seconds }, opts: { exactParams: true, userAgent: GITHUB_UA }, patch: credentialsPatch(principal.accessKeyId, expires, false) };
  }
  const operator = new IamUserPrincipal(account, `${role.name}-operator`.slice(0, 64), fork('operator', role.name));
  return { time: o.createdAt, principal: operator, spec: assume, params: { ...base, durationSeconds: seconds }, opts: { exactParams: true }, patch: credentialsPatch(principal.accessKeyId, expires, false) };
}
