/**
 * EventBridge in memory: buses, rules, targets, delivery with retries and dead-letter queues on
 * the virtual clock, and CloudTrail's delivery of records to the default buses. The
 * event-pattern language is `./pattern/index.js`.
 */
export { EventBridgeService, EventBridgeClient, DEFAULT_LIMITS, entrySize, type EventBridgeHost, type EventBridgeLimits, type EventBridgeOptions } from './eventbridge.js';
export { EventBus, ruleReceives, type BusEvents, type BusEventReport, type EventOrigin, type RuleMatchReport } from './event-bus.js';
export {
  DEFAULT_MAXIMUM_EVENT_AGE_SECONDS,
  DEFAULT_MAXIMUM_RETRY_ATTEMPTS,
  type DeadLetterReport,
  type DeliveryReport,
  type DroppedReport,
  type ExhaustedRetryCondition,
  type FailedAttemptReport,
  type RetryBackoff,
} from './delivery.js';
export { InMemoryQueue, FunctionTarget, TargetInvocationError, type QueueMessage, type TargetHandler, type InvocationContext } from './targets.js';
export { CloudTrailDelivery, type CloudTrailDeliveryOptions, type CloudTrailDeliveryStats } from './cloudtrail-delivery.js';
export { PREDEFINED_VARIABLES, fillTemplate } from './input-transformer.js';
export { LimitExceededException, ResourceAlreadyExistsException } from './errors.js';
export {
  toEnvelope,
  detailTypeOf,
  sourceOf,
  isReadOnlyByName,
  MAX_EVENT_BYTES,
  type CloudTrailDetailType,
  type CloudTrailEnvelope,
  type EventBridgeEnvelope,
  type SignInSpelling,
} from './envelope.js';
export type * from './types.js';
export { RULE_STATES } from './types.js';
