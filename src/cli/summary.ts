import type { CloudTrailRecord } from '../record/types.js';

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

  lines(top = 8): string[] {
    const out = [`records: ${this.total} (${[...this.byCategory].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}), failed calls: ${this.errors}`];
    if (this.first) out.push(`time range: ${this.first} .. ${this.last}`);
    out.push('by account and region:');
    for (const [k, v] of [...this.byAccountRegion].sort()) out.push(`  ${k}: ${v}`);
    out.push(`top events:`);
    for (const [k, v] of [...this.byEvent].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top)) out.push(`  ${k}: ${v}`);
    return out;
  }
}
