import type { OperationSpec } from '../catalog/types.js';
import type { CallError } from '../record/builder.js';
import type { CloudTrailRecord } from '../record/types.js';
import { isNotFoundCode, notFoundOf, type ResourceEffect } from '../catalog/resource-effects.js';
import { arnAccount } from '../catalog/util.js';
import { effectName, findValue, nameFromValue, type EstateRegistry } from './registry.js';

export interface UserCallEnv {
  readonly accountId: string;
  readonly region: string;
  readonly time: number;
  readonly partition: string;
  /** The user asked for an error: the record stays as asked. */
  readonly explicitError: boolean;
  readonly spec: OperationSpec;
  /** Builds the call again as a failure. */
  readonly rebuild: (error: string | CallError) => CloudTrailRecord[];
}

/**
 * Applies a user's call (`sim.call`) to the registry. User calls win: the record keeps the
 * user's params. The registry only
 * - adds what a successful create made and removes what a successful delete removed;
 * - turns a call on a resource the user deleted earlier into the service's not-found
 *   failure (the only way the estate changes a user's call, and never when the user
 *   passed `error`).
 * A name the registry has never seen is taken as a resource that already existed: tests
 * name resources freely without seeding them first.
 */
export function applyUserEffect(reg: EstateRegistry, effect: ResourceEffect, records: CloudTrailRecord[], env: UserCallEnv): CloudTrailRecord[] {
  const r = records[0];
  if (r.errorCode !== undefined || r.errorMessage !== undefined) return records;
  const request = r.requestParameters ?? null;
  const response = r.responseElements ?? null;
  const value = effectName(effect, request, response);
  if (value === undefined) return records;
  const bucketValue = effect.type === 'AWS::S3::Object' ? findValue(request, 'bucketName') : undefined;
  const bucket = typeof bucketValue === 'string' ? bucketValue : undefined;
  const s3Owner = effect.type.startsWith('AWS::S3::') ? reg.byArn(`arn:${env.partition}:s3:::${bucket ?? value}`)?.accountId : undefined;
  const owner = arnAccount(value) ?? s3Owner ?? env.accountId;
  if (effect.action !== 'create') {
    if (!env.explicitError && reg.isDeleted(effect.type, value, owner, env.region, env.time, bucket)) {
      const mode = env.spec.errors?.find((m) => isNotFoundCode(m.code, effect.type));
      const nf = notFoundOf(effect.type);
      if (mode) return env.rebuild(mode.code);
      if (nf) return env.rebuild({ code: nf.code, message: nf.message(nameFromValue(effect.type, value) ?? value, env) });
      return records;
    }
    if (effect.action === 'delete') reg.userDelete(effect.type, value, owner, env.region, env.time, bucket);
    return records;
  }
  const made = reg.userCreate(effect.type, value, owner, env.region, env.time, bucket);
  if (made) reg.capture(made, request, response);
  return records;
}
