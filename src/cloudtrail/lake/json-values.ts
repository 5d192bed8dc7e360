/**
 * DuckDB result values as JSON values, for `trailsim query --json`: numbers stay numbers
 * (integers, BIGINT and HUGEINT counts when they fit in a double exactly, DECIMAL, DOUBLE),
 * (a DECIMAL as the nearest double), booleans stay booleans, NULL is null, lists and arrays are arrays, structs and maps are
 * objects; anything else (timestamps, dates, UUIDs, ...) is the text Athena prints. An
 * integer too large for a double, or a non-finite double, is written as its text so no
 * digit is lost.
 */
import type * as DuckDB from '@duckdb/node-api';
import { formatValue } from './result-format.js';

import type { JsonValue } from '../../record/types.js';

/** DuckDB type ids used here (DuckDBTypeId). */
const T = { DECIMAL: 19, LIST: 24, STRUCT: 25, MAP: 26, ARRAY: 33 } as const;

type AnyType = DuckDB.DuckDBType & { valueType?: AnyType; keyType?: AnyType; entryNames?: readonly string[]; entryTypes?: readonly AnyType[] };

/** One result value as JSON. */
export function toJsonValue(value: unknown, type: AnyType | undefined): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  const id = type?.typeId as number | undefined;
  const v = value as { items?: readonly unknown[]; entries?: unknown; toDouble?: () => number };
  if (id === T.DECIMAL && typeof v.toDouble === 'function') {
    const d = v.toDouble();
    return Number.isFinite(d) ? d : formatValue(value, type);
  }
  if ((id === T.LIST || id === T.ARRAY) && Array.isArray(v.items)) return v.items.map((x) => toJsonValue(x, type!.valueType));
  if (id === T.MAP && Array.isArray(v.entries)) {
    const out: Record<string, JsonValue> = {};
    for (const e of v.entries as { key: unknown; value: unknown }[]) out[e.key === null ? 'null' : formatValue(e.key, type!.keyType)] = toJsonValue(e.value, type!.valueType);
    return out;
  }
  if (id === T.STRUCT && v.entries && typeof v.entries === 'object') {
    const entries = v.entries as Record<string, unknown>;
    const names = type!.entryNames ?? Object.keys(entries);
    const out: Record<string, JsonValue> = {};
    names.forEach((n, i) => (out[n] = toJsonValue(entries[n], type!.entryTypes?.[i])));
    return out;
  }
  return formatValue(value, type);
}
