import type { JsonObject, ResourceRef } from '../record/types.js';
import type { CallContext, OperationSpec } from './types.js';

/**
 * The resource an access-denied message names, for hand-tuned operations whose records
 * carry no resources[] (IAM, EC2, Lambda management calls, CloudTrail, RDS: the real
 * samples have none) but whose denial messages still name the ARN (`... on resource:
 * arn:aws:iam::123456789012:role/FooBar`). Kept beside the spec rather than in it, so the
 * OperationSpec contract is unchanged.
 */
const byspec = new WeakMap<OperationSpec, (ctx: CallContext, request: JsonObject | null, response: JsonObject | null) => ResourceRef[] | undefined>();

export function setDeniedResource(spec: OperationSpec, fn: (ctx: CallContext, request: JsonObject | null, response: JsonObject | null) => ResourceRef[] | undefined): void {
  byspec.set(spec, fn);
}

/** The first ARN the operation would name for `request`: its denial resource, else its resources[]. */
export function deniedResourceArn(spec: OperationSpec, ctx: CallContext, request: JsonObject | null): string | undefined {
  const fn = byspec.get(spec) ?? spec.resources;
  const refs = fn ? fn(ctx, request, null) : undefined;
  return refs?.find((r) => typeof r.ARN === 'string')?.ARN;
}
