/**
 * Where `trailsim query` keeps what it loaded from an exported S3 tree: one DuckDB database
 * file per tree, named after a hash of the tree's absolute path, under the user's cache
 * folder (`$TRAILSIM_CACHE_DIR`, else `$XDG_CACHE_HOME/trailsim`, else `~/.cache/trailsim`;
 * `%LOCALAPPDATA%\trailsim\cache` on Windows). Inside, a table lists every log file loaded
 * with its size and modification time; a query compares it with the tree's listing, drops the
 * rows of files that changed or went away and loads only new or changed files. A cache written
 * by another layout version is rebuilt.
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TrailLogFile } from './s3-tree-files.js';

/** Bumped whenever the cached tables change shape: an older cache is rebuilt. */
export const CACHE_LAYOUT = '1';

/** The default cache folder (see the module comment); `env` is the process environment. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TRAILSIM_CACHE_DIR) return resolve(env.TRAILSIM_CACHE_DIR);
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'trailsim', 'cache');
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'trailsim');
  return join(homedir(), '.cache', 'trailsim');
}

/** The cache database for the tree at `dir` inside `cacheDir`. */
export function cacheFileFor(cacheDir: string, dir: string): string {
  const key = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
  return join(cacheDir, `query-${key}.duckdb`);
}

/** A loaded file as the cache lists it. */
export interface CachedFile {
  id: number;
  path: string;
  size: number;
  mtimeMs: number;
}

/** What to do to bring a cache in step with the tree's listing. */
export interface CachePlan {
  /** Cached files that changed or are gone: their rows are dropped. */
  drop: CachedFile[];
  /** Files to load (new or changed), in path order. */
  load: TrailLogFile[];
  /** Files whose cached rows are still good. */
  keep: number;
}

/** Compares the cache's file list with the tree's listing (path, size and mtime). */
export function planCache(cached: readonly CachedFile[], listing: readonly TrailLogFile[]): CachePlan {
  const byPath = new Map(cached.map((c) => [c.path, c]));
  const drop: CachedFile[] = [];
  const load: TrailLogFile[] = [];
  let keep = 0;
  for (const f of listing) {
    const c = byPath.get(f.path);
    if (c) byPath.delete(f.path);
    if (c && c.size === f.size && c.mtimeMs === f.mtimeMs) keep++;
    else {
      if (c) drop.push(c);
      load.push(f);
    }
  }
  drop.push(...byPath.values());
  return { drop, load, keep };
}
