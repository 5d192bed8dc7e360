/**
 * Issue 11's bar, checked with coverage(): every shipped playbook is caught by at least one
 * bundled Sigma rule or one of the project's example detections (detections/). Runs when the
 * package has its detections/ folder; prints the counts either way.
 */
import { describe, expect, it } from 'vitest';
import { bundledDetectionsDir, coverage, loadDetections, loadSigmaDetections } from '../../src/coverage/index.js';
import { bundledSigmaRulesDir } from '../../src/sigma/index.js';

const examples = bundledDetectionsDir();
if (!examples) console.warn('library coverage bar skipped: the package has no detections/ folder of example detections yet');

describe.skipIf(!examples)('the shipped playbooks against the shipped detections', () => {
  it('every playbook is caught by a bundled Sigma rule or an example detection', async () => {
    const sigma = loadSigmaDetections(bundledSigmaRulesDir());
    const own = await loadDetections(examples!);
    const result = await coverage({ rules: [...sigma, ...own], baseline: false });
    const firing = result.detections.filter((d) => d.kind === 'sigma' && d.caught.length > 0).length;
    console.log(`library coverage: ${result.totals.caught}/${result.totals.playbooks} playbooks caught; ${firing}/${sigma.length} Sigma rules fire; ${result.totals.techniquesCovered}/${result.totals.techniques} ATT&CK techniques fully covered`);
    expect(result.playbooks.filter((p) => p.caughtBy.length === 0).map((p) => p.name)).toEqual([]);
    // Every example detection catches what it says it catches.
    expect(result.detections.filter((d) => d.kind === 'module' && d.missed.length > 0).map((d) => `${d.id}: ${d.missed.join(', ')}`)).toEqual([]);
  });
});
