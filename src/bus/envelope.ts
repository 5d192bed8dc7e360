import type { Random } from '../core/random.js';
import type { CloudTrailRecord, EventType } from '../record/types.js';

/**
 * CloudTrail records as EventBridge delivers them (EventBridge user guide, "Events from
 * AWS services" / eb-service-event-cloudtrail; cloudtrail-reference.md §7).
 */

/** The detail-types CloudTrail events arrive with. */
export type CloudTrailDetailType =
  | 'AWS API Call via CloudTrail'
  | 'AWS Console Sign In via CloudTrail'
  | 'AWS Console Signin via CloudTrail'
  | 'AWS Service Event via CloudTrail'
  | 'AWS Console Action via CloudTrail'
  | 'AWS Insight via CloudTrail';

/**
 * AWS's documents spell the sign-in detail-type two ways: the only published delivered
 * sample (CloudWatch Events guide) and most public rules say "Sign In"; the current
 * EventBridge guide's list says "Signin". Default: "Sign In".
 */
export type SignInSpelling = 'Sign In' | 'Signin';

/**
 * An EventBridge event. Structurally the same as `EventBridgeEvent<TDetailType, TDetail>`
 * from `@types/aws-lambda`, so Lambda handlers typed with it accept trailsim's events.
 */
export interface EventBridgeEnvelope<TDetailType extends string = string, TDetail = unknown> {
  version: string;
  id: string;
  'detail-type': TDetailType;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: TDetail;
  'replay-name'?: string;
}

/** A CloudTrail record as EventBridge delivers it. */
export type CloudTrailEnvelope = EventBridgeEnvelope<CloudTrailDetailType, CloudTrailRecord>;

export function detailTypeOf(eventType: EventType, signIn: SignInSpelling = 'Sign In'): CloudTrailDetailType | undefined {
  switch (eventType) {
    case 'AwsApiCall':
      return 'AWS API Call via CloudTrail';
    case 'AwsConsoleSignIn':
      return signIn === 'Signin' ? 'AWS Console Signin via CloudTrail' : 'AWS Console Sign In via CloudTrail';
    case 'AwsServiceEvent':
      return 'AWS Service Event via CloudTrail';
    case 'AwsConsoleAction':
      return 'AWS Console Action via CloudTrail';
    case 'AwsCloudTrailInsight':
      return 'AWS Insight via CloudTrail';
    default:
      // Network-activity (VPC endpoint) events are not delivered to EventBridge.
      return undefined;
  }
}

/** `s3.amazonaws.com` → `aws.s3`; Insights come from CloudTrail itself. */
export function sourceOf(r: CloudTrailRecord): string {
  if (r.eventType === 'AwsCloudTrailInsight') return 'aws.cloudtrail';
  const es = r.eventSource ?? 'cloudtrail.amazonaws.com';
  return 'aws.' + (es.endsWith('.amazonaws.com') ? es.slice(0, -'.amazonaws.com'.length) : es);
}

/** Wraps a record in the envelope EventBridge emits; `undefined` for records EventBridge never receives. */
export function toEnvelope(r: CloudTrailRecord, rng: Random, signIn: SignInSpelling = 'Sign In'): CloudTrailEnvelope | undefined {
  const detailType = detailTypeOf(r.eventType, signIn);
  if (!detailType) return undefined;
  return {
    version: '0',
    id: rng.uuid(),
    'detail-type': detailType,
    source: sourceOf(r),
    account: r.recipientAccountId ?? r.userIdentity?.accountId ?? '',
    time: r.eventTime,
    region: r.awsRegion,
    resources: [],
    detail: r,
  };
}

/**
 * Which management events a rule in a given state receives (EventBridge user guide,
 * "Receiving read-only management events from AWS services"): plain ENABLED rules do not
 * receive management events whose name begins with Describe, Get or List — except STS
 * GetFederationToken and GetSessionToken, which are change events; read-only events named
 * otherwise (AssumeRole, ...) are received.
 */
export function isReadOnlyByName(r: CloudTrailRecord): boolean {
  if (r.eventCategory !== 'Management') return false;
  const n = r.eventName ?? '';
  if (n === 'GetFederationToken' || n === 'GetSessionToken') return false;
  return n.startsWith('Describe') || n.startsWith('Get') || n.startsWith('List');
}

/** EventBridge does not deliver events larger than 256 KB. */
export const MAX_EVENT_BYTES = 256 * 1024;
