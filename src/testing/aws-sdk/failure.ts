/**
 * `simulatedFailure(...)`: what a `respond` handler throws to make a recorded call fail the
 * way the catalog words it, as `sim.call(..., { error })` does.
 */
import { TrailsimError } from '../../core/errors.js';
import type { CallError } from '../../record/builder.js';

const FOOTPRINT = Symbol.for('trailsim.aws-sdk.simulated-failure');

/** Thrown by a `respond` handler; never reaches the code under test (it gets the SDK's exception). */
export class SimulatedFailure extends TrailsimError {
  override name = 'SimulatedFailure';

  constructor(readonly error: string | CallError) {
    super(`Simulated failure ${typeof error === 'string' ? error : (error.code ?? error.message)}: throw it from a respond handler.`);
    Object.defineProperty(this, FOOTPRINT, { value: true });
  }

  /** True for a SimulatedFailure from any copy of trailsim. */
  static override is(err: unknown): err is SimulatedFailure {
    return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[FOOTPRINT] === true;
  }
}

/**
 * A failure for a `respond` handler to throw: `'AccessDenied'` (identity policy, in the
 * service's own wording), `'SCP'` (service control policy), an error code the operation
 * knows (`'NoSuchBucket'`, its message filled in), or an explicit `{ code, message }`.
 * The call is recorded with that errorCode and errorMessage, and the code under test gets
 * the SDK's exception of that name.
 *
 * @example
 * recordCalls(s3, sim, {
 *   principal: alice,
 *   respond: ({ operation }) => {
 *     if (operation === 'DeleteBucket') throw simulatedFailure('AccessDenied');
 *     return {};
 *   },
 * });
 */
export function simulatedFailure(error: string | CallError): SimulatedFailure {
  return new SimulatedFailure(error);
}
