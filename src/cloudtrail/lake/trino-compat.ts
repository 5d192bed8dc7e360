/**
 * The Trino functions Lake SQL uses that DuckDB lacks or defines differently, as DuckDB
 * macros registered once per connection (a macro may shadow a built-in; `system.main.f`
 * still reaches the built-in). CloudTrail Lake "supports all valid Trino SQL SELECT
 * statements, functions, and operators" (CloudTrail Lake SQL constraints); the list below
 * covers the functions of the 2023 allow-list and those the aws-samples query corpus uses.
 *
 * Semantics follow Trino's documentation:
 * - `element_at(map, key)` is the value (DuckDB's returns a list), `element_at(array, i)` is
 *   1-based and NULL out of range;
 * - `json_extract_scalar` is NULL for objects and arrays; `json_array_get` takes a 0-based
 *   index, negative from the end;
 * - `day_of_week`/`dow` are ISO (Monday 1 .. Sunday 7); `millisecond` is 0..999;
 * - `date_add(unit, n, ts)`; `from_iso8601_timestamp` gives a timestamp with time zone;
 * - `regexp_replace` replaces every match; `replace(s, f)` removes `f`;
 * - `cardinality` works on arrays and maps.
 * Known gaps: `CAST(json AS VARCHAR)` keeps JSON quotes (Trino unquotes a JSON string);
 * `regexp_replace` replacement groups are `\1` (Trino: `$1`); Joda/MySQL date formats
 * (`format_datetime`, `date_format`, `date_parse`) are not translated.
 */
export const TRINO_COMPAT_MACROS: readonly string[] = [
  `CREATE OR REPLACE MACRO element_at(c, k) AS c[k]`,
  `CREATE OR REPLACE MACRO json_extract_scalar(j, p) AS CASE WHEN json_type(CAST(j AS JSON), p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(CAST(j AS JSON), p) END`,
  `CREATE OR REPLACE MACRO json_array_get(j, i) AS json_extract(CAST(j AS JSON), CASE WHEN i < 0 THEN '$[#' || CAST(i AS VARCHAR) || ']' ELSE '$[' || CAST(i AS VARCHAR) || ']' END)`,
  `CREATE OR REPLACE MACRO json_parse(s) AS CAST(s AS JSON)`,
  `CREATE OR REPLACE MACRO json_format(j) AS CAST(j AS VARCHAR)`,
  `CREATE OR REPLACE MACRO is_json_scalar(j) AS json_type(CAST(j AS JSON)) NOT IN ('OBJECT', 'ARRAY')`,
  `CREATE OR REPLACE MACRO json_array_contains(j, v) AS list_contains(list_transform(json_extract(CAST(j AS JSON), '$[*]'), x -> CAST(x AS VARCHAR)), CAST(to_json(v) AS VARCHAR))`,
  `CREATE OR REPLACE MACRO json_size(j, p) AS CASE json_type(CAST(j AS JSON), p) WHEN 'ARRAY' THEN json_array_length(CAST(j AS JSON), p) WHEN 'OBJECT' THEN len(json_keys(CAST(j AS JSON), p)) ELSE 0 END`,
  `CREATE OR REPLACE MACRO cardinality(x) AS CASE WHEN json_type(to_json(x)) = 'ARRAY' THEN json_array_length(to_json(x)) ELSE len(json_keys(to_json(x))) END`,
  `CREATE OR REPLACE MACRO day_of_week(t) AS isodow(t)`,
  `CREATE OR REPLACE MACRO dow(t) AS isodow(t)`,
  `CREATE OR REPLACE MACRO day_of_month(t) AS dayofmonth(t)`,
  `CREATE OR REPLACE MACRO day_of_year(t) AS dayofyear(t)`,
  `CREATE OR REPLACE MACRO doy(t) AS dayofyear(t)`,
  `CREATE OR REPLACE MACRO week_of_year(t) AS week(t)`,
  `CREATE OR REPLACE MACRO year_of_week(t) AS isoyear(t)`,
  `CREATE OR REPLACE MACRO yow(t) AS isoyear(t)`,
  `CREATE OR REPLACE MACRO millisecond(t) AS system.main.millisecond(t) % 1000`,
  `CREATE OR REPLACE MACRO from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)`,
  `CREATE OR REPLACE MACRO from_iso8601_date(s) AS CAST(s AS DATE)`,
  `CREATE OR REPLACE MACRO to_iso8601(t) AS strftime(CAST(t AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ')`,
  `CREATE OR REPLACE MACRO from_unixtime(n) AS to_timestamp(n)`,
  `CREATE OR REPLACE MACRO to_unixtime(t) AS epoch(t)`,
  `CREATE OR REPLACE MACRO date_add(u, n, t) AS t + CAST(CAST(n AS VARCHAR) || ' ' || u AS INTERVAL)`,
  `CREATE OR REPLACE MACRO regexp_like(s, p) AS regexp_matches(s, p)`,
  `CREATE OR REPLACE MACRO regexp_replace(s, p) AS system.main.regexp_replace(s, p, '', 'g'), (s, p, r) AS system.main.regexp_replace(s, p, r, 'g')`,
  `CREATE OR REPLACE MACRO replace(s, f) AS system.main.replace(s, f, ''), (s, f, r) AS system.main.replace(s, f, r)`,
  `CREATE OR REPLACE MACRO approx_distinct(x) AS approx_count_distinct(x)`,
  `CREATE OR REPLACE MACRO approx_percentile(x, p) AS approx_quantile(x, p)`,
  `CREATE OR REPLACE MACRO arbitrary(x) AS any_value(x)`,
  `CREATE OR REPLACE MACRO array_max(a) AS list_max(a)`,
  `CREATE OR REPLACE MACRO array_min(a) AS list_min(a)`,
  `CREATE OR REPLACE MACRO array_join(a, d) AS array_to_string(a, d)`,
  `CREATE OR REPLACE MACRO slice(a, s, n) AS CASE WHEN s < 0 THEN list_slice(a, len(a) + s + 1, len(a) + s + n) ELSE list_slice(a, s, s + n - 1) END`,
];
