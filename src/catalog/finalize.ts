import type { CloudTrailRecord, JsonObject, JsonValue } from '../record/types.js';
import { applySizeLimits } from './size-limits.js';

/**
 * Last touches a record needs after the builder has assigned its requestID, which the
 * operation's builders cannot know when they run:
 * - EC2 echoes the request id inside responseElements (`requestId`, or
 *   `<Op>Response.requestId` for newer APIs), equal to the record's requestID (samples:
 *   StartInstances, ModifyInstanceAttribute, DeleteFlowLogs); the same holds for
 *   ec2-instance-connect SendSSHPublicKey. Builders write a placeholder UUID; it is
 *   replaced here.
 * - CloudTrail's field size limits (size-limits.ts).
 * Returns the record itself when nothing changes.
 */
export function finalizeRecord(record: CloudTrailRecord): CloudTrailRecord {
  let r = record;
  const re = r.responseElements;
  if (re && r.requestID && echoesRequestId(r.eventSource)) {
    const fixed = withRequestId(re, r.requestID);
    if (fixed !== re) r = { ...r, responseElements: fixed };
  }
  return applySizeLimits(r);
}

/** Whether records of this event source echo the request id inside responseElements (see above). */
export function echoesRequestId(eventSource: string | undefined): boolean {
  return eventSource === 'ec2.amazonaws.com' || eventSource === 'ec2-instance-connect.amazonaws.com';
}

/** responseElements with its echoed request id set to `id` (itself when already so or when it echoes none). */
export function withRequestId(re: JsonObject, id: string): JsonObject {
  if (typeof re.requestId === 'string') return re.requestId === id ? re : { ...re, requestId: id };
  for (const k of Object.keys(re)) {
    const v: JsonValue = re[k];
    if (k.endsWith('Response') && v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.requestId === 'string') {
      return v.requestId === id ? re : { ...re, [k]: { ...v, requestId: id } };
    }
  }
  return re;
}
