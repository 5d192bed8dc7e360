/**
 * Dev-time generator for the long tail of the catalog: reads the AWS API models shipped
 * with aws-sdk v2 (`node_modules/aws-sdk/apis/*.min.json`, latest apiVersion of each
 * service) and writes `src/catalog/generated/models.json`, committed so users of trailsim
 * never need aws-sdk. Run with `npm run gen:catalog` (`npx tsx tools/gen-catalog.ts`).
 *
 * Output, per service: IAM action prefix, eventSource, protocol, apiVersion, global flag,
 * and per operation: name, readOnly (verb rule in src/catalog/read-only.ts), CloudTrail's
 * eventName when it differs (Lambda's versioned names), and the top-level required input
 * members as `key:type` (type codes in src/catalog/model-data.ts).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isReadOnlyName } from '../src/catalog/read-only.js';
import { eventSourceFor, iamPrefixFor, isGlobalService, lambdaEventName, lowerFirst } from '../src/catalog/model-rules.js';

interface Shape {
  type?: string;
  shape?: string;
  members?: Record<string, Shape>;
  required?: string[];
  member?: Shape;
  sensitive?: boolean;
  locationName?: string;
  location?: string;
  idempotencyToken?: boolean;
}

interface Model {
  metadata: { apiVersion: string; endpointPrefix: string; signingName?: string; protocol: string; globalEndpoint?: string; uid?: string; serviceId?: string };
  operations: Record<string, { http?: { requestUri?: string }; input?: Shape; deprecated?: boolean }>;
  shapes?: Record<string, Shape>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apis = join(root, 'node_modules/aws-sdk/apis');
const out = join(root, 'src/catalog/generated/models.json');
const pkg = JSON.parse(readFileSync(join(root, 'node_modules/aws-sdk/package.json'), 'utf8')) as { version: string };

/** Latest model file per service id (`<id>-<YYYY-MM-DD>.min.json`). */
function latestModels(): Map<string, string> {
  const latest = new Map<string, string>();
  for (const f of readdirSync(apis)) {
    const m = /^(.+)-(\d{4}-\d{2}-\d{2})\.min\.json$/.exec(f);
    if (!m) continue;
    const prev = latest.get(m[1]);
    if (!prev || prev < f) latest.set(m[1], f);
  }
  return latest;
}

function resolve(model: Model, s: Shape | undefined): Shape {
  let cur = s ?? {};
  for (let i = 0; i < 10 && cur.shape; i++) {
    const target = model.shapes?.[cur.shape];
    if (!target) break;
    cur = { ...target, ...cur, shape: target.shape, sensitive: cur.sensitive ?? target.sensitive, locationName: cur.locationName ?? target.locationName };
    if (!target.shape) delete cur.shape;
  }
  return cur;
}

/** Type code of a member: s string, S sensitive string, i integer, f float, b boolean, t timestamp, B blob, l list of scalars, L list of structures, m map, o structure. */
function typeCode(model: Model, member: Shape): string {
  const r = resolve(model, member);
  switch (r.type ?? 'string') {
    case 'string': return r.sensitive ? 'S' : 's';
    case 'integer': case 'long': return 'i';
    case 'float': case 'double': return 'f';
    case 'boolean': return 'b';
    case 'timestamp': return 't';
    case 'blob': return 'B';
    case 'map': return 'm';
    case 'structure': return 'o';
    case 'list': {
      const inner = resolve(model, r.member);
      return inner.type === 'structure' || inner.type === 'list' || inner.type === 'map' ? 'L' : 'l';
    }
    default: return 's';
  }
}

function keyOf(protocol: string, name: string, member: Shape): string {
  // EC2's query names are already lower camel (`instanceId`); elsewhere CloudTrail writes the
  // member name with its first letter lowered (`dBInstanceIdentifier`, `sSHPublicKey`).
  if (protocol === 'ec2' && member.locationName && /^[a-z]/.test(member.locationName)) return member.locationName;
  return lowerFirst(name);
}

interface OutService {
  /** Model id (file name stem). */
  id: string;
  /** IAM action prefix. */
  p: string;
  /** eventSource. */
  e: string;
  /** protocol. */
  pr: string;
  /** apiVersion. */
  v: string;
  /** 1 when the service logs in the partition's global region. */
  g?: 1;
  /** Operations: `Name|r-or-w|eventName-or-empty|key:type,key:type`, joined with `;`. */
  o: string;
}

const services: OutService[] = [];
let opCount = 0;
const latest = latestModels();
for (const id of [...latest.keys()].sort()) {
  const model = JSON.parse(readFileSync(join(apis, latest.get(id)!), 'utf8')) as Model;
  const md = model.metadata;
  const eventSource = eventSourceFor(id, md.endpointPrefix, md.signingName);
  const ops: string[] = [];
  for (const name of Object.keys(model.operations).sort()) {
    const op = model.operations[name];
    const input = resolve(model, op.input);
    const members: string[] = [];
    for (const req of input.required ?? []) {
      const mem = input.members?.[req];
      if (!mem) continue;
      const key = keyOf(md.protocol, req, resolve(model, mem));
      if (/[|;,:]/.test(key)) continue;
      members.push(`${key}:${typeCode(model, mem)}`);
      if (members.length >= 8) break;
    }
    const eventName = eventSource === 'lambda.amazonaws.com' ? lambdaEventName(name, op.http?.requestUri) : name;
    ops.push([name, isReadOnlyName(name) ? 'r' : 'w', eventName === name ? '' : eventName, members.join(',')].join('|'));
  }
  opCount += ops.length;
  const s: OutService = { id, p: iamPrefixFor(md.endpointPrefix, md.signingName), e: eventSource, pr: md.protocol, v: md.apiVersion, o: ops.join(';') };
  if (isGlobalService(eventSource)) s.g = 1;
  services.push(s);
}

const data = { source: `aws-sdk ${pkg.version} apis/*.min.json (latest apiVersion per service)`, services };
mkdirSync(dirname(out), { recursive: true });
const text = JSON.stringify(data);
writeFileSync(out, text + '\n');
console.log(`wrote ${out}: ${services.length} services, ${opCount} operations, ${(text.length / 1024).toFixed(0)} KB`);
