/**
 * Insights records (cloudtrail-reference.md §3; lake-and-insights.md §3): no caller
 * fields, a sharedEventID that links the Start and End records, and insightDetails.
 */
import type { RecordContext } from './context.js';
import { EVENT_SOURCE, show } from './formats.js';
import { child, isObject, own, type JsonRecord } from './json.js';

/** The only top-level fields an Insights record carries (ref §3, record-contents "Record fields for Insights events"). */
export const INSIGHT_FIELDS: ReadonlySet<string> = new Set([
  'eventVersion', 'eventTime', 'awsRegion', 'eventID', 'eventType', 'recipientAccountId',
  'sharedEventID', 'insightDetails', 'eventCategory',
]);

const DETAIL_FIELDS: ReadonlySet<string> = new Set(['state', 'eventSource', 'eventName', 'insightType', 'errorCode', 'insightContext']);
const CONTEXT_FIELDS: ReadonlySet<string> = new Set(['statistics', 'attributions']);
const STATISTICS_FIELDS: ReadonlySet<string> = new Set(['baseline', 'insight', 'insightDuration', 'baselineDuration']);
const ATTRIBUTES: ReadonlySet<string> = new Set(['userIdentityArn', 'userAgent', 'errorCode']);
/** Attributions list up to five values per side; the rest are summed as "Other" (lake-and-insights.md §3). */
const MAX_ATTRIBUTION_VALUES = 5;

/**
 * `knownField` says whether a top-level key is a documented record field; unknown keys are
 * reported once, by `record.unknownField`, not again here.
 */
export function checkInsightRecord(ctx: RecordContext, knownField: (k: string) => boolean): void {
  const { f, r } = ctx;
  for (const k of Object.keys(r)) {
    if (knownField(k) && !INSIGHT_FIELDS.has(k) && r[k] !== undefined) {
      f.add('insight.extraField', child('', k), `Insights records do not carry ${k}; they have only ${[...INSIGHT_FIELDS].join(', ')}`);
    }
  }
  if (own(r, 'sharedEventID') === undefined) {
    f.add('insight.sharedEventID', 'sharedEventID', 'Insights record has no sharedEventID; the Start and End records of one Insight share it');
  }
  const details = own(r, 'insightDetails');
  if (details === undefined) f.add('insightDetails.missing', 'insightDetails', 'Insights record has no insightDetails');
  else checkInsightDetails(ctx, details);
}

function isAverage(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function checkInsightDetails(ctx: RecordContext, d: unknown): void {
  const { f } = ctx;
  const P = 'insightDetails';
  if (!isObject(d)) {
    f.add('insightDetails.shape', P, `insightDetails is ${show(d)}; expected an object`);
    return;
  }
  unknownKeys(ctx, d, DETAIL_FIELDS, P);
  const state = own(d, 'state');
  if (state !== 'Start' && state !== 'End') f.add('insightDetails.state', child(P, 'state'), `insightDetails.state is ${show(state)}; expected "Start" or "End"`);
  const source = own(d, 'eventSource');
  if (typeof source !== 'string' || !EVENT_SOURCE.test(source)) f.add('insightDetails.eventSource', child(P, 'eventSource'), `insightDetails.eventSource is ${show(source)}; expected the subject API's <service>.amazonaws.com`);
  const name = own(d, 'eventName');
  if (typeof name !== 'string' || name === '') f.add('insightDetails.eventName', child(P, 'eventName'), `insightDetails.eventName is ${show(name)}; expected the subject API name`);
  const type = own(d, 'insightType');
  if (type !== 'ApiCallRateInsight' && type !== 'ApiErrorRateInsight') f.add('insightDetails.insightType', child(P, 'insightType'), `insightType is ${show(type)}; expected ApiCallRateInsight or ApiErrorRateInsight`);
  const errorCode = own(d, 'errorCode');
  if (type === 'ApiErrorRateInsight' && (typeof errorCode !== 'string' || errorCode === '')) {
    f.add('insightDetails.errorCode', child(P, 'errorCode'), `an ApiErrorRateInsight names the error it counts; errorCode is ${show(errorCode)}`);
  } else if (type === 'ApiCallRateInsight' && errorCode !== undefined) {
    f.add('insightDetails.errorCode', child(P, 'errorCode'), `an ApiCallRateInsight has no errorCode (found ${show(errorCode)}); only ApiErrorRateInsight counts an error`);
  }

  const ic = own(d, 'insightContext');
  const CP = child(P, 'insightContext');
  if (!isObject(ic)) {
    f.add('insightDetails.shape', CP, `insightDetails.insightContext is ${show(ic)}; expected {statistics, attributions?}`);
    return;
  }
  unknownKeys(ctx, ic, CONTEXT_FIELDS, CP);
  checkStatistics(ctx, own(ic, 'statistics'), child(CP, 'statistics'), state);
  const attributions = own(ic, 'attributions');
  if (attributions !== undefined) checkAttributions(ctx, attributions, child(CP, 'attributions'), type);
}

function checkStatistics(ctx: RecordContext, st: unknown, SP: string, state: unknown): void {
  const { f } = ctx;
  const baseline = isObject(st) ? own(st, 'baseline') : undefined;
  const insight = isObject(st) ? own(st, 'insight') : undefined;
  const ok = isObject(baseline) && isAverage(own(baseline, 'average')) && isObject(insight) && isAverage(own(insight, 'average'));
  if (!ok) f.add('insightDetails.statistics', SP, `statistics is ${show(st)}; expected {baseline: {average}, insight: {average}} with non-negative numbers (per-minute rates)`);
  if (!isObject(st)) return;
  unknownKeys(ctx, st, STATISTICS_FIELDS, SP);
  const duration = own(st, 'insightDuration');
  if (duration === undefined ? state === 'End' : !isAverage(duration)) {
    f.add('insightDetails.insightDuration', child(SP, 'insightDuration'), `insightDuration is ${show(duration)}; expected a non-negative number of minutes${state === 'End' ? ' (the End record carries it)' : ''}`);
  }
  const baselineDuration = own(st, 'baselineDuration');
  if (!isAverage(baselineDuration)) {
    f.add('insightDetails.baselineDuration', child(SP, 'baselineDuration'), `baselineDuration is ${show(baselineDuration)}; expected a non-negative number of minutes`);
  }
}

function checkAttributions(ctx: RecordContext, list: unknown, AP: string, insightType: unknown): void {
  const bad = (path: string, what: string) => ctx.f.add('insightDetails.attributions', path, what);
  if (!Array.isArray(list)) {
    bad(AP, `attributions is ${show(list)}; expected an array of {attribute, insight, baseline}`);
    return;
  }
  const seen = new Set<string>();
  list.forEach((a: unknown, i) => {
    const ip = child(AP, i);
    if (!isObject(a)) return bad(ip, `attribution is ${show(a)}; expected {attribute, insight, baseline}`);
    const attribute = own(a, 'attribute');
    if (typeof attribute !== 'string' || !ATTRIBUTES.has(attribute)) bad(child(ip, 'attribute'), `attribute is ${show(attribute)}; expected userIdentityArn, userAgent or errorCode`);
    else {
      if (seen.has(attribute)) bad(child(ip, 'attribute'), `attribute ${attribute} is listed twice`);
      seen.add(attribute);
      if (attribute === 'errorCode' && insightType === 'ApiErrorRateInsight') bad(child(ip, 'attribute'), 'an ApiErrorRateInsight has no errorCode attribution; it already counts a single error code');
    }
    for (const side of ['insight', 'baseline'] as const) checkAttributionValues(own(a, side), child(ip, side), bad);
    for (const k of Object.keys(a)) if (k !== 'attribute' && k !== 'insight' && k !== 'baseline') unknownKey(ctx, child(ip, k), k);
  });
}

function checkAttributionValues(values: unknown, VP: string, bad: (path: string, what: string) => void): void {
  if (!Array.isArray(values)) return bad(VP, `${show(values)} is not an array of {value, average}`);
  let named = 0;
  let others = 0;
  let previous = Infinity;
  values.forEach((e: unknown, i) => {
    if (!isObject(e) || typeof own(e, 'value') !== 'string' || !isAverage(own(e, 'average'))) {
      return bad(child(VP, i), `${show(e)} is not {value: string, average: non-negative number}`);
    }
    const average = own(e, 'average') as number;
    if (own(e, 'value') === 'Other') {
      others++;
      return;
    }
    named++;
    if (average > previous) bad(child(VP, i), `values are not sorted by average, descending (${average} after ${previous})`);
    previous = average;
  });
  if (named > MAX_ATTRIBUTION_VALUES) bad(VP, `${named} values listed; at most ${MAX_ATTRIBUTION_VALUES}, the rest summed as "Other"`);
  if (others > 1) bad(VP, `"Other" appears ${others} times; expected at most once`);
}

function unknownKeys(ctx: RecordContext, o: JsonRecord, known: ReadonlySet<string>, path: string): void {
  for (const k of Object.keys(o)) if (!known.has(k)) unknownKey(ctx, child(path, k), k);
}

function unknownKey(ctx: RecordContext, path: string, k: string): void {
  ctx.f.add('insightDetails.unknownField', path, `${path} is not a documented Insights field ("${k}")`);
}
