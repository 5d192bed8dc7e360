/**
 * Starting trailsim's own worker threads from the built package or from a source checkout.
 * A worker module is named by its path under `src/` without extension (`cli/generate-worker`);
 * tsup builds each as its own entry (`dist/cli/generate-worker.js`), next to the chunks.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TrailsimError } from '../core/errors.js';

export interface WorkerScript {
  url: URL | string;
  eval?: boolean;
  execArgv?: string[];
}

/** The worker script: the built `.js`, or the TypeScript source loaded through tsx. */
export function workerScript(name: string): WorkerScript {
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  // Built: this code sits in dist/ (a chunk) or dist/<dir>/ (inlined into an entry).
  for (const rel of [`./${name}.js`, `../${name}.js`]) {
    const u = new URL(rel, here);
    // A parent started with `--input-type` (node -e) would pass it on to a file-based worker, which Node refuses.
    if (existsSync(fileURLToPath(u))) return { url: u, execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) };
  }
  const ts = new URL(`../${name}.ts`, here);
  if (existsSync(fileURLToPath(ts))) {
    // Source checkout (tests, `npm run trailsim`): a worker does not inherit tsx's loader
    // hooks in Node 20, so it registers them before importing the source.
    // require.resolve finds the CommonJS build; its ESM twin sits beside it.
    const cjs = createRequire(fileURLToPath(here)).resolve('tsx/esm/api');
    const mjs = cjs.replace(/\.cjs$/, '.mjs');
    const api = pathToFileURL(existsSync(mjs) ? mjs : cjs).href;
    return { url: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })`, eval: true };
  }
  throw new Error(`cannot find the worker script ${name} next to ${here}`);
}

/**
 * A worker with the parent's Node options where Node accepts them. V8 and process-wide
 * options (`node --max-old-space-size=… trailsim …`) are refused in a worker's execArgv;
 * V8's flags apply to every thread anyway, so the worker then starts without options.
 */
export function startWorker(spec: WorkerScript, workerData: unknown): Worker {
  try {
    return new Worker(spec.url, { workerData, eval: spec.eval, execArgv: spec.execArgv });
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    return new Worker(spec.url, { workerData, eval: spec.eval, execArgv: [] });
  }
}

/**
 * How a calling thread waits on its workers: `next()` resolves at the next `notify()` (a
 * message, a finished write) or at once when a failure is already kept; the first failure
 * is kept for the caller to throw. A worker that errors or exits with a non-zero code
 * counts as a failure.
 */
export class WorkerSignal {
  failed: Error | undefined;
  private waiting: (() => void)[] = [];

  readonly notify = (): void => {
    const w = this.waiting;
    this.waiting = [];
    for (const f of w) f();
  };

  readonly fail = (e: Error): void => {
    this.failed ??= e;
    this.notify();
  };

  /** Resolves at the next notify or failure (at once if one is kept). */
  next(): Promise<void> {
    if (this.failed) return Promise.resolve();
    return new Promise<void>((r) => void this.waiting.push(r));
  }

  /** Throws the first failure, if any. */
  check(): void {
    if (this.failed) throw this.failed;
  }

  /** Waits, notify after notify, until `done()` holds; throws the first failure, before or after. */
  async until(done: () => boolean): Promise<void> {
    while (!done()) {
      this.check();
      await this.next();
    }
    this.check();
  }

  /** Fails on the worker's error or non-zero exit; `gone` runs after either, and after a clean exit. */
  watch(w: Worker, name: string, gone?: () => void): void {
    w.on('error', (e) => (this.fail(e), gone?.()));
    w.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`${name} exited with code ${code}`));
      else this.notify();
      gone?.();
    });
  }
}

/** An error as a worker posts it: a structured clone keeps no class, so what matters travels. */
export interface PostedError {
  message: string;
  name: string;
  stack?: string;
  /** Node's error code (`EISDIR`, ...), when it had one. */
  code?: string;
  /** Thrown by trailsim (a `TrailsimError`): the CLI reports it as an input error, not a crash. */
  trailsim: boolean;
}

/** What a worker posts for an error it caught. */
export function postedError(e: unknown): PostedError {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as NodeJS.ErrnoException).code;
  return { message: err.message, name: err.name, stack: err.stack, ...(typeof code === 'string' ? { code } : {}), trailsim: TrailsimError.is(err) };
}

/** A worker's error on this side: its name, message, stack and code; a `TrailsimError` when trailsim threw it. */
export function receivedError(p: PostedError): Error {
  const e: Error & { code?: string } = p.trailsim ? new TrailsimError(p.message) : new Error(p.message);
  e.name = p.name;
  if (p.stack) e.stack = p.stack;
  if (p.code) e.code = p.code;
  return e;
}
