/**
 * The estate's target figures for a generated dataset (issue 9): distinct operations and
 * event sources, identity and event types, tracing of temporary keys on the second day,
 * the (caller type, invokedBy) shares of AssumeRole* records.
 * Usage: npx tsx tools/estate-figures.ts OUT_DIR   (the directory `trailsim generate --out` wrote)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { traceSessions } from '../src/estate/trace.js';
import type { CloudTrailRecord } from '../src/record/types.js';

const dir = process.argv[2] ?? '/tmp/x';
const records: CloudTrailRecord[] = readFileSync(join(dir, 'records.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const ops = new Set(records.map((r) => `${r.eventSource} ${r.eventName}`));
const sources = new Set(records.map((r) => r.eventSource));
const types = new Map<string, number>();
for (const r of records) types.set(r.userIdentity?.type ?? '(none)', (types.get(r.userIdentity?.type ?? '(none)') ?? 0) + 1);
const eventTypes = new Map<string, number>();
for (const r of records) eventTypes.set(r.eventType, (eventTypes.get(r.eventType) ?? 0) + 1);
const days = [...new Set(records.map((r) => r.eventTime.slice(0, 10)))].sort();
const second = records.filter((r) => r.eventTime.slice(0, 10) === days[1]);
const all = traceSessions(records, manifest.sessionsIssuedBefore ?? []);
// Day 2 alone, with day 1's records available as issuers: trace everything, count day-2 users.
const day2 = traceSessions([...records.filter((r) => r.eventTime.slice(0, 10) < days[1]).filter((r) => r.eventSource === 'sts.amazonaws.com' || r.eventSource === 'signin.amazonaws.com'), ...second], manifest.sessionsIssuedBefore ?? []);
const pairs = new Map<string, number>();
let assume = 0;
for (const r of records) {
  if (r.eventSource !== 'sts.amazonaws.com' || !(r.eventName ?? '').startsWith('AssumeRole')) continue;
  assume++;
  const k = `${r.userIdentity?.type}/${r.userIdentity?.invokedBy ?? '-'}`;
  pairs.set(k, (pairs.get(k) ?? 0) + 1);
}
const top = [...pairs.entries()].sort((a, b) => b[1] - a[1]);
console.log(JSON.stringify({
  records: records.length,
  distinctOperations: ops.size,
  eventSources: sources.size,
  identityTypes: Object.fromEntries(types),
  eventTypes: Object.fromEntries(eventTypes),
  traceAll: all,
  traceDay2: { ...day2, tracedShare: (day2.byKey + day2.byTuple) / day2.temporary, byKeyShare: day2.byKey / day2.temporary },
  assumeRoleRecords: assume,
  topAssumePairs: top.slice(0, 8).map(([k, v]) => `${k}: ${v} (${((100 * v) / assume).toFixed(1)}%)`),
  manifestSessions: (manifest.sessionsIssuedBefore ?? []).length,
}, null, 2));
