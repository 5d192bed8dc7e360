import { Random } from '../core/random.js';
import { formatEventTime } from '../core/time.js';
import { TrailsimInputError } from '../core/errors.js';
import type { Simulation } from '../simulation.js';
import type { Principal } from '../world/principal.js';
import { EVENT_VERSION, type CloudTrailRecord, type UserIdentity } from './types.js';

/**
 * VPC endpoint network-activity events (`eventType: AwsVpceEvent`, `eventCategory:
 * NetworkActivity`): one record per API call that passes through an interface or gateway
 * VPC endpoint, written to the **endpoint owner's** account (recipientAccountId and
 * vpcEndpointAccountId), whoever the caller is. They are opt-in: a trail logs them only
 * through advanced event selectors with `eventCategory = NetworkActivity` and an
 * `eventSource` (the trail selectors in src/cloudtrail/trails/ enforce and apply that).
 *
 * Shape (CloudTrail UG "Logging network activity events"; the Wiz examples in
 * estate-reference.md §5): no userAgent, requestParameters, responseElements, readOnly or
 * managementEvent; a private `sourceIPAddress`, a `requestID`, a `sharedEventID`. A call
 * the endpoint policy denies carries `errorCode: VpceAccessDenied` with the fixed message,
 * and AWS's denied example reduces the caller to `{type: AWSAccount, principalId, accountId}`.
 */

/** The fixed errorMessage of a call denied by a VPC endpoint policy. */
export const VPCE_ACCESS_DENIED_MESSAGE = 'The request was denied due to a VPC endpoint policy';

/** Services whose calls through a VPC endpoint CloudTrail logs as network activity at launch (Dec 2024). */
export const NETWORK_ACTIVITY_SOURCES: readonly string[] = Object.freeze([
  'cloudtrail.amazonaws.com', 'ec2.amazonaws.com', 'kms.amazonaws.com', 's3.amazonaws.com', 'secretsmanager.amazonaws.com',
]);

/** One call through a VPC endpoint. */
export interface NetworkActivityInput {
  /** The caller (any account: the record goes to the endpoint owner). */
  readonly principal: Principal;
  /** The endpoint: its id (`vpce-0a1b...`) and the 12-digit account that owns it. */
  readonly vpcEndpointId: string;
  readonly endpointOwnerId: string;
  /** `s3.amazonaws.com`, `kms.amazonaws.com`, ... */
  readonly eventSource: string;
  /** The API name (`GetObject`, `ListBuckets`, `Decrypt`). */
  readonly eventName: string;
  /** Region of the endpoint. @defaultValue the caller account's default region, else us-east-1 */
  readonly region?: string;
  /** Private address of the caller inside the VPC. @defaultValue a 10.x address drawn from the seed */
  readonly sourceIPAddress?: string;
  /** The endpoint policy denied the call (`VpceAccessDenied`). @defaultValue false */
  readonly denied?: boolean;
}

const PRIVATE = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

/**
 * Records one network-activity event in `sim` (delivered like any other record; trails
 * keep it only when their advanced selectors ask for NetworkActivity on its eventSource)
 * and returns it.
 */
export function recordNetworkActivity(sim: Simulation, input: NetworkActivityInput): CloudTrailRecord {
  const { principal, vpcEndpointId, endpointOwnerId, eventSource, eventName } = input;
  if (!/^vpce-[0-9a-f]{8,17}$/.test(vpcEndpointId)) throw new TrailsimInputError(`vpcEndpointId '${vpcEndpointId}' is not vpce-<8 to 17 hex digits>.`);
  if (!/^\d{12}$/.test(endpointOwnerId)) throw new TrailsimInputError(`endpointOwnerId '${endpointOwnerId}' is not a 12-digit account id.`);
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/.test(eventSource)) throw new TrailsimInputError(`eventSource '${eventSource}' is not a service host such as s3.amazonaws.com.`);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(eventName)) throw new TrailsimInputError(`eventName '${eventName}' is not an API name such as GetObject.`);
  if (input.sourceIPAddress !== undefined && !PRIVATE.test(input.sourceIPAddress)) throw new TrailsimInputError(`sourceIPAddress '${input.sourceIPAddress}' is not a private VPC address: calls through a VPC endpoint come from inside the VPC.`);
  const time = sim.now;
  const rng = new Random(sim.seed, ['network-activity', vpcEndpointId, String(time), principal.identity.arn ?? principal.name, eventName, String(sim.recordTotal)]);
  const account = principal.account as { defaultRegion?: string };
  const region = input.region ?? account.defaultRegion ?? 'us-east-1';
  const id = principal.identity;
  const identity: UserIdentity = input.denied ? { type: 'AWSAccount', principalId: id.type === 'AssumedRole' ? (id.principalId ?? '').split(':')[0] : (id.principalId ?? principal.account.id), accountId: principal.account.id } : id;
  const r = {} as CloudTrailRecord;
  r.eventVersion = EVENT_VERSION;
  r.userIdentity = identity;
  r.eventTime = formatEventTime(time);
  r.eventSource = eventSource;
  r.eventName = eventName;
  r.awsRegion = region;
  r.sourceIPAddress = input.sourceIPAddress ?? `10.${rng.range(0, 255)}.${rng.range(0, 255)}.${rng.range(4, 254)}`;
  if (input.denied) {
    r.errorCode = 'VpceAccessDenied';
    r.errorMessage = VPCE_ACCESS_DENIED_MESSAGE;
  }
  r.requestID = eventSource === 's3.amazonaws.com' ? rng.chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') : rng.uuid();
  r.eventID = rng.uuid();
  r.eventType = 'AwsVpceEvent';
  r.recipientAccountId = endpointOwnerId;
  r.sharedEventID = rng.uuid();
  r.vpcEndpointId = vpcEndpointId;
  r.vpcEndpointAccountId = endpointOwnerId;
  r.eventCategory = 'NetworkActivity';
  sim.ingest(r);
  return r;
}
