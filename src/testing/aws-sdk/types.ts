/**
 * The public types of the AWS SDK v3 adapters. They describe SDK clients structurally, so
 * this entry point compiles and loads without `@aws-sdk/*` installed: any v3 client
 * (`CloudTrailClient`, `EventBridgeClient`, `S3Client`, ...) satisfies `SdkClient`.
 */
import type { CallError } from '../../record/builder.js';
import type { Principal } from '../../world/principal.js';

/** Arguments the SDK passes to an `initialize` middleware: the command's input. */
export interface SdkHandlerArguments<TInput extends object> {
  input: TInput;
}

/** What an `initialize` middleware returns: the command's output. */
export interface SdkHandlerOutput<TOutput extends object> {
  output: TOutput;
  response?: unknown;
}

/** An SDK handler: the rest of the middleware stack, as seen from one middleware. */
export type SdkHandler<TInput extends object, TOutput extends object> = (args: SdkHandlerArguments<TInput>) => Promise<SdkHandlerOutput<TOutput>>;

/**
 * The context the SDK passes with every command (`clientName`, `commandName`, and the
 * Smithy context holding the operation name). Members are read defensively: older SDK
 * versions lack some.
 */
export interface SdkHandlerContext {
  clientName?: string;
  commandName?: string;
  [key: string]: unknown;
}

/** An `initialize`-step middleware. */
export type SdkMiddleware<TInput extends object, TOutput extends object> = (next: SdkHandler<TInput, TOutput>, context: SdkHandlerContext) => SdkHandler<TInput, TOutput>;

/** The part of an SDK client's middleware stack the adapters use. */
export interface SdkMiddlewareStack<TInput extends object, TOutput extends object> {
  add(middleware: SdkMiddleware<TInput, TOutput>, options: { step: 'initialize'; name: string; priority: 'low'; tags: string[] }): void;
  remove(toRemove: string): boolean;
}

/** An AWS SDK for JavaScript v3 client (any service). */
export interface SdkClient<TInput extends object = object, TOutput extends object = object> {
  /** The resolved client configuration (`region`, `serviceId`, `endpointProvider` are read). */
  readonly config: object;
  readonly middlewareStack: SdkMiddlewareStack<TInput, TOutput>;
}

/** Removes the adapter from the client: later commands go to AWS again. */
export type Detach = () => void;

/** One command sent through an attached client, as the `respond` handler sees it. */
export interface SdkCall {
  /** Command class name, e.g. `ListTagsCommand`. */
  readonly command: string;
  /** API operation, e.g. `ListTags`. */
  readonly operation: string;
  /** The catalog's operation name the call is recorded as, e.g. `cloudtrail:ListTags`. */
  readonly recordedAs: string;
  /** Region of the call. */
  readonly region: string;
  /** The command's input, as the caller built it. */
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * Answers a command trailsim does not simulate: its output (without `$metadata`), or a
 * promise of it. Throw `simulatedFailure(...)` (or a trailsim `AwsServiceException`) to make
 * the call fail: the failure is recorded and surfaces as the SDK's exception class.
 */
export type RespondHandler = (call: SdkCall) => object | Promise<object>;

/** Options the adapter passes with each trail or Lake call: the Region of the client. */
export interface ServiceCallOptions {
  region: string;
  /** The calling SDK's user agent, for the record (Lake ignores it). */
  userAgent?: string;
}

/**
 * The trail service the adapter routes trail commands to: `attachCloudTrail(sim)` returns
 * one. Declared structurally (inputs and outputs are the SDK's, passed through), so this
 * entry point does not depend on the trail module's types.
 */
export interface TrailApi {
  createTrail(principal: Principal, input: object, opts: ServiceCallOptions): object;
  updateTrail(principal: Principal, input: object, opts: ServiceCallOptions): object;
  deleteTrail(principal: Principal, input: object, opts: ServiceCallOptions): object;
  startLogging(principal: Principal, input: object, opts: ServiceCallOptions): object;
  stopLogging(principal: Principal, input: object, opts: ServiceCallOptions): object;
  getTrailStatus(principal: Principal, input: object, opts: ServiceCallOptions): object;
  getTrail(principal: Principal, input: object, opts: ServiceCallOptions): object;
  describeTrails(principal: Principal, input: object, opts: ServiceCallOptions): object;
  listTrails(principal: Principal, opts: ServiceCallOptions): object;
  putEventSelectors(principal: Principal, input: object, opts: ServiceCallOptions): object;
  getEventSelectors(principal: Principal, input: object, opts: ServiceCallOptions): object;
  putInsightSelectors(principal: Principal, input: object, opts: ServiceCallOptions): object;
  getInsightSelectors(principal: Principal, input: object, opts: ServiceCallOptions): object;
}

/** CloudTrail Lake as the adapter routes Lake commands to it: `new Lake(sim)` is one. */
export interface LakeApi {
  createEventDataStore(principal: Principal, input: object, opts: ServiceCallOptions): object;
  getEventDataStore(principal: Principal, input: object, opts: ServiceCallOptions): object;
  listEventDataStores(principal: Principal, input: object, opts: ServiceCallOptions): object;
  updateEventDataStore(principal: Principal, input: object, opts: ServiceCallOptions): object;
  deleteEventDataStore(principal: Principal, input: object, opts: ServiceCallOptions): object;
  restoreEventDataStore(principal: Principal, input: object, opts: ServiceCallOptions): object;
  startQuery(principal: Principal, input: object, opts: ServiceCallOptions): Promise<object>;
  describeQuery(principal: Principal, input: object, opts: ServiceCallOptions): object;
  getQueryResults(principal: Principal, input: object, opts: ServiceCallOptions): object;
  listQueries(principal: Principal, input: object, opts: ServiceCallOptions): object;
  cancelQuery(principal: Principal, input: object, opts: ServiceCallOptions): object;
}

/** Options shared by `attachSimulation` and `recordCalls`. */
export interface AdapterOptions {
  /** Region of every call. @defaultValue the client's configured region */
  region?: string;
  /** Answers commands trailsim does not simulate. @defaultValue every such command returns `{}` */
  respond?: RespondHandler;
  /**
   * The `userAgent` of the records: calls come from the AWS SDK for JavaScript v3.
   * @defaultValue `DEFAULT_SDK_USER_AGENT` with the client's API (`api/cloudtrail#3.600.0`), fixed so records are the same on any machine
   */
  userAgent?: string;
  /**
   * The client package's module object (`import * as sdk from '@aws-sdk/client-s3'`), whose
   * exception classes simulated failures are thrown as. Pass it when trailsim could resolve
   * a different copy of the package than your code uses.
   * @defaultValue imported by name (`@aws-sdk/client-<serviceId>`) on the first failure
   */
  sdkModule?: object;
}

/** Options of `attachSimulation`. */
export interface AttachSimulationOptions extends AdapterOptions {
  /** Account the client's credentials belong to. @defaultValue the principal's account, else the simulation's first account */
  accountId?: string;
  /**
   * Who makes the calls (whose credentials the client has). Every call CloudTrail logs is
   * recorded as a CloudTrail event by this principal: LookupEvents, the trail and Lake API,
   * EventBridge management calls, and commands trailsim does not simulate.
   * @defaultValue the IAM user `sdk-client` (`DEFAULT_SDK_USER`) of `accountId`
   */
  principal?: Principal;
  /** Trails for CreateTrail, StartLogging, GetTrailStatus, ... @defaultValue `sim.cloudtrail` */
  trails?: TrailApi;
  /** CloudTrail Lake for event data stores and StartQuery/GetQueryResults. @defaultValue `sim.lake` */
  lake?: LakeApi;
}

/** Options of `recordCalls`. */
export interface RecordCallsOptions extends AdapterOptions {
  /** Who makes the calls; every command is recorded as a CloudTrail event by this principal. */
  principal: Principal;
  /**
   * The service as the catalog knows it (IAM prefix `s3` or eventSource `s3.amazonaws.com`).
   * @defaultValue found from the client's endpoint and `serviceId`
   */
  service?: string;
}

export type { CallError };
