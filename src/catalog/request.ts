import type { JsonObject } from '../record/types.js';
import type { CallContext, OperationSpec } from './types.js';
import { mergeParams } from './util.js';

/**
 * The requestParameters of a call: what the operation generates, with the caller's params
 * deep-merged over it (plain objects merge key by key, so passing
 * `{VersioningConfiguration: {Status: 'Suspended'}}` keeps the generated `xmlns`), then
 * masked by the operation's `redact` the way CloudTrail masks secrets. The record builder
 * should use this rather than merging on its own, so caller-supplied secrets are masked too.
 */
export function requestFor(spec: Pick<OperationSpec, 'request' | 'redact'>, ctx: CallContext): JsonObject | null {
  const generated = spec.request ? spec.request(ctx) : null;
  const merged = mergeParams(generated, ctx.params);
  return merged && spec.redact ? spec.redact(merged) : merged;
}
