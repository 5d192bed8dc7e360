/**
 * trailsim: a deterministic, in-memory simulator of AWS CloudTrail and its EventBridge delivery.
 * This file is the whole public API of the main entry point.
 */
export * from './core/errors.js';
export { VirtualClock, type TimerHandle } from './core/clock.js';
export { parseDuration, type Duration } from './core/duration.js';
export { Random, createRandom, type Seed } from './core/random.js';
export { formatEventTime, type Instant } from './core/time.js';
export type * from './record/types.js';
export { EVENT_VERSION, RECORD_KEY_ORDER } from './record/types.js';
