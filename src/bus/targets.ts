/**
 * The targets trailsim can deliver to: in-memory queues (SQS-like, also usable as dead-letter
 * queues) and functions (Lambda-like handlers called synchronously on the virtual clock).
 */
import { TrailsimError, TrailsimInputError } from '../core/errors.js';
import { formatEventTime } from '../core/time.js';

/** One message in a queue. */
export interface QueueMessage {
  /** Sequential within the queue (`<queue name>-<n>`), deterministic. */
  readonly messageId: string;
  readonly body: string;
  /** Message attributes (a dead-letter queue's RULE_ARN, TARGET_ARN, ERROR_CODE, ...). */
  readonly attributes: Readonly<Record<string, string>>;
  /** Virtual time it was sent, epoch ms. */
  readonly sentAt: number;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * An in-memory queue holding the JSON bodies delivered to it, in delivery order (an SQS-like
 * target: `arn:<partition>:sqs:<region>:<account>:<name>`).
 */
export class InMemoryQueue {
  readonly name: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
  private readonly pending: QueueMessage[] = [];
  private readonly history: QueueMessage[] = [];
  private seq = 0;

  constructor(name: string, accountId: string, region: string, partition: string) {
    if (!QUEUE_NAME.test(name)) {
      // SQS queue names: 1–80 alphanumerics, hyphens and underscores; FIFO queues (.fifo)
      // cannot be EventBridge dead-letter queues and are not modelled.
      throw new TrailsimInputError(`Queue name '${name}' is not valid: use 1 to 80 letters, digits, hyphens or underscores (FIFO queues are not modelled).`);
    }
    this.name = name;
    this.accountId = accountId;
    this.region = region;
    this.arn = `arn:${partition}:sqs:${region}:${accountId}:${name}`;
  }

  /** Bodies waiting in the queue (not yet received), oldest first. */
  get messages(): string[] {
    return this.pending.map((m) => m.body);
  }

  /** Every message ever sent to the queue, received or not, oldest first. */
  get sent(): readonly QueueMessage[] {
    return this.history;
  }

  /** Number of messages waiting. */
  get length(): number {
    return this.pending.length;
  }

  /** Removes and returns up to `max` waiting messages, oldest first. */
  receive(max = 10): QueueMessage[] {
    return this.pending.splice(0, Math.max(0, max));
  }

  /** Waiting bodies parsed as JSON (without removing them). */
  json<T = unknown>(): T[] {
    return this.pending.map((m) => JSON.parse(m.body) as T);
  }

  /** @internal Appends a message. */
  send(body: string, at: number, attributes: Record<string, string> = {}): QueueMessage {
    const m: QueueMessage = Object.freeze({ messageId: `${this.name}-${++this.seq}`, body, attributes: Object.freeze({ ...attributes }), sentAt: at });
    this.pending.push(m);
    this.history.push(m);
    return m;
  }

  toString(): string {
    return `InMemoryQueue(${this.arn}, ${this.pending.length} waiting, sent at ${this.history.length ? formatEventTime(this.history[this.history.length - 1].sentAt) : '-'})`;
  }
}

/**
 * Thrown by a function target to fail an invocation with a given DLQ `ERROR_CODE`
 * (EventBridge user guide, "Using dead-letter queues to process undelivered events": e.g.
 * `THROTTLING`, `TIMEOUT`, `NO_PERMISSIONS`). Non-retryable errors go to the dead-letter queue
 * without retries, as EventBridge does for missing permissions or a deleted target. Any other
 * error thrown by a handler is a retryable `ERROR_FROM_TARGET`.
 */
export class TargetInvocationError extends TrailsimError {
  override name = 'TargetInvocationError';
  constructor(readonly code: string, message: string, readonly retryable = true) {
    super(message);
  }
}

/** A function target's handler: called synchronously with the payload (JSON parsed, or the text when not JSON). */
export type TargetHandler<T = unknown> = (payload: T, context: InvocationContext) => unknown;

/** What a handler is told besides the payload. */
export interface InvocationContext {
  readonly ruleArn: string;
  readonly targetId: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /** Virtual time of this attempt, epoch ms. */
  readonly time: number;
}

/** A function target (`arn:<partition>:lambda:<region>:<account>:function:<name>`). */
export class FunctionTarget {
  readonly name: string;
  readonly arn: string;
  /** Rejections of promises returned by async handlers (not awaited; see `registerFunction`). */
  readonly asyncErrors: unknown[] = [];
  /** Payloads of successful invocations, in order. */
  readonly invocations: unknown[] = [];

  constructor(name: string, accountId: string, region: string, partition: string, readonly handler: TargetHandler<never>) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new TrailsimInputError(`Function name '${name}' is not valid: use 1 to 64 letters, digits, hyphens or underscores.`);
    this.name = name;
    this.arn = `arn:${partition}:lambda:${region}:${accountId}:function:${name}`;
  }
}
