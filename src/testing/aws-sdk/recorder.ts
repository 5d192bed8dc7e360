/**
 * Records one SDK call as the CloudTrail record(s) it produces, by a chosen principal.
 *
 * The record is built from the catalog's operation (eventSource, readOnly, category,
 * responseElements generator, resources, error wording) **without its request generator**:
 * the generator fills in plausible parameters for generated traffic, and merged under the
 * caller's input it would log parameters the code never sent. requestParameters are the
 * command's input, converted as `request-parameters.ts` says (and masked by the operation's
 * `redact`, as CloudTrail masks secrets). The trail module's API recorder makes the same
 * choice for the same reason.
 *
 * responseElements: with a `respond` handler, its output (converted the same way) when the
 * operation is a write or one whose records carry a response (AssumeRole); null for other
 * reads, as CloudTrail writes them. Without a handler, what the catalog generates for the
 * operation (as `sim.call` writes).
 */
import { resolveCallError } from '../../catalog/call-error.js';
import type { OperationSpec } from '../../catalog/types.js';
import { globalRegionOf } from '../../core/ids.js';
import { Random } from '../../core/random.js';
import { buildRecords, type CallError, type CallOptions } from '../../record/builder.js';
import type { CloudTrailRecord, JsonObject } from '../../record/types.js';
import type { Simulation } from '../../simulation.js';
import type { Principal } from '../../world/principal.js';

const streams = new WeakMap<Simulation, { records: Random; requestIds: Random }>();

/** The adapters' own random streams of a simulation (forked by name from its seed). */
function streamsOf(sim: Simulation): { records: Random; requestIds: Random } {
  let s = streams.get(sim);
  if (!s) {
    const root = new Random(sim.seed, ['aws-sdk']);
    s = { records: root.fork('records'), requestIds: root.fork('request-ids') };
    streams.set(sim, s);
  }
  return s;
}

/** A request id for a call that writes no record (LookupEvents, PutEvents), from the seed. */
export function nextRequestId(sim: Simulation): string {
  return streamsOf(sim).requestIds.uuid();
}

const stripped = new WeakMap<OperationSpec, OperationSpec>();

function withoutGenerator(spec: OperationSpec): OperationSpec {
  let s = stripped.get(spec);
  if (!s) {
    const { request: _generated, ...rest } = spec;
    s = Object.freeze(rest) as OperationSpec;
    stripped.set(spec, s);
  }
  return s;
}

/**
 * Calls CloudTrail does not log as management events although the catalog's generated
 * entry says so: EventBridge PutEvents is logged only as a data event on the event bus
 * (EventBridge user guide, "Logging Amazon EventBridge API calls using AWS CloudTrail";
 * the catalog has no data-event entry for it yet), so trailsim records nothing for it.
 */
const NOT_LOGGED = new Set(['events.amazonaws.com:PutEvents']);

export function isLogged(spec: OperationSpec): boolean {
  return !NOT_LOGGED.has(`${spec.eventSource}:${spec.name}`);
}

/** The responseElements to write for a successful call whose output the code received. */
export function responseFor(spec: OperationSpec, converted: JsonObject | null): JsonObject | null {
  return !spec.readOnly || spec.response !== undefined ? converted : null;
}

export interface RecordCall {
  spec: OperationSpec;
  principal: Principal;
  region: string;
  request: JsonObject | null;
  /** The record's userAgent (the calling SDK's). */
  userAgent?: string;
  /** A success with these responseElements (`undefined`: the catalog's), or a failure. */
  outcome: { response: JsonObject | null | undefined } | { error: string | CallError };
}

/**
 * Builds the call's record(s) and records them (unless `ingest` is false: a call CloudTrail
 * does not log, built only for its error wording); returns the caller's.
 */
export function recordCall(sim: Simulation, call: RecordCall, ingest = true): CloudTrailRecord {
  const { spec, principal } = call;
  const opts: CallOptions = {};
  if (call.userAgent !== undefined) opts.userAgent = call.userAgent;
  if ('error' in call.outcome) opts.error = call.outcome.error;
  else if (call.outcome.response !== undefined) opts.response = call.outcome.response;
  const records = buildRecords(withoutGenerator(spec), principal, call.request ?? undefined, opts, {
    rng: streamsOf(sim).records,
    world: sim.world,
    time: sim.now,
    region: spec.global ? globalRegionOf(principal.account.partition) : call.region,
    resolveError: resolveCallError,
  });
  if (ingest) for (const r of records) sim.ingest(r);
  return records[0];
}
