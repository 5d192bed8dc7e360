/**
 * One event bus: its rules (each with up to 5 targets), the compiled multi-rule matcher, and a
 * `mitt` emitter reporting what happens on the bus.
 *
 * The emitter follows mitt's documented semantics: `emit` is synchronous; handlers of a type run
 * in the order they were added, then wildcard (`'*'`) handlers; a handler added while an event is
 * being emitted does not see that event.
 */
import mitt, { type Emitter, type Handler, type WildcardHandler } from 'mitt';
import type { CloudTrailRecord } from '../record/types.js';
import { createMatcher, type CompiledPattern, type EventMatcher } from './pattern/index.js';
import { isReadOnlyByName, type EventBridgeEnvelope } from './envelope.js';
import type { DeadLetterReport, Deliverer, DeliveryReport, DeliverySink, DroppedReport, FailedAttemptReport } from './delivery.js';
import { targetPayload } from './input-transformer.js';
import { formatEventTime } from '../core/time.js';
import type { RuleState, Target } from './types.js';

/** Where an event on a bus came from. */
export type EventOrigin =
  /** A CloudTrail record delivered by CloudTrail (detail-type `... via CloudTrail`). */
  | { kind: 'cloudtrail'; record: CloudTrailRecord }
  /** A PutEvents entry. */
  | { kind: 'put-events' }
  /** A rule's schedule (`Scheduled Event`). */
  | { kind: 'schedule'; ruleName: string };

/** Reported when an event reaches the bus, before matching. */
export interface BusEventReport {
  readonly event: EventBridgeEnvelope;
  readonly origin: EventOrigin;
  /** Virtual time it reached the bus, epoch ms. */
  readonly time: number;
}

/** Reported when a rule receives an event (matched, and its state lets it through). */
export interface RuleMatchReport {
  readonly event: EventBridgeEnvelope;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly time: number;
}

/** What a bus's emitter reports. */
export type BusEvents = {
  /** An event reached the bus. */
  event: BusEventReport;
  /** A rule received the event. */
  matched: RuleMatchReport;
  /** A target received the event. */
  delivered: DeliveryReport;
  /** An attempt failed (`retryAt` set when a retry is scheduled). */
  failed: FailedAttemptReport;
  /** The event went to the target's dead-letter queue. */
  'dead-lettered': DeadLetterReport;
  /** The event was given up for this target without a dead-letter queue to take it. */
  dropped: DroppedReport;
};

/** @internal A rule as the bus keeps it. */
export interface RuleRecord {
  name: string;
  arn: string;
  eventPattern?: string;
  compiled?: CompiledPattern;
  scheduleExpression?: string;
  state: RuleState;
  description?: string;
  roleArn?: string;
  createdBy: string;
  targets: Map<string, Readonly<Target>>;
  tags?: { Key: string; Value: string }[];
  /** Stops the rule's schedule. */
  stopSchedule?: () => void;
}

/**
 * Whether a rule in `state` receives an event (EventBridge API reference, PutRule `State`; user
 * guide, "Receiving read-only management events from AWS services"): DISABLED receives nothing;
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS everything; ENABLED everything except CloudTrail
 * management events whose name begins with Describe, Get or List (STS GetFederationToken and
 * GetSessionToken excepted).
 */
export function ruleReceives(state: RuleState, origin: EventOrigin): boolean {
  if (state === 'DISABLED') return false;
  if (state === 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS') return true;
  return !(origin.kind === 'cloudtrail' && isReadOnlyByName(origin.record));
}

/** An event bus of one account and region. */
export class EventBus {
  readonly name: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
  readonly description?: string;
  readonly creationTime: number;
  /** @internal */ lastModifiedTime: number;
  /** @internal */ readonly rules = new Map<string, RuleRecord>();
  private readonly emitter: Emitter<BusEvents> = mitt<BusEvents>();
  private readonly matcher: EventMatcher = createMatcher({});
  private active = 0;

  constructor(
    init: { name: string; arn: string; accountId: string; region: string; description?: string; time: number },
    private readonly deliverer: Deliverer,
    private readonly now: () => number,
  ) {
    this.name = init.name;
    this.arn = init.arn;
    this.accountId = init.accountId;
    this.region = init.region;
    if (init.description !== undefined) this.description = init.description;
    this.creationTime = init.time;
    this.lastModifiedTime = init.time;
  }

  /** Subscribes to one kind of report, or to all of them with `'*'`. */
  on<K extends keyof BusEvents>(type: K, handler: Handler<BusEvents[K]>): void;
  on(type: '*', handler: WildcardHandler<BusEvents>): void;
  on(type: keyof BusEvents | '*', handler: Handler<never> | WildcardHandler<BusEvents>): void {
    this.emitter.on(type as keyof BusEvents, handler as Handler<BusEvents[keyof BusEvents]>);
  }

  off<K extends keyof BusEvents>(type: K, handler?: Handler<BusEvents[K]>): void;
  off(type: '*', handler: WildcardHandler<BusEvents>): void;
  off(type: keyof BusEvents | '*', handler?: Handler<never> | WildcardHandler<BusEvents>): void {
    this.emitter.off(type as keyof BusEvents, handler as Handler<BusEvents[keyof BusEvents]> | undefined);
  }

  /** Number of rules not DISABLED. */
  get activeRuleCount(): number {
    return this.active;
  }

  /** Names of the bus's rules. */
  ruleNames(): string[] {
    return [...this.rules.keys()];
  }

  /** @internal Adds or replaces a rule (already validated). */
  setRule(rule: RuleRecord): void {
    const old = this.rules.get(rule.name);
    if (old) {
      if (old.state !== 'DISABLED') this.active--;
      old.stopSchedule?.();
    }
    this.rules.set(rule.name, rule);
    if (rule.state !== 'DISABLED') this.active++;
    if (rule.compiled) this.matcher.add(rule.name, rule.compiled);
    else this.matcher.remove(rule.name);
  }

  /** @internal */
  setState(rule: RuleRecord, state: RuleState): void {
    if (rule.state !== 'DISABLED') this.active--;
    rule.state = state;
    if (state !== 'DISABLED') this.active++;
  }

  /** @internal */
  deleteRule(name: string): void {
    const rule = this.rules.get(name);
    if (!rule) return;
    if (rule.state !== 'DISABLED') this.active--;
    rule.stopSchedule?.();
    this.rules.delete(name);
    this.matcher.remove(name);
  }

  /** @internal Deletes every rule (the bus is being deleted). */
  clear(): void {
    for (const name of [...this.rules.keys()]) this.deleteRule(name);
  }

  /** @internal Whether anyone observes every event reaching the bus (`'event'` or `'*'` handlers). */
  observed(): boolean {
    const all = this.emitter.all;
    return (all.get('event')?.length ?? 0) > 0 || (all.get('*')?.length ?? 0) > 0;
  }

  /** @internal The rules that receive the event (matched, and their state lets it through), in rule order. */
  receivers(event: EventBridgeEnvelope, origin: EventOrigin): RuleRecord[] {
    if (this.active === 0) return [];
    let names: string[];
    if (origin.kind === 'schedule') names = [origin.ruleName];
    else if (this.matcher.size === 0) return [];
    else names = this.matcher.match(event);
    const out: RuleRecord[] = [];
    for (const name of names) {
      const rule = this.rules.get(name);
      if (rule && ruleReceives(rule.state, origin)) out.push(rule);
    }
    return out;
  }

  /**
   * @internal An event reaches the bus: report it, match it against the rules (unless the
   * receiving rules are given), and start delivery to every target of every rule that receives
   * it. `eventJson` is the event's JSON when already made.
   */
  process(event: EventBridgeEnvelope, origin: EventOrigin, eventJson?: string, receivers?: readonly RuleRecord[]): void {
    const now = this.now();
    this.emitter.emit('event', { event, origin, time: now });
    const rules = receivers ?? this.receivers(event, origin);
    let json = eventJson;
    let ingestionTime: string | undefined;
    for (const rule of rules) {
      this.emitter.emit('matched', { event, ruleName: rule.name, ruleArn: rule.arn, time: now });
      const targets = rule.targets;
      for (const target of targets.values()) {
        json ??= JSON.stringify(event);
        ingestionTime ??= formatEventTime(now);
        const payload = targetPayload(target, event, json, { ruleArn: rule.arn, ruleName: rule.name, ingestionTime });
        this.deliverer.start({
          event,
          eventJson: json,
          payload,
          ruleArn: rule.arn,
          ruleName: rule.name,
          target,
          ingestedAt: now,
          live: () => this.rules.get(rule.name)?.targets === targets && targets.get(target.Id) === target,
          sink: this.sink,
        });
      }
    }
  }

  private readonly sink: DeliverySink = {
    delivered: (r) => this.emitter.emit('delivered', r),
    failed: (r) => this.emitter.emit('failed', r),
    deadLettered: (r) => this.emitter.emit('dead-lettered', r),
    dropped: (r) => this.emitter.emit('dropped', r),
  };
}
