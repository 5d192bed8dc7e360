/**
 * EventBridge in memory: every account and region of a simulation has a default event bus and
 * may create custom ones; rules match events with the event-pattern language and deliver them
 * to targets (in-memory queues and functions), with retries and dead-letter queues on the
 * virtual clock. CloudTrail records reach the default buses as EventBridge delivers them.
 *
 * `forAccount(accountId, region)` gives the EventBridge API of one account and region, with the
 * request and response shapes of `@aws-sdk/client-eventbridge` and the errors and messages the
 * service answers (EventBridge API reference; where AWS documents no message, the one LocalStack
 * or moto record from the service, else a message in AWS's style, marked as trailsim's).
 *
 * @example
 * const eb = new EventBridgeService(sim);
 * const prod = eb.forAccount(account.id, 'us-east-1');
 * const alerts = prod.createQueue('alerts');
 * prod.putRule({ Name: 'assume-role', EventPattern: '{"source":["aws.sts"],"detail":{"eventName":["AssumeRole"]}}' });
 * prod.putTargets({ Rule: 'assume-role', Targets: [{ Id: 'q', Arn: alerts.arn }] });
 * sim.call(principal, 'sts:AssumeRole');
 * alerts.json(); // [the AssumeRole event as EventBridge delivers it]
 */
import type { VirtualClock } from '../core/clock.js';
import { ResourceNotFoundException, TrailsimInputError, ValidationException } from '../core/errors.js';
import { ACCOUNT_ID, partitionOf, type Partition } from '../core/ids.js';
import { Random, type Seed } from '../core/random.js';
import { formatEventTime, toMillis } from '../core/time.js';
import type { CloudTrailRecord, JsonObject } from '../record/types.js';
import { assertRegion } from '../world/regions.js';
import { CloudTrailDelivery, exceedsBytes, utf8Length, type CloudTrailDeliveryOptions, type CloudTrailDeliveryStats } from './cloudtrail-delivery.js';
import { Deliverer, type RetryBackoff } from './delivery.js';
import type { EventBridgeEnvelope } from './envelope.js';
import { MAX_EVENT_BYTES } from './envelope.js';
import { busNotFound, constraint, constraintViolation, LimitExceededException, ResourceAlreadyExistsException, ruleNotFound } from './errors.js';
import { EventBus, type RuleRecord } from './event-bus.js';
import { checkTargetInput, inputConstraintErrors } from './input-transformer.js';
import { compilePattern, DEFAULT_EVENT_PATTERN_SIZE_QUOTA, testEventPattern, type CompiledPattern } from './pattern/index.js';
import { FunctionTarget, InMemoryQueue, type TargetHandler } from './targets.js';
import {
  RULE_STATES,
  type CreateEventBusInput,
  type CreateEventBusOutput,
  type DeleteEventBusInput,
  type DeleteRuleInput,
  type DescribeEventBusInput,
  type DescribeEventBusOutput,
  type DescribeRuleOutput,
  type EventBusSummary,
  type FailedTargetEntry,
  type ListEventBusesInput,
  type ListEventBusesOutput,
  type ListRulesInput,
  type ListRulesOutput,
  type ListTargetsByRuleInput,
  type ListTargetsByRuleOutput,
  type PutEventsInput,
  type PutEventsOutput,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
  type PutRuleInput,
  type PutRuleOutput,
  type PutTargetsInput,
  type PutTargetsOutput,
  type RemoveTargetsInput,
  type RemoveTargetsOutput,
  type RuleRef,
  type RuleSummary,
  type Target,
  type TestEventPatternInput,
  type TestEventPatternOutput,
} from './types.js';

/** What EventBridge needs of a simulation. */
export interface EventBridgeHost {
  readonly seed: Seed;
  readonly clock: VirtualClock;
  onRecord(listener: (record: CloudTrailRecord) => void): () => void;
}

/** EventBridge quotas (EventBridge user guide, "Amazon EventBridge quotas"). */
export interface EventBridgeLimits {
  /** Rules per event bus. @defaultValue 300 */
  rulesPerBus: number;
  /** Targets per rule. @defaultValue 5 */
  targetsPerRule: number;
  /** Event buses per account (and region), the default bus included. @defaultValue 100 */
  busesPerAccount: number;
  /** "Event pattern size" quota, in characters. @defaultValue 2048 */
  eventPatternSize: number;
}

export const DEFAULT_LIMITS: Readonly<EventBridgeLimits> = Object.freeze({
  rulesPerBus: 300,
  targetsPerRule: 5,
  busesPerAccount: 100,
  eventPatternSize: DEFAULT_EVENT_PATTERN_SIZE_QUOTA,
});

/** Options of `EventBridgeService`. */
export interface EventBridgeOptions {
  /** How CloudTrail records reach the default buses. @defaultValue `{ mode: 'assume-trail' }` */
  cloudTrailDelivery?: CloudTrailDeliveryOptions;
  /** Retry back-off constants. @defaultValue `{ base: '1s', cap: '10m' }` */
  retryBackoff?: RetryBackoff;
  /** Quotas. @defaultValue DEFAULT_LIMITS */
  limits?: Partial<EventBridgeLimits>;
}

const RULE_NAME = /^[.\-_A-Za-z0-9]+$/;
const BUS_NAME = /^[/.\-_A-Za-z0-9]+$/;
const BUS_NAME_OR_ARN = /^(arn:aws[\w-]*:events:[a-z]+-[a-z]+-[\w-]+:[0-9]{12}:event-bus\/)?[/.\-_A-Za-z0-9]+$/;
const BUS_ARN = /^arn:(aws[\w-]*):events:([a-z]+-[a-z]+-[\w-]+):([0-9]{12}):event-bus\/(.+)$/;
const TARGET_ARN = /^arn:aws[\w-]*:[\w-]+:[\w-]*:\d{0,12}:.+$/;
const SQS_ARN = /^arn:aws[\w-]*:sqs:([\w-]+):(\d{12}):([\w-]+)$/;
const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\((\S+ ){5}\S+\)$/;
const RULE_NAME_RULE = 'satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+';
const BUS_NAME_RULE = 'satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+';
const BUS_NAME_OR_ARN_RULE = 'satisfy regular expression pattern: (arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[/\\.\\-_A-Za-z0-9]+';

function lengthErrors(errors: string[], value: string | undefined, field: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'string') errors.push(constraint(value, field, 'be a string'));
  else if (value.length < min) errors.push(constraint(value, field, `have length greater than or equal to ${min}`));
  else if (value.length > max) errors.push(constraint(value, field, `have length less than or equal to ${max}`));
}

function required(errors: string[], value: unknown, field: string): boolean {
  if (value === undefined || value === null) {
    errors.push(`Value null at '${field}' failed to satisfy constraint: Member must not be null`);
    return false;
  }
  return true;
}

function ruleNameErrors(errors: string[], name: string | undefined, field: string): void {
  if (!required(errors, name, field)) return;
  lengthErrors(errors, name, field, 1, 64);
  if (typeof name === 'string' && name.length > 0 && !RULE_NAME.test(name)) errors.push(constraint(name, field, RULE_NAME_RULE));
}

function busRefErrors(errors: string[], bus: string | undefined, field = 'eventBusName'): void {
  if (bus === undefined) return;
  lengthErrors(errors, bus, field, 1, 1600);
  if (typeof bus === 'string' && bus.length > 0 && !BUS_NAME_OR_ARN.test(bus)) errors.push(constraint(bus, field, BUS_NAME_OR_ARN_RULE));
}

function limitErrors(errors: string[], limit: number | undefined): void {
  if (limit === undefined) return;
  if (!Number.isInteger(limit) || limit < 1) errors.push(constraint(limit, 'limit', 'have value greater than or equal to 1'));
  else if (limit > 100) errors.push(constraint(limit, 'limit', 'have value less than or equal to 100'));
}

function check(errors: string[]): void {
  if (errors.length > 0) throw constraintViolation(errors);
}

/** A page of `items` from an opaque, deterministic token (the index of the next item). */
function page<T>(items: readonly T[], token: string | undefined, limit: number | undefined): { items: T[]; next?: string } {
  let start = 0;
  if (token !== undefined) {
    const m = /^tsim-(\d+)$/.exec(token);
    if (!m || Number(m[1]) > items.length) throw new ValidationException('The NextToken value is not valid.');
    start = Number(m[1]);
  }
  const end = limit === undefined ? items.length : Math.min(items.length, start + limit);
  const out: { items: T[]; next?: string } = { items: items.slice(start, end) };
  if (end < items.length) out.next = `tsim-${end}`;
  return out;
}

function rateMillis(expr: string): number | undefined {
  const m = RATE.exec(expr);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2];
  // "If the value is equal to 1, then the unit must be singular ... greater than 1, plural."
  if (n < 1 || (n === 1) !== !unit.endsWith('s')) return undefined;
  const per = unit.startsWith('minute') ? 60_000 : unit.startsWith('hour') ? 3_600_000 : 86_400_000;
  return n * per;
}

/** @internal The buses and id stream of one account and region. */
class RegionState {
  readonly buses = new Map<string, EventBus>();
  readonly partition: Partition;
  readonly eventIds: Random;
  client?: EventBridgeClient;

  constructor(readonly accountId: string, readonly region: string, seed: Seed) {
    this.partition = partitionOf(region);
    this.eventIds = new Random(seed, ['eventbridge', accountId, region, 'put-events']);
  }

  busArn(name: string): string {
    return `arn:${this.partition}:events:${this.region}:${this.accountId}:event-bus/${name}`;
  }

  ruleArn(bus: string, rule: string): string {
    return `arn:${this.partition}:events:${this.region}:${this.accountId}:rule/${bus === 'default' ? '' : bus + '/'}${rule}`;
  }
}

/**
 * EventBridge for a whole simulation. Construct it once per simulation; it subscribes to the
 * simulation's records (see `CloudTrailDeliveryOptions`) until `dispose()`.
 */
export class EventBridgeService {
  readonly limits: Readonly<EventBridgeLimits>;
  private readonly regions = new Map<string, RegionState>();
  private readonly destinations = new Map<string, InMemoryQueue | FunctionTarget>();
  private readonly deliverer: Deliverer;
  private readonly cloudTrail: CloudTrailDelivery;
  private unsubscribe?: () => void;
  private disposed = false;

  constructor(private readonly sim: EventBridgeHost, options: EventBridgeOptions = {}) {
    this.limits = Object.freeze({ ...DEFAULT_LIMITS, ...options.limits });
    this.deliverer = new Deliverer(sim.clock, sim.seed, (arn) => this.destinations.get(arn), options.retryBackoff);
    this.cloudTrail = new CloudTrailDelivery(sim.seed, (a, r) => this.regions.get(`${a}|${r}`)?.buses.get('default'), options.cloudTrailDelivery);
  }

  /**
   * @internal Starts receiving the simulation's records, when the first rule is put: a
   * simulation that never uses EventBridge pays nothing per record. Records made before that
   * could not have matched a rule anyway.
   */
  listen(): void {
    if (this.unsubscribe || this.disposed) return;
    this.unsubscribe = this.sim.onRecord((r) => this.cloudTrail.onRecord(r));
  }

  /** The EventBridge API of one account and region. */
  forAccount(accountId: string, region: string): EventBridgeClient {
    const state = this.region(accountId, region);
    state.client ??= new EventBridgeClient(this, state);
    return state.client;
  }

  /** A bus by account, region and name (the default bus when no name). */
  bus(accountId: string, region: string, name = 'default'): EventBus | undefined {
    return this.regions.get(`${accountId}|${region}`)?.buses.get(name);
  }

  /** A queue or function target by ARN. */
  destination(arn: string): InMemoryQueue | FunctionTarget | undefined {
    return this.destinations.get(arn);
  }

  /** What happened to CloudTrail records on their way to EventBridge. */
  get cloudTrailStats(): Readonly<CloudTrailDeliveryStats> {
    return this.cloudTrail.stats;
  }

  /** Changes how CloudTrail records reach EventBridge (the trails module plugs `coveredBy` in here). */
  configureCloudTrailDelivery(options: CloudTrailDeliveryOptions): void {
    this.cloudTrail.configure(options);
  }

  /** Retries scheduled on the clock and not yet run. */
  get pendingRetries(): number {
    return this.deliverer.pendingRetries;
  }

  /** Stops receiving the simulation's records (for good). */
  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** @internal */
  now(): number {
    return this.sim.clock.now();
  }

  /** @internal */
  get seed(): Seed {
    return this.sim.seed;
  }

  /** @internal */
  get clock(): VirtualClock {
    return this.sim.clock;
  }

  /** @internal */
  region(accountId: string, region: string): RegionState {
    const key = `${accountId}|${region}`;
    let s = this.regions.get(key);
    if (!s) {
      if (!ACCOUNT_ID.test(accountId)) throw new TrailsimInputError(`'${accountId}' is not an account id (12 digits).`);
      assertRegion(region);
      s = new RegionState(accountId, region, this.sim.seed);
      s.buses.set('default', this.newBus(s, 'default'));
      this.regions.set(key, s);
    }
    return s;
  }

  /** @internal */
  newBus(s: RegionState, name: string, description?: string): EventBus {
    return new EventBus(
      { name, arn: s.busArn(name), accountId: s.accountId, region: s.region, description, time: this.now() },
      this.deliverer,
      () => this.now(),
    );
  }

  /** @internal */
  addDestination<T extends InMemoryQueue | FunctionTarget>(d: T): T {
    this.destinations.set(d.arn, d);
    return d;
  }

  /** @internal The state of the account and region a bus ARN names, if trailsim knows it. */
  regionOfArn(arn: string): RegionState | undefined {
    const m = BUS_ARN.exec(arn);
    return m ? this.regions.get(`${m[3]}|${m[2]}`) : undefined;
  }
}

/**
 * The EventBridge API of one account and region. Methods take and return the shapes of
 * `@aws-sdk/client-eventbridge` commands (without `$metadata`) and throw its exception names.
 */
export class EventBridgeClient {
  readonly accountId: string;
  readonly region: string;

  /** @internal */
  constructor(private readonly service: EventBridgeService, private readonly state: RegionState) {
    this.accountId = state.accountId;
    this.region = state.region;
  }

  // ---- trailsim helpers ----------------------------------------------------------------

  /** Creates (or returns the existing) in-memory queue `name` of this account and region. */
  createQueue(name: string): InMemoryQueue {
    const q = new InMemoryQueue(name, this.accountId, this.region, this.state.partition);
    const existing = this.service.destination(q.arn);
    if (existing instanceof InMemoryQueue) return existing;
    return this.service.addDestination(q);
  }

  /** The queue `name`, if created. */
  queue(name: string): InMemoryQueue | undefined {
    const d = this.service.destination(`arn:${this.state.partition}:sqs:${this.region}:${this.accountId}:${name}`);
    return d instanceof InMemoryQueue ? d : undefined;
  }

  /**
   * Registers a function target `name` (replacing an earlier handler of that name). The handler
   * is called synchronously, on the virtual clock, with the payload (parsed JSON, or the text
   * when it is not JSON). Throwing fails the attempt: a `TargetInvocationError` with its code
   * and retryability, anything else as a retryable `ERROR_FROM_TARGET`. A returned promise is
   * not awaited (virtual time cannot wait): the invocation counts as made, and a rejection is
   * kept in `asyncErrors`.
   */
  registerFunction<T = unknown>(name: string, handler: TargetHandler<T>): FunctionTarget {
    return this.service.addDestination(new FunctionTarget(name, this.accountId, this.region, this.state.partition, handler as TargetHandler<never>));
  }

  /** An event bus of this account and region by name or ARN (the default bus when absent), to observe with `on`. */
  bus(nameOrArn?: string): EventBus {
    return this.resolveBus(nameOrArn);
  }

  // ---- event buses ---------------------------------------------------------------------

  createEventBus(input: CreateEventBusInput): CreateEventBusOutput {
    const errors: string[] = [];
    if (required(errors, input.Name, 'name')) {
      lengthErrors(errors, input.Name, 'name', 1, 256);
      if (input.Name.length > 0 && !BUS_NAME.test(input.Name)) errors.push(constraint(input.Name, 'name', BUS_NAME_RULE));
    }
    lengthErrors(errors, input.Description, 'description', 0, 512);
    check(errors);
    const name = input.Name;
    if (input.EventSourceName !== undefined) throw new ResourceNotFoundException(`Event source ${input.EventSourceName} does not exist.`);
    if (name.includes('/')) throw new ValidationException("Event bus name must not contain '/'.");
    if (this.state.buses.has(name)) throw new ResourceAlreadyExistsException(`Event bus ${name} already exists.`);
    if (this.state.buses.size >= this.service.limits.busesPerAccount) throw new LimitExceededException();
    const bus = this.service.newBus(this.state, name, input.Description);
    this.state.buses.set(name, bus);
    const out: CreateEventBusOutput = { EventBusArn: bus.arn };
    if (input.Description !== undefined) out.Description = input.Description;
    return out;
  }

  /** Deletes a custom bus and its rules; deleting a bus that does not exist succeeds. */
  deleteEventBus(input: DeleteEventBusInput): void {
    const errors: string[] = [];
    if (required(errors, input.Name, 'name')) lengthErrors(errors, input.Name, 'name', 1, 256);
    check(errors);
    if (input.Name === 'default') throw new ValidationException('Cannot delete event bus default.');
    const bus = this.state.buses.get(input.Name);
    if (!bus) return;
    bus.clear();
    this.state.buses.delete(input.Name);
  }

  describeEventBus(input: DescribeEventBusInput = {}): DescribeEventBusOutput {
    const errors: string[] = [];
    busRefErrors(errors, input.Name, 'name');
    check(errors);
    const bus = this.resolveBus(input.Name);
    return summary(bus);
  }

  listEventBuses(input: ListEventBusesInput = {}): ListEventBusesOutput {
    const errors: string[] = [];
    lengthErrors(errors, input.NamePrefix, 'namePrefix', 1, 256);
    limitErrors(errors, input.Limit);
    check(errors);
    const buses = [...this.state.buses.values()]
      .filter((b) => input.NamePrefix === undefined || b.name.startsWith(input.NamePrefix))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const p = page(buses, input.NextToken, input.Limit);
    const out: ListEventBusesOutput = { EventBuses: p.items.map(summary) };
    if (p.next) out.NextToken = p.next;
    return out;
  }

  // ---- rules ---------------------------------------------------------------------------

  /**
   * Creates or replaces a rule. "If you are updating an existing rule, the rule is replaced with
   * what you specify in this PutRule command. If you omit arguments in PutRule, the old values for
   * those arguments are not kept" (API reference, PutRule): an omitted State is ENABLED again.
   * The rule's targets are kept. The pattern is validated and compiled here, once.
   */
  putRule(input: PutRuleInput): PutRuleOutput {
    const errors: string[] = [];
    ruleNameErrors(errors, input.Name, 'name');
    busRefErrors(errors, input.EventBusName);
    if (input.State !== undefined && !RULE_STATES.includes(input.State)) {
      errors.push(constraint(input.State, 'state', `satisfy enum value set: [${RULE_STATES.join(', ')}]`));
    }
    lengthErrors(errors, input.Description, 'description', 0, 512);
    lengthErrors(errors, input.ScheduleExpression, 'scheduleExpression', 0, 256);
    lengthErrors(errors, input.RoleArn, 'roleArn', 1, 1600);
    check(errors);
    const bus = this.resolveBus(input.EventBusName);
    if (input.EventPattern === undefined && input.ScheduleExpression === undefined) {
      throw new ValidationException('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    }
    let period: number | undefined;
    if (input.ScheduleExpression !== undefined) {
      if (bus.name !== 'default') throw new ValidationException('ScheduleExpression is supported only on the default event bus.');
      period = rateMillis(input.ScheduleExpression);
      if (period === undefined && !CRON.test(input.ScheduleExpression)) throw new ValidationException('Parameter ScheduleExpression is not valid.');
    }
    let compiled: CompiledPattern | undefined;
    if (input.EventPattern !== undefined) compiled = compilePattern(input.EventPattern, { maxLength: this.service.limits.eventPatternSize });
    const existing = bus.rules.get(input.Name);
    if (!existing && bus.rules.size >= this.service.limits.rulesPerBus) throw new LimitExceededException();

    const rule: RuleRecord = {
      name: input.Name,
      arn: this.state.ruleArn(bus.name, input.Name),
      state: input.State ?? 'ENABLED',
      createdBy: existing?.createdBy ?? this.accountId,
      targets: existing?.targets ?? new Map(),
    };
    if (compiled) {
      rule.compiled = compiled;
      rule.eventPattern = compiled.source;
    }
    if (input.ScheduleExpression !== undefined) rule.scheduleExpression = input.ScheduleExpression;
    if (input.Description !== undefined) rule.description = input.Description;
    if (input.RoleArn !== undefined) rule.roleArn = input.RoleArn;
    if (input.Tags !== undefined) rule.tags = input.Tags.map((t) => ({ ...t }));
    bus.setRule(rule);
    this.service.listen();
    if (period !== undefined) this.startSchedule(bus, rule, period);
    bus.lastModifiedTime = this.service.now();
    return { RuleArn: rule.arn };
  }

  describeRule(input: RuleRef): DescribeRuleOutput {
    const { bus, rule } = this.resolveRule(input.Name, input.EventBusName, 'name');
    const out: DescribeRuleOutput = { Name: rule.name, Arn: rule.arn, State: rule.state, EventBusName: bus.name, CreatedBy: rule.createdBy };
    if (rule.eventPattern !== undefined) out.EventPattern = rule.eventPattern;
    if (rule.scheduleExpression !== undefined) out.ScheduleExpression = rule.scheduleExpression;
    if (rule.description !== undefined) out.Description = rule.description;
    if (rule.roleArn !== undefined) out.RoleArn = rule.roleArn;
    // Key order as the service returns it: Name, Arn, EventPattern, ScheduleExpression, State, ...
    return reorder(out, ['Name', 'Arn', 'EventPattern', 'ScheduleExpression', 'State', 'Description', 'RoleArn', 'EventBusName', 'CreatedBy']);
  }

  enableRule(input: RuleRef): void {
    const { bus, rule } = this.resolveRule(input.Name, input.EventBusName, 'name');
    bus.setState(rule, 'ENABLED');
  }

  disableRule(input: RuleRef): void {
    const { bus, rule } = this.resolveRule(input.Name, input.EventBusName, 'name');
    bus.setState(rule, 'DISABLED');
  }

  /** Deletes a rule; a rule with targets needs `Force` (or its targets removed first). Deleting a rule that does not exist succeeds. */
  deleteRule(input: DeleteRuleInput): void {
    const errors: string[] = [];
    ruleNameErrors(errors, input.Name, 'name');
    busRefErrors(errors, input.EventBusName);
    check(errors);
    const bus = this.resolveBus(input.EventBusName);
    const rule = bus.rules.get(input.Name);
    if (!rule) return;
    if (rule.targets.size > 0 && !input.Force) throw new ValidationException("Rule can't be deleted since it has targets.");
    bus.deleteRule(input.Name);
  }

  listRules(input: ListRulesInput = {}): ListRulesOutput {
    const errors: string[] = [];
    if (input.NamePrefix !== undefined) {
      lengthErrors(errors, input.NamePrefix, 'namePrefix', 1, 64);
      if (input.NamePrefix.length > 0 && !RULE_NAME.test(input.NamePrefix)) errors.push(constraint(input.NamePrefix, 'namePrefix', RULE_NAME_RULE));
    }
    busRefErrors(errors, input.EventBusName);
    limitErrors(errors, input.Limit);
    check(errors);
    const bus = this.resolveBus(input.EventBusName);
    const rules = [...bus.rules.values()]
      .filter((r) => input.NamePrefix === undefined || r.name.startsWith(input.NamePrefix))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const p = page(rules, input.NextToken, input.Limit);
    const out: ListRulesOutput = { Rules: p.items.map((r) => ruleSummary(r, bus.name)) };
    if (p.next) out.NextToken = p.next;
    return out;
  }

  // ---- targets -------------------------------------------------------------------------

  /**
   * Adds or replaces targets (by Id) of a rule: at most 10 per request and 5 per rule. Settings
   * are validated before anything changes.
   */
  putTargets(input: PutTargetsInput): PutTargetsOutput {
    const errors: string[] = [];
    ruleNameErrors(errors, input.Rule, 'rule');
    busRefErrors(errors, input.EventBusName);
    if (required(errors, input.Targets, 'targets')) {
      if (input.Targets.length < 1) errors.push(constraint('[]', 'targets', 'have length greater than or equal to 1'));
      if (input.Targets.length > 10) errors.push(constraint(`[${input.Targets.map((t) => `Target(id=${t.Id})`).join(', ')}]`, 'targets', 'have length less than or equal to 10'));
      input.Targets.forEach((t, i) => targetConstraintErrors(errors, t, i + 1));
    }
    check(errors);
    const { rule } = this.resolveRule(input.Rule, input.EventBusName, 'rule');
    for (const t of input.Targets) {
      if (!TARGET_ARN.test(t.Arn)) throw new ValidationException(`Parameter ${t.Arn} is not valid. Reason: Provided Arn is not in correct format.`);
      checkTargetInput(t);
      const dlq = t.DeadLetterConfig?.Arn;
      if (dlq !== undefined) {
        // DLQs are standard SQS queues in the rule's Region (user guide, "Using dead-letter
        // queues"); the wording of these two messages is trailsim's.
        const m = SQS_ARN.exec(dlq);
        if (!m) throw new ValidationException(`Parameter DeadLetterConfig.Arn is not valid. Reason: ${dlq} is not the ARN of a standard SQS queue.`);
        if (m[1] !== this.region) throw new ValidationException(`Parameter DeadLetterConfig.Arn is not valid. Reason: the dead-letter queue must be in the rule's Region (${this.region}).`);
      }
    }
    const ids = new Set([...rule.targets.keys(), ...input.Targets.map((t) => t.Id)]);
    if (ids.size > this.service.limits.targetsPerRule) throw new LimitExceededException();
    for (const t of input.Targets) rule.targets.set(t.Id, freezeTarget(t));
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  /** Removes targets by Id; an Id the rule does not have is a failed entry. */
  removeTargets(input: RemoveTargetsInput): RemoveTargetsOutput {
    const errors: string[] = [];
    ruleNameErrors(errors, input.Rule, 'rule');
    busRefErrors(errors, input.EventBusName);
    if (required(errors, input.Ids, 'ids')) {
      if (input.Ids.length < 1) errors.push(constraint('[]', 'ids', 'have length greater than or equal to 1'));
      if (input.Ids.length > 100) errors.push(constraint(`[${input.Ids.join(', ')}]`, 'ids', 'have length less than or equal to 100'));
    }
    check(errors);
    const { rule } = this.resolveRule(input.Rule, input.EventBusName, 'rule');
    const failed: FailedTargetEntry[] = [];
    for (const id of input.Ids) {
      if (!rule.targets.delete(id)) {
        failed.push({ TargetId: id, ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Rule '${rule.name}' does not have a target with the Id '${id}'.` });
      }
    }
    return { FailedEntryCount: failed.length, FailedEntries: failed };
  }

  listTargetsByRule(input: ListTargetsByRuleInput): ListTargetsByRuleOutput {
    const errors: string[] = [];
    limitErrors(errors, input.Limit);
    check(errors);
    const { rule } = this.resolveRule(input.Rule, input.EventBusName, 'rule');
    const p = page([...rule.targets.values()], input.NextToken, input.Limit);
    const out: ListTargetsByRuleOutput = { Targets: p.items.map((t) => structuredClone(t) as Target) };
    if (p.next) out.NextToken = p.next;
    return out;
  }

  // ---- events --------------------------------------------------------------------------

  /**
   * Sends custom events (API reference, PutEvents; user guide, "Sending events with PutEvents").
   * 1–10 entries whose total size (Time 14 bytes, Source, DetailType, Detail and Resources in
   * UTF-8) is at most 256 KB, else the whole request fails. Each entry fails on its own, in
   * request order: Source, DetailType and Detail are required (InvalidArgument), Detail must be
   * a JSON object (MalformedDetail), and the `aws.` source prefix is reserved for AWS services
   * (NotAuthorizedForSourceException). An event for a bus that does not exist is accepted and
   * lost, as EventBridge does (aws/aws-cli#9186). Accepted events reach their bus at once.
   */
  putEvents(input: PutEventsInput): PutEventsOutput {
    const errors: string[] = [];
    if (required(errors, input.Entries, 'entries')) {
      if (input.Entries.length < 1) errors.push(constraint('[]', 'entries', 'have length greater than or equal to 1'));
      if (input.Entries.length > 10) errors.push(constraint(`[${input.Entries.map(entryText).join(', ')}]`, 'entries', 'have length less than or equal to 10'));
      input.Entries.forEach((e, i) => busRefErrors(errors, e.EventBusName, `entries.${i + 1}.member.eventBusName`));
    }
    check(errors);
    let total = 0;
    for (const e of input.Entries) total += entrySize(e);
    if (total > MAX_EVENT_BYTES) throw new ValidationException('Total size of the entries in the request is over the limit.');

    const now = this.service.now();
    const results: PutEventsResultEntry[] = [];
    const accepted: { bus: EventBus | undefined; event: EventBridgeEnvelope }[] = [];
    for (const e of input.Entries) {
      const failure = entryFailure(e);
      if (failure) {
        results.push(failure);
        continue;
      }
      let time = now;
      if (e.Time !== undefined) {
        try {
          time = toMillis(e.Time, 'Time');
        } catch {
          results.push({ ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Time is not valid.' });
          continue;
        }
      }
      const id = this.state.eventIds.uuid();
      const event: EventBridgeEnvelope<string, JsonObject> = {
        version: '0',
        id,
        'detail-type': e.DetailType as string,
        source: e.Source as string,
        account: this.accountId,
        time: formatEventTime(time),
        region: this.region,
        resources: e.Resources ? [...e.Resources] : [],
        detail: JSON.parse(e.Detail as string) as JsonObject,
      };
      results.push({ EventId: id });
      accepted.push({ bus: this.findBus(e.EventBusName), event });
    }
    // Validation of every entry first, then delivery: a target's handler never runs before the
    // response is complete.
    for (const a of accepted) a.bus?.process(a.event, { kind: 'put-events' });
    return { FailedEntryCount: results.filter((r) => r.ErrorCode !== undefined).length, Entries: results };
  }

  /** TestEventPattern: whether the event matches the pattern (no size quota applies). */
  testEventPattern(input: TestEventPatternInput): TestEventPatternOutput {
    const errors: string[] = [];
    required(errors, input.EventPattern, 'eventPattern');
    required(errors, input.Event, 'event');
    check(errors);
    return { Result: testEventPattern(input.EventPattern, input.Event) };
  }

  // ---- internals -----------------------------------------------------------------------

  private startSchedule(bus: EventBus, rule: RuleRecord, period: number): void {
    const ids = new Random(this.service.seed, ['eventbridge', 'schedule', rule.arn, String(this.service.now())]);
    rule.stopSchedule = this.service.clock.every(period, (t) => {
      const event: EventBridgeEnvelope<'Scheduled Event', Record<string, never>> = {
        version: '0',
        id: ids.uuid(),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: this.accountId,
        time: formatEventTime(t),
        region: this.region,
        resources: [rule.arn],
        detail: {},
      };
      bus.process(event, { kind: 'schedule', ruleName: rule.name });
    });
  }

  /** A bus of this account and region by name or ARN; ResourceNotFoundException when absent. */
  private resolveBus(nameOrArn: string | undefined): EventBus {
    const name = this.busName(nameOrArn);
    const bus = this.state.buses.get(name);
    if (!bus) throw busNotFound(name);
    return bus;
  }

  private busName(nameOrArn: string | undefined): string {
    if (nameOrArn === undefined) return 'default';
    const m = BUS_ARN.exec(nameOrArn);
    if (!m) return nameOrArn;
    if (m[3] !== this.accountId || m[2] !== this.region) throw busNotFound(m[4]);
    return m[4];
  }

  /** The bus a PutEvents entry names, here or (by ARN) in another account or region trailsim knows. */
  private findBus(nameOrArn: string | undefined): EventBus | undefined {
    if (nameOrArn !== undefined) {
      const m = BUS_ARN.exec(nameOrArn);
      if (m) return this.service.regionOfArn(nameOrArn)?.buses.get(m[4]);
    }
    return this.state.buses.get(nameOrArn ?? 'default');
  }

  private resolveRule(name: string, busRef: string | undefined, field: string): { bus: EventBus; rule: RuleRecord } {
    const errors: string[] = [];
    ruleNameErrors(errors, name, field);
    busRefErrors(errors, busRef);
    check(errors);
    const bus = this.resolveBus(busRef);
    const rule = bus.rules.get(name);
    if (!rule) throw ruleNotFound(name, bus.name);
    return { bus, rule };
  }
}

function summary(bus: EventBus): EventBusSummary {
  const out: EventBusSummary = { Name: bus.name, Arn: bus.arn, CreationTime: new Date(bus.creationTime), LastModifiedTime: new Date(bus.lastModifiedTime) };
  if (bus.description !== undefined) out.Description = bus.description;
  return reorder(out, ['Name', 'Arn', 'Description', 'CreationTime', 'LastModifiedTime']);
}

function ruleSummary(r: RuleRecord, busName: string): RuleSummary {
  const out: RuleSummary = { Name: r.name, Arn: r.arn, State: r.state, EventBusName: busName };
  if (r.eventPattern !== undefined) out.EventPattern = r.eventPattern;
  if (r.description !== undefined) out.Description = r.description;
  if (r.scheduleExpression !== undefined) out.ScheduleExpression = r.scheduleExpression;
  if (r.roleArn !== undefined) out.RoleArn = r.roleArn;
  return reorder(out, ['Name', 'Arn', 'EventPattern', 'State', 'Description', 'ScheduleExpression', 'RoleArn', 'EventBusName']);
}

function reorder<T extends object>(obj: T, keys: readonly string[]): T {
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out as T;
}

function freezeTarget(t: Target): Readonly<Target> {
  const copy = structuredClone(t) as Target;
  return Object.freeze(copy);
}

/** Constraint errors of one target (API reference, `Target`, `RetryPolicy`, `DeadLetterConfig`). */
function targetConstraintErrors(errors: string[], t: Target, n: number): void {
  const at = (f: string) => `targets.${n}.member.${f}`;
  if (required(errors, t.Id, at('id'))) {
    lengthErrors(errors, t.Id, at('id'), 1, 64);
    if (typeof t.Id === 'string' && t.Id.length > 0 && !RULE_NAME.test(t.Id)) errors.push(constraint(t.Id, at('id'), RULE_NAME_RULE));
  }
  if (required(errors, t.Arn, at('arn'))) lengthErrors(errors, t.Arn, at('arn'), 1, 1600);
  lengthErrors(errors, t.RoleArn, at('roleArn'), 1, 1600);
  const rp = t.RetryPolicy;
  if (rp) {
    const a = rp.MaximumRetryAttempts;
    if (a !== undefined && (!Number.isInteger(a) || a < 0)) errors.push(constraint(a, at('retryPolicy.maximumRetryAttempts'), 'have value greater than or equal to 0'));
    else if (a !== undefined && a > 185) errors.push(constraint(a, at('retryPolicy.maximumRetryAttempts'), 'have value less than or equal to 185'));
    const s = rp.MaximumEventAgeInSeconds;
    if (s !== undefined && (!Number.isInteger(s) || s < 60)) errors.push(constraint(s, at('retryPolicy.maximumEventAgeInSeconds'), 'have value greater than or equal to 60'));
    else if (s !== undefined && s > 86_400) errors.push(constraint(s, at('retryPolicy.maximumEventAgeInSeconds'), 'have value less than or equal to 86400'));
  }
  if (t.DeadLetterConfig?.Arn !== undefined) lengthErrors(errors, t.DeadLetterConfig.Arn, at('deadLetterConfig.arn'), 1, 1600);
  errors.push(...inputConstraintErrors(t, n));
}

/** Size of a PutEvents entry (user guide, "Calculating PutEvents event entry size"). */
export function entrySize(e: PutEventsRequestEntry): number {
  let size = e.Time !== undefined ? 14 : 0;
  if (typeof e.Source === 'string') size += utf8Length(e.Source);
  if (typeof e.DetailType === 'string') size += utf8Length(e.DetailType);
  if (typeof e.Detail === 'string') size += exceedsBytes(e.Detail, MAX_EVENT_BYTES) ? MAX_EVENT_BYTES + 1 : utf8Length(e.Detail);
  for (const r of e.Resources ?? []) if (typeof r === 'string') size += utf8Length(r);
  return size;
}

/** The per-entry failure of a PutEvents entry, in the order the service checks (messages as the service words them, per moto's and LocalStack's recorded responses). */
function entryFailure(e: PutEventsRequestEntry): PutEventsResultEntry | undefined {
  if (!e.Source) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' };
  if (!e.DetailType) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' };
  if (!e.Detail) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' };
  let detail: unknown;
  try {
    detail = JSON.parse(e.Detail);
  } catch {
    detail = undefined;
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  // The aws. prefix is reserved for events from AWS services.
  if (e.Source.startsWith('aws.')) return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
  return undefined;
}

function entryText(e: PutEventsRequestEntry): string {
  return `PutEventsRequestEntry(time=${e.Time ?? 'null'}, source=${e.Source ?? 'null'}, resources=${e.Resources ? `[${e.Resources.join(', ')}]` : 'null'}, detailType=${e.DetailType ?? 'null'}, detail=${e.Detail ?? 'null'}, eventBusName=${e.EventBusName ?? 'null'}, traceHeader=${e.TraceHeader ?? 'null'})`;
}

