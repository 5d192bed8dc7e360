import type { Random } from '../core/random.js';
import { accountId as drawAccountId } from '../core/ids.js';
import { createFaker } from '../core/faker.js';
import { InvalidAccountIdError, TrailsimInputError } from '../core/errors.js';
import type { ResourceType, WorldResource, WorldView } from '../catalog/types.js';
import { Account, type AccountOptions } from './account.js';
import { Organization } from './organization.js';
import { freshName, isGlobalResourceType, makeResource } from './resources.js';

/** How many resources of each kind a new account starts with. */
export interface PopulateConstraints {
  /** S3 buckets per account. @defaultValue 4 */
  buckets?: number;
  /** Objects per bucket. @defaultValue 12 */
  objectsPerBucket?: number;
  /** EC2 instances per region. @defaultValue 3 */
  instances?: number;
  /** Lambda functions per region. @defaultValue 3 */
  functions?: number;
  /** DynamoDB tables per region. @defaultValue 2 */
  tables?: number;
}

const ENVS = ['prod', 'staging', 'dev', 'shared', 'data', 'logs'];

/**
 * The simulated world: organization, accounts and their resources. Built once, with faker,
 * when accounts are added; generated traffic only reads it (and makes up names for new
 * resources without adding them), so the activity of one shard never depends on another's.
 */
export class World implements WorldView {
  readonly accounts = new Map<string, Account>();
  organization?: Organization;
  private readonly byArnIndex = new Map<string, WorldResource>();

  constructor(private readonly rng: Random, private readonly refTime: () => number) {}

  /** Adds an account, populated with a starting set of resources. */
  addAccount(opts: AccountOptions = {}, populate: PopulateConstraints = {}): Account {
    const id = opts.id ?? this.drawId(opts.name ?? `account-${this.accounts.size + 1}`);
    if (this.accounts.has(id)) throw new InvalidAccountIdError(`Account ${id} already exists in this simulation.`);
    const account = new Account(this.rng.fork('account', id), id, opts, (r) => this.index(r));
    this.accounts.set(id, account);
    if (this.organization) {
      this.organization.accountIds.push(id);
      account.organizationId = this.organization.id;
    }
    this.populate(account, populate);
    return account;
  }

  /** Creates the organization, with `management` as its management account. */
  createOrganization(management: Account, id?: string): Organization {
    if (this.organization) throw new TrailsimInputError(`This simulation already has organization ${this.organization.id}.`);
    const org = new Organization(management.id, this.rng.fork('organization'), id);
    for (const a of this.accounts.values()) {
      if (a.id !== management.id) org.accountIds.push(a.id);
      a.organizationId = org.id;
    }
    this.organization = org;
    return org;
  }

  account(id: string): Account {
    const a = this.accounts.get(id) ?? [...this.accounts.values()].find((x) => x.name === id);
    if (!a) throw new InvalidAccountIdError(`No account '${id}' in this simulation (known: ${[...this.accounts.values()].map((x) => `${x.name}=${x.id}`).join(', ') || 'none'}).`);
    return a;
  }

  resource(type: ResourceType, rng: Random, opts: { accountId?: string; region?: string } = {}): WorldResource {
    const accountId = opts.accountId ?? this.accounts.keys().next().value ?? '000000000000';
    const account = this.accounts.get(accountId);
    const region = isGlobalResourceType(type) ? '' : (opts.region ?? account?.defaultRegion ?? 'us-east-1');
    const list = account?.resources(type, region) ?? [];
    if (list.length > 0) return list[rng.int(list.length)];
    return makeResource(type, freshName(type, rng), accountId, region, account?.partition ?? 'aws', type === 'AWS::S3::Object' ? { bucket: freshName('AWS::S3::Bucket', rng) } : {});
  }

  newName(type: ResourceType, rng: Random): string {
    return freshName(type, rng);
  }

  byArn(arn: string): WorldResource | undefined {
    return this.byArnIndex.get(arn);
  }

  private index(r: WorldResource): void {
    this.byArnIndex.set(r.arn, r);
    this.accounts.get(r.accountId)?.index(r);
  }

  private drawId(name: string): string {
    for (let i = 0; ; i++) {
      const id = drawAccountId(this.rng.fork('account-id', name, i));
      if (!this.accounts.has(id)) return id;
    }
  }

  private populate(account: Account, c: PopulateConstraints): void {
    const f = createFaker(account.rng.fork('populate'), this.refTime());
    const word = () => f.word.noun().toLowerCase().replace(/[^a-z0-9]/g, '');
    const company = f.company.name().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 20);
    for (let i = 0; i < (c.buckets ?? 4); i++) {
      const bucket = `${company}-${f.helpers.arrayElement(ENVS)}-${word()}-${f.string.alphanumeric({ length: 6, casing: 'lower' })}`.slice(0, 63);
      account.addResource('AWS::S3::Bucket', bucket, '');
      for (let j = 0; j < (c.objectsPerBucket ?? 12); j++) {
        const key = `${f.helpers.arrayElement(['reports', 'exports', 'uploads', 'backups', 'logs'])}/${f.date.past().toISOString().slice(0, 10)}/${f.system.fileName()}`;
        account.addResource('AWS::S3::Object', key, '', { bucket });
      }
    }
    for (const region of account.regions) {
      const vpc = account.addResource('AWS::EC2::VPC', 'vpc-' + f.string.hexadecimal({ length: 17, casing: 'lower', prefix: '' }), region);
      account.addResource('AWS::EC2::Subnet', 'subnet-' + f.string.hexadecimal({ length: 17, casing: 'lower', prefix: '' }), region, { vpc: vpc.name });
      account.addResource('AWS::EC2::SecurityGroup', 'sg-' + f.string.hexadecimal({ length: 17, casing: 'lower', prefix: '' }), region, { vpc: vpc.name });
      account.addResource('AWS::EC2::NetworkAcl', 'acl-' + f.string.hexadecimal({ length: 17, casing: 'lower', prefix: '' }), region, { vpc: vpc.name });
      account.addResource('AWS::EC2::RouteTable', 'rtb-' + f.string.hexadecimal({ length: 17, casing: 'lower', prefix: '' }), region, { vpc: vpc.name });
      for (let i = 0; i < (c.instances ?? 3); i++) {
        account.addResource('AWS::EC2::Instance', 'i-' + f.string.hexadecimal({ length: 17, casing: 'lower', prefix: '' }), region);
        account.addResource('AWS::EC2::Volume', 'vol-' + f.string.hexadecimal({ length: 17, casing: 'lower', prefix: '' }), region);
      }
      account.addResource('AWS::EC2::Snapshot', 'snap-' + f.string.hexadecimal({ length: 17, casing: 'lower', prefix: '' }), region);
      for (let i = 0; i < (c.functions ?? 3); i++) account.addResource('AWS::Lambda::Function', `${word()}-${f.helpers.arrayElement(['handler', 'worker', 'api', 'processor'])}`, region);
      for (let i = 0; i < (c.tables ?? 2); i++) account.addResource('AWS::DynamoDB::Table', `${word()}-${f.helpers.arrayElement(['events', 'sessions', 'orders', 'state'])}`, region);
      account.addResource('AWS::KMS::Key', f.string.uuid(), region);
      account.addResource('AWS::SecretsManager::Secret', `${f.helpers.arrayElement(ENVS)}/${word()}/credentials-${f.string.alpha({ length: 6 })}`, region);
      account.addResource('AWS::RDS::DBInstance', `${word()}-db`, region);
      account.addResource('AWS::RDS::DBCluster', `${word()}-cluster`, region);
      account.addResource('AWS::Logs::LogGroup', `/aws/lambda/${word()}`, region);
      account.addResource('AWS::SNS::Topic', `${word()}-alerts`, region);
      account.addResource('AWS::SQS::Queue', `${word()}-queue`, region);
    }
  }
}
