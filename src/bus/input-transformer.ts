/**
 * What a target receives: the event, a constant `Input`, the part of the event an `InputPath`
 * selects, or an `InputTransformer`'s template filled from the event (EventBridge user guide,
 * "Amazon EventBridge input transformation"; API reference, `Target` and `InputTransformer`).
 *
 * Template semantics (the guide's examples and its "Common issues with transforming input"):
 * - `<name>` is replaced by the variable's value; variables are the `InputPathsMap` keys and the
 *   predefined `aws.events.rule-arn`, `aws.events.rule-name`, `aws.events.event.ingestion-time`
 *   (ISO 8601), `aws.events.event` (the event without `detail`) and `aws.events.event.json`
 *   (the whole event).
 * - Inside a JSON string (`"... <name> ..."`) a string value is inserted as is, not escaped
 *   ("EventBridge doesn't escape values extracted by Input Path"); an object or array is
 *   inserted as JSON with its quotes removed ("removes any internal quotes to ensure a valid
 *   string"); numbers, booleans and null as their JSON text.
 * - Outside a string, in a template that is JSON (starts with `{` or `[`), the value is inserted
 *   as JSON (`"instance": <instance>` gives `"instance": "i-0123456789"`).
 * - A template that is neither JSON nor a quoted string (`<instance> is in state <status>`) is
 *   plain text: values are inserted as in a string.
 * - A variable whose path selects nothing "isn't created": trailsim inserts nothing inside a
 *   string and `null` where a JSON value is expected (so the result stays valid JSON; AWS does not
 *   document the output for that case).
 * - A JSON result is passed on minified ("The JSON that is passed to the target is minified").
 *
 * `InputPath` that selects nothing sends `null` (not documented by AWS; trailsim's choice).
 */
import type { JsonValue } from '../record/types.js';
import type { EventBridgeEnvelope } from './envelope.js';
import { constraint } from './errors.js';
import { parseJsonPath, selectJsonPath } from './json-path.js';
import type { Target } from './types.js';
import { ValidationException } from '../core/errors.js';

/** Variables EventBridge defines itself; they cannot be `InputPathsMap` keys. */
export const PREDEFINED_VARIABLES = [
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event.ingestion-time',
  'aws.events.event',
  'aws.events.event.json',
] as const;

const PREDEFINED = new Set<string>(PREDEFINED_VARIABLES);
const PLACEHOLDER = /<([A-Za-z0-9_.\-]+)>/g;
const INPUT_PATHS_KEY = /^[A-Za-z0-9_\-]+$/;

/** What a transformer needs besides the event. */
export interface TransformContext {
  ruleArn: string;
  ruleName: string;
  /** `aws.events.event.ingestion-time`, ISO 8601. */
  ingestionTime: string;
}

/**
 * Constraint errors of one target's input settings (API reference, `Target`: Input ≤ 8192,
 * InputPath ≤ 256, InputTemplate 1–8192, InputPathsMap ≤ 100 entries with keys
 * `[A-Za-z0-9\_\-]+` and values ≤ 256), as `Value ... at 'targets.N.member.x' ...` lines.
 */
export function inputConstraintErrors(t: Target, n: number): string[] {
  const errors: string[] = [];
  const at = (f: string) => `targets.${n}.member.${f}`;
  if (t.Input !== undefined && t.Input.length > 8192) errors.push(constraint(t.Input, at('input'), 'have length less than or equal to 8192'));
  if (t.InputPath !== undefined && t.InputPath.length > 256) errors.push(constraint(t.InputPath, at('inputPath'), 'have length less than or equal to 256'));
  const it = t.InputTransformer;
  if (it) {
    const tpl = it.InputTemplate;
    if (typeof tpl !== 'string' || tpl.length < 1) errors.push(constraint(tpl ?? null, at('inputTransformer.inputTemplate'), 'have length greater than or equal to 1'));
    else if (tpl.length > 8192) errors.push(constraint(tpl, at('inputTransformer.inputTemplate'), 'have length less than or equal to 8192'));
    const map = it.InputPathsMap ?? {};
    const keys = Object.keys(map);
    if (keys.length > 100) errors.push(constraint(map, at('inputTransformer.inputPathsMap'), 'have length less than or equal to 100'));
    for (const k of keys) {
      if (!INPUT_PATHS_KEY.test(k)) errors.push(constraint(k, at(`inputTransformer.inputPathsMap.${k}.key`), 'satisfy regular expression pattern: [A-Za-z0-9\\_\\-]+'));
      if (typeof map[k] !== 'string' || map[k].length > 256) errors.push(constraint(map[k], at(`inputTransformer.inputPathsMap.${k}.value`), 'have length less than or equal to 256'));
    }
  }
  return errors;
}

/**
 * Semantic checks of a target's input settings, after the constraint checks. Messages are the
 * ones the EventBridge service answers (as recorded by LocalStack's AWS-validated tests):
 * more than one of Input/InputPath/InputTransformer, Input that is not JSON, a template
 * placeholder that names no variable.
 */
export function checkTargetInput(t: Target): void {
  const kinds = [t.Input, t.InputPath, t.InputTransformer].filter((x) => x !== undefined).length;
  if (kinds > 1) throw new ValidationException(`Only one of Input, InputPath, or InputTransformer must be provided for target ${t.Id}.`);
  if (t.Input !== undefined) {
    try {
      JSON.parse(t.Input);
    } catch {
      // Not worded in AWS's documents; names the parameter the way its other messages do.
      throw new ValidationException(`Parameter Input is not valid. Reason: Input for target ${t.Id} is not valid JSON.`);
    }
  }
  const it = t.InputTransformer;
  if (it) {
    const map = it.InputPathsMap ?? {};
    for (const k of Object.keys(map)) {
      if (PREDEFINED.has(k) || k.toLowerCase().startsWith('aws.')) throw new ValidationException(`InputPathsMap key ${k} for target ${t.Id} is reserved.`);
    }
    for (const m of it.InputTemplate.matchAll(PLACEHOLDER)) {
      const name = m[1];
      if (!Object.prototype.hasOwnProperty.call(map, name) && !PREDEFINED.has(name)) {
        throw new ValidationException(`InputTemplate for target ${t.Id} contains invalid placeholder ${name}.`);
      }
    }
  }
}

function withoutDetail(event: EventBridgeEnvelope): Record<string, unknown> {
  const { detail: _detail, ...rest } = event;
  return rest;
}

function insertInString(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) return JSON.stringify(v).replace(/"/g, '');
  return JSON.stringify(v);
}

function insertAsValue(v: unknown): string {
  return v === undefined ? 'null' : JSON.stringify(v);
}

/** Fills a template (see the module comment for the rules). */
export function fillTemplate(template: string, vars: ReadonlyMap<string, unknown>): string {
  const trimmed = template.trimStart();
  const jsonTemplate = trimmed.startsWith('{') || trimmed.startsWith('[');
  const quotedTemplate = trimmed.startsWith('"');
  const tracksStrings = jsonTemplate || quotedTemplate;
  let out = '';
  let inString = false;
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === '<') {
      PLACEHOLDER.lastIndex = i;
      const m = PLACEHOLDER.exec(template);
      if (m && m.index === i && vars.has(m[1])) {
        const v = vars.get(m[1]);
        const name = m[1];
        // aws.events.event(.json) are inserted unescaped wherever they appear ("Can only be used
        // as a value for a JSON field, as its contents are not escaped").
        if (name === 'aws.events.event' || name === 'aws.events.event.json') out += insertAsValue(v);
        else out += !tracksStrings || inString ? insertInString(v) : insertAsValue(v);
        i += m[0].length;
        continue;
      }
    }
    if (tracksStrings) {
      if (c === '\\' && inString && i + 1 < template.length) {
        out += c + template[i + 1];
        i += 2;
        continue;
      }
      if (c === '"') inString = !inString;
    }
    out += c;
    i++;
  }
  if (jsonTemplate) {
    try {
      return JSON.stringify(JSON.parse(out));
    } catch {
      return out;
    }
  }
  return out;
}

/** The variables of a transformer for one event and rule. */
export function templateVariables(t: Target, event: EventBridgeEnvelope, ctx: TransformContext): Map<string, unknown> {
  const vars = new Map<string, unknown>();
  for (const [k, p] of Object.entries(t.InputTransformer?.InputPathsMap ?? {})) {
    const path = parseJsonPath(p);
    vars.set(k, path ? selectJsonPath(event, path) : undefined);
  }
  vars.set('aws.events.rule-arn', ctx.ruleArn);
  vars.set('aws.events.rule-name', ctx.ruleName);
  vars.set('aws.events.event.ingestion-time', ctx.ingestionTime);
  vars.set('aws.events.event', withoutDetail(event));
  vars.set('aws.events.event.json', event);
  return vars;
}

/**
 * The text a target receives for `event`: the event's JSON, `Input` as given, the JSON of what
 * `InputPath` selects, or the filled `InputTemplate`.
 */
export function targetPayload(t: Target, event: EventBridgeEnvelope, eventJson: string, ctx: TransformContext): string {
  if (t.Input !== undefined) return t.Input;
  if (t.InputPath !== undefined) {
    const path = parseJsonPath(t.InputPath);
    const v: JsonValue | undefined = path ? selectJsonPath(event, path) : undefined;
    return JSON.stringify(v ?? null);
  }
  if (t.InputTransformer) return fillTemplate(t.InputTransformer.InputTemplate, templateVariables(t, event, ctx));
  return eventJson;
}
