import { TrailsimInputError } from '../../core/errors.js';
import { toMillis } from '../../core/time.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { CloudTrailRecord } from '../../record/types.js';
import { createSimulation, type Simulation } from '../../simulation.js';
import { buildPrincipal, crossAccountCaller } from './buildPrincipal.js';
import { crossAccountParams } from './_internals/operations.js';
import type { SimulationDescription } from './simulationDescription.js';

/** Options of `buildSimulation`. */
export interface BuildSimulationOptions {
  /** Catalog the simulation calls. @defaultValue defaultCatalog() */
  catalog?: Catalog;
}

/** A simulation built from its description, run to its end. */
export interface BuiltSimulation {
  readonly simulation: Simulation;
  /** Every record, in the order recorded (clock order). */
  readonly records: readonly CloudTrailRecord[];
}

/**
 * Runs a described simulation: creates it with the description's seed and start, adds the
 * accounts (and organization), starts the background traffic, makes each scripted call at
 * its time, and advances the clock to the end. Same description, same records, byte for
 * byte: paste a counterexample fast-check prints (`buildSimulation({...})`) to replay it.
 */
export function buildSimulation(description: SimulationDescription, options: BuildSimulationOptions = {}): BuiltSimulation {
  const d = description;
  const simulation = createSimulation({ seed: d.seed, start: d.start, ...(options.catalog ? { catalog: options.catalog } : {}) });
  const start = toMillis(d.start, 'start');
  if (d.accounts.length === 0) throw new TrailsimInputError('A simulation description needs at least one account.');
  const accounts = d.accounts.map((a) => simulation.addAccount({ name: a.name, regions: [...a.regions], ...(a.alias ? { alias: a.alias } : {}) }, d.populate));
  if (d.organization) simulation.createOrganization(accounts[0]);
  if (d.trafficRate !== undefined) simulation.addTraffic({ rate: d.trafficRate });
  const accountAt = (i: number | undefined, what: string) => {
    const a = i === undefined ? undefined : accounts[i];
    if (!a) throw new TrailsimInputError(`${what} ${String(i)} is not an index of accounts (0..${accounts.length - 1}).`);
    return a;
  };
  d.calls.forEach((call, i) => {
    const at = start + call.atSeconds * 1000;
    if (at < simulation.now) throw new TrailsimInputError(`calls[${i}] is at ${call.atSeconds}s, before the call listed ahead of it: list calls in time order.`);
    simulation.advanceTo(at);
    const from = accountAt(call.account, `calls[${i}].account`);
    const opts = { region: call.region, ...(call.error !== undefined ? { error: call.error } : {}) };
    if (call.principal.type === 'AWSAccount') {
      const owner = accountAt(call.targetAccount, `calls[${i}].targetAccount`);
      const spec = simulation.operation(call.operation);
      const params = crossAccountParams(spec, owner, call.region, call.principal.name);
      simulation.call(crossAccountCaller(from, call.principal, simulation.now), call.operation, params, opts);
    } else {
      simulation.call(buildPrincipal(from, call.principal, simulation.now), call.operation, undefined, opts);
    }
  });
  simulation.advanceTo(Math.max(simulation.now, start + d.durationSeconds * 1000));
  return { simulation, records: simulation.records() };
}
