import type { Random } from '../core/random.js';
import { requestId } from '../core/ids.js';
import { formatEventTime } from '../core/time.js';
import type { CallContext, ErrorMode, OperationSpec, WorldView } from '../catalog/types.js';
import type { Principal } from '../world/principal.js';
import { TLS_SUITES } from '../world/pools.js';
import { echoesRequestId, withRequestId } from '../catalog/finalize.js';
import { applySizeLimits, withinSizeLimits } from '../catalog/size-limits.js';
import { requestFor } from '../catalog/request.js';
import { EVENT_VERSION, type CloudTrailRecord, type JsonObject, type ResourceRef, type TlsDetails, type UserIdentity } from './types.js';

/**
 * Console sign-in records carry no access key (real ConsoleLogin samples): the identity
 * without it, made once per principal identity.
 */
const signInIdentities = new WeakMap<UserIdentity, UserIdentity>();
function signInIdentity(id: UserIdentity): UserIdentity {
  if (id.accessKeyId === undefined) return id;
  let out = signInIdentities.get(id);
  if (!out) {
    const { accessKeyId: _omit, ...rest } = id;
    out = Object.freeze(rest) as UserIdentity;
    signInIdentities.set(id, out);
  }
  return out;
}

/** A call's params when it has none (shared and frozen: builders only read them). */
const NO_PARAMS: JsonObject = Object.freeze({}) as JsonObject;

/**
 * An empty record with room for every field inside the object. V8 sizes a constructor's
 * objects by the `this.x =` assignments in its body (never run here: `full` is never
 * passed), so the fields added one by one below stay in-object instead of regrowing a
 * property array ~6 times per record. The prototype is Object.prototype: the result is a
 * plain object like `{}` (same prototype, same keys in the same order).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function RecordShell(this: any, full?: boolean): void {
  if (full) {
    this.eventVersion = undefined;
    this.userIdentity = undefined;
    this.eventTime = undefined;
    this.eventSource = undefined;
    this.eventName = undefined;
    this.awsRegion = undefined;
    this.sourceIPAddress = undefined;
    this.userAgent = undefined;
    this.errorCode = undefined;
    this.errorMessage = undefined;
    this.requestParameters = undefined;
    this.responseElements = undefined;
    this.additionalEventData = undefined;
    this.requestID = undefined;
    this.eventID = undefined;
    this.readOnly = undefined;
    this.resources = undefined;
    this.eventType = undefined;
    this.apiVersion = undefined;
    this.managementEvent = undefined;
    this.recipientAccountId = undefined;
    this.serviceEventDetails = undefined;
    this.sharedEventID = undefined;
    this.vpcEndpointId = undefined;
    this.eventCategory = undefined;
    this.sessionCredentialFromConsole = undefined;
    this.tlsDetails = undefined;
  }
}
RecordShell.prototype = Object.prototype;
const newRecord = (): CloudTrailRecord => new (RecordShell as unknown as new () => CloudTrailRecord)();

/** A failure to record instead of success. */
export interface CallError {
  /** errorCode; omitted for failures CloudTrail writes with a message only (failed ConsoleLogin). */
  code?: string;
  message: string;
}

/** Per-call overrides a user can pass with `call`. */
export interface CallOptions {
  /** Region the call is made in (global services still log in the partition's global region). */
  region?: string;
  /** Make the call fail: an error code known to the operation (message filled in), `'AccessDenied'` (identity policy), `'SCP'` (service control policy), or an explicit code and message. */
  error?: string | CallError;
  /** Override the source IP (an attacker's address, a VPC address). */
  sourceIPAddress?: string;
  /** Override the user agent (e.g. `TruffleHog`). */
  userAgent?: string;
  /** Write `params` as requestParameters exactly as given, without the operation's generated defaults (services recording their own API calls). */
  exactParams?: boolean;
  /** Override responseElements of a successful call. */
  response?: JsonObject | null;
  /** Extra additionalEventData fields, merged over the operation's; a key set to `undefined` removes that field. */
  additionalEventData?: { [key: string]: JsonObject[string] | undefined };
  /** Override resources[]. */
  resources?: ResourceRef[];
  /** The call came through this VPC endpoint. */
  vpcEndpointId?: string;
  /** Console-session credentials used from outside the console (writes `sessionCredentialFromConsole: "true"`). */
  sessionCredentialFromConsole?: boolean;
}

/** What the builder needs besides the operation and the caller. */
export interface BuildEnv {
  readonly rng: Random;
  readonly world: WorldView;
  readonly time: number;
  readonly region: string;
  /** Resolves an error option into code and message for this operation (catalog's access-denied rules). */
  readonly resolveError: (spec: OperationSpec, ctx: CallContext, request: JsonObject | null, error: string | CallError) => CallError;
}

/**
 * What the builder reads off an operation, read once per operation into one object shape.
 * Operation specs come in dozens of shapes (each optional builder present or not), so
 * reading ~15 of their fields per record was ~15 megamorphic property loads; this plan has
 * one shape. Kept per frozen spec (built-in and registered specs are frozen); a spec that
 * is not frozen could still change, so it gets a fresh plan per call.
 */
class OpPlan {
  readonly eventSource: string;
  readonly eventName: string;
  readonly eventType: NonNullable<OperationSpec['eventType']>;
  readonly signIn: boolean;
  /** AwsApiCall and AwsConsoleSignIn records always carry requestParameters and responseElements (null or not). */
  readonly alwaysPayload: boolean;
  readonly readOnly: boolean;
  readonly category: OperationSpec['category'];
  readonly managementEvent: boolean;
  readonly apiVersion: string | undefined;
  readonly requestIdStyle: NonNullable<OperationSpec['requestIdStyle']>;
  /** tlsDetails unless the spec says no or the event is an AwsServiceEvent (invokedBy is per caller). */
  readonly withTls: boolean;
  readonly host: OperationSpec['host'];
  readonly request: OperationSpec['request'];
  readonly response: OperationSpec['response'];
  readonly resources: OperationSpec['resources'];
  readonly additionalEventData: OperationSpec['additionalEventData'];
  /** Only for AwsServiceEvent operations. */
  readonly serviceEventDetails: OperationSpec['serviceEventDetails'];
  readonly resourceOwner: OperationSpec['resourceOwner'];
  readonly redact: OperationSpec['redact'];
  readonly nullRequestOnError: boolean;
  readonly omitResourcesOnError: boolean;
  /** EC2 writes the record's requestID inside responseElements too (finalize.ts). */
  readonly echoesRequestId: boolean;
  /** The tlsDetails (one per suite) of the default host, per region: most records carry one. */
  private readonly tls = new Map<string, readonly TlsDetails[]>();

  constructor(spec: OperationSpec) {
    const eventType = spec.eventType ?? 'AwsApiCall';
    this.eventSource = spec.eventSource;
    this.eventName = spec.eventName ?? spec.name;
    this.eventType = eventType;
    this.signIn = eventType === 'AwsConsoleSignIn';
    this.alwaysPayload = eventType === 'AwsApiCall' || eventType === 'AwsConsoleSignIn';
    this.readOnly = spec.readOnly;
    this.category = spec.category;
    this.managementEvent = spec.category === 'Management';
    this.apiVersion = spec.apiVersion ? spec.apiVersion : undefined;
    this.requestIdStyle = spec.requestIdStyle ?? 'uuid';
    this.withTls = spec.tls !== false && eventType !== 'AwsServiceEvent';
    this.host = spec.host;
    this.request = spec.request;
    this.response = spec.response;
    this.resources = spec.resources;
    this.additionalEventData = spec.additionalEventData;
    this.serviceEventDetails = eventType === 'AwsServiceEvent' ? spec.serviceEventDetails : undefined;
    this.resourceOwner = spec.resourceOwner;
    this.redact = spec.redact;
    this.nullRequestOnError = spec.onError?.nullRequest === true;
    this.omitResourcesOnError = spec.onError?.omitResources === true;
    this.echoesRequestId = echoesRequestId(spec.eventSource);
  }

  /** tlsDetails for the default host, `<service>.<region>.amazonaws.com`, by suite. */
  defaultTls(region: string): readonly TlsDetails[] {
    let t = this.tls.get(region);
    if (t === undefined) this.tls.set(region, (t = tlsOfHost(`${this.eventSource.replace('.amazonaws.com', '')}.${region}.amazonaws.com`)));
    return t;
  }
}

const plans = new WeakMap<OperationSpec, OpPlan>();
function planOf(spec: OperationSpec): OpPlan {
  let p = plans.get(spec);
  if (p === undefined) {
    p = new OpPlan(spec);
    if (Object.isFrozen(spec)) plans.set(spec, p);
  }
  return p;
}

/**
 * The options of a call that has none. Callers that pass this very object (the traffic
 * driver does, for most generated calls) skip reading ~10 option fields per record.
 */
export const NO_CALL_OPTIONS: CallOptions = Object.freeze({});

/**
 * Turns one call into its record(s): the caller's copy, and, when the call touches a
 * resource another account owns, the owner's copy (same sharedEventID, its own eventID,
 * the caller shown as `AWSAccount`), as CloudTrail delivers cross-account calls.
 * Keys are written in CloudTrail's order; absent fields are not written at all.
 */
export function buildRecords(spec: OperationSpec, principal: Principal, params: JsonObject | undefined, opts: CallOptions, env: BuildEnv): CloudTrailRecord[] {
  const op = planOf(spec);
  const rng = env.rng;
  const time = env.time;
  const region = env.region;
  const identity = principal.identity;
  const account = principal.account;
  const accountId = account.id;
  const ctx: CallContext = {
    rng,
    time,
    region,
    partition: account.partition,
    accountId,
    identity,
    params: params ?? NO_PARAMS,
    world: env.world,
  };
  // The options, read once (none for most generated calls).
  let exactParams = false;
  let errorOpt: CallOptions['error'];
  let responseOpt: CallOptions['response'];
  let additionalOpt: CallOptions['additionalEventData'];
  let resourcesOpt: CallOptions['resources'];
  let sourceIPOpt: string | undefined;
  let userAgentOpt: string | undefined;
  let vpcEndpointOpt: string | undefined;
  let fromConsoleOpt: boolean | undefined;
  if (opts !== NO_CALL_OPTIONS) {
    exactParams = !!opts.exactParams;
    errorOpt = opts.error;
    responseOpt = opts.response;
    additionalOpt = opts.additionalEventData;
    resourcesOpt = opts.resources;
    sourceIPOpt = opts.sourceIPAddress;
    userAgentOpt = opts.userAgent;
    vpcEndpointOpt = opts.vpcEndpointId;
    fromConsoleOpt = opts.sessionCredentialFromConsole;
  }
  // Deep-merges the caller's params over the generated ones, then redacts as CloudTrail does
  // (the plan has the spec's request and redact, in one shape).
  let request: JsonObject | null = exactParams ? (params && op.redact ? op.redact(params) : (params ?? null)) : requestFor(op, ctx);
  const eventType = op.eventType;
  const error = errorOpt === undefined ? undefined : env.resolveError(spec, ctx, request, errorOpt);
  let response: JsonObject | null = null;
  if (!error) response = responseOpt !== undefined ? responseOpt : op.response ? op.response(ctx, request) : null;
  else if (op.signIn) response = { ConsoleLogin: 'Failure' };
  let additional = op.additionalEventData ? op.additionalEventData(ctx, request) : undefined;
  if (additionalOpt) {
    const merged: JsonObject = { ...(additional ?? {}) };
    for (const [k, v] of Object.entries(additionalOpt)) {
      if (v === undefined) delete merged[k];
      else merged[k] = v;
    }
    additional = merged;
  }
  const host = op.host ? op.host(region, request) : undefined;
  if (error && op.nullRequestOnError) request = null;
  const resources = resourcesOpt ?? (error && op.omitResourcesOnError ? undefined : op.resources ? op.resources(ctx, request, response) : undefined);
  const invokedBy = principal.profile.invokedBy;

  const r = newRecord();
  r.eventVersion = EVENT_VERSION;
  r.userIdentity = op.signIn ? signInIdentity(identity) : identity;
  r.eventTime = formatEventTime(time);
  r.eventSource = op.eventSource;
  r.eventName = op.eventName;
  r.awsRegion = region;
  r.sourceIPAddress = sourceIPOpt ?? principal.sourceIPAddress(rng);
  const userAgent = userAgentOpt ?? principal.userAgent(rng);
  r.userAgent = userAgent;
  if (error) {
    if (error.code !== undefined) r.errorCode = error.code;
    r.errorMessage = error.message;
  }
  if (op.alwaysPayload || request !== null) r.requestParameters = request;
  if (op.alwaysPayload || response !== null) r.responseElements = response;
  if (additional) r.additionalEventData = additional;
  // Console sign-in records carry no requestID (cloudtrail-reference.md §1).
  const rid = op.signIn ? undefined : requestId(rng, op.requestIdStyle);
  if (rid !== undefined) r.requestID = rid;
  r.eventID = rng.uuid();
  r.readOnly = op.readOnly;
  if (resources && resources.length > 0) r.resources = resources;
  r.eventType = eventType;
  if (op.apiVersion) r.apiVersion = op.apiVersion;
  r.managementEvent = op.managementEvent;
  r.recipientAccountId = accountId;
  let details: JsonObject | undefined;
  if (op.serviceEventDetails) {
    details = op.serviceEventDetails(ctx);
    if (details) r.serviceEventDetails = details;
  }
  const owner = op.resourceOwner ? op.resourceOwner(ctx, request) : undefined;
  const shared = owner && owner !== accountId ? rng.uuid() : undefined;
  if (shared) r.sharedEventID = shared;
  if (vpcEndpointOpt) r.vpcEndpointId = vpcEndpointOpt;
  r.eventCategory = op.category;
  if (fromConsoleOpt) r.sessionCredentialFromConsole = 'true';
  // tlsDetails is absent when an AWS service made the call (invokedBy set) (record-contents page).
  if (op.withTls && !invokedBy) {
    const suite = rng.int(TLS_SUITES.length);
    r.tlsDetails = (host === undefined ? op.defaultTls(region) : tlsOfHost(host))[suite];
  }
  // finalizeRecord's steps on the values held here (reading them back off the record, whose
  // shape varies, cost more than the checks): the request id EC2 echoes, then the size limits.
  if (op.echoesRequestId && response && rid) {
    const fixed = withRequestId(response, rid);
    if (fixed !== response) r.responseElements = response = fixed;
  }
  const caller = withinSizeLimits(request, response, details || undefined, additional || undefined, userAgent, error?.code, error?.message, rid) ? r : applySizeLimits(r);
  if (!shared) return [caller];
  return [caller, ownerCopy(caller, owner!, identity, rng)];
}

/**
 * tlsDetails per host and suite, frozen and shared by every record that has them (like
 * userIdentity): no object per record, and recordJson splices their JSON, computed once.
 */
const tlsByHost = new Map<string, readonly TlsDetails[]>();
function tlsOfHost(host: string): readonly TlsDetails[] {
  let all = tlsByHost.get(host);
  if (all === undefined) {
    // Hosts are bounded by the estate (S3 virtual hosts name buckets); a cap keeps a long run's map small.
    if (tlsByHost.size >= 50_000) tlsByHost.clear();
    all = TLS_SUITES.map(([tlsVersion, cipherSuite]) => Object.freeze({ tlsVersion, cipherSuite, clientProvidedHostHeader: host }));
    tlsByHost.set(host, all);
  }
  return all;
}

/** The resource owner's copy of a cross-account call: the caller appears as `AWSAccount`. */
function ownerCopy(r: CloudTrailRecord, owner: string, caller: UserIdentity, rng: Random): CloudTrailRecord {
  const callerAccount = caller.accountId ?? r.recipientAccountId!;
  const principalId = caller.type === 'AssumedRole' ? caller.principalId!.split(':')[0] : (caller.principalId ?? callerAccount);
  const copy = {} as CloudTrailRecord;
  for (const [k, v] of Object.entries(r) as [keyof CloudTrailRecord, unknown][]) {
    if (k === 'userIdentity') (copy as unknown as Record<string, unknown>)[k] = { type: 'AWSAccount', principalId, accountId: callerAccount };
    else if (k === 'eventID') copy.eventID = rng.uuid();
    else if (k === 'recipientAccountId') copy.recipientAccountId = owner;
    else if (k === 'tlsDetails') continue;
    else (copy as unknown as Record<string, unknown>)[k] = v;
  }
  return copy;
}

export type { ErrorMode };
