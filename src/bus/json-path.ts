/**
 * The JSON-path subset EventBridge evaluates for `InputPath` and `InputPathsMap` (EventBridge
 * user guide, "Amazon EventBridge input transformation": "EventBridge does not support all JSON
 * Path syntax ... Supported syntax includes: dot notation (for example, $.detail), dashes,
 * underscores, alphanumeric characters, array indices, wildcards (*), forward slashes"; and
 * AWS::Events::Rule InputTransformer: "You must use JSON dot notation, not bracket notation").
 *
 * A path is `$` followed by steps: `.name` (any characters but `.` and `[`, so `detail-type` and
 * `a/b` work), `[n]` (array index), `.*` or `[*]` (every member). A path without a wildcard
 * yields one value or nothing; a path with one yields the array of every value it reaches.
 */
import type { JsonValue } from '../record/types.js';

type Step = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'all' };

export interface JsonPath {
  readonly source: string;
  readonly steps: readonly Step[];
  readonly wildcard: boolean;
}

/** Parses a path; `undefined` when it is not in the supported syntax (it then selects nothing). */
export function parseJsonPath(source: string): JsonPath | undefined {
  const text = source.trim();
  if (!text.startsWith('$')) return undefined;
  const steps: Step[] = [];
  let i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      let j = i + 1;
      while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
      const key = text.slice(i + 1, j);
      if (key === '') return undefined;
      steps.push(key === '*' ? { kind: 'all' } : { kind: 'key', key });
      i = j;
    } else if (c === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) return undefined;
      const inner = text.slice(i + 1, end).trim();
      if (inner === '*') steps.push({ kind: 'all' });
      else if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else return undefined;
      i = end + 1;
    } else {
      return undefined;
    }
  }
  return { source, steps, wildcard: steps.some((s) => s.kind === 'all') };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value(s) `path` selects in `root`; `undefined` when it selects nothing. */
export function selectJsonPath(root: unknown, path: JsonPath): JsonValue | undefined {
  let current: unknown[] = [root];
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if (step.kind === 'key') {
        if (isObject(v) && Object.prototype.hasOwnProperty.call(v, step.key) && v[step.key] !== undefined) next.push(v[step.key]);
      } else if (step.kind === 'index') {
        if (Array.isArray(v) && step.index < v.length) next.push(v[step.index]);
      } else if (Array.isArray(v)) {
        next.push(...v);
      } else if (isObject(v)) {
        for (const k of Object.keys(v)) if (v[k] !== undefined) next.push(v[k]);
      }
    }
    current = next;
  }
  if (path.wildcard) return current.length > 0 ? (current as JsonValue[]) : undefined;
  return current.length > 0 ? (current[0] as JsonValue) : undefined;
}
