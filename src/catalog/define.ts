import type { JsonObject, ResourceRef } from '../record/types.js';
import type { RequestIdStyle } from '../core/ids.js';
import type { CallContext, ErrorMode, OperationSpec } from './types.js';
import { isReadOnlyName } from './read-only.js';
import { setDeniedResource } from './denied-resource.js';

/** One hand-tuned operation, before the service's defaults are applied. */
export interface OpDef {
  name: string;
  eventName?: string;
  /** Default: the verb rule in read-only.ts. */
  readOnly?: boolean;
  /** Default `Management`; `Data` when `dataResourceType` is set. */
  category?: 'Management' | 'Data';
  eventType?: OperationSpec['eventType'];
  dataResourceType?: string;
  requestIdStyle?: RequestIdStyle;
  apiVersion?: string;
  global?: boolean;
  tls?: boolean;
  host?: (region: string, request?: JsonObject | null) => string;
  request?: (ctx: CallContext) => JsonObject | null;
  response?: (ctx: CallContext, request: JsonObject | null) => JsonObject | null;
  resources?: (ctx: CallContext, request: JsonObject | null, response: JsonObject | null) => ResourceRef[] | undefined;
  /**
   * The resource an access-denied message names, for operations whose records carry no
   * resources[] (see denied-resource.ts).
   */
  deniedResource?: (ctx: CallContext, request: JsonObject | null, response: JsonObject | null) => ResourceRef[] | undefined;
  additionalEventData?: (ctx: CallContext, request: JsonObject | null) => JsonObject | undefined;
  serviceEventDetails?: (ctx: CallContext) => JsonObject | undefined;
  resourceOwner?: (ctx: CallContext, request: JsonObject | null) => string | undefined;
  redact?: (request: JsonObject) => JsonObject;
  onError?: OperationSpec['onError'];
  errors?: readonly ErrorMode[];
}

/** Defaults shared by every operation of one service file. */
export interface ServiceDefaults {
  service: string;
  eventSource: string;
  global?: boolean;
  apiVersion?: string;
  requestIdStyle?: RequestIdStyle;
  host?: (region: string, request?: JsonObject | null) => string;
  /** Applied to every operation unless it sets its own. */
  additionalEventData?: OpDef['additionalEventData'];
  /** Error modes every operation of the service can fail with, after its own. */
  errors?: readonly ErrorMode[];
}

/** Builds frozen `OperationSpec`s (origin `hand`) from a service's definitions. */
export function defineService(base: ServiceDefaults, defs: readonly OpDef[]): OperationSpec[] {
  return defs.map((d) => {
    const spec: { -readonly [K in keyof OperationSpec]: OperationSpec[K] } = {
      service: base.service,
      name: d.name,
      eventSource: base.eventSource,
      readOnly: d.readOnly ?? isReadOnlyName(d.name),
      category: d.category ?? (d.dataResourceType ? 'Data' : 'Management'),
      origin: 'hand',
    };
    if (d.eventName && d.eventName !== d.name) spec.eventName = d.eventName;
    if (d.eventType) spec.eventType = d.eventType;
    const global = d.global ?? base.global;
    if (global) spec.global = true;
    const apiVersion = d.apiVersion ?? base.apiVersion;
    if (apiVersion) spec.apiVersion = apiVersion;
    const rid = d.requestIdStyle ?? base.requestIdStyle;
    if (rid) spec.requestIdStyle = rid;
    if (d.dataResourceType) spec.dataResourceType = d.dataResourceType;
    if (d.tls !== undefined) spec.tls = d.tls;
    const host = d.host ?? base.host;
    if (host) spec.host = host;
    if (d.request) spec.request = d.request;
    if (d.response) spec.response = d.response;
    if (d.resources) spec.resources = d.resources;
    const aed = d.additionalEventData ?? base.additionalEventData;
    if (aed) spec.additionalEventData = aed;
    if (d.serviceEventDetails) spec.serviceEventDetails = d.serviceEventDetails;
    if (d.resourceOwner) spec.resourceOwner = d.resourceOwner;
    if (d.onError) spec.onError = d.onError;
    if (d.redact) spec.redact = d.redact;
    const errors = [...(d.errors ?? []), ...(base.errors ?? [])];
    if (errors.length > 0) spec.errors = Object.freeze(errors);
    const frozen = Object.freeze(spec) as OperationSpec;
    if (d.deniedResource) setDeniedResource(frozen, d.deniedResource);
    return frozen;
  });
}
