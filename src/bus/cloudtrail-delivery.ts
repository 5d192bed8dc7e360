/**
 * CloudTrail → EventBridge: every recorded event becomes the envelope EventBridge emits and goes
 * to the default bus of its recipient account in its region (EventBridge user guide, "Events from
 * AWS services" and "Receiving read-only management events from AWS services").
 *
 * - EventBridge receives CloudTrail events only while a trail with logging enabled covers the
 *   account and region, and data events only when that trail logs them. Until trailsim models
 *   trails, `mode: 'assume-trail'` delivers as if such a trail existed (logging data events when
 *   `dataEvents` is true); `mode: 'require-trail'` asks `coveredBy(record)` — the hook the trails
 *   module plugs `isCoveredByLoggingTrail` into; `mode: 'off'` delivers nothing.
 * - Events larger than 256 KB are not delivered (counted in `stats.oversize`).
 * - Global-service events (IAM, STS, sign-in, ...) are recorded in us-east-1, so they reach the
 *   us-east-1 default bus. The resource owner's copy of a cross-account call reaches the owner's bus.
 * - The envelope's id is drawn from a stream named by the record (seed / eventbridge / cloudtrail /
 *   account / region / eventID): the same record always gets the same id, whatever else the
 *   simulation does, and records nobody listens to cost nothing.
 */
import { utf8Length } from '../catalog/size-limits.js';
import { Random, type Seed } from '../core/random.js';
import { TrailsimInputError } from '../core/errors.js';
import type { CloudTrailRecord } from '../record/types.js';
import { MAX_EVENT_BYTES, toEnvelope, type SignInSpelling } from './envelope.js';
import type { EventBus, RuleRecord } from './event-bus.js';

/** How CloudTrail events reach EventBridge. */
export interface CloudTrailDeliveryOptions {
  /**
   * - `'assume-trail'`: as if a trail with logging on covered every account and region.
   * - `'require-trail'`: only records `coveredBy` accepts.
   * - `'off'`: none.
   * @defaultValue 'assume-trail'
   */
  mode?: 'assume-trail' | 'require-trail' | 'off';
  /** With `'assume-trail'`: whether the assumed trail logs data events. @defaultValue false */
  dataEvents?: boolean;
  /**
   * Whether a logging trail covers the record's account and region and logs its category (the
   * trails module's `isCoveredByLoggingTrail`). Required by `'require-trail'`; with
   * `'assume-trail'` it replaces the assumption when given.
   */
  coveredBy?: (record: CloudTrailRecord) => boolean;
  /** Spelling of the console sign-in detail-type. @defaultValue 'Sign In' */
  signIn?: SignInSpelling;
}

/** Counts of what happened to CloudTrail records on their way to EventBridge. */
export interface CloudTrailDeliveryStats {
  /** Records seen (from the first rule put on, when EventBridge starts listening). */
  records: number;
  /** Not covered by a (real or assumed) logging trail, or delivery off. */
  notCovered: number;
  /** Of a kind EventBridge never receives (network-activity events). */
  notDeliverable: number;
  /** The recipient's default bus had no enabled rule: nothing to do. */
  noRules: number;
  /** Received by no rule (counted only while nobody observes the bus's `'event'` reports). */
  unmatched: number;
  /** Larger than 256 KB: not delivered. */
  oversize: number;
  /** Put on a default bus (reported to its observers, and delivered to the rules that receive it). */
  delivered: number;
}

export function emptyCloudTrailStats(): CloudTrailDeliveryStats {
  return { records: 0, notCovered: 0, notDeliverable: 0, noRules: 0, unmatched: 0, oversize: 0, delivered: 0 };
}

const encoder = new TextEncoder();

/** UTF-8 size of a string (shared with the catalog's size limits). */
export { utf8Length };

/** Whether the UTF-8 form of `s` is larger than `max` bytes. */
export function exceedsBytes(s: string, max: number): boolean {
  if (s.length > max) return true;
  if (s.length * 3 <= max) return false;
  return s.length < 4096 ? encoder.encode(s).length > max : utf8Length(s) > max;
}

/** Turns records into bus events. */
export class CloudTrailDelivery {
  readonly stats: CloudTrailDeliveryStats = emptyCloudTrailStats();
  private options: Required<Pick<CloudTrailDeliveryOptions, 'mode' | 'dataEvents' | 'signIn'>> & Pick<CloudTrailDeliveryOptions, 'coveredBy'>;

  constructor(
    private readonly seed: Seed,
    private readonly defaultBus: (accountId: string, region: string) => EventBus | undefined,
    options: CloudTrailDeliveryOptions = {},
  ) {
    this.options = CloudTrailDelivery.resolve(options);
  }

  static resolve(o: CloudTrailDeliveryOptions) {
    const mode = o.mode ?? 'assume-trail';
    if (mode === 'require-trail' && !o.coveredBy) {
      throw new TrailsimInputError("cloudTrailDelivery mode 'require-trail' needs a coveredBy(record) function (the trails module's isCoveredByLoggingTrail).");
    }
    return { mode, dataEvents: o.dataEvents ?? false, signIn: o.signIn ?? 'Sign In', coveredBy: o.coveredBy } as const;
  }

  /** Replaces the options (e.g. when the trails module takes over coverage). */
  configure(options: CloudTrailDeliveryOptions): void {
    this.options = CloudTrailDelivery.resolve({ ...this.options, ...options });
  }

  get mode(): 'assume-trail' | 'require-trail' | 'off' {
    return this.options.mode;
  }

  private covered(r: CloudTrailRecord): boolean {
    const o = this.options;
    if (o.mode === 'off') return false;
    if (o.coveredBy) return o.coveredBy(r);
    return r.eventCategory !== 'Data' || o.dataEvents;
  }

  /** Handles one record (the `sim.onRecord` listener). */
  onRecord(r: CloudTrailRecord): void {
    const s = this.stats;
    s.records++;
    const account = r.recipientAccountId;
    if (!account || !this.covered(r)) {
      s.notCovered++;
      return;
    }
    const bus = this.defaultBus(account, r.awsRegion);
    if (!bus || bus.activeRuleCount === 0) {
      // Cheap path: nobody listens. Network-activity records are counted here too.
      s.noRules++;
      return;
    }
    const rng = new Random(this.seed, ['eventbridge', 'cloudtrail', account, r.awsRegion, r.eventID]);
    const envelope = toEnvelope(r, rng, this.options.signIn);
    if (!envelope) {
      s.notDeliverable++;
      return;
    }
    const origin = { kind: 'cloudtrail', record: r } as const;
    // Unobserved bus: match first, and skip the JSON of events no rule receives.
    let receivers: RuleRecord[] | undefined;
    if (!bus.observed()) {
      receivers = bus.receivers(envelope, origin);
      if (receivers.length === 0) {
        s.unmatched++;
        return;
      }
    }
    const json = JSON.stringify(envelope);
    if (exceedsBytes(json, MAX_EVENT_BYTES)) {
      s.oversize++;
      return;
    }
    s.delivered++;
    bus.process(envelope, origin, json, receivers);
  }
}
