import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidEventPatternException } from '../../src/core/errors.js';
import { createMatcher, testEventPattern } from '../../src/bus/pattern/index.js';

interface Case {
  id: string;
  source: 'localstack' | 'event-ruler';
  expect: 'match' | 'no-match' | 'invalid-pattern';
  pattern: string | object;
  event: object;
  awsError?: { code: string; message: string };
}

const cases = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/eventbridge/cases.json', import.meta.url)), 'utf8'),
) as Case[];

/** LocalStack cases go through TestEventPattern; event-ruler ones (bare events) through a matcher. */
function run(c: Case): boolean {
  if (c.source === 'localstack') return testEventPattern(c.pattern, c.event);
  return createMatcher({ rule: c.pattern }).match(c.event).length > 0;
}

describe('EventBridge conformance cases (test/fixtures/eventbridge)', () => {
  it('has all 186 cases', () => {
    expect(cases).toHaveLength(186);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    if (c.expect === 'invalid-pattern') {
      let error: unknown;
      try {
        run(c);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidEventPatternException);
      const e = error as InvalidEventPatternException;
      expect(e.name).toBe('InvalidEventPatternException');
      if (c.awsError) {
        expect(c.awsError.code).toBe('InvalidEventPatternException');
        if (c.source === 'localstack') expect(e.message).toBe(c.awsError.message);
      }
      return;
    }
    expect(run(c)).toBe(c.expect === 'match');
    // The same answer through a matcher holding only this rule, given the event as JSON text.
    expect(createMatcher({ r: c.pattern }).match(JSON.stringify(c.event))).toEqual(c.expect === 'match' ? ['r'] : []);
  });
});
