/**
 * A record's compact JSON, exactly `JSON.stringify(record)`, made faster for the records
 * trailsim builds: their `userIdentity` is a frozen object shared by every record of a
 * principal, so its JSON is computed once and spliced in. The record's own JSON is made
 * with `userIdentity` briefly set to an empty placeholder (restored before returning, even
 * on error): copying the record without it (a rest spread) cost more than it saved.
 * Anything else (identities that are not frozen, records that cannot take the placeholder,
 * an identity that is not the second key) takes plain `JSON.stringify`.
 */
import type { CloudTrailRecord, UserIdentity } from '../../record/types.js';

const identityJson = new WeakMap<object, string>();
const HOLE = Object.freeze({}) as UserIdentity;
const AT = '{"eventVersion":';

export function recordJson(r: CloudTrailRecord): string {
  const id = r.userIdentity;
  if (id === undefined || id === null || !Object.isFrozen(id) || typeof r.eventVersion !== 'string') return JSON.stringify(r);
  let idJson = identityJson.get(id);
  if (idJson === undefined) {
    idJson = JSON.stringify(id);
    identityJson.set(id, idJson);
  }
  let s: string;
  try {
    r.userIdentity = HOLE;
  } catch {
    return JSON.stringify(r);
  }
  try {
    s = JSON.stringify(r);
  } finally {
    r.userIdentity = id;
  }
  // Spliced only where CloudTrail's key order puts it: right after eventVersion.
  const ev = JSON.stringify(r.eventVersion);
  const at = AT.length + ev.length;
  if (!s.startsWith(AT) || s.slice(AT.length, at) !== ev || !s.startsWith(',"userIdentity":{}', at)) return JSON.stringify(r);
  return `${s.slice(0, at)},"userIdentity":${idJson}${s.slice(at + 18)}`;
}
