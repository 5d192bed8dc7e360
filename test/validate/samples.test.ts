import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../src/validate/index.js';
import { SAMPLE_LINES, base, errorRateInsight, hand, insightPair, sampleSource, samples } from './records.js';

describe('real CloudTrail samples', () => {
  it('has the 146 records the fixture README describes', () => {
    expect(SAMPLE_LINES).toHaveLength(146);
  });

  it('every sample passes with zero violations under the default options', () => {
    const failures = samples()
      .map((r, i) => ({ line: i + 1, violations: validateRecord(r) }))
      .filter((x) => x.violations.length > 0);
    expect(failures).toEqual([]);
  });

  it('every sample also passes when declared as trail or Lake delivery', () => {
    for (const delivery of ['trail', 'lake'] as const) {
      const bad = samples().filter((r) => validateRecord(r, { delivery }).length > 0);
      expect(bad).toEqual([]);
    }
  });

  it('accepts anonymised region names by shape (e.g. apiso-northsouth-3r)', () => {
    const regions = new Set(samples().map((r) => r.awsRegion));
    expect(regions).toContain('apiso-northsouth-3r');
  });

  it('strict key order: the unedited trail file (opensearch-catalog) passes, re-ordered datasets do not', () => {
    const all = samples();
    all.forEach((r, i) => {
      const rules = validateRecord(r, { strictKeyOrder: true }).map((v) => v.rule);
      if (sampleSource(i) === 'opensearch-project/opensearch-catalog') expect(rules).toEqual([]);
      else expect(rules).toEqual(['record.keyOrder']);
    });
  });

  it('the rule-test bases are distinct real records', () => {
    for (const make of Object.values(base)) expect(validateRecord(make())).toEqual([]);
  });
});

describe('hand-built records for kinds the samples lack', () => {
  const cases = { ...hand, insightStart: () => insightPair().start, insightEnd: () => insightPair().end, errorRateInsight };
  for (const [name, make] of Object.entries(cases)) {
    it(`${name} passes`, () => {
      expect(validateRecord(make())).toEqual([]);
    });
  }
});
