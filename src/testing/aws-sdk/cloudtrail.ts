/**
 * The CloudTrail operations a `CloudTrailClient` runs against the simulation: LookupEvents
 * (event history), the trail API (a `CloudTrailService`) and CloudTrail Lake (a `Lake`).
 * Trail and Lake calls record themselves, by the attached principal; `sim.lookupEvents`
 * records nothing, so the adapter records LookupEvents itself (a management read event).
 */
import type { Simulation } from '../../simulation.js';
import type { Principal } from '../../world/principal.js';
import type { LakeApi, ServiceCallOptions, TrailApi } from './types.js';

/** Where a CloudTrail call runs. */
export interface CloudTrailTarget {
  sim: Simulation;
  accountId: string;
  region: string;
  /** Who makes the call: trail and Lake calls are recorded as CloudTrail events by their caller. */
  principal: Principal;
  trails: TrailApi;
  lake: LakeApi;
  userAgent?: string;
}

type Input = Readonly<Record<string, unknown>>;
type Handler = (t: CloudTrailTarget, input: Input) => unknown;

/** The SDK input as the shape a trailsim method declares (both mirror the SDK's command input). */
function as<T>(input: Input): T {
  return input as unknown as T;
}

/** The region and user agent a trail or Lake call is recorded with. */
function callOptions(t: CloudTrailTarget): ServiceCallOptions {
  return t.userAgent === undefined ? { region: t.region } : { region: t.region, userAgent: t.userAgent };
}

function trailOp(call: (api: TrailApi, principal: Principal, input: object, opts: ServiceCallOptions) => unknown): Handler {
  return (t, input) => call(t.trails, t.principal, as<object>(input), callOptions(t));
}

function lakeOp(call: (api: LakeApi, principal: Principal, input: object, opts: ServiceCallOptions) => unknown): Handler {
  return (t, input) => call(t.lake, t.principal, as<object>(input), callOptions(t));
}

const HANDLERS: Readonly<Record<string, Handler>> = {
  LookupEvents: (t, input) => t.sim.lookupEvents({ ...as<Parameters<Simulation['lookupEvents']>[0]>(input), accountId: t.accountId, region: t.region }),
  CreateTrail: trailOp((a, p, i, o) => a.createTrail(p, i, o)),
  UpdateTrail: trailOp((a, p, i, o) => a.updateTrail(p, i, o)),
  DeleteTrail: trailOp((a, p, i, o) => a.deleteTrail(p, i, o)),
  StartLogging: trailOp((a, p, i, o) => a.startLogging(p, i, o)),
  StopLogging: trailOp((a, p, i, o) => a.stopLogging(p, i, o)),
  GetTrailStatus: trailOp((a, p, i, o) => a.getTrailStatus(p, i, o)),
  GetTrail: trailOp((a, p, i, o) => a.getTrail(p, i, o)),
  DescribeTrails: trailOp((a, p, i, o) => a.describeTrails(p, i, o)),
  ListTrails: trailOp((a, p, _i, o) => a.listTrails(p, o)),
  PutEventSelectors: trailOp((a, p, i, o) => a.putEventSelectors(p, i, o)),
  GetEventSelectors: trailOp((a, p, i, o) => a.getEventSelectors(p, i, o)),
  PutInsightSelectors: trailOp((a, p, i, o) => a.putInsightSelectors(p, i, o)),
  GetInsightSelectors: trailOp((a, p, i, o) => a.getInsightSelectors(p, i, o)),
  CreateEventDataStore: lakeOp((a, p, i, o) => a.createEventDataStore(p, i, o)),
  GetEventDataStore: lakeOp((a, p, i, o) => a.getEventDataStore(p, i, o)),
  ListEventDataStores: lakeOp((a, p, i, o) => a.listEventDataStores(p, i, o)),
  UpdateEventDataStore: lakeOp((a, p, i, o) => a.updateEventDataStore(p, i, o)),
  DeleteEventDataStore: lakeOp((a, p, i, o) => a.deleteEventDataStore(p, i, o)),
  RestoreEventDataStore: lakeOp((a, p, i, o) => a.restoreEventDataStore(p, i, o)),
  StartQuery: lakeOp((a, p, i, o) => a.startQuery(p, i, o)),
  DescribeQuery: lakeOp((a, p, i, o) => a.describeQuery(p, i, o)),
  GetQueryResults: lakeOp((a, p, i, o) => a.getQueryResults(p, i, o)),
  ListQueries: lakeOp((a, p, i, o) => a.listQueries(p, i, o)),
  CancelQuery: lakeOp((a, p, i, o) => a.cancelQuery(p, i, o)),
};

/** CloudTrail operations the simulation answers (the rest are recorded, given a principal). */
export const SIMULATED_CLOUDTRAIL_OPERATIONS: readonly string[] = Object.freeze(Object.keys(HANDLERS));

/** The simulation's handler for a CloudTrail operation, if it has one. */
export function cloudTrailHandler(operation: string): Handler | undefined {
  return Object.prototype.hasOwnProperty.call(HANDLERS, operation) ? HANDLERS[operation] : undefined;
}

/** Whether the call writes its own record (trail and Lake calls do; LookupEvents does not). */
export function recordsItself(operation: string): boolean {
  return operation !== 'LookupEvents';
}
