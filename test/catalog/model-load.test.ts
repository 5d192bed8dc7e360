import { describe, expect, it, vi } from 'vitest';

// Runs in the isolated project (vitest.config.ts: ISOLATED): the generated operations are
// built once per process, so each test loads the library afresh (vi.resetModules) and
// watches what builds them.
async function fresh() {
  vi.resetModules();
  const [catalog, ops, effects, resources, plan] = await Promise.all([
    import('../../src/catalog/catalog.js'),
    import('../../src/catalog/model-ops.js'),
    import('../../src/catalog/resource-effects.js'),
    import('../../src/world/resources.js'),
    import('../../src/cli/generate-plan.js'),
  ]);
  return { ...catalog, ...ops, ...effects, ...resources, ...plan };
}

describe('the generated operations are built on first need', () => {
  it('not for hand-tuned lookups, nor for a whole `trailsim generate` day', async () => {
    const { defaultCatalog, modelOperationsBuilt, GenerationPlan } = await fresh();
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

  it('a model type ARN names the model service, before any catalog asked for them', async () => {
    const { makeResource, modelOperationsBuilt } = await fresh();
    expect(modelOperationsBuilt()).toBe(false);
    // AWS::AccessAnalyzer::Analyzer: the IAM prefix is access-analyzer, not the type's lower case.
    expect(makeResource('AWS::AccessAnalyzer::Analyzer', 'a1', '111122223333', 'us-east-1', 'aws').arn).toBe('arn:aws:access-analyzer:us-east-1:111122223333:analyzer/a1');
    expect(modelOperationsBuilt()).toBe(true);
  });

  it('the lifecycle of a model type is there, before any catalog asked for them', async () => {
    const { lifecycleOps, modelOperationsBuilt } = await fresh();
    expect(modelOperationsBuilt()).toBe(false);
    expect(lifecycleOps('AWS::AccessAnalyzer::Analyzer')).toEqual({ create: 'access-analyzer.amazonaws.com:CreateAnalyzer', delete: 'access-analyzer.amazonaws.com:DeleteAnalyzer' });
    expect(modelOperationsBuilt()).toBe(true);
  });

  it('a lookup only the generated operations answer brings them into the catalog', async () => {
    const { Catalog, modelOperationsBuilt } = await fresh();
    const c = Catalog.withDefaults();
    expect(modelOperationsBuilt()).toBe(false);
    expect(c.get('access-analyzer:CreateAnalyzer')?.origin).toBe('model');
    expect(modelOperationsBuilt()).toBe(true);
    expect(c.size).toBeGreaterThan(10_000);
  });
});
