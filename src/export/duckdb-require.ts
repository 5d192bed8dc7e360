/**
 * Loads `@duckdb/node-api` (an optional dependency) with CommonJS `require`, for the Parquet
 * writers: it is a CommonJS package, and an ESM import first scans each of its 120 modules
 * for named exports, 0.15-0.2 s more CPU per process (measured: import 0.30-0.38 s, require
 * 0.12-0.16 s). Resolved from this module, as an import would be; where this module has no
 * file of its own (code evaluated in a worker), the default loader imports it. Absent, it
 * fails as the default loader does (`loadDuckDB` names the package to install).
 */
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { defaultDuckDBLoader, DUCKDB_PACKAGE, type DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';

export const requireDuckDB: DuckDBLoader = async () => {
  let load: NodeJS.Require;
  try {
    load = createRequire(typeof __filename === 'string' && isAbsolute(__filename) ? __filename : import.meta.url);
  } catch {
    return defaultDuckDBLoader();
  }
  return load(DUCKDB_PACKAGE) as unknown;
};
