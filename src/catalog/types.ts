import type { Random } from '../core/random.js';
import type { RequestIdStyle, Partition } from '../core/ids.js';
import type { EventType, JsonObject, ResourceRef, UserIdentity } from '../record/types.js';

/**
 * What an operation's builders see when a call is turned into a record. Builders must be
 * cheap (they run per event): draw from `rng` and the precomputed pools in `world`, never
 * from faker.
 */
export interface CallContext {
  /** The per-call random stream. */
  readonly rng: Random;
  /** Call time, epoch ms. */
  readonly time: number;
  /** The region the record is written in (us-east-1 for global services). */
  readonly region: string;
  readonly partition: Partition;
  /** Account whose credentials made the call. */
  readonly accountId: string;
  /** The caller's identity as it will appear in the record. */
  readonly identity: UserIdentity;
  /** Request parameters the user passed (merged over what `request` generates). */
  readonly params: JsonObject;
  /** Read-only view of resources known to the simulation, and name pools. */
  readonly world: WorldView;
}

/** The part of the simulated world builders may read. Everything returned is deterministic. */
export interface WorldView {
  /**
   * A resource of the given CloudFormation-style type in `accountId` (default: the caller's)
   * and region, picked with `rng` among the world's resources of that type; when the world
   * has none, a plausible one is made up deterministically (and not added to the world).
   */
  resource(type: ResourceType, rng: Random, opts?: { accountId?: string; region?: string }): WorldResource;
  /** A fresh, plausible name for a new resource of `type` (for Create* calls). */
  newName(type: ResourceType, rng: Random): string;
  /** Look a resource up by ARN. */
  byArn(arn: string): WorldResource | undefined;
  /**
   * The attributes a resource keeps in every record (engine, instanceType, kmsKeyId,
   * vpcId, ...): explicit ones, those its create call wrote, else derived from its ARN.
   * Optional so small test worlds need not implement it.
   */
  attributes?(r: WorldResource): Readonly<Record<string, string>>;
  /** The resource of `type` named `value` (name, id, ARN): the live one when it exists, else one built from the name. */
  named?(type: ResourceType, value: string, opts?: { accountId?: string; region?: string }): WorldResource;
}

/** Resource types the world models; any `AWS::Svc::Thing` string is allowed for user extensions. */
export type ResourceType =
  | 'AWS::S3::Bucket'
  | 'AWS::S3::Object'
  | 'AWS::IAM::User'
  | 'AWS::IAM::Role'
  | 'AWS::IAM::Policy'
  | 'AWS::IAM::AccessKey'
  | 'AWS::IAM::SAMLProvider'
  | 'AWS::EC2::Instance'
  | 'AWS::EC2::SecurityGroup'
  | 'AWS::EC2::VPC'
  | 'AWS::EC2::Subnet'
  | 'AWS::EC2::Snapshot'
  | 'AWS::EC2::Volume'
  | 'AWS::EC2::KeyPair'
  | 'AWS::EC2::NetworkAcl'
  | 'AWS::EC2::RouteTable'
  | 'AWS::Lambda::Function'
  | 'AWS::DynamoDB::Table'
  | 'AWS::KMS::Key'
  | 'AWS::CloudTrail::Trail'
  | 'AWS::RDS::DBInstance'
  | 'AWS::RDS::DBCluster'
  | 'AWS::SecretsManager::Secret'
  | 'AWS::SNS::Topic'
  | 'AWS::SQS::Queue'
  | 'AWS::Logs::LogGroup'
  | (string & {});

/** A resource in the world. */
export interface WorldResource {
  readonly type: ResourceType;
  /** Name or id as the API takes it (bucket name, instance id, user name, ...). */
  readonly name: string;
  readonly arn: string;
  readonly accountId: string;
  /** Region, or '' for global resources (IAM, S3 bucket ARNs). */
  readonly region: string;
  /** Extra attributes (e.g. an object's bucket, a role's unique id). */
  readonly attrs: Readonly<Record<string, string>>;
}

/** One way a call can fail: the errorCode/errorMessage CloudTrail writes. */
export interface ErrorMode {
  /** e.g. `AccessDenied`, `Client.UnauthorizedOperation`, `NoSuchBucket`. */
  readonly code: string;
  /** The errorMessage; some failures (ConsoleLogin) write a message with no code — see `messageOnly`. */
  readonly message: (ctx: CallContext, request: JsonObject | null) => string;
  /** Relative weight when the simulation draws a random failure (default 1). */
  readonly weight?: number;
  /** Write only errorMessage, no errorCode (failed ConsoleLogin). */
  readonly messageOnly?: boolean;
}

/** An API operation as data: how a call to it becomes a CloudTrail record. */
export interface OperationSpec {
  /** IAM action prefix of the service: `iam`, `s3`, `ec2`, `sts`, `signin`. */
  readonly service: string;
  /** API operation name: `CreateUser`. */
  readonly name: string;
  /** e.g. `iam.amazonaws.com`. */
  readonly eventSource: string;
  /** eventName as CloudTrail writes it, when it differs from `name` (Lambda: `UpdateFunctionConfiguration20150331v2`). */
  readonly eventName?: string;
  readonly readOnly: boolean;
  readonly category: 'Management' | 'Data';
  /** Default `AwsApiCall`. */
  readonly eventType?: Exclude<EventType, 'AwsCloudTrailInsight' | 'AwsVpceEvent'>;
  /** The service logs in the partition's global region (IAM, STS global endpoint, CloudFront, Route 53, Organizations, sign-in). */
  readonly global?: boolean;
  /** `apiVersion` field, for services that write one (e.g. ELB `2012-06-01`). */
  readonly apiVersion?: string;
  /** Default `uuid`. */
  readonly requestIdStyle?: RequestIdStyle;
  /** For data events: the trail data-resource type that selects them (`AWS::S3::Object`, `AWS::Lambda::Function`, `AWS::DynamoDB::Table`, ...). */
  readonly dataResourceType?: string;
  /** Whether records carry tlsDetails (default true for AwsApiCall/AwsConsoleSignIn callers that are not AWS services). */
  readonly tls?: boolean;
  /**
   * Host name clients use, for tlsDetails.clientProvidedHostHeader; default `<service>.<region>.amazonaws.com`.
   * The optional `request` (the final requestParameters) lets S3 answer with the bucket's virtual host.
   */
  readonly host?: (region: string, request?: JsonObject | null) => string;
  /** requestParameters for a generated call (user params are merged over it); null when the API takes none. */
  readonly request?: (ctx: CallContext) => JsonObject | null;
  /** responseElements of a successful call; null for most reads. */
  readonly response?: (ctx: CallContext, request: JsonObject | null) => JsonObject | null;
  /** resources[] of the record. */
  readonly resources?: (ctx: CallContext, request: JsonObject | null, response: JsonObject | null) => ResourceRef[] | undefined;
  /** additionalEventData, when the service writes it. */
  readonly additionalEventData?: (ctx: CallContext, request: JsonObject | null) => JsonObject | undefined;
  /** serviceEventDetails, for AwsServiceEvent operations. */
  readonly serviceEventDetails?: (ctx: CallContext) => JsonObject | undefined;
  /** The account that owns the resource the call touches, when that can differ from the caller's (AssumeRole into another account, S3 on another account's bucket): it gets its own copy. */
  readonly resourceOwner?: (ctx: CallContext, request: JsonObject | null) => string | undefined;
  /**
   * Masks secrets in the final requestParameters, after the caller's params are merged in,
   * as CloudTrail does (EC2 `userData` becomes `<sensitiveDataRemoved>`, RDS passwords `****`).
   * Returns a new object; never mutates its argument. See `requestFor` in src/catalog/request.ts.
   */
  readonly redact?: (request: JsonObject) => JsonObject;
  /** Ways this operation fails besides the generic access-denied modes. */
  readonly errors?: readonly ErrorMode[];
  /** How a failed call's record differs from a successful one beyond the error fields (a denied AssumeRole writes requestParameters null and no resources). */
  readonly onError?: { readonly nullRequest?: boolean; readonly omitResources?: boolean };
  /** Where this entry comes from: hand-tuned from real records, or generated from AWS's API models. */
  readonly origin?: 'hand' | 'model' | 'user';
}
