/**
 * Records the trail API's own calls as CloudTrail management events, by the principal who
 * made them, with the request parameters the caller actually sent and the response
 * elements AWS returns (lower-camel member names, as in the real records: `name`,
 * `trailName`, `eventSelectors`, `trailARN`), or the error code and message of a refused
 * call.
 *
 * The record is built with the catalog's operation (event source, readOnly, TLS, ...) but
 * without its request generator: the generator fills in plausible values for *generated*
 * traffic (e.g. `isMultiRegionTrail: true`), and merged under the caller's parameters it
 * would log parameters the caller never sent. `resources` is left out: the real
 * CloudTrail records in shared/reference/cloudtrail-samples (DeleteTrail, StopLogging,
 * PutEventSelectors) carry none.
 */
import { effectOf } from '../../catalog/resource-effects.js';
import { AwsServiceException } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { OperationSpec } from '../../catalog/types.js';
import { resolveCallError } from '../../catalog/call-error.js';
import { buildRecords, type CallError, type CallOptions } from '../../record/builder.js';
import type { CloudTrailRecord, JsonObject } from '../../record/types.js';
import type { Principal } from '../../world/principal.js';
import type { TrailHost } from './host.js';

/** Options a trail API call takes besides its input: where it is made from and how. */
export interface ApiCallOptions {
  /** Region the call is made in. @defaultValue the caller account's default Region */
  region?: string;
  /**
   * Make the call fail before it reaches CloudTrail's own checks: `'AccessDenied'` (identity
   * policy), `'SCP'` (service control policy), or an explicit `{ code, message }`. The
   * failure is recorded and thrown; nothing changes.
   */
  error?: string | CallError;
  sourceIPAddress?: string;
  userAgent?: string;
  vpcEndpointId?: string;
  sessionCredentialFromConsole?: boolean;
}

function passThrough(opts: ApiCallOptions): CallOptions {
  const o: CallOptions = {};
  if (opts.sourceIPAddress !== undefined) o.sourceIPAddress = opts.sourceIPAddress;
  if (opts.userAgent !== undefined) o.userAgent = opts.userAgent;
  if (opts.vpcEndpointId !== undefined) o.vpcEndpointId = opts.vpcEndpointId;
  if (opts.sessionCredentialFromConsole !== undefined) o.sessionCredentialFromConsole = opts.sessionCredentialFromConsole;
  return o;
}

export class ApiRecorder {
  private readonly specs = new Map<string, OperationSpec>();

  constructor(private readonly host: TrailHost, private readonly rng: Random) {}

  private spec(op: string): OperationSpec {
    let s = this.specs.get(op);
    if (!s) {
      const full = this.host.operation(`cloudtrail:${op}`);
      const { request: _generated, ...rest } = full;
      s = Object.freeze(rest) as OperationSpec;
      this.specs.set(op, s);
    }
    return s;
  }

  private build(principal: Principal, op: string, region: string, request: JsonObject | null, opts: CallOptions): CloudTrailRecord[] {
    return buildRecords(this.spec(op), principal, request ?? undefined, { ...opts, resources: [] }, {
      rng: this.rng,
      world: this.host.world,
      time: this.host.clock.now(),
      region,
      // The catalog words named failure modes ('AccessDenied', 'SCP') per service.
      resolveError: resolveCallError,
    });
  }

  /** Records a successful call. */
  success(principal: Principal, op: string, region: string, request: JsonObject | null, response: JsonObject | null, opts: ApiCallOptions = {}): CloudTrailRecord {
    const records = this.build(principal, op, region, request, { ...passThrough(opts), response });
    for (const r of records) this.host.ingest(r);
    // The estate's registry learns trails created and deleted through this API (docs/resources.md).
    const effect = effectOf(this.spec(op));
    if (effect && this.host.estate) this.host.estate.observe(effect, records[0], this.host.clock.now());
    return records[0];
  }

  /** Records a refused call and returns the exception to throw. */
  failure(principal: Principal, op: string, region: string, request: JsonObject | null, error: AwsServiceException, opts: ApiCallOptions = {}): AwsServiceException {
    const records = this.build(principal, op, region, request, { ...passThrough(opts), error: { code: error.name, message: error.message } });
    for (const r of records) this.host.ingest(r);
    return error;
  }

  /**
   * Records a call refused by the caller's `error` option (a named mode the catalog words,
   * or an explicit `{ code, message }`) and returns the exception to throw.
   */
  refused(principal: Principal, op: string, region: string, request: JsonObject | null, error: string | CallError, opts: ApiCallOptions = {}): AwsServiceException {
    const records = this.build(principal, op, region, request, { ...passThrough(opts), error });
    for (const r of records) this.host.ingest(r);
    const r = records[0];
    const code = r.errorCode ?? 'AccessDenied';
    return new AwsServiceException(code, r.errorMessage ?? '', { status: code.startsWith('AccessDenied') ? 403 : 400 });
  }
}
