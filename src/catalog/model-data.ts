import RAW from './generated/models.json' with { type: 'json' };

/**
 * The generated long-tail data (src/catalog/generated/models.json, written by
 * tools/gen-catalog.ts from aws-sdk v2's API models), parsed on first use.
 *
 * Member type codes: s string, S sensitive string, i integer, f float, b boolean,
 * t timestamp, B blob, l list of scalars, L list of structures, m map, o structure.
 */

export type MemberType = 's' | 'S' | 'i' | 'f' | 'b' | 't' | 'B' | 'l' | 'L' | 'm' | 'o';

export interface ModelMember {
  readonly key: string;
  readonly type: MemberType;
}

export interface ModelOperation {
  readonly name: string;
  readonly readOnly: boolean;
  /** CloudTrail's eventName when it differs from `name`. */
  readonly eventName?: string;
  /** Top-level required input members. */
  readonly members: readonly ModelMember[];
}

export interface ModelService {
  /** Model id (aws-sdk file stem), e.g. `guardduty`, `elasticloadbalancingv2`. */
  readonly id: string;
  readonly iamPrefix: string;
  readonly eventSource: string;
  readonly protocol: string;
  readonly apiVersion: string;
  readonly global: boolean;
  readonly operations: readonly ModelOperation[];
}

interface RawService {
  id: string;
  p: string;
  e: string;
  pr: string;
  v: string;
  g?: number;
  o: string;
}

const raw = RAW as unknown as { source: string; services: RawService[] };

/** Where the generated data comes from. */
export const MODEL_SOURCE: string = raw.source;

let parsed: ModelService[] | undefined;
let protocols: Map<string, string> | undefined;

function parseMembers(s: string): ModelMember[] {
  if (s === '') return [];
  return s.split(',').map((m) => {
    const i = m.lastIndexOf(':');
    return { key: m.slice(0, i), type: m.slice(i + 1) as MemberType };
  });
}

/** Every service of the generated models, parsed once. */
export function modelServices(): readonly ModelService[] {
  if (parsed) return parsed;
  parsed = raw.services.map((s) => ({
    id: s.id,
    iamPrefix: s.p,
    eventSource: s.e,
    protocol: s.pr,
    apiVersion: s.v,
    global: s.g === 1,
    operations: s.o === ''
      ? []
      : s.o.split(';').map((o) => {
          const [name, rw, eventName, members] = o.split('|');
          const op: { name: string; readOnly: boolean; eventName?: string; members: ModelMember[] } = { name, readOnly: rw === 'r', members: parseMembers(members ?? '') };
          if (eventName) op.eventName = eventName;
          return op;
        }),
  }));
  return parsed;
}

/** The wire protocol of the service behind `eventSource` (first model wins), if the models know it. */
export function protocolOf(eventSource: string): string | undefined {
  if (!protocols) {
    protocols = new Map();
    for (const s of raw.services) if (!protocols.has(s.e)) protocols.set(s.e, s.pr);
  }
  return protocols.get(eventSource);
}
