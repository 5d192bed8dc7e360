/**
 * A dictionary of the distinct values of one record field: each distinct value gets a small
 * integer code, so a store keeps 4 bytes per event for a field whose values repeat
 * (eventSource, userIdentity, tlsDetails, ...). Code 0 means "field absent". Values are
 * keyed by their JSON text, so `"5"` and `5` stay distinct and decode to what was ingested;
 * frozen objects (principals share one frozen userIdentity) are also keyed by identity, which
 * saves serialising them again.
 */
import type { JsonValue } from '../../record/types.js';

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

export class Dictionary {
  private readonly strings = new Map<string, number>();
  private readonly others = new Map<string, number>();
  private readonly frozen = new WeakMap<object, number>();
  /** JSON text per code (index 0 unused). */
  readonly json: string[] = [''];
  private readonly decoded: (JsonValue | undefined)[] = [undefined];
  private readonly isString: boolean[] = [false];

  /** Number of codes handed out, plus one for "absent". */
  get size(): number {
    return this.json.length;
  }

  private nullCode = 0;
  private trueCode = 0;
  private falseCode = 0;

  /** The code of `value`, adding it when new; 0 for undefined. */
  code(value: unknown): number {
    if (value === undefined) return 0;
    // null and booleans are most of some fields (responseElements, readOnly): skip serialising them.
    if (value === null) return this.nullCode || (this.nullCode = this.codeOfText('null'));
    if (value === true) return this.trueCode || (this.trueCode = this.codeOfText('true'));
    if (value === false) return this.falseCode || (this.falseCode = this.codeOfText('false'));
    if (typeof value === 'string') {
      let c = this.strings.get(value);
      if (c === undefined) {
        c = this.add(JSON.stringify(value), value, true);
        this.strings.set(value, c);
      }
      return c;
    }
    if (typeof value === 'object' && value !== null && Object.isFrozen(value)) {
      const c = this.frozen.get(value);
      if (c !== undefined) return c;
      const text = JSON.stringify(value);
      let code = this.others.get(text);
      if (code === undefined) {
        code = this.add(text, undefined, false);
        this.others.set(text, code);
      }
      this.frozen.set(value, code);
      return code;
    }
    const text = JSON.stringify(value);
    let c = this.others.get(text);
    if (c === undefined) {
      c = this.add(text, undefined, false);
      this.others.set(text, c);
    }
    return c;
  }

  private codeOfText(text: string): number {
    let c = this.others.get(text);
    if (c === undefined) {
      c = this.add(text, undefined, false);
      this.others.set(text, c);
    }
    return c;
  }

  private add(text: string, decoded: JsonValue | undefined, isString: boolean): number {
    this.json.push(text);
    this.decoded.push(decoded);
    this.isString.push(isString);
    return this.json.length - 1;
  }

  /** The value of a code, as ingested (objects come back deep-frozen and shared). */
  value(code: number): JsonValue | undefined {
    if (code === 0) return undefined;
    let v = this.decoded[code];
    if (v === undefined) {
      v = deepFreeze(JSON.parse(this.json[code]) as JsonValue);
      this.decoded[code] = v;
    }
    return v;
  }

  /** True when the code's value is a string. */
  stringAt(code: number): boolean {
    return this.isString[code];
  }
}
