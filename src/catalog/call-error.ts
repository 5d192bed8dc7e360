import { TrailsimInputError } from '../core/errors.js';
import type { CallContext, OperationSpec } from './types.js';
import type { JsonObject } from '../record/types.js';
import { ACCESS_DENIED_REASONS, accessDeniedError, type AccessDeniedReason } from './access-denied.js';

/** A failure as a record carries it. */
export interface ResolvedCallError {
  code?: string;
  message: string;
}

/** Error codes that mean "denied by an identity-based policy" whatever the service's spelling. */
const ACCESS_DENIED_ALIASES = new Set(['AccessDenied', 'AccessDeniedException', 'Client.UnauthorizedOperation', 'UnauthorizedOperation', 'access-denied', 'identity-policy']);
const SCP_ALIASES = new Set(['SCP', 'scp', 'service-control-policy']);

/**
 * Reads a call's `error` option: a code the operation knows (its message filled in),
 * `'AccessDenied'` (any service's spelling; the service's own code and AWS's message
 * are written), `'SCP'` (explicit deny in a service control policy), or an explicit
 * `{ code?, message }`.
 */
export function resolveCallError(spec: OperationSpec, ctx: CallContext, request: JsonObject | null, error: string | { code?: string; message: string }): ResolvedCallError {
  if (typeof error === 'object' && error !== null) {
    if (typeof error.message !== 'string') throw new TrailsimInputError('A call error needs a message: { code?: string, message: string }.');
    return error.code === undefined ? { message: error.message } : { code: error.code, message: error.message };
  }
  if (typeof error !== 'string' || error === '') throw new TrailsimInputError('error must be an error code string or { code?, message }.');
  // EC2's codes carry CloudTrail's `Client.` prefix; the bare API code names the same mode.
  const mode = spec.errors?.find((m) => m.code === error) ?? spec.errors?.find((m) => m.code === `Client.${error}`);
  if (mode) return mode.messageOnly ? { message: mode.message(ctx, request) } : { code: mode.code, message: mode.message(ctx, request) };
  if (SCP_ALIASES.has(error)) return accessDeniedError(spec, ctx, 'scp', request);
  if ((ACCESS_DENIED_REASONS as readonly string[]).includes(error)) return accessDeniedError(spec, ctx, error as AccessDeniedReason, request);
  if (ACCESS_DENIED_ALIASES.has(error)) return accessDeniedError(spec, ctx, 'identity-policy', request);
  const known = (spec.errors ?? []).map((m) => m.code);
  throw new TrailsimInputError(
    `Operation ${spec.service}:${spec.name} has no error mode '${error}'. Use one of: ${[...known, 'AccessDenied', 'SCP', ...ACCESS_DENIED_REASONS].join(', ')}, or pass { code, message }.`,
  );
}
