/**
 * Process output that survives a closed reader. `trailsim run ... | head -3` closes stdout
 * after three lines; every later write then fails with EPIPE, and Node turns an unhandled
 * stream 'error' into a crash (before the command has written its files). Output files are
 * the result; the log is best effort: once a stream is closed, lines to it are dropped and
 * the command carries on.
 */
import type { CommandIO } from './io.js';

interface Guarded {
  closed: boolean;
}

const state = new WeakMap<NodeJS.WritableStream, Guarded>();

/** Errors that mean "nobody reads this stream any more". */
function isClosedReader(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END' || code === 'ECONNRESET';
}

/** Makes `stream` drop output once its reader is gone instead of crashing the process. Idempotent. */
export function guardStream(stream: NodeJS.WritableStream): Guarded {
  let g = state.get(stream);
  if (g) return g;
  const guard: Guarded = { closed: false };
  g = guard;
  state.set(stream, guard);
  stream.on('error', (e: unknown) => {
    if (isClosedReader(e)) {
      guard.closed = true;
      return;
    }
    // Anything else (a full disk behind a redirect) is a real failure: report it once on
    // the other stream and fail the run, as an unhandled error would, but without a crash.
    guard.closed = true;
    process.exitCode = 1;
    const other = stream === process.stdout ? process.stderr : process.stdout;
    try {
      other.write(`trailsim: cannot write output: ${(e as Error).message}\n`);
    } catch {
      /* nothing left to tell */
    }
  });
  return guard;
}

/** Writes `text` unless the stream's reader has gone; never throws. */
export function safeWrite(stream: NodeJS.WritableStream, text: string): void {
  const g = guardStream(stream);
  if (g.closed) return;
  try {
    stream.write(text);
  } catch (e) {
    if (!isClosedReader(e)) throw e;
    g.closed = true;
  }
}

/** The CLI's IO on this process: stdout and stderr, each EPIPE-safe. */
export function processIO(): CommandIO {
  guardStream(process.stdout);
  guardStream(process.stderr);
  return { out: (s) => safeWrite(process.stdout, s + '\n'), err: (s) => safeWrite(process.stderr, s + '\n') };
}
