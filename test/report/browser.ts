/**
 * A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
 * JSON messages ending in NUL on file descriptors 3 and 4), so no WebSocket client and no
 * browser download are needed: Debian's `chromium` package is enough. Used by the report
 * tests to load a page, collect console errors and exceptions, read page state, and take a
 * full-page screenshot.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';

/** The Chromium binary: $TRAILSIM_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH. */
export function findChromium(): string | undefined {
  const env = process.env.TRAILSIM_CHROMIUM;
  if (env && existsSync(env)) return env;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const p = r.stdout.trim();
    if (r.status === 0 && p) return p;
  }
  return undefined;
}

export interface PageInspection {
  /** console.error / console.warn messages, uncaught exceptions, and browser log errors (failed loads). */
  readonly problems: string[];
  /** What `expression` returned. */
  readonly value: unknown;
  /** Bytes of the PNG written to `screenshot`. */
  readonly screenshotBytes: number;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** Loads `file` in headless Chromium, evaluates `expression` once the page has loaded, and saves a full-page screenshot. */
export async function inspectPage(chromium: string, file: string, expression: string, screenshot: string, width = 1400, maxHeight = 16000): Promise<PageInspection> {
  const profile = mkdtempSync(join(tmpdir(), 'trailsim-chromium-'));
  const child = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  const listeners: ((m: Message) => void)[] = [];
  let buf = '';
  fromBrowser.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let i;
    while ((i = buf.indexOf('\0')) >= 0) {
      const m = JSON.parse(buf.slice(0, i)) as Message;
      buf = buf.slice(i + 1);
      if (m.id !== undefined && pending.has(m.id)) {
        const p = pending.get(m.id)!;
        pending.delete(m.id);
        if (m.error) p.reject(new Error(m.error.message));
        else p.resolve(m);
      } else for (const l of listeners) l(m);
    }
  });
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${stderr.slice(-2000)}`))));
  let next = 1;
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> => {
    const id = next++;
    const p = new Promise<Message>((resolve, reject) => pending.set(id, { resolve, reject }));
    toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    return Promise.race([p, exited]).then((m) => m.result ?? {});
  };
  const problems: string[] = [];
  try {
    const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    let loaded!: () => void;
    const load = new Promise<void>((r) => (loaded = r));
    listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      const p = m.params ?? {};
      if (m.method === 'Page.loadEventFired') loaded();
      if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'warning' || p.type === 'assert')) {
        problems.push(`console.${p.type}: ${(p.args as { value?: unknown; description?: string }[]).map((a) => a.value ?? a.description).join(' ')}`);
      }
      if (m.method === 'Runtime.exceptionThrown') {
        const d = p.exceptionDetails as { text: string; exception?: { description?: string } };
        problems.push(`exception: ${d.exception?.description ?? d.text}`);
      }
      if (m.method === 'Log.entryAdded') {
        const e = p.entry as { level: string; text: string; url?: string };
        if (e.level === 'error') problems.push(`log: ${e.text}${e.url ? ` (${e.url})` : ''}`);
      }
    });
    await send('Page.enable', {}, sessionId);
    await send('Runtime.enable', {}, sessionId);
    await send('Log.enable', {}, sessionId);
    await send('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
    await send('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
    await Promise.race([load, exited, new Promise((_, rej) => setTimeout(() => rej(new Error('page did not load in 30 s')), 30_000))]);
    const height = (await send('Runtime.evaluate', { expression: 'document.documentElement.scrollHeight', returnByValue: true }, sessionId)) as { result: { value: number } };
    // Grow the viewport to the whole page, let charts re-lay out, then read the state and capture.
    await send('Emulation.setDeviceMetricsOverride', { width, height: Math.min(maxHeight, height.result.value), deviceScaleFactor: 1, mobile: false }, sessionId);
    await new Promise((r) => setTimeout(r, 600));
    const ev = (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId)) as { result: { value: unknown }; exceptionDetails?: { text: string } };
    if (ev.exceptionDetails) problems.push(`evaluate: ${ev.exceptionDetails.text}`);
    const shot = (await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false }, sessionId)) as { data: string };
    const png = Buffer.from(shot.data, 'base64');
    writeFileSync(screenshot, png);
    await send('Browser.close').catch(() => undefined);
    return { problems, value: ev.result.value, screenshotBytes: png.length };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    }
    exited.catch(() => undefined);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // A profile folder left in the temp dir is harmless.
    }
  }
}

/**
 * The page-side check the report tests evaluate: the report script's state, and for every
 * chart canvas how many pixels are not transparent (a drawn chart has many).
 */
export const REPORT_STATE = `(() => {
  const s = window.trailsimReport || null;
  const canvases = [...document.querySelectorAll('canvas[data-chart]')].map((c) => {
    const ctx = c.getContext('2d');
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) ink++;
    return { name: c.dataset.chart, width: c.width, height: c.height, ink };
  });
  return { ready: s && s.ready, charts: s ? s.charts : [], errors: s ? s.errors : [], canvases, hasChartJs: typeof Chart === 'function', matrixCells: document.querySelectorAll('#matrix .cell').length, sections: [...document.querySelectorAll('section')].map((x) => x.id) };
})()`;
