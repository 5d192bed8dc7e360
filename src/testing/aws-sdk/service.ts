/**
 * Which catalog operation an SDK command is recorded as. The SDK knows a service by its
 * `serviceId` (`CloudWatch Logs`) and client name (`CloudWatchLogsClient`); the catalog knows
 * it by IAM prefix (`logs`) and eventSource (`logs.amazonaws.com`). The bridge is the
 * client's own endpoint: its host name starts with the endpoint prefix, which is the
 * eventSource's for nearly every service (`events.us-east-1.amazonaws.com` →
 * `events.amazonaws.com`, `monitoring...` → CloudWatch). Then the `serviceId` and client
 * name, lower-cased (`s3`, `iam`, `secretsmanager`), directly or as an AWS API model id
 * (`eventbridge` → `events`). The caller's explicit `service` comes first.
 */
import type { Catalog } from '../../catalog/catalog.js';
import { modelServices } from '../../catalog/model-data.js';
import type { OperationSpec } from '../../catalog/types.js';
import { TrailsimInputError } from '../../core/errors.js';

/** What the client tells about its service. */
export interface ServiceHints {
  /** The user's `service` option. */
  explicit?: string;
  serviceId?: string;
  clientName?: string;
  /** Host name of the client's endpoint in the call's region. */
  endpointHost?: string;
}

let modelPrefixes: Map<string, string> | undefined;

/** AWS API model id (`eventbridge`, `cognito-idp`) → IAM prefix. */
function prefixOfModel(id: string): string | undefined {
  if (!modelPrefixes) {
    modelPrefixes = new Map();
    for (const s of modelServices()) modelPrefixes.set(s.id.toLowerCase(), s.iamPrefix);
  }
  return modelPrefixes.get(id);
}

/** Service names to try, best first. */
export function serviceCandidates(h: ServiceHints): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (!s) return;
    const v = s.trim().toLowerCase();
    if (v && !out.includes(v)) out.push(v);
  };
  add(h.explicit);
  if (h.endpointHost) {
    // `events.us-east-1.amazonaws.com`, `api.ecr.us-east-1.amazonaws.com`: the labels before the region or domain.
    for (const label of h.endpointHost.split('.')) {
      if (label === 'amazonaws' || /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(label)) break;
      add(label);
    }
  }
  const id = h.serviceId?.trim().toLowerCase();
  const fromClient = h.clientName?.replace(/Client$/, '').toLowerCase();
  for (const name of [id?.replace(/\s+/g, ''), id?.replace(/\s+/g, '-'), fromClient]) {
    add(name);
    if (name) add(prefixOfModel(name));
  }
  return out;
}

/** The catalog's operation for an SDK command; TrailsimInputError (saying how to fix it) when there is none. */
export function recordedOperation(catalog: Catalog, operation: string, hints: ServiceHints): OperationSpec {
  const candidates = serviceCandidates(hints);
  if (hints.explicit) {
    const spec = catalog.get(`${hints.explicit}:${operation}`);
    if (spec) return spec;
    throw new TrailsimInputError(`The catalog has no operation '${hints.explicit}:${operation}'. Check the service option, or register the operation with sim.catalog.register(...).`);
  }
  for (const c of candidates) {
    const spec = catalog.get(`${c}:${operation}`);
    if (spec) return spec;
  }
  const who = hints.serviceId ?? hints.clientName ?? 'this client';
  throw new TrailsimInputError(
    `trailsim cannot tell which catalog operation ${who} ${operation} is (tried ${candidates.map((c) => `${c}:${operation}`).join(', ') || 'nothing'}). ` +
      `Pass { service: '<IAM prefix>' } to recordCalls, or register the operation with sim.catalog.register(...).`,
  );
}
