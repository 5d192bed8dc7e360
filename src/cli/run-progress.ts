/**
 * The status line of `trailsim run`: virtual time and records so far, on stderr when it is a
 * terminal, quiet when piped (as the bars of progress.ts). A scenario has no known end, so
 * this is a line, not a bar. Scenarios run synchronously (`sim.advance` returns when the
 * virtual time is reached), so no timer can fire while they run: the caller feeds `tick` from
 * inside the simulation (each record and a virtual-time heartbeat) and the line is redrawn
 * when a wall-clock interval has passed, at least once a second.
 */
import { formatEventTime } from '../core/time.js';

export interface RunProgress {
  /** False when the line is off (stderr not a terminal): callers then need not feed it. */
  readonly active: boolean;
  /** Reports virtual time and the record count; redraws if the interval has passed. */
  tick(virtualMs: number, records: number): void;
  /** Writes `line` (to stdout) without tearing the status line. */
  print(line: string, write: (s: string) => void): void;
  /** Removes the status line. */
  stop(): void;
}

export interface RunProgressOptions {
  /** Where the line goes. @defaultValue process.stderr */
  stream?: { isTTY?: boolean; columns?: number; write(s: string): unknown };
  /** Wall clock in milliseconds (injected by tests). @defaultValue performance.now */
  now?: () => number;
  /** First draw after this long, so quick runs show nothing. @defaultValue 1000 */
  delayMs?: number;
  /** Redraw at most this often. @defaultValue 250 */
  intervalMs?: number;
  /**
   * Also redraw once a second from a timer, for the time a scenario spends awaiting (a Lake
   * query in DuckDB) rather than simulating. @defaultValue true
   */
  timer?: boolean;
}

const CLEAR = '\r\x1b[2K';

export function createRunProgress(title: string, opts: RunProgressOptions = {}): RunProgress {
  const stream = opts.stream ?? process.stderr;
  if (!stream.isTTY) return { active: false, tick() {}, print: (line, write) => write(line), stop() {} };
  const now = opts.now ?? (() => performance.now());
  const delay = opts.delayMs ?? 1000;
  const interval = opts.intervalMs ?? 250;
  const started = now();
  let last = -Infinity;
  let shown = '';
  // Two numbers, not an object: tick runs once per record.
  let virtualNow = NaN;
  let recordCount = 0;
  const text = () => {
    const secs = (now() - started) / 1000;
    const line = `${title} · virtual time ${Number.isFinite(virtualNow) ? formatEventTime(virtualNow) : '-'} · ${recordCount.toLocaleString('en-US')} records · ${secs.toFixed(1)} s`;
    const width = (stream.columns ?? 100) - 1;
    return line.length > width ? line.slice(0, width) : line;
  };
  const draw = () => {
    shown = text();
    stream.write(CLEAR + shown);
    last = now();
  };
  const timer = opts.timer === false ? undefined : setInterval(() => {
    if (now() - started >= delay) draw();
  }, 1000);
  timer?.unref();
  return {
    active: true,
    tick(virtualMs, records) {
      virtualNow = virtualMs;
      recordCount = records;
      const t = now();
      if (t - started >= delay && t - last >= interval) draw();
    },
    print(line, write) {
      if (!shown) return write(line);
      stream.write(CLEAR);
      write(line);
      draw();
    },
    stop() {
      if (timer) clearInterval(timer);
      if (shown) stream.write(CLEAR);
      shown = '';
    },
  };
}
