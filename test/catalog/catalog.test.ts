import { describe, expect, it } from 'vitest';
import { Catalog, defaultCatalog, validateOperationSpec } from '../../src/catalog/catalog.js';
import { TrailsimInputError, UnknownOperationError } from '../../src/core/errors.js';
import type { OperationSpec } from '../../src/catalog/types.js';

const base: OperationSpec = { service: 'acme', name: 'CreateWidget', eventSource: 'acme.amazonaws.com', readOnly: false, category: 'Management' };

describe('Catalog.resolve', () => {
  const c = defaultCatalog();

  it('accepts IAM-action style (case-insensitive prefix), eventSource style and eventName', () => {
    const a = c.resolve('iam:CreateUser');
    expect(c.resolve('IAM:CreateUser')).toBe(a);
    expect(c.resolve('iam.amazonaws.com:CreateUser')).toBe(a);
    expect(c.resolve('iam:createuser')).toBe(a);
    expect(c.resolve('lambda:UpdateFunctionConfiguration20150331v2')).toBe(c.resolve('lambda:UpdateFunctionConfiguration'));
    expect(c.resolve('monitoring:DescribeAlarms')).toBe(c.resolve('cloudwatch:DescribeAlarms'));
  });

  it('throws UnknownOperationError with the closest matches', () => {
    expect(() => c.resolve('iam:CreateUsr')).toThrow(UnknownOperationError);
    expect(() => c.resolve('iam:CreateUsr')).toThrow(/Closest: iam:CreateUser/);
    expect(() => c.resolve('iamm:CreateUser')).toThrow(/no service 'iamm'.*Closest services: iam/);
    expect(() => c.resolve('CreateUser')).toThrow(/look like 'iam:CreateUser'/);
    expect(() => c.resolve('iam:')).toThrow(UnknownOperationError);
    expect(() => c.resolve(':CreateUser')).toThrow(UnknownOperationError);
    try {
      c.resolve('s3:GetObjekt');
    } catch (e) {
      expect(TrailsimInputError.is(e)).toBe(true);
      expect((e as Error).name).toBe('UnknownOperationError');
    }
  });

  it('get/has do not throw', () => {
    expect(c.get('nope:Nothing')).toBeUndefined();
    expect(c.has('sts:GetCallerIdentity')).toBe(true);
    expect(c.has('sts:GetCallerIdentityX')).toBe(false);
  });

  it('lists by service, readOnly, category and origin', () => {
    const iam = c.list({ service: 'iam' });
    expect(iam.length).toBeGreaterThan(100);
    expect(iam.every((s) => s.eventSource === 'iam.amazonaws.com')).toBe(true);
    expect(c.list({ service: 'iam.amazonaws.com' }).length).toBe(iam.length);
    expect(c.list({ service: 's3', category: 'Data' }).every((s) => s.dataResourceType === 'AWS::S3::Object')).toBe(true);
    expect(c.list({ readOnly: true, origin: 'hand' }).every((s) => s.readOnly && s.origin === 'hand')).toBe(true);
    expect(c.list({ origin: 'hand' }).length + c.list({ origin: 'model' }).length + c.list({ origin: 'user' }).length).toBe(c.size);
  });
});

describe('Catalog.register', () => {
  it('adds user operations and lets them replace built-in ones', () => {
    const c = Catalog.withDefaults();
    const before = c.size;
    c.register(base);
    expect(c.size).toBe(before + 1);
    expect(c.resolve('acme:CreateWidget').origin).toBe('user');
    const mine: OperationSpec = { service: 'iam', name: 'CreateUser', eventSource: 'iam.amazonaws.com', readOnly: false, category: 'Management', request: () => ({ userName: 'fixed' }) };
    c.register(mine);
    expect(c.size).toBe(before + 1);
    expect(c.resolve('iam:CreateUser').origin).toBe('user');
    // The shared default is untouched.
    expect(defaultCatalog().resolve('iam:CreateUser').origin).toBe('hand');
  });

  it('a replacement registered after a lookup is what later lookups find, under every name', () => {
    const c = Catalog.withDefaults();
    const hand = c.resolve('lambda:UpdateFunctionConfiguration');
    expect(c.resolve('lambda:UpdateFunctionConfiguration20150331v2')).toBe(hand);
    const mine: OperationSpec = { ...hand, origin: undefined, request: () => ({ functionName: 'fixed' }) };
    c.register(mine);
    for (const n of ['lambda:UpdateFunctionConfiguration', 'lambda:updatefunctionconfiguration', 'lambda:UpdateFunctionConfiguration20150331v2', 'lambda.amazonaws.com:UpdateFunctionConfiguration']) {
      expect(c.resolve(n).origin, n).toBe('user');
    }
    expect(c.list({ service: 'lambda' }).filter((s) => s.name === 'UpdateFunctionConfiguration')).toHaveLength(1);
  });

  it('rejects malformed specs with TrailsimInputError and changes nothing', () => {
    const c = new Catalog();
    const bad: [Partial<OperationSpec> | null, RegExp][] = [
      [null, /must be an object/],
      [{ ...base, eventSource: 'acme.example.com' }, /eventSource must look like/],
      [{ ...base, eventSource: 'ACME.amazonaws.com' }, /eventSource/],
      [{ ...base, name: 'create widget' }, /name must be an API operation name/],
      [{ ...base, name: '' }, /name/],
      [{ ...base, service: 'Acme Service' }, /service must be an IAM action prefix/],
      [{ ...base, category: 'Insight' as never }, /category must be 'Management' or 'Data'/],
      [{ ...base, category: 'Data' }, /needs dataResourceType/],
      [{ ...base, category: 'Data', dataResourceType: 'S3 objects' }, /dataResourceType must look like/],
      [{ ...base, readOnly: 'no' as never }, /readOnly must be true or false/],
      [{ ...base, eventType: 'AwsCloudTrailInsight' as never }, /eventType must be one of/],
      [{ ...base, requestIdStyle: 'ulid' as never }, /requestIdStyle/],
      [{ ...base, request: 'x' as never }, /request must be a function/],
      [{ ...base, errors: [{ code: '', message: () => 'x' }] }, /non-empty code/],
      [{ ...base, errors: [{ code: 'Oops', message: 'x' as never }] }, /needs a message function/],
      [{ ...base, errors: [{ code: 'Oops', message: () => 'x', weight: -1 }] }, /invalid weight/],
      [{ ...base, eventName: 'bad name!' }, /eventName/],
    ];
    for (const [spec, msg] of bad) {
      expect(() => c.register(spec as OperationSpec), JSON.stringify(spec)).toThrow(TrailsimInputError);
      expect(() => c.register(spec as OperationSpec)).toThrow(msg);
    }
    expect(c.size).toBe(0);
    expect(() => validateOperationSpec({ ...base, category: 'Data', dataResourceType: 'AWS::Acme::Widget' })).not.toThrow();
  });
});
