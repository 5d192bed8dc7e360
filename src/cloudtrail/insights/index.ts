/**
 * CloudTrail Insights: the engine, trailsim's detection policy, the Insights record shape
 * helpers and the workloads that inject unusual activity. See README.md in this folder.
 */
export { InsightsEngine, type InsightsHost, type InsightsEnableInput, type InsightSelection } from './engine.js';
export { DEFAULT_INSIGHTS_POLICY, INSIGHT_TYPES, resolvePolicy, type InsightsPolicy, type InsightType, type ResolvedPolicy } from './policy.js';
export { roundAverage, MAX_ATTRIBUTION_VALUES } from './record.js';
export {
  injectBurst,
  injectErrorStorm,
  addPeriodicJob,
  type WorkloadHost,
  type BurstOptions,
  type ErrorStormOptions,
  type PeriodicJobOptions,
  type PeriodicJob,
  type Injection,
  type ParamsOf,
} from './workload.js';
