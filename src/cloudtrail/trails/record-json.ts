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
  if (!ok || typeof r.eventVersion !== 'string' || !Object.isExtensible(r) || Object.isFrozen(r)) return JSON.stringify(r);
  let idJson = identityJson.get(id);
  if (idJson === undefined) {
    idJson = JSON.stringify(id);
    identityJson.set(id, idJson);
  }
  // The record serialised with userIdentity out of it for the moment (no copy of the record:
  // an object rest copy cost more than serialising the identity), the identity spliced back.
  const ev = JSON.stringify(r.eventVersion);
  const rec = r as { userIdentity?: unknown };
  rec.userIdentity = undefined;
  let tail: string;
  try {
    tail = JSON.stringify(r);
  } finally {
    rec.userIdentity = id;
  }
  // tail is {"eventVersion":<ev>[,...]}
  const head = 16 + ev.length;
  return `{"eventVersion":${ev},"userIdentity":${idJson}${tail.slice(head)}`;
}
