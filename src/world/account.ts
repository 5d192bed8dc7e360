import type { Random } from '../core/random.js';
import { partitionOf, type Partition } from '../core/ids.js';
import { InvalidAccountIdError, TrailsimInputError } from '../core/errors.js';
import type { ResourceType, WorldResource } from '../catalog/types.js';
import {
  AwsServicePrincipal,
  FederatedUserPrincipal,
  IamUserPrincipal,
  IdentityCenterUserPrincipal,
  Role,
  RootPrincipal,
  SamlUserPrincipal,
  WebIdentityUserPrincipal,
  type AccountRef,
  type CredentialLedger,
  type IamUserOptions,
  type RoleOptions,
} from './principal.js';
import { makeResource } from './resources.js';
import { assertRegion } from './regions.js';

export interface AccountOptions {
  /** 12-digit id; drawn from the seed by name when absent. */
  id?: string;
  /** A short name used in scenarios and output (`prod`, `audit`). */
  name?: string;
  /** IAM account alias (Root records carry it as userName). */
  alias?: string;
  /** Regions with activity; the first is the default region for calls. Default `['us-east-1']`. */
  regions?: string[];
}

/**
 * An AWS account: its principals and resources. Principals and resources are created on
 * first use and derived from (seed, account, kind, name), so the order in which a
 * scenario asks for them never changes their ids.
 */
export class Account implements AccountRef {
  readonly id: string;
  readonly name: string;
  readonly alias?: string;
  readonly partition: Partition;
  readonly regions: readonly string[];
  /** Organization id, when the account belongs to one. */
  organizationId?: string;
  /** @internal Credentials the simulation's recorded STS calls issued (sessions adopt their keys). */
  credentialLedger?: CredentialLedger;
  private readonly users = new Map<string, IamUserPrincipal>();
  private readonly roles = new Map<string, Role>();
  private readonly services = new Map<string, AwsServicePrincipal>();
  private rootPrincipal?: RootPrincipal;
  /** Resources by type, then by region ('' for global resources). */
  private readonly resourceIndex = new Map<string, Map<string, WorldResource[]>>();

  constructor(
    readonly rng: Random,
    id: string,
    opts: AccountOptions,
    private readonly onResource: (r: WorldResource) => void,
  ) {
    if (!/^\d{12}$/.test(id)) throw new InvalidAccountIdError(`Account id '${id}' is not valid: an AWS account id is exactly 12 digits.`);
    const regions = opts.regions ?? ['us-east-1'];
    if (regions.length === 0) throw new TrailsimInputError(`Account ${id} needs at least one region.`);
    for (const r of regions) assertRegion(r, `Account ${id}: region`);
    this.id = id;
    this.name = opts.name ?? id;
    if (opts.alias) this.alias = opts.alias;
    this.regions = Object.freeze([...regions]);
    this.partition = partitionOf(regions[0]);
  }

  /** The default region for calls that name none. */
  get defaultRegion(): string {
    return this.regions[0];
  }

  /** The root user. */
  root(): RootPrincipal {
    return (this.rootPrincipal ??= new RootPrincipal(this, this.rng.fork('root')));
  }

  /** The IAM user `name` (created on first use). */
  iamUser(name: string, opts: IamUserOptions = {}): IamUserPrincipal {
    let u = this.users.get(name);
    if (!u) {
      u = new IamUserPrincipal(this, name, this.rng.fork('user', name), opts);
      this.users.set(name, u);
      this.onResource(makeResource('AWS::IAM::User', name, this.id, '', this.partition, { uniqueId: u.uniqueId }));
    }
    return u;
  }

  /** The IAM role `name` (created on first use). */
  role(name: string, opts: RoleOptions = {}): Role {
    let r = this.roles.get(name);
    if (!r) {
      r = new Role(this, name, this.rng.fork('role', name), opts);
      this.roles.set(name, r);
      this.onResource(Object.freeze({ ...makeResource('AWS::IAM::Role', name, this.id, '', this.partition, { uniqueId: r.uniqueId }), arn: r.arn }));
    }
    return r;
  }

  /** An AWS service acting in this account (`lambda.amazonaws.com`, `config.amazonaws.com`). */
  service(host: string): AwsServicePrincipal {
    let s = this.services.get(host);
    if (!s) {
      s = new AwsServicePrincipal(this, host);
      this.services.set(host, s);
    }
    return s;
  }

  /** A federated user (GetFederationToken) issued by an IAM user of this account. */
  federatedUser(name: string, issuer: IamUserPrincipal, createdAt: number): FederatedUserPrincipal {
    return new FederatedUserPrincipal(name, issuer, this.rng.fork('federated', name, createdAt), createdAt);
  }

  /** An IAM Identity Center user (Identity Center's own APIs log this identity type). */
  identityCenterUser(name: string, identityStoreId = 'd-' + this.rng.fork('identity-store').hex(10)): IdentityCenterUserPrincipal {
    return new IdentityCenterUserPrincipal(this, name, identityStoreId, this.rng.fork('idc-user', name));
  }

  /** A SAML user, as AssumeRoleWithSAML shows the caller. */
  samlUser(name: string, identityProvider: string): SamlUserPrincipal {
    return new SamlUserPrincipal(this, name, identityProvider, this.rng.fork('saml', identityProvider, name));
  }

  /** A web-identity user, as AssumeRoleWithWebIdentity shows the caller. */
  webIdentityUser(name: string, identityProvider = 'accounts.google.com', appId = 'trailsim-app'): WebIdentityUserPrincipal {
    return new WebIdentityUserPrincipal(this, name, identityProvider, appId, this.rng.fork('web-identity', identityProvider, name));
  }

  /** Adds a resource to this account (region '' for global resources). */
  addResource(type: ResourceType, name: string, region: string, attrs: Record<string, string> = {}): WorldResource {
    const r = makeResource(type, name, this.id, region, this.partition, attrs);
    this.onResource(r);
    return r;
  }

  /** @internal Indexes a resource (called by the world for every resource of this account). */
  index(r: WorldResource): void {
    let byRegion = this.resourceIndex.get(r.type);
    if (!byRegion) this.resourceIndex.set(r.type, (byRegion = new Map()));
    let list = byRegion.get(r.region);
    if (!list) byRegion.set(r.region, (list = []));
    list.push(r);
  }

  /** Resources of a type, in a region ('' for global types); omit region for all. */
  resources(type: ResourceType, region?: string): readonly WorldResource[] {
    const byRegion = this.resourceIndex.get(type);
    if (!byRegion) return [];
    if (region !== undefined) return byRegion.get(region) ?? byRegion.get('') ?? [];
    return [...byRegion.values()].flat();
  }

  /** All IAM users created so far. */
  listUsers(): IamUserPrincipal[] {
    return [...this.users.values()];
  }

  /** All roles created so far. */
  listRoles(): Role[] {
    return [...this.roles.values()];
  }
}
