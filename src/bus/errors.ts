/**
 * EventBridge's own exceptions (EventBridge API reference, "Errors" of each action), named as
 * AWS names them so code written against `@aws-sdk/client-eventbridge` can branch on `err.name`.
 * The generic ones (ValidationException, ResourceNotFoundException,
 * InvalidEventPatternException) live in `core/errors.ts`; these are the ones only the bus needs.
 */
import { AwsServiceException, ResourceNotFoundException, ValidationException } from '../core/errors.js';

/** A quota would be exceeded: 300 rules per bus, 5 targets per rule, 100 buses per account. */
export class LimitExceededException extends AwsServiceException {
  declare readonly name: 'LimitExceededException';
  constructor(message = 'The requested resource exceeds the maximum number allowed.', options: { cause?: unknown } = {}) {
    super('LimitExceededException', message, { status: 400, cause: options.cause });
  }
}

/** CreateEventBus with a name already taken. */
export class ResourceAlreadyExistsException extends AwsServiceException {
  declare readonly name: 'ResourceAlreadyExistsException';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('ResourceAlreadyExistsException', message, { status: 400, cause: options.cause });
  }
}

/** `1 validation error detected: ...` / `N validation errors detected: ...`, as AWS's request validation words it. */
export function constraintViolation(errors: readonly string[]): ValidationException {
  const n = errors.length;
  return new ValidationException(`${n} validation error${n === 1 ? '' : 's'} detected: ${errors.join('; ')}`);
}

/** `Value 'v' at 'field' failed to satisfy constraint: Member must ...`. */
export function constraint(value: unknown, field: string, rule: string): string {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return `Value '${shown}' at '${field}' failed to satisfy constraint: Member must ${rule}`;
}

export function busNotFound(name: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Event bus ${name} does not exist.`);
}

export function ruleNotFound(rule: string, bus: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Rule ${rule} does not exist on EventBus ${bus}.`);
}
