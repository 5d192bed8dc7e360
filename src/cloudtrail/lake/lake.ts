/**
 * CloudTrail Lake for a simulation: event data stores that ingest the simulation's records,
 * and Lake SQL over them. Operations take the calling principal and SDK-v3-shaped input
 * (PascalCase) and return SDK-v3-shaped output; each call is itself recorded as a CloudTrail
 * management event (`cloudtrail:<Operation>`, request and response keys in lower camel case as
 * CloudTrail writes them), failed calls with their error code and message.
 *
 * Store operations are synchronous; StartQuery is asynchronous because it loads DuckDB on
 * first use (see `duckdb-loader.ts`) and runs the SQL at once (see `lake-query.ts`).
 *
 * @example
 * const lake = new Lake(sim);
 * const { EventDataStoreArn } = lake.createEventDataStore(admin, { Name: 'audit', RetentionPeriod: 730 });
 * sim.advance('1h');
 * const { QueryId } = await lake.startQuery(admin, { QueryStatement: `SELECT eventName, count(*) AS n FROM ${EventDataStoreArn!.split('/')[1]} GROUP BY eventName` });
 * const page = lake.getQueryResults(admin, { QueryId });
 */
import { assertRegion } from '../../world/regions.js';
import { sdkDate } from '../../catalog/util.js';
import type { VirtualClock } from '../../core/clock.js';
import { parseDuration, type Duration } from '../../core/duration.js';
import { AwsServiceException, InvalidMaxResultsException, InvalidNextTokenException, TrailsimInputError } from '../../core/errors.js';
import { Random, type Seed } from '../../core/random.js';
import { readInstant, type Instant } from '../../core/time.js';
import type { CallOptions } from '../../record/builder.js';
import type { CloudTrailRecord, JsonObject, JsonValue } from '../../record/types.js';
import type { Principal } from '../../world/principal.js';
import type { World } from '../../world/world.js';
import { digest } from '../next-token.js';
import type { DuckDBLoader } from './duckdb-loader.js';
import {
  EventDataStoreARNInvalidException,
  EventDataStoreAlreadyExistsException,
  EventDataStoreMaxLimitExceededException,
  EventDataStoreNotFoundException,
  EventDataStoreTerminationProtectedException,
  InactiveEventDataStoreException,
  InactiveQueryException,
  InvalidDateRangeException,
  InvalidEventDataStoreStatusException,
  InvalidEventSelectorsException,
  InvalidParameterException,
  InvalidQueryStatusException,
  InvalidTagParameterException,
  LakeEngineUnavailableError,
  NotOrganizationMasterAccountException,
  OrganizationsNotInUseException,
  QueryIdNotFoundException,
} from './errors.js';
import { EventDataStoreModel, type EventDataStoreStatus, type EventDataStoreSettings, type Tag } from './event-data-store.js';
import type { EventLog } from './event-log.js';
import { LakeEngine } from './lake-engine.js';
import { QUERY_STATUSES, RESULTS_KEPT_MS, finishedAt, queryStatus, type LakeQueryRecord, type QueryStatus } from './lake-query.js';
import { analyzeStatement, type TableRef } from './lake-statement.js';
import { DEFAULT_BILLING_MODE, RETENTION_LIMITS, validateBillingMode, validateBillingModeChange, validateRetention, type BillingMode } from './retention.js';
import { copySelectors, defaultSelectors, validateSelectors, type AdvancedEventSelector } from './selectors.js';

/** What the Lake needs from a simulation (a `Simulation` is one). */
export interface LakeHost {
  readonly seed: Seed;
  readonly clock: VirtualClock;
  readonly world: World;
  onRecord(listener: (record: CloudTrailRecord) => void): () => void;
  call(principal: Principal, operation: string, params?: JsonObject, opts?: CallOptions): CloudTrailRecord;
  operation(name: string): unknown;
}

export interface LakeOptions {
  /** Virtual time from StartQuery to FINISHED. @defaultValue 0 (FINISHED at once) */
  queryRunTime?: Duration;
  /** Loads `@duckdb/node-api` (inject to supply a build, or to test its absence). */
  loadDuckDB?: DuckDBLoader;
  /** Record each Lake API call as a CloudTrail event. @defaultValue true */
  recordApiCalls?: boolean;
  /** Event data stores per account and Region (CloudTrail quota). @defaultValue 10 */
  maxEventDataStores?: number;
}

/** Per-call options: the Region the call is made in (default: the account's default Region). */
export interface LakeCallOptions {
  region?: string;
}

export type { AdvancedEventSelector, AdvancedFieldSelector } from './selectors.js';
export type { BillingMode } from './retention.js';
export type { EventDataStoreStatus, Tag } from './event-data-store.js';
export type { QueryStatus } from './lake-query.js';

export interface CreateEventDataStoreInput {
  Name: string;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  TagsList?: Tag[];
  KmsKeyId?: string;
  StartIngestion?: boolean;
  BillingMode?: BillingMode;
}

/** An event data store as Create/Get/Update/Restore describe it. */
export interface EventDataStoreDescription {
  EventDataStoreArn: string;
  Name: string;
  Status: EventDataStoreStatus;
  AdvancedEventSelectors: AdvancedEventSelector[];
  MultiRegionEnabled: boolean;
  OrganizationEnabled: boolean;
  RetentionPeriod: number;
  TerminationProtectionEnabled: boolean;
  CreatedTimestamp: Date;
  UpdatedTimestamp: Date;
  KmsKeyId?: string;
  BillingMode: BillingMode;
}

export type CreateEventDataStoreOutput = EventDataStoreDescription & { TagsList: Tag[] };
export type GetEventDataStoreOutput = EventDataStoreDescription;
export type UpdateEventDataStoreOutput = EventDataStoreDescription;
export type RestoreEventDataStoreOutput = EventDataStoreDescription;

export interface EventDataStoreInput {
  /** ARN, or the ID at its end. */
  EventDataStore: string;
}

export interface UpdateEventDataStoreInput extends EventDataStoreInput {
  Name?: string;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  KmsKeyId?: string;
  BillingMode?: BillingMode;
}

export interface ListEventDataStoresInput {
  NextToken?: string;
  MaxResults?: number;
}

export interface ListEventDataStoresOutput {
  EventDataStores: { EventDataStoreArn: string; Name: string }[];
  NextToken?: string;
}

export interface StartQueryInput {
  QueryStatement?: string;
  DeliveryS3Uri?: string;
  QueryAlias?: string;
  QueryParameters?: string[];
}

export interface StartQueryOutput {
  QueryId: string;
}

export interface QueryIdInput {
  QueryId: string;
  /** Deprecated by AWS and ignored, as AWS ignores it. */
  EventDataStore?: string;
}

export interface DescribeQueryOutput {
  QueryId: string;
  QueryString: string;
  QueryStatus: QueryStatus;
  QueryStatistics: {
    EventsMatched: number;
    EventsScanned: number;
    BytesScanned: number;
    ExecutionTimeInMillis: number;
    CreationTime: Date;
  };
  ErrorMessage?: string;
  DeliveryS3Uri?: string;
  DeliveryStatus?: 'UNKNOWN';
}

export interface GetQueryResultsInput extends QueryIdInput {
  NextToken?: string;
  MaxQueryResults?: number;
}

export interface GetQueryResultsOutput {
  QueryStatus: QueryStatus;
  QueryStatistics: { ResultsCount: number; TotalResultsCount: number; BytesScanned: number };
  /** Rows; each a list of one-key `{column: value}` maps, every value a string. */
  QueryResultRows: Record<string, string>[][];
  NextToken?: string;
  ErrorMessage?: string;
}

export interface ListQueriesInput extends EventDataStoreInput {
  NextToken?: string;
  MaxResults?: number;
  StartTime?: Instant;
  EndTime?: Instant;
  QueryStatus?: QueryStatus;
}

export interface ListQueriesOutput {
  Queries: { QueryId: string; QueryStatus: QueryStatus; CreationTime: Date }[];
  NextToken?: string;
}

export interface CancelQueryOutput {
  QueryId: string;
  QueryStatus: QueryStatus;
}

interface CallContext {
  accountId: string;
  region: string;
  partition: string;
  now: number;
}

const NAME_PATTERN = /^[a-zA-Z0-9._-]{3,128}$/;
const ARN_PATTERN = /^arn:([a-z-]+):cloudtrail:([a-z0-9-]+):(\d{12}):eventdatastore\/([A-Za-z0-9._-]+)$/;
const ID_PATTERN = /^[a-zA-Z0-9._/:-]{3,256}$/;
const QUERY_ID_PATTERN = /^[a-f0-9-]{36}$/;
/** Read-only calls: CloudTrail writes no responseElements for them. */
const READ_ONLY = new Set(['GetEventDataStore', 'ListEventDataStores', 'DescribeQuery', 'GetQueryResults', 'ListQueries']);

function lowerFirst(k: string): string {
  return k.charAt(0).toLowerCase() + k.slice(1);
}

/** SDK-shaped values as CloudTrail writes them in records: lower camel keys, dates as the SDK's text. */
function toRecordJson(v: unknown): JsonValue {
  if (v instanceof Date) return sdkDate(v.getTime());
  if (Array.isArray(v)) return v.map(toRecordJson);
  if (v && typeof v === 'object') {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[lowerFirst(k)] = toRecordJson(x);
    return out;
  }
  return v as JsonValue;
}

function pageToken(fingerprint: string, offset: number): string {
  const body = `${fingerprint}.${offset}`;
  return btoa(`${body}.${digest(body)}`).replace(/=+$/, '');
}

function readPageToken(token: unknown, fingerprint: string): number {
  const invalid = () => new InvalidNextTokenException('The NextToken is not valid or was used with different parameters.');
  if (typeof token !== 'string' || token.length < 4 || token.length > 1000) throw invalid();
  let text: string;
  try {
    text = atob(token);
  } catch {
    throw invalid();
  }
  const m = /^([0-9a-f]{16})\.(\d{1,12})\.([0-9a-f]{16})$/.exec(text);
  if (!m || m[1] !== fingerprint || digest(`${m[1]}.${m[2]}`) !== m[3]) throw invalid();
  return Number(m[2]);
}

function checkMax(v: unknown, name: string, max = 1000): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) throw new InvalidMaxResultsException(`${name} must be an integer from 1 to ${max}; got ${JSON.stringify(v)}.`);
  return v;
}

function bool(v: unknown, name: string, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new InvalidParameterException(`${name} must be a boolean; got ${JSON.stringify(v)}.`);
  return v;
}

function validateTags(tags: unknown): Tag[] {
  if (tags === undefined) return [];
  if (!Array.isArray(tags) || tags.length > 50) throw new InvalidTagParameterException('TagsList must be a list of at most 50 tags.');
  return tags.map((t) => {
    const tag = t as Tag;
    if (!tag || typeof tag.Key !== 'string' || tag.Key.length < 1 || tag.Key.length > 128 || tag.Key.startsWith('aws:')) throw new InvalidTagParameterException(`Tag key must be 1 to 128 characters and not start with aws:; got ${JSON.stringify(tag?.Key)}.`);
    if (tag.Value !== undefined && (typeof tag.Value !== 'string' || tag.Value.length > 256)) throw new InvalidTagParameterException(`Tag value must be at most 256 characters (key ${tag.Key}).`);
    return tag.Value === undefined ? { Key: tag.Key } : { Key: tag.Key, Value: tag.Value };
  });
}

export class Lake {
  private readonly stores: EventDataStoreModel[] = [];
  private readonly queries = new Map<string, LakeQueryRecord>();
  private readonly storeIds: Random;
  private readonly queryIds: Random;
  private readonly runTime: number;
  private readonly record: boolean;
  private readonly maxStores: number;
  private engine?: Promise<LakeEngine>;
  private readonly unsubscribe: () => void;

  constructor(private readonly host: LakeHost, private readonly options: LakeOptions = {}) {
    const rng = new Random(host.seed, ['lake']);
    this.storeIds = rng.fork('eventdatastore');
    this.queryIds = rng.fork('query');
    this.runTime = parseDuration(options.queryRunTime ?? 0);
    this.record = options.recordApiCalls ?? true;
    this.maxStores = options.maxEventDataStores ?? 10;
    this.unsubscribe = host.onRecord((r) => this.ingest(r));
  }

  // ---- ingestion ----

  private ingest(r: CloudTrailRecord): void {
    if (this.stores.length === 0) return;
    const now = this.host.clock.now();
    for (const s of this.stores) if (s.accepts(r)) s.ingest(r, now);
  }

  // ---- call plumbing ----

  private context(principal: Principal, opts: LakeCallOptions): CallContext {
    const accountId = principal.account.id;
    if (opts.region !== undefined) assertRegion(opts.region);
    const region = opts.region ?? this.host.world.accounts.get(accountId)?.defaultRegion ?? 'us-east-1';
    return { accountId, region, partition: principal.account.partition, now: this.host.clock.now() };
  }

  private recordCall(principal: Principal, op: string, request: object, ctx: CallContext, outcome: { response: unknown } | { error: AwsServiceException }): void {
    if (!this.record) return;
    const params = toRecordJson(request) as JsonObject;
    const opts: CallOptions = { region: ctx.region, exactParams: true };
    if ('error' in outcome) opts.error = { code: outcome.error.name, message: outcome.error.message };
    else opts.response = READ_ONLY.has(op) || outcome.response === undefined ? null : (toRecordJson(outcome.response) as JsonObject);
    this.host.call(principal, `cloudtrail:${op}`, params, opts);
  }

  private invoke<T>(principal: Principal, op: string, request: object, opts: LakeCallOptions, fn: (ctx: CallContext) => T, response: (out: T) => unknown = (o) => o): T {
    if (this.record) this.host.operation(`cloudtrail:${op}`);
    const ctx = this.context(principal, opts);
    this.purge(ctx.now);
    let out: T;
    try {
      out = fn(ctx);
    } catch (e) {
      if (e instanceof AwsServiceException) this.recordCall(principal, op, request, ctx, { error: e });
      throw e;
    }
    this.recordCall(principal, op, request, ctx, { response: response(out) });
    return out;
  }

  /** Removes stores whose seven days of PENDING_DELETION are over. */
  private purge(now: number): void {
    for (let i = this.stores.length - 1; i >= 0; i--) {
      const s = this.stores[i];
      if (s.isGone(now)) {
        this.stores.splice(i, 1);
        void this.engine?.then((e) => e.forget(s), () => undefined);
      }
    }
  }

  private find(ref: unknown, ctx: CallContext, name = 'EventDataStore'): EventDataStoreModel {
    if (typeof ref !== 'string' || !ID_PATTERN.test(ref)) throw new InvalidParameterException(`${name} must be an event data store ARN or ID; got ${JSON.stringify(ref)}.`);
    let s: EventDataStoreModel | undefined;
    if (ref.startsWith('arn:')) {
      if (!ARN_PATTERN.test(ref)) throw new EventDataStoreARNInvalidException(`The specified event data store ARN ${ref} is not valid or does not map to an event data store in your account.`);
      s = this.stores.find((x) => x.arn === ref && x.accountId === ctx.accountId && x.region === ctx.region);
    } else s = this.stores.find((x) => x.id === ref && x.accountId === ctx.accountId && x.region === ctx.region);
    if (!s) throw new EventDataStoreNotFoundException(`The specified event data store ${ref} was not found.`);
    return s;
  }

  private describe(s: EventDataStoreModel): EventDataStoreDescription {
    const st = s.settings;
    return {
      EventDataStoreArn: s.arn,
      Name: st.name,
      Status: s.status,
      AdvancedEventSelectors: copySelectors(s.selectors),
      MultiRegionEnabled: st.multiRegion,
      OrganizationEnabled: st.organization,
      RetentionPeriod: st.retentionDays,
      TerminationProtectionEnabled: st.terminationProtection,
      CreatedTimestamp: new Date(s.createdAt),
      UpdatedTimestamp: new Date(s.updatedAt),
      ...(st.kmsKeyId !== undefined ? { KmsKeyId: st.kmsKeyId } : {}),
      BillingMode: st.billingMode,
    };
  }

  private checkOrganization(ctx: CallContext): void {
    const org = this.host.world.organization;
    if (!org || !org.has(ctx.accountId)) throw new OrganizationsNotInUseException('This account is not a member of an organization in AWS Organizations.');
    if (org.managementAccountId !== ctx.accountId) throw new NotOrganizationMasterAccountException('This operation must be called from the management account of the organization.');
  }

  private checkName(name: unknown, ctx: CallContext, self?: EventDataStoreModel): string {
    if (typeof name !== 'string' || !NAME_PATTERN.test(name)) throw new InvalidParameterException(`Name must be 3 to 128 letters, digits, periods, underscores or hyphens; got ${JSON.stringify(name)}.`);
    if (this.stores.some((s) => s !== self && s.settings.name === name && s.accountId === ctx.accountId && s.region === ctx.region)) {
      throw new EventDataStoreAlreadyExistsException(`An event data store with the name ${name} already exists.`);
    }
    return name;
  }

  private countIn(ctx: CallContext): number {
    return this.stores.filter((s) => s.accountId === ctx.accountId && s.region === ctx.region && s.status !== 'PENDING_DELETION').length;
  }

  // ---- event data stores ----

  /** CreateEventDataStore. */
  createEventDataStore(principal: Principal, input: CreateEventDataStoreInput, opts: LakeCallOptions = {}): CreateEventDataStoreOutput {
    return this.invoke(principal, 'CreateEventDataStore', input, opts, (ctx) => {
      const name = this.checkName(input?.Name, ctx);
      const selectors = validateSelectors(input.AdvancedEventSelectors ?? defaultSelectors());
      const billingMode = input.BillingMode === undefined ? DEFAULT_BILLING_MODE : validateBillingMode(input.BillingMode);
      const retentionDays = input.RetentionPeriod === undefined ? RETENTION_LIMITS[billingMode].default : validateRetention(input.RetentionPeriod, billingMode);
      const organization = bool(input.OrganizationEnabled, 'OrganizationEnabled', false);
      if (organization) this.checkOrganization(ctx);
      const settings: EventDataStoreSettings = {
        name,
        selectors,
        multiRegion: bool(input.MultiRegionEnabled, 'MultiRegionEnabled', true),
        organization,
        retentionDays,
        billingMode,
        terminationProtection: bool(input.TerminationProtectionEnabled, 'TerminationProtectionEnabled', true),
        ...(input.KmsKeyId !== undefined ? { kmsKeyId: String(input.KmsKeyId) } : {}),
        tags: validateTags(input.TagsList),
        ingesting: bool(input.StartIngestion, 'StartIngestion', true),
      };
      if (this.countIn(ctx) >= this.maxStores) throw new EventDataStoreMaxLimitExceededException('Your account has used the maximum number of event data stores.');
      const id = this.storeIds.uuid();
      const arn = `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.accountId}:eventdatastore/${id}`;
      const owner = ctx.accountId;
      const model = new EventDataStoreModel(id, arn, owner, ctx.region, ctx.now, settings, (acct) => {
        const org = this.host.world.organization;
        return !!org && org.managementAccountId === owner && org.has(acct);
      });
      this.stores.push(model);
      // "The status of event data store creation" is CREATED in the response; the store is ENABLED from then on.
      return { ...this.describe(model), Status: 'CREATED' as const, TagsList: settings.tags.map((t) => ({ ...t })) };
    });
  }

  /** GetEventDataStore. */
  getEventDataStore(principal: Principal, input: EventDataStoreInput, opts: LakeCallOptions = {}): GetEventDataStoreOutput {
    return this.invoke(principal, 'GetEventDataStore', input, opts, (ctx) => this.describe(this.find(input?.EventDataStore, ctx)));
  }

  /** ListEventDataStores: the stores of the caller's account in the Region of the call, oldest first. */
  listEventDataStores(principal: Principal, input: ListEventDataStoresInput = {}, opts: LakeCallOptions = {}): ListEventDataStoresOutput {
    return this.invoke(principal, 'ListEventDataStores', input, opts, (ctx) => {
      const max = checkMax(input.MaxResults, 'MaxResults') ?? 1000;
      const fingerprint = digest(`eds|${ctx.accountId}|${ctx.region}`);
      const from = input.NextToken === undefined ? 0 : readPageToken(input.NextToken, fingerprint);
      const all = this.stores.filter((s) => s.accountId === ctx.accountId && s.region === ctx.region);
      const page = all.slice(from, from + max).map((s) => ({ EventDataStoreArn: s.arn, Name: s.settings.name }));
      return { EventDataStores: page, ...(from + max < all.length ? { NextToken: pageToken(fingerprint, from + max) } : {}) };
    });
  }

  /** UpdateEventDataStore. */
  updateEventDataStore(principal: Principal, input: UpdateEventDataStoreInput, opts: LakeCallOptions = {}): UpdateEventDataStoreOutput {
    return this.invoke(principal, 'UpdateEventDataStore', input, opts, (ctx) => {
      const s = this.find(input?.EventDataStore, ctx);
      const keys = ['Name', 'AdvancedEventSelectors', 'MultiRegionEnabled', 'OrganizationEnabled', 'RetentionPeriod', 'TerminationProtectionEnabled', 'KmsKeyId', 'BillingMode'] as const;
      if (!keys.some((k) => input[k] !== undefined)) throw new InvalidParameterException('UpdateEventDataStore needs at least one parameter to change besides EventDataStore.');
      if (s.status === 'PENDING_DELETION') throw new InactiveEventDataStoreException(`The event data store ${s.arn} is inactive (PENDING_DELETION).`);
      const cur = s.settings;
      const next: EventDataStoreSettings = { ...cur };
      if (input.Name !== undefined) next.name = this.checkName(input.Name, ctx, s);
      if (input.AdvancedEventSelectors !== undefined) {
        const sel = validateSelectors(input.AdvancedEventSelectors);
        if (sel.kind !== cur.selectors.kind) throw new InvalidEventSelectorsException(`This event data store holds ${cur.selectors.kind === 'Insight' ? 'Insights' : 'CloudTrail'} events; its selectors cannot switch it to another kind.`);
        next.selectors = sel;
      }
      if (input.BillingMode !== undefined) {
        next.billingMode = validateBillingMode(input.BillingMode);
        validateBillingModeChange(cur.billingMode, next.billingMode);
      }
      if (input.RetentionPeriod !== undefined) next.retentionDays = validateRetention(input.RetentionPeriod, next.billingMode);
      else validateRetention(next.retentionDays, next.billingMode);
      if (input.MultiRegionEnabled !== undefined) next.multiRegion = bool(input.MultiRegionEnabled, 'MultiRegionEnabled', cur.multiRegion);
      if (input.OrganizationEnabled !== undefined) {
        next.organization = bool(input.OrganizationEnabled, 'OrganizationEnabled', cur.organization);
        if (next.organization !== cur.organization) this.checkOrganization(ctx);
      }
      if (input.TerminationProtectionEnabled !== undefined) next.terminationProtection = bool(input.TerminationProtectionEnabled, 'TerminationProtectionEnabled', cur.terminationProtection);
      if (input.KmsKeyId !== undefined) {
        // "After you associate an event data store with a KMS key, the KMS key cannot be removed or changed."
        if (cur.kmsKeyId !== undefined && cur.kmsKeyId !== input.KmsKeyId) throw new InvalidParameterException('The KMS key of an event data store cannot be changed once set.');
        next.kmsKeyId = String(input.KmsKeyId);
      }
      s.update(next, ctx.now);
      s.expire(ctx.now);
      return this.describe(s);
    });
  }

  /** DeleteEventDataStore: the store waits in PENDING_DELETION for seven days. */
  deleteEventDataStore(principal: Principal, input: EventDataStoreInput, opts: LakeCallOptions = {}): Record<string, never> {
    return this.invoke(principal, 'DeleteEventDataStore', input, opts, (ctx) => {
      const s = this.find(input?.EventDataStore, ctx);
      if (s.status === 'PENDING_DELETION') throw new InactiveEventDataStoreException(`The event data store ${s.arn} is inactive (PENDING_DELETION).`);
      if (s.settings.terminationProtection) throw new EventDataStoreTerminationProtectedException(`The event data store ${s.arn} cannot be deleted because termination protection is enabled for it.`);
      s.markDeleted(ctx.now);
      return {};
    }, () => undefined);
  }

  /** RestoreEventDataStore: back from PENDING_DELETION, with its events. */
  restoreEventDataStore(principal: Principal, input: EventDataStoreInput, opts: LakeCallOptions = {}): RestoreEventDataStoreOutput {
    return this.invoke(principal, 'RestoreEventDataStore', input, opts, (ctx) => {
      const s = this.find(input?.EventDataStore, ctx);
      if (s.status !== 'PENDING_DELETION') throw new InvalidEventDataStoreStatusException(`The event data store ${s.arn} is ${s.status}; only a store in PENDING_DELETION can be restored.`);
      if (this.countIn(ctx) >= this.maxStores) throw new EventDataStoreMaxLimitExceededException('Your account has used the maximum number of event data stores.');
      s.restore(ctx.now);
      s.expire(ctx.now);
      return this.describe(s);
    });
  }

  // ---- queries ----

  private engineFor(): Promise<LakeEngine> {
    if (!this.engine) {
      this.engine = LakeEngine.open(this.options.loadDuckDB);
      this.engine.catch(() => {
        this.engine = undefined;
      });
    }
    return this.engine;
  }

  private resolveRef(ref: TableRef, ctx: CallContext): EventDataStoreModel {
    const m = ARN_PATTERN.exec(ref.name);
    const s = m
      ? this.stores.find((x) => x.arn === ref.name && x.accountId === ctx.accountId && x.region === ctx.region)
      : this.stores.find((x) => x.id === ref.name && x.accountId === ctx.accountId && x.region === ctx.region);
    if (!s) throw new EventDataStoreNotFoundException(`The specified event data store ${ref.name} was not found.`);
    if (s.status === 'PENDING_DELETION') throw new InactiveEventDataStoreException(`The event data store ${s.arn} is inactive (PENDING_DELETION).`);
    return s;
  }

  /** StartQuery: checks and runs the statement now; see `lake-query.ts` for the status model. */
  async startQuery(principal: Principal, input: StartQueryInput, opts: LakeCallOptions = {}): Promise<StartQueryOutput> {
    const op = 'StartQuery';
    if (this.record) this.host.operation(`cloudtrail:${op}`);
    const ctx = this.context(principal, opts);
    this.purge(ctx.now);
    const fail = (e: unknown): never => {
      if (e instanceof AwsServiceException) this.recordCall(principal, op, input ?? {}, ctx, { error: e });
      throw e;
    };
    let statement: string;
    let stores: EventDataStoreModel[];
    let analyzed: ReturnType<typeof analyzeStatement>;
    try {
      if (input?.QueryAlias !== undefined || input?.QueryParameters !== undefined) throw new InvalidParameterException('QueryAlias and QueryParameters serve the CloudTrail Lake dashboards, which trailsim does not simulate; use QueryStatement.');
      if (typeof input?.QueryStatement !== 'string' || input.QueryStatement.length < 1 || input.QueryStatement.length > 10000) {
        throw new InvalidParameterException('QueryStatement must be a string of 1 to 10000 characters.');
      }
      if (input.DeliveryS3Uri !== undefined && !/^s3:\/\/[a-z0-9][.\-a-z0-9]{1,61}[a-z0-9](\/.*)?$/.test(input.DeliveryS3Uri)) throw new InvalidParameterException(`DeliveryS3Uri is not a valid S3 URI: ${input.DeliveryS3Uri}.`);
      statement = input.QueryStatement;
      analyzed = analyzeStatement(statement);
      if (analyzed.refs.length === 0) throw new EventDataStoreNotFoundException('The query does not name an event data store in FROM.');
      stores = analyzed.refs.map((r) => this.resolveRef(r, ctx));
    } catch (e) {
      return fail(e);
    }
    for (const s of stores) s.expire(ctx.now);
    let engine: LakeEngine;
    try {
      engine = await this.engineFor();
    } catch (e) {
      // AWS accepts a valid statement and runs it later, so the StartQuery event exists
      // whatever is installed here: records must not depend on an optional package. The
      // query is kept as FAILED, and the caller learns why it could not run.
      if (e instanceof LakeEngineUnavailableError) this.keepUnrunnable(principal, input, ctx, [...new Set(stores)], e);
      throw e;
    }
    const byRef = new Map(analyzed.refs.map((r, i) => [r, stores[i]]));
    const rewritten = analyzed.rewrite((r) => `"${byRef.get(r)!.id}"`, ctx.now);
    const unique = [...new Set(stores)];
    let outcome;
    // The query reads the stores as they are now: events arriving while it runs wait.
    for (const s of unique) s.pin();
    try {
      outcome = await engine.execute(statement, analyzed, rewritten, unique.map((s) => ({ name: s.id, store: s })));
    } catch (e) {
      return fail(e);
    } finally {
      for (const s of unique) s.unpin(this.host.clock.now());
    }
    const q: LakeQueryRecord = {
      id: this.queryIds.uuid(),
      statement,
      accountId: ctx.accountId,
      region: ctx.region,
      storeArns: unique.map((s) => s.arn),
      createdAt: ctx.now,
      runTime: this.runTime,
      ...(outcome.ok ? { result: { columns: outcome.columns, rows: outcome.rows } } : { error: outcome.error }),
      ...(input.DeliveryS3Uri !== undefined ? { deliveryS3Uri: input.DeliveryS3Uri } : {}),
      eventsScanned: unique.reduce((a, s) => a + s.log.size, 0),
      bytesScanned: unique.reduce((a, s) => a + s.log.totalBytes, 0),
    };
    this.queries.set(q.id, q);
    const out: StartQueryOutput = { QueryId: q.id };
    this.recordCall(principal, op, input, ctx, { response: out });
    return out;
  }

  /** Records an accepted StartQuery whose statement this host cannot run (no DuckDB) and keeps it as FAILED. */
  private keepUnrunnable(principal: Principal, input: StartQueryInput, ctx: CallContext, stores: EventDataStoreModel[], e: Error): void {
    const q: LakeQueryRecord = {
      id: this.queryIds.uuid(),
      statement: input.QueryStatement!,
      accountId: ctx.accountId,
      region: ctx.region,
      storeArns: stores.map((s) => s.arn),
      createdAt: ctx.now,
      runTime: this.runTime,
      error: `trailsim could not run this query here: ${e.message}`,
      ...(input.DeliveryS3Uri !== undefined ? { deliveryS3Uri: input.DeliveryS3Uri } : {}),
      eventsScanned: 0,
      bytesScanned: 0,
    };
    this.queries.set(q.id, q);
    this.recordCall(principal, 'StartQuery', input, ctx, { response: { QueryId: q.id } });
  }

  private findQuery(id: unknown, ctx: CallContext): LakeQueryRecord {
    if (typeof id !== 'string' || !QUERY_ID_PATTERN.test(id)) throw new InvalidParameterException(`QueryId must be 36 characters of lower-case hex digits and hyphens; got ${JSON.stringify(id)}.`);
    const q = this.queries.get(id);
    if (!q || q.accountId !== ctx.accountId || q.region !== ctx.region) throw new QueryIdNotFoundException('The query ID does not exist or does not map to a query.');
    return q;
  }

  /** DescribeQuery. */
  describeQuery(principal: Principal, input: QueryIdInput, opts: LakeCallOptions = {}): DescribeQueryOutput {
    return this.invoke(principal, 'DescribeQuery', input, opts, (ctx) => {
      const q = this.findQuery(input?.QueryId, ctx);
      const status = queryStatus(q, ctx.now);
      const done = status === 'FINISHED';
      const end = finishedAt(q, ctx.now);
      return {
        QueryId: q.id,
        QueryString: q.statement,
        QueryStatus: status,
        QueryStatistics: {
          EventsMatched: done ? q.result!.rows.length : 0,
          EventsScanned: done || status === 'FAILED' ? q.eventsScanned : 0,
          BytesScanned: done || status === 'FAILED' ? q.bytesScanned : 0,
          ExecutionTimeInMillis: (end ?? ctx.now) - q.createdAt,
          CreationTime: new Date(q.createdAt),
        },
        ...(status === 'FAILED' ? { ErrorMessage: q.error } : {}),
        ...(q.deliveryS3Uri !== undefined ? { DeliveryS3Uri: q.deliveryS3Uri, DeliveryStatus: 'UNKNOWN' as const } : {}),
      };
    });
  }

  /** GetQueryResults: rows in pages of MaxQueryResults (1-1000, default 1000). */
  getQueryResults(principal: Principal, input: GetQueryResultsInput, opts: LakeCallOptions = {}): GetQueryResultsOutput {
    return this.invoke(principal, 'GetQueryResults', input, opts, (ctx) => {
      const q = this.findQuery(input?.QueryId, ctx);
      const max = checkMax(input.MaxQueryResults, 'MaxQueryResults') ?? 1000;
      const status = queryStatus(q, ctx.now);
      const end = finishedAt(q, ctx.now);
      if (end !== undefined && ctx.now > end + RESULTS_KEPT_MS) throw new QueryIdNotFoundException('The query ID does not exist or does not map to a query.');
      const total = q.result && (status === 'FINISHED' || status === 'TIMED_OUT') ? q.result.rows.length : 0;
      const fingerprint = digest(`results|${q.id}`);
      const from = input.NextToken === undefined ? 0 : readPageToken(input.NextToken, fingerprint);
      const rows: Record<string, string>[][] = [];
      if (total > 0 && status === 'FINISHED') {
        const cols = q.result!.columns;
        for (const r of q.result!.rows.slice(from, from + max)) rows.push(r.map((v, i) => ({ [cols[i]]: v })));
      }
      return {
        QueryStatus: status,
        QueryStatistics: { ResultsCount: rows.length, TotalResultsCount: status === 'FINISHED' ? total : 0, BytesScanned: status === 'FINISHED' || status === 'FAILED' ? q.bytesScanned : 0 },
        QueryResultRows: rows,
        ...(status === 'FINISHED' && from + max < total ? { NextToken: pageToken(fingerprint, from + max) } : {}),
        ...(status === 'FAILED' ? { ErrorMessage: q.error } : {}),
      };
    });
  }

  /** ListQueries: queries of the past seven days on a store, newest first. */
  listQueries(principal: Principal, input: ListQueriesInput, opts: LakeCallOptions = {}): ListQueriesOutput {
    return this.invoke(principal, 'ListQueries', input, opts, (ctx) => {
      const s = this.find(input?.EventDataStore, ctx);
      if (s.status === 'PENDING_DELETION') throw new InactiveEventDataStoreException(`The event data store ${s.arn} is inactive (PENDING_DELETION).`);
      const max = checkMax(input.MaxResults, 'MaxResults') ?? 1000;
      if (input.QueryStatus !== undefined && !QUERY_STATUSES.includes(input.QueryStatus)) throw new InvalidQueryStatusException(`QueryStatus must be one of ${QUERY_STATUSES.join(', ')}; got ${JSON.stringify(input.QueryStatus)}.`);
      // [API ListQueries] InvalidDateRangeException: "A date range for the query was specified that is not valid."
      const time = (t: Instant | undefined, name: string) => {
        if (t === undefined) return undefined;
        const ms = readInstant(t);
        if (typeof ms === 'string') throw new InvalidDateRangeException(`${name} is not a valid timestamp: ${ms}`);
        return ms;
      };
      const start = time(input.StartTime, 'StartTime');
      const end = time(input.EndTime, 'EndTime');
      if (start !== undefined && end !== undefined && start > end) throw new InvalidDateRangeException('StartTime must be before EndTime.');
      const fingerprint = digest(`queries|${s.arn}|${start ?? ''}|${end ?? ''}|${input.QueryStatus ?? ''}`);
      const from = input.NextToken === undefined ? 0 : readPageToken(input.NextToken, fingerprint);
      const all = [...this.queries.values()]
        .filter((q) => q.storeArns.includes(s.arn) && q.accountId === ctx.accountId && q.createdAt >= ctx.now - RESULTS_KEPT_MS)
        .filter((q) => (start === undefined || q.createdAt >= start) && (end === undefined || q.createdAt <= end))
        .filter((q) => input.QueryStatus === undefined || queryStatus(q, ctx.now) === input.QueryStatus)
        .sort((a, b) => b.createdAt - a.createdAt);
      const page = all.slice(from, from + max).map((q) => ({ QueryId: q.id, QueryStatus: queryStatus(q, ctx.now), CreationTime: new Date(q.createdAt) }));
      return { Queries: page, ...(from + max < all.length ? { NextToken: pageToken(fingerprint, from + max) } : {}) };
    });
  }

  /** CancelQuery: only a query that is still QUEUED or RUNNING. */
  cancelQuery(principal: Principal, input: QueryIdInput, opts: LakeCallOptions = {}): CancelQueryOutput {
    return this.invoke(principal, 'CancelQuery', input, opts, (ctx) => {
      const q = this.findQuery(input?.QueryId, ctx);
      const status = queryStatus(q, ctx.now);
      if (status !== 'RUNNING' && status !== 'QUEUED') throw new InactiveQueryException(`The specified query cannot be canceled because it is in the ${status} state.`);
      q.cancelledAt = ctx.now;
      return { QueryId: q.id, QueryStatus: 'CANCELLED' as const };
    });
  }

  // ---- trailsim helpers (not AWS API) ----

  /** Runs a statement and reads every page: for tests and scripts. */
  async query(principal: Principal, statement: string, opts: LakeCallOptions = {}): Promise<{ QueryId: string; QueryStatus: QueryStatus; columns: string[]; rows: Record<string, string>[]; ErrorMessage?: string }> {
    const { QueryId } = await this.startQuery(principal, { QueryStatement: statement }, opts);
    const q = this.queries.get(QueryId)!;
    const status = queryStatus(q, this.host.clock.now());
    const columns = q.result?.columns ?? [];
    const rows = status === 'FINISHED' ? q.result!.rows.map((r) => Object.fromEntries(r.map((v, i) => [columns[i], v]))) : [];
    return { QueryId, QueryStatus: status, columns, rows, ...(q.error !== undefined ? { ErrorMessage: q.error } : {}) };
  }

  /** The events a store holds now (decoded, oldest first), by ARN. */
  events(arn: string): CloudTrailRecord[] {
    return this.storeByArn(arn).log.records();
  }

  /** @internal The compact log of a store (benchmarks, exports). */
  eventLog(arn: string): EventLog {
    return this.storeByArn(arn).log;
  }

  private storeByArn(arn: string): EventDataStoreModel {
    const now = this.host.clock.now();
    this.purge(now);
    const s = this.stores.find((x) => x.arn === arn);
    if (!s) throw new TrailsimInputError(`No event data store ${arn} in this Lake.`);
    s.expire(now);
    return s;
  }

  /** Loads a store's columns into DuckDB ahead of queries (benchmarks). */
  async preload(arn: string, columns: readonly string[] | '*'): Promise<void> {
    const s = this.storeByArn(arn);
    const engine = await this.engineFor();
    s.pin();
    try {
      await engine.preload(s, new Set(columns === '*' ? [] : columns), columns === '*');
    } finally {
      s.unpin(this.host.clock.now());
    }
  }

  /** Stops ingesting and closes DuckDB. */
  async close(): Promise<void> {
    this.unsubscribe();
    const e = this.engine;
    this.engine = undefined;
    if (e) await (await e).close();
  }
}
