/**
 * Wildcard complexity: EventBridge rejects a rule whose wildcards could keep too many partial
 * matches alive at once ("Rule is too complex - try using fewer wildcard characters or fewer
 * repeating character sequences after a wildcard character"; EventBridge user guide,
 * "Wildcard matching", complexity).
 *
 * event-ruler measures this with MachineComplexityEvaluator: over the byte automaton that holds
 * all wildcard values one field is matched against at one point of a rule, the largest number
 * of wildcard patterns reachable from the set of states some input can be in at once. This
 * module builds the same shape of automaton (a shared literal prefix up to the first `*`, one
 * self-looping state per `*`, a literal after a `*` reachable both from the `*` state and from
 * the state before it, the value's enclosing quotes as bytes) and explores its reachable state
 * sets. A limit of 10 reproduces what AWS answers: `*:*:*:*:*:event-bus/*` (11) is rejected,
 * while `/Users/*` followed by `/dir/dir/dir/dir/dir/doc.txt` (7), and four `*.ext` values on
 * one field (8), are accepted; four values of the form `*` `/dir/` `*.ext` on one field (16)
 * are rejected (the last two are from a rule split reported in a public Terraform module).
 */

import type { Wildcard } from './wildcard.js';

/** The largest accepted complexity. */
export const WILDCARD_COMPLEXITY_LIMIT = 10;
/** Exploring more state sets than this counts as too complex (keeps validation bounded). */
const MAX_STATE_SETS = 20_000;

/** One wildcard-bearing pattern: a `wildcard` value or an `anything-but` wildcard list. */
export interface ComplexityTerm {
  /** Equal terms share their final state and count once. */
  readonly identity: string;
  readonly wildcards: readonly Wildcard[];
}

const STAR = -1;
const encoder = new TextEncoder();

function tokens(w: Wildcard): number[] {
  const out = [0x22];
  w.pieces.forEach((piece, i) => {
    if (i > 0) out.push(STAR);
    for (const b of encoder.encode(piece)) out.push(b);
  });
  out.push(0x22);
  return out;
}

interface State {
  readonly literal: Map<number, number[]>;
  readonly any: number[];
  readonly weight: Set<string>;
  readonly prefix: Map<number, number>;
  star: number;
}

function newState(): State {
  return { literal: new Map(), any: [], weight: new Set(), prefix: new Map(), star: 0 };
}

// Rule sets repeat the same wildcard groups; the result depends only on the terms.
const memo = new Map<string, number>();
const MEMO_SIZE = 1000;

/** The complexity of the automaton holding these terms (capped just above the limit). */
export function wildcardComplexity(terms: readonly ComplexityTerm[]): number {
  const key = JSON.stringify(terms.map((t) => [t.identity, t.wildcards.map((w) => w.source)]));
  const known = memo.get(key);
  if (known !== undefined) return known;
  const result = evaluate(terms);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, result);
  return result;
}

function evaluate(terms: readonly ComplexityTerm[]): number {
  const states: State[] = [newState()];
  const finals = new Map<string, number>();
  const alphabet = new Set<number>();
  const make = (): number => states.push(newState()) - 1;
  const addLiteral = (from: number, b: number, to: number): void => {
    const s = states[from] as State;
    const list = s.literal.get(b);
    if (list) list.push(to);
    else s.literal.set(b, [to]);
    alphabet.add(b);
  };
  for (const term of terms) {
    for (const w of term.wildcards) {
      const toks = tokens(w);
      let cur = 0;
      let prev = -1;
      let determinate = true;
      for (let i = 0; i < toks.length; i++) {
        const tok = toks[i] as number;
        const terminal = i === toks.length - 1;
        const curState = states[cur] as State;
        let next = 0;
        if (terminal) next = finals.get(term.identity) ?? 0;
        else if (tok === STAR) {
          if (determinate) next = curState.star;
        } else if (determinate) next = curState.prefix.get(tok) ?? 0;
        const created = next === 0;
        if (created) {
          next = make();
          if (terminal) finals.set(term.identity, next);
          else if (tok === STAR) {
            if (determinate) curState.star = next;
          } else if (determinate) curState.prefix.set(tok, next);
        }
        if (tok === STAR) {
          determinate = false;
          const star = states[next] as State;
          if (star.any.length === 0) {
            curState.any.push(next);
            star.any.push(next);
          }
        } else if (terminal || created) {
          addLiteral(cur, tok, next);
          if (i > 0 && toks[i - 1] === STAR) addLiteral(prev, tok, next);
        }
        (states[next] as State).weight.add(term.identity);
        prev = cur;
        cur = next;
      }
    }
  }
  if (states.length === 1) return 0;
  const symbols = [STAR, ...alphabet]; // STAR stands for any byte with no literal transition
  const seen = new Set<string>();
  const pending: number[][] = [[0]];
  let max = 0;
  while (pending.length > 0) {
    const active = pending.pop() as number[];
    for (const b of symbols) {
      const next = new Set<number>();
      for (const id of active) {
        const s = states[id] as State;
        for (const n of s.any) next.add(n);
        if (b !== STAR) {
          const lit = s.literal.get(b);
          if (lit) for (const n of lit) next.add(n);
        }
      }
      if (next.size === 0) continue;
      let complexity = 0;
      for (const id of next) {
        const s = states[id] as State;
        complexity += s.weight.size;
        for (const w of s.any) if (!next.has(w)) complexity += (states[w] as State).weight.size;
      }
      if (complexity > WILDCARD_COMPLEXITY_LIMIT) return complexity;
      if (complexity > max) max = complexity;
      const list = [...next].sort((x, y) => x - y);
      const key = list.join(',');
      if (!seen.has(key)) {
        if (seen.size >= MAX_STATE_SETS) return WILDCARD_COMPLEXITY_LIMIT + 1;
        seen.add(key);
        pending.push(list);
      }
    }
  }
  return max;
}
