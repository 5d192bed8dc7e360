/**
 * Reads a Lake SQL statement before it reaches the engine:
 *
 * - SELECT only ("Only SELECT statements are allowed", CloudTrail Lake SQL constraints,
 *   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-limitations.html), one
 *   statement (a trailing `;` is accepted);
 * - table references: "The event data store ID—the ID portion of the event data store's
 *   ARN—is the valid value for tables", written unquoted although it contains hyphens
 *   (`FROM EXAMPLEf852-4e8f-8bd1-bcf6cEXAMPLE`); trailsim also accepts the store ARN and a
 *   double-quoted id. Names defined by WITH are left alone; table functions other than UNNEST
 *   are refused (Lake has none; DuckDB's would read files);
 * - the columns the statement may read (every identifier; `*` means all), so only those are
 *   loaded into the engine;
 * - Trino-to-DuckDB rewrites that macros cannot do: the current time becomes the virtual
 *   clock's time (queries are deterministic), and `transform(`/`filter(` (lambda functions)
 *   become `list_transform(`/`list_filter(`.
 */
import { InvalidQueryStatementException } from './errors.js';
import { lex, lineCol, unquoteIdent, type Token } from './sql-lexer.js';

/** A table reference that names an event data store (or something that is not a store). */
export interface TableRef {
  /** As written: an id, an ARN, or a quoted name's content. */
  name: string;
  /** Offsets in the original statement. */
  start: number;
  end: number;
}

export interface AnalyzedStatement {
  /** The store references, in order of appearance. */
  refs: TableRef[];
  /** Lower-cased identifiers the statement uses. */
  identifiers: Set<string>;
  /** True when the statement selects `*`. */
  star: boolean;
  /** Rewrites the statement: each reference by `tableName(ref)`, clock functions by `now`. */
  rewrite(tableName: (ref: TableRef) => string, nowMs: number): Rewritten;
}

export interface Rewritten {
  sql: string;
  /** Maps an offset in the rewritten SQL back to the original statement. */
  toOriginal(offset: number): number;
}

const FROM_END = new Set(['where', 'group', 'having', 'order', 'limit', 'offset', 'union', 'intersect', 'except', 'window', 'qualify', 'fetch', 'on', 'using']);
const NOT_CALLS = new Set(['in', 'exists', 'as', 'from', 'join', 'on', 'and', 'or', 'not', 'where', 'having', 'select', 'by', 'union', 'intersect', 'except', 'all', 'any', 'some', 'values', 'with', 'then', 'else', 'when', 'case', 'distinct', 'lateral', 'over', 'filter', 'within', 'array', 'is', 'like', 'between']);
const CLOCK_WORDS = new Set(['current_timestamp', 'localtimestamp', 'current_date', 'current_time', 'localtime']);
const CLOCK_CALLS = new Set(['now', 'today', 'get_current_timestamp', 'get_current_time', 'transaction_timestamp', 'current_localtimestamp', 'current_localtime']);
const LAMBDA_CALLS: Record<string, string> = { transform: 'list_transform', filter: 'list_filter' };

const ARN_REF = /^arn:[a-z-]+:cloudtrail:[a-z0-9-]*:\d*:eventdatastore\/[A-Za-z0-9._-]+/;
const BARE_REF = /^[A-Za-z0-9_$]+(?:-+[A-Za-z0-9_$]+)*/;

function fail(sql: string, at: number, message: string): never {
  const { line, col } = lineCol(sql, at);
  throw new InvalidQueryStatementException(`line ${line}:${col}: ${message}`);
}

function clockLiteral(word: string, nowMs: number): string {
  const iso = new Date(nowMs).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 23);
  switch (word) {
    case 'current_date':
    case 'today':
      return `CAST('${date}' AS DATE)`;
    case 'current_time':
    case 'localtime':
    case 'get_current_time':
    case 'current_localtime':
      return `CAST('${time}' AS TIME)`;
    case 'localtimestamp':
    case 'current_localtimestamp':
      return `CAST('${date} ${time}' AS TIMESTAMP)`;
    default:
      return `CAST('${date} ${time}+00' AS TIMESTAMPTZ)`;
  }
}

/** Reads `sql`; throws InvalidQueryStatementException for anything but one SELECT statement. */
export function analyzeStatement(sql: string): AnalyzedStatement {
  const tokens = lex(sql);
  const sig: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'ws' && t.kind !== 'comment') sig.push(i);
  });
  // One statement: a trailing ';' is fine.
  let last = sig.length;
  while (last > 0 && tokens[sig[last - 1]].text === ';') last--;
  if (last === 0) fail(sql, 0, 'The query statement is empty.');
  for (let k = 0; k < last; k++) {
    if (tokens[sig[k]].text === ';') fail(sql, tokens[sig[k]].start, 'Only one SQL statement is allowed.');
  }
  const sigTokens = sig.slice(0, last).map((i) => tokens[i]);
  let first = 0;
  while (first < sigTokens.length && sigTokens[first].text === '(') first++;
  const head = sigTokens[first]?.text.toLowerCase();
  if (head !== 'select' && head !== 'with') {
    fail(sql, sigTokens[first]?.start ?? 0, `Only SELECT statements are allowed; the statement starts with '${sigTokens[first]?.text ?? ''}'.`);
  }

  const lower = (t: Token | undefined) => (t && (t.kind === 'word' || t.kind === 'op') ? t.text.toLowerCase() : '');
  // CTE names: `WITH [RECURSIVE] name [(cols)] AS (` and `, name AS (`.
  const ctes = new Set<string>();
  for (let k = 0; k < sigTokens.length; k++) {
    const t = sigTokens[k];
    if (t.kind !== 'word' && t.kind !== 'qident') continue;
    const prev = lower(sigTokens[k - 1]);
    if (prev !== 'with' && prev !== 'recursive' && prev !== ',') continue;
    let j = k + 1;
    if (sigTokens[j]?.text === '(') {
      let depth = 0;
      for (; j < sigTokens.length; j++) {
        if (sigTokens[j].text === '(') depth++;
        else if (sigTokens[j].text === ')' && --depth === 0) break;
      }
      j++;
    }
    if (lower(sigTokens[j]) === 'as') ctes.add(t.kind === 'qident' ? unquoteIdent(t.text).toLowerCase() : t.text.toLowerCase());
  }

  const refs: TableRef[] = [];
  const identifiers = new Set<string>();
  let star = false;
  const stack: { call: boolean; inFrom: boolean }[] = [{ call: false, inFrom: false }];
  let expectRef = false;
  let skipUntil = -1;

  const readRef = (k: number): number => {
    // Returns the index of the last significant token consumed by the reference.
    const t = sigTokens[k];
    if (!t || t.text === '(') return k - 1;
    const rest = sql.slice(t.start);
    let name: string;
    let end: number;
    if (t.kind === 'qident') {
      name = unquoteIdent(t.text);
      end = t.end;
    } else {
      const m = ARN_REF.exec(rest) ?? BARE_REF.exec(rest);
      if (!m) return k - 1;
      name = m[0];
      end = t.start + m[0].length;
      const lowerName = name.toLowerCase();
      const after = sql.slice(end).match(/^\s*(\(|\.)/)?.[1];
      if (lowerName === 'lateral' || lowerName === 'unnest') return k - 1;
      if (after === '(') fail(sql, t.start, `Table function '${name}' is not supported; FROM takes an event data store ID.`);
      if (after === '.') {
        const dotted = /^[A-Za-z0-9_$.-]+/.exec(rest)![0];
        name = dotted;
        end = t.start + dotted.length;
      }
    }
    if (!ctes.has(name.toLowerCase())) refs.push({ name, start: t.start, end });
    let j = k;
    while (j + 1 < sigTokens.length && sigTokens[j + 1].start < end) j++;
    return j;
  };

  for (let k = 0; k < sigTokens.length; k++) {
    const t = sigTokens[k];
    if (k <= skipUntil) continue;
    const w = lower(t);
    const top = stack[stack.length - 1];
    if (expectRef) {
      expectRef = false;
      const j = readRef(k);
      if (j >= k) {
        skipUntil = j;
        continue;
      }
    }
    if (t.text === '(') {
      const prev = sigTokens[k - 1];
      const call = !!prev && (prev.kind === 'word' || prev.kind === 'qident') && !NOT_CALLS.has(prev.text.toLowerCase());
      stack.push({ call, inFrom: false });
      continue;
    }
    if (t.text === ')') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    if (t.kind === 'word') {
      if (w.startsWith('__trailsim')) fail(sql, t.start, `Function '${t.text}' not registered`);
      if ((w === 'from' && !top.call && lower(sigTokens[k - 1]) !== 'distinct') || w === 'join') {
        top.inFrom = true;
        expectRef = true;
        continue;
      }
      if (FROM_END.has(w)) top.inFrom = false;
      identifiers.add(w);
      continue;
    }
    if (t.kind === 'qident') {
      identifiers.add(unquoteIdent(t.text).toLowerCase());
      continue;
    }
    if (t.text === ',' && top.inFrom) {
      expectRef = true;
      continue;
    }
    if (t.text === '*') {
      const p = lower(sigTokens[k - 1]);
      const pp = lower(sigTokens[k - 2]);
      if (p === 'select' || p === 'distinct' || p === 'all' || p === ',' || p === '.' || (p === '(' && pp === 'columns')) star = true;
    }
  }

  return {
    refs,
    identifiers,
    star,
    rewrite(tableName, nowMs) {
      const edits: { start: number; end: number; text: string }[] = refs.map((r) => ({ start: r.start, end: r.end, text: tableName(r) }));
      for (let k = 0; k < sigTokens.length; k++) {
        const t = sigTokens[k];
        if (t.kind !== 'word') continue;
        const w = t.text.toLowerCase();
        const next = sigTokens[k + 1];
        if (refs.some((r) => t.start >= r.start && t.start < r.end)) continue;
        if (CLOCK_CALLS.has(w) && next?.text === '(' && sigTokens[k + 2]?.text === ')') {
          edits.push({ start: t.start, end: sigTokens[k + 2].end, text: clockLiteral(w, nowMs) });
          k += 2;
        } else if (CLOCK_WORDS.has(w) && lower(sigTokens[k - 1]) !== '.') {
          let end = t.end;
          if (next?.text === '(' && sigTokens[k + 2]?.kind === 'number' && sigTokens[k + 3]?.text === ')') {
            end = sigTokens[k + 3].end;
            k += 3;
          }
          edits.push({ start: t.start, end, text: clockLiteral(w, nowMs) });
        } else if (LAMBDA_CALLS[w] && next?.text === '(' && sigTokens[k - 1]?.text !== ')') {
          edits.push({ start: t.start, end: t.end, text: LAMBDA_CALLS[w] });
        }
      }
      edits.sort((a, b) => a.start - b.start);
      let out = '';
      let pos = 0;
      const map: { newStart: number; origStart: number; newEnd: number; origEnd: number }[] = [];
      for (const e of edits) {
        out += sql.slice(pos, e.start);
        const newStart = out.length;
        out += e.text;
        map.push({ newStart, origStart: e.start, newEnd: out.length, origEnd: e.end });
        pos = e.end;
      }
      out += sql.slice(pos, last < sig.length ? tokens[sig[last]].start : sql.length);
      return {
        sql: out,
        toOriginal(offset: number): number {
          let delta = 0;
          for (const m of map) {
            if (offset < m.newStart) break;
            if (offset < m.newEnd) return m.origStart;
            delta = m.origEnd - m.newEnd;
          }
          return offset + delta;
        },
      };
    },
  };
}
