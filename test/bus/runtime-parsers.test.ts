/** Property tests of the JSON-path subset and the input-template filler. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonPath, selectJsonPath } from '../../src/bus/json-path.js';
import { fillTemplate } from '../../src/bus/input-transformer.js';

const RUNS = process.env.TRAILSIM_LONG ? 2000 : 200;
const key = fc.stringMatching(/^[A-Za-z0-9_\-/]{1,12}$/);

describe('JSON path', () => {
  it('never throws on any text, and what it parses starts with $', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parseJsonPath(s);
        if (p) expect(s.trim().startsWith('$')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a dot path built from an object’s keys selects the value there', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.option(fc.nat(5), { nil: undefined })), { minLength: 1, maxLength: 5 }), fc.jsonValue(), (steps, leaf) => {
        // Build { k1: { k2: [ ..., { k3: leaf } ] } } along the steps, with an array where an index is given.
        let value: unknown = leaf;
        let path = '';
        for (let i = steps.length - 1; i >= 0; i--) {
          const [k, index] = steps[i];
          if (index !== undefined) {
            const arr: unknown[] = Array.from({ length: index + 1 }, () => null);
            arr[index] = value;
            value = arr;
            path = `[${index}]` + path;
          }
          value = { [k]: value };
          path = `.${k}` + path;
        }
        const p = parseJsonPath('$' + path);
        expect(p).toBeDefined();
        const got = selectJsonPath(value, p!);
        expect(got).toEqual(leaf === undefined ? undefined : leaf);
      }),
      { numRuns: RUNS },
    );
  });

  it('[*] selects every member, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ v: fc.integer() }), { minLength: 1 }), (items) => {
        expect(selectJsonPath({ a: items }, parseJsonPath('$.a[*].v')!)).toEqual(items.map((i) => i.v));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('input template', () => {
  it('JSON values put where a JSON value is expected come back unchanged, minified', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), fc.jsonValue(), { minKeys: 1, maxKeys: 6 }), (vars) => {
        const names = Object.keys(vars);
        const template = `{ ${names.map((n) => `"${n}" : <${n}>`).join(',\n ')} }`;
        const out = fillTemplate(template, new Map(Object.entries(vars)));
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(vars)));
        expect(out).toBe(JSON.stringify(JSON.parse(out)));
      }),
      { numRuns: RUNS },
    );
  });

  it('string values inside a string are inserted as they are', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('"') && !s.includes('\\')), fc.string().filter((s) => !/[<>"\\]/.test(s)), (value, text) => {
        expect(fillTemplate(`"${text}<v>${text}"`, new Map([['v', value]]))).toBe(`"${text}${value}${text}"`);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on any template', () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), (template, v) => {
        expect(typeof fillTemplate(template, new Map([['x', v]]))).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });
});
