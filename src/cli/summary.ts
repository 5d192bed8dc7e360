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

/** Running counts for the summary a command prints. */
export class RecordSummary {
  total = 0;
  private readonly byCategory = new Map<string, number>();
  private readonly byAccountRegion = new Map<string, number>();
  private readonly byEvent = new Map<string, number>();
  errors = 0;
  first?: string;
  last?: string;

  add(r: CloudTrailRecord): void {
    this.total++;
    this.byCategory.set(r.eventCategory, (this.byCategory.get(r.eventCategory) ?? 0) + 1);
    const ar = `${r.recipientAccountId ?? '-'} ${r.awsRegion}`;
    this.byAccountRegion.set(ar, (this.byAccountRegion.get(ar) ?? 0) + 1);
    const ev = `${r.eventSource ?? 'insight'} ${r.eventName ?? r.insightDetails?.eventName ?? ''}`;
    this.byEvent.set(ev, (this.byEvent.get(ev) ?? 0) + 1);
    if (r.errorCode || r.errorMessage) this.errors++;
    this.first ??= r.eventTime;
    this.last = r.eventTime;
  }

  /** The counts as plain data (to pass between worker threads). */
  data(): RecordSummaryData {
    return { total: this.total, errors: this.errors, first: this.first, last: this.last, byCategory: [...this.byCategory], byAccountRegion: [...this.byAccountRegion], byEvent: [...this.byEvent] };
  }

  /** Adds counts made elsewhere (another worker's). */
  merge(d: RecordSummaryData): void {
    this.total += d.total;
    this.errors += d.errors;
    if (d.first !== undefined && (this.first === undefined || d.first < this.first)) this.first = d.first;
    if (d.last !== undefined && (this.last === undefined || d.last > this.last)) this.last = d.last;
    for (const [k, v] of d.byCategory) this.byCategory.set(k, (this.byCategory.get(k) ?? 0) + v);
    for (const [k, v] of d.byAccountRegion) this.byAccountRegion.set(k, (this.byAccountRegion.get(k) ?? 0) + v);
    for (const [k, v] of d.byEvent) this.byEvent.set(k, (this.byEvent.get(k) ?? 0) + v);
  }

  lines(top = 8): string[] {
    const out = [`records: ${this.total} (${[...this.byCategory].sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}), failed calls: ${this.errors}`];
    if (this.first) out.push(`time range: ${this.first} .. ${this.last}`);
    out.push('by account and region:');
    for (const [k, v] of [...this.byAccountRegion].sort()) out.push(`  ${k}: ${v}`);
    out.push(`top events:`);
    for (const [k, v] of [...this.byEvent].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top)) out.push(`  ${k}: ${v}`);
    return out;
  }
}
