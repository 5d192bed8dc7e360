/**
 * Wildcard values (`{"wildcard": "arn:aws:iam::*:root"}`).
 *
 * `*` matches any run of characters, `\*` a literal asterisk and `\\` a literal backslash; any
 * other backslash, and two unescaped asterisks in a row, are errors. Error positions are UTF-8
 * byte offsets in the value with its JSON quotes, as event-ruler reports them ("Consecutive
 * wildcard characters at pos 26").
 *
 * Matching never backtracks and builds no RegExp: the pattern is split at its asterisks into
 * literal pieces; the first must start the value, the last must end it, and the middle ones
 * are found left to right, each at its leftmost occurrence after the previous one (which is
 * optimal for `*`-only globs), using Knuth-Morris-Pratt search. The cost is linear in the
 * value's length plus the pattern's.
 */

/** Thrown with event-ruler's message for an unusable wildcard value. */
export class WildcardSyntaxError extends Error {
  override name = 'WildcardSyntaxError';
}

/** A parsed wildcard pattern. */
export interface Wildcard {
  /** The value as written in the pattern. */
  readonly source: string;
  /** Literal pieces between unescaped asterisks (one piece when there is no asterisk). */
  readonly pieces: readonly string[];
  /** KMP failure tables of the middle pieces (index 1 .. pieces.length - 2). */
  readonly tables: readonly (Int32Array | null)[];
}

function utf8Length(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3; // a surrogate half counts as half of 4 bytes
}

function failureTable(p: string): Int32Array {
  const t = new Int32Array(p.length);
  let k = 0;
  for (let i = 1; i < p.length; i++) {
    while (k > 0 && p.charCodeAt(i) !== p.charCodeAt(k)) k = t[k - 1] as number;
    if (p.charCodeAt(i) === p.charCodeAt(k)) k++;
    t[i] = k;
  }
  return t;
}

/** Parses a wildcard value, or throws WildcardSyntaxError with event-ruler's message. */
export function parseWildcard(source: string): Wildcard {
  const pieces: string[] = [];
  let piece = '';
  let pos = 1; // byte offset in the quoted value: the opening quote is byte 0
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x2a /* * */) {
      if (source.charCodeAt(i + 1) === 0x2a) throw new WildcardSyntaxError(`Consecutive wildcard characters at pos ${pos}`);
      pieces.push(piece);
      piece = '';
      pos += 1;
    } else if (c === 0x5c /* \ */) {
      const n = source.charCodeAt(i + 1);
      if (n !== 0x2a && n !== 0x5c) throw new WildcardSyntaxError(`Invalid escape character at pos ${pos}`);
      piece += source[i + 1];
      i++;
      pos += 2;
    } else {
      piece += source[i];
      pos += utf8Length(c);
    }
  }
  pieces.push(piece);
  const tables = pieces.map((p, i) => (i > 0 && i < pieces.length - 1 && p.length > 0 ? failureTable(p) : null));
  return { source, pieces, tables };
}

/** Index of the first occurrence of `p` in `s` at or after `from`, ending by `end`; -1 if none. */
function kmpFind(s: string, p: string, table: Int32Array, from: number, end: number): number {
  const m = p.length;
  let k = 0;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    while (k > 0 && c !== p.charCodeAt(k)) k = table[k - 1] as number;
    if (c === p.charCodeAt(k)) k++;
    if (k === m) return i - m + 1;
  }
  return -1;
}

/** Whether a string matches the wildcard pattern (linear time). */
export function matchWildcard(w: Wildcard, s: string): boolean {
  const pieces = w.pieces;
  const n = pieces.length;
  const head = pieces[0] as string;
  if (n === 1) return s === head;
  const tail = pieces[n - 1] as string;
  if (s.length < head.length + tail.length) return false;
  if (!s.startsWith(head) || !s.endsWith(tail)) return false;
  let at = head.length;
  const end = s.length - tail.length;
  for (let i = 1; i < n - 1; i++) {
    const p = pieces[i] as string;
    if (p.length === 0) continue;
    const found = kmpFind(s, p, w.tables[i] as Int32Array, at, end);
    if (found < 0) return false;
    at = found + p.length;
  }
  return true;
}

/** The literal text before the first asterisk (used to index wildcards by prefix). */
export function wildcardHead(w: Wildcard): string {
  return w.pieces[0] as string;
}
