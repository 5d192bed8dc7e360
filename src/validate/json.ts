/**
 * Reading untrusted JSON safely: only own properties count (a record with a key
 * "constructor" or "__proto__" must not reach Object.prototype), and a key whose value is
 * `undefined` is absent, as it would be once serialised.
 */
export type JsonRecord = Record<string, unknown>;

export function isObject(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The own property `key` of `o`, or undefined. */
export function own(o: JsonRecord, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

export function has(o: JsonRecord, key: string): boolean {
  return Object.hasOwn(o, key) && o[key] !== undefined;
}

/** Own property as a string, or undefined when absent or not a string. */
export function str(o: JsonRecord, key: string): string | undefined {
  const v = own(o, key);
  return typeof v === 'string' ? v : undefined;
}

/** Size in bytes of a value serialised as compact JSON (UTF-8), or undefined if it cannot be. */
export function jsonSize(v: unknown): number | undefined {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? undefined : Buffer.byteLength(s, 'utf8');
  } catch {
    return undefined; // cycles, BigInt: not JSON
  }
}

/** A path segment: `a.b` for names that are identifiers, `a["x-y"]` otherwise. */
export function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}
