/**
 * Reports: one self-contained HTML page (no network) from an output folder: activity over
 * time by account, region and principal, the Insights charts, top callers and operations,
 * errors, sign-ins, and the detection coverage matrix.
 */
export { buildReportData, writeReport, coverageHtml, type ReportOptions } from './build.js';
export { renderReportHtml, chartJsSource, type ReportData } from './html.js';
export { findReportSources, recordsOf, ReportInputError, type ReportSources } from './input.js';
export { ActivityAggregator, principalLabel } from './aggregate.js';
export type { ActivityData, Series, Ranked, SignInRow, InsightChart } from './aggregate.js';
