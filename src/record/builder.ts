import type { Random } from '../core/random.js';
import { requestId } from '../core/ids.js';
import { formatEventTime } from '../core/time.js';
import type { CallContext, ErrorMode, OperationSpec, WorldView } from '../catalog/types.js';
import type { Principal } from '../world/principal.js';
import { TLS_SUITES } from '../world/pools.js';
import { finalizeRecord } from '../catalog/finalize.js';
import { requestFor } from '../catalog/request.js';
import { EVENT_VERSION, type CloudTrailRecord, type JsonObject, type ResourceRef, type UserIdentity } from './types.js';

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
 * Turns one call into its record(s): the caller's copy, and, when the call touches a
 * resource another account owns, the owner's copy (same sharedEventID, its own eventID,
 * the caller shown as `AWSAccount`), as CloudTrail delivers cross-account calls.
 * Keys are written in CloudTrail's order; absent fields are not written at all.
 */
export function buildRecords(spec: OperationSpec, principal: Principal, params: JsonObject | undefined, opts: CallOptions, env: BuildEnv): CloudTrailRecord[] {
  const { rng, time, region } = env;
  const identity = principal.identity;
  const accountId = principal.account.id;
  const ctx: CallContext = {
    rng,
    time,
    region,
    partition: principal.account.partition,
    accountId,
    identity,
    params: params ?? NO_PARAMS,
    world: env.world,
  };
  // Deep-merges the caller's params over the generated ones, then redacts as CloudTrail does.
  let request = opts.exactParams ? (params && spec.redact ? spec.redact(params) : (params ?? null)) : requestFor(spec, ctx);
  const eventType = spec.eventType ?? 'AwsApiCall';
  const error = opts.error === undefined ? undefined : env.resolveError(spec, ctx, request, opts.error);
  let response: JsonObject | null = null;
  if (!error) response = opts.response !== undefined ? opts.response : spec.response ? spec.response(ctx, request) : null;
  else if (eventType === 'AwsConsoleSignIn') response = { ConsoleLogin: 'Failure' };
  let additional = spec.additionalEventData ? spec.additionalEventData(ctx, request) : undefined;
  if (opts.additionalEventData) {
    const merged: JsonObject = { ...(additional ?? {}) };
    for (const [k, v] of Object.entries(opts.additionalEventData)) {
      if (v === undefined) delete merged[k];
      else merged[k] = v;
    }
    additional = merged;
  }
  const host = spec.host ? spec.host(region, request) : undefined;
  if (error && spec.onError?.nullRequest) request = null;
  const resources = opts.resources ?? (error && spec.onError?.omitResources ? undefined : spec.resources ? spec.resources(ctx, request, response) : undefined);
  const invokedBy = principal.profile.invokedBy;

  const r = newRecord();
  r.eventVersion = EVENT_VERSION;
  r.userIdentity = eventType === 'AwsConsoleSignIn' ? signInIdentity(identity) : identity;
  r.eventTime = formatEventTime(time);
  r.eventSource = spec.eventSource;
  r.eventName = spec.eventName ?? spec.name;
  r.awsRegion = region;
  r.sourceIPAddress = opts.sourceIPAddress ?? principal.sourceIPAddress(rng);
  r.userAgent = opts.userAgent ?? principal.userAgent(rng);
  if (error) {
    if (error.code !== undefined) r.errorCode = error.code;
    r.errorMessage = error.message;
  }
  if (eventType === 'AwsApiCall' || eventType === 'AwsConsoleSignIn' || request !== null) r.requestParameters = request;
  if (eventType === 'AwsApiCall' || eventType === 'AwsConsoleSignIn' || response !== null) r.responseElements = response;
  if (additional) r.additionalEventData = additional;
  // Console sign-in records carry no requestID (cloudtrail-reference.md §1).
  const rid = eventType === 'AwsConsoleSignIn' ? undefined : requestId(rng, spec.requestIdStyle ?? 'uuid');
  if (rid !== undefined) r.requestID = rid;
  r.eventID = rng.uuid();
  r.readOnly = spec.readOnly;
  if (resources && resources.length > 0) r.resources = resources;
  r.eventType = eventType;
  if (spec.apiVersion) r.apiVersion = spec.apiVersion;
  r.managementEvent = spec.category === 'Management';
  r.recipientAccountId = accountId;
  if (eventType === 'AwsServiceEvent' && spec.serviceEventDetails) {
    const d = spec.serviceEventDetails(ctx);
    if (d) r.serviceEventDetails = d;
  }
  const owner = spec.resourceOwner ? spec.resourceOwner(ctx, request) : undefined;
  const shared = owner && owner !== accountId ? rng.uuid() : undefined;
  if (shared) r.sharedEventID = shared;
  if (opts.vpcEndpointId) r.vpcEndpointId = opts.vpcEndpointId;
  r.eventCategory = spec.category;
  if (opts.sessionCredentialFromConsole) r.sessionCredentialFromConsole = 'true';
  // tlsDetails is absent when an AWS service made the call (invokedBy set) (record-contents page).
  if (spec.tls !== false && !invokedBy && eventType !== 'AwsServiceEvent') {
    const suite = TLS_SUITES[rng.int(TLS_SUITES.length)];
    r.tlsDetails = { tlsVersion: suite[0], cipherSuite: suite[1], clientProvidedHostHeader: host ?? defaultHost(spec.eventSource, region) };
  }
  const caller = finalizeRecord(r);
  if (!shared) return [caller];
  return [caller, ownerCopy(caller, owner!, identity, rng)];
}

/** `<service>.<region>.amazonaws.com`, made once per event source and region (it is in most records). */
const defaultHosts = new Map<string, Map<string, string>>();
function defaultHost(eventSource: string, region: string): string {
  let byRegion = defaultHosts.get(eventSource);
  if (!byRegion) defaultHosts.set(eventSource, (byRegion = new Map()));
  let h = byRegion.get(region);
  if (h === undefined) byRegion.set(region, (h = `${eventSource.replace('.amazonaws.com', '')}.${region}.amazonaws.com`));
  return h;
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

/** Serialises a record as one JSONL line (records are already in CloudTrail's key order). */
export function recordToJson(r: CloudTrailRecord): string {
  return JSON.stringify(r);
}

export type { ErrorMode };
