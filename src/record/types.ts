/**
 * The CloudTrail record, as CloudTrail writes it at eventVersion 1.11
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html,
 * summarised in shared/reference/cloudtrail-reference.md §1-3). Optional fields are
 * absent, not undefined, in records trailsim produces.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type EventType =
  | 'AwsApiCall'
  | 'AwsServiceEvent'
  | 'AwsConsoleAction'
  | 'AwsConsoleSignIn'
  | 'AwsCloudTrailInsight'
  | 'AwsVpceEvent';

export type EventCategory = 'Management' | 'Data' | 'Insight' | 'NetworkActivity';

export type UserIdentityType =
  | 'Root'
  | 'IAMUser'
  | 'AssumedRole'
  | 'Role'
  | 'FederatedUser'
  | 'AWSAccount'
  | 'AWSService'
  | 'IdentityCenterUser'
  | 'Directory'
  | 'Unknown'
  | 'SAMLUser'
  | 'WebIdentityUser';

export interface SessionIssuer {
  type: 'Root' | 'IAMUser' | 'Role';
  principalId: string;
  arn: string;
  accountId: string;
  userName?: string;
}

export interface WebIdFederationData {
  federatedProvider?: string;
  attributes?: Record<string, string>;
}

export interface SessionContext {
  sessionIssuer?: SessionIssuer | Record<string, never>;
  webIdFederationData?: WebIdFederationData;
  attributes?: {
    creationDate: string;
    /** The string "true" or "false", not a boolean. */
    mfaAuthenticated: 'true' | 'false';
  };
  sourceIdentity?: string;
  /** "1.0" for IMDSv1, "2.0" for IMDSv2. */
  ec2RoleDelivery?: '1.0' | '2.0';
  ec2IssuedInVPC?: string;
}

export interface UserIdentity {
  type: UserIdentityType;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  sessionContext?: SessionContext;
  invokedBy?: string;
  identityProvider?: string;
  credentialId?: string;
  onBehalfOf?: { userId: string; identityStoreArn: string };
  inScopeOf?: { sourceArn?: string; sourceAccount?: string; issuerType?: string; credentialsIssuedTo?: string };
}

export interface ResourceRef {
  /** Spelled in upper case in delivered records. */
  ARN?: string;
  accountId?: string;
  /** e.g. `AWS::S3::Bucket`. */
  type?: string;
}

export interface TlsDetails {
  tlsVersion?: string;
  cipherSuite?: string;
  clientProvidedHostHeader?: string;
  keyExchange?: string;
}

export interface Addendum {
  reason: 'DELIVERY_DELAY' | 'UPDATED_DATA' | 'SERVICE_OUTAGE';
  updatedFields?: string;
  originalRequestID?: string;
  originalEventID?: string;
}

export interface InsightAttributionValue {
  value: string;
  average: number;
}

export interface InsightAttribution {
  attribute: 'userIdentityArn' | 'userAgent' | 'errorCode';
  insight: InsightAttributionValue[];
  baseline: InsightAttributionValue[];
}

export interface InsightDetails {
  state: 'Start' | 'End';
  eventSource: string;
  eventName: string;
  insightType: 'ApiCallRateInsight' | 'ApiErrorRateInsight';
  errorCode?: string;
  insightContext: {
    statistics: {
      baseline: { average: number };
      insight: { average: number };
      insightDuration?: number;
      baselineDuration: number;
    };
    attributions?: InsightAttribution[];
  };
}

/**
 * One CloudTrail record (management, data, console, service, network-activity or Insights event).
 * Records the simulation builds share their `userIdentity` and `tlsDetails` objects with other
 * records of the same caller and endpoint, frozen: to change one in a test, replace the field
 * (`{ ...record, tlsDetails: { ...record.tlsDetails, tlsVersion: 'TLSv1.2' } }`), don't edit it.
 */
export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity?: UserIdentity;
  eventTime: string;
  eventSource?: string;
  eventName?: string;
  awsRegion: string;
  sourceIPAddress?: string;
  userAgent?: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters?: JsonObject | null;
  responseElements?: JsonObject | null;
  additionalEventData?: JsonObject;
  requestID?: string;
  eventID: string;
  readOnly?: boolean;
  resources?: ResourceRef[];
  eventType: EventType;
  apiVersion?: string;
  managementEvent?: boolean;
  recipientAccountId?: string;
  serviceEventDetails?: JsonObject;
  sharedEventID?: string;
  vpcEndpointId?: string;
  vpcEndpointAccountId?: string;
  eventCategory: EventCategory;
  addendum?: Addendum;
  sessionCredentialFromConsole?: 'true';
  edgeDeviceDetails?: JsonObject;
  tlsDetails?: TlsDetails;
  insightDetails?: InsightDetails;
  eventContext?: JsonObject;
}

/**
 * Top-level key order of a record as CloudTrail writes it, read off an unedited trail
 * file (shared/reference/cloudtrail-samples, opensearch-catalog rows). The builder
 * emits keys in this order so output diffs cleanly against real logs.
 */
export const RECORD_KEY_ORDER: readonly (keyof CloudTrailRecord)[] = [
  'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion',
  'sourceIPAddress', 'userAgent', 'errorCode', 'errorMessage', 'requestParameters',
  'responseElements', 'additionalEventData', 'requestID', 'eventID', 'readOnly', 'resources',
  'eventType', 'apiVersion', 'managementEvent', 'recipientAccountId', 'serviceEventDetails',
  'sharedEventID', 'vpcEndpointId', 'vpcEndpointAccountId', 'eventCategory', 'addendum',
  'sessionCredentialFromConsole', 'edgeDeviceDetails', 'tlsDetails', 'insightDetails', 'eventContext',
];

/** The record version trailsim writes. */
export const EVENT_VERSION = '1.11';

/** Records an Insights event carries (no caller fields). */
export type InsightRecord = CloudTrailRecord & { eventType: 'AwsCloudTrailInsight'; eventCategory: 'Insight'; insightDetails: InsightDetails };
