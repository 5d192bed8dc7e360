import type { CloudTrailRecord } from '../../../record/types.js';

/** Message helpers shared by the matchers: plain text, no colours, so any runner can print it. */

const MAX_SHOWN = 160;

/** A value as a message shows it: JSON-like, with RegExps, matchers and predicates readable; cut when long; absent values say so. */
export function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  const text = render(v, new Set());
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}

function render(v: unknown, seen: Set<unknown>): string {
  if (v === undefined) return 'undefined';
  if (v instanceof RegExp) return String(v);
  if (typeof v === 'function') return `[predicate ${v.name || 'anonymous'}]`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol') return v.toString();
  if (isAsymmetric(v)) {
    const m = v as { toAsymmetricMatcher?: () => string; toString: () => string };
    return typeof m.toAsymmetricMatcher === 'function' ? m.toAsymmetricMatcher() : m.toString();
  }
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? String(v);
  if (seen.has(v)) return '[Circular]';
  seen.add(v);
  try {
    if (Array.isArray(v)) return `[${v.map((x) => render(x, seen)).join(',')}]`;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `[${(v as object).constructor?.name ?? 'object'}]`;
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${render(x, seen)}`).join(',')}}`;
  } finally {
    seen.delete(v);
  }
}

/** An asymmetric matcher of jest or vitest (`expect.any(String)`, `expect.stringContaining(...)`). */
export function isAsymmetric(v: unknown): v is { asymmetricMatch(other: unknown): boolean } {
  return typeof v === 'object' && v !== null && typeof (v as { asymmetricMatch?: unknown }).asymmetricMatch === 'function';
}

/** One line naming a record: position, time, operation, caller, error. */
export function summary(r: CloudTrailRecord, index: number): string {
  const u = r.userIdentity;
  const who = u ? `${u.type}${u.arn ? ` ${u.arn}` : u.invokedBy ? ` ${u.invokedBy}` : u.principalId ? ` ${u.principalId}` : ''}` : 'no userIdentity';
  const error = r.errorCode !== undefined ? ` errorCode=${r.errorCode}` : r.errorMessage !== undefined ? ` errorMessage=${show(r.errorMessage)}` : '';
  return `#${index} ${r.eventTime} ${r.eventSource ?? '?'} ${r.eventName ?? '?'} by ${who}${error} (eventID ${r.eventID})`;
}

export function indent(lines: readonly string[], by = '  '): string {
  return lines.map((l) => (l === '' ? l : by + l)).join('\n');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
