/**
 * A streaming JSON token reader for event-pattern text.
 *
 * EventBridge hands the pattern text to aws/event-ruler, which pulls Jackson tokens one at a
 * time and validates as it goes; which error a bad pattern gets therefore depends on the order
 * in which problems are met, and JSON syntax errors surface with Jackson's wording (e.g.
 * "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null',
 * 'true' or 'false')"). This reader reproduces that token model and the first line of Jackson's
 * messages, so the pattern compiler (parse.ts) can be written as the same pull loop. Like
 * event-ruler, nothing after the root object is read.
 */

export const enum Tok {
  StartObject,
  EndObject,
  StartArray,
  EndArray,
  FieldName,
  String,
  NumberInt,
  NumberFloat,
  True,
  False,
  Null,
}

/** A JSON syntax problem, with Jackson's message (first line only). */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
}

const VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const MAX_ERROR_TOKEN_LENGTH = 256;
// Jackson's default StreamReadConstraints (2.15+).
const MAX_NESTING_DEPTH = 1000;
const MAX_NUMBER_LENGTH = 1000;
// Jackson quotes at most this much of the source in a location.
const MAX_SOURCE_IN_LOCATION = 500;

interface Context {
  readonly type: 'root' | 'object' | 'array';
  /** Entries read so far (fields for objects, values for arrays). */
  count: number;
  /** In an object: true once a field name was read and its value is pending. */
  expectValue: boolean;
  readonly line: number;
  readonly column: number;
}

// Character classes as Java's Character.isJavaIdentifierStart / isJavaIdentifierPart see them
// (approximated with Unicode properties; Jackson uses them to cut the token it quotes).
const IDENT_START = /[\p{L}\p{Nl}\p{Pc}\p{Sc}]/u;
const IDENT_PART = /[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Sc}\u0000-\u0008\u000e-\u001b\u007f-\u009f]/u;

/** Jackson's description of a character in messages, e.g. `''' (code 39)`. */
function charDesc(code: number): string {
  if (code < 0x20 || code === 0x7f) return `(CTRL-CHAR, code ${code})`;
  const c = String.fromCharCode(code);
  if (code > 255) return `'${c}' (code ${code} / 0x${code.toString(16)})`;
  return `'${c}' (code ${code})`;
}

export class JsonReader {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly stack: Context[] = [];
  private ctx: Context;
  /** Text of the current token (string value, field name, number literal, or punctuation). */
  text = '';
  token: Tok | null = null;
  private ended = false;

  constructor(private readonly src: string) {
    this.ctx = { type: 'root', count: 0, expectValue: false, line: 1, column: 1 };
  }

  /** The next token, or null at the end of input (only possible at the root). */
  next(): Tok | null {
    if (this.ended) return (this.token = null);
    const ctx = this.ctx;
    let ch = this.skipWs();
    if (ctx.type === 'object') {
      if (ctx.expectValue) {
        ctx.expectValue = false;
        return this.value(ch);
      }
      if (ch === 0x7d /* } */ && ctx.count === 0) return this.close(Tok.EndObject, '}');
      if (ctx.count > 0) {
        if (ch === 0x7d) return this.close(Tok.EndObject, '}');
        if (ch !== 0x2c /* , */) this.unexpected(ch, 'was expecting comma to separate Object entries');
        this.pos++;
        ch = this.skipWs();
      }
      if (ch !== 0x22 /* " */) this.unexpected(ch, 'was expecting double-quote to start field name');
      this.pos++;
      const name = this.readString();
      ch = this.skipWs();
      if (ch !== 0x3a /* : */) this.unexpected(ch, 'was expecting a colon to separate field name and value');
      this.pos++;
      ctx.count++;
      ctx.expectValue = true;
      this.text = name;
      return (this.token = Tok.FieldName);
    }
    if (ctx.type === 'array') {
      if (ch === 0x5d /* ] */ && ctx.count === 0) return this.close(Tok.EndArray, ']');
      if (ctx.count > 0) {
        if (ch === 0x5d) return this.close(Tok.EndArray, ']');
        if (ch !== 0x2c) this.unexpected(ch, 'was expecting comma to separate Array entries');
        this.pos++;
        ch = this.skipWs();
      }
      ctx.count++;
      return this.value(ch);
    }
    // root
    if (ch < 0) {
      this.ended = true;
      return (this.token = null);
    }
    ctx.count++;
    return this.value(ch);
  }

  /** A one-line description of where the reader is, as Jackson prints it. */
  private location(line: number, column: number): string {
    let quoted = this.src;
    let tail = '';
    if (quoted.length > MAX_SOURCE_IN_LOCATION) {
      tail = `[truncated ${quoted.length - MAX_SOURCE_IN_LOCATION} chars]`;
      quoted = quoted.slice(0, MAX_SOURCE_IN_LOCATION);
    }
    return `[Source: (String)"${quoted}"${tail}; line: ${line}, column: ${column}]`;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message);
  }

  private unexpected(ch: number, msg: string): never {
    if (ch < 0) this.eof();
    this.fail(`Unexpected character (${charDesc(ch)}): ${msg}`);
  }

  private eof(detail?: string): never {
    if (detail) this.fail(`Unexpected end-of-input: ${detail}`);
    const ctx = this.ctx;
    if (ctx.type === 'root') this.fail('Unexpected end-of-input');
    const marker = ctx.type === 'object' ? 'Object' : 'Array';
    this.fail(`Unexpected end-of-input: expected close marker for ${marker} (start marker at ${this.location(ctx.line, ctx.column)})`);
  }

  /** Skips white space; returns the next char code, or -1 at the end of input. */
  private skipWs(): number {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (c > 0x20) {
        if (c === 0x2f /* / */) {
          this.fail(
            "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
          );
        }
        return c;
      }
      if (c === 0x0a) {
        this.line++;
        this.lineStart = this.pos + 1;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
        this.fail(`Illegal character (${charDesc(c)}): only regular white space (\\r, \\n, \\t) is allowed between tokens`);
      }
      this.pos++;
    }
    return -1;
  }

  private close(tok: Tok, text: string): Tok {
    this.pos++;
    this.ctx = this.stack.pop() as Context;
    this.text = text;
    if (this.ctx.type === 'root') this.ended = true; // event-ruler reads nothing after the root value
    return (this.token = tok);
  }

  private open(type: 'object' | 'array', tok: Tok, text: string): Tok {
    const column = this.pos - this.lineStart + 1;
    this.pos++;
    if (this.stack.length >= MAX_NESTING_DEPTH) {
      this.fail(
        `Document nesting depth (${this.stack.length + 1}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
      );
    }
    this.stack.push(this.ctx);
    this.ctx = { type, count: 0, expectValue: false, line: this.line, column };
    this.text = text;
    return (this.token = tok);
  }

  private value(ch: number): Tok {
    if (ch < 0) this.eof();
    switch (ch) {
      case 0x7b:
        return this.open('object', Tok.StartObject, '{');
      case 0x5b:
        return this.open('array', Tok.StartArray, '[');
      case 0x22:
        this.pos++;
        this.text = this.readString();
        if (this.ctx.type === 'root') this.ended = true;
        return (this.token = Tok.String);
      case 0x74:
        return this.literal('true', Tok.True);
      case 0x66:
        return this.literal('false', Tok.False);
      case 0x6e:
        return this.literal('null', Tok.Null);
      case 0x2d:
        return this.number();
      default:
        if (ch >= 0x30 && ch <= 0x39) return this.number();
        this.pos++;
        if (IDENT_START.test(String.fromCharCode(ch))) this.invalidToken(String.fromCharCode(ch));
        this.pos--;
        this.fail(`Unexpected character (${charDesc(ch)}): expected a valid value ${VALID_VALUES}`);
    }
  }

  /** Jackson's "Unrecognized token": quotes the identifier-like run starting at the bad token. */
  private invalidToken(matched: string): never {
    let token = matched;
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos] as string;
      if (!IDENT_PART.test(c)) break;
      this.pos++;
      token += c;
      if (token.length >= MAX_ERROR_TOKEN_LENGTH) {
        token += '...';
        break;
      }
    }
    this.fail(`Unrecognized token '${token}': was expecting ${VALID_VALUES}`);
  }

  private literal(word: string, tok: Tok): Tok {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    for (let i = 1; i < word.length; i++) {
      if (this.pos >= src.length || src.charCodeAt(this.pos) !== word.charCodeAt(i)) this.invalidToken(word.slice(0, i));
      this.pos++;
    }
    if (this.pos < src.length) {
      const c = src[this.pos] as string;
      if (c >= '0' && c !== ']' && c !== '}' && IDENT_PART.test(c)) this.invalidToken(word);
    }
    this.text = src.slice(start, this.pos);
    if (this.ctx.type === 'root') this.ended = true;
    return (this.token = tok);
  }

  private number(): Tok {
    const src = this.src;
    const start = this.pos;
    let floaty = false;
    const at = (): number => (this.pos < src.length ? src.charCodeAt(this.pos) : -1);
    const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
    if (at() === 0x2d) {
      this.pos++;
      const c = at();
      if (!isDigit(c)) {
        if (c < 0) this.eof('expected digit (0-9) to follow minus sign, for valid numeric value');
        this.fail(`Unexpected character (${charDesc(c)}) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value`);
      }
    }
    if (at() === 0x30) {
      this.pos++;
      if (isDigit(at())) this.fail('Invalid numeric value: Leading zeroes not allowed');
    } else {
      while (isDigit(at())) this.pos++;
    }
    if (at() === 0x2e /* . */) {
      floaty = true;
      this.pos++;
      const c = at();
      if (!isDigit(c)) {
        if (c < 0) this.eof('Decimal point not followed by a digit');
        this.fail(`Unexpected character (${charDesc(c)}) in numeric value: Decimal point not followed by a digit`);
      }
      while (isDigit(at())) this.pos++;
    }
    if (at() === 0x65 || at() === 0x45 /* e E */) {
      floaty = true;
      this.pos++;
      if (at() === 0x2b || at() === 0x2d) this.pos++;
      const c = at();
      if (!isDigit(c)) {
        if (c < 0) this.eof('Exponent indicator not followed by a digit');
        this.fail(`Unexpected character (${charDesc(c)}) in numeric value: Exponent indicator not followed by a digit`);
      }
      while (isDigit(at())) this.pos++;
    }
    this.text = src.slice(start, this.pos);
    if (this.text.length > MAX_NUMBER_LENGTH) {
      this.fail(
        `Number value length (${this.text.length}) exceeds the maximum allowed (${MAX_NUMBER_LENGTH}, from \`StreamReadConstraints.getMaxNumberLength()\`)`,
      );
    }
    if (this.ctx.type === 'root') {
      const c = at();
      if (c >= 0 && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
        this.fail(`Unexpected character (${charDesc(c)}): Expected space separating root-level values`);
      }
      this.ended = true;
    }
    return (this.token = floaty ? Tok.NumberFloat : Tok.NumberInt);
  }

  /** Reads a string body; `pos` is just after the opening quote. */
  private readString(): string {
    const src = this.src;
    let out = '';
    let runStart = this.pos;
    for (;;) {
      if (this.pos >= src.length) this.eof('was expecting closing quote for a string value');
      const c = src.charCodeAt(this.pos);
      if (c === 0x22) {
        out += src.slice(runStart, this.pos);
        this.pos++;
        return out;
      }
      if (c === 0x5c /* \ */) {
        out += src.slice(runStart, this.pos);
        this.pos++;
        if (this.pos >= src.length) this.eof('was expecting closing quote for a string value');
        const e = src.charCodeAt(this.pos++);
        switch (e) {
          case 0x22: out += '"'; break;
          case 0x5c: out += '\\'; break;
          case 0x2f: out += '/'; break;
          case 0x62: out += '\b'; break;
          case 0x66: out += '\f'; break;
          case 0x6e: out += '\n'; break;
          case 0x72: out += '\r'; break;
          case 0x74: out += '\t'; break;
          case 0x75: {
            let v = 0;
            for (let i = 0; i < 4; i++) {
              if (this.pos >= src.length) this.eof('was expecting closing quote for a string value');
              const h = src.charCodeAt(this.pos++);
              const d = h >= 0x30 && h <= 0x39 ? h - 0x30 : h >= 0x61 && h <= 0x66 ? h - 0x57 : h >= 0x41 && h <= 0x46 ? h - 0x37 : -1;
              if (d < 0) this.fail(`Unexpected character (${charDesc(h)}): expected a hex-digit for character escape sequence`);
              v = v * 16 + d;
            }
            out += String.fromCharCode(v);
            break;
          }
          default:
            this.fail(`Unrecognized character escape ${charDesc(e)}`);
        }
        runStart = this.pos;
        continue;
      }
      if (c < 0x20) {
        this.fail(`Illegal unquoted character (${charDesc(c)}): has to be escaped using backslash to be included in string value`);
      }
      this.pos++;
    }
  }
}
