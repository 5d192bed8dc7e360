import cliProgress from 'cli-progress';

/** A progress display for long runs: a bar on a terminal (cli-progress), nothing when piped. */
export interface Progress {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Show `{value}/{total}` before the label (off when the label says it all). @defaultValue true */
  counts?: boolean;
}

/**
 * Bars go to stderr so stdout stays clean for results; off when stderr is not a terminal.
 * cli-progress redraws inside `update` too (its synchronousUpdate), so a caller that
 * updates often from synchronous work still sees the bar move.
 */
export function createProgress(title: string, stream: NodeJS.WriteStream = process.stderr, opts: ProgressOptions = {}): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const counts = opts.counts ?? true;
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% | ${counts ? '{value}/{total} ' : ''}{label} | {duration_formatted}`, stream, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label = '') {
      if (!started) {
        bar.start(total, 0, { label });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
