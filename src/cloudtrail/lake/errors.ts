/**
 * CloudTrail Lake's exceptions, named as AWS names them (CloudTrail API reference, the
 * "Errors" section of each Lake operation). All are HTTP 400 client faults there. Where the
 * reference gives only a description, the message is that description, made specific where
 * it helps (which store, which parameter).
 */
// FOOTPRINT is imported so the declarations of the classes below can name it.
import { awsException, FOOTPRINT, TrailsimError } from '../../core/errors.js';

// One class per AWS exception name in trailsim: these are shared with the trail API.
export { InvalidEventSelectorsException, InvalidParameterException, InvalidTagParameterException, NotOrganizationMasterAccountException, OrganizationsNotInUseException } from '../trails/errors.js';


/** "The specified event data store was not found." */
export class EventDataStoreNotFoundException extends awsException('EventDataStoreNotFoundException') {}
/** "An event data store with that name already exists." */
export class EventDataStoreAlreadyExistsException extends awsException('EventDataStoreAlreadyExistsException') {}
/** "The specified event data store ARN is not valid or does not map to an event data store in your account." */
export class EventDataStoreARNInvalidException extends awsException('EventDataStoreARNInvalidException') {}
/** "The event data store cannot be deleted because termination protection is enabled for it." */
export class EventDataStoreTerminationProtectedException extends awsException('EventDataStoreTerminationProtectedException') {}
/** "Your account has used the maximum number of event data stores." */
export class EventDataStoreMaxLimitExceededException extends awsException('EventDataStoreMaxLimitExceededException') {}
/** "The event data store is inactive." */
export class InactiveEventDataStoreException extends awsException('InactiveEventDataStoreException') {}
/** "The event data store is not in a status that supports the operation." */
export class InvalidEventDataStoreStatusException extends awsException('InvalidEventDataStoreStatusException') {}
/** "The query that was submitted has validation errors, or uses incorrect syntax or unsupported keywords." */
export class InvalidQueryStatementException extends awsException('InvalidQueryStatementException') {}
/** "The query ID does not exist or does not map to a query." */
export class QueryIdNotFoundException extends awsException('QueryIdNotFoundException') {}
/** "The specified query cannot be canceled because it is in the FINISHED, FAILED, TIMED_OUT, or CANCELLED state." */
export class InactiveQueryException extends awsException('InactiveQueryException') {}
/** "A date range for the query was specified that is not valid." */
export class InvalidDateRangeException extends awsException('InvalidDateRangeException') {}
/** "The query status is not valid for the operation." */
export class InvalidQueryStatusException extends awsException('InvalidQueryStatusException') {}

/**
 * Lake SQL needs the optional dependency `@duckdb/node-api` and it could not be loaded.
 * Not an AWS error: the store API works without it; only queries need the engine.
 */
export class LakeEngineUnavailableError extends TrailsimError {
  override name = 'LakeEngineUnavailableError';
}

/** A kind of event data store trailsim does not simulate (AWS Config items, Audit Manager evidence, events from outside AWS). */
export class UnsupportedEventDataStoreKindError extends TrailsimError {
  override name = 'UnsupportedEventDataStoreKindError';
}

