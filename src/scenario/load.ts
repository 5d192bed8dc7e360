import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { ScenarioLoadError } from '../core/errors.js';

/**
 * Imports a scenario file. Under a TypeScript loader (tsx, vitest) a plain import works;
 * otherwise (the installed `trailsim` binary) tsx, a well-kept loader, is registered and
 * the import retried, so scenario .ts files run without a build step.
 *
 * Failures become one `ScenarioLoadError` naming the file and, where known, the line and
 * column: a missing file, a syntax error (esbuild's TransformError under tsx), an import
 * that cannot be resolved, an exception while the module's top level runs.
 */
export async function importScenarioModule(file: string): Promise<unknown> {
  const path = resolve(file);
  if (!existsSync(path)) throw new ScenarioLoadError(`${file}: no such file. Give the path of a scenario .ts file ('trailsim scenarios' lists the ones that ship).`, { file });
  if (statSync(path).isDirectory()) throw new ScenarioLoadError(`${file} is a folder, not a scenario file.`, { file });
  const url = pathToFileURL(path).href;
  try {
    try {
      return await import(url);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ERR_UNKNOWN_FILE_EXTENSION' && code !== 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING') throw e;
      // Both hooks: a .ts file in a package without "type": "module" is CommonJS to Node, and
      // is then loaded through require(), which only tsx's CommonJS hook can compile.
      const [esm, cjs] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
      esm.register();
      cjs.register();
      // Node caches the failed load of this URL: import it again under a new URL.
      return await import(`${url}?tsx`);
    }
  } catch (e) {
    throw loadError(e, file, path);
  }
}

interface Position {
  line?: number;
  column?: number;
}

/**
 * esbuild's TransformError (what tsx throws on a syntax error): `errors[0].location` (1-based
 * line, 0-based column) or, when the error crossed tsx's loader thread and lost its
 * properties, the first `file:line:column: ERROR: text` line of its message (same bases).
 */
function esbuildPosition(e: unknown): (Position & { text: string }) | undefined {
  const m = /^(?:.*?):(\d+):(\d+): ERROR: (.+)$/m.exec((e as Error)?.message ?? '');
  if (m && /Transform failed/.test((e as Error).message)) return { text: m[3], line: Number(m[1]), column: Number(m[2]) + 1 };
  const errors = (e as { errors?: { text?: string; location?: { line?: number; column?: number } | null }[] }).errors;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  if (!first || typeof first.text !== 'string') return undefined;
  const loc = first.location;
  return { text: first.text, ...(loc?.line !== undefined ? { line: loc.line } : {}), ...(loc?.column !== undefined ? { column: loc.column + 1 } : {}) };
}

/** The first `path:line:column` of `path` in an error's text or stack. */
export function positionIn(text: string | undefined, path: string): Position {
  if (!text) return {};
  const url = pathToFileURL(path).href;
  for (const name of [url, path]) {
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`${esc}(?:\\?[^:\\s)]*)?:(\\d+)(?::(\\d+))?`).exec(text);
    if (m) return { line: Number(m[1]), ...(m[2] !== undefined ? { column: Number(m[2]) } : {}) };
  }
  return {};
}

/** `file:line:column`, as much of it as is known. */
export function where(file: string, p: Position): string {
  return `${file}${p.line !== undefined ? `:${p.line}` : ''}${p.line !== undefined && p.column !== undefined ? `:${p.column}` : ''}`;
}

function loadError(e: unknown, file: string, path: string): ScenarioLoadError {
  const err = e as Error & { code?: string };
  const es = esbuildPosition(e);
  if (es) return new ScenarioLoadError(`${where(file, es)}: syntax error: ${es.text}`, { file, ...pos(es), cause: e });
  const code = err?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
    const spec = /Cannot find (?:module|package) '([^']+)'/.exec(err.message)?.[1];
    const p = spec ? importLine(path, spec) : {};
    const name = spec && !spec.startsWith('/') && !spec.startsWith('file:') ? `'${spec}'` : spec ? `'${spec.startsWith('file:') ? fileURLToPath(spec) : spec}'` : 'a module';
    const hint = spec === 'trailsim' ? " (install it next to the scenario: npm install trailsim)" : '';
    return new ScenarioLoadError(`${where(file, p)}: cannot import ${name}${hint}: ${err.message.split('\n')[0]}`, { file, ...p, cause: e });
  }
  if (err instanceof SyntaxError) {
    const p = positionIn(err.stack, path);
    return new ScenarioLoadError(`${where(file, p)}: syntax error: ${err.message}`, { file, ...p, cause: e });
  }
  const p = positionIn(err?.stack, path);
  return new ScenarioLoadError(`${where(file, p)}: loading the scenario failed: ${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`, { file, ...p, cause: e });
}

function pos(p: Position): Position {
  return { ...(p.line !== undefined ? { line: p.line } : {}), ...(p.column !== undefined ? { column: p.column } : {}) };
}

/** Where the scenario's source names `spec` (an import line), for a failed import. */
function importLine(path: string, spec: string): Position {
  try {
    const lines = readFileSync(path, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const col = Math.max(lines[i].indexOf(`'${spec}'`), lines[i].indexOf(`"${spec}"`));
      if (col >= 0) return { line: i + 1, column: col + 1 };
    }
  } catch {
    /* position unknown */
  }
  return {};
}
