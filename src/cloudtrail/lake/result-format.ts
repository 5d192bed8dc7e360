/**
 * DuckDB values to Lake's result strings. GetQueryResults returns every value as a string
 * (`QueryResultRows`: rows of `{column: value}` maps, CloudTrail API reference). Formats
 * follow Trino's text rendering, which Lake uses: timestamps `YYYY-MM-DD HH:MM:SS.mmm`
 * (with ` UTC` for timestamps with time zone), doubles as Java prints them (`2.0`, `1.5E7`),
 * arrays `[a, b]`, maps and rows `{k=v, k2=v2}`. SQL NULL becomes the empty string (the
 * all-strings row format has no null; trailsim's choice); inside arrays, maps and rows it is
 * written `null`.
 */
import type * as DuckDB from '@duckdb/node-api';

/** DuckDB type ids used here (DuckDBTypeId). */
const T = { BOOLEAN: 1, FLOAT: 10, DOUBLE: 11, TIMESTAMP: 12, DATE: 13, TIME: 14, TIMESTAMP_S: 20, TIMESTAMP_MS: 21, TIMESTAMP_NS: 22, LIST: 24, STRUCT: 25, MAP: 26, ARRAY: 33, TIMESTAMP_TZ: 31 } as const;

type AnyType = DuckDB.DuckDBType & { valueType?: AnyType; keyType?: AnyType; entryNames?: readonly string[]; entryTypes?: readonly AnyType[] };

/** A double as Java's Double.toString writes it. */
export function javaDouble(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e7) {
    const s = String(v);
    return s.includes('.') ? s : s + '.0';
  }
  const [m, e] = v.toExponential().split('e');
  return `${m.includes('.') ? m : m + '.0'}E${Number(e)}`;
}

function isoFromMicros(micros: bigint): string {
  const ms = Number(micros / 1000n) - (micros % 1000n < 0n ? 1 : 0);
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function formatNested(value: unknown, type: AnyType | undefined): string {
  return value === null || value === undefined ? 'null' : formatValue(value, type);
}

/** One value as Lake writes it (not NULL). */
export function formatValue(value: unknown, type: AnyType | undefined): string {
  const id = type?.typeId as number | undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return id === T.DOUBLE || id === T.FLOAT ? javaDouble(value) : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object' && value !== null) {
    const v = value as { micros?: bigint; millis?: bigint; seconds?: bigint; nanos?: bigint; days?: number; items?: readonly unknown[]; entries?: unknown };
    if (id === T.TIMESTAMP || id === T.TIMESTAMP_TZ) {
      const s = isoFromMicros(v.micros!);
      return id === T.TIMESTAMP_TZ ? `${s} UTC` : s;
    }
    if (id === T.TIMESTAMP_MS && v.millis !== undefined) return isoFromMicros(v.millis * 1000n);
    if (id === T.TIMESTAMP_S && v.seconds !== undefined) return isoFromMicros(v.seconds * 1_000_000n);
    if (id === T.TIMESTAMP_NS && v.nanos !== undefined) return isoFromMicros(v.nanos / 1000n);
    if ((id === T.LIST || id === T.ARRAY) && Array.isArray(v.items)) return `[${v.items.map((x) => formatNested(x, type!.valueType)).join(', ')}]`;
    if (id === T.MAP && Array.isArray(v.entries)) {
      return `{${(v.entries as { key: unknown; value: unknown }[]).map((e) => `${formatNested(e.key, type!.keyType)}=${formatNested(e.value, type!.valueType)}`).join(', ')}}`;
    }
    if (id === T.STRUCT && v.entries && typeof v.entries === 'object') {
      const names = type!.entryNames ?? Object.keys(v.entries);
      const entries = v.entries as Record<string, unknown>;
      return `{${names.map((n, i) => `${n}=${formatNested(entries[n], type!.entryTypes?.[i])}`).join(', ')}}`;
    }
    return String(value);
  }
  return String(value);
}

/** A result cell as Lake returns it: NULL is the empty string. */
export function formatCell(value: unknown, type: AnyType | undefined): string {
  return value === null || value === undefined ? '' : formatValue(value, type);
}
