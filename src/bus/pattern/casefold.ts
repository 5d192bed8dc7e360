/**
 * `equals-ignore-case` and its prefix / suffix / anything-but forms.
 *
 * event-ruler expands each UTF-16 unit c of the pattern into the alternatives
 * c.toLowerCase(Locale.ROOT) and c.toUpperCase(Locale.ROOT) (EqualsIgnoreCaseParser); a value
 * matches when it is a concatenation of one alternative per pattern unit. That is not the
 * same as comparing lower-cased strings for a few characters (the Kelvin sign, title-case
 * digraphs, 'ß' whose upper case is "SS", final sigma), so:
 *   - `foldKey` gives an index key: equal keys are necessary for a match whenever the pattern
 *     is "plain" (every unit has one-unit lower/upper forms that map back to each other);
 *   - `equalsIgnoreCase` / `startsWithIgnoreCase` / `endsWithIgnoreCase` decide exactly, with a
 *     fast path for ASCII.
 */

const ASCII = /^[\x00-\x7f]*$/;

/** A context-free lower-casing (JS lower-cases a final capital sigma to 'ς'; event-ruler does not). */
export function foldKey(s: string): string {
  return (s.includes('\u03a3') ? s.replace(/\u03a3/g, '\u03c3') : s).toLowerCase();
}

const plainCache = new Map<string, boolean>();

/** Whether every unit of the pattern has one-unit lower/upper forms that fold to the same key. */
export function isPlainFoldPattern(p: string): boolean {
  if (ASCII.test(p)) return true;
  const cached = plainCache.get(p);
  if (cached !== undefined) return cached;
  let plain = true;
  for (let i = 0; i < p.length && plain; i++) {
    const c = p[i] as string;
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) plain = false;
    const lo = c.toLowerCase();
    const up = c.toUpperCase();
    if (lo.length !== 1 || up.length !== 1 || foldKey(lo) !== foldKey(up) || foldKey(c) !== foldKey(lo)) plain = false;
  }
  if (plainCache.size < 10_000) plainCache.set(p, plain);
  return plain;
}

/**
 * End positions in `v` reachable by matching pattern units `p[0..]` from `start` (an NFA over
 * positions; the alternatives of a unit can differ in length, e.g. 'ß' / "SS").
 */
function reach(p: string, v: string, start: number, anchoredEnd: boolean): boolean {
  let positions = new Set<number>([start]);
  for (let i = 0; i < p.length && positions.size > 0; i++) {
    const c = p[i] as string;
    const alts = new Set([c.toLowerCase(), c.toUpperCase()]);
    const next = new Set<number>();
    for (const at of positions) for (const a of alts) if (v.startsWith(a, at)) next.add(at + a.length);
    positions = next;
  }
  if (!anchoredEnd) return positions.size > 0;
  return positions.has(v.length);
}

/** event-ruler's equals-ignore-case. */
export function equalsIgnoreCase(pattern: string, value: string): boolean {
  if (ASCII.test(pattern) && ASCII.test(value)) return pattern.length === value.length && pattern.toLowerCase() === value.toLowerCase();
  return reach(pattern, value, 0, true);
}

/** event-ruler's prefix + equals-ignore-case. */
export function startsWithIgnoreCase(pattern: string, value: string): boolean {
  if (ASCII.test(pattern) && ASCII.test(value)) {
    return value.length >= pattern.length && value.slice(0, pattern.length).toLowerCase() === pattern.toLowerCase();
  }
  return reach(pattern, value, 0, false);
}

/** event-ruler's suffix + equals-ignore-case. */
export function endsWithIgnoreCase(pattern: string, value: string): boolean {
  if (ASCII.test(pattern) && ASCII.test(value)) {
    return value.length >= pattern.length && value.slice(value.length - pattern.length).toLowerCase() === pattern.toLowerCase();
  }
  // Match the pattern backwards from the end of the value (alternatives may differ in length).
  let positions = new Set<number>([value.length]);
  for (let i = pattern.length - 1; i >= 0 && positions.size > 0; i--) {
    const c = pattern[i] as string;
    const alts = new Set([c.toLowerCase(), c.toUpperCase()]);
    const next = new Set<number>();
    for (const at of positions) for (const a of alts) if (at >= a.length && value.startsWith(a, at - a.length)) next.add(at - a.length);
    positions = next;
  }
  return positions.size > 0;
}
