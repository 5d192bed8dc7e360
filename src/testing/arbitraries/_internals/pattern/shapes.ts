import fc from 'fast-check';
import type { JsonValue } from './evaluate.js';
import { ATOMS, CIDRS, ENVELOPE_VALUES, IPV4S, IPV6S, NUMBERS, flipCase, type EnvelopeField } from './vocabulary.js';

/**
 * Arbitraries of pattern *shapes*: the structure of a pattern (fields, nested groups, `$or`)
 * and each field's conditions, before fields are named. Every choice shrinks towards the
 * simplest form: one string field with one exact value.
 */

/** Operator families of the event-pattern language. */
export type PatternOperator = 'exact' | 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard' | 'anything-but' | 'numeric' | 'exists' | 'cidr';
export const PATTERN_OPERATORS: readonly PatternOperator[] = ['exact', 'prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'anything-but', 'numeric', 'exists', 'cidr'];

export type FieldKind = 'string' | 'number' | 'ip' | 'boolean';

export interface FieldShape {
  readonly kind: FieldKind;
  readonly conditions: readonly JsonValue[];
}

export interface NodeShape {
  readonly fields: readonly FieldShape[];
  readonly groups: readonly NodeShape[];
  /** Alternatives of a `$or` (two or more), or null. */
  readonly or: readonly NodeShape[] | null;
}

export interface EnvelopeShape {
  readonly name: EnvelopeField;
  readonly conditions: readonly JsonValue[];
}

export interface PatternShape {
  readonly envelope: readonly EnvelopeShape[];
  readonly detail: NodeShape;
}

export interface ShapeOptions {
  readonly operators: readonly PatternOperator[];
  readonly maxDepth: number;
  readonly maxFieldsPerNode: number;
  readonly maxValuesPerField: number;
  readonly or: boolean;
  readonly envelope: boolean;
}

type Tagged = { readonly ops: readonly PatternOperator[]; readonly arb: fc.Arbitrary<JsonValue> };

const atomString = fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));
/** Exact, prefix and suffix values may be empty ("" is a legal value and prefix). */
const anyString = fc.oneof({ withCrossShrink: true }, { weight: 9, arbitrary: atomString }, { weight: 1, arbitrary: fc.constant('') });
/** Wildcards: literal pieces (at least one) joined by single asterisks, optionally leading or trailing. */
const wildcard = fc
  .record({ lead: fc.boolean(), pieces: fc.array(atomString, { minLength: 1, maxLength: 3 }), trail: fc.boolean() })
  // A single piece with no asterisk around it would be an exact value: end it with one.
  .map(({ lead, pieces, trail }) => `${lead ? '*' : ''}${pieces.join('*')}${trail || (!lead && pieces.length === 1) ? '*' : ''}`);
const oneOrList = <T extends JsonValue>(a: fc.Arbitrary<T>): fc.Arbitrary<JsonValue> => fc.oneof({ withCrossShrink: true }, a, fc.array(a, { minLength: 1, maxLength: 3 }));
const number = fc.constantFrom(...NUMBERS);
const numericOp = fc.constantFrom('>', '>=', '<', '<=', '=');

const STRING_CONDITIONS: readonly Tagged[] = [
  { ops: ['exact'], arb: anyString },
  { ops: ['prefix'], arb: anyString.map((s) => ({ prefix: s })) },
  { ops: ['suffix'], arb: anyString.map((s) => ({ suffix: s })) },
  { ops: ['equals-ignore-case'], arb: anyString.map((s) => ({ 'equals-ignore-case': flipCase(s) })) },
  { ops: ['prefix', 'equals-ignore-case'], arb: atomString.map((s) => ({ prefix: { 'equals-ignore-case': flipCase(s) } })) },
  { ops: ['suffix', 'equals-ignore-case'], arb: atomString.map((s) => ({ suffix: { 'equals-ignore-case': flipCase(s) } })) },
  { ops: ['wildcard'], arb: wildcard.map((w) => ({ wildcard: w })) },
  { ops: ['anything-but'], arb: oneOrList(atomString).map((x) => ({ 'anything-but': x })) },
  { ops: ['anything-but', 'prefix'], arb: oneOrList(atomString).map((x) => ({ 'anything-but': { prefix: x } })) },
  { ops: ['anything-but', 'suffix'], arb: oneOrList(atomString).map((x) => ({ 'anything-but': { suffix: x } })) },
  { ops: ['anything-but', 'equals-ignore-case'], arb: oneOrList(atomString.map(flipCase)).map((x) => ({ 'anything-but': { 'equals-ignore-case': x } })) },
  { ops: ['anything-but', 'wildcard'], arb: oneOrList(wildcard).map((x) => ({ 'anything-but': { wildcard: x } })) },
  { ops: ['exists'], arb: fc.boolean().map((b) => ({ exists: b })) },
];

const NUMBER_CONDITIONS: readonly Tagged[] = [
  { ops: ['exact'], arb: number },
  { ops: ['numeric'], arb: fc.tuple(numericOp, number).map(([op, n]) => ({ numeric: [op, n] })) },
  {
    ops: ['numeric'],
    arb: fc
      .record({ a: number, b: number, openLow: fc.boolean(), openHigh: fc.boolean() })
      // Bottom must be below top: equal draws make the range [a, a + 1].
      .map(({ a, b, openLow, openHigh }) => ({ numeric: [openLow ? '>' : '>=', Math.min(a, b), openHigh ? '<' : '<=', a === b ? a + 1 : Math.max(a, b)] })),
  },
  { ops: ['anything-but'], arb: oneOrList(number).map((x) => ({ 'anything-but': x })) },
  { ops: ['exists'], arb: fc.boolean().map((b) => ({ exists: b })) },
];

const IP_CONDITIONS: readonly Tagged[] = [
  { ops: ['exact'], arb: fc.constantFrom(...IPV4S, ...IPV6S) },
  { ops: ['cidr'], arb: fc.constantFrom(...CIDRS).map((c) => ({ cidr: c })) },
  { ops: ['anything-but'], arb: oneOrList(fc.constantFrom(...IPV4S)).map((x) => ({ 'anything-but': x })) },
  { ops: ['exists'], arb: fc.boolean().map((b) => ({ exists: b })) },
];

const BOOLEAN_CONDITIONS: readonly Tagged[] = [
  { ops: ['exact'], arb: fc.constantFrom<JsonValue>(true, false, null) },
  { ops: ['exists'], arb: fc.boolean().map((b) => ({ exists: b })) },
];

const BY_KIND: readonly [FieldKind, readonly Tagged[]][] = [
  ['string', STRING_CONDITIONS],
  ['number', NUMBER_CONDITIONS],
  ['ip', IP_CONDITIONS],
  ['boolean', BOOLEAN_CONDITIONS],
];

function allowed(list: readonly Tagged[], ops: readonly PatternOperator[]): fc.Arbitrary<JsonValue>[] {
  return list.filter((t) => t.ops.every((o) => ops.includes(o))).map((t) => t.arb);
}

/** A field of some kind with 1..max conditions; null when the operators allow no field at all. */
export function fieldShape(o: ShapeOptions): fc.Arbitrary<FieldShape> | null {
  const kinds: fc.Arbitrary<FieldShape>[] = [];
  for (const [kind, list] of BY_KIND) {
    const conds = allowed(list, o.operators);
    if (conds.length === 0) continue;
    const cond = conds.length === 1 ? conds[0] : fc.oneof({ withCrossShrink: true }, ...conds);
    kinds.push(fc.array(cond, { minLength: 1, maxLength: o.maxValuesPerField }).map((conditions) => ({ kind, conditions })));
  }
  if (kinds.length === 0) return null;
  return kinds.length === 1 ? kinds[0] : fc.oneof({ withCrossShrink: true }, ...kinds);
}

/** A node (object) of a pattern: at least one field, optional nested groups and `$or`, down to maxDepth. */
export function nodeShape(field: fc.Arbitrary<FieldShape>, o: ShapeOptions, depth: number): fc.Arbitrary<NodeShape> {
  const fields = fc.array(field, { minLength: 1, maxLength: o.maxFieldsPerNode });
  if (depth <= 0) return fields.map((f) => ({ fields: f, groups: [], or: null }));
  const sub = nodeShape(field, o, depth - 1);
  return fc.record({
    fields,
    groups: fc.array(sub, { maxLength: 1 }),
    or: o.or ? fc.option(fc.array(sub, { minLength: 2, maxLength: 3 }), { nil: null, freq: 2 }) : fc.constant(null),
  });
}

function envelopeShape(name: EnvelopeField, ops: readonly PatternOperator[]): fc.Arbitrary<EnvelopeShape> | null {
  const value = fc.constantFrom(...ENVELOPE_VALUES[name]);
  const cut = fc.tuple(value, fc.integer({ min: 1, max: 8 }));
  const conds = allowed(
    [
      { ops: ['exact'], arb: value },
      { ops: ['prefix'], arb: cut.map(([v, k]) => ({ prefix: v.slice(0, k) })) },
      { ops: ['suffix'], arb: cut.map(([v, k]) => ({ suffix: v.slice(-k) })) },
      { ops: ['equals-ignore-case'], arb: value.map((v) => ({ 'equals-ignore-case': flipCase(v) })) },
      { ops: ['anything-but'], arb: value.map((v) => ({ 'anything-but': v })) },
    ],
    ops,
  );
  if (conds.length === 0) return null;
  return fc.array(conds.length === 1 ? conds[0] : fc.oneof({ withCrossShrink: true }, ...conds), { minLength: 1, maxLength: 2 }).map((conditions) => ({ name, conditions }));
}

/** The whole shape: envelope fields (source, detail-type, region, account) and the `detail` node. */
export function patternShape(o: ShapeOptions): fc.Arbitrary<PatternShape> {
  const field = fieldShape(o);
  if (!field) throw new Error('no field kind is possible with these operators');
  const envelopeFields = o.envelope
    ? (Object.keys(ENVELOPE_VALUES) as EnvelopeField[]).map((n) => envelopeShape(n, o.operators)).filter((a): a is fc.Arbitrary<EnvelopeShape> => a !== null)
    : [];
  const envelope =
    envelopeFields.length > 0
      ? fc.uniqueArray(fc.oneof({ withCrossShrink: true }, ...envelopeFields), { maxLength: 2, selector: (e) => e.name })
      : fc.constant([] as EnvelopeShape[]);
  return fc.record({ envelope, detail: nodeShape(field, o, o.maxDepth) });
}
