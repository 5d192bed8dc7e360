/**
 * Sigma string values as matchers (Sigma Rules Specification v2, "String Wildcard" and
 * "Escaping"; modifiers appendix for contains/startswith/endswith/cased/re).
 *
 *  - `*` matches any run of characters, `?` exactly one; `\*`, `\?` and `\\` are the
 *    literal characters; a backslash before anything else is itself.
 *  - A plain value must match the whole text; `contains`, `startswith` and `endswith` put
 *    `*` around, after or before it.
 *  - Matching is case-insensitive unless `cased`: both sides are lower-cased with
 *    `String.prototype.toLowerCase` (locale-independent).
 *  - `re` is a search (unanchored), case-sensitive unless `i`, in JavaScript's RegExp
 *    dialect; a pattern that does not mean the same there is reported, not guessed.
 *
 * Wildcard matching uses no regular expressions: segments between `*` are matched
 * leftmost-first, which is exact for globs and linear-ish in the text, so a rule cannot
 * make matching backtrack exponentially.
 */

export type StringMode = 'eq' | 'contains' | 'startswith' | 'endswith';
export type TextTest = (text: string) => boolean;

/** A pattern piece: literal text, `*` or `?`. */
type Piece = { lit: string } | '*' | '?';

function pieces(value: string): Piece[] {
  const out: Piece[] = [];
  let lit = '';
  const flush = () => {
    if (lit !== '') out.push({ lit });
    lit = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      const n = value[i + 1];
      if (n === '*' || n === '?' || n === '\\') {
        lit += n;
        i++;
      } else {
        lit += c;
      }
    } else if (c === '*' || c === '?') {
      flush();
      // Consecutive stars are one star.
      if (!(c === '*' && out[out.length - 1] === '*')) out.push(c);
    } else {
      lit += c;
    }
  }
  flush();
  return out;
}

/** A segment between stars: code points, null for `?`. */
type Segment = (string | null)[];

function segmentAt(text: string[], pos: number, seg: Segment): boolean {
  if (pos < 0 || pos + seg.length > text.length) return false;
  for (let k = 0; k < seg.length; k++) {
    const c = seg[k];
    if (c !== null && text[pos + k] !== c) return false;
  }
  return true;
}

/** Glob with `?`: works on code points so `?` is one character, not half a surrogate pair. */
function globWithQuestionMarks(segs: Segment[], starred: boolean): TextTest {
  return (raw) => {
    const text = Array.from(raw);
    if (!starred) return text.length === segs[0].length && segmentAt(text, 0, segs[0]);
    const first = segs[0];
    const last = segs[segs.length - 1];
    if (text.length < first.length + last.length) return false;
    if (!segmentAt(text, 0, first) || !segmentAt(text, text.length - last.length, last)) return false;
    let pos = first.length;
    const limit = text.length - last.length;
    for (let s = 1; s < segs.length - 1; s++) {
      const seg = segs[s];
      let p = pos;
      while (p + seg.length <= limit && !segmentAt(text, p, seg)) p++;
      if (p + seg.length > limit) return false;
      pos = p + seg.length;
    }
    return true;
  };
}

/** Glob with `*` only: plain string operations. */
function globStars(segs: string[]): TextTest {
  const first = segs[0];
  const last = segs[segs.length - 1];
  const middle = segs.slice(1, -1);
  return (text) => {
    if (text.length < first.length + last.length) return false;
    if (!text.startsWith(first) || !text.endsWith(last)) return false;
    let pos = first.length;
    const limit = text.length - last.length;
    for (const seg of middle) {
      const p = text.indexOf(seg, pos);
      if (p < 0 || p + seg.length > limit) return false;
      pos = p + seg.length;
    }
    return true;
  };
}

/** Compiles a Sigma string value (with wildcards and escapes) under a string mode. */
export function compileStringPattern(value: string, mode: StringMode, cased: boolean): TextTest {
  const ps = pieces(cased ? value : value.toLowerCase());
  // Escapes are resolved per piece, so lower-casing first cannot turn `\*` into something else.
  if ((mode === 'contains' || mode === 'endswith') && ps[0] !== '*') ps.unshift('*');
  if ((mode === 'contains' || mode === 'startswith') && ps[ps.length - 1] !== '*') ps.push('*');
  const norm: (t: string) => string = cased ? (t) => t : (t) => t.toLowerCase();

  const hasQ = ps.includes('?');
  const starred = ps.includes('*');
  if (!hasQ) {
    const segs: string[] = [''];
    for (const p of ps) {
      if (p === '*') segs.push('');
      else if (p !== '?') segs[segs.length - 1] += p.lit;
    }
    if (!starred) {
      const want = segs[0];
      return (t) => norm(t) === want;
    }
    if (segs.every((s) => s === '')) return () => true; // only stars: any text
    if (segs.length === 3 && segs[0] === '' && segs[2] === '') {
      const needle = segs[1];
      return (t) => norm(t).includes(needle);
    }
    if (segs.length === 2 && segs[1] === '') {
      const pre = segs[0];
      return (t) => norm(t).startsWith(pre);
    }
    if (segs.length === 2 && segs[0] === '') {
      const suf = segs[1];
      return (t) => norm(t).endsWith(suf);
    }
    const glob = globStars(segs);
    return (t) => glob(norm(t));
  }
  const segs: Segment[] = [[]];
  for (const p of ps) {
    if (p === '*') segs.push([]);
    else if (p === '?') segs[segs.length - 1].push(null);
    else segs[segs.length - 1].push(...Array.from(p.lit));
  }
  const glob = globWithQuestionMarks(segs, starred);
  return (t) => glob(norm(t));
}

/**
 * Compiles an `re` value. Returns the test, or the reason the pattern cannot be run
 * faithfully. PCRE spellings JavaScript lacks are translated where the meaning is the
 * same (a leading `(?i)`/`(?m)`/`(?s)` flag group; Python-style `(?P<name>...)`; a
 * backslash before punctuation, which both treat as the literal character). Anything else
 * JavaScript rejects in Unicode mode (`\A`, `\Z`, possessive quantifiers, atomic groups,
 * inline flags mid-pattern...) is unsupported rather than silently read differently.
 */
export function compileRegex(value: string, flags: { i: boolean; m: boolean; s: boolean }): TextTest | { unsupported: string } {
  let src = value;
  const flagSet = new Set<string>();
  const lead = /^\(\?([imsx]+)\)/.exec(src);
  if (lead) {
    if (lead[1].includes('x')) return { unsupported: `regular expression /${value}/ uses the extended (x) flag` };
    for (const f of lead[1]) flagSet.add(f);
    src = src.slice(lead[0].length);
  }
  if (flags.i) flagSet.add('i');
  if (flags.m) flagSet.add('m');
  if (flags.s) flagSet.add('s');
  src = src.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  // `\` + punctuation is a literal in PCRE; in JavaScript's Unicode mode only syntax
  // characters may be escaped that way, so spell the others as code-point escapes.
  src = src.replace(/\\(\\|[^A-Za-z0-9])/gu, (m, c: string) => {
    if (/^[\^$\\.*+?()[\]{}|/]$/.test(c)) return m;
    return `\\u{${c.codePointAt(0)!.toString(16)}}`;
  });
  try {
    const re = new RegExp(src, [...flagSet, 'u'].join(''));
    return (t) => {
      re.lastIndex = 0;
      return re.test(t);
    };
  } catch (e) {
    return { unsupported: `regular expression /${value}/ is not valid in JavaScript's dialect (${(e as Error).message})` };
  }
}
