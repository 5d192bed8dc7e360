import type { Random } from '../core/random.js';
import type { OperationSpec, WorldResource } from '../catalog/types.js';
import type { JsonObject } from '../record/types.js';
import { Intent, type CallIntent } from '../activity/traffic.js';
import { ACCUMULATING_TYPES, NO_AUTO_DELETE_TYPES, effectOf, isNotFoundCode, lifecycleOps, type ResourceEffect } from '../catalog/resource-effects.js';
import type { Binding, EstateRegistry, Lifecycle, ShardScope } from './registry.js';

/**
 * Plans the resource lifecycles of one shard (account, region, UTC day) from its planned
 * calls, before any record is built, so the shard's registry is a pure function of its
 * own calls:
 *
 * - a generated create makes a new resource (name from the shard's `estate` stream);
 * - a generated delete takes the oldest resource of its type this shard created and has
 *   not deleted; when there is none, the same caller first creates one at one of its
 *   earlier calls;
 * - every resource still alive is deleted later the same day by the caller that made it,
 *   at one of that caller's later calls (so the caller's credentials are valid then);
 *   a create with no later call of its caller fails instead. Types whose deletion is a
 *   detection signal (NO_AUTO_DELETE_TYPES) are not auto-deleted: they live to the end
 *   of the day.
 *
 * So every shard starts the day with the seeded inventory and ends it there; nothing a
 * shard creates is seen by another. Objects and VPCs accumulate (see ACCUMULATING_TYPES).
 */
/** The binding planned for a generated call (a call the planner did not make has none). */
export function bindingOf(it: CallIntent): Binding | undefined {
  return it instanceof Intent ? it.binding : undefined;
}

/** Request members that name a new resource whose name the caller chooses. */
const CREATE_PARAM: Record<string, string> = {
  'AWS::S3::Bucket': 'bucketName',
  'AWS::IAM::User': 'userName',
  'AWS::IAM::Role': 'roleName',
  'AWS::Lambda::Function': 'functionName',
  'AWS::DynamoDB::Table': 'tableName',
  'AWS::RDS::DBInstance': 'dBInstanceIdentifier',
  'AWS::RDS::DBCluster': 'dBClusterIdentifier',
  'AWS::CloudTrail::Trail': 'name',
  'AWS::SecretsManager::Secret': 'name',
  'AWS::SNS::Topic': 'name',
  'AWS::SQS::Queue': 'queueName',
  'AWS::Logs::LogGroup': 'logGroupName',
};

const MIN = 60_000;

export interface PlanEnv {
  readonly registry: EstateRegistry;
  readonly scope: ShardScope;
  readonly accountId: string;
  readonly region: string;
  readonly globalRegion: string;
  readonly rng: Random;
  readonly resolve: (name: string) => OperationSpec | undefined;
}

/** Same caller: the same principal object, or the same persona. */
function sameCaller(a: CallIntent, b: CallIntent): boolean {
  return a.principal === b.principal || (a.persona === b.persona && a.principal.identity.arn === b.principal.identity.arn);
}

/** A create not yet paired with its delete. */
interface Open {
  readonly l: Lifecycle;
  readonly idx: number;
  readonly it: Intent;
}

interface Insert {
  readonly at: number;
  readonly it: Intent;
}

function mint(env: PlanEnv, spec: OperationSpec, type: string): WorldResource {
  return env.registry.mint(type, env.accountId, spec.global ? env.globalRegion : env.region, env.rng);
}

/**
 * A binding with every field present (absent ones undefined): the record builder reads
 * them for each generated call, and bindings of three shapes made it bail out ("wrong map").
 */
function binding(action: 'create' | 'delete', resource: WorldResource, params: JsonObject | undefined, error: string | undefined): Binding {
  return { action, resource, params, error };
}

function createBinding(type: string, l: Lifecycle): Binding {
  const p = CREATE_PARAM[type];
  return binding('create', l.resource, p ? { [p]: l.resource.name } : undefined, undefined);
}

/**
 * Returns the shard's calls with the paired creates/deletes added, in time order; bindings are recorded for `bindingOf`.
 * (Three passes in three functions, no closures: each keeps its own type feedback, and V8
 * optimises them once rather than bailing out of one large function per shard.)
 */
export function planShard(intents: readonly Intent[], env: PlanEnv): Intent[] {
  const inserts: Insert[] = [];
  const open = pairLifecycles(intents, env, inserts);
  closeOpen(intents, env, open, inserts);
  return withInserts(intents, inserts);
}

/** The effect a successful call of `spec` has on a resource whose lifecycle the shard plans, or null. */
function plannedEffect(spec: OperationSpec): ResourceEffect | null {
  const e = effectOf(spec);
  if (!e || (e.action !== 'create' && e.action !== 'delete') || ACCUMULATING_TYPES.has(e.type) || !lifecycleOps(e.type)) return null;
  return e;
}

/** Creates make resources, deletes take the oldest open one (or make one at an earlier call of their caller); returns what is still open, by type. */
function pairLifecycles(intents: readonly Intent[], env: PlanEnv, inserts: Insert[]): Map<string, Open[]> {
  const open = new Map<string, Open[]>();
  // plannedEffect per operation, once per shard (the catalog does not change while a shard is planned).
  const effects = new Map<OperationSpec, ResourceEffect | null>();
  for (let i = 0; i < intents.length; i++) {
    const it = intents[i];
    if (it.fail) continue;
    let e = effects.get(it.spec);
    if (e === undefined) effects.set(it.spec, (e = plannedEffect(it.spec)));
    if (e === null) continue;
    if (e.action === 'create') {
      const l: Lifecycle = { resource: mint(env, it.spec, e.type), createdAt: it.time, deletedAt: Infinity };
      env.scope.add(l);
      it.binding = createBinding(e.type, l);
      let xs = open.get(e.type);
      if (!xs) open.set(e.type, (xs = []));
      xs.push({ l, idx: i, it });
      continue;
    }
    // delete: the oldest open resource of the type created before now
    const xs = open.get(e.type);
    let k = -1;
    if (xs) for (let q = 0; q < xs.length; q++) if (xs[q].l.createdAt < it.time) { k = q; break; }
    if (xs && k >= 0) {
      const [x] = xs.splice(k, 1);
      x.l.deletedAt = it.time;
      it.binding = binding('delete', x.l.resource, undefined, undefined);
      continue;
    }
    // nothing to delete: the same caller creates one at an earlier call of theirs
    const createSpec = env.resolve(lifecycleOps(e.type)!.create);
    let j = -1;
    for (let q = i - 1; q >= 0; q--) if (sameCaller(intents[q], it) && intents[q].time < it.time) { j = q; break; }
    if (createSpec && j >= 0) {
      const host = intents[j];
      const l: Lifecycle = { resource: mint(env, createSpec, e.type), createdAt: host.time, deletedAt: it.time };
      env.scope.add(l);
      const c = Intent.withSpec(host, createSpec);
      c.binding = createBinding(e.type, l);
      inserts.push({ at: j, it: c });
      it.binding = binding('delete', l.resource, undefined, undefined);
    } else {
      // The caller deletes something already gone: the service's not-found error.
      const type = e.type;
      const code = it.spec.errors?.find((m) => isNotFoundCode(m.code, type))?.code;
      it.binding = binding('delete', mint(env, it.spec, type), undefined, code ?? 'AccessDenied');
    }
  }
  return open;
}

/** Closes what is still open: a later call of the same caller deletes it. */
function closeOpen(intents: readonly Intent[], env: PlanEnv, open: Map<string, Open[]>, inserts: Insert[]): void {
  for (const [type, xs] of open) {
    if (NO_AUTO_DELETE_TYPES.has(type)) continue;
    const deleteSpec = env.resolve(lifecycleOps(type)!.delete);
    for (const x of xs) {
      const life = (5 + env.rng.int(115)) * MIN;
      let k = -1;
      let fallback = -1;
      for (let q = x.idx + 1; q < intents.length; q++) {
        const c = intents[q];
        if (!sameCaller(c, x.it) || c.time <= x.l.createdAt) continue;
        if (fallback < 0) fallback = q;
        if (c.time >= x.l.createdAt + life) { k = q; break; }
      }
      if (k < 0) k = fallback;
      if (deleteSpec && k >= 0) {
        const host = intents[k];
        x.l.deletedAt = host.time;
        const d = Intent.withSpec(host, deleteSpec);
        d.binding = binding('delete', x.l.resource, undefined, undefined);
        inserts.push({ at: k, it: d });
      } else {
        // No later call of this caller today: the create fails, and nothing is made.
        x.l.deletedAt = x.l.createdAt;
        const code = x.it.spec.errors?.find((m) => !isNotFoundCode(m.code))?.code ?? 'AccessDenied';
        x.it.binding = binding('create', x.l.resource, undefined, code);
      }
    }
  }
}

/** The calls with the planned creates and deletes, each just before the call it rides on. */
function withInserts(intents: readonly Intent[], inserts: Insert[]): Intent[] {
  if (inserts.length === 0) return intents as Intent[];
  inserts.sort((a, b) => a.at - b.at); // stable: inserts at one call keep their order
  const out: Intent[] = [];
  let p = 0;
  for (let i = 0; i < intents.length; i++) {
    while (p < inserts.length && inserts[p].at === i) out.push(inserts[p++].it);
    out.push(intents[i]);
  }
  return out;
}
