/**
 * The CloudTrail operations a `CloudTrailClient` runs against the simulation: LookupEvents
 * (event history), the trail API (a `CloudTrailService`) and CloudTrail Lake (a `Lake`).
 * Trail and Lake calls record themselves, by the attached principal; `sim.lookupEvents`
 * records nothing, so the adapter records LookupEvents itself (a management read event).
 */
import { TrailsimInputError } from '../../core/errors.js';
import type { Simulation } from '../../simulation.js';
import type { Principal } from '../../world/principal.js';
import type { LakeApi, ServiceCallOptions, TrailApi } from './types.js';

/** Where a CloudTrail call runs. */
export interface CloudTrailTarget {
  sim: Simulation;
  accountId: string;
  region: string;
  principal?: Principal;
  trails?: TrailApi;
  lake?: LakeApi;
  userAgent?: string;
}

type Input = Readonly<Record<string, unknown>>;
type Handler = (t: CloudTrailTarget, input: Input) => unknown;

/** The SDK input as the shape a trailsim method declares (both mirror the SDK's command input). */
function as<T>(input: Input): T {
  return input as unknown as T;
}

/** The service and principal a trail or Lake call needs; one error naming whatever is missing. */
function needs<T>(t: CloudTrailTarget, op: string, api: T | undefined, option: string): { api: T; principal: Principal; opts: ServiceCallOptions } {
  const missing: string[] = [];
  if (!api) missing.push(option);
  // Trail and Lake calls are recorded as CloudTrail events by whoever makes them.
  if (!t.principal) missing.push("principal (who makes the call, e.g. account.iamUser('admin'))");
  if (!api || !t.principal) throw new TrailsimInputError(`${op} needs ${missing.join(' and ')}: pass them to attachSimulation.`);
  return { api, principal: t.principal, opts: t.userAgent === undefined ? { region: t.region } : { region: t.region, userAgent: t.userAgent } };
}

function trails(t: CloudTrailTarget, op: string): { api: TrailApi; principal: Principal; opts: ServiceCallOptions } {
  return needs(t, op, t.trails, 'trails (attachCloudTrail(sim))');
}

function lake(t: CloudTrailTarget, op: string): { api: LakeApi; principal: Principal; opts: ServiceCallOptions } {
  return needs(t, op, t.lake, 'lake (new Lake(sim))');
}

function trailOp(op: string, call: (api: TrailApi, principal: Principal, input: object, opts: ServiceCallOptions) => unknown): Handler {
  return (t, input) => {
    const { api, principal, opts } = trails(t, op);
    return call(api, principal, as<object>(input), opts);
  };
}

function lakeOp(op: string, call: (api: LakeApi, principal: Principal, input: object, opts: ServiceCallOptions) => unknown): Handler {
  return (t, input) => {
    const { api, principal, opts } = lake(t, op);
    return call(api, principal, as<object>(input), opts);
  };
}

const HANDLERS: Readonly<Record<string, Handler>> = {
  LookupEvents: (t, input) => t.sim.lookupEvents({ ...as<Parameters<Simulation['lookupEvents']>[0]>(input), accountId: t.accountId, region: t.region }),
  CreateTrail: trailOp('CreateTrail', (a, p, i, o) => a.createTrail(p, i, o)),
  UpdateTrail: trailOp('UpdateTrail', (a, p, i, o) => a.updateTrail(p, i, o)),
  DeleteTrail: trailOp('DeleteTrail', (a, p, i, o) => a.deleteTrail(p, i, o)),
  StartLogging: trailOp('StartLogging', (a, p, i, o) => a.startLogging(p, i, o)),
  StopLogging: trailOp('StopLogging', (a, p, i, o) => a.stopLogging(p, i, o)),
  GetTrailStatus: trailOp('GetTrailStatus', (a, p, i, o) => a.getTrailStatus(p, i, o)),
  GetTrail: trailOp('GetTrail', (a, p, i, o) => a.getTrail(p, i, o)),
  DescribeTrails: trailOp('DescribeTrails', (a, p, i, o) => a.describeTrails(p, i, o)),
  ListTrails: trailOp('ListTrails', (a, p, _i, o) => a.listTrails(p, o)),
  PutEventSelectors: trailOp('PutEventSelectors', (a, p, i, o) => a.putEventSelectors(p, i, o)),
  GetEventSelectors: trailOp('GetEventSelectors', (a, p, i, o) => a.getEventSelectors(p, i, o)),
  PutInsightSelectors: trailOp('PutInsightSelectors', (a, p, i, o) => a.putInsightSelectors(p, i, o)),
  GetInsightSelectors: trailOp('GetInsightSelectors', (a, p, i, o) => a.getInsightSelectors(p, i, o)),
  CreateEventDataStore: lakeOp('CreateEventDataStore', (a, p, i, o) => a.createEventDataStore(p, i, o)),
  GetEventDataStore: lakeOp('GetEventDataStore', (a, p, i, o) => a.getEventDataStore(p, i, o)),
  ListEventDataStores: lakeOp('ListEventDataStores', (a, p, i, o) => a.listEventDataStores(p, i, o)),
  UpdateEventDataStore: lakeOp('UpdateEventDataStore', (a, p, i, o) => a.updateEventDataStore(p, i, o)),
  DeleteEventDataStore: lakeOp('DeleteEventDataStore', (a, p, i, o) => a.deleteEventDataStore(p, i, o)),
  RestoreEventDataStore: lakeOp('RestoreEventDataStore', (a, p, i, o) => a.restoreEventDataStore(p, i, o)),
  StartQuery: lakeOp('StartQuery', (a, p, i, o) => a.startQuery(p, i, o)),
  DescribeQuery: lakeOp('DescribeQuery', (a, p, i, o) => a.describeQuery(p, i, o)),
  GetQueryResults: lakeOp('GetQueryResults', (a, p, i, o) => a.getQueryResults(p, i, o)),
  ListQueries: lakeOp('ListQueries', (a, p, i, o) => a.listQueries(p, i, o)),
  CancelQuery: lakeOp('CancelQuery', (a, p, i, o) => a.cancelQuery(p, i, o)),
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
