/**
 * The CloudTrail trail API on a simulation: CreateTrail, UpdateTrail, DeleteTrail,
 * StartLogging, StopLogging, GetTrailStatus, GetTrail, DescribeTrails, ListTrails,
 * PutEventSelectors, GetEventSelectors, PutInsightSelectors, GetInsightSelectors, with
 * AWS's semantics and errors, each call recorded as a CloudTrail management event by the
 * principal who made it; and the delivery of every trail's records to S3 (log files,
 * digests, Insights files) and CloudWatch Logs on the virtual clock.
 *
 * Semantics worth knowing (CloudTrail API Reference unless noted):
 * - A trail is created in the caller's Region (its home Region) and is not logging until
 *   StartLogging (CreateTrail creates; the console also starts logging).
 * - Update, Delete, Start/StopLogging, Put*Selectors must be called in the home Region
 *   (InvalidHomeRegionException) by the owner; shadow copies (multi-Region trails in other
 *   Regions, organization trails in member accounts) are visible to reads only.
 * - At most 5 trails exist in a Region for an account, a multi-Region trail counting in
 *   every Region ("A maximum of five trails can exist in a region, irrespective of the
 *   region in which they were created"; "A trail that is applied to all Regions would
 *   count as one trail per Region").
 * - Trail names are unique per account and Region, shadow trails included.
 * - Defaults: IncludeGlobalServiceEvents true, IsMultiRegionTrail false,
 *   EnableLogFileValidation false, IsOrganizationTrail false; a multi-Region trail must
 *   include global service events (InvalidParameterCombinationException).
 * - The trail's own state changes are logged by it when it is logging at that moment:
 *   StartLogging after logging starts, StopLogging / DeleteTrail before it stops (the final
 *   digest covers "events up to and including the StopLogging event"), UpdateTrail and
 *   Put*Selectors under the configuration they replace.
 */
import type { KeyObject } from 'node:crypto';
import type { Duration } from '../../core/duration.js';
import { parseDuration } from '../../core/duration.js';
import { AwsServiceException, TrailsimInputError } from '../../core/errors.js';
import { partitionOf, globalRegionOf, type Partition } from '../../core/ids.js';
import { Random } from '../../core/random.js';
import { formatEventTime, toMillis, type Instant } from '../../core/time.js';
import type { CloudTrailRecord, JsonObject } from '../../record/types.js';
import { isValidBucketName, S3Store } from '../../s3/object-store.js';
import type { Principal } from '../../world/principal.js';
import { assertRegion } from '../../world/regions.js';
import { ApiRecorder, type ApiCallOptions } from './api-recorder.js';
import { CloudWatchLogsStore, parseLogGroupArn } from './cloudwatch-logs.js';
import { TrailDelivery, type DeliveredFile, type DeliveryContext } from './delivery.js';
import { SnsTopics, cloudTrailNotification } from './sns.js';
import {
  InsightNotEnabledException,
  InsufficientS3BucketPolicyException,
  InvalidCloudWatchLogsLogGroupArnException,
  InvalidCloudWatchLogsRoleArnException,
  InvalidHomeRegionException,
  InvalidKmsKeyIdException,
  InvalidParameterCombinationException,
  InvalidS3BucketNameException,
  InvalidS3PrefixException,
  InvalidTagParameterException,
  MaximumNumberOfTrailsExceededException,
  MESSAGES,
  NotOrganizationMasterAccountException,
  OrganizationsNotInUseException,
  S3BucketDoesNotExistException,
  TagsLimitExceededException,
  TrailAlreadyExistsException,
  TrailNotFoundException,
  InsufficientSnsTopicPolicyException,
  InvalidSnsTopicNameException,
} from './errors.js';
import { anyImperfection, resolveImperfections, type DeliveryImperfections, type ResolvedImperfections } from './imperfections.js';
import { assertValidTrailName, isArn, parseTrailArn, trailArn } from './names.js';
import { categoryOf, isGlobalServiceEvent } from './scope.js';
import { validateEventSelectors, validateInsightSelectors } from './selector-validation.js';
import { DigestSigner, type PublicKeyInfo } from './signing.js';
import { snsTopicArnOf, Trail, type TrailConfig } from './trail.js';
import type {
  CreateTrailInput,
  CreateTrailOutput,
  DescribeTrailsInput,
  DescribeTrailsOutput,
  EventSelectorsOutput,
  GetTrailOutput,
  GetTrailStatusOutput,
  InsightSelectorsOutput,
  ListTrailsOutput,
  NameInput,
  PutEventSelectorsInput,
  PutInsightSelectorsInput,
  Tag,
  TrailDescription,
  TrailNameInput,
  UpdateTrailInput,
  UpdateTrailOutput,
} from './types.js';
import { requestParameters, toWire } from './wire.js';
import { recordJson } from './record-json.js';
import type { TrailHost } from './host.js';
import { validateLogs, type ValidateLogsResult } from './validate-logs.js';

/** Options of `attachCloudTrail`. */
export interface CloudTrailServiceOptions {
  /** Object store trails deliver into. @defaultValue a new, empty store */
  store?: S3Store;
  /** SNS topics trails notify (`SnsTopicName`). @defaultValue a new, empty set of topics */
  sns?: SnsTopics;
  /** CloudWatch Logs trails deliver into. @defaultValue a new, empty one */
  logs?: CloudWatchLogsStore;
  /** RSA private key (PEM or KeyObject) that signs digests. @defaultValue trailsim's published test key */
  signingKey?: string | KeyObject;
  /** Delivery imperfections (late, out of order, duplicates). @defaultValue none */
  imperfections?: DeliveryImperfections;
  /** Log file delivery period. @defaultValue '5m' */
  deliveryInterval?: Duration;
  /** Digest period. @defaultValue '1h' */
  digestInterval?: Duration;
  /** Split delivered batches into files of at most this many records. @defaultValue unlimited */
  maxRecordsPerFile?: number;
  /** Split delivered batches into files of at most this many uncompressed characters (files stay under 50 MB compressed regardless). @defaultValue 128 MiB */
  maxUncompressedFileChars?: number;
  /** Trails per account and Region. @defaultValue 5 */
  maxTrailsPerRegion?: number;
}

/** Options of `CloudTrailService.validateLogs`. */
export interface ServiceValidateLogsInput {
  /** Trail ARN or name (names resolve in the owner's home Regions). */
  trail: string;
  startTime: Instant;
  /** @defaultValue now */
  endTime?: Instant;
  /** One account (organization trails: the member); default every account the trail delivers for. */
  accountId?: string;
  /** One Region (the CLI's `--region`); default every Region the trail delivers for. */
  region?: string;
  /** The store to check (e.g. one read back from disk with `readS3Tree`). @defaultValue this service's store */
  store?: S3Store;
}

interface Caller {
  principal: Principal;
  accountId: string;
  partition: Partition;
  region: string;
}

type Recorder = (response: JsonObject | null) => void;

const KMS_KEY = /^(?:arn:(?:aws|aws-cn|aws-us-gov):kms:[a-z0-9-]+:\d{12}:(?:key\/[0-9a-f-]{36}|alias\/[A-Za-z0-9/_-]+)|alias\/[A-Za-z0-9/_-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/[A-Za-z0-9+=,.@_\-/]{1,512}$/;

function requireString(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new TrailsimInputError(`${what} is required and must be a string.`);
  return v;
}

function date(ms: number | undefined): Date | undefined {
  return ms === undefined ? undefined : new Date(ms);
}

/**
 * CloudTrail's trails on one simulation. Create it with `attachCloudTrail(sim)`; it
 * subscribes to the simulation's records and delivers them as trails say.
 */
export class CloudTrailService {
  readonly s3: S3Store;
  /** SNS topics: a trail whose `SnsTopicName` names one publishes one message per delivered log file. */
  readonly sns: SnsTopics;
  readonly logs: CloudWatchLogsStore;
  readonly signer: DigestSigner;
  readonly imperfections: ResolvedImperfections;
  private readonly trails: Trail[] = [];
  private readonly deliveries = new Map<Trail, TrailDelivery>();
  private readonly recorder: ApiRecorder;
  private readonly rng: Random;
  private readonly listeners: ((f: DeliveredFile) => void)[] = [];
  private readonly ctx: DeliveryContext;
  private readonly maxTrails: number;
  private readonly attachedAt: number;
  private sequence = 0;
  private orgCache?: { id: string; size: number; set: Set<string> };
  private unsubscribe?: () => void;

  constructor(private readonly host: TrailHost, opts: CloudTrailServiceOptions = {}) {
    this.s3 = opts.store ?? new S3Store();
    this.sns = opts.sns ?? new SnsTopics(host.seed);
    this.logs = opts.logs ?? new CloudWatchLogsStore();
    this.signer = new DigestSigner(opts.signingKey);
    this.imperfections = resolveImperfections(opts.imperfections);
    this.rng = new Random(host.seed, ['cloudtrail', 'trails']);
    this.recorder = new ApiRecorder(host, this.rng.fork('api'));
    this.maxTrails = opts.maxTrailsPerRegion ?? 5;
    this.attachedAt = host.clock.now();
    const interval = parseDuration(opts.deliveryInterval ?? '5m');
    const digestInterval = parseDuration(opts.digestInterval ?? '1h');
    if (interval < 1000 || interval % 1000 !== 0) throw new TrailsimInputError('deliveryInterval must be a whole number of seconds, at least 1s.');
    if (digestInterval < 1000 || digestInterval % 1000 !== 0) throw new TrailsimInputError('digestInterval must be a whole number of seconds, at least 1s.');
    const maxRecords = opts.maxRecordsPerFile ?? Infinity;
    if (!(maxRecords >= 1)) throw new TrailsimInputError('maxRecordsPerFile must be at least 1.');
    this.ctx = {
      clock: host.clock,
      store: this.s3,
      logs: this.logs,
      signer: this.signer,
      rng: this.rng.fork('delivery'),
      timing: { interval, digestInterval, maxRecordsPerFile: maxRecords, maxUncompressedChars: opts.maxUncompressedFileChars ?? 128 * 1024 * 1024 },
      imperfections: this.imperfections,
      json: host.recordJson ? (r) => host.recordJson!(r) : recordJson,
      organizationId: () => host.world.organization?.id,
      expectedStreams: (t) => this.expectedStreams(t),
      emit: (f) => {
        this.notify(f);
        for (const l of this.listeners) l(f);
      },
    };
    this.unsubscribe = host.onRecord((r) => this.route(r));
    // A simulation tracks its trail services so EventBridge delivery can ask whether a
    // logging trail covers a record. Last, so a constructor that throws registers nothing.
    (host as { adoptTrailService?: (s: CloudTrailService) => void }).adoptTrailService?.(this);
  }

  /** Stops listening to the simulation (delivery of buffered records stops too). */
  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const d of this.deliveries.values()) d.dispose();
  }

  /**
   * A trail with an SNS topic publishes one message per log file (and Insights file) it
   * delivers, naming the bucket and key; digest files are not announced ("whenever a new
   * log file has been sent", CloudTrail user guide, "Configuring Amazon SNS notifications
   * for CloudTrail"). See sns.ts for the message format.
   */
  private notify(f: DeliveredFile): void {
    if (f.kind === 'digest') return;
    const trail = this.trails.find((t) => t.arn === f.trailArn);
    const arn = trail?.snsTopicArn();
    if (!arn) return;
    this.sns.topic(arn)?.publish(cloudTrailNotification(f.bucket, f.key), f.deliveredAt);
  }

  /** Subscribes to every file trails write; returns the unsubscribe function. */
  onDelivery(listener: (file: DeliveredFile) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  // ------------------------------------------------------------------ routing

  private organizationAccounts(): Set<string> | undefined {
    const org = this.host.world.organization;
    if (!org) return undefined;
    const c = this.orgCache;
    if (c && c.id === org.id && c.size === org.accountIds.length) return c.set;
    const set = new Set(org.accountIds);
    this.orgCache = { id: org.id, size: org.accountIds.length, set };
    return set;
  }

  private route(r: CloudTrailRecord): void {
    const accountId = r.recipientAccountId;
    if (!accountId) return;
    let org: Set<string> | undefined;
    let orgRead = false;
    const now = this.host.clock.now();
    for (const t of this.trails) {
      if (!t.status.isLogging) continue;
      if (t.config.isOrganizationTrail && !orgRead) {
        org = this.organizationAccounts();
        orgRead = true;
      }
      if (!t.takes(r, org, accountId)) continue;
      const d = this.deliveries.get(t)!;
      if (categoryOf(r) === 'Insight') d.acceptInsight(r, accountId, now);
      else d.accept(r, accountId, now);
    }
  }

  /** Delivers every buffered record now, without waiting for the next tick (e.g. before exporting). */
  drain(): void {
    const now = this.host.clock.now();
    for (const t of this.trails) this.deliveries.get(t)!.flushAll(now);
  }

  private knownRegions(accountId: string): string[] {
    const out = new Set<string>();
    const a = this.host.world.accounts.get(accountId);
    for (const r of a?.regions ?? []) out.add(r);
    return [...out];
  }

  private expectedStreams(t: Trail): [string, string][] {
    const accounts = t.config.isOrganizationTrail ? [...(this.organizationAccounts() ?? new Set([t.accountId]))] : [t.accountId];
    const out: [string, string][] = [];
    for (const a of accounts.sort()) {
      let regions: string[];
      if (t.config.isMultiRegion) {
        const set = new Set(this.knownRegions(a));
        set.add(t.homeRegion);
        if (t.config.includeGlobalServiceEvents) set.add(globalRegionOf(t.config.partition));
        regions = [...set].filter((r) => partitionOf(r) === t.config.partition).sort();
      } else {
        regions = [t.homeRegion];
      }
      for (const r of regions) out.push([a, r]);
    }
    return out;
  }

  // ------------------------------------------------------------------ plumbing

  private caller(principal: Principal, opts: ApiCallOptions): Caller {
    const accountId = principal.account.id;
    const acct = this.host.world.accounts.get(accountId);
    const region = opts.region ?? acct?.defaultRegion ?? 'us-east-1';
    assertRegion(region);
    return { principal, accountId, partition: principal.account.partition, region };
  }

  /**
   * Runs one API call: a refusal the caller asked for is recorded and thrown; an AWS
   * error thrown by `fn` before it records is recorded as the call's failure and thrown;
   * `fn` records success itself, at the moment the event happens.
   */
  private api<T>(principal: Principal, op: string, opts: ApiCallOptions, input: object | undefined, fn: (c: Caller, record: Recorder) => T): T {
    const c = this.caller(principal, opts);
    const request = requestParameters(input);
    if (opts.error !== undefined) throw this.recorder.refused(principal, op, c.region, request, opts.error, opts);
    let recorded = false;
    const record: Recorder = (response) => {
      if (recorded) return;
      recorded = true;
      this.recorder.success(principal, op, c.region, request, response, opts);
    };
    try {
      const out = fn(c, record);
      record(null);
      return out;
    } catch (e) {
      if (!recorded && e instanceof AwsServiceException) throw this.recorder.failure(principal, op, c.region, request, e, opts);
      throw e;
    }
  }

  private ownTrailsIn(accountId: string, region: string): Trail[] {
    return this.trails.filter((t) => t.accountId === accountId && (t.homeRegion === region || t.config.isMultiRegion));
  }

  /** Trails an account sees in a Region: its own (home or multi-Region) and organization trails of its organization. */
  private visibleTrails(accountId: string, region: string): Trail[] {
    const org = this.organizationAccounts();
    return this.trails.filter(
      (t) =>
        (t.homeRegion === region || t.config.isMultiRegion) &&
        (t.accountId === accountId || (t.config.isOrganizationTrail && org?.has(accountId) === true && org.has(t.accountId))),
    );
  }

  /** Resolves a `Name` / `TrailName` argument. `write` requires the owner in the home Region. */
  private resolve(nameOrArn: string, c: Caller, op: string, write: boolean): Trail {
    requireString(nameOrArn, 'Name');
    let t: Trail | undefined;
    let arnForMessage: string;
    if (isArn(nameOrArn)) {
      const p = parseTrailArn(nameOrArn);
      arnForMessage = nameOrArn;
      const org = this.organizationAccounts();
      t = this.trails.find((x) => x.arn === trailArn(p.partition, p.region, p.accountId, p.name));
      if (t && t.accountId !== c.accountId && !(t.config.isOrganizationTrail && org?.has(c.accountId) && org.has(t.accountId))) t = undefined;
    } else {
      assertValidTrailName(nameOrArn);
      arnForMessage = trailArn(c.partition, c.region, c.accountId, nameOrArn);
      const visible = this.visibleTrails(c.accountId, c.region).filter((x) => x.name === nameOrArn);
      t = visible.find((x) => x.accountId === c.accountId) ?? visible[0];
    }
    if (!t) throw new TrailNotFoundException(MESSAGES.trailNotFound.text(arnForMessage, c.accountId));
    if (write) {
      if (t.accountId !== c.accountId) throw new NotOrganizationMasterAccountException(MESSAGES.notManagementAccount.text(c.accountId));
      if (t.homeRegion !== c.region) throw new InvalidHomeRegionException(MESSAGES.homeRegion.text(op, t.homeRegion, c.region));
    }
    return t;
  }

  /**
   * A trail's topic must exist and let CloudTrail publish; AWS answers
   * InsufficientSnsTopicPolicyException otherwise (API_CreateTrail, Errors).
   */
  private checkSnsTopic(cfg: TrailConfig): void {
    const name = cfg.snsTopicName;
    if (name === undefined) return;
    if (!name.startsWith('arn:') && !/^[A-Za-z0-9_-]{1,256}$/.test(name)) throw new InvalidSnsTopicNameException(MESSAGES.snsTopicName.text(name));
    const arn = snsTopicArnOf(cfg)!;
    const topic = this.sns.topic(arn);
    if (!topic || !topic.allowsCloudTrail) throw new InsufficientSnsTopicPolicyException(MESSAGES.snsTopicPolicy.text(arn));
  }

  private checkBucket(bucket: string): void {
    if (!isValidBucketName(bucket)) throw new InvalidS3BucketNameException(MESSAGES.invalidBucketName.text(bucket));
    const info = this.s3.bucket(bucket);
    if (!info) throw new S3BucketDoesNotExistException(MESSAGES.bucketDoesNotExist.text(bucket));
    if (!info.allowsCloudTrail) throw new InsufficientS3BucketPolicyException(MESSAGES.insufficientBucketPolicy.text(bucket));
  }

  /** Checks the parts of a configuration every create/update must satisfy. */
  private checkConfig(cfg: TrailConfig, c: Caller): void {
    if (cfg.isMultiRegion && !cfg.includeGlobalServiceEvents) throw new InvalidParameterCombinationException(MESSAGES.multiRegionNeedsGlobal.text());
    if (!isValidBucketName(cfg.bucket)) throw new InvalidS3BucketNameException(MESSAGES.invalidBucketName.text(cfg.bucket));
    if (cfg.prefix !== undefined && cfg.prefix.length > 200) throw new InvalidS3PrefixException(MESSAGES.prefixTooLong.text(cfg.prefix.length));
    const g = cfg.cloudWatchLogsLogGroupArn;
    const r = cfg.cloudWatchLogsRoleArn;
    if ((g === undefined) !== (r === undefined)) throw new InvalidParameterCombinationException(MESSAGES.cwlCombination.text());
    if (g !== undefined && r !== undefined) {
      const pg = parseLogGroupArn(g);
      if (!pg || pg.accountId !== cfg.accountId || pg.region !== cfg.homeRegion || !this.logs.hasLogGroup(g)) throw new InvalidCloudWatchLogsLogGroupArnException(MESSAGES.cwlGroup.text(g));
      const pr = ROLE_ARN.exec(r);
      if (!pr || pr[2] !== cfg.accountId) throw new InvalidCloudWatchLogsRoleArnException(MESSAGES.cwlRole.text(r));
    }
    if (cfg.kmsKeyId !== undefined && !KMS_KEY.test(cfg.kmsKeyId)) throw new InvalidKmsKeyIdException(MESSAGES.kmsKey.text(cfg.kmsKeyId));
    if (cfg.isOrganizationTrail) {
      const org = this.host.world.organization;
      if (!org || !org.has(c.accountId)) throw new OrganizationsNotInUseException(MESSAGES.organizationsNotInUse.text(c.accountId));
      if (org.managementAccountId !== c.accountId) throw new NotOrganizationMasterAccountException(MESSAGES.notManagementAccount.text(c.accountId));
    }
  }

  /** Name clashes and the per-Region quota for a trail `cfg` (replacing `self` on update). */
  private checkPlacement(cfg: TrailConfig, self?: Trail): void {
    const own = this.trails.filter((t) => t.accountId === cfg.accountId && t !== self);
    if (own.some((t) => t.name === cfg.name && (t.config.isMultiRegion || cfg.isMultiRegion || t.homeRegion === cfg.homeRegion))) {
      throw new TrailAlreadyExistsException(MESSAGES.trailAlreadyExists.text(cfg.name, cfg.accountId));
    }
    const regions = new Set<string>([cfg.homeRegion]);
    if (cfg.isMultiRegion) for (const t of own) regions.add(t.homeRegion);
    for (const region of [...regions].sort()) {
      const here = own.filter((t) => t.homeRegion === region || t.config.isMultiRegion).length;
      if (here >= this.maxTrails) throw new MaximumNumberOfTrailsExceededException(MESSAGES.maxTrails.text(cfg.accountId, region));
    }
  }

  private checkTags(tags: Tag[] | undefined): Tag[] {
    const list = tags ?? [];
    if (list.length > 50) throw new TagsLimitExceededException(MESSAGES.tagsLimit.text(list.length));
    const keys = new Set<string>();
    for (const t of list) {
      if (typeof t.Key !== 'string' || t.Key.length < 1 || t.Key.length > 128) throw new InvalidTagParameterException(MESSAGES.tagInvalid.text('a tag key is 1 to 128 characters'));
      if (t.Value !== undefined && (typeof t.Value !== 'string' || t.Value.length > 256)) throw new InvalidTagParameterException(MESSAGES.tagInvalid.text('a tag value is at most 256 characters'));
      if (keys.has(t.Key)) throw new InvalidTagParameterException(MESSAGES.tagInvalid.text(`duplicate key ${t.Key}`));
      keys.add(t.Key);
    }
    return list.map((t) => ({ ...t }));
  }

  private delivery(t: Trail): TrailDelivery {
    return this.deliveries.get(t)!;
  }

  // ------------------------------------------------------------------ API

  /** CreateTrail. The trail is created in the caller's Region and is not logging yet. */
  createTrail(principal: Principal, input: CreateTrailInput, opts: ApiCallOptions = {}): CreateTrailOutput {
    requireString(input?.Name, 'Name');
    requireString(input?.S3BucketName, 'S3BucketName');
    return this.api(principal, 'CreateTrail', opts, input, (c, record) => {
      assertValidTrailName(input.Name);
      const cfg: TrailConfig = {
        name: input.Name,
        accountId: c.accountId,
        homeRegion: c.region,
        partition: c.partition,
        bucket: input.S3BucketName,
        includeGlobalServiceEvents: input.IncludeGlobalServiceEvents ?? true,
        isMultiRegion: input.IsMultiRegionTrail ?? false,
        logFileValidation: input.EnableLogFileValidation ?? false,
        isOrganizationTrail: input.IsOrganizationTrail ?? false,
        tags: [],
      };
      if (input.S3KeyPrefix !== undefined && input.S3KeyPrefix !== '') cfg.prefix = input.S3KeyPrefix;
      if (input.SnsTopicName !== undefined && input.SnsTopicName !== '') cfg.snsTopicName = input.SnsTopicName;
      if (input.CloudWatchLogsLogGroupArn !== undefined) cfg.cloudWatchLogsLogGroupArn = input.CloudWatchLogsLogGroupArn;
      if (input.CloudWatchLogsRoleArn !== undefined) cfg.cloudWatchLogsRoleArn = input.CloudWatchLogsRoleArn;
      if (input.KmsKeyId !== undefined) cfg.kmsKeyId = input.KmsKeyId;
      this.checkConfig(cfg, c);
      cfg.tags = this.checkTags(input.TagsList);
      this.checkPlacement(cfg);
      this.checkBucket(cfg.bucket);
      this.checkSnsTopic(cfg);
      const trail = new Trail(cfg, this.host.clock.now(), this.sequence++);
      if (cfg.isOrganizationTrail) trail.organizationId = this.host.world.organization?.id;
      this.trails.push(trail);
      this.deliveries.set(trail, new TrailDelivery(trail, this.ctx));
      const out = trail.output();
      record(toWire(out) as JsonObject);
      return out;
    });
  }

  /** UpdateTrail: changes settings; home Region only. */
  updateTrail(principal: Principal, input: UpdateTrailInput, opts: ApiCallOptions = {}): UpdateTrailOutput {
    requireString(input?.Name, 'Name');
    return this.api(principal, 'UpdateTrail', opts, input, (c, record) => {
      const trail = this.resolve(input.Name, c, 'UpdateTrail', true);
      const old = trail.config;
      const cfg: TrailConfig = { ...old, tags: old.tags };
      if (input.S3BucketName !== undefined) cfg.bucket = input.S3BucketName;
      if (input.S3KeyPrefix !== undefined) {
        if (input.S3KeyPrefix === '') delete cfg.prefix;
        else cfg.prefix = input.S3KeyPrefix;
      }
      if (input.SnsTopicName !== undefined) {
        if (input.SnsTopicName === '') delete cfg.snsTopicName;
        else cfg.snsTopicName = input.SnsTopicName;
      }
      if (input.IncludeGlobalServiceEvents !== undefined) cfg.includeGlobalServiceEvents = input.IncludeGlobalServiceEvents;
      if (input.IsMultiRegionTrail !== undefined) cfg.isMultiRegion = input.IsMultiRegionTrail;
      if (input.EnableLogFileValidation !== undefined) cfg.logFileValidation = input.EnableLogFileValidation;
      for (const [k, v] of [['cloudWatchLogsLogGroupArn', input.CloudWatchLogsLogGroupArn], ['cloudWatchLogsRoleArn', input.CloudWatchLogsRoleArn], ['kmsKeyId', input.KmsKeyId]] as const) {
        if (v === undefined) continue;
        if (v === '') delete cfg[k];
        else cfg[k] = v;
      }
      if (input.IsOrganizationTrail !== undefined) cfg.isOrganizationTrail = input.IsOrganizationTrail;
      this.checkConfig(cfg, c);
      if (cfg.isMultiRegion !== old.isMultiRegion) this.checkPlacement(cfg, trail);
      if (cfg.bucket !== old.bucket || input.S3BucketName !== undefined) this.checkBucket(cfg.bucket);
      if (input.SnsTopicName !== undefined) this.checkSnsTopic(cfg);
      const out = trail.output(cfg);
      // Logged under the configuration it replaces.
      record(toWire(out) as JsonObject);
      this.applyConfig(trail, cfg);
      return out;
    });
  }

  /** Applies a validated configuration to a trail, keeping delivery and digests consistent. */
  private applyConfig(trail: Trail, cfg: TrailConfig): void {
    const old = trail.config;
    const d = this.delivery(trail);
    const now = this.host.clock.now();
    if (trail.status.isLogging) {
      const location = old.bucket !== cfg.bucket || old.prefix !== cfg.prefix || old.isOrganizationTrail !== cfg.isOrganizationTrail;
      const narrowed = (s: { accountId: string; region: string }) =>
        (!cfg.isMultiRegion && s.region !== cfg.homeRegion) || (!cfg.isOrganizationTrail && s.accountId !== cfg.accountId);
      if (location || (old.logFileValidation && !cfg.logFileValidation)) d.flushAll(now);
      else d.flushAll(now, narrowed);
      if (old.logFileValidation && !cfg.logFileValidation) d.stopDigests(now);
      else if (d.digesting) d.stopDigests(now, narrowed);
      trail.config = cfg;
      if (cfg.isOrganizationTrail) trail.organizationId = this.host.world.organization?.id;
      if (!old.logFileValidation && cfg.logFileValidation) d.startDigests(now);
      else d.ensureChains(now);
    } else {
      trail.config = cfg;
    }
    if (cfg.isOrganizationTrail) trail.organizationId = this.host.world.organization?.id;
  }

  /** DeleteTrail: home Region only; buffered records are delivered and chains end first. */
  deleteTrail(principal: Principal, input: NameInput, opts: ApiCallOptions = {}): Record<string, never> {
    requireString(input?.Name, 'Name');
    return this.api(principal, 'DeleteTrail', opts, input, (c, record) => {
      const trail = this.resolve(input.Name, c, 'DeleteTrail', true);
      record(null);
      const d = this.delivery(trail);
      const now = this.host.clock.now();
      if (trail.status.isLogging) {
        d.flushAll(now);
        d.stopDigests(now);
        this.endLogging(trail, now);
      }
      d.dispose();
      trail.deleted = true;
      this.trails.splice(this.trails.indexOf(trail), 1);
      this.notifyInsights(trail, []);
      return {};
    });
  }

  private endLogging(trail: Trail, now: number): void {
    trail.status.isLogging = false;
    trail.status.stopLoggingTime = now;
    const last = trail.loggingIntervals[trail.loggingIntervals.length - 1];
    if (last && last.end === undefined) last.end = now;
  }

  /** StartLogging: idempotent; begins digest chains when validation is on. */
  startLogging(principal: Principal, input: NameInput, opts: ApiCallOptions = {}): Record<string, never> {
    requireString(input?.Name, 'Name');
    return this.api(principal, 'StartLogging', opts, input, (c, record) => {
      const trail = this.resolve(input.Name, c, 'StartLogging', true);
      const now = this.host.clock.now();
      if (!trail.status.isLogging) {
        trail.status.isLogging = true;
        trail.status.startLoggingTime = now;
        trail.loggingIntervals.push({ start: now });
        if (trail.config.logFileValidation) this.delivery(trail).startDigests(now);
      }
      record(null);
      return {};
    });
  }

  /** StopLogging: the StopLogging event itself is delivered, then a final digest. */
  stopLogging(principal: Principal, input: NameInput, opts: ApiCallOptions = {}): Record<string, never> {
    requireString(input?.Name, 'Name');
    return this.api(principal, 'StopLogging', opts, input, (c, record) => {
      const trail = this.resolve(input.Name, c, 'StopLogging', true);
      record(null);
      if (trail.status.isLogging) {
        const now = this.host.clock.now();
        const d = this.delivery(trail);
        d.flushAll(now);
        d.stopDigests(now);
        this.endLogging(trail, now);
      }
      return {};
    });
  }

  /** GetTrailStatus. */
  getTrailStatus(principal: Principal, input: NameInput, opts: ApiCallOptions = {}): GetTrailStatusOutput {
    requireString(input?.Name, 'Name');
    return this.api(principal, 'GetTrailStatus', opts, input, (c, record) => {
      const trail = this.resolve(input.Name, c, 'GetTrailStatus', false);
      record(null);
      return this.statusOf(trail);
    });
  }

  private statusOf(trail: Trail): GetTrailStatusOutput {
    const s = trail.status;
    const o: GetTrailStatusOutput = { IsLogging: s.isLogging };
    if (s.latestDeliveryError !== undefined) o.LatestDeliveryError = s.latestDeliveryError;
    if (s.latestDeliveryTime !== undefined) o.LatestDeliveryTime = date(s.latestDeliveryTime);
    if (s.startLoggingTime !== undefined) o.StartLoggingTime = date(s.startLoggingTime);
    if (s.stopLoggingTime !== undefined) o.StopLoggingTime = date(s.stopLoggingTime);
    if (s.latestCloudWatchLogsDeliveryError !== undefined) o.LatestCloudWatchLogsDeliveryError = s.latestCloudWatchLogsDeliveryError;
    if (s.latestCloudWatchLogsDeliveryTime !== undefined) o.LatestCloudWatchLogsDeliveryTime = date(s.latestCloudWatchLogsDeliveryTime);
    if (s.latestDigestDeliveryTime !== undefined) o.LatestDigestDeliveryTime = date(s.latestDigestDeliveryTime);
    if (s.latestDigestDeliveryError !== undefined) o.LatestDigestDeliveryError = s.latestDigestDeliveryError;
    o.LatestDeliveryAttemptTime = s.latestDeliveryAttemptTime !== undefined ? formatEventTime(s.latestDeliveryAttemptTime) : '';
    o.LatestNotificationAttemptTime = '';
    o.LatestNotificationAttemptSucceeded = '';
    o.LatestDeliveryAttemptSucceeded = s.latestDeliveryAttemptTime !== undefined && s.latestDeliveryError === undefined ? formatEventTime(s.latestDeliveryAttemptTime) : '';
    o.TimeLoggingStarted = s.startLoggingTime !== undefined ? formatEventTime(s.startLoggingTime) : '';
    o.TimeLoggingStopped = s.stopLoggingTime !== undefined ? formatEventTime(s.stopLoggingTime) : '';
    return o;
  }

  /** GetTrail. */
  getTrail(principal: Principal, input: NameInput, opts: ApiCallOptions = {}): GetTrailOutput {
    requireString(input?.Name, 'Name');
    return this.api(principal, 'GetTrail', opts, input, (c, record) => {
      const trail = this.resolve(input.Name, c, 'GetTrail', false);
      record(null);
      return { Trail: trail.describe() };
    });
  }

  /**
   * DescribeTrails: with no names, the trails of the caller's Region plus, unless
   * `includeShadowTrails` is false, shadow trails; names match only trails of the current
   * Region and account, ARNs any Region. Unknown names are left out, not errors.
   */
  describeTrails(principal: Principal, input: DescribeTrailsInput = {}, opts: ApiCallOptions = {}): DescribeTrailsOutput {
    return this.api(principal, 'DescribeTrails', opts, input, (c, record) => {
      const names = input.trailNameList ?? [];
      const shadows = input.includeShadowTrails !== false;
      let list: Trail[];
      if (names.length === 0) {
        list = this.visibleTrails(c.accountId, c.region).filter((t) => shadows || (t.homeRegion === c.region && t.accountId === c.accountId));
      } else {
        const set = new Set<Trail>();
        for (const n of names) {
          if (isArn(n)) {
            const p = parseTrailArn(n);
            const t = this.trails.find((x) => x.arn === trailArn(p.partition, p.region, p.accountId, p.name));
            if (t && (t.accountId === c.accountId || this.visibleTrails(c.accountId, c.region).includes(t))) set.add(t);
          } else {
            assertValidTrailName(n);
            for (const t of this.trails) if (t.name === n && t.accountId === c.accountId && t.homeRegion === c.region) set.add(t);
          }
        }
        list = this.trails.filter((t) => set.has(t));
      }
      record(null);
      return { trailList: list.map((t) => t.describe()) };
    });
  }

  /** ListTrails: the trails the caller's account sees in the Region. */
  listTrails(principal: Principal, opts: ApiCallOptions = {}): ListTrailsOutput {
    return this.api(principal, 'ListTrails', opts, undefined, (c, record) => {
      record(null);
      return { Trails: this.visibleTrails(c.accountId, c.region).map((t) => ({ TrailARN: t.arn, Name: t.name, HomeRegion: t.homeRegion })) };
    });
  }

  /** PutEventSelectors: basic or advanced selectors; home Region only. */
  putEventSelectors(principal: Principal, input: PutEventSelectorsInput, opts: ApiCallOptions = {}): EventSelectorsOutput {
    requireString(input?.TrailName, 'TrailName');
    return this.api(principal, 'PutEventSelectors', opts, input, (c, record) => {
      const trail = this.resolve(input.TrailName, c, 'PutEventSelectors', true);
      const stored = validateEventSelectors({ EventSelectors: input.EventSelectors, AdvancedEventSelectors: input.AdvancedEventSelectors }, trail.config.partition);
      const out: EventSelectorsOutput = { TrailARN: trail.arn, ...stored };
      record(toWire(out) as JsonObject);
      trail.setSelectors(stored);
      return out;
    });
  }

  /** GetEventSelectors. */
  getEventSelectors(principal: Principal, input: TrailNameInput, opts: ApiCallOptions = {}): EventSelectorsOutput {
    requireString(input?.TrailName, 'TrailName');
    return this.api(principal, 'GetEventSelectors', opts, input, (c, record) => {
      const trail = this.resolve(input.TrailName, c, 'GetEventSelectors', false);
      record(null);
      return { TrailARN: trail.arn, ...structuredClone(trail.selectors) };
    });
  }

  /** PutInsightSelectors: stored for Insights; an empty list turns Insights off. */
  putInsightSelectors(principal: Principal, input: PutInsightSelectorsInput, opts: ApiCallOptions = {}): InsightSelectorsOutput {
    requireString(input?.TrailName, 'TrailName');
    if (!Array.isArray(input.InsightSelectors)) throw new TrailsimInputError('InsightSelectors is required and must be an array.');
    return this.api(principal, 'PutInsightSelectors', opts, input, (c, record) => {
      const trail = this.resolve(input.TrailName, c, 'PutInsightSelectors', true);
      const stored = validateInsightSelectors(input.InsightSelectors, trail.selectors);
      const out: InsightSelectorsOutput = { TrailARN: trail.arn, InsightSelectors: stored };
      record(toWire(out) as JsonObject);
      trail.insightSelectors = stored;
      this.notifyInsights(trail, stored.flatMap((x) => (x.InsightType ? [x.InsightType] : [])));
      return out;
    });
  }

  /** GetInsightSelectors: InsightNotEnabledException when the trail has none. */
  getInsightSelectors(principal: Principal, input: TrailNameInput, opts: ApiCallOptions = {}): InsightSelectorsOutput {
    requireString(input?.TrailName, 'TrailName');
    return this.api(principal, 'GetInsightSelectors', opts, input, (c, record) => {
      const trail = this.resolve(input.TrailName, c, 'GetInsightSelectors', false);
      if (trail.insightSelectors.length === 0) throw new InsightNotEnabledException(MESSAGES.insightNotEnabled.text(trail.arn));
      record(null);
      return { TrailARN: trail.arn, InsightSelectors: structuredClone(trail.insightSelectors) };
    });
  }

  // ------------------------------------------------------------------ queries (not API calls)

  /** Every trail (not recorded; for tools and tests), in creation order. */
  listAllTrails(): TrailDescription[] {
    return this.trails.map((t) => t.describe());
  }

  /** The live trail object (internal state) for an ARN. */
  trailByArn(arn: string): Trail | undefined {
    return this.trails.find((t) => t.arn === arn);
  }

  /**
   * Trails whose scope covers `accountId` and `region` and, when `record` is given, that
   * log it (selectors, global service events). Logging or not.
   */
  coveringTrails(accountId: string, region: string, record?: CloudTrailRecord): TrailDescription[] {
    const org = this.organizationAccounts();
    return this.trails
      .filter((t) => (record ? t.takes({ ...record, awsRegion: region }, org, accountId) : t.coversAccountRegion(accountId, region, org)))
      .map((t) => t.describe());
  }

  /**
   * Whether a logging trail covers the account and Region (what EventBridge needs to get
   * CloudTrail events: "a trail with logging enabled"), and, for data and network activity
   * events, logs that event ("S3 object-level events require data-event logging";
   * cloudtrail-reference.md §7). Global service events need a trail that includes them.
   */
  isCoveredByLoggingTrail(accountId: string, region: string, record: CloudTrailRecord): boolean {
    const org = this.organizationAccounts();
    const cat = categoryOf(record);
    const r = record.awsRegion === region ? record : { ...record, awsRegion: region };
    for (const t of this.trails) {
      if (!t.status.isLogging) continue;
      if (cat === 'Data' || cat === 'NetworkActivity') {
        if (t.takes(r, org, accountId)) return true;
      } else if (t.coversAccountRegion(accountId, region, org) && (t.config.includeGlobalServiceEvents || !isGlobalServiceEvent(r))) {
        return true;
      }
    }
    return false;
  }

  /**
   * `isCoveredByLoggingTrail` for the record's own account and Region: the predicate the
   * EventBridge delivery's `coveredBy` option takes.
   */
  readonly coveredBy = (record: CloudTrailRecord): boolean => this.isCoveredByLoggingTrail(record.recipientAccountId ?? '', record.awsRegion, record);

  /** The public key(s) that verify this service's digests, as ListPublicKeys returns them. */
  publicKeys(): PublicKeyInfo[] {
    return [
      {
        Value: new Uint8Array(this.signer.publicKeyDer),
        ValidityStartTime: new Date(this.attachedAt),
        ValidityEndTime: new Date(this.attachedAt + 3650 * 86_400_000),
        Fingerprint: this.signer.fingerprint,
      },
    ];
  }

  /**
   * Validates a trail's delivered files like `aws cloudtrail validate-logs`, using what the
   * service knows of the trail (bucket, prefix, organization, when digests were kept).
   */
  validateLogs(input: ServiceValidateLogsInput): ValidateLogsResult {
    let trail: Trail | undefined;
    if (isArn(input.trail)) trail = this.trails.find((t) => t.arn === input.trail);
    else {
      assertValidTrailName(input.trail);
      trail = this.trails.find((t) => t.name === input.trail);
    }
    if (!trail) throw new TrailsimInputError(`No trail '${input.trail}' in this simulation.`);
    const d = this.delivery(trail);
    const streams = d.sortedStreams().filter((s) => (input.accountId === undefined || s.accountId === input.accountId) && (input.region === undefined || s.region === input.region));
    const logging = trail.loggingIntervals.map((w) => ({ ...w }));
    const targets =
      streams.length > 0
        ? streams.map((s) => ({ accountId: s.accountId, region: s.region, logging, expected: s.windows.filter((w) => w.digestedUntil !== undefined).map((w) => ({ start: w.start, end: w.digestedUntil! })) }))
        : [{ accountId: input.accountId ?? trail.accountId, region: input.region ?? trail.homeRegion, logging, expected: [] }];
    return validateLogs(input.store ?? this.s3, {
      trailArn: trail.arn,
      bucket: trail.config.bucket,
      earlierBuckets: trail.bucketsUsed.filter((b) => b !== trail.config.bucket),
      ...(trail.config.prefix !== undefined ? { prefix: trail.config.prefix } : {}),
      ...(trail.config.isOrganizationTrail && this.host.world.organization ? { organizationId: this.host.world.organization.id } : {}),
      startTime: toMillis(input.startTime, 'startTime'),
      endTime: input.endTime === undefined ? this.host.clock.now() : toMillis(input.endTime, 'endTime'),
      publicKeys: [this.signer.publicKey],
      targets,
    });
  }

  /** Whether any delivery imperfection is on. */
  get imperfect(): boolean {
    return anyImperfection(this.imperfections);
  }

  /**
   * Tells the simulation's Insights engine what a trail's insight selectors ask for
   * (Insights analyses each region the trail covers; an empty list turns it off).
   */
  private notifyInsights(trail: Trail, types: readonly string[]): void {
    const insights = (this.host as { insights?: { setInsightSelectors(source: string, sel: { accountId: string; regions: string[]; types: ('ApiCallRateInsight' | 'ApiErrorRateInsight')[] }): void } }).insights;
    if (!insights) return;
    const scope = trail.scope();
    const regions = scope.isMultiRegion ? [...(this.host.world.accounts.get(trail.accountId)?.regions ?? [trail.homeRegion])] : [trail.homeRegion];
    insights.setInsightSelectors(trail.arn, { accountId: trail.accountId, regions, types: types.filter((t): t is 'ApiCallRateInsight' | 'ApiErrorRateInsight' => t === 'ApiCallRateInsight' || t === 'ApiErrorRateInsight') });
  }
}

/** Creates the trail service for a simulation (or any `TrailHost`) and starts routing its records. */
export function attachCloudTrail(host: TrailHost, opts: CloudTrailServiceOptions = {}): CloudTrailService {
  return new CloudTrailService(host, opts);
}
