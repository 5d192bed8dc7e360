/** `buildReport(dir)`: read a folder, aggregate its records, render one self-contained HTML page. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { ActivityAggregator } from './aggregate.js';
import { findReportSources, recordsOf, type ReportSources } from './input.js';
import { renderReportHtml, type ReportData } from './html.js';
import type { CoverageResult } from '../coverage/types.js';

export interface ReportOptions {
  /** Page title. @defaultValue `trailsim report: <folder name>` */
  readonly title?: string;
}

/** Reads `dir` (records.jsonl files, an S3 tree of CloudTrail files, coverage.json) into the report's data. */
export async function buildReportData(dir: string, options: ReportOptions = {}): Promise<ReportData> {
  const src: ReportSources = findReportSources(dir);
  const sources: string[] = [];
  let activity;
  if (src.jsonl.length > 0 || src.logFiles.length > 0) {
    const agg = new ActivityAggregator();
    for await (const r of recordsOf(src)) agg.add(r);
    let insights;
    if (agg.hasInsights) {
      // A second pass counts, per minute, the calls each Insights event is about.
      const counter = agg.insightCounter();
      for await (const r of recordsOf(src)) counter.add(r);
      insights = counter.charts();
    }
    activity = agg.result(insights);
    if (src.jsonl.length > 0) sources.push(src.jsonl.length === 1 ? relative(dir, src.jsonl[0]) || basename(src.jsonl[0]) : `${src.jsonl.length} JSONL files`);
    else sources.push(`${src.logFiles.length} CloudTrail log file${src.logFiles.length === 1 ? '' : 's'} (S3 tree)`);
  }
  let coverage: CoverageResult | undefined;
  if (src.coverage.length > 0) {
    coverage = src.coverage[0].result;
    sources.push(relative(dir, src.coverage[0].file) || basename(src.coverage[0].file));
  }
  return {
    title: options.title ?? `trailsim report: ${basename(resolve(dir))}`,
    sources,
    ...(activity ? { activity } : {}),
    ...(coverage ? { coverage } : {}),
  };
}

/** Builds the report of `dir` and writes it to `out`; returns the data drawn. */
export async function writeReport(dir: string, out: string, options: ReportOptions = {}): Promise<ReportData> {
  const data = await buildReportData(dir, options);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, renderReportHtml(data));
  return data;
}

/** The coverage report page alone (what `trailsim coverage --out` writes beside coverage.json). */
export function coverageHtml(result: CoverageResult, title = 'trailsim detection coverage'): string {
  return renderReportHtml({ title, sources: [`${result.totals.playbooks} playbooks`, `${result.totals.detections} detections`, `baseline ${result.baseline.records} records`], coverage: result });
}
