import { Random } from '../core/random.js';
import { formatEventTime } from '../core/time.js';
import { TrailsimInputError } from '../core/errors.js';
import { sdkDate } from '../catalog/util.js';
import type { Simulation } from '../simulation.js';
import { EVENT_VERSION, type CloudTrailRecord, type JsonObject, type UserIdentity } from './types.js';

/**
 * AWS service events that no API call returns: Organizations' `CreateAccountResult`.
 *
 * `CreateAccount` is an AwsApiCall whose response says `state: IN_PROGRESS`; the new
 * account's id appears only in the later `CreateAccountResult` service event in the
 * management account (Organizations User Guide, "Logging and monitoring"; the CreateAccount
 * API reference points to it). Shape (estate-reference.md §2.2): userIdentity
 * `{accountId, invokedBy: "AWS Internal"}` with no `type`, sourceIPAddress and userAgent
 * `AWS Internal`, no requestID, `eventType: AwsServiceEvent`, readOnly false, and
 * `serviceEventDetails.createAccountStatus {id, state, accountName: "****", accountId,
 * requestedTimestamp, completedTimestamp}` (the name is masked as in the published
 * examples). Logged in us-east-1, Organizations' home Region.
 */

/** What `recordCreateAccountResult` needs: the CreateAccount request it completes. */
export interface CreateAccountResultInput {
  /** The organization's management account (the record's recipient). */
  readonly managementAccountId: string;
  /** `createAccountStatus.id` from the CreateAccount response (`car-` + 32 hex). */
  readonly requestId: string;
  /** The new account's id (SUCCEEDED only). */
  readonly accountId?: string;
  /** When CreateAccount was called (epoch ms). */
  readonly requestedAt: number;
  /** @defaultValue 'SUCCEEDED' */
  readonly state?: 'SUCCEEDED' | 'FAILED';
  /** FAILED only: e.g. `ACCOUNT_LIMIT_EXCEEDED`, `EMAIL_ALREADY_EXISTS`. */
  readonly failureReason?: string;
}

/** Records Organizations' CreateAccountResult service event now (the completion time) and returns it. */
export function recordCreateAccountResult(sim: Simulation, input: CreateAccountResultInput): CloudTrailRecord {
  const state = input.state ?? 'SUCCEEDED';
  if (!/^\d{12}$/.test(input.managementAccountId)) throw new TrailsimInputError(`managementAccountId '${input.managementAccountId}' is not a 12-digit account id.`);
  if (!/^car-[0-9a-z]{8,32}$/.test(input.requestId)) throw new TrailsimInputError(`requestId '${input.requestId}' is not a create-account request id (car-...).`);
  if (state === 'SUCCEEDED' && !(input.accountId && /^\d{12}$/.test(input.accountId))) throw new TrailsimInputError('A SUCCEEDED CreateAccountResult needs the new 12-digit accountId.');
  if (input.requestedAt > sim.now) throw new TrailsimInputError('CreateAccountResult cannot complete before its CreateAccount request (requestedAt is in the future).');
  const rng = new Random(sim.seed, ['service-event', 'CreateAccountResult', input.requestId]);
  const status: JsonObject = { id: input.requestId, state, accountName: '****' };
  if (state === 'SUCCEEDED') status.accountId = input.accountId!;
  else status.failureReason = input.failureReason ?? 'INTERNAL_FAILURE';
  status.requestedTimestamp = sdkDate(input.requestedAt);
  status.completedTimestamp = sdkDate(sim.now);
  const r = {} as CloudTrailRecord;
  r.eventVersion = EVENT_VERSION;
  // Real CreateAccountResult records carry no userIdentity.type (estate-reference §2.2); the
  // UserIdentity type requires one, hence the cast.
  r.userIdentity = { accountId: input.managementAccountId, invokedBy: 'AWS Internal' } as unknown as UserIdentity;
  r.eventTime = formatEventTime(sim.now);
  r.eventSource = 'organizations.amazonaws.com';
  r.eventName = 'CreateAccountResult';
  r.awsRegion = 'us-east-1';
  r.sourceIPAddress = 'AWS Internal';
  r.userAgent = 'AWS Internal';
  r.requestParameters = null;
  r.responseElements = null;
  r.eventID = rng.uuid();
  r.readOnly = false;
  r.eventType = 'AwsServiceEvent';
  r.managementEvent = true;
  r.recipientAccountId = input.managementAccountId;
  r.serviceEventDetails = { createAccountStatus: status };
  r.eventCategory = 'Management';
  sim.ingest(r);
  return r;
}
