import { describe, expect, it } from 'vitest';
import { Catalog, defaultCatalog } from '../../src/catalog/catalog.js';
import { modelOperationsBuilt } from '../../src/catalog/model-ops.js';
import { lifecycleOps } from '../../src/catalog/resource-effects.js';
import { makeResource } from '../../src/world/resources.js';
import { GenerationPlan } from '../../src/cli/generate-plan.js';

// Runs in a module graph of its own (vitest.config.ts: ISOLATED): the generated operations
// are built once per process, and this file watches when.
describe('the generated operations are built on first need', () => {
  it('not for hand-tuned lookups, nor for a whole `trailsim generate` day', () => {
    expect(modelOperationsBuilt()).toBe(false);
    const c = defaultCatalog();
    expect(c.resolve('iam:CreateUser').origin).toBe('hand');
    expect(c.resolve('s3.amazonaws.com:GetObject').origin).toBe('hand');
    expect(c.resolve('lambda:UpdateFunctionConfiguration20150331v2').name).toBe('UpdateFunctionConfiguration');
    const plan = new GenerationPlan({ accounts: 1, regions: ['us-east-1'], days: 1, rate: '200/h', seed: 3 });
    let n = 0;
    for (const { unit } of plan.units(1)) plan.produce(unit, () => void n++);
    expect(n).toBeGreaterThan(1000);
    expect(modelOperationsBuilt()).toBe(false);
  });

  it('a model type ARN, before any catalog asked for them, names the model service', () => {
    // AWS::AccessAnalyzer::Analyzer: the IAM prefix is access-analyzer, not the type's lower case.
    expect(modelOperationsBuilt()).toBe(false);
    expect(makeResource('AWS::AccessAnalyzer::Analyzer', 'a1', '111122223333', 'us-east-1', 'aws').arn).toBe('arn:aws:access-analyzer:us-east-1:111122223333:analyzer/a1');
    expect(modelOperationsBuilt()).toBe(true);
  });

  it('lifecycles of model types are there without a lookup', () => {
    expect(lifecycleOps('AWS::AccessAnalyzer::Analyzer')).toEqual({ create: 'access-analyzer.amazonaws.com:CreateAnalyzer', delete: 'access-analyzer.amazonaws.com:DeleteAnalyzer' });
  });

  it('a lookup only the generated operations answer brings them into the catalog', () => {
    const c = Catalog.withDefaults();
    expect(c.get('access-analyzer:CreateAnalyzer')?.origin).toBe('model');
    expect(c.size).toBeGreaterThan(10_000);
  });
});
