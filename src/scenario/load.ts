import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/**
 * Imports a scenario file. Under a TypeScript loader (tsx, vitest) a plain import works;
 * otherwise (the installed `trailsim` binary) tsx, a well-kept loader, is registered and
 * the import retried, so scenario .ts files run without a build step.
 */
export async function importScenarioModule(file: string): Promise<unknown> {
  const url = pathToFileURL(resolve(file)).href;
  try {
    return await import(url);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'ERR_UNKNOWN_FILE_EXTENSION' && code !== 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING') throw e;
    const { register } = await import('tsx/esm/api');
    register();
    // Node caches the failed load of this URL: import it again under a new URL.
    return await import(`${url}?tsx`);
  }
}
