/**
 * What the trail service needs from a simulation. `Simulation` satisfies it as is; tests
 * and tools can supply a lighter host. Records reach trails through `onRecord`, in the
 * order they are recorded (clock order).
 */
import type { VirtualClock } from '../../core/clock.js';
import type { Seed } from '../../core/random.js';
import type { OperationSpec } from '../../catalog/types.js';
import type { CloudTrailRecord } from '../../record/types.js';
import type { World } from '../../world/world.js';
import type { EstateRegistry } from '../../estate/registry.js';

export interface TrailHost {
  readonly seed: Seed;
  readonly clock: VirtualClock;
  readonly world: World;
  /** The catalog's operation for a name such as `cloudtrail:CreateTrail`. */
  operation(name: string): OperationSpec;
  /** Records a record (event history, listeners). */
  ingest(record: CloudTrailRecord): void;
  /** Subscribes to every record from now on; returns the unsubscribe function. */
  onRecord(listener: (record: CloudTrailRecord) => void): () => void;
  /**
   * The record's compact JSON, exactly `JSON.stringify(record)`, when the host already made
   * it for the record it is recording (a simulation shares it with event history); trails
   * serialise records themselves without it.
   */
  recordJson?(record: CloudTrailRecord): string;
  /** The estate's resource registry, when the host keeps one (it learns trails created through this API). */
  readonly estate?: EstateRegistry;
}
