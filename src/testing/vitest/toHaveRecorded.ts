import { TrailsimInputError } from '../../core/errors.js';
import type { CloudTrailRecord } from '../../record/types.js';
import { indent, plural, show, summary } from './_internals/format.js';
import { leafCount, mismatches, type Mismatch } from './_internals/partialMatch.js';
import type { MatcherResult, RecordQuery, RecordedOptions } from './types.js';

const CLOSEST = 3;
const LISTED = 5;

/** The records of a Simulation, of a generated or built simulation (`records` array), or an array of records. */
function recordsOf(received: unknown): readonly CloudTrailRecord[] {
  if (Array.isArray(received)) return received as CloudTrailRecord[];
  if (typeof received === 'object' && received !== null) {
    const r = (received as { records?: unknown }).records;
    if (typeof r === 'function') return (r as () => CloudTrailRecord[]).call(received);
    if (Array.isArray(r)) return r as CloudTrailRecord[];
  }
  throw new TrailsimInputError(`toHaveRecorded expects a Simulation, an array of records, or an object with records; received ${show(received)}.`);
}

function queryLines(query: RecordQuery): string[] {
  return Object.entries(query).map(([k, v]) => `${k}: ${show(v)}`);
}

function mismatchLine(m: Mismatch): string {
  return `${m.path}: expected ${show(m.expected)}, received ${show(m.received)}${m.note ? ` (${m.note})` : ''}`;
}

/**
 * Whether `received` holds a record matching `query` (partial deep match), or exactly
 * `options.times` of them. Runner-agnostic: returns `{ pass, message }` for
 * `expect.extend` in vitest or jest.
 */
export function toHaveRecorded(received: unknown, query: RecordQuery, options: RecordedOptions = {}): MatcherResult {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) throw new TrailsimInputError(`toHaveRecorded needs a query object such as { eventName: 'CreateUser' }; received ${show(query)}.`);
  const times = options.times;
  if (times !== undefined && !(Number.isInteger(times) && times >= 0)) throw new TrailsimInputError(`toHaveRecorded's times must be a non-negative integer; received ${show(times)}.`);
  const records = recordsOf(received);
  const scored = records.map((r, i) => ({ r, i, diff: mismatches(query, r) }));
  const matching = scored.filter((s) => s.diff.length === 0);
  const pass = times === undefined ? matching.length > 0 : matching.length === times;
  const expectedText = times === undefined ? 'a record matching' : `exactly ${plural(times, 'record')} matching`;
  const header = `expect(received)${pass ? '.not' : ''}.toHaveRecorded(query${times === undefined ? '' : ', { times }'})`;

  const message = (): string => {
    const lines = [header, ''];
    lines.push(`${pass ? (times === undefined ? 'Expected no record matching' : `Expected other than ${plural(times, 'record')} matching`) : `Expected ${expectedText}`}:`, indent(queryLines(query)), '');
    if (records.length === 0) {
      lines.push('Received no records at all.');
      return lines.join('\n');
    }
    if (matching.length > 0) {
      lines.push(`Received ${plural(matching.length, 'matching record')} (of ${records.length}):`);
      lines.push(indent(matching.slice(0, LISTED).map((s) => summary(s.r, s.i))));
      if (matching.length > LISTED) lines.push(`  ... and ${matching.length - LISTED} more`);
      return lines.join('\n');
    }
    const total = leafCount(query);
    const closest = [...scored].sort((a, b) => a.diff.length - b.diff.length || a.i - b.i).slice(0, CLOSEST);
    lines.push(`Received ${plural(records.length, 'record')}; none matches. Closest ${closest.length === 1 ? 'one' : closest.length}, with the fields that differ:`, '');
    for (const c of closest) {
      lines.push(`  ${summary(c.r, c.i)}`);
      lines.push(`    ${c.diff.length} of ${plural(total, 'field')} differ${c.diff.length === 1 ? 's' : ''}:`);
      lines.push(indent(c.diff.map(mismatchLine), '      '));
    }
    return lines.join('\n');
  };
  return { pass, message };
}
