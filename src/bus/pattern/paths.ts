/**
 * The field paths rules name, as a trie over path segments, and the walk that collects an
 * event's leaves at those paths.
 *
 * event-ruler joins nested names with "." (so `{"a": {"b": 1}}` and `{"a.b": 1}` are the same
 * field "a.b", in events as in patterns); splitting paths at "." and event keys that contain "."
 * gives the same segments. The walk descends only into keys some rule names, so its cost is
 * what the rules' paths touch, not the event's size. Leaves are strings, numbers, booleans and
 * null; array elements are leaves one by one, each with its array membership: the (array,
 * index) pairs of the arrays around it, which array-consistent matching compares.
 */

import { PathIndex } from './path-index.js';
import type { LeafValue } from './types.js';

/** Array membership of a leaf: pairs (array id, element index), outermost first; null outside arrays. */
export type Membership = readonly number[] | null;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A path some rule names: its fields (F, owned by the matcher), the index of their non-exact
 * conditions, and the leaves the current event has there.
 */
export class Slot<F> {
  readonly fields = new Map<string, F>();
  readonly index = new PathIndex<F>();
  /** Event whose leaves `values` / `members` hold (the first `count`). */
  epoch = 0;
  count = 0;
  readonly values: LeafValue[] = [];
  readonly members: Membership[] = [];
  /** Event in which `index` was last evaluated, and the fields it matched (the first hitCount). */
  evalEpoch = 0;
  readonly hits: F[] = [];
  hitCount = 0;

  constructor(
    readonly path: string,
    readonly node: PathNode<F>,
  ) {}

  /** Whether the current event has a leaf here. */
  present(epoch: number): boolean {
    return this.epoch === epoch && this.count > 0;
  }
}

class PathNode<F> {
  children: Map<string, PathNode<F>> | null = null;
  slot: Slot<F> | null = null;

  constructor(
    readonly parent: PathNode<F> | null,
    readonly segment: string,
  ) {}
}

export type { PathNode };

/** All paths of a matcher, and the leaf collection for one event at a time. */
export class EventPaths<F> {
  private readonly root = new PathNode<F>(null, '');
  private readonly slots = new Map<string, Slot<F>>();
  private epoch = 0;
  private arrays = 0;

  get size(): number {
    return this.slots.size;
  }

  get(path: string): Slot<F> | undefined {
    return this.slots.get(path);
  }

  values(): IterableIterator<Slot<F>> {
    return this.slots.values();
  }

  /** The slot of a path, created (with its trie nodes) if needed. */
  slot(path: string): Slot<F> {
    let slot = this.slots.get(path);
    if (slot) return slot;
    let node = this.root;
    for (const seg of path.split('.')) {
      node.children ??= new Map();
      let child = node.children.get(seg);
      if (!child) node.children.set(seg, (child = new PathNode(node, seg)));
      node = child;
    }
    slot = new Slot(path, node);
    node.slot = slot;
    this.slots.set(path, slot);
    return slot;
  }

  /** Drops a slot and the trie nodes only it needed. */
  release(slot: Slot<F>): void {
    this.slots.delete(slot.path);
    let node: PathNode<F> | null = slot.node;
    node.slot = null;
    while (node !== null && node.parent !== null && node.slot === null && (node.children === null || node.children.size === 0)) {
      const parent: PathNode<F> = node.parent;
      (parent.children as Map<string, PathNode<F>>).delete(node.segment);
      if (parent.children?.size === 0) parent.children = null;
      node = parent;
    }
  }

  /** Number of trie nodes (for tests of clean-up). */
  nodeCount(): number {
    let n = 0;
    const count = (node: PathNode<F>): void => {
      if (node.children) for (const c of node.children.values()) (n++, count(c));
    };
    count(this.root);
    return n;
  }

  /** Collects the event's leaves into the slots, tagged with `epoch` (slots it has no leaf in keep an older epoch). */
  collect(event: object, epoch: number): void {
    this.epoch = epoch;
    this.arrays = 0;
    if (this.root.children !== null && !Array.isArray(event)) this.walkObject(event as Record<string, unknown>, this.root, null);
  }

  private walkObject(obj: Record<string, unknown>, node: PathNode<F>, mem: Membership): void {
    const children = node.children as Map<string, PathNode<F>>;
    for (const key in obj) {
      // Own properties only, as JSON.stringify sees them (V8 keeps this check cheap in for-in).
      if (!hasOwn.call(obj, key)) continue;
      let child = children.get(key);
      if (child === undefined) {
        // "a.b" in an event is the field a → b.
        if (key.indexOf('.') < 0) continue;
        child = this.dotted(node, key);
        if (child === undefined) continue;
      }
      this.walkValue(obj[key], child, mem);
    }
  }

  private dotted(node: PathNode<F>, key: string): PathNode<F> | undefined {
    let n: PathNode<F> | undefined = node;
    for (const seg of key.split('.')) {
      n = n.children?.get(seg);
      if (n === undefined) return undefined;
    }
    return n;
  }

  private walkValue(v: unknown, node: PathNode<F>, mem: Membership): void {
    switch (typeof v) {
      case 'string':
      case 'number':
      case 'boolean':
        if (node.slot !== null) this.record(node.slot, v, mem);
        return;
      case 'object':
        if (v === null) {
          if (node.slot !== null) this.record(node.slot, null, mem);
        } else if (Array.isArray(v)) {
          const id = ++this.arrays;
          for (let i = 0; i < v.length; i++) this.walkValue(v[i], node, mem === null ? [id, i] : [...mem, id, i]);
        } else if (node.children !== null) {
          this.walkObject(v as Record<string, unknown>, node, mem);
        }
        return;
      default:
      // undefined, functions, symbols, bigints are not JSON values: absent.
    }
  }

  private record(slot: Slot<F>, v: LeafValue, mem: Membership): void {
    if (slot.epoch !== this.epoch) {
      slot.epoch = this.epoch;
      slot.count = 0;
    }
    slot.values[slot.count] = v;
    slot.members[slot.count] = mem;
    slot.count++;
  }
}
