/**
 * Loads DuckDB (`@duckdb/node-api`, an optional dependency) on first use, so importing
 * trailsim, creating event data stores and ingesting events never need it; only SQL does.
 * The loader is injectable: tests simulate its absence, and users can supply their own build.
 */
import type * as DuckDB from '@duckdb/node-api';
import { LakeEngineUnavailableError } from './errors.js';
import { TRINO_COMPAT_MACROS } from './trino-compat.js';

export type DuckDBApi = typeof DuckDB;
/** Resolves to the `@duckdb/node-api` module. */
export type DuckDBLoader = () => Promise<unknown>;

export const DUCKDB_PACKAGE = '@duckdb/node-api';

// The specifier is held in a variable so bundlers leave the import to run time.
const packageName: string = DUCKDB_PACKAGE;
export const defaultDuckDBLoader: DuckDBLoader = () => import(packageName);

const cache = new WeakMap<DuckDBLoader, Promise<DuckDBApi>>();

/**
 * The DuckDB module, or LakeEngineUnavailableError naming the package to install. `purpose`
 * starts the message: what needs DuckDB (Lake SQL, `trailsim query`, Parquet export).
 */
export function loadDuckDB(loader: DuckDBLoader = defaultDuckDBLoader, purpose = 'CloudTrail Lake SQL'): Promise<DuckDBApi> {
  let p = cache.get(loader);
  if (!p) {
    p = (async () => {
      let mod: unknown;
      try {
        mod = await loader();
      } catch (cause) {
        throw new LakeEngineUnavailableError(
          `needs the optional package ${DUCKDB_PACKAGE}, which could not be loaded (${(cause as Error)?.message ?? String(cause)}). Install it with: npm install ${DUCKDB_PACKAGE}`,
          { cause },
        );
      }
      const api = ((mod as { DuckDBInstance?: unknown }).DuckDBInstance ? mod : (mod as { default?: unknown }).default) as DuckDBApi | undefined;
      if (!api || typeof api.DuckDBInstance?.create !== 'function') {
        throw new LakeEngineUnavailableError(`needs ${DUCKDB_PACKAGE}, but the module loaded for it does not export DuckDBInstance. Install it with: npm install ${DUCKDB_PACKAGE}`);
      }
      return api;
    })();
    cache.set(loader, p);
    // A failed load may succeed later (after an install); do not keep the failure.
    p.catch(() => cache.delete(loader));
  }
  // The cached failure says what is missing; each caller says what needed it.
  return p.catch((e: unknown) => {
    if (e instanceof LakeEngineUnavailableError) throw new LakeEngineUnavailableError(`${purpose} ${e.message}`, { cause: e.cause });
    throw e;
  });
}

export interface DuckDBSession {
  api: DuckDBApi;
  instance: DuckDB.DuckDBInstance;
  connection: DuckDB.DuckDBConnection;
}

/**
 * A DuckDB (in memory unless `path` names a database file) with one thread (results do not depend on scheduling), UTC, no
 * extension downloads, and the Trino compatibility macros. `externalAccess: false` also
 * stops SQL from reading or writing files (Lake queries never need to).
 */
export async function openDuckDB(
  loader: DuckDBLoader | undefined,
  opts: { externalAccess: boolean; path?: string; purpose?: string; config?: Record<string, string> },
): Promise<DuckDBSession> {
  const api = await loadDuckDB(loader, opts.purpose);
  const instance = await api.DuckDBInstance.create(opts.path ?? ':memory:', {
    threads: '1',
    autoinstall_known_extensions: 'false',
    ...(opts.externalAccess ? {} : { enable_external_access: 'false' }),
    ...opts.config,
  });
  const connection = await instance.connect();
  // ICU is built in; time zone conversions (timestamp with time zone) use UTC whatever the host's zone.
  await connection.run(`SET TimeZone = 'UTC'`);
  for (const m of TRINO_COMPAT_MACROS) await connection.run(m);
  return { api, instance, connection };
}

/** Closes a session's connection and instance. */
export function closeDuckDB(s: DuckDBSession): void {
  s.connection.closeSync();
  s.instance.closeSync();
}
