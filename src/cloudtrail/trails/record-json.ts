/**
 * A record's compact JSON, exactly `JSON.stringify(record)`, made faster for the records
 * trailsim builds: their `userIdentity` is a frozen object shared by every record of a
 * principal, so its JSON is computed once and spliced in. Anything else (replayed records
 * in another key order, identities that are not frozen) takes plain `JSON.stringify`.
 */
import type { CloudTrailRecord } from '../../record/types.js';

const identityJson = new WeakMap<object, string>();

export function recordJson(r: CloudTrailRecord): string {
  const id = r.userIdentity;
  if (id === undefined || !Object.isFrozen(id)) return JSON.stringify(r);
  // Only when the record starts with eventVersion, userIdentity (CloudTrail's key order).
  let i = 0;
  let ok = false;
  for (const k in r) {
    if ((i === 0 && k !== 'eventVersion') || (i === 1 && k !== 'userIdentity')) break;
    if (i === 1) {
      ok = true;
      break;
    }
    i++;
  }
  if (!ok || typeof r.eventVersion !== 'string') return JSON.stringify(r);
  let idJson = identityJson.get(id);
  if (idJson === undefined) {
    idJson = JSON.stringify(id);
    identityJson.set(id, idJson);
  }
  const { eventVersion, userIdentity: _u, ...rest } = r;
  const tail = JSON.stringify(rest);
  return `{"eventVersion":${JSON.stringify(eventVersion)},"userIdentity":${idJson}${tail.length > 2 ? ',' + tail.slice(1) : '}'}`;
}
