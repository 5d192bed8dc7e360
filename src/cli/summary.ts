import type { CloudTrailRecord } from '../record/types.js';

/** RecordSummary's counts as plain data. */
export interface RecordSummaryData {
  total: number;
  errors: number;
  first?: string;
  last?: string;
  byCategory: [string, number][];
  byAccountRegion: [string, number][];
  byEvent: [string, number][];
}

/**
 * Running counts for the summary a command prints. Counted per record on the generation
 * path, so the keys are the record's own strings in nested maps: no string is built (and
 * hashed afresh) per record; the "account region" and "source name" keys are made once
 * per distinct pair.
 */
export class RecordSummary {
  total = 0;
  private readonly byCategory = new Map<string, number>();
  /** account → region → count. */
  private readonly byAccountRegion = new Map<string, Map<string, number>>();
  /** eventSource → eventName → count. */
  private readonly byEvent = new Map<string, Map<string, number>>();
  errors = 0;
  first?: string;
  last?: string;

  add(r: CloudTrailRecord): void {
    this.total++;
    this.byCategory.set(r.eventCategory, (this.byCategory.get(r.eventCategory) ?? 0) + 1);
    bump(this.byAccountRegion, r.recipientAccountId ?? '-', r.awsRegion);
    bump(this.byEvent, r.eventSource ?? 'insight', r.eventName ?? r.insightDetails?.eventName ?? '');
    if (r.errorCode || r.errorMessage) this.errors++;
    this.first ??= r.eventTime;
    this.last = r.eventTime;
  }

  /** The counts as plain data (to pass between worker threads). */
  data(): RecordSummaryData {
    return { total: this.total, errors: this.errors, first: this.first, last: this.last, byCategory: [...this.byCategory], byAccountRegion: [...flat(this.byAccountRegion)], byEvent: [...flat(this.byEvent)] };
  }

  /** Adds counts made elsewhere (another worker's). */
  merge(d: RecordSummaryData): void {
    this.total += d.total;
    this.errors += d.errors;
    if (d.first !== undefined && (this.first === undefined || d.first < this.first)) this.first = d.first;
    if (d.last !== undefined && (this.last === undefined || d.last > this.last)) this.last = d.last;
    for (const [k, v] of d.byCategory) this.byCategory.set(k, (this.byCategory.get(k) ?? 0) + v);
    for (const [k, v] of d.byAccountRegion) bump(this.byAccountRegion, ...split(k), v);
    for (const [k, v] of d.byEvent) bump(this.byEvent, ...split(k), v);
  }

  lines(top = 8): string[] {
    const out = [`records: ${this.total} (${[...this.byCategory].sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}), failed calls: ${this.errors}`];
    if (this.first) out.push(`time range: ${this.first} .. ${this.last}`);
    out.push('by account and region:');
    for (const [k, v] of [...flat(this.byAccountRegion)].sort()) out.push(`  ${k}: ${v}`);
    out.push(`top events:`);
    for (const [k, v] of [...flat(this.byEvent)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top)) out.push(`  ${k}: ${v}`);
    return out;
  }
}

function bump(m: Map<string, Map<string, number>>, a: string, b: string, n = 1): void {
  let inner = m.get(a);
  if (!inner) m.set(a, (inner = new Map()));
  inner.set(b, (inner.get(b) ?? 0) + n);
}

/** An "a b" key back into its parts: accounts (or "-") and eventSources hold no space. */
function split(k: string): [string, string] {
  const i = k.indexOf(' ');
  return [k.slice(0, i), k.slice(i + 1)];
}

/** Nested counts as "a b" keys. */
function flat(m: Map<string, Map<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [a, inner] of m) for (const [b, n] of inner) out.set(`${a} ${b}`, n);
  return out;
}
