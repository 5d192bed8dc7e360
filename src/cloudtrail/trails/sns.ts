/**
 * In-memory SNS topics for trail notifications: a trail with `SnsTopicName` publishes one
 * message per log file it delivers, and topics fan messages out to subscribed in-memory
 * queues, as an SQS subscription of a real topic does. This is how log shippers (Splunk's
 * and Elastic's SQS-based CloudTrail inputs, ...) learn of new files.
 *
 * **The message** CloudTrail publishes is `{"s3Bucket":"<bucket>","s3ObjectKey":["<key>"]}`
 * ("The Message field lists the full path of the log file", CloudTrail user guide,
 * "Configuring Amazon SNS notifications for CloudTrail",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-sns-notifications-for-cloudtrail.html).
 * It has no Subject.
 *
 * **The SQS body** (the default, not raw, delivery) is SNS's notification JSON: `Type`,
 * `MessageId`, `TopicArn`, `Message`, `Timestamp`, `SignatureVersion`, `Signature`,
 * `SigningCertURL`, `UnsubscribeURL` (SNS developer guide, "HTTP/HTTPS notification JSON
 * format", https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html), laid out
 * as SNS writes it (two-space indent, `"Key" : value`), as seen in real SQS bodies of
 * CloudTrail notifications. With `rawMessageDelivery` the body is the Message alone.
 *
 * **Signature**: SignatureVersion 1 is SHA1withRSA over SNS's canonical string. Real SNS
 * signs with Amazon's certificate; trailsim signs with its published test key
 * (`TRAILSIM_TEST_PUBLIC_KEY_PEM`), which `verifySnsSignature` checks. It proves nothing
 * outside a simulation, as the digest signatures do not.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { TrailsimInputError } from '../../core/errors.js';
import { Random, type Seed } from '../../core/random.js';
import { TRAILSIM_TEST_PRIVATE_KEY_PEM } from './test-key.js';

/** What a topic delivers to: an `InMemoryQueue` (`eb.createQueue(name)`) is one. */
export interface SnsQueueEndpoint {
  readonly arn: string;
  send(body: string, at: number, attributes?: Record<string, string>): unknown;
}

/** Options of `subscribe`. */
export interface SnsSubscribeOptions {
  /** Deliver the message body alone, not SNS's JSON envelope. @defaultValue false */
  rawMessageDelivery?: boolean;
}

/** A subscription of a queue to a topic. */
export interface SnsSubscription {
  readonly subscriptionArn: string;
  readonly endpoint: SnsQueueEndpoint;
  readonly rawMessageDelivery: boolean;
}

/** One published message. */
export interface SnsPublished {
  readonly messageId: string;
  readonly topicArn: string;
  readonly message: string;
  /** Virtual time of publication, epoch ms. */
  readonly publishedAt: number;
  /** The SQS body a non-raw subscriber receives. */
  readonly envelope: string;
}

/** Options of `createTopic`. */
export interface CreateTopicOptions {
  accountId: string;
  region: string;
  /** @defaultValue 'aws' */
  partition?: string;
  /**
   * Whether the topic policy lets `cloudtrail.amazonaws.com` publish. `false` makes
   * CreateTrail / UpdateTrail naming it fail with InsufficientSnsTopicPolicyException.
   * @defaultValue true
   */
  allowsCloudTrail?: boolean;
}

/** SNS topic names: 1-256 letters, digits, hyphens, underscores (CloudTrail user guide, as above). */
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

/** An in-memory SNS topic. */
export class SnsTopic {
  readonly name: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
  readonly allowsCloudTrail: boolean;
  private readonly subs: SnsSubscription[] = [];
  private readonly log: SnsPublished[] = [];

  constructor(
    name: string,
    opts: CreateTopicOptions,
    private readonly owner: SnsTopics,
  ) {
    if (!TOPIC_NAME.test(name)) throw new TrailsimInputError(`SNS topic name '${name}' is not valid: 1 to 256 letters, digits, hyphens or underscores.`);
    if (!/^\d{12}$/.test(opts.accountId)) throw new TrailsimInputError(`createTopic needs a 12-digit accountId; got ${String(opts.accountId)}.`);
    this.name = name;
    this.accountId = opts.accountId;
    this.region = opts.region;
    this.allowsCloudTrail = opts.allowsCloudTrail ?? true;
    this.arn = `arn:${opts.partition ?? 'aws'}:sns:${opts.region}:${opts.accountId}:${name}`;
  }

  /** Subscribes a queue (SQS protocol); returns the subscription. */
  subscribe(endpoint: SnsQueueEndpoint, opts: SnsSubscribeOptions = {}): SnsSubscription {
    if (!endpoint || typeof endpoint.send !== 'function' || typeof endpoint.arn !== 'string') {
      throw new TrailsimInputError('subscribe needs a queue (e.g. sim.eventBridge.forAccount(id, region).createQueue("trail-files")).');
    }
    const existing = this.subs.find((s) => s.endpoint.arn === endpoint.arn);
    if (existing) return existing;
    const sub: SnsSubscription = Object.freeze({ subscriptionArn: `${this.arn}:${this.owner.nextUuid()}`, endpoint, rawMessageDelivery: opts.rawMessageDelivery ?? false });
    this.subs.push(sub);
    return sub;
  }

  get subscriptions(): readonly SnsSubscription[] {
    return this.subs;
  }

  /** Every message published to the topic, oldest first. */
  get published(): readonly SnsPublished[] {
    return this.log;
  }

  /** Publishes `message` at virtual time `at` (epoch ms) to every subscriber. */
  publish(message: string, at: number): SnsPublished {
    const messageId = this.owner.nextUuid();
    const timestamp = new Date(at).toISOString();
    const signature = this.owner.sign(snsSigningString({ Message: message, MessageId: messageId, Timestamp: timestamp, TopicArn: this.arn, Type: 'Notification' }));
    const host = `https://sns.${this.region}.amazonaws.com`;
    const envelope = (subscriptionArn: string) =>
      snsJson([
        ['Type', 'Notification'],
        ['MessageId', messageId],
        ['TopicArn', this.arn],
        ['Message', message],
        ['Timestamp', timestamp],
        ['SignatureVersion', '1'],
        ['Signature', signature],
        ['SigningCertURL', `${host}/SimpleNotificationService-trailsim-test.pem`],
        ['UnsubscribeURL', `${host}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`],
      ]);
    for (const s of this.subs) s.endpoint.send(s.rawMessageDelivery ? message : envelope(s.subscriptionArn), at);
    const p: SnsPublished = Object.freeze({ messageId, topicArn: this.arn, message, publishedAt: at, envelope: envelope(`${this.arn}:subscription`) });
    this.log.push(p);
    return p;
  }
}

/** SNS's notification JSON layout: `{\n  "Type" : "Notification",\n  ...\n}`. */
function snsJson(fields: [string, string][]): string {
  return `{\n${fields.map(([k, v]) => `  ${JSON.stringify(k)} : ${JSON.stringify(v)}`).join(',\n')}\n}`;
}

/**
 * SNS's string to sign for a Notification (SNS developer guide, "Verifying the signatures
 * of Amazon SNS messages"): each of Message, MessageId, Subject (when present), Timestamp,
 * TopicArn, Type as `Name\nvalue\n`, in that order.
 */
export function snsSigningString(m: { Message: string; MessageId: string; Subject?: string; Timestamp: string; TopicArn: string; Type: string }): string {
  const parts: [string, string | undefined][] = [
    ['Message', m.Message],
    ['MessageId', m.MessageId],
    ['Subject', m.Subject],
    ['Timestamp', m.Timestamp],
    ['TopicArn', m.TopicArn],
    ['Type', m.Type],
  ];
  return parts
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}\n${v}\n`)
    .join('');
}

/** Checks the Signature of an SNS notification body (SignatureVersion 1) against `publicKeyPem` (default: trailsim's test key). */
export function verifySnsSignature(body: string, publicKeyPem: string | KeyObject = createPublicKey(createPrivateKey(TRAILSIM_TEST_PRIVATE_KEY_PEM))): boolean {
  const m = JSON.parse(body) as Record<string, string>;
  if (m.SignatureVersion !== '1' || typeof m.Signature !== 'string') return false;
  const key = typeof publicKeyPem === 'string' ? createPublicKey(publicKeyPem) : publicKeyPem;
  return verify('sha1', Buffer.from(snsSigningString(m as never), 'utf8'), key, Buffer.from(m.Signature, 'base64'));
}

/** The SNS topics of a simulation (one namespace of ARNs). */
export class SnsTopics {
  private readonly topics = new Map<string, SnsTopic>();
  private readonly rng: Random;
  private key?: KeyObject;

  constructor(seed: Seed) {
    this.rng = new Random(seed, ['sns']);
  }

  /** Creates a topic (or returns the one with that ARN, as CreateTopic is idempotent). */
  createTopic(name: string, opts: CreateTopicOptions): SnsTopic {
    const t = new SnsTopic(name, opts, this);
    const existing = this.topics.get(t.arn);
    if (existing) return existing;
    this.topics.set(t.arn, t);
    return t;
  }

  /** The topic with this ARN, if created. */
  topic(arn: string): SnsTopic | undefined {
    return this.topics.get(arn);
  }

  /** Every topic, in creation order. */
  list(): SnsTopic[] {
    return [...this.topics.values()];
  }

  /** @internal */
  nextUuid(): string {
    return this.rng.uuid();
  }

  /** @internal Base64 SHA1withRSA with the test key. */
  sign(data: string): string {
    this.key ??= createPrivateKey(TRAILSIM_TEST_PRIVATE_KEY_PEM);
    return sign('sha1', Buffer.from(data, 'utf8'), this.key).toString('base64');
  }
}

/** CloudTrail's notification message for one delivered file. */
export function cloudTrailNotification(bucket: string, key: string): string {
  return JSON.stringify({ s3Bucket: bucket, s3ObjectKey: [key] });
}
