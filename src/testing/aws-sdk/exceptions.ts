/**
 * Simulated failures as the SDK's own exception classes. A trailsim `AwsServiceException`
 * (named as AWS names the error) becomes an instance of the class the client package
 * exports under that name (`@aws-sdk/client-cloudtrail`'s `InvalidMaxResultsException`), so
 * `err instanceof InvalidMaxResultsException` holds in code under test; an error the package
 * has no class for becomes its service base class (`CloudTrailServiceException`) with AWS's
 * name. The package is looked up by name at the first failure (`@aws-sdk/client-<serviceId>`,
 * the SDK's own naming of its packages), never imported statically: the SDK stays a peer
 * dependency of this entry point and absent from the core's.
 */
import { AwsServiceException, TrailsimError } from '../../core/errors.js';

/** The `$metadata` the SDK attaches to outputs and exceptions (a simulated call is one attempt, never retried). */
export interface ResponseMetadata {
  httpStatusCode: number;
  requestId: string;
  attempts: 1;
  totalRetryDelay: 0;
}

export function metadata(httpStatusCode: number, requestId: string): ResponseMetadata {
  return { httpStatusCode, requestId, attempts: 1, totalRetryDelay: 0 };
}

type ExceptionCtor = new (options: { name?: string; $fault?: 'client' | 'server'; message: string; $metadata: ResponseMetadata }) => Error;

/** When the client package cannot be loaded: an error shaped like the SDK's `ServiceException`. */
class SimulatedServiceException extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: ResponseMetadata;

  constructor(name: string, message: string, fault: 'client' | 'server', $metadata: ResponseMetadata) {
    super(message);
    this.name = name;
    this.$fault = fault;
    this.$metadata = $metadata;
  }
}

const modules = new Map<string, Promise<object | undefined>>();

/** `CloudTrail` → `@aws-sdk/client-cloudtrail`, `Secrets Manager` → `@aws-sdk/client-secrets-manager`. */
export function packageName(serviceId: string): string {
  return `@aws-sdk/client-${serviceId.trim().toLowerCase().replace(/\s+/g, '-')}`;
}

/** The client package's module object, or undefined when it cannot be imported. */
function loadModule(serviceId: string): Promise<object | undefined> {
  const name = packageName(serviceId);
  let m = modules.get(name);
  if (!m) {
    // A computed specifier: bundlers leave it to run time, and nothing is loaded until a failure needs it.
    m = import(/* @vite-ignore */ name).then(
      (mod: unknown) => (typeof mod === 'object' && mod !== null ? mod : undefined),
      () => undefined,
    );
    modules.set(name, m);
  }
  return m;
}

function isCtor(v: unknown): v is ExceptionCtor {
  return typeof v === 'function';
}

/** The package's exported class for `name`, else its service base class (`XxxServiceException`). */
function exceptionClass(mod: object, name: string): { ctor: ExceptionCtor; exact: boolean } | undefined {
  const exports = mod as Record<string, unknown>;
  const exact = exports[name];
  // Only a class deriving from Error is an exception class (a command or client of that name is not).
  if (isCtor(exact) && exact.prototype instanceof Error) return { ctor: exact, exact: true };
  for (const [key, v] of Object.entries(exports)) {
    // `CloudTrailServiceException`, not Smithy's generic `ServiceException` (nor a re-export like `__ServiceException`).
    if (/^[A-Z][A-Za-z0-9]*ServiceException$/.test(key) && key !== 'ServiceException' && isCtor(v) && v.prototype instanceof Error) return { ctor: v, exact: false };
  }
  return undefined;
}

/** Whether `err` is a failure AWS would answer (a trailsim `AwsServiceException`, from any copy of trailsim). */
export function isAwsFailure(err: unknown): err is AwsServiceException {
  if (err instanceof AwsServiceException) return true;
  if (!TrailsimError.is(err)) return false;
  const e = err as unknown as Record<string, unknown>;
  return (e.$fault === 'client' || e.$fault === 'server') && typeof e.httpStatusCode === 'number';
}

/**
 * The SDK exception for a simulated failure. `sdkModule` (the user's own module object) wins
 * over the package imported by name.
 */
export async function toSdkException(
  failure: { name: string; message: string; fault: 'client' | 'server'; status: number; cause?: unknown },
  serviceId: string | undefined,
  requestId: string,
  sdkModule: object | undefined,
): Promise<Error> {
  const $metadata = metadata(failure.status, requestId);
  const mod = sdkModule ?? (serviceId ? await loadModule(serviceId) : undefined);
  const found = mod ? exceptionClass(mod, failure.name) : undefined;
  let err: Error;
  if (found) {
    err = new found.ctor({ name: failure.name, $fault: failure.fault, message: failure.message, $metadata });
    // The base class takes the name from its options; a specific class fixes its own.
    if (!found.exact) err.name = failure.name;
    err.message = failure.message;
  } else {
    err = new SimulatedServiceException(failure.name, failure.message, failure.fault, $metadata);
  }
  if (failure.cause !== undefined) Object.defineProperty(err, 'cause', { value: failure.cause, enumerable: false, configurable: true, writable: true });
  return err;
}

/** Reads a trailsim `AwsServiceException` as a failure. */
export function failureOf(err: AwsServiceException): { name: string; message: string; fault: 'client' | 'server'; status: number; cause: unknown } {
  return { name: err.name, message: err.message, fault: err.$fault, status: err.httpStatusCode, cause: err };
}
