/**
 * The multi-rule matcher: one event against all rules at once.
 *
 * Design (after aws/event-ruler's state machine):
 *   - Paths (paths.ts). All rules' field paths form one trie; an event is walked once along
 *     it, collecting leaves per path with their array membership.
 *   - Fields. A field is a path plus the set of values it may match, interned: every rule that
 *     uses the same field shares it. Exact values are a hash set on the field; all non-exact
 *     conditions of a path sit in that path's PathIndex, evaluated at most once per event
 *     (lazily: only if some live state needs it).
 *   - States. Each alternative of a rule (after `$or` expansion) is a chain of fields in path
 *     order, and chains share their common prefixes: state --field--> state. Matching is a walk
 *     from the start state that follows a transition when its field matches a collected leaf
 *     (or, for `exists: false`, when no leaf is there); reaching a state that ends a chain
 *     matches its rules. Only states whose whole prefix matched are ever visited, so the work
 *     grows with the number of partially matching rules, not with the number of rules. A state
 *     with many transitions on one path (e.g. thousands of `eventName` lists) is a hub: it
 *     indexes its transitions by exact value, so it costs one lookup per leaf. Matching is
 *     bound by memory reads, so what a visit reads is kept flat on the state: its first
 *     transition is copied inline, and a field of one exact value is compared inline.
 *   - Arrays. As event-ruler's `rulesForJSONEvent`, a match may not take two fields from
 *     different elements of the same array ("array-consistent" matching); `exists: false` is
 *     judged against the leaves consistent with the fields matched before it in path order.
 *
 * Rules are added and removed incrementally; reference counts free states, fields, paths and
 * index entries no rule uses any more.
 */

import { InvalidEventPatternException, ValidationException } from '../../core/errors.js';
import { compilePattern, isCompiledPattern } from './compile.js';
import { EventPaths, type Membership, type Slot as PathSlot } from './paths.js';
import type { CompiledPattern, Condition, LeafValue, PatternField, PatternSource } from './types.js';
import { invalidEventPattern, type PatternLimits } from './validate.js';

type Slot = PathSlot<Field>;

/** More value transitions than this on one path make a state a hub for that path. */
const HUB_THRESHOLD = 8;

class Field {
  readonly exact: ReadonlySet<LeafValue> | null;
  readonly others: readonly Condition[];
  readonly absentOk: boolean;
  /** The field is one exact value and nothing else: transitions compare leaves with it inline. */
  readonly single: boolean;
  readonly singleValue: LeafValue;
  refs = 0;
  /**
   * Event in which a non-exact condition of this field last matched a leaf of its path, and
   * which leaves (the first hitCount). Exact values are checked on `exact` directly.
   */
  hitEpoch = 0;
  hitCount = 0;
  readonly hitLeaves: number[] = [];

  constructor(
    readonly slot: Slot,
    readonly spec: PatternField,
  ) {
    const exact: LeafValue[] = [];
    const others: Condition[] = [];
    let absentOk = false;
    for (const c of spec.conditions) {
      if (c.kind === 'equals') exact.push(c.value);
      else if (c.kind === 'exists' && !c.exists) absentOk = true;
      else others.push(c);
    }
    this.exact = exact.length > 0 ? new Set(exact) : null;
    this.others = others;
    this.absentOk = absentOk;
    this.single = exact.length === 1 && others.length === 0;
    this.singleValue = this.single ? (exact[0] as LeafValue) : null;
  }

  get hasValues(): boolean {
    return this.exact !== null || this.others.length > 0;
  }
}

/** A transition: from a state, on a field of a path, to the next state. */
class Edge {
  refs = 0;
  readonly single: boolean;
  readonly value: LeafValue;

  constructor(
    readonly slot: Slot,
    readonly field: Field,
    readonly target: State,
  ) {
    this.single = field.single;
    this.value = field.singleValue;
  }
}

/** A state's many value transitions on one path, indexed by exact value. */
class Hub {
  /** Exact value → the states its edges lead to. */
  readonly byValue = new Map<LeafValue, State[]>();
  /** Edges whose field has non-exact conditions, in a list and by field. */
  readonly others: Edge[] = [];
  readonly otherByField = new Map<Field, Edge>();

  constructor(readonly slot: Slot) {}
}

/** Book-keeping of a state's transitions on one path (used when rules change, not when matching). */
class Trans {
  readonly edges = new Map<Field, Edge>();
  valueEdges = 0;
  hub: Hub | null = null;
}

class Rule {
  hitEpoch = 0;
  constructor(
    readonly name: string,
    readonly seq: number,
    readonly pattern: CompiledPattern,
  ) {}
}

/**
 * A state. What matching reads is kept flat on the state (few pointers to chase per visit):
 * the rules it completes, its value edges, its hubs and its `exists: false` edges.
 */
class State {
  terminals: Rule[] | null = null;
  /** The first value edge, copied inline (most states have just one); firstSlot null when none. */
  firstSlot: Slot | null = null;
  firstSingle = false;
  firstValue: LeafValue = null;
  firstField: Field | null = null;
  firstTarget: State | null = null;
  firstEdge: Edge | null = null;
  /** Further value edges. */
  edges: Edge[] | null = null;
  hubs: Hub[] | null = null;
  absent: Edge[] | null = null;
  visitEpoch = 0;
  /** Build-time book-keeping. */
  trans: Map<Slot, Trans> | null = null;
  ends: Map<Rule, number> | null = null;

  constructor(readonly id: number) {}
}

function mergeMembership(a: readonly number[], b: readonly number[]): readonly number[] | null {
  let out: number[] | null = null;
  for (let j = 0; j < b.length; j += 2) {
    const id = b[j] as number;
    let found = false;
    for (let i = 0; i < a.length; i += 2) {
      if (a[i] === id) {
        if (a[i + 1] !== b[j + 1]) return null;
        found = true;
        break;
      }
    }
    if (!found) (out ??= a.slice()).push(id, b[j + 1] as number);
  }
  return out ?? a;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

function removeFrom<V>(list: V[], v: V): void {
  const i = list.indexOf(v);
  if (i >= 0) list.splice(i, 1);
}

function removeFromMap<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (!list) return;
  removeFrom(list, v);
  if (list.length === 0) map.delete(key);
}

/** Options of a matcher. */
export interface MatcherOptions {
  /** Limits applied to each rule's pattern. @defaultValue no size limit */
  readonly limits?: PatternLimits;
}

/** Matches events against a set of named rules. */
export interface EventMatcher {
  /** Names of the rules the event matches, in the order the rules were first added. */
  match(event: object | string): string[];
  /**
   * Adds a rule, or replaces the pattern of an existing one (which keeps its place in the order).
   * Throws InvalidEventPatternException (naming the rule) and changes nothing when the pattern is invalid.
   */
  add(name: string, pattern: PatternSource | CompiledPattern): void;
  /** Removes a rule; false when there was none of that name. */
  remove(name: string): boolean;
  has(name: string): boolean;
  /** Rule names in order. */
  names(): string[];
  readonly size: number;
}

/** Compiles a rule's pattern; an invalid one throws with the rule's name in the message. */
export function compileRule(name: string, pattern: PatternSource | CompiledPattern, limits: PatternLimits = {}): CompiledPattern {
  if (isCompiledPattern(pattern)) return pattern;
  try {
    return compilePattern(pattern, limits);
  } catch (e) {
    if (e instanceof InvalidEventPatternException) throw invalidEventPatternOfRule(name, e);
    throw e;
  }
}

function invalidEventPatternOfRule(name: string, e: InvalidEventPatternException): InvalidEventPatternException {
  const reason = e.message.replace(/^Event pattern is not valid\. Reason: /, '');
  return invalidEventPattern(`${reason} (rule ${JSON.stringify(name)})`, e);
}

/** The event as an object; a JSON string is parsed (bad JSON: "Parameter Event is not valid."). */
export function eventObject(event: object | string): object {
  if (typeof event !== 'string') return event;
  let parsed: unknown;
  try {
    parsed = JSON.parse(event);
  } catch (e) {
    throw new ValidationException('Parameter Event is not valid.', { cause: e });
  }
  return typeof parsed === 'object' && parsed !== null ? parsed : {};
}

/** The state machine behind createMatcher. */
export class RuleMachine implements EventMatcher {
  private readonly rules = new Map<string, Rule>();
  private readonly paths = new EventPaths<Field>();
  private nextStateId = 0;
  private readonly root = this.newState();
  private seq = 0;

  private epoch = 0;
  private readonly matched: Rule[] = [];
  private matchedCount = 0;
  private readonly seenMembership = new Set<string>();
  /** Records a field's match of a leaf during a path's evaluation (one closure for the machine's life). */
  private readonly hit = (f: Field, leaf: number): void => {
    if (f.hitEpoch !== this.epoch) {
      f.hitEpoch = this.epoch;
      f.hitCount = 0;
      const slot = f.slot;
      slot.hits[slot.hitCount++] = f;
    }
    const n = f.hitCount;
    if (n === 0 || f.hitLeaves[n - 1] !== leaf) f.hitLeaves[f.hitCount++] = leaf;
  };

  constructor(private readonly options: MatcherOptions = {}) {}

  get size(): number {
    return this.rules.size;
  }

  has(name: string): boolean {
    return this.rules.has(name);
  }

  names(): string[] {
    return [...this.rules.values()].sort((a, b) => a.seq - b.seq).map((r) => r.name);
  }

  add(name: string, pattern: PatternSource | CompiledPattern): void {
    const compiled = compileRule(name, pattern, this.options.limits);
    const old = this.rules.get(name);
    if (old) this.detach(old);
    const rule = new Rule(name, old ? old.seq : this.seq++, compiled);
    this.rules.set(name, rule);
    for (const alt of compiled.alternatives) this.insert(rule, alt);
  }

  remove(name: string): boolean {
    const rule = this.rules.get(name);
    if (!rule) return false;
    this.detach(rule);
    this.rules.delete(name);
    return true;
  }

  match(event: object | string): string[] {
    const obj = eventObject(event);
    const epoch = ++this.epoch;
    this.matchedCount = 0;
    if (this.seenMembership.size > 0) this.seenMembership.clear();
    this.paths.collect(obj, epoch);
    this.visit(this.root, null, epoch);
    const count = this.matchedCount;
    if (count === 0) return [];
    const rules = this.matched.slice(0, count);
    if (count > 1) rules.sort(bySeq);
    const names = new Array<string>(count);
    for (let i = 0; i < count; i++) names[i] = (rules[i] as Rule).name;
    return names;
  }

  /** Finds, once per event, the fields of the path whose non-exact conditions its leaves match. */
  private evaluate(slot: Slot): void {
    const epoch = this.epoch;
    if (slot.evalEpoch === epoch) return;
    slot.evalEpoch = epoch;
    slot.hitCount = 0;
    if (!slot.index.isEmpty) slot.index.evaluate(slot.values, slot.count, this.hit);
  }

  // ---------------------------------------------------------------- automaton walk

  private visit(state: State, mem: Membership, epoch: number): void {
    if (state.visitEpoch === epoch) return;
    if (mem === null) state.visitEpoch = epoch;
    else {
      const key = `${state.id}|${mem.join(',')}`;
      if (this.seenMembership.has(key)) return;
      this.seenMembership.add(key);
    }
    const terminals = state.terminals;
    if (terminals !== null) {
      for (let i = 0; i < terminals.length; i++) {
        const rule = terminals[i] as Rule;
        if (rule.hitEpoch !== epoch) {
          rule.hitEpoch = epoch;
          this.matched[this.matchedCount++] = rule;
        }
      }
    }
    const first = state.firstSlot;
    if (first !== null && first.epoch === epoch) {
      if (state.firstSingle) this.followValue(first, state.firstValue, state.firstTarget as State, mem, epoch);
      else this.followField(state.firstField as Field, state.firstTarget as State, mem, epoch);
    }
    const edges = state.edges;
    if (edges !== null) {
      for (let k = 0; k < edges.length; k++) {
        const e = edges[k] as Edge;
        const slot = e.slot;
        if (slot.epoch !== epoch) continue;
        if (e.single) this.followValue(slot, e.value, e.target, mem, epoch);
        else this.followField(e.field, e.target, mem, epoch);
      }
    }
    const hubs = state.hubs;
    if (hubs !== null) for (let k = 0; k < hubs.length; k++) this.followHub(hubs[k] as Hub, mem, epoch);
    const absent = state.absent;
    if (absent !== null) {
      for (let k = 0; k < absent.length; k++) {
        const e = absent[k] as Edge;
        const slot = e.slot;
        if (!slot.present(epoch) || !this.anyConsistent(slot, mem)) this.visit(e.target, mem, epoch);
      }
    }
  }

  /** Follows an edge whose field is one exact value, for each leaf equal to it. */
  private followValue(slot: Slot, value: LeafValue, target: State, mem: Membership, epoch: number): void {
    const values = slot.values;
    for (let i = 0; i < slot.count; i++) {
      if (values[i] === value) {
        const leafMem = slot.members[i] as Membership;
        this.follow(target, leafMem, mem, epoch);
        if (leafMem === null) return; // later leaves can only add constraints
      }
    }
  }

  /** Follows an edge for each leaf its field matches (exact values, then other conditions). */
  private followField(f: Field, target: State, mem: Membership, epoch: number): void {
    const slot = f.slot;
    if (f.others.length > 0) this.evaluate(slot);
    const exact = f.exact;
    const other = f.hitEpoch === epoch;
    for (let i = 0; i < slot.count; i++) {
      if ((exact !== null && exact.has(slot.values[i] as LeafValue)) || (other && hitsLeaf(f, i))) {
        const leafMem = slot.members[i] as Membership;
        this.follow(target, leafMem, mem, epoch);
        if (leafMem === null) return; // later leaves can only add constraints
      }
    }
  }

  private followHub(hub: Hub, mem: Membership, epoch: number): void {
    const slot = hub.slot;
    if (slot.epoch !== epoch) return;
    const byValue = hub.byValue;
    for (let i = 0; i < slot.count; i++) {
      const targets = byValue.get(slot.values[i] as LeafValue);
      if (targets === undefined) continue;
      const leafMem = slot.members[i] as Membership;
      for (let k = 0; k < targets.length; k++) this.follow(targets[k] as State, leafMem, mem, epoch);
    }
    const others = hub.others;
    if (others.length === 0) return;
    this.evaluate(slot);
    const hits = slot.hits;
    if (others.length <= slot.hitCount) {
      for (let k = 0; k < others.length; k++) {
        const e = others[k] as Edge;
        if (e.field.hitEpoch === epoch) this.followHits(e.field, e.target, mem, epoch);
      }
    } else {
      // Fewer matched fields on the path than such edges here: look the matched ones up.
      for (let k = 0; k < slot.hitCount; k++) {
        const e = hub.otherByField.get(hits[k] as Field);
        if (e !== undefined) this.followHits(e.field, e.target, mem, epoch);
      }
    }
  }

  private followHits(field: Field, target: State, mem: Membership, epoch: number): void {
    const leaves = field.hitLeaves;
    const members = field.slot.members;
    for (let i = 0; i < field.hitCount; i++) {
      const leafMem = members[leaves[i] as number] as Membership;
      this.follow(target, leafMem, mem, epoch);
      if (leafMem === null) break;
    }
  }

  private follow(target: State, leafMem: Membership, mem: Membership, epoch: number): void {
    if (leafMem === null) {
      this.visit(target, mem, epoch);
      return;
    }
    if (mem === null) {
      this.visit(target, leafMem, epoch);
      return;
    }
    const merged = mergeMembership(mem, leafMem);
    if (merged !== null) this.visit(target, merged, epoch);
  }

  /** Whether some leaf of the path can be taken together with the fields matched so far. */
  private anyConsistent(slot: Slot, mem: Membership): boolean {
    if (mem === null) return slot.count > 0;
    for (let i = 0; i < slot.count; i++) {
      const m = slot.members[i] as Membership;
      if (m === null || mergeMembership(mem, m) !== null) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- building

  private newState(): State {
    return new State(this.nextStateId++);
  }

  private fieldFor(spec: PatternField): Field {
    const slot = this.paths.slot(spec.path);
    let field = slot.fields.get(spec.key);
    if (!field) {
      field = new Field(slot, spec);
      slot.fields.set(spec.key, field);
      for (const c of field.others) slot.index.add(c, field);
    }
    field.refs++;
    return field;
  }

  private releaseField(field: Field): void {
    if (--field.refs > 0) return;
    const slot = field.slot;
    slot.fields.delete(field.spec.key);
    for (const c of field.others) slot.index.remove(c, field);
    if (slot.fields.size === 0) this.paths.release(slot);
  }

  private insert(rule: Rule, fields: readonly PatternField[]): void {
    let state = this.root;
    for (const spec of fields) {
      const field = this.fieldFor(spec);
      state.trans ??= new Map();
      let tr = state.trans.get(field.slot);
      if (!tr) state.trans.set(field.slot, (tr = new Trans()));
      let edge = tr.edges.get(field);
      if (!edge) {
        edge = new Edge(field.slot, field, this.newState());
        this.addEdge(state, tr, edge);
      }
      edge.refs++;
      state = edge.target;
    }
    state.ends ??= new Map();
    state.ends.set(rule, (state.ends.get(rule) ?? 0) + 1);
    state.terminals = [...state.ends.keys()];
  }

  private addEdge(state: State, tr: Trans, e: Edge): void {
    tr.edges.set(e.field, e);
    const f = e.field;
    if (f.absentOk) (state.absent ??= []).push(e);
    if (!f.hasValues) return;
    tr.valueEdges++;
    if (tr.hub !== null) {
      addToHub(tr.hub, e);
    } else if (tr.valueEdges > HUB_THRESHOLD) {
      // Many transitions on one path: move them from the state's edge list into a hub.
      const hub = new Hub(e.slot);
      for (const edge of tr.edges.values()) {
        if (!edge.field.hasValues) continue;
        if (edge !== e) unplaceValueEdge(state, edge);
        addToHub(hub, edge);
      }
      tr.hub = hub;
      (state.hubs ??= []).push(hub);
    } else {
      placeValueEdge(state, e);
    }
  }

  private removeEdge(state: State, tr: Trans, e: Edge): void {
    tr.edges.delete(e.field);
    const f = e.field;
    if (f.absentOk && state.absent) {
      removeFrom(state.absent, e);
      if (state.absent.length === 0) state.absent = null;
    }
    if (!f.hasValues) return;
    tr.valueEdges--;
    if (tr.hub !== null) {
      const hub = tr.hub;
      if (f.exact) for (const v of f.exact) removeFromMap(hub.byValue, v, e.target);
      removeFrom(hub.others, e);
      hub.otherByField.delete(f);
      if (tr.valueEdges === 0 && state.hubs) {
        removeFrom(state.hubs, hub);
        if (state.hubs.length === 0) state.hubs = null;
        tr.hub = null;
      }
    } else {
      unplaceValueEdge(state, e);
    }
  }

  private detach(rule: Rule): void {
    for (const alt of rule.pattern.alternatives) this.withdraw(rule, alt);
  }

  private withdraw(rule: Rule, fields: readonly PatternField[]): void {
    const chain: { state: State; tr: Trans; edge: Edge }[] = [];
    let state = this.root;
    for (const spec of fields) {
      const slot = this.paths.get(spec.path) as Slot;
      const field = slot.fields.get(spec.key) as Field;
      const tr = (state.trans as Map<Slot, Trans>).get(slot) as Trans;
      const edge = tr.edges.get(field) as Edge;
      chain.push({ state, tr, edge });
      state = edge.target;
    }
    const ends = state.ends as Map<Rule, number>;
    const n = (ends.get(rule) as number) - 1;
    if (n > 0) ends.set(rule, n);
    else ends.delete(rule);
    state.terminals = ends.size > 0 ? [...ends.keys()] : null;
    if (ends.size === 0) state.ends = null;
    for (const { state: from, tr, edge } of chain) {
      if (--edge.refs === 0) {
        this.removeEdge(from, tr, edge);
        if (tr.edges.size === 0) {
          (from.trans as Map<Slot, Trans>).delete(edge.slot);
          if (from.trans?.size === 0) from.trans = null;
        }
      }
      this.releaseField(edge.field);
    }
  }

  /** Internal counts, for tests of the reference counting. */
  stats(): { rules: number; paths: number; fields: number; pathNodes: number } {
    let fields = 0;
    for (const slot of this.paths.values()) fields += slot.fields.size;
    return { rules: this.rules.size, paths: this.paths.size, fields, pathNodes: this.paths.nodeCount() };
  }
}

function hitsLeaf(f: Field, leaf: number): boolean {
  const leaves = f.hitLeaves;
  for (let i = 0; i < f.hitCount; i++) if (leaves[i] === leaf) return true;
  return false;
}

function bySeq(a: Rule, b: Rule): number {
  return a.seq - b.seq;
}

/** Puts a value edge inline in the state if its inline slot is free, else in its list. */
function placeValueEdge(state: State, e: Edge): void {
  if (state.firstEdge === null) {
    state.firstEdge = e;
    state.firstSlot = e.slot;
    state.firstSingle = e.single;
    state.firstValue = e.value;
    state.firstField = e.field;
    state.firstTarget = e.target;
  } else (state.edges ??= []).push(e);
}

function unplaceValueEdge(state: State, e: Edge): void {
  if (state.firstEdge === e) {
    state.firstEdge = null;
    state.firstSlot = null;
    state.firstField = null;
    state.firstTarget = null;
    state.firstValue = null;
    state.firstSingle = false;
    const next = state.edges?.pop();
    if (state.edges?.length === 0) state.edges = null;
    if (next) placeValueEdge(state, next);
  } else if (state.edges) {
    removeFrom(state.edges, e);
    if (state.edges.length === 0) state.edges = null;
  }
}

function addToHub(hub: Hub, e: Edge): void {
  const f = e.field;
  if (f.exact) for (const v of f.exact) addTo(hub.byValue, v, e.target);
  if (f.others.length > 0) {
    hub.others.push(e);
    hub.otherByField.set(f, e);
  }
}

/**
 * A matcher for a set of named rules (names → patterns). Every pattern is validated and
 * compiled first: an invalid one throws InvalidEventPatternException naming the rule, and no
 * matcher is made.
 */
export function createMatcher(rules: Readonly<Record<string, PatternSource | CompiledPattern>>, options: MatcherOptions = {}): EventMatcher {
  const compiled = Object.entries(rules).map(([name, p]) => [name, compileRule(name, p, options.limits)] as const);
  const machine = new RuleMachine(options);
  for (const [name, p] of compiled) machine.add(name, p);
  return machine;
}
