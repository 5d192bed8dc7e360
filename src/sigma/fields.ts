/**
 * How a Sigma field name reaches into a CloudTrail record, and which texts a record value
 * offers to string matching.
 *
 * Field names are dotted paths into nested JSON (`userIdentity.sessionContext.sessionIssuer.type`).
 * Arrays met on the way are fanned out: `requestParameters.containerDefinitions.command`
 * yields every argument of every container's command. A key that itself contains dots
 * (records flattened by a pipeline) is tried before splitting: at each level the longest
 * literal key present wins. Only own properties count,
 * and a property whose value is `undefined` is absent, as it would be once serialised.
 */

/** What a path reaches in one record. */
export interface Resolved {
  /** The path exists (its last key is present, even if its value is null or an empty list). */
  readonly found: boolean;
  /** The values reached, arrays flattened (an empty array contributes nothing). */
  readonly values: readonly unknown[];
}

const NOT_FOUND: Resolved = { found: false, values: [] };

function ownValue(o: object, key: string): unknown {
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** Pushes `v`, or the elements of `v` (nested arrays flattened) if it is an array. Iterative: records may be deep. */
function pushFlat(out: unknown[], v: unknown): void {
  if (!Array.isArray(v)) {
    out.push(v);
    return;
  }
  const stack: unknown[][] = [v];
  const idx: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const arr = stack[top];
    if (idx[top] >= arr.length) {
      stack.pop();
      idx.pop();
      continue;
    }
    const e = arr[idx[top]++];
    if (Array.isArray(e)) {
      if (stack.length > 10_000 || stack.includes(e)) continue; // cyclic or absurdly deep: not JSON
      stack.push(e);
      idx.push(0);
    } else if (e !== undefined) {
      out.push(e);
    }
  }
}

/** A compiled field path: call it with a record. */
export type FieldPath = (record: unknown) => Resolved;

export function compileFieldPath(field: string): FieldPath {
  const parts = field.split('.');
  const n = parts.length;
  // keys[i]: the literal keys that can start at part i, longest first ([key, next part index]).
  // `a.b.c` tries "a.b.c", then "a.b", then "a", so partly flattened records resolve too.
  const keys: [string, number][][] = parts.map((_, i) => {
    const out: [string, number][] = [];
    for (let j = n; j > i; j--) out.push([parts.slice(i, j).join('.'), j]);
    return out;
  });
  const simple = (record: unknown): Resolved | undefined => {
    // The common case: plain nested objects, no arrays, no dotted keys on the way.
    let node = record;
    for (let i = 0; i < n; i++) {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
      if (i < n - 1 && keys[i].length > 1) {
        // A literal dotted key might exist here: leave it to the general walk.
        for (let k = 0; k < keys[i].length - 1; k++) if (Object.hasOwn(node, keys[i][k][0])) return undefined;
      }
      node = ownValue(node, parts[i]);
      if (node === undefined) return NOT_FOUND;
    }
    if (Array.isArray(node)) return undefined;
    return { found: true, values: [node] };
  };
  return (record) => {
    const quick = simple(record);
    if (quick) return quick;
    let found = false;
    const values: unknown[] = [];
    // Work list of (node, part index); arrays are fanned out where they are met.
    const work: [unknown, number][] = [[record, 0]];
    while (work.length > 0) {
      const [node, i] = work.pop()!;
      if (i === n) {
        found = true;
        pushFlat(values, node);
        continue;
      }
      if (Array.isArray(node)) {
        const elems: unknown[] = [];
        pushFlat(elems, node);
        for (let k = elems.length - 1; k >= 0; k--) work.push([elems[k], i]);
        continue;
      }
      if (typeof node !== 'object' || node === null) continue;
      for (const [key, next] of keys[i]) {
        const v = ownValue(node, key);
        if (v !== undefined) {
          work.push([v, next]);
          break; // the longest literal key wins
        }
      }
    }
    return found ? { found, values } : NOT_FOUND;
  };
}

/** Scalar text of a JSON scalar; undefined for null and non-JSON values. */
export function scalarText(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    default:
      return undefined;
  }
}

/**
 * The texts a value offers to string matchers: a scalar's text (numbers and booleans as
 * their JSON text, so `'true'` matches the JSON boolean `true`); for an object or array,
 * every nested scalar's text and then the compact JSON text of the whole. The JSON text is
 * what a SIEM that stores `requestParameters` as one string would match
 * (`requestParameters|contains: Suspended`); the nested texts let a quoted pattern such
 * as `'"s3:GetObject"'` match inside a policy document that is itself a JSON string.
 * null offers no text: it never equals a string.
 */
export function* textsOf(v: unknown): Generator<string> {
  const s = scalarText(v);
  if (s !== undefined) {
    yield s;
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  const seen = new Set<object>([v]);
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const cur = stack.pop();
    const t = scalarText(cur);
    if (t !== undefined) {
      yield t;
      continue;
    }
    if (typeof cur !== 'object' || cur === null) continue;
    const children = Array.isArray(cur) ? cur : Object.keys(cur).map((k) => (cur as Record<string, unknown>)[k]);
    for (let k = children.length - 1; k >= 0; k--) {
      const c = children[k];
      if (typeof c === 'object' && c !== null) {
        if (seen.has(c)) continue;
        seen.add(c);
      }
      stack.push(c);
    }
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(v);
  } catch {
    json = undefined; // cyclic, too deep, or BigInt: not JSON, so no JSON text
  }
  if (json !== undefined) yield json;
}

/** True when some text of some value passes `test`. */
export function someText(values: readonly unknown[], test: (text: string) => boolean): boolean {
  for (const v of values) {
    // Scalars are nearly every value: skip the generator for them.
    const s = scalarText(v);
    if (s !== undefined) {
      if (test(s)) return true;
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    for (const t of textsOf(v)) if (test(t)) return true;
  }
  return false;
}
