import type { EventBridgeEnvelope } from '../../../../bus/envelope.js';
import type { JsonObject } from '../../../../record/types.js';
import { accepts, fieldHolds, isExistsFalse, type FieldState, type JsonValue, type Leaf } from './evaluate.js';
import type { FieldKind, NodeShape, PatternShape } from './shapes.js';
import { ATOMS, CIDRS, ENVELOPE_VALUES, FIELD_NAMES, GROUP_NAMES, IPV4S, IPV6S, NUMBERS, cidrRange, flipCase, formatIp, type EnvelopeField } from './vocabulary.js';

/**
 * A generated pattern as a formula over independent fields. Every field has its own path
 * (leaf names are unique in the whole pattern and never equal a group name), so whether an
 * event satisfies one field never depends on another: the pattern holds exactly when, in
 * some `$or` alternative, every field holds. Each field keeps the states (absent, a value,
 * an array of values) that satisfy it and those that violate it; events are assembled from
 * those states, to satisfy or to falsify the whole formula.
 */

export interface Field {
  readonly path: readonly string[];
  readonly kind: FieldKind;
  readonly conditions: readonly JsonValue[];
  /** An envelope field TestEventPattern requires: never absent. */
  readonly required: boolean;
  readonly satisfying: readonly FieldState[];
  readonly violating: readonly FieldState[];
}

export interface Node {
  readonly name: string | null;
  readonly fields: readonly Field[];
  readonly groups: readonly Node[];
  readonly or: readonly Node[] | null;
}

export interface Model {
  readonly envelope: readonly Field[];
  readonly detail: Node;
}

const ABSENT: FieldState = { absent: true };
const one = (v: Leaf): FieldState => ({ absent: false, values: [v], array: false });

/** Most asterisks across a field's wildcards: keeps every field under EventBridge's wildcard complexity limit. */
const MAX_STARS_PER_FIELD = 4;

function stars(c: JsonValue): number {
  const count = (s: unknown) => (typeof s === 'string' ? s.split('*').length - 1 : 0);
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return 0;
  if ('wildcard' in c) return count(c.wildcard);
  const ab = (c as { 'anything-but'?: JsonValue })['anything-but'];
  if (ab !== null && typeof ab === 'object' && !Array.isArray(ab) && 'wildcard' in ab) {
    const w = ab.wildcard;
    return Array.isArray(w) ? w.reduce<number>((n, x) => n + count(x), 0) : count(w);
  }
  return 0;
}

/** IP values worth trying: the vocabulary, and the neighbours of every CIDR block's ends. */
const IP_POOL: readonly string[] = (() => {
  const out: string[] = [...IPV4S, ...IPV6S, '192.0.2.1', 'not-an-ip'];
  for (const c of CIDRS) {
    const r = cidrRange(c);
    if (r.lo > 0n) out.push(formatIp(r.v6, r.lo - 1n));
    out.push(formatIp(r.v6, r.hi), formatIp(r.v6, r.hi + 1n));
  }
  return out;
})();

/** Strings a condition mentions (values, prefixes, excluded values, wildcard pieces). */
function mentioned(c: JsonValue, out: Leaf[]): void {
  if (c === null || typeof c !== 'object') {
    out.push(c);
    return;
  }
  if (Array.isArray(c)) {
    for (const x of c) mentioned(x, out);
    return;
  }
  if ('numeric' in c) {
    // Only the bounds: the comparison operators are not values anyone sends.
    for (const v of c.numeric as JsonValue[]) if (typeof v === 'number') out.push(v);
    return;
  }
  for (const v of Object.values(c)) {
    if (typeof v === 'string' && v.includes('*')) out.push(...v.split('*'), v.replace(/\*/g, ''), v.replace(/\*/g, 'x'));
    else mentioned(v, out);
  }
}

/** Present values worth trying on a field: the vocabulary, and near misses of what its conditions mention. */
function candidates(kind: FieldKind, conditions: readonly JsonValue[], required: boolean, envelopeName?: EnvelopeField): Leaf[] {
  const seen = new Set<string>();
  const out: Leaf[] = [];
  const add = (v: Leaf) => {
    const key = leafKey(v);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(v);
  };
  const words: Leaf[] = [];
  for (const c of conditions) mentioned(c, words);
  if (envelopeName) {
    for (const v of ENVELOPE_VALUES[envelopeName]) add(v);
  }
  for (const w of words) {
    if (typeof w === 'string') {
      for (const v of [w, flipCase(w), w.slice(1), w.slice(0, -1), `${w}Z`, `Z${w}`, `${w}${ATOMS[0]}`, `${ATOMS[3]}${w}`, w.toLowerCase(), w.toUpperCase()]) add(v);
    } else if (typeof w === 'number') {
      for (const v of [w, w + 1, w - 1, w + 0.5, w - 0.5]) add(v);
    } else add(w);
  }
  switch (kind) {
    case 'string':
      for (const v of ['zzz', 'Other', ...ATOMS, '']) add(v);
      if (!required) add(7);
      break;
    case 'number':
      for (const v of [...NUMBERS, 3, -7.25, 123456, 6e9]) add(v);
      add('42');
      break;
    case 'ip':
      for (const v of IP_POOL) add(v);
      break;
    case 'boolean':
      for (const v of [true, false, null, 'true']) add(v);
      break;
  }
  // A null leaf and `exists` are judged differently by matchers (some count null as present): keep them apart.
  const hasExists = conditions.some((c) => c !== null && typeof c === 'object' && !Array.isArray(c) && 'exists' in c);
  return out.filter((v) => !(hasExists && v === null) && !(required && typeof v !== 'string'));
}

function ofKind(kind: FieldKind, v: Leaf): boolean {
  if (kind === 'number') return typeof v === 'number';
  if (kind === 'boolean') return typeof v === 'boolean' || v === null;
  return typeof v === 'string';
}

function states(field: { kind: FieldKind; conditions: readonly JsonValue[]; required: boolean }, envelopeName?: EnvelopeField): { satisfying: FieldState[]; violating: FieldState[] } {
  const pool = candidates(field.kind, field.conditions, field.required, envelopeName);
  const satisfying: FieldState[] = [];
  const violating: FieldState[] = [];
  // Satisfying values grouped by condition, in condition order, so shrinking the choice stream meets the first condition first.
  for (const c of field.conditions) {
    if (isExistsFalse(c)) {
      if (!field.required) satisfying.push(ABSENT);
      continue;
    }
    // Satisfy with values of the field's own type: whether e.g. a number matches a string
    // anything-but is a corner of the language a generator should not lean on.
    for (const v of pool) if (ofKind(field.kind, v) && accepts(c, v)) satisfying.push(one(v));
  }
  for (const v of pool) if (!fieldHolds(field.conditions, one(v))) violating.push(one(v));
  if (!field.required && !fieldHolds(field.conditions, ABSENT)) violating.push(ABSENT);
  return { satisfying: dedupe(satisfying), violating };
}

const leafKey = (v: Leaf): string => `${v === null ? 'null' : typeof v}:${String(v)}`;
const stateKey = (s: FieldState): string => (s.absent ? 'absent' : s.values.map(leafKey).join('|'));

function dedupe(xs: FieldState[]): FieldState[] {
  const seen = new Set<string>();
  return xs.filter((s) => {
    const k = stateKey(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Makes a field usable: at most one `exists` condition, a bounded number of wildcard
 * asterisks, then conditions dropped from the end until some state violates the field (a
 * field any event satisfies, such as `[{"exists": true}, {"exists": false}]`, could never
 * be falsified). Returns the field with its states.
 */
function finalize(path: readonly string[], kind: FieldKind, raw: readonly JsonValue[], required: boolean, envelopeName?: EnvelopeField): Field {
  let conditions: JsonValue[] = [];
  let sawExists = false;
  let starCount = 0;
  for (const c of raw) {
    const isExists = c !== null && typeof c === 'object' && !Array.isArray(c) && 'exists' in c;
    if (isExists && (sawExists || required)) continue;
    const s = stars(c);
    if (s > 0 && starCount + s > MAX_STARS_PER_FIELD) continue;
    sawExists ||= isExists;
    starCount += s;
    conditions.push(c);
  }
  if (conditions.length === 0) conditions = [required ? ENVELOPE_VALUES[envelopeName!][0] : 'x'];
  for (;;) {
    const st = states({ kind, conditions, required }, envelopeName);
    if (st.violating.length > 0 && st.satisfying.length > 0) return { path, kind, conditions, required, ...st };
    if (conditions.length === 1) throw new Error(`eventPatternWithEvents internal error: no way to ${st.violating.length === 0 ? 'violate' : 'satisfy'} ${JSON.stringify(conditions)}`);
    conditions = conditions.slice(0, -1);
  }
}

/** Names fields and groups and computes every field's states. */
export function buildModel(shape: PatternShape): Model {
  const used: Record<FieldKind, number> = { string: 0, number: 0, ip: 0, boolean: 0 };
  const leafName = (kind: FieldKind): string => {
    const names = FIELD_NAMES[kind];
    const i = used[kind]++;
    return i < names.length ? names[i] : `${names[i % names.length]}${Math.floor(i / names.length) + 1}`;
  };
  const node = (s: NodeShape, path: readonly string[], name: string | null): Node => ({
    name,
    fields: s.fields.map((f) => {
      const n = leafName(f.kind);
      return finalize([...path, n], f.kind, f.conditions, false);
    }),
    groups: s.groups.map((g, i) => {
      const n = i < GROUP_NAMES.length ? GROUP_NAMES[i] : `group${i}`;
      return node(g, [...path, n], n);
    }),
    or: s.or ? s.or.map((b) => node(b, path, null)) : null,
  });
  return {
    envelope: shape.envelope.map((e) => finalize([e.name], 'string', e.conditions, true, e.name)),
    detail: node(shape.detail, ['detail'], 'detail'),
  };
}

/** The pattern as JSON: envelope fields, then `detail` with nested groups and `$or`. */
export function patternOf(model: Model): Record<string, JsonValue> {
  const nodeJson = (n: Node): Record<string, JsonValue> => {
    const o: Record<string, JsonValue> = {};
    for (const f of n.fields) o[f.path[f.path.length - 1]] = [...f.conditions];
    for (const g of n.groups) o[g.name!] = nodeJson(g);
    if (n.or) o.$or = n.or.map(nodeJson);
    return o;
  };
  const out: Record<string, JsonValue> = {};
  for (const f of model.envelope) out[f.path[0]] = [...f.conditions];
  out.detail = nodeJson(model.detail);
  return out;
}

/** A finite stream of choices; once it runs out every choice is 0 (the first, simplest option). */
export class Choices {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  next(n: number): number {
    if (n <= 1) return 0;
    const v = this.i < this.xs.length ? this.xs[this.i] : 0;
    this.i++;
    return v % n;
  }
}

type Assignment = Map<Field, FieldState>;

function pickState(list: readonly FieldState[], f: Field, ch: Choices, arrays: boolean): FieldState {
  const s = list[ch.next(list.length)];
  if (!arrays || s.absent || ch.next(3) !== 2) return s;
  // Sometimes an array: the chosen value with a violating value beside it, which must not change the outcome.
  const others = f.violating.filter((v): v is Extract<FieldState, { absent: false }> => !v.absent && stateKey(v) !== stateKey(s));
  if (others.length === 0) return s;
  const other = others[ch.next(others.length)].values[0];
  return { absent: false, values: ch.next(2) === 0 ? [s.values[0], other] : [other, s.values[0]], array: true };
}

function satisfyNode(n: Node, a: Assignment, ch: Choices, arrays: boolean): void {
  for (const f of n.fields) a.set(f, pickState(f.satisfying, f, ch, arrays));
  for (const g of n.groups) satisfyNode(g, a, ch, arrays);
  if (n.or) {
    const k = ch.next(n.or.length);
    // The chosen branch holds; any other one may hold too (the first option: it does not).
    n.or.forEach((b, i) => (i === k || ch.next(2) === 1 ? satisfyNode(b, a, ch, arrays) : falsifyNode(b, a, ch, arrays)));
  }
}

function falsifyNode(n: Node, a: Assignment, ch: Choices, arrays: boolean): void {
  const parts = n.fields.length + n.groups.length + (n.or ? 1 : 0);
  const k = ch.next(parts);
  n.fields.forEach((f, i) => a.set(f, pickState(i === k ? f.violating : f.satisfying, f, ch, arrays)));
  n.groups.forEach((g, i) => (n.fields.length + i === k ? falsifyNode(g, a, ch, arrays) : satisfyNode(g, a, ch, arrays)));
  if (n.or) {
    if (k === parts - 1) for (const b of n.or) falsifyNode(b, a, ch, arrays);
    else satisfyNode({ ...n, fields: [], groups: [] }, a, ch, arrays);
  }
}

function holds(n: Node, a: Assignment): boolean {
  return n.fields.every((f) => fieldHolds(f.conditions, a.get(f)!)) && n.groups.every((g) => holds(g, a)) && (!n.or || n.or.some((b) => holds(b, a)));
}

/** A generated event: an EventBridge envelope whose detail holds the pattern's fields. */
export type PatternEvent = EventBridgeEnvelope<string, JsonObject>;

function eventOf(a: Assignment, id: string): PatternEvent {
  const e: PatternEvent = {
    version: '0',
    id,
    'detail-type': 'Trailsim Test Event',
    source: 'trailsim.test',
    account: '123456789012',
    time: '2026-01-01T00:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: {},
  };
  for (const [f, s] of a) {
    if (s.absent) continue;
    const value: JsonValue = s.array ? [...s.values] : s.values[0];
    let o = e as unknown as Record<string, JsonValue>;
    for (const seg of f.path.slice(0, -1)) {
      const next = o[seg];
      if (next === undefined) o[seg] = {};
      o = o[seg] as Record<string, JsonValue>;
    }
    o[f.path[f.path.length - 1]] = value;
  }
  return e;
}

/** An event the pattern matches (`match`) or does not, from a choice stream. */
export function eventFor(model: Model, ch: Choices, match: boolean, arrays: boolean, id: string): PatternEvent {
  const a: Assignment = new Map();
  if (match) {
    for (const f of model.envelope) a.set(f, pickState(f.satisfying, f, ch, false));
    satisfyNode(model.detail, a, ch, arrays);
  } else {
    // Falsify one envelope field, or the detail node.
    const k = ch.next(model.envelope.length + 1);
    model.envelope.forEach((f, i) => a.set(f, pickState(i === k ? f.violating : f.satisfying, f, ch, false)));
    if (k === model.envelope.length) falsifyNode(model.detail, a, ch, arrays);
    else satisfyNode(model.detail, a, ch, arrays);
  }
  const ok = model.envelope.every((f) => fieldHolds(f.conditions, a.get(f)!)) && holds(model.detail, a);
  if (ok !== match) throw new Error('eventPatternWithEvents internal error: an event came out on the wrong side of its pattern');
  return eventOf(a, id);
}
