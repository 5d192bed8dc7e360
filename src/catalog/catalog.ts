import { TrailsimInputError, UnknownOperationError } from '../core/errors.js';
import type { OperationSpec } from './types.js';
import { handOperations } from './services/index.js';
import { modelOperationSpecs } from './model-ops.js';

/** Filter for `Catalog.list`. */
export interface CatalogFilter {
  /** IAM action prefix (`iam`) or eventSource (`iam.amazonaws.com`), case-insensitive. */
  service?: string;
  readOnly?: boolean;
  category?: 'Management' | 'Data';
  origin?: 'hand' | 'model' | 'user';
}

const EVENT_SOURCE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.amazonaws\.com$/;
const SERVICE = /^[a-z0-9][a-z0-9-]*$/;
const OP_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const DATA_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
const EVENT_TYPES = new Set(['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleAction', 'AwsConsoleSignIn']);
const REQUEST_ID_STYLES = new Set(['uuid', 's3', 'upper-uuid', 'none']);
const ORIGINS = new Set(['hand', 'model', 'user']);
const BUILDERS = ['request', 'response', 'resources', 'additionalEventData', 'serviceEventDetails', 'resourceOwner', 'redact', 'host'] as const;

function keyOf(eventSource: string, name: string): string {
  return `${eventSource}|${name}`;
}

function indexName(ops: Map<string, string[]>, l: string, key: string): void {
  const keys = ops.get(l);
  if (!keys) ops.set(l, [key]);
  else if (!keys.includes(key)) keys.push(key);
}

/** Rejects a spec that could not produce a valid record. Throws TrailsimInputError naming the field. */
export function validateOperationSpec(spec: OperationSpec): void {
  const where = (s: unknown) => `Operation ${typeof s === 'object' && s !== null ? `${String((s as OperationSpec).service)}:${String((s as OperationSpec).name)}` : String(s)}`;
  if (typeof spec !== 'object' || spec === null) throw new TrailsimInputError('An operation spec must be an object.');
  if (typeof spec.service !== 'string' || !SERVICE.test(spec.service)) throw new TrailsimInputError(`${where(spec)}: service must be an IAM action prefix such as 'iam' or 'ec2-instance-connect' (lower case letters, digits, hyphens).`);
  if (typeof spec.name !== 'string' || !OP_NAME.test(spec.name)) throw new TrailsimInputError(`${where(spec)}: name must be an API operation name such as 'CreateUser'.`);
  if (typeof spec.eventSource !== 'string' || !EVENT_SOURCE.test(spec.eventSource)) throw new TrailsimInputError(`${where(spec)}: eventSource must look like '<service>.amazonaws.com' (got ${JSON.stringify(spec.eventSource)}).`);
  if (spec.eventName !== undefined && (typeof spec.eventName !== 'string' || !OP_NAME.test(spec.eventName))) throw new TrailsimInputError(`${where(spec)}: eventName must be a name such as 'UpdateFunctionConfiguration20150331v2'.`);
  if (typeof spec.readOnly !== 'boolean') throw new TrailsimInputError(`${where(spec)}: readOnly must be true or false.`);
  if (spec.category !== 'Management' && spec.category !== 'Data') throw new TrailsimInputError(`${where(spec)}: category must be 'Management' or 'Data' (got ${JSON.stringify(spec.category)}).`);
  if (spec.eventType !== undefined && !EVENT_TYPES.has(spec.eventType)) throw new TrailsimInputError(`${where(spec)}: eventType must be one of ${[...EVENT_TYPES].join(', ')}.`);
  if (spec.category === 'Data' && spec.dataResourceType === undefined) throw new TrailsimInputError(`${where(spec)}: a data event needs dataResourceType (e.g. 'AWS::S3::Object') so trails can select it.`);
  if (spec.dataResourceType !== undefined && (typeof spec.dataResourceType !== 'string' || !DATA_TYPE.test(spec.dataResourceType))) throw new TrailsimInputError(`${where(spec)}: dataResourceType must look like 'AWS::Service::Type'.`);
  if (spec.apiVersion !== undefined && (typeof spec.apiVersion !== 'string' || spec.apiVersion === '')) throw new TrailsimInputError(`${where(spec)}: apiVersion must be a non-empty string.`);
  if (spec.requestIdStyle !== undefined && !REQUEST_ID_STYLES.has(spec.requestIdStyle)) throw new TrailsimInputError(`${where(spec)}: requestIdStyle must be one of ${[...REQUEST_ID_STYLES].join(', ')}.`);
  if (spec.origin !== undefined && !ORIGINS.has(spec.origin)) throw new TrailsimInputError(`${where(spec)}: origin must be 'hand', 'model' or 'user'.`);
  for (const b of BUILDERS) {
    const f = spec[b];
    if (f !== undefined && typeof f !== 'function') throw new TrailsimInputError(`${where(spec)}: ${b} must be a function.`);
  }
  if (spec.errors !== undefined) {
    if (!Array.isArray(spec.errors)) throw new TrailsimInputError(`${where(spec)}: errors must be an array of { code, message }.`);
    for (const e of spec.errors) {
      if (typeof e !== 'object' || e === null || typeof e.code !== 'string' || e.code === '') throw new TrailsimInputError(`${where(spec)}: every error mode needs a non-empty code.`);
      if (typeof e.message !== 'function') throw new TrailsimInputError(`${where(spec)}: error mode ${e.code} needs a message function.`);
      if (e.weight !== undefined && !(typeof e.weight === 'number' && Number.isFinite(e.weight) && e.weight >= 0)) throw new TrailsimInputError(`${where(spec)}: error mode ${e.code} has an invalid weight.`);
    }
  }
}

/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

function closest(target: string, candidates: Iterable<string>, n = 3): string[] {
  const t = target.toLowerCase();
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const l = c.toLowerCase();
    const d = l.startsWith(t) || t.startsWith(l) ? Math.abs(l.length - t.length) * 0.1 : distance(t, l);
    scored.push([c, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1));
  return scored.slice(0, n).map((s) => s[0]);
}

/**
 * The registry of API operations. Names resolve as `service:Operation`, where `service`
 * is the IAM action prefix (`iam:CreateUser`, case-insensitive) or the eventSource
 * (`iam.amazonaws.com:CreateUser`), and `Operation` is the API name or CloudTrail's
 * eventName (`lambda:UpdateFunctionConfiguration` and
 * `lambda:UpdateFunctionConfiguration20150331v2` are the same operation). Registering an
 * operation with the eventSource and name of an existing one replaces it: hand-tuned
 * entries replace generated ones, users' entries replace both.
 */
export class Catalog {
  private readonly specs = new Map<string, OperationSpec>();
  /** service (prefix or eventSource, lower case) to operation name/eventName (lower case) to keys. */
  private readonly index = new Map<string, Map<string, string[]>>();
  private readonly cache = new Map<string, OperationSpec>();
  /**
   * While the generated operations are not in yet: every spec added so far, in order. They
   * go in on first need (model-load.ts says why): then the catalog is rebuilt as if they had
   * been added first, generated operations and then this log, so its order, index and
   * replacements are exactly those of an eager build.
   */
  private added: OperationSpec[] | undefined;

  /** A catalog holding the hand-tuned and generated operations (a fresh copy; see `defaultCatalog`). */
  static withDefaults(): Catalog {
    const c = new Catalog();
    c.added = [];
    for (const s of handOperations()) c.add(s);
    return c;
  }

  /** Number of operations. */
  get size(): number {
    this.complete();
    return this.specs.size;
  }

  /** Adds the generated operations under everything added so far (see `added`). */
  private complete(): void {
    const log = this.added;
    if (!log) return;
    // Built before anything is cleared: if building them throws, the catalog is unchanged.
    const generated = modelOperationSpecs();
    this.added = undefined;
    this.specs.clear();
    this.index.clear();
    this.cache.clear();
    for (const s of generated) this.add(s);
    for (const s of log) this.add(s);
  }

  /**
   * Adds a user-defined operation (or replaces the one with the same eventSource and name).
   * The spec is validated first; a bad spec throws TrailsimInputError and changes nothing.
   */
  register(spec: OperationSpec): this {
    validateOperationSpec(spec);
    this.add(spec.origin ? spec : Object.freeze({ ...spec, origin: 'user' as const }));
    return this;
  }

  /** The operation for `name`; throws UnknownOperationError (with the closest names) when there is none. */
  resolve(name: string): OperationSpec {
    const hit = this.get(name);
    if (hit) return hit;
    throw new UnknownOperationError(this.unknownMessage(name));
  }

  /** The operation for `name`, or undefined. */
  get(name: string): OperationSpec | undefined {
    if (typeof name !== 'string') return undefined;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const i = name.indexOf(':');
    if (i <= 0 || i === name.length - 1) return undefined;
    const svc = name.slice(0, i).trim().toLowerCase();
    const op = name.slice(i + 1).trim();
    const ops = this.index.get(svc) ?? (svc.includes('.') || this.added ? undefined : this.index.get(`${svc}.amazonaws.com`));
    const keys = ops?.get(op.toLowerCase());
    if (!keys || keys.length === 0) {
      if (!this.added) return undefined;
      this.complete();
      return this.get(name);
    }
    const found = this.pick(keys, svc, op);
    // Before the generated operations are in, a hand-tuned or user entry found here is the
    // answer an eager build gives: pick() ranks them above every generated one, and among
    // themselves they keep their order. Anything else needs the generated operations.
    if (this.added && found.origin === 'model') {
      this.complete();
      return this.get(name);
    }
    this.cache.set(name, found);
    return found;
  }

  /** Whether `name` resolves. */
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Operations matching `filter`, in registration order. */
  list(filter: CatalogFilter = {}): OperationSpec[] {
    this.complete();
    const svc = filter.service?.toLowerCase();
    const out: OperationSpec[] = [];
    for (const s of this.specs.values()) {
      if (svc !== undefined && s.service !== svc && s.eventSource !== svc && s.eventSource !== `${svc}.amazonaws.com`) continue;
      if (filter.readOnly !== undefined && s.readOnly !== filter.readOnly) continue;
      if (filter.category !== undefined && s.category !== filter.category) continue;
      if (filter.origin !== undefined && (s.origin ?? 'user') !== filter.origin) continue;
      out.push(s);
    }
    return out;
  }

  /** Every name a service is known by (IAM prefixes and eventSources). */
  services(): string[] {
    this.complete();
    return [...this.index.keys()].sort();
  }

  /** Adds without validation (built-in entries). */
  private add(spec: OperationSpec): void {
    this.added?.push(spec);
    const key = keyOf(spec.eventSource, spec.name);
    const old = this.specs.get(key);
    if (old) this.unindex(old, key);
    this.specs.set(key, spec);
    // clear() allocates a fresh table even when empty: building the default catalog adds ~15k specs.
    if (this.cache.size > 0) this.cache.clear();
    const name = spec.name.toLowerCase();
    const eventName = spec.eventName && spec.eventName !== spec.name ? spec.eventName.toLowerCase() : undefined;
    this.indexUnder(spec.service.toLowerCase(), key, name, eventName);
    this.indexUnder(spec.eventSource.toLowerCase(), key, name, eventName);
  }

  /** Lists `key` under a service name for its (lower-case) operation name and eventName. */
  private indexUnder(svc: string, key: string, name: string, eventName: string | undefined): void {
    let ops = this.index.get(svc);
    if (!ops) this.index.set(svc, (ops = new Map()));
    indexName(ops, name, key);
    if (eventName !== undefined) indexName(ops, eventName, key);
  }

  private unindex(spec: OperationSpec, key: string): void {
    for (const svc of [spec.service.toLowerCase(), spec.eventSource.toLowerCase()]) {
      const ops = this.index.get(svc);
      if (!ops) continue;
      for (const n of [spec.name, spec.eventName ?? spec.name]) {
        const keys = ops.get(n.toLowerCase());
        if (!keys) continue;
        const i = keys.indexOf(key);
        if (i >= 0) keys.splice(i, 1);
        if (keys.length === 0) ops.delete(n.toLowerCase());
      }
      if (ops.size === 0) this.index.delete(svc);
    }
  }

  /**
   * Among operations sharing a name under one prefix: hand-tuned and user entries over
   * generated ones (so `s3:GetBucketLifecycle`, the eventName CloudTrail writes for
   * GetBucketLifecycleConfiguration, finds the hand-tuned operation rather than the
   * deprecated API of that name), then an exact API-name match over an eventName match,
   * then the service whose eventSource is `<prefix>.amazonaws.com`, then the first registered.
   */
  private pick(keys: string[], svc: string, op: string): OperationSpec {
    if (keys.length === 1) return this.specs.get(keys[0])!;
    let best: OperationSpec | undefined;
    let bestScore = -1;
    for (const k of keys) {
      const s = this.specs.get(k)!;
      let score = 0;
      if (s.origin !== 'model') score += 8;
      if (s.name === op) score += 4;
      else if (s.name.toLowerCase() === op.toLowerCase()) score += 2;
      if (s.eventSource === `${svc}.amazonaws.com` || s.eventSource === svc) score += 1;
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best!;
  }

  private unknownMessage(name: string): string {
    this.complete();
    if (typeof name !== 'string' || name.indexOf(':') <= 0 || name.endsWith(':')) {
      return `Unknown operation ${JSON.stringify(name)}: operation names look like 'iam:CreateUser' (IAM action prefix) or 'iam.amazonaws.com:CreateUser' (eventSource).`;
    }
    const i = name.indexOf(':');
    const svc = name.slice(0, i).trim().toLowerCase();
    const op = name.slice(i + 1).trim();
    const ops = this.index.get(svc) ?? this.index.get(`${svc}.amazonaws.com`);
    if (!ops) {
      const near = closest(svc, [...this.index.keys()].filter((k) => !k.includes('.')));
      return `Unknown operation '${name}': no service '${svc}' in the catalog. Closest services: ${near.join(', ')}.`;
    }
    const names = new Set<string>();
    for (const keys of ops.values()) for (const k of keys) names.add(this.specs.get(k)!.name);
    const near = closest(op, names);
    return `Unknown operation '${name}': '${svc}' has no operation '${op}'. Closest: ${near.map((n) => `${svc}:${n}`).join(', ')}.`;
  }
}

let shared: Catalog | undefined;

/**
 * The catalog of hand-tuned and generated operations, built on first use and shared.
 * Operations registered on it are visible to every simulation using the default; use
 * `Catalog.withDefaults()` for a private copy.
 */
export function defaultCatalog(): Catalog {
  shared ??= Catalog.withDefaults();
  return shared;
}
