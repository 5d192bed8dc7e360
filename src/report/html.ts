/**
 * One self-contained HTML page: styles, Chart.js (read from its npm package at run time and
 * inlined), the data as embedded JSON, and the drawing script. It loads nothing from the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TrailsimError } from '../core/errors.js';
import type { CoverageResult } from '../coverage/types.js';
import type { ActivityData } from './aggregate.js';
import { CLIENT_SCRIPT } from './client.js';
import { VERSION } from '../version.js';
import { packageRoot } from '../core/package-root.js';

/** What a report page shows. */
export interface ReportData {
  readonly title: string;
  /** What was read, one line each (`2 JSONL files`, `coverage.json`). */
  readonly sources: readonly string[];
  readonly activity?: ActivityData;
  readonly coverage?: CoverageResult;
}

let chartJs: string | undefined;

/** Chart.js's UMD build, from the chart.js package trailsim depends on. */
export function chartJsSource(): string {
  if (chartJs) return chartJs;
  try {
    // Resolved from trailsim's own package.json: works from a clone and from an install (hoisted or not).
    const require = createRequire(join(packageRoot(), 'package.json'));
    // The package's exports map does not expose the UMD file; its main entry sits beside it.
    const main = require.resolve('chart.js');
    chartJs = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
  } catch (e) {
    throw new TrailsimError(`Cannot read Chart.js from the chart.js package (a dependency of trailsim; reinstall it): ${(e as Error).message}`, { cause: e });
  }
  return chartJs;
}

/** Text safe inside a <script> element: no `</script`, no HTML comment openers. */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON safe inside a <script type="application/json"> element. */
function jsonSafe(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
:root { --fg: #16191f; --muted: #5f6b7a; --line: #e9ebed; --bg: #fafafa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { background: #232f3e; color: #fff; padding: 16px 28px; }
header h1 { margin: 0; font-size: 20px; }
header .meta { color: #d5dbdb; font-size: 12px; margin-top: 4px; }
nav { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding: 8px 28px; }
nav a { margin-right: 18px; color: #0972d3; text-decoration: none; font-weight: 600; }
main { padding: 8px 28px 40px; max-width: 1400px; }
#cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 120px; }
.card .v { font-size: 22px; font-weight: 700; } .card .l { color: var(--muted); font-size: 12px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 20px 16px; margin: 16px 0; }
h2 { font-size: 18px; margin: 10px 0; } h3 { font-size: 15px; margin: 18px 0 6px; }
.intro { color: var(--muted); margin-top: 0; }
.chart { position: relative; width: 100%; margin: 8px 0; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f3f3; font-weight: 600; } table.small { font-size: 12px; }
code { font-size: 11px; color: var(--muted); }
.matrix { display: flex; gap: 6px; overflow-x: auto; padding-bottom: 6px; }
.matrix .col { min-width: 130px; flex: 1 0 130px; }
.matrix .tactic { font-weight: 700; text-transform: capitalize; font-size: 12px; padding: 6px; background: #232f3e; color: #fff; border-radius: 4px; margin-bottom: 4px; }
.matrix .cell { border-radius: 4px; padding: 5px 6px; margin-bottom: 4px; font-size: 11px; border: 1px solid rgba(0,0,0,0.08); }
.matrix .cell b, .matrix .cell span, .matrix .cell small { display: block; }
.covered { background: #b7e4c7; } .partial { background: #ffe299; } .uncovered { background: #f5b7b1; }
.legend .sw { display: inline-block; width: 14px; height: 14px; vertical-align: middle; border-radius: 3px; margin-left: 10px; }
footer { color: var(--muted); font-size: 12px; padding: 0 28px 20px; }
`;

/** The page for `data`. */
export function renderReportHtml(data: ReportData): string {
  const title = escapeHtml(data.title);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${title}</h1><div class="meta">trailsim ${escapeHtml(VERSION)} · ${escapeHtml(data.sources.join(' · '))}</div></header>
<nav id="nav"></nav>
<main id="main"><div id="cards"></div></main>
<footer>Made by trailsim ${escapeHtml(VERSION)} from simulated CloudTrail records. Charts: Chart.js (MIT licence), inlined.</footer>
<script type="application/json" id="trailsim-data">${jsonSafe(data)}</script>
<script>${scriptSafe(chartJsSource())}</script>
<script>${scriptSafe(CLIENT_SCRIPT)}</script>
</body>
</html>
`;
}
