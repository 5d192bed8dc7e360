/**
 * Insights records, shaped as CloudTrail writes them for trails
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html;
 * shared/reference/cloudtrail-reference.md §3). Only the Insights top-level fields: no
 * userIdentity, eventSource, eventName, sourceIPAddress or userAgent.
 */
import { formatEventTime } from '../../core/time.js';
import { EVENT_VERSION, type InsightAttribution, type InsightAttributionValue, type InsightDetails, type InsightRecord } from '../../record/types.js';
import { ATTRIBUTES, MINUTE_MS, type SubjectKey, type Tally } from './series.js';

/** Attributions list at most five values per attribute and side, highest average first (insight-details doc). */
export const MAX_ATTRIBUTION_VALUES = 5;

/**
 * Averages are rounded to 10 decimal places, the precision of the documented examples
 * (`0.0000882145`, `0.0166666667`).
 */
export function roundAverage(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}

function top(counts: Map<string, number>, minutes: number): InsightAttributionValue[] {
  const entries = [...counts.entries()];
  // Highest count first; ties by value so the order is deterministic.
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return entries.slice(0, MAX_ATTRIBUTION_VALUES).map(([value, c]) => ({ value, average: roundAverage(c / minutes) }));
}

/** The attributions block: per attribute, the top values of the insight period and of the baseline. */
export function attributions(insight: Tally, insightMinutes: number, baseline: Tally, baselineMinutes: number): InsightAttribution[] {
  const out: InsightAttribution[] = [];
  for (let i = 0; i < insight.values.length; i++) {
    out.push({
      attribute: ATTRIBUTES[i],
      insight: insightMinutes > 0 ? top(insight.values[i], insightMinutes) : [],
      baseline: baselineMinutes > 0 ? top(baseline.values[i], baselineMinutes) : [],
    });
  }
  return out;
}

export interface InsightStatisticsInput {
  state: 'Start' | 'End';
  baselineAverage: number;
  insightAverage: number;
  insightDuration: number;
  baselineDuration: number;
  attributions: InsightAttribution[];
}

/** `insightDetails` in CloudTrail's key order (state, eventSource, eventName, insightType, errorCode, insightContext). */
export function insightDetails(key: SubjectKey, s: InsightStatisticsInput): InsightDetails {
  const d: InsightDetails = {
    state: s.state,
    eventSource: key.eventSource,
    eventName: key.eventName,
    insightType: key.type,
    ...(key.type === 'ApiErrorRateInsight' && key.errorCode !== undefined ? { errorCode: key.errorCode } : {}),
    insightContext: {
      statistics: {
        baseline: { average: roundAverage(s.baselineAverage) },
        insight: { average: roundAverage(s.insightAverage) },
        insightDuration: s.insightDuration,
        baselineDuration: s.baselineDuration,
      },
      attributions: s.attributions,
    },
  };
  return d;
}

/**
 * One Insights record. Key order as in AWS's Insights examples (the event reference's
 * "CloudTrail Insights event log example"): eventVersion, eventTime, awsRegion, eventID,
 * eventType, recipientAccountId, sharedEventID, insightDetails, eventCategory. Note that
 * Insights records put `insightDetails` before `eventCategory`.
 */
export function insightRecord(key: SubjectKey, minute: number, eventID: string, sharedEventID: string, details: InsightDetails): InsightRecord {
  return {
    eventVersion: EVENT_VERSION,
    eventTime: formatEventTime(minute * MINUTE_MS),
    awsRegion: key.region,
    eventID,
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: key.accountId,
    sharedEventID,
    insightDetails: details,
    eventCategory: 'Insight',
  };
}
