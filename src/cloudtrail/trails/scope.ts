/**
 * Which records a trail's scope takes in, before its selectors are applied: account,
 * Region, global service events.
 *
 * - **Regions.** A single-Region trail takes records whose `awsRegion` is its home
 *   Region; a multi-Region trail takes every Region (cloudtrail-reference.md §5).
 * - **Global service events.** Since 22 November 2021, CloudFront, IAM, console sign-in
 *   and STS (global endpoint) events are recorded in us-east-1 only, "consistent with
 *   other AWS global services"; a trail receives them when it covers us-east-1 and has
 *   `IncludeGlobalServiceEvents` (CloudTrail User Guide, update-trail page, "Important"
 *   box; AWS notice quoted in SummitRoute/aws_breaking_changes#51). A single-Region trail
 *   elsewhere no longer receives them.
 * - **Accounts.** A trail takes the records delivered to its account (`recipientAccountId`);
 *   an organization trail takes those of every account of its organization.
 */
import { globalRegionOf, partitionOf } from '../../core/ids.js';
import type { CloudTrailRecord, EventCategory } from '../../record/types.js';

/** Event sources CloudTrail treats as "global services" (the 2021 notice's four). */
export const GLOBAL_SERVICE_EVENT_SOURCES: ReadonlySet<string> = new Set([
  'iam.amazonaws.com',
  'sts.amazonaws.com',
  'signin.amazonaws.com',
  'cloudfront.amazonaws.com',
]);

/** True for a global service event: a global service's record in its partition's global Region. */
export function isGlobalServiceEvent(r: CloudTrailRecord): boolean {
  return r.eventSource !== undefined && GLOBAL_SERVICE_EVENT_SOURCES.has(r.eventSource) && r.awsRegion === globalRegionOf(partitionOf(r.awsRegion));
}

/**
 * A record's category. Records before eventVersion 1.07 have no `eventCategory`: it is
 * read from `eventType` and `managementEvent` (1.06+), as the event history does.
 */
export function categoryOf(r: CloudTrailRecord): EventCategory {
  if (r.eventCategory) return r.eventCategory;
  if (r.eventType === 'AwsCloudTrailInsight') return 'Insight';
  if (r.eventType === 'AwsVpceEvent') return 'NetworkActivity';
  return r.managementEvent === false ? 'Data' : 'Management';
}

/** What a trail's scope is made of. */
export interface TrailScope {
  accountId: string;
  homeRegion: string;
  isMultiRegion: boolean;
  includeGlobalServiceEvents: boolean;
  /** Accounts of the organization, for an organization trail. */
  organizationAccounts?: ReadonlySet<string> | readonly string[] | undefined;
}

/** Whether a scope covers an account and Region (whatever the record). */
export function scopeCoversAccountRegion(scope: TrailScope, accountId: string, region: string): boolean {
  if (accountId !== scope.accountId) {
    const org = scope.organizationAccounts;
    if (!org) return false;
    if (!(Array.isArray(org) ? org.includes(accountId) : (org as ReadonlySet<string>).has(accountId))) return false;
  }
  return scope.isMultiRegion || region === scope.homeRegion;
}

/** Whether a scope takes in a record delivered to `accountId` (default: its recipientAccountId). */
export function scopeCoversRecord(scope: TrailScope, r: CloudTrailRecord, accountId = r.recipientAccountId ?? ''): boolean {
  if (!scopeCoversAccountRegion(scope, accountId, r.awsRegion)) return false;
  if (!scope.includeGlobalServiceEvents && isGlobalServiceEvent(r)) return false;
  return true;
}
