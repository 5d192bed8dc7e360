import type { Findings } from './findings.js';
import type { JsonRecord } from './json.js';
import type { Delivery } from './types.js';

/** What the rule modules know about the record being checked. */
export interface RecordContext {
  readonly f: Findings;
  readonly r: JsonRecord;
  /** Minor eventVersion when well-formed (e.g. 8 for "1.08"); version-dependent rules skip otherwise. */
  readonly minor: number | undefined;
  /** eventType when it is one of the documented values. */
  readonly eventType: string | undefined;
  /** eventCategory when it is one of the documented values. */
  category: string | undefined;
  /** Partition of awsRegion when it is a region AWS publishes (see formats.knownPartitionOf). */
  readonly partition: string | undefined;
  readonly delivery: Delivery;
}

/** True when the record's version is known and at least 1.`minor`. */
export function since(ctx: RecordContext, minor: number): boolean {
  return ctx.minor !== undefined && ctx.minor >= minor;
}
