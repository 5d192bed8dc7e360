import fc from 'fast-check';
import { TrailsimInputError } from '../../../core/errors.js';
import { defaultCatalog, type Catalog } from '../../../catalog/catalog.js';
import type { OperationSpec } from '../../../catalog/types.js';
import type { JsonObject } from '../../../record/types.js';
import type { Account } from '../../../world/account.js';
import { EVENT_SOURCE } from '../../../validate/formats.js';

/** Which operations a generated call may use; shared by `cloudTrailRecord` and `simulation`. */
export interface OperationFilter {
  service?: string | readonly string[];
  category?: 'Management' | 'Data';
  readOnly?: boolean;
  eventName?: string | readonly string[];
  operation?: string | readonly string[];
  origin?: 'hand' | 'model' | 'user' | 'any';
  catalog?: Catalog;
}

export type Outcome = 'success' | 'error' | 'any';

/** Operations split into the preferred tier (hand-tuned and user entries) and the generated long tail. */
export interface OperationPools {
  readonly tiers: readonly (readonly OperationSpec[])[];
  readonly size: number;
}

const list = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? (v as readonly T[]) : [v as T]);

/** The name `Simulation.call` resolves to exactly this spec. */
export function callName(spec: OperationSpec): string {
  return `${spec.eventSource}:${spec.name}`;
}

/**
 * Cross-account calls trailsim records twice (caller's copy, and the owner's copy showing
 * the caller as `AWSAccount`): operations with a `resourceOwner` whose request can name a
 * resource in another account. The owner copy needs the request, so an operation that nulls
 * its request on error (denied AssumeRole) has no owner copy when it fails.
 */
export function crossAccountKind(spec: OperationSpec): 'role' | 'bucket' | undefined {
  if (!spec.resourceOwner) return undefined;
  if (spec.service === 'sts') return 'role';
  if (spec.service === 's3') return 'bucket';
  return undefined;
}

export function canFailCrossAccount(spec: OperationSpec): boolean {
  return !spec.onError?.nullRequest;
}

/** requestParameters that point a cross-account operation at a resource of `owner`. */
export function crossAccountParams(spec: OperationSpec, owner: Account, region: string, name: string): JsonObject {
  const kind = crossAccountKind(spec);
  if (kind === 'role') return { roleArn: owner.role(name).arn };
  if (kind === 'bucket') {
    const bucket = `${owner.id}-${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`.slice(0, 63).replace(/-+$/, '');
    owner.addResource('AWS::S3::Bucket', bucket, region);
    return { bucketName: bucket };
  }
  throw new TrailsimInputError(`Operation ${callName(spec)} has no cross-account form.`);
}

/**
 * The operations matching a filter, for callers of the given identity class. Operations
 * whose records the validator rejects (an eventSource that is not `<service>.amazonaws.com`
 * in lower case) and operations that a name cannot reach (shadowed in the catalog) are left out.
 */
export function operationPools(filter: OperationFilter, opts: { crossAccount: boolean; outcome: Outcome }): OperationPools {
  const catalog = filter.catalog ?? defaultCatalog();
  const services = list(filter.service)?.map((s) => s.toLowerCase());
  const eventNames = list(filter.eventName);
  const named = list(filter.operation)?.map((n) => catalog.resolve(n));
  const origin = filter.origin ?? 'any';
  const preferred: OperationSpec[] = [];
  const model: OperationSpec[] = [];
  for (const spec of named ?? catalog.list()) {
    if (services && !services.some((s) => spec.service === s || spec.eventSource === s || spec.eventSource === `${s}.amazonaws.com`)) continue;
    if (filter.category !== undefined && spec.category !== filter.category) continue;
    if (filter.readOnly !== undefined && spec.readOnly !== filter.readOnly) continue;
    if (eventNames && !eventNames.includes(spec.eventName ?? spec.name)) continue;
    const o = spec.origin ?? 'user';
    if (origin !== 'any' && o !== origin) continue;
    if (!EVENT_SOURCE.test(spec.eventSource)) continue;
    if (catalog.get(callName(spec)) !== spec) continue;
    if (opts.crossAccount && (!crossAccountKind(spec) || (opts.outcome === 'error' && !canFailCrossAccount(spec)))) continue;
    (o === 'model' ? model : preferred).push(spec);
  }
  const tiers = [preferred, model].filter((t) => t.length > 0);
  return { tiers, size: preferred.length + model.length };
}

/** Throws a readable error when no operation is left. */
export function requireOperations(pools: OperationPools, what: string, filter: OperationFilter): void {
  if (pools.size > 0) return;
  const shown = Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== 'catalog' && v !== undefined));
  throw new TrailsimInputError(`No operation in the catalog can produce ${what} with constraints ${JSON.stringify(shown)}.`);
}

/** The random choices behind one call: which operation, and whether and how it fails. */
export interface CallDraw {
  /** 0: hand-tuned or user operations; 1: generated ones. */
  readonly tier: number;
  readonly pick: number;
  readonly fail: boolean;
  readonly errorPick: number;
}

/** Draws for one call. Shrinks towards the first hand-tuned operation, succeeding (or failing with AccessDenied). */
export function callDraw(outcome: Outcome): fc.Arbitrary<CallDraw> {
  const tier = fc.oneof({ withCrossShrink: true }, { weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) });
  const fail = outcome === 'any' ? fc.oneof({ withCrossShrink: true }, { weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(outcome === 'error');
  return fc.record({ tier, pick: fc.nat(), fail, errorPick: fc.nat() });
}

/** Error options of an operation, simplest first: the generic denials, then its own error modes. */
export function errorOptions(spec: OperationSpec): string[] {
  const own = (spec.errors ?? []).map((e) => e.code).filter((c) => c !== 'AccessDenied');
  return ['AccessDenied', 'SCP', ...own];
}

/** The operation and error (if any) a draw selects. */
export function resolveDraw(pools: OperationPools, draw: CallDraw, crossAccount: boolean): { spec: OperationSpec; error?: string } {
  const tier = pools.tiers[Math.min(draw.tier, pools.tiers.length - 1)];
  const spec = tier[draw.pick % tier.length];
  if (!draw.fail || (crossAccount && !canFailCrossAccount(spec))) return { spec };
  const options = errorOptions(spec);
  return { spec, error: options[draw.errorPick % options.length] };
}
