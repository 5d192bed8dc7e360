/**
 * One trail's configuration and status. Its home Region is where it was created; a
 * multi-Region trail also appears, read-only, in every other Region ("shadow trails",
 * DescribeTrails `includeShadowTrails`), and an organization trail in every member
 * account. Only the owner, in the home Region, changes it.
 */
import type { Partition } from '../../core/ids.js';
import type { CloudTrailRecord } from '../../record/types.js';
import { categoryOf, scopeCoversAccountRegion, scopeCoversRecord, type TrailScope } from './scope.js';
import { compileSelectors, DEFAULT_EVENT_SELECTORS, type SelectorPredicate } from './selectors.js';
import { trailArn } from './names.js';
import type { CreateTrailOutput, InsightSelector, Tag, TrailDescription, TrailSelectors } from './types.js';

export interface TrailConfig {
  name: string;
  accountId: string;
  homeRegion: string;
  partition: Partition;
  bucket: string;
  prefix?: string;
  snsTopicName?: string;
  includeGlobalServiceEvents: boolean;
  isMultiRegion: boolean;
  logFileValidation: boolean;
  cloudWatchLogsLogGroupArn?: string;
  cloudWatchLogsRoleArn?: string;
  kmsKeyId?: string;
  isOrganizationTrail: boolean;
  tags: Tag[];
}

/** A span of virtual time; `end` undefined while it lasts. */
export interface Interval {
  start: number;
  end?: number;
}

/** What GetTrailStatus reports. */
export interface TrailStatus {
  isLogging: boolean;
  startLoggingTime?: number;
  stopLoggingTime?: number;
  latestDeliveryTime?: number;
  latestDeliveryAttemptTime?: number;
  latestDeliveryError?: string;
  latestDigestDeliveryTime?: number;
  latestDigestDeliveryError?: string;
  latestCloudWatchLogsDeliveryTime?: number;
  latestCloudWatchLogsDeliveryError?: string;
}

export class Trail {
  readonly arn: string;
  private cfg: TrailConfig;
  private scopeCache?: TrailScope;
  /** Stored selectors, as GetEventSelectors returns them. */
  selectors: TrailSelectors = { EventSelectors: DEFAULT_EVENT_SELECTORS.map((s) => ({ ...s, DataResources: [], ExcludeManagementEventSources: [] })) };
  /** Whether PutEventSelectors was ever called (DescribeTrails `HasCustomEventSelectors`). */
  customSelectors = false;
  predicate: SelectorPredicate = compileSelectors(undefined);
  insightSelectors: InsightSelector[] = [];
  readonly status: TrailStatus = { isLogging: false };
  /** When the trail was logging. */
  readonly loggingIntervals: Interval[] = [];
  /** Organization id at creation/update, for organization trails' key paths. */
  organizationId?: string;
  deleted = false;

  constructor(config: TrailConfig, readonly createdAt: number, readonly sequence: number) {
    this.cfg = config;
    this.bucketsUsed.push(config.bucket);
    this.arn = trailArn(config.partition, config.homeRegion, config.accountId, config.name);
  }

  get config(): TrailConfig {
    return this.cfg;
  }

  set config(c: TrailConfig) {
    if (!this.bucketsUsed.includes(c.bucket)) this.bucketsUsed.push(c.bucket);
    this.cfg = c;
    this.scopeCache = undefined;
  }

  /** Every bucket the trail has delivered to or been set to, first one first. */
  readonly bucketsUsed: string[] = [];

  get name(): string {
    return this.config.name;
  }

  get accountId(): string {
    return this.config.accountId;
  }

  get homeRegion(): string {
    return this.config.homeRegion;
  }

  setSelectors(selectors: TrailSelectors): void {
    this.selectors = selectors;
    this.customSelectors = true;
    this.predicate = compileSelectors(selectors);
  }

  /** The trail's scope (one object, reused: it is evaluated for every record). */
  scope(organizationAccounts?: ReadonlySet<string>): TrailScope {
    let s = this.scopeCache;
    if (!s) {
      s = {
        accountId: this.cfg.accountId,
        homeRegion: this.cfg.homeRegion,
        isMultiRegion: this.cfg.isMultiRegion,
        includeGlobalServiceEvents: this.cfg.includeGlobalServiceEvents,
      };
      this.scopeCache = s;
    }
    s.organizationAccounts = this.cfg.isOrganizationTrail ? organizationAccounts : undefined;
    return s;
  }

  /** Whether the trail's scope covers an account and Region. */
  coversAccountRegion(accountId: string, region: string, organizationAccounts?: ReadonlySet<string>): boolean {
    return scopeCoversAccountRegion(this.scope(organizationAccounts), accountId, region);
  }

  /** Whether the trail logs `record` (scope and selectors; Insights by Insights selectors). */
  takes(record: CloudTrailRecord, organizationAccounts?: ReadonlySet<string>, accountId = record.recipientAccountId ?? ''): boolean {
    if (!scopeCoversRecord(this.scope(organizationAccounts), record, accountId)) return false;
    if (categoryOf(record) === 'Insight') return this.takesInsight(record);
    return this.predicate(record);
  }

  /** Insights events go to a trail whose Insights selectors name their type and category. */
  takesInsight(record: CloudTrailRecord): boolean {
    const d = record.insightDetails;
    if (!d) return false;
    // An Insights record does not say whether it was computed over management or data
    // events; trailsim's Insights are management Insights, the only kind event data stores
    // support and the default of an InsightSelector without EventCategories.
    return this.insightSelectors.some((s) => s.InsightType === d.insightType && (s.EventCategories ?? ['Management']).includes('Management'));
  }

  /** The output of CreateTrail / UpdateTrail (member order of the SDK's CreateTrailResponse), for `c` (default: the current configuration). */
  output(c: TrailConfig = this.cfg): CreateTrailOutput {
    const o = { Name: c.name, S3BucketName: c.bucket } as CreateTrailOutput;
    if (c.prefix !== undefined) o.S3KeyPrefix = c.prefix;
    if (c.snsTopicName !== undefined) {
      o.SnsTopicName = c.snsTopicName;
      o.SnsTopicARN = this.snsTopicArn(c)!;
    }
    o.IncludeGlobalServiceEvents = c.includeGlobalServiceEvents;
    o.IsMultiRegionTrail = c.isMultiRegion;
    o.TrailARN = this.arn;
    o.LogFileValidationEnabled = c.logFileValidation;
    if (c.cloudWatchLogsLogGroupArn !== undefined) o.CloudWatchLogsLogGroupArn = c.cloudWatchLogsLogGroupArn;
    if (c.cloudWatchLogsRoleArn !== undefined) o.CloudWatchLogsRoleArn = c.cloudWatchLogsRoleArn;
    if (c.kmsKeyId !== undefined) o.KmsKeyId = c.kmsKeyId;
    o.IsOrganizationTrail = c.isOrganizationTrail;
    return o;
  }

  /** GetTrail / DescribeTrails description (member order of the SDK's Trail). */
  describe(): TrailDescription {
    const c = this.config;
    const d = { Name: c.name, S3BucketName: c.bucket } as TrailDescription;
    if (c.prefix !== undefined) d.S3KeyPrefix = c.prefix;
    if (c.snsTopicName !== undefined) {
      d.SnsTopicName = c.snsTopicName;
      d.SnsTopicARN = this.snsTopicArn()!;
    }
    d.IncludeGlobalServiceEvents = c.includeGlobalServiceEvents;
    d.IsMultiRegionTrail = c.isMultiRegion;
    d.HomeRegion = c.homeRegion;
    d.TrailARN = this.arn;
    d.LogFileValidationEnabled = c.logFileValidation;
    if (c.cloudWatchLogsLogGroupArn !== undefined) d.CloudWatchLogsLogGroupArn = c.cloudWatchLogsLogGroupArn;
    if (c.cloudWatchLogsRoleArn !== undefined) d.CloudWatchLogsRoleArn = c.cloudWatchLogsRoleArn;
    if (c.kmsKeyId !== undefined) d.KmsKeyId = c.kmsKeyId;
    d.HasCustomEventSelectors = this.customSelectors;
    d.HasInsightSelectors = this.insightSelectors.length > 0;
    d.IsOrganizationTrail = c.isOrganizationTrail;
    return d;
  }

  snsTopicArn(c: TrailConfig = this.cfg): string | undefined {
    return snsTopicArnOf(c);
  }
}

/** The trail's SNS topic as an ARN: a topic name is in the trail's home Region and account. */
export function snsTopicArnOf(c: TrailConfig): string | undefined {
  const t = c.snsTopicName;
  if (t === undefined) return undefined;
  return t.startsWith('arn:') ? t : `arn:${c.partition}:sns:${c.homeRegion}:${c.accountId}:${t}`;
}
