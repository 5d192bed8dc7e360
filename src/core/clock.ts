import { ClockError } from './errors.js';
import { parseDuration, type Duration } from './duration.js';
import { toMillis, type Instant } from './time.js';

/** What `schedule` returns; pass it to `cancel`. */
export interface TimerHandle {
  readonly id: number;
  readonly at: number;
}

interface Timer {
  at: number;
  seq: number;
  id: number;
  fn: (now: number) => void;
  cancelled: boolean;
}

/**
 * The virtual clock. Nothing in trailsim reads the wall clock: time moves only when
 * `advance`/`advanceTo` is called, and callbacks due on the way run in time order
 * (ties in the order they were scheduled). While a callback runs, `now()` is its due
 * time; callbacks it schedules at or before the target run in the same advance.
 */
export class VirtualClock {
  private current: number;
  private heap: Timer[] = [];
  private seq = 0;
  private advancing = false;

  constructor(start: Instant) {
    this.current = toMillis(start, 'clock start');
  }

  /** Current virtual time, epoch milliseconds. */
  now(): number {
    return this.current;
  }

  /** Current virtual time as a Date (for faker's reference date and display). */
  date(): Date {
    return new Date(this.current);
  }

  /** Moves time forward by `d`, running every callback due on the way. */
  advance(d: Duration): void {
    this.advanceTo(this.current + parseDuration(d));
  }

  /** Moves time forward to `t`; moving backwards throws `ClockError`. */
  advanceTo(t: Instant): void {
    const target = toMillis(t, 'advanceTo time');
    if (target < this.current) throw new ClockError(`Cannot move the clock back from ${new Date(this.current).toISOString()} to ${new Date(target).toISOString()}.`);
    if (this.advancing) throw new ClockError('advance() called from inside a clock callback; schedule a callback instead.');
    this.advancing = true;
    try {
      while (this.heap.length > 0 && this.heap[0].at <= target) {
        const timer = this.pop();
        if (timer.cancelled) continue;
        this.current = timer.at;
        timer.fn(timer.at);
      }
      this.current = target;
    } finally {
      this.advancing = false;
    }
  }

  /** Runs `fn` when time reaches `at` (not earlier than now). */
  schedule(at: Instant, fn: (now: number) => void): TimerHandle {
    const when = toMillis(at, 'schedule time');
    if (when < this.current) throw new ClockError(`Cannot schedule a callback in the past (${new Date(when).toISOString()} < now ${new Date(this.current).toISOString()}).`);
    const timer: Timer = { at: when, seq: this.seq++, id: this.seq, fn, cancelled: false };
    this.push(timer);
    return { id: timer.id, at: when };
  }

  /** Runs `fn` after `d` from now. */
  after(d: Duration, fn: (now: number) => void): TimerHandle {
    return this.schedule(this.current + parseDuration(d), fn);
  }

  /** Runs `fn` every `interval`, first at `first` (default now + interval); returns a stop function. */
  every(interval: Duration, fn: (now: number) => void, first?: Instant): () => void {
    const step = parseDuration(interval);
    if (step <= 0) throw new ClockError('every() needs a positive interval.');
    let handle: TimerHandle | undefined;
    let stopped = false;
    const tick = (now: number) => {
      if (stopped) return;
      handle = this.schedule(now + step, tick);
      fn(now);
    };
    handle = this.schedule(first === undefined ? this.current + step : toMillis(first, 'first run time'), tick);
    return () => {
      stopped = true;
      if (handle) this.cancel(handle);
    };
  }

  /** Cancels a scheduled callback; cancelling twice is harmless. */
  cancel(handle: TimerHandle): void {
    for (const t of this.heap) if (t.id === handle.id) t.cancelled = true;
  }

  /** Number of callbacks waiting. */
  get pending(): number {
    return this.heap.reduce((n, t) => n + (t.cancelled ? 0 : 1), 0);
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
