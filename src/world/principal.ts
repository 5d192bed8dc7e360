import type { Random } from '../core/random.js';
import { formatEventTime } from '../core/time.js';
import { roleUniqueId, temporaryAccessKeyId, longTermAccessKeyId, userUniqueId, type Partition } from '../core/ids.js';
import type { UserIdentity, UserIdentityType } from '../record/types.js';
import { CLI_USER_AGENTS, CONSOLE_USER_AGENTS, publicIPv4 } from './pools.js';

/**
 * Principals: who makes a call. Each builds its `userIdentity` once (frozen, shared by
 * every record it appears in) following the shapes in cloudtrail-reference.md §2 and the
 * key order of real records. Per-event variation (which of its IPs or user agents) is
 * drawn from small per-principal pools.
 */

/** The account facts a principal needs. */
export interface AccountRef {
  readonly id: string;
  readonly partition: Partition;
  readonly alias?: string;
}

/** Where a principal's calls come from: its IPs and user agents. */
export interface CallerProfile {
  /** Source IPs (or a service host name) the principal calls from. */
  readonly sourceIPs: readonly string[];
  /** User agents the principal's tools send. */
  readonly userAgents: readonly string[];
  /** The call is made by an AWS service on the principal's behalf (no tlsDetails; source is the service). */
  readonly invokedBy?: string;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

function defaultProfile(rng: Random, console = false): CallerProfile {
  const ips = [publicIPv4(rng), publicIPv4(rng)];
  const agents = console ? [rng.pick(CONSOLE_USER_AGENTS)] : [rng.pick(CLI_USER_AGENTS), rng.pick(CLI_USER_AGENTS)];
  return { sourceIPs: ips, userAgents: agents };
}

export abstract class Principal {
  abstract readonly type: UserIdentityType;
  /** The userIdentity written into records (frozen). */
  abstract readonly identity: UserIdentity;
  /** A short human name: user name, session name, service host. */
  abstract readonly name: string;

  constructor(
    readonly account: AccountRef,
    public profile: CallerProfile,
  ) {}

  /** The principal's ARN, where it has one. */
  get arn(): string | undefined {
    return this.identity.arn;
  }

  /** Source IP for one call. */
  sourceIPAddress(rng: Random): string {
    const ips = this.profile.sourceIPs;
    return ips.length === 1 ? ips[0] : ips[rng.int(ips.length)];
  }

  /** User agent for one call. */
  userAgent(rng: Random): string {
    const uas = this.profile.userAgents;
    return uas.length === 1 ? uas[0] : uas[rng.int(uas.length)];
  }

  /** Change where this principal calls from (e.g. an attacker's IP, TruffleHog's user agent). */
  withProfile(profile: Partial<CallerProfile>): this {
    this.profile = { ...this.profile, ...profile };
    return this;
  }
}

export class RootPrincipal extends Principal {
  readonly type = 'Root' as const;
  readonly name = 'root';
  readonly identity: UserIdentity;

  constructor(account: AccountRef, rng: Random) {
    super(account, defaultProfile(rng, true));
    const id: UserIdentity = {
      type: 'Root',
      principalId: account.id,
      arn: `arn:${account.partition}:iam::${account.id}:root`,
      accountId: account.id,
      accessKeyId: longTermAccessKeyId(rng),
    };
    if (account.alias) id.userName = account.alias;
    this.identity = deepFreeze(id);
  }
}

export interface IamUserOptions {
  /** IAM path, default `/`. */
  path?: string;
  /** Calls come from console sessions (temporary ASIA keys, sessionContext) rather than access keys. */
  console?: boolean;
  /** MFA used for the console session. */
  mfa?: boolean;
}

export class IamUserPrincipal extends Principal {
  readonly type = 'IAMUser' as const;
  readonly identity: UserIdentity;
  readonly uniqueId: string;
  readonly accessKeyId: string;

  constructor(account: AccountRef, readonly name: string, rng: Random, opts: IamUserOptions = {}) {
    super(account, defaultProfile(rng, opts.console));
    const path = opts.path ?? '/';
    this.uniqueId = userUniqueId(rng);
    this.accessKeyId = opts.console ? temporaryAccessKeyId(rng) : longTermAccessKeyId(rng);
    this.identity = deepFreeze({
      type: 'IAMUser',
      principalId: this.uniqueId,
      arn: `arn:${account.partition}:iam::${account.id}:user${path}${name}`,
      accountId: account.id,
      accessKeyId: this.accessKeyId,
      userName: name,
    });
  }

  /** The same user through a console session: temporary keys and a sessionContext, as in real records. */
  consoleSession(rng: Random, createdAt: number, mfa = true): IamUserConsoleSession {
    return new IamUserConsoleSession(this, rng, createdAt, mfa);
  }
}

/** An IAM user acting through the console (ASIA key, `sessionIssuer: {}`), as real records show. */
export class IamUserConsoleSession extends Principal {
  readonly type = 'IAMUser' as const;
  readonly identity: UserIdentity;
  readonly name: string;

  constructor(readonly user: IamUserPrincipal, rng: Random, createdAt: number, readonly mfa: boolean) {
    super(user.account, { sourceIPs: user.profile.sourceIPs, userAgents: CONSOLE_USER_AGENTS.slice(0, 1) });
    this.name = user.name;
    this.identity = deepFreeze({
      ...user.identity,
      accessKeyId: temporaryAccessKeyId(rng),
      sessionContext: {
        sessionIssuer: {},
        webIdFederationData: {},
        attributes: { creationDate: formatEventTime(createdAt), mfaAuthenticated: mfa ? 'true' : 'false' },
      },
    });
  }
}

export interface RoleOptions {
  /** IAM path, default `/` (service-linked roles: `/aws-service-role/<service>/`). */
  path?: string;
}

/** An IAM role. Not a caller itself: `assume` gives a session that calls. */
export class Role {
  readonly uniqueId: string;
  readonly arn: string;
  readonly path: string;

  constructor(readonly account: AccountRef, readonly name: string, private readonly rng: Random, opts: RoleOptions = {}) {
    this.path = opts.path ?? '/';
    this.uniqueId = roleUniqueId(rng);
    this.arn = `arn:${account.partition}:iam::${account.id}:role${this.path}${name}`;
  }

  /**
   * A session of this role. `sessionName` defaults to a deterministic SDK-style name; the
   * access key and everything else derive from (role, session name, creation time), so
   * the same session can be rebuilt by any shard that needs it.
   */
  session(opts: SessionOptions): AssumedRoleSession {
    const ledger = (this.account as { credentialLedger?: CredentialLedger }).credentialLedger;
    const issued = opts.accessKeyId === undefined ? ledger?.find(this.arn, opts.sessionName, opts.createdAt) : undefined;
    const o = issued ? { ...opts, accessKeyId: issued.accessKeyId } : opts;
    const s = new AssumedRoleSession(this, o, this.rng.fork('session', opts.sessionName, opts.createdAt));
    if (issued) s.issuance = 'recorded';
    return s;
  }
}

/**
 * Credentials an STS call recorded in a simulation handed out, so a session rebuilt from
 * (role or federated-user ARN, session name, creation second) carries the key its issuing
 * record shows. Set by the simulation on every account it holds.
 */
export interface CredentialLedger {
  find(arn: string, sessionName: string, createdAt: number): { accessKeyId: string; expiration?: number } | undefined;
}

/**
 * Who issued a session's credentials, for the issuing record a simulation writes when the
 * session is first used and no recorded STS call issued it:
 * - a principal: it calls `sts:AssumeRole` (role chaining when it is itself a session);
 * - `false`: no issuing record (credentials from outside the simulated estate).
 * Left out, the issuer follows from the session: `ec2RoleDelivery` → `ec2.amazonaws.com`,
 * `invokedBy` → that service, an `AWSReservedSSO_*` role → Identity Center
 * (`AssumeRoleWithSAML`), the session name `GitHubActions` → GitHub's OIDC provider
 * (`AssumeRoleWithWebIdentity`), a task-id session name → `ecs-tasks.amazonaws.com`, any
 * other → an IAM user of the role's account named `<role>-operator`.
 */
export type SessionIssuer = Principal | false;

export interface SessionOptions {
  sessionName: string;
  /** When the session's credentials were issued (epoch ms). */
  createdAt: number;
  mfa?: boolean;
  sourceIdentity?: string;
  /** The service that calls with this session (service-linked roles, Lambda execution roles as seen from the service). */
  invokedBy?: string;
  /** Instance-profile credentials: "2.0" for IMDSv2, "1.0" for IMDSv1. */
  ec2RoleDelivery?: '1.0' | '2.0';
  profile?: Partial<CallerProfile>;
  /** The key the session calls with; default drawn from (role, session name, creation time). */
  accessKeyId?: string;
  /** Lifetime of the credentials in seconds (the issuing record's durationSeconds). @defaultValue 3600 */
  durationSeconds?: number;
  /** Who issued the credentials (see `SessionIssuer`). */
  issuedBy?: SessionIssuer;
}

export class AssumedRoleSession extends Principal {
  readonly type = 'AssumedRole' as const;
  readonly identity: UserIdentity;
  readonly name: string;
  readonly accessKeyId: string;
  /**
   * Whether the issuing record exists: `'recorded'` (an STS call in the simulation issued
   * these credentials, or the estate wrote it), `'pending'` (the simulation writes one on
   * first use), `'none'` (never).
   */
  issuance: 'recorded' | 'pending' | 'none';

  constructor(readonly role: Role, readonly opts: SessionOptions, rng: Random) {
    super(role.account, defaultProfile(rng));
    const a = role.account;
    this.name = opts.sessionName;
    const drawn = temporaryAccessKeyId(rng);
    this.accessKeyId = opts.accessKeyId ?? drawn;
    this.issuance = opts.issuedBy === false ? 'none' : 'pending';
    if (opts.invokedBy) this.profile = { sourceIPs: [opts.invokedBy], userAgents: [opts.invokedBy], invokedBy: opts.invokedBy };
    if (opts.profile) this.profile = { ...this.profile, ...opts.profile };
    const sessionContext: UserIdentity['sessionContext'] = {
      sessionIssuer: { type: 'Role', principalId: role.uniqueId, arn: role.arn, accountId: a.id, userName: role.name },
      webIdFederationData: {},
      attributes: { creationDate: formatEventTime(opts.createdAt), mfaAuthenticated: opts.mfa ? 'true' : 'false' },
    };
    if (opts.sourceIdentity) sessionContext.sourceIdentity = opts.sourceIdentity;
    if (opts.ec2RoleDelivery) sessionContext.ec2RoleDelivery = opts.ec2RoleDelivery;
    const id: UserIdentity = {
      type: 'AssumedRole',
      principalId: `${role.uniqueId}:${opts.sessionName}`,
      arn: `arn:${a.partition}:sts::${a.id}:assumed-role/${role.name}/${opts.sessionName}`,
      accountId: a.id,
      accessKeyId: this.accessKeyId,
      sessionContext,
    };
    if (opts.invokedBy) id.invokedBy = opts.invokedBy;
    this.identity = deepFreeze(id);
  }
}

export class FederatedUserPrincipal extends Principal {
  readonly type = 'FederatedUser' as const;
  readonly identity: UserIdentity;

  readonly accessKeyId: string;
  /** Whether the GetFederationToken record exists (see `AssumedRoleSession.issuance`); set `'none'` for credentials issued outside the simulation. */
  issuance: 'recorded' | 'pending' | 'none' = 'pending';

  constructor(readonly name: string, readonly issuer: IamUserPrincipal | RootPrincipal, rng: Random, readonly createdAt: number, accessKeyId?: string) {
    super(issuer.account, defaultProfile(rng));
    const a = issuer.account;
    const ii = issuer.identity;
    const drawn = temporaryAccessKeyId(rng);
    const arn = `arn:${a.partition}:sts::${a.id}:federated-user/${name}`;
    const ledger = (a as { credentialLedger?: CredentialLedger }).credentialLedger;
    this.accessKeyId = accessKeyId ?? ledger?.find(arn, name, createdAt)?.accessKeyId ?? drawn;
    this.identity = deepFreeze({
      type: 'FederatedUser',
      principalId: `${a.id}:${name}`,
      arn,
      accountId: a.id,
      accessKeyId: this.accessKeyId,
      sessionContext: {
        attributes: { creationDate: formatEventTime(createdAt), mfaAuthenticated: 'false' },
        sessionIssuer: {
          accountId: a.id,
          arn: ii.arn!,
          principalId: ii.principalId!,
          type: issuer.type === 'Root' ? 'Root' : 'IAMUser',
          ...(issuer.type === 'IAMUser' ? { userName: issuer.name } : {}),
        },
        webIdFederationData: {},
      },
    });
  }
}

/** An AWS service calling on the account's behalf (`invokedBy`; source IP and user agent are the service host). */
export class AwsServicePrincipal extends Principal {
  readonly type = 'AWSService' as const;
  readonly identity: UserIdentity;

  constructor(account: AccountRef, readonly name: string) {
    super(account, { sourceIPs: [name], userAgents: [name], invokedBy: name });
    this.identity = deepFreeze({ type: 'AWSService', invokedBy: name });
  }
}

/** Another account, as the resource owner's copy of a cross-account call shows the caller. */
export class AwsAccountPrincipal extends Principal {
  readonly type = 'AWSAccount' as const;
  readonly identity: UserIdentity;
  readonly name: string;

  constructor(account: AccountRef, principalId: string, rng: Random) {
    super(account, defaultProfile(rng));
    this.name = account.id;
    this.identity = deepFreeze({ type: 'AWSAccount', principalId, accountId: account.id });
  }
}

/** An IAM Identity Center user, as Identity Center's own APIs log it. */
export class IdentityCenterUserPrincipal extends Principal {
  readonly type = 'IdentityCenterUser' as const;
  readonly identity: UserIdentity;
  readonly userId: string;

  constructor(account: AccountRef, readonly name: string, identityStoreId: string, rng: Random, opts: { userId?: string; credentialId?: string } = {}) {
    super(account, defaultProfile(rng, true));
    const drawnId = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
    this.userId = opts.userId ?? drawnId;
    const drawnCred = rng.chars(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
    this.identity = deepFreeze({
      type: 'IdentityCenterUser',
      accountId: account.id,
      onBehalfOf: { userId: this.userId, identityStoreArn: `arn:${account.partition}:identitystore::${account.id}:identitystore/${identityStoreId}` },
      credentialId: opts.credentialId ?? drawnCred,
    });
  }
}

/** A SAML-federated user, as the AssumeRoleWithSAML record shows the caller. */
export class SamlUserPrincipal extends Principal {
  readonly type = 'SAMLUser' as const;
  readonly identity: UserIdentity;

  constructor(account: AccountRef, readonly name: string, identityProvider: string, rng: Random) {
    super(account, defaultProfile(rng, true));
    this.identity = deepFreeze({ type: 'SAMLUser', principalId: `${identityProvider}:${name}`, userName: name, identityProvider });
  }
}

/** A web-identity (OIDC) user, as the AssumeRoleWithWebIdentity record shows the caller. */
export class WebIdentityUserPrincipal extends Principal {
  readonly type = 'WebIdentityUser' as const;
  readonly identity: UserIdentity;

  constructor(account: AccountRef, readonly name: string, identityProvider: string, appId: string, rng: Random) {
    super(account, defaultProfile(rng));
    this.identity = deepFreeze({ type: 'WebIdentityUser', principalId: `${identityProvider}:${appId}:${name}`, userName: name, identityProvider });
  }
}

/**
 * An AWS service acting for the account with no principal of its own, as AWS service
 * events show it: `userIdentity {accountId, invokedBy: "AWS Internal"}` with no `type`
 * (KMS automatic key rotation, CloudTrail User Guide "AWS service events").
 */
export class AwsInternalPrincipal extends Principal {
  readonly type = 'AWSService' as const;
  readonly identity: UserIdentity;
  readonly name = 'AWS Internal';

  constructor(account: AccountRef) {
    super(account, { sourceIPs: ['AWS Internal'], userAgents: ['AWS Internal'], invokedBy: 'AWS Internal' });
    this.identity = deepFreeze({ accountId: account.id, invokedBy: 'AWS Internal' } as UserIdentity);
  }
}

/**
 * A session's calls made by an AWS service on its behalf (CloudFormation creating a
 * stack's resources with the caller's credentials): the same identity and key plus
 * `invokedBy`, with the service host as source IP and user agent.
 */
export class ViaServicePrincipal extends Principal {
  readonly type: UserIdentityType;
  readonly identity: UserIdentity;
  readonly name: string;

  constructor(readonly base: Principal, host: string) {
    super(base.account, { sourceIPs: [host], userAgents: [host], invokedBy: host });
    this.type = base.type;
    this.name = base.name;
    this.identity = deepFreeze({ ...base.identity, invokedBy: host });
  }
}
