/**
 * trailsim/coverage: run attack playbooks and a benign baseline, evaluate detections (Sigma
 * rules and your own JavaScript/TypeScript detections) over both, and report which
 * detections catch which playbooks, how noisy each is, and an ATT&CK matrix of coverage.
 *
 * @example
 * import { coverage, loadDetections } from 'trailsim/coverage';
 * const result = await coverage({ rules: await loadDetections('detections/'), scenarios: { tactic: 'defense-evasion' } });
 */
export { coverage, buildMatrix, selectPlaybooks, CoverageSelectionError, DuplicateDetectionError } from './coverage.js';
export type { CoverageOptions, CoverageRule, ScenarioFilter, GeneratedBaseline, RecordsBaseline, CoverageProgress } from './coverage.js';
export { defineDetection, assertDetection, detectionsOfModule, fromDetection, fromSigma, InvalidDetectionError } from './detection.js';
export type { Detection, CoverageDetection } from './detection.js';
export { loadDetections, loadSigmaDetections, bundledDetectionsDir } from './load.js';
export { TACTIC_ORDER, techniqueName, techniqueTactics, compareTactics } from './attack.js';
export { COVERAGE_FORMAT } from './types.js';
export type { CoverageResult, DetectionCoverage, PlaybookCoverage, MatrixTactic, MatrixTechnique, BaselineSummary } from './types.js';
export { checkCoverage, CoverageAssertionError } from './check.js';
export type { CoverageExpectations } from './check.js';
