import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Catalog } from '../../src/catalog/catalog.js';
import { modelOperationSpecs } from '../../src/catalog/model-ops.js';
import { handOperations } from '../../src/catalog/services/index.js';
import type { OperationSpec } from '../../src/catalog/types.js';

/**
 * Catalog.withDefaults() adds the generated operations on first need (model-load.ts). Every
 * answer must be the one of the eager build it replaced: all generated operations first,
 * then the hand-tuned ones, then whatever users register.
 */
function eager(): Catalog {
  const c = new Catalog();
  for (const s of modelOperationSpecs()) c.register(s);
  for (const s of handOperations()) c.register(s);
  return c;
}

const show = (s: OperationSpec | undefined) => (s ? `${s.origin}|${s.service}|${s.eventSource}|${s.name}|${s.eventName ?? ''}` : 'none');
const outcome = (c: Catalog, name: string) => {
  try {
    return show(c.resolve(name));
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
};

const reference = eager();
const specs = reference.list();
/** Every way users write names, and near misses: hand-tuned, generated, eventName, eventSource and its stem, case, typos. */
const names = [...new Set(specs.flatMap((s) => {
  const stem = s.eventSource.replace(/\.amazonaws\.com$/, '');
  return [`${s.service}:${s.name}`, `${s.eventSource}:${s.name}`, `${stem}:${s.name}`, `${s.service.toUpperCase()}:${s.name.toLowerCase()}`, `${s.service}:${s.eventName ?? s.name}`, `${s.service}:${s.name}x`, `${stem}x:${s.name}`];
}))];

type Step = { lookup: string } | { register: OperationSpec };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...names).map((lookup) => ({ lookup })) },
  // A user's replacement of a known operation, or a new one in a known service, maybe under
  // an IAM prefix or eventSource of its own, maybe claiming to be hand-tuned or generated
  // (origin is theirs to set).
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...specs), fc.boolean(), fc.constantFrom('same', 'prefix', 'source'), fc.constantFrom(undefined, 'model' as const, 'hand' as const)).map(([s, fresh, own, origin]) => ({
      register: { ...s, origin, name: fresh ? `${s.name}Mine` : s.name, service: own === 'prefix' ? 'mine' : s.service, eventSource: own === 'source' ? 'mine.amazonaws.com' : s.eventSource },
    })),
  },
);

describe('Catalog.withDefaults adds the generated operations on first need', () => {
  it('answers every lookup, registration, list and error message as the eager build does', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const lazy = Catalog.withDefaults();
        const ref = steps.some((s) => 'register' in s) ? eager() : reference;
        for (const s of steps) {
          if ('lookup' in s) expect(outcome(lazy, s.lookup), s.lookup).toBe(outcome(ref, s.lookup));
          else {
            lazy.register(s.register);
            ref.register(s.register);
            const stem = s.register.eventSource.replace(/\.amazonaws\.com$/, '');
            for (const n of [`${stem}:${s.register.name}`, `${s.register.service}:${s.register.name}`]) expect(outcome(lazy, n), n).toBe(outcome(ref, n));
          }
        }
        expect(lazy.size).toBe(ref.size);
        expect(lazy.list().map(show)).toEqual(ref.list().map(show));
        expect(lazy.services()).toEqual(ref.services());
      }),
      { numRuns: 40 },
    );
  });

  it('a user entry claiming to be generated does not stand in for the generated operations', () => {
    const generated = reference.resolve('access-analyzer:CreateAnalyzer');
    const mine: OperationSpec = { ...generated, eventSource: 'mine.amazonaws.com' };
    const lazy = Catalog.withDefaults().register(mine);
    const ref = eager().register(mine);
    expect(show(lazy.resolve('access-analyzer:CreateAnalyzer'))).toBe(show(ref.resolve('access-analyzer:CreateAnalyzer')));
    expect(lazy.resolve('access-analyzer:CreateAnalyzer').eventSource).toBe('access-analyzer.amazonaws.com');
  });

  it('a lookup only they answer brings them in, after hand-tuned lookups and registrations', () => {
    const c = Catalog.withDefaults();
    expect(c.resolve('iam:CreateUser').origin).toBe('hand');
    c.register({ service: 'acme', name: 'CreateWidget', eventSource: 'acme.amazonaws.com', readOnly: false, category: 'Management' });
    expect(show(c.resolve('access-analyzer:CreateAnalyzer'))).toBe(show(reference.resolve('access-analyzer:CreateAnalyzer')));
    expect(c.size).toBe(reference.size + 1);
    expect(c.list().at(-1)?.name).toBe('CreateWidget');
    expect(c.resolve('iam:CreateUser').origin).toBe('hand');
  });
});
