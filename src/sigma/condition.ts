/**
 * The Sigma condition language (Sigma Rules Specification v2, "Condition"):
 * search identifiers, `and`, `or`, `not`, parentheses, `1 of PATTERN`, `all of PATTERN`,
 * `1 of them`, `all of them`. Precedence, least to most binding: or, and, not, `x of`,
 * parentheses. `them` covers every identifier not starting with `_`; a pattern matches
 * identifiers with `*` standing for any run of characters.
 *
 * A Sigma 1.0 aggregation after a pipe (`selection | count() by x > 5`, `| near`) is kept
 * as text so the compiler can report it as unsupported; everything else that does not
 * parse, or names an identifier the rule does not define, throws `SigmaConditionError`.
 */
import { SigmaConditionError } from './errors.js';
import type { SigmaCondition, SigmaConditionNode } from './types.js';

/** Deeper nesting than this is garbage, not a rule; refusing it keeps the parser off the stack limit. */
const MAX_DEPTH = 256;

interface Token {
  text: string;
  /** 0-based character offset in the condition. */
  at: number;
}

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  const re = /\(|\)|[^\s()]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(expr)) !== null) tokens.push({ text: m[0], at: m.index });
  return tokens;
}

function patternRegex(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${body}$`, 'u');
}

/**
 * Parses one condition string against the rule's search identifiers (in rule order).
 * `source` names the rule file in errors.
 */
export function parseSigmaCondition(text: string, searchNames: readonly string[], source?: string): SigmaCondition {
  const fail = (problem: string): never => {
    throw new SigmaConditionError(source, `condition '${text}': ${problem}`);
  };
  const pipe = text.indexOf('|');
  const expr = pipe < 0 ? text : text.slice(0, pipe);
  const aggregation = pipe < 0 ? undefined : text.slice(pipe + 1).trim();
  const tokens = tokenize(expr);
  if (tokens.length === 0) fail(pipe < 0 ? 'empty condition' : 'nothing before the aggregation pipe');
  const known = new Set(searchNames);
  let i = 0;
  const lower = (t: Token | undefined) => t?.text.toLowerCase();
  const where = (t: Token | undefined) => (t ? `'${t.text}' at position ${t.at + 1}` : 'end of condition');

  const ofTarget = (quantifier: 'one' | 'all'): SigmaConditionNode => {
    const t = tokens[i];
    if (t === undefined || t.text === '(' || t.text === ')') return fail(`expected 'them' or an identifier pattern after '${quantifier === 'one' ? '1' : 'all'} of', found ${where(t)}`);
    i++;
    let names: string[];
    if (t.text.toLowerCase() === 'them') {
      names = searchNames.filter((n) => !n.startsWith('_'));
      if (names.length === 0) fail(`'of them' but the rule defines no search identifier that does not start with '_'`);
    } else {
      const re = patternRegex(t.text);
      names = searchNames.filter((n) => re.test(n));
      if (names.length === 0) fail(`pattern '${t.text}' matches no search identifier (defined: ${searchNames.join(', ') || 'none'})`);
    }
    return { type: 'of', quantifier, pattern: t.text, names };
  };

  const primary = (depth: number): SigmaConditionNode => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    const t = tokens[i];
    if (t === undefined) return fail('unexpected end of condition');
    if (t.text === '(') {
      i++;
      const e = orExpr(depth + 1);
      if (tokens[i]?.text !== ')') fail(`expected ')' to close '(' at position ${t.at + 1}, found ${where(tokens[i])}`);
      i++;
      return e;
    }
    const lt = t.text.toLowerCase();
    if (lower(tokens[i + 1]) === 'of') {
      if (lt === '1' || lt === 'all') {
        i += 2;
        return ofTarget(lt === '1' ? 'one' : 'all');
      }
      return fail(`'${t.text} of' at position ${t.at + 1}: Sigma has only '1 of' and 'all of'`);
    }
    if (lt === 'and' || lt === 'or' || lt === 'of' || t.text === ')') fail(`unexpected ${where(t)}`);
    i++;
    if (t.text.includes('*')) fail(`wildcard identifier '${t.text}' must follow '1 of' or 'all of'`);
    if (!known.has(t.text)) fail(`'${t.text}' is not a search identifier of this rule (defined: ${searchNames.join(', ') || 'none'})`);
    return { type: 'ref', name: t.text };
  };

  const notExpr = (depth: number): SigmaConditionNode => {
    let negations = 0;
    while (lower(tokens[i]) === 'not') {
      i++;
      negations++;
    }
    let e = primary(depth);
    for (let n = 0; n < negations; n++) e = { type: 'not', operand: e };
    return e;
  };

  const andExpr = (depth: number): SigmaConditionNode => {
    const operands = [notExpr(depth)];
    while (lower(tokens[i]) === 'and') {
      i++;
      operands.push(notExpr(depth));
    }
    return operands.length === 1 ? operands[0] : { type: 'and', operands };
  };

  const orExpr = (depth: number): SigmaConditionNode => {
    const operands = [andExpr(depth)];
    while (lower(tokens[i]) === 'or') {
      i++;
      operands.push(andExpr(depth));
    }
    return operands.length === 1 ? operands[0] : { type: 'or', operands };
  };

  const expression = orExpr(0);
  if (i < tokens.length) fail(`unexpected ${where(tokens[i])}`);
  if (aggregation !== undefined) {
    if (aggregation === '') fail('empty aggregation after the pipe');
    return { text, expression, aggregation };
  }
  return { text, expression };
}
