/**
 * A record's compact JSON, exactly `JSON.stringify(record)`, made faster for the records
 * trailsim builds. Their `userIdentity` is a frozen object shared by every record of a
 * principal, and their `tlsDetails`, the last key, a frozen object shared by every record
 * with the same TLS suite and host: the JSON of each is computed once and spliced in, so
 * the one `JSON.stringify` per record walks neither. Anything else (replayed records in
 * another key order, identities that are not frozen) takes plain `JSON.stringify`.
 */
import { EVENT_VERSION, type CloudTrailRecord } from '../../record/types.js';

/** `{"eventVersion":<EVENT_VERSION>,"userIdentity":<JSON>` per frozen userIdentity: the head of its records. */
const identityHead = new WeakMap<object, string>();
/** `,"tlsDetails":<JSON>}` of frozen tlsDetails objects whose values are all primitives. */
const tlsTail = new WeakMap<object, string>();

const EV_KEY = '{"eventVersion":';
const HEAD = `${EV_KEY}${JSON.stringify(EVENT_VERSION)},"userIdentity":`;
/** Length of `{"eventVersion":"<EVENT_VERSION>"`, where a record's JSON goes on after its eventVersion. */
const AFTER_EV = HEAD.length - ',"userIdentity":'.length;

export function recordJson(r: CloudTrailRecord): string {
  const id = r.userIdentity;
  if (typeof id !== 'object' || id === null) return JSON.stringify(r);
  // An identity with a cached head was frozen when it was cached (and stays so): the
  // frozen test, which walks the object's properties, runs once per identity.
  let head = identityHead.get(id);
  if (head === undefined && !Object.isFrozen(id)) return JSON.stringify(r);
  // Only when the record starts with eventVersion, userIdentity (CloudTrail's key order);
  // note whether tlsDetails is the last key.
  let i = 0;
  let last = '';
  for (const k in r) {
    if ((i === 0 && k !== 'eventVersion') || (i === 1 && k !== 'userIdentity')) return JSON.stringify(r);
    last = k;
    i++;
  }
  const version = r.eventVersion;
  // A record that is not extensible may be frozen: it cannot lend its fields for a moment.
  if (i < 2 || typeof version !== 'string' || !Object.isExtensible(r)) return JSON.stringify(r);
  if (head === undefined) {
    head = HEAD + JSON.stringify(id);
    identityHead.set(id, head);
  }
  const tls = last === 'tlsDetails' ? r.tlsDetails : undefined;
  const end = typeof tls === 'object' && tls !== null && Object.prototype.hasOwnProperty.call(r, 'tlsDetails') ? tlsTailOf(tls) : undefined;
  // The record serialised with userIdentity (and a spliced tlsDetails) out of it for the
  // moment (no copy of the record: an object rest copy cost more than serialising the
  // identity), put back after.
  const rec = r as { userIdentity?: unknown; tlsDetails?: unknown };
  rec.userIdentity = undefined;
  if (end !== undefined) rec.tlsDetails = undefined;
  let tail: string;
  try {
    tail = JSON.stringify(r);
  } finally {
    rec.userIdentity = id;
    if (end !== undefined) rec.tlsDetails = tls;
  }
  // tail is {"eventVersion":<version>[,...]}: the cached head replaces its start.
  let from = AFTER_EV;
  if (version !== EVENT_VERSION) {
    const ev = JSON.stringify(version);
    head = `${EV_KEY}${ev},"userIdentity":${head.slice(HEAD.length)}`;
    from = EV_KEY.length + ev.length;
  }
  return end === undefined ? head + tail.slice(from) : head + tail.slice(from, tail.length - 1) + end;
}

/** `,"tlsDetails":<JSON>}` for a frozen tlsDetails of primitives (its JSON cannot change), else undefined. */
function tlsTailOf(tls: object): string | undefined {
  let s = tlsTail.get(tls);
  if (s !== undefined) return s;
  if (!Object.isFrozen(tls) || Object.getPrototypeOf(tls) !== Object.prototype) return undefined;
  for (const d of Object.values(Object.getOwnPropertyDescriptors(tls))) {
    const v: unknown = d.value;
    if (!('value' in d) || (v !== null && (typeof v === 'object' || typeof v === 'function'))) return undefined;
  }
  s = `,"tlsDetails":${JSON.stringify(tls)}}`;
  tlsTail.set(tls, s);
  return s;
}
