/**
 * `trailsim/aws-sdk`: attach a simulation to real AWS SDK for JavaScript v3 clients.
 *
 * - `attachSimulation(client, sim, options)`: `CloudTrailClient` and `EventBridgeClient`
 *   commands run in-process against the simulation (LookupEvents and its paginator, the
 *   trail API, CloudTrail Lake, rules, targets, PutEvents, TestEventPattern), through the
 *   SDK's own `send`, middleware and paginators; failures are the SDK's exception classes.
 * - `recordCalls(client, sim, { principal })`: any client's commands are recorded as the
 *   CloudTrail events they would produce — "what would CloudTrail log for my code?".
 *   Commands the simulation runs (CloudTrail's and EventBridge's API) run on it, as above.
 *
 * Both record every call as CloudTrail would (LookupEvents included: a management read
 * event). docs/aws-sdk.md lists where the two differ.
 *
 * The SDK packages are peer dependencies of this entry point only: nothing here imports
 * them statically, and the main `trailsim` entry never loads this one.
 *
 * This file is the whole public API of the entry point.
 */
export { attachSimulation, recordCalls, MIDDLEWARE_NAME, DEFAULT_SDK_USER, DEFAULT_SDK_USER_AGENT } from './attach.js';
export { simulatedFailure, SimulatedFailure } from './failure.js';
export { SIMULATED_CLOUDTRAIL_OPERATIONS } from './cloudtrail.js';
export { SIMULATED_EVENTBRIDGE_OPERATIONS } from './eventbridge.js';
export { requestParameters, responseElements } from './request-parameters.js';
export type {
  AdapterOptions,
  AttachSimulationOptions,
  RecordCallsOptions,
  RespondHandler,
  SdkCall,
  SdkClient,
  SdkMiddlewareStack,
  SdkMiddleware,
  SdkHandler,
  SdkHandlerArguments,
  SdkHandlerOutput,
  SdkHandlerContext,
  Detach,
  TrailApi,
  LakeApi,
  ServiceCallOptions,
  CallError,
} from './types.js';
export type { ResponseMetadata } from './exceptions.js';
