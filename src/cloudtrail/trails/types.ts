/**
 * Input and output shapes of the trail API, as the AWS SDK v3 `@aws-sdk/client-cloudtrail`
 * commands declare them (PascalCase members, except DescribeTrails' lower-camel
 * `trailNameList` / `includeShadowTrails`, as AWS spells them). Timestamps are `Date`s,
 * built from the virtual clock. No `$metadata`.
 */

export type ReadWriteType = 'ReadOnly' | 'WriteOnly' | 'All';

/** A basic selector's data resource: `AWS::S3::Object`, `AWS::Lambda::Function` or `AWS::DynamoDB::Table`. */
export interface DataResource {
  Type?: string;
  /** ARN prefixes (S3), exact ARNs (Lambda, DynamoDB), or `arn:aws:s3` / `arn:aws:lambda` / `arn:aws:dynamodb` for all. */
  Values?: string[];
}

/** A basic event selector. */
export interface EventSelector {
  /** @defaultValue 'All' */
  ReadWriteType?: ReadWriteType;
  /** @defaultValue true */
  IncludeManagementEvents?: boolean;
  DataResources?: DataResource[];
  /** Only `kms.amazonaws.com` and `rdsdata.amazonaws.com`. */
  ExcludeManagementEventSources?: string[];
}

/** One condition of an advanced event selector. */
export interface AdvancedFieldSelector {
  Field: string;
  Equals?: string[];
  StartsWith?: string[];
  EndsWith?: string[];
  NotEquals?: string[];
  NotStartsWith?: string[];
  NotEndsWith?: string[];
}

export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors: AdvancedFieldSelector[];
}

/** What a trail selects: basic or advanced selectors, never both. */
export interface TrailSelectors {
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
}

export type InsightType = 'ApiCallRateInsight' | 'ApiErrorRateInsight';

export interface InsightSelector {
  InsightType?: InsightType;
  /** `Management` and/or `Data`; absent means Management. */
  EventCategories?: ('Management' | 'Data')[];
}

export interface Tag {
  Key: string;
  Value?: string;
}

export interface CreateTrailInput {
  Name: string;
  S3BucketName: string;
  S3KeyPrefix?: string;
  SnsTopicName?: string;
  /** @defaultValue true */
  IncludeGlobalServiceEvents?: boolean;
  /** @defaultValue false */
  IsMultiRegionTrail?: boolean;
  /** @defaultValue false */
  EnableLogFileValidation?: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  /** @defaultValue false */
  IsOrganizationTrail?: boolean;
  TagsList?: Tag[];
}

export interface CreateTrailOutput {
  Name: string;
  S3BucketName: string;
  S3KeyPrefix?: string;
  SnsTopicName?: string;
  SnsTopicARN?: string;
  IncludeGlobalServiceEvents: boolean;
  IsMultiRegionTrail: boolean;
  TrailARN: string;
  LogFileValidationEnabled: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  IsOrganizationTrail: boolean;
}

/** UpdateTrail takes CreateTrail's settings, each optional, except tags. */
export type UpdateTrailInput = { /** Name or ARN. */ Name: string } & Partial<Omit<CreateTrailInput, 'Name' | 'TagsList'>>;

export type UpdateTrailOutput = CreateTrailOutput;

/** A trail as GetTrail / DescribeTrails describe it. */
export interface TrailDescription {
  Name: string;
  S3BucketName: string;
  S3KeyPrefix?: string;
  SnsTopicName?: string;
  SnsTopicARN?: string;
  IncludeGlobalServiceEvents: boolean;
  IsMultiRegionTrail: boolean;
  HomeRegion: string;
  TrailARN: string;
  LogFileValidationEnabled: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  HasCustomEventSelectors: boolean;
  HasInsightSelectors: boolean;
  IsOrganizationTrail: boolean;
}

export interface NameInput {
  /** Trail name or ARN. */
  Name: string;
}

export interface GetTrailOutput {
  Trail: TrailDescription;
}

export interface DescribeTrailsInput {
  trailNameList?: string[];
  /** @defaultValue true */
  includeShadowTrails?: boolean;
}

export interface DescribeTrailsOutput {
  trailList: TrailDescription[];
}

export interface TrailInfo {
  TrailARN: string;
  Name: string;
  HomeRegion: string;
}

export interface ListTrailsOutput {
  Trails: TrailInfo[];
}

export interface GetTrailStatusOutput {
  IsLogging: boolean;
  LatestDeliveryError?: string;
  LatestDeliveryTime?: Date;
  StartLoggingTime?: Date;
  StopLoggingTime?: Date;
  LatestCloudWatchLogsDeliveryError?: string;
  LatestCloudWatchLogsDeliveryTime?: Date;
  LatestDigestDeliveryTime?: Date;
  LatestDigestDeliveryError?: string;
  LatestDeliveryAttemptTime?: string;
  LatestNotificationAttemptTime?: string;
  LatestNotificationAttemptSucceeded?: string;
  LatestDeliveryAttemptSucceeded?: string;
  TimeLoggingStarted?: string;
  TimeLoggingStopped?: string;
}

export interface PutEventSelectorsInput {
  TrailName: string;
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
}

export interface EventSelectorsOutput {
  TrailARN: string;
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
}

export interface TrailNameInput {
  TrailName: string;
}

export interface PutInsightSelectorsInput {
  TrailName: string;
  InsightSelectors: InsightSelector[];
}

export interface InsightSelectorsOutput {
  TrailARN: string;
  InsightSelectors: InsightSelector[];
}
