/**
 * trailsim/arbitraries: fast-check arbitraries of CloudTrail records, identities, principals,
 * whole simulations, and event patterns with events that match and do not.
 *
 * Every value is made by trailsim itself from values fast-check draws (a seed, indices into
 * the catalog, names, times), so it is a real trailsim value, the same for the same fast-check
 * seed, and it shrinks as its draws shrink: towards seed 0, the first option, fewer things.
 * `fast-check` is a peer dependency, loaded only by this entry point.
 *
 * @example
 * import fc from 'fast-check';
 * import { cloudTrailRecord } from 'trailsim/arbitraries';
 *
 * fc.assert(fc.property(cloudTrailRecord({ service: 'cloudtrail', readOnly: false }), (r) => {
 *   expect(isTrailTampering(r)).toBe(['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors'].includes(r.eventName!));
 * }));
 */
export { cloudTrailRecord, type CloudTrailRecordConstraints } from './cloudTrailRecord.js';
export { userIdentity } from './userIdentity.js';
export { principal, type PrincipalConstraints, type GeneratedPrincipal } from './principal.js';
export {
  principalDescription,
  PRODUCIBLE_IDENTITY_TYPES,
  type PrincipalDescription,
  type PrincipalDescriptionConstraints,
  type ProducibleIdentityType,
} from './principalDescription.js';
export { buildPrincipal } from './buildPrincipal.js';
export { simulation, type GeneratedSimulation } from './simulation.js';
export {
  simulationDescription,
  type SimulationDescription,
  type SimulationConstraints,
  type AccountDescription,
  type CallDescription,
  type ScriptedCallConstraints,
} from './simulationDescription.js';
export { buildSimulation, type BuildSimulationOptions, type BuiltSimulation } from './buildSimulation.js';
export {
  eventPatternWithEvents,
  PATTERN_OPERATORS,
  type EventPatternConstraints,
  type EventPatternWithEvents,
  type PatternEvent,
  type PatternOperator,
} from './eventPatternWithEvents.js';
export { eventPattern } from './eventPattern.js';
