/**
 * Delivery of a matched event to one target, with EventBridge's retry policy and dead-letter
 * queue on the virtual clock (EventBridge user guide, "Using dead-letter queues to process
 * undelivered events" and "Event retry policy"; API reference, `RetryPolicy`).
 *
 * - The first attempt is made at once (synchronously, at the clock's now), so a call followed by
 *   an assertion on a queue sees the event.
 * - A failed attempt is retried "with an exponential back off and jitter" until
 *   `MaximumRetryAttempts` retries were made (default 185) or the next retry would come later than
 *   `MaximumEventAgeInSeconds` after the event reached the bus (default 86,400 = 24 hours).
 *   AWS does not publish its back-off constants; trailsim waits, before retry n,
 *   `d/2 + U·d/2` with `d = min(cap, base·2^(n−1))`, base 1 s, cap 10 min, U from a seeded stream
 *   named by rule, target and event id (so a job's timing never depends on other events). With
 *   these constants the default 185 retries span about 22 hours, inside the 24-hour default.
 * - Errors that retrying cannot fix (a target that does not exist, a non-retryable
 *   `TargetInvocationError`) go to the dead-letter queue at once, without retries, "for errors
 *   that result from missing permissions to a target, or a target resource that no longer
 *   exists ... Rather than retrying, EventBridge sends these events directly to the DLQ".
 * - Exhausted events go to `DeadLetterConfig.Arn` with the message attributes EventBridge adds:
 *   RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE, EXHAUSTED_RETRY_CONDITION
 *   (`MaximumRetryAttempts` or `MaximumEventAgeInSeconds`, only when a retry limit ended the
 *   delivery) and RETRY_ATTEMPTS; the body is the event. Without a dead-letter queue the event is
 *   dropped.
 */
import type { VirtualClock } from '../core/clock.js';
import { parseDuration, type Duration } from '../core/duration.js';
import { Random, type Seed } from '../core/random.js';
import type { EventBridgeEnvelope } from './envelope.js';
import { FunctionTarget, InMemoryQueue, TargetInvocationError } from './targets.js';
import type { Target } from './types.js';

/** RetryPolicy defaults (EventBridge user guide: "By default, EventBridge retries sending the event for 24 hours and up to 185 times"). */
export const DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 185;
export const DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = 86_400;

/** Back-off constants (trailsim's model; AWS publishes none). */
export interface RetryBackoff {
  /** Delay scale of the first retry. @defaultValue '1s' */
  base?: Duration;
  /** Largest delay before jitter. @defaultValue '10m' */
  cap?: Duration;
}

/** Why a delivery stopped without success. */
export type ExhaustedRetryCondition = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';

/** Reported for every attempt and outcome, on the bus emitter. */
export interface DeliveryReport {
  readonly event: EventBridgeEnvelope;
  readonly ruleArn: string;
  readonly ruleName: string;
  readonly targetId: string;
  readonly targetArn: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Virtual time of the attempt, epoch ms. */
  readonly time: number;
  /** What the target received (or would have). */
  readonly payload: string;
}
export interface FailedAttemptReport extends DeliveryReport {
  readonly errorCode: string;
  readonly errorMessage: string;
  /** When the next attempt is due; absent when there is none. */
  readonly retryAt?: number;
}
export interface DeadLetterReport extends DeliveryReport {
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly condition?: ExhaustedRetryCondition;
  readonly retryAttempts: number;
  readonly deadLetterArn: string;
}
export interface DroppedReport extends DeliveryReport {
  readonly reason: 'no-dead-letter-queue' | 'dead-letter-queue-unavailable' | 'target-removed';
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** Receives a job's outcomes. */
export interface DeliverySink {
  delivered(r: DeliveryReport): void;
  failed(r: FailedAttemptReport): void;
  deadLettered(r: DeadLetterReport): void;
  dropped(r: DroppedReport): void;
}

/** One event on its way to one target. */
export interface DeliveryJob {
  readonly event: EventBridgeEnvelope;
  readonly eventJson: string;
  readonly payload: string;
  readonly ruleArn: string;
  readonly ruleName: string;
  readonly target: Readonly<Target>;
  /** When the event reached the bus, epoch ms: the origin of MaximumEventAgeInSeconds. */
  readonly ingestedAt: number;
  /** False once the target was removed from its rule (pending retries are then abandoned). */
  readonly live: () => boolean;
  readonly sink: DeliverySink;
}

export type TargetResolver = (arn: string) => InMemoryQueue | FunctionTarget | undefined;

interface Failure {
  code: string;
  message: string;
  retryable: boolean;
}

/** Runs delivery jobs on the virtual clock. */
export class Deliverer {
  private readonly base: number;
  private readonly cap: number;
  private pending = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly seed: Seed,
    private readonly resolve: TargetResolver,
    backoff: RetryBackoff = {},
  ) {
    this.base = parseDuration(backoff.base ?? '1s');
    this.cap = parseDuration(backoff.cap ?? '10m');
  }

  /** Retries scheduled and not yet run. */
  get pendingRetries(): number {
    return this.pending;
  }

  /** First attempt, now. */
  start(job: DeliveryJob): void {
    this.attempt(job, 1, undefined);
  }

  /** The delay before retry `n` (1-based). */
  backoff(n: number, rng: Random): number {
    const d = Math.min(this.cap, this.base * 2 ** Math.min(n - 1, 40));
    return Math.round(d / 2 + rng.next() * (d / 2));
  }

  private attempt(job: DeliveryJob, attempt: number, rng: Random | undefined): void {
    const now = this.clock.now();
    const t = job.target;
    const report: DeliveryReport = {
      event: job.event,
      ruleArn: job.ruleArn,
      ruleName: job.ruleName,
      targetId: t.Id,
      targetArn: t.Arn,
      attempt,
      time: now,
      payload: job.payload,
    };
    const failure = this.invoke(job, attempt, now);
    if (!failure) {
      job.sink.delivered(report);
      return;
    }
    const retries = attempt - 1;
    let condition: ExhaustedRetryCondition | undefined;
    if (failure.retryable) {
      const maxRetries = t.RetryPolicy?.MaximumRetryAttempts ?? DEFAULT_MAXIMUM_RETRY_ATTEMPTS;
      const maxAgeMs = (t.RetryPolicy?.MaximumEventAgeInSeconds ?? DEFAULT_MAXIMUM_EVENT_AGE_SECONDS) * 1000;
      if (retries >= maxRetries) condition = 'MaximumRetryAttempts';
      else {
        const stream = rng ?? new Random(this.seed, ['eventbridge', 'retry', job.ruleArn, t.Id, job.event.id]);
        const at = now + this.backoff(retries + 1, stream);
        if (at - job.ingestedAt > maxAgeMs) condition = 'MaximumEventAgeInSeconds';
        else {
          job.sink.failed({ ...report, errorCode: failure.code, errorMessage: failure.message, retryAt: at });
          this.pending++;
          this.clock.schedule(at, () => {
            this.pending--;
            if (!job.live()) {
              job.sink.dropped({ ...report, attempt: attempt + 1, time: this.clock.now(), reason: 'target-removed' });
              return;
            }
            this.attempt(job, attempt + 1, stream);
          });
          return;
        }
      }
    }
    job.sink.failed({ ...report, errorCode: failure.code, errorMessage: failure.message });
    this.deadLetter(job, report, failure, retries, condition);
  }

  private deadLetter(job: DeliveryJob, report: DeliveryReport, failure: Failure, retries: number, condition: ExhaustedRetryCondition | undefined): void {
    const dlqArn = job.target.DeadLetterConfig?.Arn;
    if (!dlqArn) {
      job.sink.dropped({ ...report, reason: 'no-dead-letter-queue', errorCode: failure.code, errorMessage: failure.message });
      return;
    }
    const dlq = this.resolve(dlqArn);
    if (!(dlq instanceof InMemoryQueue)) {
      // CloudWatch metric InvocationsFailedToBeSentToDLQ: the event is lost.
      job.sink.dropped({ ...report, reason: 'dead-letter-queue-unavailable', errorCode: failure.code, errorMessage: failure.message });
      return;
    }
    const attributes: Record<string, string> = {
      RULE_ARN: job.ruleArn,
      TARGET_ARN: job.target.Arn,
      ERROR_CODE: failure.code,
      ERROR_MESSAGE: failure.message,
    };
    if (condition) attributes.EXHAUSTED_RETRY_CONDITION = condition;
    attributes.RETRY_ATTEMPTS = String(retries);
    dlq.send(job.eventJson, this.clock.now(), attributes);
    job.sink.deadLettered({ ...report, errorCode: failure.code, errorMessage: failure.message, condition, retryAttempts: retries, deadLetterArn: dlq.arn });
  }

  /** One attempt; a failure, or undefined on success. */
  private invoke(job: DeliveryJob, attempt: number, now: number): Failure | undefined {
    const dest = this.resolve(job.target.Arn);
    if (!dest) return { code: 'NO_RESOURCE', message: `Target ${job.target.Arn} does not exist.`, retryable: false };
    if (dest instanceof InMemoryQueue) {
      dest.send(job.payload, now);
      return undefined;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(job.payload);
    } catch {
      payload = job.payload;
    }
    try {
      const result = (dest.handler as (p: unknown, c: unknown) => unknown)(payload, { ruleArn: job.ruleArn, targetId: job.target.Id, attempt, time: now });
      if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
        // Not awaited: virtual time cannot wait for real time. The invocation counts as made
        // (as an asynchronous Lambda invocation does); a rejection is kept for inspection.
        (result as PromiseLike<unknown>).then(undefined, (err: unknown) => {
          dest.asyncErrors.push(err);
        });
      }
      dest.invocations.push(payload);
      return undefined;
    } catch (err) {
      if (err instanceof TargetInvocationError) return { code: err.code, message: err.message, retryable: err.retryable };
      return { code: 'ERROR_FROM_TARGET', message: err instanceof Error ? err.message : String(err), retryable: true };
    }
  }
}
