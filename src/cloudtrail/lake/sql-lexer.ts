/**
 * A small SQL tokenizer for Lake statements: enough to find statement boundaries, table
 * references and function names without being fooled by string literals, quoted identifiers
 * or comments. It does not parse SQL; DuckDB does that.
 */
import { InvalidQueryStatementException } from './errors.js';

export type TokenKind = 'ws' | 'comment' | 'string' | 'qident' | 'number' | 'word' | 'op';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const MULTI_OPS = ['->', '<=', '>=', '<>', '!=', '||', '::', '=>'];

/** `line L:C` (1-based, as Trino writes positions) of an offset in `sql`. */
export function lineCol(sql: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < sql.length; i++) {
    if (sql[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

export function lex(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = sql.length;
  const fail = (at: number, what: string): never => {
    const { line, col } = lineCol(sql, at);
    throw new InvalidQueryStatementException(`line ${line}:${col}: ${what}`);
  };
  while (i < n) {
    const c = sql[i];
    const start = i;
    let kind: TokenKind;
    if (/\s/.test(c)) {
      while (i < n && /\s/.test(sql[i])) i++;
      kind = 'ws';
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
      kind = 'comment';
    } else if (c === '/' && sql[i + 1] === '*') {
      const e = sql.indexOf('*/', i + 2);
      if (e < 0) fail(i, 'unterminated comment');
      i = e + 2;
      kind = 'comment';
    } else if (c === "'" || c === '"') {
      i++;
      for (;;) {
        if (i >= n) fail(start, c === "'" ? 'unterminated string literal' : 'unterminated quoted identifier');
        if (sql[i] === c) {
          if (sql[i + 1] === c) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      kind = c === "'" ? 'string' : 'qident';
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      while (i < n && /[0-9a-zA-Z_.]/.test(sql[i])) i++;
      kind = 'number';
    } else if (/[A-Za-z_$]/.test(c)) {
      while (i < n && /[A-Za-z0-9_$]/.test(sql[i])) i++;
      kind = 'word';
    } else {
      const two = sql.slice(i, i + 2);
      i += MULTI_OPS.includes(two) ? 2 : 1;
      kind = 'op';
    }
    out.push({ kind, text: sql.slice(start, i), start, end: i });
  }
  return out;
}

/** The name inside a quoted identifier. */
export function unquoteIdent(text: string): string {
  return text.slice(1, -1).replace(/""/g, '"');
}
