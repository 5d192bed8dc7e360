/**
 * eventVersion: "1.0", then "1.01" … "1.11" (two-digit minor; ref §1). Minor versions add
 * fields; a field never appears on a record older than the version that introduced it.
 */

/** The newest eventVersion this validator knows (current record-contents page). */
export const NEWEST_MINOR = 11;

/** The minor version of a well-formed eventVersion, else undefined. */
export function minorVersion(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^1\.(0|\d{2})$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** "1.NN" for messages. */
export function versionString(minor: number): string {
  return minor === 0 ? '1.0' : `1.${String(minor).padStart(2, '0')}`;
}

/**
 * The minor version that introduced each top-level field (ref §1 "since" column; 1.09
 * vpcEndpointAccountId and 1.11 eventContext from the current record-contents page).
 * Fields since 1.0 are not listed.
 */
export const FIELD_SINCE: ReadonlyMap<string, number> = new Map([
  ['requestID', 1],
  ['eventID', 1],
  ['apiVersion', 1],
  ['readOnly', 1],
  ['resources', 1],
  ['eventType', 2],
  ['recipientAccountId', 2],
  ['sharedEventID', 3],
  ['vpcEndpointId', 4],
  ['serviceEventDetails', 5],
  ['managementEvent', 6],
  ['eventCategory', 7],
  ['insightDetails', 7],
  ['addendum', 8],
  ['sessionCredentialFromConsole', 8],
  ['edgeDeviceDetails', 8],
  ['tlsDetails', 8],
  ['vpcEndpointAccountId', 9],
  ['eventContext', 11],
]);
