import { describe, expect, it } from 'vitest';
import { InvalidEventPatternException, ValidationException } from '../../src/core/errors.js';
import {
  DEFAULT_EVENT_PATTERN_SIZE_QUOTA,
  MAX_EVENT_PATTERN_LENGTH,
  compilePattern,
  isCompiledPattern,
  validateEventPattern,
} from '../../src/bus/pattern/index.js';

/** The reason AWS gives for an invalid pattern (the text after "Reason: "), or null when valid. */
function reason(pattern: string | object): string | null {
  try {
    validateEventPattern(pattern);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidEventPatternException);
    const message = (e as Error).message;
    expect(message.startsWith('Event pattern is not valid. Reason: ')).toBe(true);
    return message.slice('Event pattern is not valid. Reason: '.length);
  }
}

describe('pattern validation: event-ruler reasons', () => {
  it.each([
    // structure
    ['{}', 'Empty objects are not allowed'],
    ['{"a": {}}', 'Empty objects are not allowed'],
    ['{"a": []}', 'Empty arrays are not allowed'],
    ['{"a": "x"}', '"a" must be an object or an array'],
    ['{"a": 1}', '"a" must be an object or an array'],
    ['{"a": null}', '"a" must be an object or an array'],
    ['[1]', 'Filter is not an object'],
    ['"text"', 'Filter is not an object'],
    ['', 'Filter is not an object'],
    ['   ', 'Filter is not an object'],
    ['{"a": [[1]]}', 'Match value must be String, number, true, false, or null'],
    ['{"a": [{}]}', 'Match expression name not found'],
    ['{"a": [{"nope": 1}]}', 'Unrecognized match type nope'],
    ['{"a": [{"Prefix": "x"}]}', 'Unrecognized match type Prefix'],
    // prefix / suffix / equals-ignore-case / exactly
    ['{"a": [{"prefix": "x", "suffix": "y"}]}', 'Only one key allowed in match expression'],
    ['{"a": [{"prefix": {"wildcard": "x"}}]}', 'Unsupported prefix pattern: wildcard'],
    ['{"a": [{"suffix": {}}]}', 'Suffix expression name not found'],
    ['{"a": [{"prefix": {"equals-ignore-case": 1}}]}', 'equals-ignore-case match pattern must be a string'],
    ['{"a": [{"prefix": {"equals-ignore-case": "x", "b": 1}}]}', 'Only one key allowed in match expression'],
    ['{"a": [{"equals-ignore-case": null}]}', 'equals-ignore-case match pattern must be a string'],
    ['{"a": [{"exactly": 1}]}', 'exact match pattern must be a string'],
    // exists
    ['{"a": [{"exists": "true"}]}', 'exists match pattern must be either true or false.'],
    ['{"a": [{"exists": true, "prefix": "x"}]}', 'Only one key allowed in match expression'],
    // anything-but
    ['{"a": [{"anything-but": true}]}', 'Value of anything-but must be an array or single string/number value.'],
    ['{"a": [{"anything-but": {}}]}', 'Anything-But expression name not found'],
    ['{"a": [{"anything-but": {"numeric": [">", 1]}}]}', 'Unsupported anything-but pattern: numeric'],
    ['{"a": [{"anything-but": ["x", 1]}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    ['{"a": [{"anything-but": []}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    ['{"a": [{"anything-but": [true]}]}', 'Inside anything but list, start|null|boolean is not supported.'],
    ['{"a": [{"anything-but": [["x"]]}]}', 'Inside anything but list, start|null|boolean is not supported.'],
    ['{"a": [{"anything-but": "x", "b": 1}]}', 'Too many elements in numeric expression'],
    ['{"a": [{"anything-but": {"prefix": "x", "suffix": "y"}}]}', 'Too many elements in numeric expression'],
    ['{"a": [{"anything-but": {"suffix": [""]}}]}', 'Null prefix/suffix not allowed'],
    ['{"a": [{"anything-but": {"wildcard": "a**"}}]}', 'Consecutive wildcard characters at pos 2'],
    ['{"a": [{"anything-but": {"wildcard": ["ok", "a\\\\x"]}}]}', 'Invalid escape character at pos 2'],
    ['{"a": [{"anything-but": 6e9}]}', 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    // numeric
    ['{"a": [{"numeric": []}]}', 'Invalid member in numeric match: ]'],
    ['{"a": [{"numeric": [5]}]}', 'Invalid member in numeric match: 5'],
    ['{"a": [{"numeric": ["!=", 5]}]}', 'Unrecognized numeric range operator: !='],
    ['{"a": [{"numeric": ["=", "5"]}]}', 'Value of equals must be numeric'],
    ['{"a": [{"numeric": ["=", 5, 6]}]}', 'Too many elements in numeric expression'],
    ['{"a": [{"numeric": ["<", 5, "<", 6]}]}', 'Too many elements in numeric expression'],
    ['{"a": [{"numeric": [">", 5, 6]}]}', 'Bad value in numeric range: 6'],
    ['{"a": [{"numeric": [">", 5, "<", 6, "<", 7]}]}', 'Too many terms in numeric range expression'],
    ['{"a": [{"numeric": [">", 5, "<", 5]}]}', 'Bottom must be less than top'],
    ['{"a": [{"numeric": [">=", 5000000000]}]}', 'Bottom must be less than top'],
    ['{"a": [{"numeric": ["<", -5e9]}]}', 'Bottom must be less than top'],
    ['{"a": [{"numeric": ["<", 5000000001]}]}', 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    ['{"a": [{"numeric": ["=", -5.0000001e9]}]}', 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    ['{"a": [{"numeric": [">", 1, "<=", 1e400]}]}', 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    ['{"a": [{"numeric": ["=", 0.1234567]}]}', 'Only values upto 6 decimals are supported0.1234567 0.1234567 0x1.f9ae0c1765775p-4'],
    ['{"a": [{"numeric": ["<", 1e-7]}]}', 'Only values upto 6 decimals are supported1E-7 1e-7 0x0.0p0'],
    ['{"a": [{"numeric": ">"}]}', 'Value of numeric must be an array.'],
    ['{"a": [{"numeric": [">", 1], "x": 1}]}', 'Too many elements in numeric expression'],
    // cidr
    ['{"a": [{"cidr": "10.0.0.0"}]}', "Malformed CIDR, one '/' required"],
    ['{"a": [{"cidr": "10.0.0.0/8/8"}]}', "Malformed CIDR, one '/' required"],
    ['{"a": [{"cidr": "10.0.0.0/x"}]}', 'Malformed CIDR, mask bits must be an integer'],
    ['{"a": [{"cidr": "10.0.0.0/-1"}]}', 'Malformed CIDR, mask bits must not be negative'],
    ['{"a": [{"cidr": "10.0.0.0/32"}]}', 'IPv4 mask bits must be < 32'],
    ['{"a": [{"cidr": "::/128"}]}', 'IPv6 mask bits must be < 128'],
    ['{"a": [{"cidr": "10.0.0.256/8"}]}', 'Invalid IP address: 10.0.0.256'],
    ['{"a": [{"cidr": "010.0.0.1/8"}]}', 'Invalid IP address: 010.0.0.1'],
    ['{"a": [{"cidr": "1:2:3/64"}]}', 'Invalid IP address: 1:2:3'],
    ['{"a": [{"cidr": "host.example/8"}]}', 'Nonstandard IP address: host.example'],
    ['{"a": [{"cidr": "::ffff:1.2.3.4/96"}]}', 'Nonstandard IP address: ::ffff:1.2.3.4'],
    // wildcard
    ['{"a": [{"wildcard": "**"}]}', 'Consecutive wildcard characters at pos 1'],
    ['{"a": [{"wildcard": "é**"}]}', 'Consecutive wildcard characters at pos 3'],
    ['{"a": [{"wildcard": "a\\\\"}]}', 'Invalid escape character at pos 2'],
    ['{"a": [{"wildcard": "*:*:*:*:*:*:x"}]}', 'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character'],
    // $or
    ['{"$or": {"a": ["x"]}}', 'It must be an Array followed with $or.'],
    ['{"$or": [{"a": ["x"]}]}', 'There must have at least 2 Objects in $or relationship.'],
    ['{"$or": [{"a": ["x"]}, ["b"]]}', 'Only JSON object is allowed in array of $or relationship.'],
    ['{"$or": [{"a": ["x"]}, {"numeric": ["x"]}]}', 'numeric is Ruler reserved fieldName which cannot be used inside $or.'],
    ['{"$or": [{"a": ["x"]}, {"b": {"cidr": ["x"]}}]}', 'cidr is Ruler reserved fieldName which cannot be used inside $or.'],
    ['{"$or": [{"a": ["x"]}, {}]}', 'Empty objects are not allowed'],
  ])('%s → %s', (pattern, expected) => {
    expect(reason(pattern)).toBe(expected);
  });

  it('reports the first problem met, in reading order (as event-ruler streams the text)', () => {
    expect(reason('{"a": "x", "b": [}')).toBe('"a" must be an object or an array');
    expect(reason('{"a": [], "b": "x"}')).toBe('Empty arrays are not allowed');
    expect(reason('{"a": [{"cidr": "bad"}], "b": {}}')).toBe("Malformed CIDR, one '/' required");
  });

  it('reads nothing after the root object (as event-ruler does)', () => {
    expect(reason('{"a": ["x"]} trailing {{{')).toBeNull();
  });

  it('allows operator names as field names outside $or, and "$or" as a path step', () => {
    expect(reason('{"numeric": ["x"], "prefix": {"exists": [1]}}')).toBeNull();
    expect(reason('{"a": {"$or": [{"b": ["1"]}, {"c": ["2"]}]}}')).toBeNull();
  });
});

describe('pattern validation: JSON syntax (Jackson reasons)', () => {
  it.each([
    ['this is not json', "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ['{"a": [tru]}', "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ['{"a": [nul1]}', "Unrecognized token 'nul1': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ["{'a': ['x']}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name"],
    ['{"a" ["x"]}', "Unexpected character ('[' (code 91)): was expecting a colon to separate field name and value"],
    ['{"a": ["x"] "b": ["y"]}', "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"],
    ['{"a": ["x" "y"]}', "Unexpected character ('\"' (code 34)): was expecting comma to separate Array entries"],
    ['{"a": ["x",]}', "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ['{"a": ["x"],}', "Unexpected character ('}' (code 125)): was expecting double-quote to start field name"],
    ['{"a": [01]}', 'Invalid numeric value: Leading zeroes not allowed'],
    ['{"a": [-x]}', "Unexpected character ('x' (code 120)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value"],
    ['{"a": [1.]}', "Unexpected character (']' (code 93)) in numeric value: Decimal point not followed by a digit"],
    ['{"a": ["\\x"]}', "Unrecognized character escape 'x' (code 120)"],
    ['{"a": ["x\ny"]}', 'Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value'],
    ['{"a": ["x"]', 'Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)"{"a": ["x"]"; line: 1, column: 1])'],
    ['{"a": ["x"', 'Unexpected end-of-input: expected close marker for Array (start marker at [Source: (String)"{"a": ["x""; line: 1, column: 7])'],
    ['{"a": ["x', 'Unexpected end-of-input: was expecting closing quote for a string value'],
    ['{"a": /* c */ ["x"]}', "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)"],
    ['5x', "Unexpected character ('x' (code 120)): Expected space separating root-level values"],
  ])('%j → %s', (pattern, expected) => {
    expect(reason(pattern)).toBe(expected);
  });

  it('limits nesting depth as Jackson does', () => {
    const deep = '{"a":'.repeat(1001) + '["x"]' + '}'.repeat(1001);
    expect(reason(deep)).toMatch(/^Document nesting depth \(1001\) exceeds the maximum allowed \(1000/);
    const ok = '{"a":'.repeat(999) + '["x"]' + '}'.repeat(999);
    expect(reason(ok)).toBeNull();
  });

  it('decodes escapes in strings', () => {
    const c = compilePattern('{"a\\u0062": ["\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"]}');
    expect(c.alternatives[0]?.[0]?.path).toBe('ab');
    expect(c.alternatives[0]?.[0]?.conditions[0]).toEqual({ kind: 'equals', value: '"\\/\b\f\n\r\t\u00e9' });
  });
});

describe('pattern validation: wildcard complexity (limit 10, per field and point of the rule)', () => {
  const tooComplex = 'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';
  it.each([
    [['arn:aws:events:us-east-1:*:event-bus/*'], null],
    [['/Users/*/dir/dir/dir/dir/dir/doc.txt'], null],
    [['*:*:*:*:event-bus/*'], null],
    [['*:*:*:*:*:event-bus/*'], tooComplex],
    [['*.bif', '*.tiff', '*.tif', '*.svs'], null],
    [['*/datasync/*.bif', '*/datasync/*.tif'], null],
    [['*/datasync/*.bif', '*/datasync/*.tif', '*/datasync/*.tiff', '*/datasync/*.svs'], tooComplex],
  ])('%j', (wildcards, expected) => {
    expect(reason({ key: wildcards.map((w) => ({ wildcard: w })) })).toBe(expected);
  });

  it('counts wildcards on the same field across $or alternatives that share the fields before it', () => {
    const two = ['*/datasync/*.bif', '*/datasync/*.tif'];
    const four = [...two, '*/datasync/*.tiff', '*/datasync/*.svs'];
    // "a" sorts before "key": the wildcards are grouped by the value of "a" matched before them.
    const or = (a: string[], b: string[], prefixA: string, prefixB: string): object => ({
      $or: [{ a: [prefixA], key: a.map((w) => ({ wildcard: w })) }, { a: [prefixB], key: b.map((w) => ({ wildcard: w })) }],
    });
    expect(reason(or(two, four.slice(2), 'x', 'x'))).toBe(tooComplex);
    expect(reason(or(two, four.slice(2), 'x', 'y'))).toBeNull();
  });

  it('includes anything-but wildcard lists', () => {
    expect(reason({ key: [{ 'anything-but': { wildcard: ['*/datasync/*.bif', '*/datasync/*.tif', '*/datasync/*.tiff', '*/datasync/*.svs'] } }] })).toBe(tooComplex);
  });
});

describe('pattern size limits', () => {
  const big = (n: number): string => `{"a": ["${'x'.repeat(n - 11)}"]}`;

  it('has no limit unless asked (TestEventPattern documents none)', () => {
    expect(() => compilePattern(big(10_000))).not.toThrow();
  });

  it('rejects beyond the quota given, naming it', () => {
    expect(big(2049)).toHaveLength(2049);
    expect(() => compilePattern(big(2048), { maxLength: DEFAULT_EVENT_PATTERN_SIZE_QUOTA })).not.toThrow();
    expect(() => compilePattern(big(2049), { maxLength: DEFAULT_EVENT_PATTERN_SIZE_QUOTA })).toThrow(InvalidEventPatternException);
    expect(() => compilePattern(big(2049), { maxLength: DEFAULT_EVENT_PATTERN_SIZE_QUOTA })).toThrow(/exceeds the limit of 2048 characters/);
  });

  it('answers the API constraint (4,096) with ValidationException', () => {
    let error: unknown;
    try {
      compilePattern(big(MAX_EVENT_PATTERN_LENGTH + 1), { maxLength: DEFAULT_EVENT_PATTERN_SIZE_QUOTA });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toMatch(/^1 validation error detected: Value '.*' at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to 4096$/s);
  });
});

describe('compilePattern', () => {
  it('expands $or: fields before are copied into each alternative, fields after are added to all', () => {
    const c = compilePattern('{"s": ["1"], "$or": [{"a": ["x"]}, {"b": ["y"], "$or": [{"c": ["z"]}, {"d": ["w"]}]}], "t": ["2"]}');
    expect(c.alternatives.map((alt) => alt.map((f) => f.path).join(','))).toEqual(['a,s,t', 'b,c,s,t', 'b,d,s,t']);
  });

  it('keeps the last of repeated fields, also across nesting and dotted names', () => {
    const c = compilePattern('{"a": {"b": ["1"]}, "a.b": ["2"], "c": ["3"], "c": ["4"]}');
    expect(c.alternatives[0]?.map((f) => [f.path, f.conditions])).toEqual([
      ['a.b', [{ kind: 'equals', value: '2' }]],
      ['c', [{ kind: 'equals', value: '4' }]],
    ]);
  });

  it('sorts fields by path and gives equal fields equal keys', () => {
    const a = compilePattern({ z: ['1', 'b'], a: [{ prefix: 'p' }, 2, 2] });
    const b = compilePattern({ a: [2, { prefix: 'p' }], z: ['b', '1'] });
    expect(a.alternatives[0]?.map((f) => f.path)).toEqual(['a', 'z']);
    expect(a.alternatives[0]?.map((f) => f.key)).toEqual(b.alternatives[0]?.map((f) => f.key));
    expect(a.alternatives[0]?.[0]?.conditions).toHaveLength(2);
  });

  it('turns IP address strings into address matches and cidr into ranges from the address as written', () => {
    const c = compilePattern({ ip: ['10.0.0.1', '2001:db8::1', '10.0.0.256'], net: [{ cidr: '10.0.0.5/24' }] });
    const [ip, net] = c.alternatives[0] ?? [];
    expect(ip?.conditions.map((x) => x.kind).sort()).toEqual(['equals', 'ip', 'ip']);
    expect(net?.conditions[0]).toEqual({ kind: 'ip', range: { v6: false, lo: '0A000005', hi: '0A0000FF' } });
  });

  it('serialises object patterns, marks results as compiled, and freezes them', () => {
    const c = compilePattern({ a: ['x'] });
    expect(c.source).toBe('{"a":["x"]}');
    expect(isCompiledPattern(c)).toBe(true);
    expect(isCompiledPattern({ source: c.source, alternatives: c.alternatives })).toBe(false);
    expect(Object.isFrozen(c) && Object.isFrozen(c.alternatives) && Object.isFrozen(c.alternatives[0])).toBe(true);
  });

  it('rejects values that are not JSON-serialisable objects', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => compilePattern(cyclic)).toThrow(InvalidEventPatternException);
    expect(() => compilePattern(undefined as unknown as object)).toThrow('Event pattern is not valid. Reason: Filter is not an object');
  });
});

describe('$or expansion bound', () => {
  it('rejects patterns whose $or alternatives multiply beyond 10,000', () => {
    const or = (k: string): object => ({ $or: [{ [`${k}1`]: ['x'] }, { [`${k}2`]: ['y'] }] });
    const nest = (n: number): object => (n === 0 ? { z: ['1'] } : { [`n${n}`]: { ...or(`k${n}`), ...nest(n - 1) } });
    expect(compilePattern(nest(13)).alternatives).toHaveLength(8192);
    expect(reason(nest(14))).toBe('$or expands to more than 10000 alternatives (a trailsim limit; AWS documents none)');
  });
});
