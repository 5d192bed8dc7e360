/**
 * Reads event-pattern text into alternatives of field conditions, validating as it reads.
 *
 * EventBridge validates patterns with aws/event-ruler's JsonRuleCompiler, a single pass over
 * Jackson tokens; this is the same pass over the same tokens, so a bad pattern gets the error
 * AWS gives (and, where a pattern has several problems, the first one AWS meets). Semantics
 * kept from that compiler:
 *   - nested keys are joined with "." (so `{"a": {"b": [..]}}` and `{"a.b": [..]}` are the same
 *     field, and both match an event field "a.b" as well as "a" → "b");
 *   - a repeated field replaces the earlier one ("AWS keeps the last occurrence");
 *   - `$or` takes an array of two or more objects; the fields read before it are copied into
 *     each alternative, fields read after it are added to all alternatives; operator names
 *     cannot be used as field names inside `$or`;
 *   - a string value that is an IP address matches by address; a number matches by value;
 *   - every operator's argument rules and messages ("prefix match pattern must be a string",
 *     "Value of anything-but must be an array or single string/number value.", ...).
 */

import { CidrError, ipKey, parseCidr } from './cidr.js';
import { JsonReader, JsonSyntaxError, Tok } from './json-reader.js';
import { NumericRangeError, comparableNumber, numericRange } from './numeric.js';
import type { Condition } from './types.js';
import { WildcardSyntaxError, parseWildcard, type Wildcard } from './wildcard.js';

/** A pattern problem; `message` is the reason AWS gives after "Event pattern is not valid. Reason: ". */
export class PatternSyntaxError extends Error {
  override name = 'PatternSyntaxError';
}

/** One alternative: field path → the values it may match. */
export type RawAlternative = Map<string, Condition[]>;

const OR = '$or';

/** Names event-ruler reserves: they cannot be field names inside `$or` (Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP). */
const RESERVED_IN_OR = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr', 'html',
  '=', '<', '<=', '>', '>=',
  'regex', 'not-wildcard', 'not-equals-ignore-case',
  'date-after', 'date-on-or-after', 'date-before', 'date-on-or-before', 'in-date-range',
  'ip-address-in-range', 'ip-address-not-in-range',
]);

/**
 * `$or` alternatives multiply (parallel and nested `$or`s form a product). AWS documents no
 * limit; this bound keeps a 4 KB pattern from expanding into millions of alternatives.
 */
export const MAX_ALTERNATIVES = 10_000;

const TOO_MANY_NUMERIC = 'Too many elements in numeric expression';
const ONE_KEY = 'Only one key allowed in match expression';

type AnythingButKind = 'plain' | 'anything-but-ignore-case' | 'anything-but-prefix' | 'anything-but-suffix' | 'anything-but-wildcard';

function fail(reason: string): never {
  throw new PatternSyntaxError(reason);
}

function isNumber(t: Tok | null): boolean {
  return t === Tok.NumberInt || t === Tok.NumberFloat;
}

class PatternReader {
  private readonly r: JsonReader;
  private readonly path: string[] = [];

  constructor(text: string) {
    this.r = new JsonReader(text);
  }

  private next(): Tok | null {
    return this.r.next();
  }

  read(): RawAlternative[] {
    const alternatives: RawAlternative[] = [];
    if (this.next() !== Tok.StartObject) fail('Filter is not an object');
    this.object(alternatives, false);
    return alternatives;
  }

  private fieldName(step: string): string {
    return this.path.length === 0 ? step : `${this.path.join('.')}.${step}`;
  }

  private object(alternatives: RawAlternative[], insideOr: boolean): void {
    let fieldsPresent = false;
    while (this.next() !== Tok.EndObject) {
      fieldsPresent = true;
      const step = this.r.text;
      if (step === OR) {
        this.or(alternatives);
        continue;
      }
      if (insideOr && RESERVED_IN_OR.has(step)) fail(`${step} is Ruler reserved fieldName which cannot be used inside ${OR}.`);
      const t = this.next();
      if (t === Tok.StartObject) {
        this.path.push(step);
        this.object(alternatives, insideOr);
        this.path.pop();
      } else if (t === Tok.StartArray) {
        this.values(alternatives, this.fieldName(step));
      } else {
        fail(`"${step}" must be an object or an array`);
      }
    }
    if (!fieldsPresent) fail('Empty objects are not allowed');
  }

  private or(alternatives: RawAlternative[]): void {
    const current = alternatives.map((a) => new Map(a));
    alternatives.length = 0;
    if (this.next() !== Tok.StartArray) fail(`It must be an Array followed with ${OR}.`);
    let count = 0;
    for (let t = this.next(); t !== Tok.EndArray; t = this.next()) {
      count++;
      if (t !== Tok.StartObject) fail(`Only JSON object is allowed in array of ${OR} relationship.`);
      const branch = current.map((a) => new Map(a));
      if (branch.length === 0) branch.push(new Map());
      this.object(branch, true);
      alternatives.push(...branch);
      if (alternatives.length > MAX_ALTERNATIVES) {
        fail(`${OR} expands to more than ${MAX_ALTERNATIVES} alternatives (a trailsim limit; AWS documents none)`);
      }
    }
    if (count < 2) fail(`There must have at least 2 Objects in ${OR} relationship.`);
  }

  private values(alternatives: RawAlternative[], name: string): void {
    const values: Condition[] = [];
    for (let t = this.next(); t !== Tok.EndArray; t = this.next()) {
      switch (t) {
        case Tok.StartObject:
          values.push(this.matchExpression());
          break;
        case Tok.String: {
          const text = this.r.text;
          const ip = ipKey(text);
          values.push(ip === null ? { kind: 'equals', value: text } : { kind: 'ip', range: { v6: ip.length === 32, lo: ip, hi: ip } });
          break;
        }
        case Tok.NumberInt:
        case Tok.NumberFloat:
          // event-ruler adds a numeric-equality match when the number is comparable and always
          // the literal one; both amount to equality by value here.
          values.push({ kind: 'equals', value: Number(this.r.text) });
          break;
        case Tok.True:
          values.push({ kind: 'equals', value: true });
          break;
        case Tok.False:
          values.push({ kind: 'equals', value: false });
          break;
        case Tok.Null:
          values.push({ kind: 'equals', value: null });
          break;
        default:
          fail('Match value must be String, number, true, false, or null');
      }
    }
    if (values.length === 0) fail('Empty arrays are not allowed');
    if (alternatives.length === 0) alternatives.push(new Map());
    for (const alt of alternatives) alt.set(name, values);
  }

  private expectEnd(message: string): void {
    if (this.next() !== Tok.EndObject) fail(message);
  }

  private stringArg(message: string): string {
    if (this.next() !== Tok.String) fail(message);
    return this.r.text;
  }

  private matchExpression(): Condition {
    if (this.next() !== Tok.FieldName) fail('Match expression name not found');
    const type = this.r.text;
    switch (type) {
      case 'exactly': {
        const value = this.stringArg('exact match pattern must be a string');
        this.expectEnd(ONE_KEY);
        return { kind: 'equals', value };
      }
      case 'prefix':
      case 'suffix': {
        const t = this.next();
        if (t === Tok.StartObject) return this.ignoreCaseAffix(type);
        if (t !== Tok.String) fail(`${type} match pattern must be a string`);
        const value = this.r.text;
        this.expectEnd(ONE_KEY);
        return { kind: type, value, ignoreCase: false };
      }
      case 'numeric': {
        if (this.next() !== Tok.StartArray) fail('Value of numeric must be an array.');
        const c = this.numeric();
        this.expectEnd(TOO_MANY_NUMERIC);
        return c;
      }
      case 'anything-but':
        return this.anythingBut();
      case 'exists': {
        const t = this.next();
        if (t !== Tok.True && t !== Tok.False) fail('exists match pattern must be either true or false.');
        this.expectEnd(ONE_KEY);
        return { kind: 'exists', exists: t === Tok.True };
      }
      case 'cidr': {
        // event-ruler reuses the prefix message here.
        const text = this.stringArg('prefix match pattern must be a string');
        let c: Condition;
        try {
          c = { kind: 'ip', range: parseCidr(text) };
        } catch (e) {
          if (e instanceof CidrError) fail(e.message);
          throw e;
        }
        this.expectEnd(ONE_KEY);
        return c;
      }
      case 'equals-ignore-case': {
        const value = this.stringArg('equals-ignore-case match pattern must be a string');
        this.expectEnd(ONE_KEY);
        return { kind: 'equals-ignore-case', value };
      }
      case 'wildcard': {
        const wildcard = this.wildcard(this.stringArg('wildcard match pattern must be a string'));
        this.expectEnd(ONE_KEY);
        return { kind: 'wildcard', wildcard };
      }
      default:
        fail(`Unrecognized match type ${type}`);
    }
  }

  private wildcard(text: string): Wildcard {
    try {
      return parseWildcard(text);
    } catch (e) {
      if (e instanceof WildcardSyntaxError) fail(e.message);
      throw e;
    }
  }

  /** `{"prefix": {"equals-ignore-case": "x"}}` (and suffix); the outer object is still open. */
  private ignoreCaseAffix(type: 'prefix' | 'suffix'): Condition {
    const Type = type === 'prefix' ? 'Prefix' : 'Suffix';
    if (this.next() !== Tok.FieldName) fail(`${Type} expression name not found`);
    const op = this.r.text;
    if (op !== 'equals-ignore-case') fail(`Unsupported ${type} pattern: ${op}`);
    const value = this.stringArg('equals-ignore-case match pattern must be a string');
    this.expectEnd(ONE_KEY);
    this.expectEnd(ONE_KEY);
    return { kind: type, value, ignoreCase: true };
  }

  private numeric(): Condition {
    if (this.next() !== Tok.String) fail(`Invalid member in numeric match: ${this.r.text}`);
    const op = this.r.text;
    let t = this.next();
    try {
      switch (op) {
        case '=': {
          if (!isNumber(t)) fail('Value of equals must be numeric');
          const value = comparableNumber(this.r.text);
          if (this.next() !== Tok.EndArray) fail(TOO_MANY_NUMERIC);
          return { kind: 'equals', value };
        }
        case '>=':
        case '>': {
          if (!isNumber(t)) fail(`Value of ${op} must be numeric`);
          const bottom = this.r.text;
          t = this.next();
          if (t === Tok.EndArray) return { kind: 'numeric', range: numericRange(bottom, op === '>', null, false) };
          return this.numericTop(t, bottom, op === '>');
        }
        case '<=':
        case '<': {
          if (!isNumber(t)) fail(`Value of ${op} must be numeric`);
          const top = this.r.text;
          if (this.next() !== Tok.EndArray) fail(TOO_MANY_NUMERIC);
          return { kind: 'numeric', range: numericRange(null, false, top, op === '<') };
        }
        default:
          fail(`Unrecognized numeric range operator: ${op}`);
      }
    } catch (e) {
      if (e instanceof NumericRangeError) fail(e.message);
      throw e;
    }
  }

  private numericTop(t: Tok | null, bottom: string, openBottom: boolean): Condition {
    if (t !== Tok.String) fail(`Bad value in numeric range: ${this.r.text}`);
    const op = this.r.text;
    if (op !== '<' && op !== '<=') fail(`Bad numeric range operator: ${op}`);
    if (!isNumber(this.next())) fail(`Value of ${op} must be numeric`);
    const top = this.r.text;
    if (this.next() !== Tok.EndArray) fail('Too many terms in numeric range expression');
    return { kind: 'numeric', range: numericRange(bottom, openBottom, top, op === '<') };
  }

  private anythingBut(): Condition {
    let kind: AnythingButKind = 'plain';
    let t = this.next();
    if (t === Tok.StartObject) {
      if (this.next() !== Tok.FieldName) fail('Anything-But expression name not found');
      const op = this.r.text;
      switch (op) {
        case 'equals-ignore-case':
          kind = 'anything-but-ignore-case';
          break;
        case 'prefix':
          kind = 'anything-but-prefix';
          break;
        case 'suffix':
          kind = 'anything-but-suffix';
          break;
        case 'wildcard':
          kind = 'anything-but-wildcard';
          break;
        default:
          fail(`Unsupported anything-but pattern: ${op}`);
      }
      t = this.next();
    }
    if (t !== Tok.StartArray && t !== Tok.String && !isNumber(t)) {
      fail('Value of anything-but must be an array or single string/number value.');
    }
    let c: Condition;
    if (kind === 'plain') c = t === Tok.StartArray ? this.anythingButList() : this.anythingButValue(t);
    else c = this.anythingButSet(kind, t === Tok.StartArray);
    // event-ruler's message for any extra member here is the numeric one.
    this.expectEnd(TOO_MANY_NUMERIC);
    if (kind !== 'plain') this.expectEnd(TOO_MANY_NUMERIC);
    return c;
  }

  private anythingButNumber(): number {
    try {
      return comparableNumber(this.r.text);
    } catch (e) {
      if (e instanceof NumericRangeError) fail(e.message);
      throw e;
    }
  }

  private anythingButList(): Condition {
    const strings: string[] = [];
    const numbers: number[] = [];
    for (let t = this.next(); t !== Tok.EndArray; t = this.next()) {
      if (t === Tok.String) strings.push(this.r.text);
      else if (isNumber(t)) numbers.push(this.anythingButNumber());
      else fail('Inside anything but list, start|null|boolean is not supported.');
    }
    if ((strings.length > 0) === (numbers.length > 0)) {
      fail('Inside anything but list, either all values are number or string, mixed type is not supported');
    }
    return { kind: 'anything-but', strings, numbers };
  }

  private anythingButValue(t: Tok | null): Condition {
    if (t === Tok.String) return { kind: 'anything-but', strings: [this.r.text], numbers: [] };
    return { kind: 'anything-but', strings: [], numbers: [this.anythingButNumber()] };
  }

  /** The set forms: equals-ignore-case / prefix / suffix / wildcard, one value or a list. */
  private anythingButSet(kind: Exclude<AnythingButKind, 'plain'>, list: boolean): Condition {
    const values: string[] = [];
    const take = (t: Tok | null): void => {
      if (t === Tok.String) {
        const text = this.r.text;
        if ((kind === 'anything-but-prefix' || kind === 'anything-but-suffix') && text === '') fail('Null prefix/suffix not allowed');
        values.push(text);
        return;
      }
      if (kind === 'anything-but-ignore-case') fail('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
      if (kind === 'anything-but-wildcard') fail('wildcard match pattern must be a string');
      fail('prefix/suffix match pattern must be a string');
    };
    if (list) for (let t = this.next(); t !== Tok.EndArray; t = this.next()) take(t);
    else take(this.r.token);
    if (kind === 'anything-but-wildcard') return { kind, wildcards: values.map((v) => this.wildcard(v)) };
    return { kind, values };
  }
}

/**
 * Reads pattern text into its alternatives, or throws PatternSyntaxError with AWS's reason.
 * Nothing after the root object is read (as in event-ruler).
 */
export function readPattern(text: string): RawAlternative[] {
  try {
    return new PatternReader(text).read();
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new PatternSyntaxError(e.message);
    throw e;
  }
}
