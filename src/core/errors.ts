/**
 * Errors. One base class, identified across duplicated copies of the package by a
 * symbol footprint (as fast-check does), so `TrailsimError.is(err)` works where
 * `instanceof` fails. AWS-facing failures use AWS's exception names, so code written
 * against the real SDK can branch on `err.name` unchanged.
 */
/** The symbol every trailsim error carries (`Symbol.for("trailsim.error")`), exported so declarations can name it. */
export const FOOTPRINT: unique symbol = Symbol.for('trailsim.error');

export class TrailsimError extends Error {
  /** Marks every trailsim error, even across package copies. */
  readonly [FOOTPRINT] = true;
  override name = 'TrailsimError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  /** True for any error thrown by trailsim (any copy of it). */
  static is(err: unknown): err is TrailsimError {
    return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[FOOTPRINT] === true;
  }
}

/** A failure AWS itself would return: `name` is AWS's error code. */
export class AwsServiceException extends TrailsimError {
  /** Who is at fault, as the AWS SDK v3 reports it. */
  readonly $fault: 'client' | 'server';
  /** The HTTP status AWS answers with. */
  readonly httpStatusCode: number;

  constructor(name: string, message: string, options: { fault?: 'client' | 'server'; status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = name;
    this.$fault = options.fault ?? 'client';
    this.httpStatusCode = options.status ?? (this.$fault === 'client' ? 400 : 500);
  }
}

/** Declares an AWS exception class whose `name` is fixed; keeps each one a real class for `instanceof`. Every service module uses it. */
export function awsException<N extends string>(name: N, status = 400) {
  return class extends AwsServiceException {
    declare readonly name: N;
    constructor(message: string, options: { cause?: unknown } = {}) {
      super(name, message, { status, cause: options.cause });
    }
  };
}

// Generic AWS errors.
export class ValidationException extends awsException('ValidationException') {}
export class ThrottlingException extends awsException('ThrottlingException', 400) {}
export class AccessDeniedException extends awsException('AccessDeniedException', 403) {}
export class ResourceNotFoundException extends awsException('ResourceNotFoundException', 404) {}

// CloudTrail LookupEvents (API reference, LookupEvents "Errors").
export class InvalidLookupAttributesException extends awsException('InvalidLookupAttributesException') {}
export class InvalidTimeRangeException extends awsException('InvalidTimeRangeException') {}
export class InvalidMaxResultsException extends awsException('InvalidMaxResultsException') {}
export class InvalidNextTokenException extends awsException('InvalidNextTokenException') {}
export class InvalidEventCategoryException extends awsException('InvalidEventCategoryException') {}
export class UnsupportedOperationException extends awsException('UnsupportedOperationException') {}
export class OperationNotPermittedException extends awsException('OperationNotPermittedException') {}

// EventBridge.
export class InvalidEventPatternException extends awsException('InvalidEventPatternException') {}

/** Input to trailsim's own API (not an AWS call) that cannot be used. */
export class TrailsimInputError extends TrailsimError {
  override name = 'TrailsimInputError';
}
/** A duration string or number that cannot be read. */
export class InvalidDurationError extends TrailsimInputError {
  override name = 'InvalidDurationError';
}
/** An operation name the catalog does not know. */
export class UnknownOperationError extends TrailsimInputError {
  override name = 'UnknownOperationError';
}
/** An account id that is not 12 digits, or already taken. */
export class InvalidAccountIdError extends TrailsimInputError {
  override name = 'InvalidAccountIdError';
}
/** A scenario module that does not default-export `defineScenario(...)`, or whose definition is malformed. */
export class InvalidScenarioError extends TrailsimInputError {
  override name = 'InvalidScenarioError';
}
/** Time would move backwards, or a callback was scheduled in the past. */
export class ClockError extends TrailsimInputError {
  override name = 'ClockError';
}
/** A time that cannot be read, or that names no real instant (30 February, 25:00, a date-time without a zone). */
export class InvalidTimeError extends TrailsimInputError {
  override name = 'InvalidTimeError';
}
/** A region name trailsim does not know (`mars-1`); `registerRegion` adds one. */
export class InvalidRegionError extends TrailsimInputError {
  override name = 'InvalidRegionError';
}
/** A scenario file that cannot be loaded: missing, a syntax error, a failed import. `line`/`column` (1-based) say where, when known. */
export class ScenarioLoadError extends TrailsimInputError {
  override name = 'ScenarioLoadError';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, where: { file: string; line?: number; column?: number; cause?: unknown }) {
    super(message, { cause: where.cause });
    this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
  }
}
