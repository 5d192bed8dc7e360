/**
 * Workloads that make the unusual activity CloudTrail Insights looks for: a burst of calls
 * (resource provisioning, IAM actions), an error storm (service limits, throttling) and a
 * periodic job whose stop leaves a gap. They are ordinary `sim.call`s run on the virtual
 * clock, so they are recorded as CloudTrail events like any other activity.
 */
import { parseDuration, type Duration } from '../../core/duration.js';
import { toMillis, type Instant } from '../../core/time.js';
import { TrailsimInputError } from '../../core/errors.js';
import type { TimerHandle, VirtualClock } from '../../core/clock.js';
import type { CloudTrailRecord, JsonObject } from '../../record/types.js';
import type { CallError, CallOptions } from '../../record/builder.js';
import type { OperationSpec } from '../../catalog/types.js';
import type { Principal } from '../../world/principal.js';

/** What the workloads need from a simulation (`Simulation` has it). */
export interface WorkloadHost {
  readonly clock: VirtualClock;
  call(principal: Principal, operation: string, params?: JsonObject, opts?: CallOptions): CloudTrailRecord;
  operation(name: string): OperationSpec;
}

/** Request parameters: fixed, or per call (`i` counts calls from 0). */
export type ParamsOf = JsonObject | ((i: number) => JsonObject);

export interface BurstOptions {
  /** Who calls. */
  principal: Principal;
  /** Operation(s), `service:Operation`; a list is called round-robin. */
  operation: string | readonly string[];
  /** Number of calls. */
  count: number;
  /** Calls are spread evenly over this span, the i-th at `at + floor(i * over / count)`. @defaultValue 0 (all at once) */
  over?: Duration;
  /** When the first call is made. @defaultValue now */
  at?: Instant;
  params?: ParamsOf;
  /** Per-call options (region, userAgent, sourceIPAddress, ...). */
  options?: CallOptions;
}

export interface ErrorStormOptions extends BurstOptions {
  /**
   * How every call fails: an error code of the operation (its message filled in),
   * `'AccessDenied'`/`'SCP'`, `{ code, message }`, or any other code (written with a generic
   * message; throttling codes get AWS's "Rate exceeded").
   */
  error: string | CallError;
}

/** Calls planned on the clock. */
export interface Injection {
  /** The callers' records of the calls made so far. */
  readonly records: readonly CloudTrailRecord[];
  /** Calls planned in all. */
  readonly planned: number;
  /** True once every planned call has been made (or the injection was cancelled). */
  readonly done: boolean;
  /** Cancels the calls not made yet. */
  cancel(): void;
}

/**
 * A burst: `count` calls of `operation` by `principal`, evenly spread over `over` from `at`.
 * Calls due now are made at once; later ones run as the clock advances.
 *
 * @example injectBurst(sim, { principal: mallory, operation: 'iam:CreateUser', count: 30, over: '3m' })
 */
export function injectBurst(sim: WorkloadHost, opts: BurstOptions): Injection {
  const callOpts = opts.options ?? {};
  return plan(sim, opts, () => callOpts);
}

/** An error storm: a burst whose every call fails with `error` (e.g. `VcpuLimitExceeded`, `ThrottlingException`). */
export function injectErrorStorm(sim: WorkloadHost, opts: ErrorStormOptions): Injection {
  if (opts.error === undefined) throw new TrailsimInputError('injectErrorStorm needs an error (an error code or { code, message }).');
  const ops = operations(sim, opts.operation);
  const base = opts.options ?? {};
  const perOp = new Map(ops.map((o) => [o, { ...base, error: stormError(sim.operation(o), opts.error) }] as const));
  return plan(sim, opts, (op) => perOp.get(op)!);
}

export interface PeriodicJobOptions {
  principal: Principal;
  /** Operation(s) of each run, called in order. */
  operation: string | readonly string[];
  /** Time between runs. */
  every: Duration;
  /** Calls per run (cycling through `operation`). @defaultValue the number of operations */
  callsPerRun?: number;
  /** Time between the calls of one run. @defaultValue '1s' */
  spacing?: Duration;
  /** First run. @defaultValue now */
  start?: Instant;
  /** No run starts at or after this time. @defaultValue never */
  until?: Instant;
  params?: ParamsOf;
  options?: CallOptions;
}

export interface PeriodicJob {
  /** Runs started so far. */
  readonly runs: number;
  readonly stopped: boolean;
  /** The callers' records so far. */
  readonly records: readonly CloudTrailRecord[];
  /** Stops the job: no run starts at or after `at` (default now); calls already due at `at` in a started run still happen. */
  stop(at?: Instant): void;
}

/**
 * A periodic job (backup, patching, inventory): every `every`, `callsPerRun` calls spaced by
 * `spacing`. Stopping it (or `until`) leaves the gap a low-side Insight reports.
 *
 * @example const job = addPeriodicJob(sim, { principal: backup, operation: 'ec2:CreateSnapshot', every: '5m' }); ... job.stop();
 */
export function addPeriodicJob(sim: WorkloadHost, opts: PeriodicJobOptions): PeriodicJob {
  if (typeof opts !== 'object' || opts === null || !opts.principal) throw new TrailsimInputError('addPeriodicJob needs { principal, operation, every }.');
  const ops = operations(sim, opts.operation);
  const every = parseDuration(opts.every);
  if (every <= 0) throw new TrailsimInputError('addPeriodicJob needs a positive interval (every).');
  const perRun = opts.callsPerRun ?? ops.length;
  if (!Number.isInteger(perRun) || perRun < 1) throw new TrailsimInputError(`callsPerRun must be a positive integer; got ${String(opts.callsPerRun)}.`);
  const spacing = parseDuration(opts.spacing ?? '1s');
  if (spacing * (perRun - 1) >= every) throw new TrailsimInputError('A run of the periodic job lasts longer than its interval; lower callsPerRun or spacing.');
  const now = sim.clock.now();
  const start = opts.start === undefined ? now : toMillis(opts.start, 'start');
  if (start < now) throw new TrailsimInputError('The periodic job cannot start in the past.');
  let until = opts.until === undefined ? Infinity : toMillis(opts.until, 'until');
  const records: CloudTrailRecord[] = [];
  let runs = 0;
  let calls = 0;
  let pending: TimerHandle | undefined;
  let stopped = false;

  const run = (t: number) => {
    pending = undefined;
    if (stopped || t >= until) {
      stopped = true;
      return;
    }
    runs++;
    for (let k = 0; k < perRun; k++) {
      const when = t + k * spacing;
      const i = calls++;
      const make = () => {
        records.push(sim.call(opts.principal, ops[i % ops.length], paramsAt(opts.params, i), opts.options ?? {}));
      };
      if (when === t) make();
      else sim.clock.schedule(when, make);
    }
    pending = sim.clock.schedule(t + every, run);
  };
  if (start === now) run(now);
  else pending = sim.clock.schedule(start, run);

  return {
    get runs() {
      return runs;
    },
    get stopped() {
      return stopped;
    },
    records,
    stop(at?: Instant) {
      const t = at === undefined ? sim.clock.now() : toMillis(at, 'stop time');
      until = Math.min(until, t);
      if (t <= sim.clock.now()) {
        stopped = true;
        if (pending) sim.clock.cancel(pending);
        pending = undefined;
      }
    },
  };
}

function plan(sim: WorkloadHost, opts: BurstOptions, callOpts: (operation: string) => CallOptions): Injection {
  if (typeof opts !== 'object' || opts === null || !opts.principal) throw new TrailsimInputError('A burst needs { principal, operation, count }.');
  const ops = operations(sim, opts.operation);
  if (!Number.isInteger(opts.count) || opts.count < 1) throw new TrailsimInputError(`count must be a positive integer; got ${String(opts.count)}.`);
  const over = parseDuration(opts.over ?? 0);
  const now = sim.clock.now();
  const at = opts.at === undefined ? now : toMillis(opts.at, 'at');
  if (at < now) throw new TrailsimInputError('A burst cannot start in the past.');
  const records: CloudTrailRecord[] = [];
  const handles: TimerHandle[] = [];
  let made = 0;
  let cancelled = false;
  const call = (i: number) => {
    const op = ops[i % ops.length];
    records.push(sim.call(opts.principal, op, paramsAt(opts.params, i), callOpts(op)));
    made++;
  };
  for (let i = 0; i < opts.count; i++) {
    const when = at + Math.floor((i * over) / opts.count);
    if (when === now) call(i);
    else handles.push(sim.clock.schedule(when, () => call(i)));
  }
  return {
    records,
    planned: opts.count,
    get done() {
      return cancelled || made === opts.count;
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      for (const h of handles) sim.clock.cancel(h);
    },
  };
}

function operations(sim: WorkloadHost, operation: string | readonly string[]): string[] {
  const list = typeof operation === 'string' ? [operation] : Array.isArray(operation) ? [...operation] : [];
  if (list.length === 0 || list.some((o) => typeof o !== 'string')) throw new TrailsimInputError('operation must be an operation name such as iam:CreateUser, or a non-empty list of them.');
  for (const o of list) sim.operation(o); // throws UnknownOperationError before anything is planned
  return list;
}

const ACCESS_ALIASES = new Set(['AccessDenied', 'AccessDeniedException', 'Client.UnauthorizedOperation', 'UnauthorizedOperation', 'SCP']);
/** AWS's message for throttling ("Rate exceeded"), used when the operation does not define the code. */
const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'Client.RequestLimitExceeded']);

/**
 * The error each call of a storm fails with: the operation's own error mode (its message
 * filled in by the catalog), an access-denied alias, or any other code with a generic
 * message (AWS's "Rate exceeded" for throttling codes; otherwise trailsim's own wording).
 */
function stormError(spec: OperationSpec, error: string | CallError): string | CallError {
  if (typeof error === 'object' && error !== null) {
    if (typeof error.message !== 'string') throw new TrailsimInputError('An error storm error needs a message: { code?, message }.');
    return error;
  }
  if (typeof error !== 'string' || error === '') throw new TrailsimInputError('error must be an error code or { code, message }.');
  if (ACCESS_ALIASES.has(error) || spec.errors?.some((m) => m.code === error)) return error;
  return { code: error, message: THROTTLING.has(error) ? 'Rate exceeded' : `An error occurred (${error}).` } satisfies CallError;
}

function paramsAt(p: ParamsOf | undefined, i: number): JsonObject | undefined {
  if (p === undefined) return undefined;
  return typeof p === 'function' ? p(i) : p;
}
