/**
 * Splits the elements of one JSON array out of a stream of text chunks, one element at a
 * time, without holding the whole array: how `{"Records":[...]}` files of any size are
 * read. Only the array's own structure is scanned (strings, escapes, nesting); each
 * element's text is handed back for JSON.parse.
 */
import { TrailsimInputError } from '../core/errors.js';

export interface ArrayElement {
  text: string;
  /** 1-based line where the element starts. */
  line: number;
}

/** The array's structure is broken (or the input ends inside it); reported as `json.parse`. */
export class JsonArraySyntaxError extends TrailsimInputError {
  override name = 'JsonArraySyntaxError';
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

type State = 'beforeValue' | 'inValue' | 'afterValue' | 'done' | 'failed';

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class JsonArrayScanner {
  private state: State = 'beforeValue';
  private line: number;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  private parts: string[] = [];
  private valueLine = 0;
  private afterComma = false;

  /** `line` is the line the scanner starts on (the one holding the array's `[`). */
  constructor(line = 1) {
    this.line = line;
  }

  /** Set when the array's structure is broken; no elements follow it. */
  error: JsonArraySyntaxError | undefined;

  /** True once the array closed or its structure broke. */
  get finished(): boolean {
    return this.state === 'done' || this.state === 'failed';
  }

  /**
   * Feeds text that follows the array's opening `[`; returns the elements completed in it.
   * On a structural error, returns the elements before it and sets `error`.
   */
  push(chunk: string): ArrayElement[] {
    const out: ArrayElement[] = [];
    let i = 0;
    let valueStart = 0;
    const n = chunk.length;
    while (i < n && !this.finished) {
      const c = chunk.charCodeAt(i);
      if (this.state === 'beforeValue' || this.state === 'afterValue') {
        if (c === 0x0a) this.line++;
        if (isSpace(c)) { i++; continue; }
        if (this.state === 'afterValue') {
          if (c === 0x2c /* , */) { this.state = 'beforeValue'; this.afterComma = true; i++; continue; }
          if (c === 0x5d /* ] */) { this.close(chunk, i + 1); break; }
          this.fail(`expected "," or "]" between array elements, found ${JSON.stringify(chunk[i])}`);
          break;
        }
        if (c === 0x5d) {
          if (this.afterComma) { this.fail('trailing "," before "]"'); break; }
          this.close(chunk, i + 1);
          break;
        }
        if (c === 0x2c) { this.fail('missing array element before ","'); break; }
        this.state = 'inValue';
        this.valueLine = this.line;
        this.depth = 0;
        this.inString = false;
        this.escaped = false;
        this.scalar = c !== 0x7b && c !== 0x5b && c !== 0x22; // not { [ "
        valueStart = i;
        // fall through into inValue with the same character
      }
      // inValue
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c /* \ */) this.escaped = true;
        else if (c === 0x22) {
          this.inString = false;
          if (this.depth === 0) { i++; this.endValue(chunk, valueStart, i, out); continue; }
        } else if (c === 0x0a) this.line++;
        i++;
        continue;
      }
      if (this.scalar) {
        if (c === 0x2c || c === 0x5d || isSpace(c)) { this.endValue(chunk, valueStart, i, out); continue; }
        i++;
        continue;
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.depth === 0) { i++; this.endValue(chunk, valueStart, i, out); continue; }
      } else if (c === 0x0a) this.line++;
      i++;
    }
    if (this.state === 'inValue') this.parts.push(chunk.slice(valueStart));
    return out;
  }

  /** Call at end of input: sets and returns `error` if the array was never closed. */
  end(): JsonArraySyntaxError | undefined {
    if (!this.finished) this.fail('unexpected end of input inside the array (file truncated?)');
    return this.error;
  }

  /** Text that followed the closing `]` in the chunk that closed the array. */
  trailing = '';

  /** Line the scanner has reached. */
  get currentLine(): number {
    return this.line;
  }

  private close(chunk: string, after: number): void {
    this.state = 'done';
    this.trailing = chunk.slice(after);
  }

  private fail(message: string): void {
    this.error = new JsonArraySyntaxError(message, this.line);
    this.state = 'failed';
    this.parts = [];
  }

  private endValue(chunk: string, start: number, end: number, out: ArrayElement[]): void {
    this.parts.push(chunk.slice(start, end));
    out.push({ text: this.parts.join(''), line: this.valueLine });
    this.parts = [];
    this.state = 'afterValue';
    this.afterComma = false;
  }
}
