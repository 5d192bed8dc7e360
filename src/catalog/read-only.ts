/**
 * Which API names CloudTrail marks `readOnly: true`, for operations that are not hand-tuned.
 *
 * Rule: the name starts with one of READ_PREFIXES followed by an upper-case letter or the
 * end of the name (`Get`, `GetBucketAcl`; not `Getaway`). EventBridge documents that
 * read-only management events "in general start with Describe, Get or List"
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html);
 * its list of read-only events that do not (eb-service-management-event-list.html) adds
 * `BatchGet*`, `Search*` and friends, and the real samples show `Head*`, `LookupEvents`,
 * DynamoDB `Query`/`Scan` and S3 `ListObjects` as read-only.
 *
 * Exceptions known from the same sources: STS `GetSessionToken` and `GetFederationToken`
 * mint credentials and are logged as write events despite the `Get` prefix (samples,
 * EventBridge page). Hand-tuned operations set `readOnly` explicitly and are not bound by
 * this rule (e.g. STS AssumeRole, KMS Decrypt and Bedrock InvokeModel are read-only in the
 * real samples).
 */
const READ_PREFIXES = [
  'Describe', 'Get', 'List', 'Head', 'Search', 'Lookup', 'BatchGet', 'BatchDescribe',
  'Query', 'Scan', 'Select', 'Preview', 'Estimate', 'Check', 'Validate', 'Export', 'View',
] as const;

const WRITE_EXCEPTIONS = new Set(['GetSessionToken', 'GetFederationToken', 'GetSigninToken', 'CheckoutLicense', 'CheckoutBorrowLicense', 'ExportSnapshot', 'ExportImage']);

export function isReadOnlyName(name: string): boolean {
  if (WRITE_EXCEPTIONS.has(name)) return false;
  for (const p of READ_PREFIXES) {
    if (name.startsWith(p)) {
      const next = name.charCodeAt(p.length);
      if (Number.isNaN(next) || (next >= 65 && next <= 90)) return true;
    }
  }
  return false;
}

export const READ_ONLY_PREFIXES: readonly string[] = READ_PREFIXES;
