import fc from 'fast-check';
import type { CloudTrailRecord } from '../../record/types.js';
import type { Simulation } from '../../simulation.js';
import { buildSimulation } from './buildSimulation.js';
import { cloneable } from './_internals/cloneable.js';
import { simulationDescription, type SimulationConstraints, type SimulationDescription } from './simulationDescription.js';

/** A generated simulation, run to its end. */
export interface GeneratedSimulation {
  /** The data it was built from: `buildSimulation(description)` rebuilds it. */
  readonly description: SimulationDescription;
  readonly simulation: Simulation;
  /** Every record, in the order recorded. */
  readonly records: readonly CloudTrailRecord[];
}

function build(description: SimulationDescription, constraints: SimulationConstraints): GeneratedSimulation {
  const built = buildSimulation(description, constraints.catalog ? { catalog: constraints.catalog } : {});
  const value: GeneratedSimulation = { description, simulation: built.simulation, records: built.records };
  return cloneable(value, () => build(description, constraints), () => `buildSimulation(${JSON.stringify(description)})`);
}

/**
 * Whole simulations, built and run: accounts and regions, an optional organization,
 * background traffic (workloads of the default personas) and scripted calls of any caller
 * type, all drawn from fast-check (see `simulationDescription`), then run by
 * `buildSimulation`. Each run of a property gets a freshly built copy (fast-check's clone
 * method), so a property may keep calling and advancing the simulation; counterexamples
 * print as `buildSimulation({...})`.
 *
 * @example
 * fc.assert(fc.property(simulation({ calls: { service: 'cloudtrail' } }), ({ simulation, records }) => {
 *   const alerts = runDetector(records);
 *   expect(alerts.length).toBe(records.filter(isStopLogging).length);
 * }));
 */
export function simulation(constraints: SimulationConstraints = {}): fc.Arbitrary<GeneratedSimulation> {
  return simulationDescription(constraints).map((d) => build(d, constraints));
}
