/**
 * Hand-built CloudTrail records for the event-history tests (the record builder lives
 * elsewhere and is not used here on purpose). Shapes follow shared/reference/cloudtrail-reference.md §1-3.
 */
import { formatEventTime } from '../../src/core/time.js';
import type { CloudTrailRecord, EventCategory, ResourceRef, UserIdentity } from '../../src/record/types.js';

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
export const REGION = 'us-east-1';
/** 2025-03-01T00:00:00Z */
export const T0 = Date.UTC(2025, 2, 1);
export const SECOND = 1000;
export const DAY = 86_400_000;

export function uuid(n: number): string {
  const h = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${h}`;
}

export const root = (accessKeyId?: string): UserIdentity => ({
  type: 'Root',
  principalId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:root`,
  accountId: ACCOUNT,
  ...(accessKeyId !== undefined ? { accessKeyId } : {}),
});

export const iamUser = (name: string, accessKeyId?: string): UserIdentity => ({
  type: 'IAMUser',
  principalId: 'AIDAEXAMPLE' + name.toUpperCase(),
  arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  accountId: ACCOUNT,
  ...(accessKeyId !== undefined ? { accessKeyId } : {}),
  userName: name,
});

export const assumedRole = (role: string, session: string, accessKeyId?: string): UserIdentity => ({
  type: 'AssumedRole',
  principalId: `AROAEXAMPLE:${session}`,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${session}`,
  accountId: ACCOUNT,
  ...(accessKeyId !== undefined ? { accessKeyId } : {}),
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLE',
      arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
      accountId: ACCOUNT,
      userName: role,
    },
    attributes: { creationDate: '2025-03-01T00:00:00Z', mfaAuthenticated: 'false' },
  },
});

export const federatedUser = (name: string): UserIdentity => ({
  type: 'FederatedUser',
  principalId: `${ACCOUNT}:${name}`,
  arn: `arn:aws:sts::${ACCOUNT}:federated-user/${name}`,
  accountId: ACCOUNT,
});

export const awsService = (invokedBy: string): UserIdentity => ({ type: 'AWSService', invokedBy });

export interface ManagementSpec {
  id: number | string;
  time: number;
  name?: string;
  source?: string;
  readOnly?: boolean;
  identity?: UserIdentity;
  resources?: ResourceRef[];
  region?: string;
  account?: string;
  category?: EventCategory;
}

/** A management (or, with `category`, data/network) API-call record, keys in CloudTrail order. */
export function apiCall(s: ManagementSpec): CloudTrailRecord {
  const category = s.category ?? 'Management';
  const r: CloudTrailRecord = {
    eventVersion: '1.11',
    ...(s.identity ? { userIdentity: s.identity } : {}),
    eventTime: formatEventTime(s.time),
    eventSource: s.source ?? 'iam.amazonaws.com',
    eventName: s.name ?? 'ListUsers',
    awsRegion: s.region ?? REGION,
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: null,
    responseElements: null,
    requestID: uuid(1_000_000 + (typeof s.id === 'number' ? s.id : 0)),
    eventID: typeof s.id === 'number' ? uuid(s.id) : s.id,
    ...(s.readOnly !== undefined ? { readOnly: s.readOnly } : {}),
    ...(s.resources ? { resources: s.resources } : {}),
    eventType: category === 'NetworkActivity' ? 'AwsVpceEvent' : 'AwsApiCall',
    ...(category === 'NetworkActivity' ? {} : { managementEvent: category === 'Management' }),
    recipientAccountId: s.account ?? ACCOUNT,
    eventCategory: category,
  };
  return r;
}

export interface InsightSpec {
  id: number | string;
  time: number;
  name?: string;
  source?: string;
  state?: 'Start' | 'End';
}

/** An Insights event record: no caller fields; the subject API is in insightDetails. */
export function insight(s: InsightSpec): CloudTrailRecord {
  return {
    eventVersion: '1.11',
    eventTime: formatEventTime(s.time),
    awsRegion: REGION,
    eventID: typeof s.id === 'number' ? uuid(s.id) : s.id,
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: ACCOUNT,
    sharedEventID: uuid(9_000_000 + (typeof s.id === 'number' ? s.id : 0)),
    eventCategory: 'Insight',
    insightDetails: {
      state: s.state ?? 'Start',
      eventSource: s.source ?? 'ec2.amazonaws.com',
      eventName: s.name ?? 'RunInstances',
      insightType: 'ApiCallRateInsight',
      insightContext: { statistics: { baseline: { average: 0.1 }, insight: { average: 5 }, baselineDuration: 10080 } },
    },
  };
}
