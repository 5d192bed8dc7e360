/**
 * Attaching a simulation to AWS SDK for JavaScript v3 clients.
 *
 * **How a command is intercepted.** One middleware is added to the client's stack at the
 * `initialize` step (priority `low`, so the SDK's and your own initialize middleware, e.g.
 * its logger, still run first). It reads the command (`context.commandName`, the Smithy
 * context's operation name) and its input, answers from the simulation, and returns the
 * output with a `$metadata` (HTTP 200, the record's requestID, one attempt) without calling
 * the rest of the stack: nothing is serialized, signed or sent, so no credentials or network
 * are needed and no wire protocol is emulated. Paginators (`paginateLookupEvents`) and
 * anything else built on `client.send` work unchanged, `instanceof` checks included, since
 * the client is the real one.
 *
 * **Failures** AWS would answer surface as the SDK's exception classes (see
 * `exceptions.ts`). **Retries never happen**: the SDK's retry middleware (finalizeRequest
 * step) sits below the interception, so a simulated `ThrottlingException` (LookupEvents with
 * `throttleLookups`) reaches the caller on the first attempt, `$metadata.attempts` = 1. Time
 * is virtual: advance the simulation's clock between calls to get under a rate limit.
 */
import { TrailsimInputError } from '../../core/errors.js';
import type { OperationSpec } from '../../catalog/types.js';
import type { CloudTrailRecord } from '../../record/types.js';
import type { Simulation } from '../../simulation.js';
import type { Principal } from '../../world/principal.js';
import { cloudTrailHandler, recordsItself } from './cloudtrail.js';
import { eventBridgeHandler } from './eventbridge.js';
import { failureOf, isAwsFailure, metadata, toSdkException } from './exceptions.js';
import { SimulatedFailure } from './failure.js';
import { isLogged, nextRequestId, recordCall, responseFor, type RecordCall } from './recorder.js';
import { requestParameters, responseElements, s3RequestParameters } from './request-parameters.js';
import { recordedOperation } from './service.js';
import type { AttachSimulationOptions, Detach, LakeApi, RecordCallsOptions, RespondHandler, SdkCall, SdkClient, SdkHandlerContext, TrailApi } from './types.js';

/**
 * The userAgent of records of calls made through an attached client: the AWS SDK for
 * JavaScript v3's format (`aws-sdk-js/<version> ua/2.1 os/<os> lang/js md/nodejs#<node>
 * api/<service>#<version>`, as its records show it), with fixed versions so records are the
 * same on any machine whatever SDK and Node are installed.
 */
export const DEFAULT_SDK_USER_AGENT = 'aws-sdk-js/3.600.0 ua/2.1 os/linux#6.1.0 lang/js md/nodejs#20.19.0';

function userAgentOf(call: Intercepted, explicit: string | undefined): string {
  if (explicit !== undefined) return explicit;
  const api = (call.serviceId ?? call.clientName?.replace(/Client$/, '') ?? 'unknown').trim().toLowerCase().replace(/\s+/g, '-');
  return `${DEFAULT_SDK_USER_AGENT} api/${api}#3.600.0`;
}

/** The middleware's name in the client's stack (`client.middlewareStack.identify()`). */
export const MIDDLEWARE_NAME = 'trailsimMiddleware';
/** `@smithy/types` SMITHY_CONTEXT_KEY: where the SDK puts the operation's name. */
const SMITHY_CONTEXT_KEY = '__smithy_context';

type Input = Readonly<Record<string, unknown>>;

/** A command as the middleware sees it. */
interface Intercepted {
  command: string;
  operation: string;
  clientName?: string;
  serviceId?: string;
  region: string;
  input: Input;
}

interface ClientConfig {
  region?: unknown;
  serviceId?: unknown;
  endpointProvider?: unknown;
}

const attachedClients = new WeakSet<object>();

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** What the helpers read of a client. */
interface ClientLike {
  readonly config: object;
}

function configOf(client: ClientLike): ClientConfig {
  return isObject(client.config) ? (client.config as ClientConfig) : {};
}

async function clientRegion(client: ClientLike, explicit: string | undefined): Promise<string> {
  if (explicit !== undefined) return explicit;
  const r = configOf(client).region;
  let region: unknown = r;
  try {
    if (typeof r === 'function') region = await (r as () => unknown)();
  } catch {
    region = undefined;
  }
  if (typeof region !== 'string' || region === '') {
    throw new TrailsimInputError('The client has no region: configure it with one (new CloudTrailClient({ region: "us-east-1" })) or pass { region } to the adapter.');
  }
  return region;
}

/** The host name of the client's endpoint in `region` (`events.us-east-1.amazonaws.com`), if the client can say. */
function endpointHost(client: ClientLike, region: string): string | undefined {
  const provider = configOf(client).endpointProvider;
  if (typeof provider !== 'function') return undefined;
  try {
    const ep: unknown = (provider as (p: object) => unknown)({ Region: region });
    const url = isObject(ep) ? ep.url : undefined;
    if (url instanceof URL) return url.hostname;
    if (typeof url === 'string') return new URL(url).hostname;
  } catch {
    // Endpoint rules that need more than a Region (S3 buckets, ARNs): fall back to the serviceId.
  }
  return undefined;
}

async function intercept(client: ClientLike, context: SdkHandlerContext, input: object, region: string | undefined): Promise<Intercepted> {
  const commandName = typeof context.commandName === 'string' ? context.commandName : undefined;
  const smithy = context[SMITHY_CONTEXT_KEY];
  const fromSmithy = isObject(smithy) && typeof smithy.operation === 'string' ? smithy.operation : undefined;
  const operation = fromSmithy ?? commandName?.replace(/Command$/, '');
  if (!operation) throw new TrailsimInputError('trailsim could not tell which command was sent: the SDK passed no command name (AWS SDK for JavaScript v3 clients do).');
  const serviceId = configOf(client).serviceId;
  const out: Intercepted = {
    command: commandName ?? `${operation}Command`,
    operation,
    region: await clientRegion(client, region),
    input: (isObject(input) ? input : {}) as Input,
  };
  if (typeof context.clientName === 'string') out.clientName = context.clientName;
  if (typeof serviceId === 'string') out.serviceId = serviceId;
  return out;
}

function withMetadata(output: object, requestId: string): object {
  return { ...output, $metadata: metadata(200, requestId) };
}

/** Adds the middleware; the returned function removes it. */
function install<TInput extends object, TOutput extends object>(client: SdkClient<TInput, TOutput>, run: (context: SdkHandlerContext, input: TInput) => Promise<object>): Detach {
  if (!isObject(client) || !isObject(client.middlewareStack) || typeof client.middlewareStack.add !== 'function') {
    throw new TrailsimInputError('Expected an AWS SDK for JavaScript v3 client (e.g. new CloudTrailClient({ region })): it has no middlewareStack.');
  }
  if (attachedClients.has(client)) throw new TrailsimInputError('This client already has a simulation attached: call the detach function you got first.');
  client.middlewareStack.add(
    // Short-circuits: `next` (serialization, signing, retries, the HTTP handler) is never called.
    (_next, context) => async (args) => ({ output: (await run(context, args.input)) as TOutput }),
    { step: 'initialize', name: MIDDLEWARE_NAME, priority: 'low', tags: ['TRAILSIM'] },
  );
  attachedClients.add(client);
  forgetCachedHandlers(client);
  let attached = true;
  return () => {
    if (!attached) return;
    attached = false;
    client.middlewareStack.remove(MIDDLEWARE_NAME);
    attachedClients.delete(client);
    forgetCachedHandlers(client);
  };
}

/**
 * A client made with `cacheMiddleware: true` keeps the handler it resolved per command
 * class (`handlers`, in Smithy's `Client.send`); one resolved before attaching would bypass
 * the simulation and call AWS. Dropping the cache makes the next send resolve the stack again.
 */
function forgetCachedHandlers(client: object): void {
  if (Object.prototype.hasOwnProperty.call(client, 'handlers')) Reflect.deleteProperty(client, 'handlers');
}

function checkPrincipal(sim: Simulation, principal: Principal): void {
  if (sim.world.accounts.get(principal.account.id) === undefined) {
    throw new TrailsimInputError(`The principal's account ${principal.account.id} is not in this simulation: make the principal from an account of sim.addAccount(...).`);
  }
}

function firstAccountId(sim: Simulation): string {
  const a = sim.world.accounts.values().next().value;
  if (!a) throw new TrailsimInputError('The simulation has no account yet: call sim.addAccount() before sending commands, or pass { accountId }.');
  return a.id;
}

/** Status of a failure the catalog words (AccessDenied and its service spellings are 403). */
function statusOf(code: string): number {
  return /AccessDenied|UnauthorizedOperation|Forbidden/.test(code) ? 403 : 400;
}

function isSdkException(e: unknown): e is Error & { $fault: string } {
  return e instanceof Error && isObject(e) && (e.$fault === 'client' || e.$fault === 'server') && isObject((e as unknown as Record<string, unknown>).$metadata);
}

/** The adapter's part of the options, for the recorder. */
interface RecorderOptions {
  respond?: RespondHandler;
  userAgent?: string;
  sdkModule?: object;
  service?: string;
}

/**
 * Records a failed call (when CloudTrail logs it) and returns what to throw: the SDK's
 * exception for simulated failures, the handler's own SDK exception as it is; anything else
 * (a bug in the handler) is not an AWS answer and is thrown unrecorded.
 */
async function failRecorded(sim: Simulation, call: Intercepted, base: Omit<RecordCall, 'outcome'>, e: unknown, sdkModule: object | undefined): Promise<unknown> {
  const logged = isLogged(base.spec);
  const record = (outcome: RecordCall['outcome']): CloudTrailRecord => recordCall(sim, { ...base, outcome }, logged);
  // A call CloudTrail does not log has no record to take the requestID from.
  const requestIdOf = (rec: CloudTrailRecord): string => (logged ? rec.requestID : undefined) ?? nextRequestId(sim);
  if (SimulatedFailure.is(e)) {
    const rec = record({ error: e.error });
    const recorded = rec.errorCode ?? (typeof e.error === 'string' ? e.error : (e.error.code ?? 'AccessDenied'));
    // CloudTrail writes EC2's `Client.` prefix; the SDK's error code has none.
    const name = recorded.replace(/^Client\./, '');
    return toSdkException({ name, message: rec.errorMessage ?? '', fault: 'client', status: statusOf(name), cause: e }, call.serviceId, requestIdOf(rec), sdkModule);
  }
  if (isAwsFailure(e)) {
    const rec = record({ error: { code: e.name, message: e.message } });
    return toSdkException(failureOf(e), call.serviceId, requestIdOf(rec), sdkModule);
  }
  if (isSdkException(e)) {
    record({ error: { code: e.name, message: e.message } });
    return e;
  }
  return e;
}

/** A command trailsim does not simulate: answered by `respond` (or `{}`) and recorded by `principal`. */
async function runRecorded(sim: Simulation, client: ClientLike, call: Intercepted, principal: Principal, opts: RecorderOptions): Promise<object> {
  const spec: OperationSpec = recordedOperation(sim.catalog, call.operation, {
    explicit: opts.service,
    serviceId: call.serviceId,
    clientName: call.clientName,
    endpointHost: endpointHost(client, call.region),
  });
  const request = spec.eventSource === 's3.amazonaws.com' ? s3RequestParameters(call.input, (r) => spec.host?.(call.region, r)) : requestParameters(call.input);
  const base = { spec, principal, region: call.region, request, userAgent: userAgentOf(call, opts.userAgent) };
  const sdkCall: SdkCall = Object.freeze({ command: call.command, operation: call.operation, recordedAs: `${spec.service}:${spec.name}`, region: call.region, input: call.input });
  let output: unknown;
  try {
    output = opts.respond ? await opts.respond(sdkCall) : {};
  } catch (e) {
    throw await failRecorded(sim, call, base, e, opts.sdkModule);
  }
  if (!isObject(output)) throw new TrailsimInputError(`respond must return ${call.command}'s output (an object); got ${String(output)}.`);
  const rec = isLogged(spec) ? recordCall(sim, { ...base, outcome: { response: opts.respond ? responseFor(spec, responseElements(output)) : undefined } }) : undefined;
  return withMetadata(output, rec?.requestID ?? nextRequestId(sim));
}

/** Runs `fn`, collecting the records the simulation makes meanwhile. */
async function capturing<T>(sim: Simulation, fn: () => T | Promise<T>): Promise<{ value: T; records: CloudTrailRecord[] } | { error: unknown; records: CloudTrailRecord[] }> {
  const records: CloudTrailRecord[] = [];
  const off = sim.onRecord((r) => records.push(r));
  try {
    return { value: await fn(), records };
  } catch (error) {
    return { error, records };
  } finally {
    off();
  }
}

/**
 * Attaches a simulation to a real AWS SDK v3 client: its commands run in-process against
 * the simulation, through the SDK's own `send`, middleware stack and paginators.
 *
 * - `CloudTrailClient`: LookupEvents (event history of `accountId` in the client's region);
 *   the trail API on `trails` (default `sim.cloudtrail`: CreateTrail, UpdateTrail,
 *   DeleteTrail, StartLogging, StopLogging, GetTrailStatus, GetTrail, DescribeTrails,
 *   ListTrails, Put/Get Event and Insight selectors) and CloudTrail Lake on `lake` (default
 *   `sim.lake`: event data stores, StartQuery, DescribeQuery, GetQueryResults, ListQueries,
 *   CancelQuery).
 * - `EventBridgeClient`: buses, rules, targets, PutEvents, TestEventPattern on `sim.eventBridge`.
 * - Any command trailsim does not simulate, on any client: answered by `respond` (default
 *   `{}`), as `recordCalls` does.
 *
 * Every call CloudTrail logs is recorded, by `principal` (default: the IAM user
 * `sdk-client` of the account): LookupEvents as a management read event, the trail, Lake
 * and EventBridge management calls, and the unsimulated commands. PutEvents is not (a data event).
 *
 * Failures AWS would answer are thrown as the SDK's exception classes with AWS's names.
 * Returns the function that detaches the simulation.
 *
 * @example
 * const sim = createSimulation({ seed: 7 });
 * const prod = sim.addAccount({ name: 'prod' });
 * const client = new CloudTrailClient({ region: 'us-east-1' });
 * const detach = attachSimulation(client, sim, { accountId: prod.id });
 * for await (const page of paginateLookupEvents({ client }, {})) console.log(page.Events?.length);
 * detach();
 */
export function attachSimulation<TInput extends object, TOutput extends object>(client: SdkClient<TInput, TOutput>, sim: Simulation, options: AttachSimulationOptions = {}): Detach {
  const { principal, trails, lake, respond, sdkModule, userAgent } = options;
  if (principal) checkPrincipal(sim, principal);
  if (options.accountId !== undefined) {
    sim.account(options.accountId);
    if (principal && principal.account.id !== options.accountId) {
      throw new TrailsimInputError(`accountId ${options.accountId} is not the principal's account (${principal.account.id}): a client's credentials belong to one account.`);
    }
  }
  return install(client, async (context, rawInput) => {
    const call = await intercept(client, context, rawInput, options.region);
    const accountId = options.accountId ?? principal?.account.id ?? firstAccountId(sim);
    // Every real call is made with someone's credentials, and CloudTrail records who.
    const caller = principal ?? defaultPrincipal(sim, accountId);
    const answered = await runSimulated(sim, call, { accountId, principal: caller, trails: trails ?? sim.cloudtrail, lake: lake ?? sim.lake, sdkModule, userAgent });
    if (answered) return answered;
    return runRecorded(sim, client, call, caller, { respond, sdkModule, userAgent });
  });
}

/**
 * The IAM user an attached client calls as when no `principal` is given: `sdk-client` in the
 * client's account. Named, so its records are recognisable, and created on first use like any
 * principal (its identity derives from the seed, the account and the name).
 */
export const DEFAULT_SDK_USER = 'sdk-client';

function defaultPrincipal(sim: Simulation, accountId: string): Principal {
  return sim.account(accountId).iamUser(DEFAULT_SDK_USER);
}

/** Where a simulated command runs and who makes it. */
interface SimulatedTarget {
  accountId: string;
  principal: Principal;
  trails: TrailApi;
  lake: LakeApi;
  sdkModule?: object;
  userAgent?: string;
}

/**
 * Runs a command trailsim simulates (CloudTrail's and EventBridge's APIs) against the
 * simulation and records it as CloudTrail records it; `undefined` for any other command.
 */
async function runSimulated(sim: Simulation, call: Intercepted, target: SimulatedTarget): Promise<object | undefined> {
  const { accountId, principal, sdkModule } = target;
  const userAgent = userAgentOf(call, target.userAgent);
  const isCloudTrail = call.clientName === 'CloudTrailClient' || call.serviceId === 'CloudTrail';
  const isEventBridge = call.clientName === 'EventBridgeClient' || call.serviceId === 'EventBridge';

  const ct = isCloudTrail ? cloudTrailHandler(call.operation) : undefined;
  if (ct) {
    const run = await capturing(sim, () => ct({ sim, accountId, region: call.region, principal, trails: target.trails, lake: target.lake, userAgent }, call.input));
    if (!recordsItself(call.operation)) {
      // LookupEvents answers from event history and is itself a management read event
      // (CloudTrail user guide, "CloudTrail information in CloudTrail": every CloudTrail
      // API call is logged). It is recorded after it answers, so it is not in its own page.
      const spec = sim.catalog.get(`cloudtrail:${call.operation}`);
      const base = spec ? { spec, principal, region: call.region, request: requestParameters(call.input), userAgent } : undefined;
      if ('error' in run) {
        if (base && (isAwsFailure(run.error) || SimulatedFailure.is(run.error))) throw await failRecorded(sim, call, base, run.error, sdkModule);
        if (isAwsFailure(run.error)) throw await toSdkException(failureOf(run.error), call.serviceId, nextRequestId(sim), sdkModule);
        throw run.error;
      }
      const rec = base ? recordCall(sim, { ...base, outcome: { response: null } }) : undefined;
      return withMetadata(isObject(run.value) ? run.value : {}, rec?.requestID ?? nextRequestId(sim));
    }
    // Trail and Lake calls record themselves; their record gives the requestId.
    const own = run.records.find((r) => r.eventName === call.operation && r.eventSource === 'cloudtrail.amazonaws.com');
    const requestId = own?.requestID ?? nextRequestId(sim);
    if ('error' in run) {
      if (isAwsFailure(run.error)) throw await toSdkException(failureOf(run.error), call.serviceId, requestId, sdkModule);
      throw run.error;
    }
    return withMetadata(isObject(run.value) ? run.value : {}, requestId);
  }

  const eb = isEventBridge ? eventBridgeHandler(call.operation) : undefined;
  if (eb) {
    const api = sim.eventBridge.forAccount(accountId, call.region);
    const spec = sim.catalog.get(`events:${call.operation}`);
    const base = spec && isLogged(spec) ? { spec, principal, region: call.region, request: requestParameters(call.input), userAgent } : undefined;
    let out: object;
    try {
      out = eb(api, call.input);
    } catch (e) {
      if (base) throw await failRecorded(sim, call, base, e, sdkModule);
      if (isAwsFailure(e)) throw await toSdkException(failureOf(e), call.serviceId, nextRequestId(sim), sdkModule);
      throw e;
    }
    const rec = base ? recordCall(sim, { ...base, outcome: { response: responseFor(base.spec, responseElements(out)) } }) : undefined;
    return withMetadata(out, rec?.requestID ?? nextRequestId(sim));
  }
  return undefined;
}

/**
 * Records every command sent through a client as the CloudTrail event(s) it would produce,
 * made by `principal` — "what would CloudTrail log for my code?". Works with any SDK v3
 * client (S3, IAM, EC2, STS, ...): the command's input becomes `requestParameters` (see
 * `request-parameters.ts` for the naming rules), the response comes from `respond` (default
 * `{}`), and the operation is the catalog's (`sim.catalog`), found from the client's endpoint
 * and serviceId. Throw `simulatedFailure('AccessDenied')` from `respond` to record a failure.
 * Returns the function that detaches the recorder.
 *
 * @example
 * const s3 = new S3Client({ region: 'eu-west-1' });
 * recordCalls(s3, sim, { principal: alice, respond: ({ operation }) => (operation === 'PutObject' ? { ETag: '"abc"' } : {}) });
 * await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'q1.csv', Body: 'a,b' }));
 * sim.records({ eventName: 'PutObject' }); // requestParameters: { bucketName: 'reports', key: 'q1.csv', Host: ... }
 */
export function recordCalls<TInput extends object, TOutput extends object>(client: SdkClient<TInput, TOutput>, sim: Simulation, options: RecordCallsOptions): Detach {
  if (!isObject(options) || !options.principal) throw new TrailsimInputError('recordCalls needs { principal }: who makes the calls (e.g. account.iamUser("alice")).');
  const { principal, respond, sdkModule, service, userAgent } = options;
  checkPrincipal(sim, principal);
  if (service !== undefined && !sim.catalog.list({ service }).length) {
    throw new TrailsimInputError(`The catalog knows no service '${service}': use an IAM prefix (s3) or an eventSource (s3.amazonaws.com).`);
  }
  return install(client, async (context, rawInput) => {
    const call = await intercept(client, context, rawInput, options.region);
    // A command the simulation can run does what AWS would do (PutRule creates the rule and
    // answers its RuleArn), in the principal's account; `respond` answers the others.
    const answered = await runSimulated(sim, call, { accountId: principal.account.id, principal, trails: sim.cloudtrail, lake: sim.lake, sdkModule, userAgent });
    if (answered) return answered;
    return runRecorded(sim, client, call, principal, { respond, sdkModule, service, userAgent });
  });
}
