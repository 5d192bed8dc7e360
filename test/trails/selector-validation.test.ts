import { describe, expect, it } from 'vitest';
import { validateEventSelectors, validateInsightSelectors, isValidDataResourceValue } from '../../src/cloudtrail/trails/selector-validation.js';
import { InvalidEventSelectorsException, InvalidInsightSelectorsException, InvalidParameterCombinationException } from '../../src/cloudtrail/trails/errors.js';
import type { AdvancedEventSelector, EventSelector } from '../../src/cloudtrail/trails/types.js';

function fails(fn: () => unknown, cls: new (...a: never[]) => Error, message?: string | RegExp): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(cls);
  if (message !== undefined) expect((err as Error).message).toMatch(message);
}

const adv = (...s: AdvancedEventSelector[]) => ({ AdvancedEventSelectors: s });
const basic = (...s: EventSelector[]) => ({ EventSelectors: s });

describe('PutEventSelectors validation: basic selectors', () => {
  it('fills defaults the way GetEventSelectors returns them', () => {
    expect(validateEventSelectors(basic({}))).toEqual({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }] });
  });

  it('accepts 1 to 5 selectors', () => {
    expect(() => validateEventSelectors(basic(...Array.from({ length: 5 }, () => ({}))))).not.toThrow();
    fails(() => validateEventSelectors(basic(...Array.from({ length: 6 }, () => ({})))), InvalidEventSelectorsException, /1 to 5/);
    fails(() => validateEventSelectors(basic()), InvalidEventSelectorsException);
  });

  it('rejects a wildcard data resource value with the message AWS returns', () => {
    fails(() => validateEventSelectors(basic({ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::*'] }] })), InvalidEventSelectorsException, 'Value arn:aws:s3:::* for DataResources.Values is invalid.');
    fails(() => validateEventSelectors(basic({ DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda:*'] }] })), InvalidEventSelectorsException, 'Value arn:aws:lambda:* for DataResources.Values is invalid.');
  });

  it('checks types, ReadWriteType and excludable sources', () => {
    fails(() => validateEventSelectors(basic({ DataResources: [{ Type: 'AWS::SNS::Topic', Values: ['arn:aws:sns'] }] })), InvalidEventSelectorsException, 'Value AWS::SNS::Topic for DataResources.Type is invalid.');
    fails(() => validateEventSelectors(basic({ ReadWriteType: 'read-only' as never })), InvalidEventSelectorsException, 'Value read-only for ReadWriteType is invalid.');
    fails(() => validateEventSelectors(basic({ ExcludeManagementEventSources: ['iam.amazonaws.com'] })), InvalidEventSelectorsException, /ExcludeManagementEventSources/);
    expect(() => validateEventSelectors(basic({ ExcludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }))).not.toThrow();
  });

  it('caps data resources at 250 across selectors, not counting service-wide values', () => {
    const values = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${String(i + from).padStart(4, '0')}/`);
    expect(() => validateEventSelectors(basic({ DataResources: [{ Type: 'AWS::S3::Object', Values: [...values(250), 'arn:aws:s3'] }] }))).not.toThrow();
    fails(() => validateEventSelectors(basic({ DataResources: [{ Type: 'AWS::S3::Object', Values: values(150) }] }, { DataResources: [{ Type: 'AWS::S3::Object', Values: values(101, 150) }] })), InvalidEventSelectorsException, /250/);
  });

  it('knows the value formats of each type', () => {
    expect(isValidDataResourceValue('AWS::S3::Object', 'arn:aws:s3')).toBe(true);
    expect(isValidDataResourceValue('AWS::S3::Object', 'arn:aws:s3:::my-bucket/')).toBe(true);
    expect(isValidDataResourceValue('AWS::S3::Object', 'arn:aws:s3:::my-bucket/logs/2026')).toBe(true);
    expect(isValidDataResourceValue('AWS::S3::Object', 'arn:aws:s3:::my-bucket')).toBe(false);
    expect(isValidDataResourceValue('AWS::S3::Object', 'arn:aws:s3:::My_Bucket/')).toBe(false);
    expect(isValidDataResourceValue('AWS::Lambda::Function', 'arn:aws:lambda:us-west-2:111111111111:function:helloworld')).toBe(true);
    expect(isValidDataResourceValue('AWS::Lambda::Function', 'arn:aws:lambda:us-west-2:111111111111:helloworld')).toBe(false);
    expect(isValidDataResourceValue('AWS::DynamoDB::Table', 'arn:aws:dynamodb:us-east-1:111111111111:table/orders')).toBe(true);
    expect(isValidDataResourceValue('AWS::DynamoDB::Table', 'arn:aws:dynamodb')).toBe(true);
    expect(isValidDataResourceValue('AWS::S3::Object', 'arn:aws-cn:s3', 'aws-cn')).toBe(true);
    expect(isValidDataResourceValue('AWS::S3::Object', 'arn:aws:s3', 'aws-cn')).toBe(false);
  });

  it('takes basic or advanced selectors, never both or neither', () => {
    fails(() => validateEventSelectors({ EventSelectors: [{}], AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] }), InvalidParameterCombinationException);
    fails(() => validateEventSelectors({}), InvalidParameterCombinationException);
  });
});

describe('PutEventSelectors validation: advanced selectors', () => {
  const cat = (c: string) => ({ Field: 'eventCategory', Equals: [c] });
  it('requires eventCategory with Equals', () => {
    fails(() => validateEventSelectors(adv({ FieldSelectors: [{ Field: 'readOnly', Equals: ['true'] }] })), InvalidEventSelectorsException, /eventCategory/);
    fails(() => validateEventSelectors(adv({ FieldSelectors: [{ Field: 'eventCategory', NotEquals: ['Data'] }] })), InvalidEventSelectorsException, /only use the Equals operator/);
    fails(() => validateEventSelectors(adv({ FieldSelectors: [] })), InvalidEventSelectorsException);
  });

  it('requires resources.type (one value, Equals) for data events', () => {
    fails(() => validateEventSelectors(adv({ FieldSelectors: [cat('Data')] })), InvalidEventSelectorsException, /resources\.type/);
    fails(() => validateEventSelectors(adv({ FieldSelectors: [cat('Data'), { Field: 'resources.type', Equals: ['AWS::S3::Object', 'AWS::Lambda::Function'] }] })), InvalidEventSelectorsException, /only one resources\.type/);
    fails(() => validateEventSelectors(adv({ FieldSelectors: [cat('Data'), { Field: 'resources.type', StartsWith: ['AWS::S3'] }] })), InvalidEventSelectorsException, /Equals/);
    expect(() => validateEventSelectors(adv({ FieldSelectors: [cat('Data'), { Field: 'resources.type', Equals: ['AWS::SNS::Topic'] }, { Field: 'eventName', NotEquals: ['Publish'] }] }))).not.toThrow();
  });

  it('limits the fields per category on a trail', () => {
    fails(() => validateEventSelectors(adv({ FieldSelectors: [cat('Management'), { Field: 'eventName', Equals: ['CreateUser'] }] })), InvalidEventSelectorsException, /not supported for Management/);
    fails(() => validateEventSelectors(adv({ FieldSelectors: [cat('Management'), { Field: 'eventSource', Equals: ['iam.amazonaws.com'] }] })), InvalidEventSelectorsException, /NotEquals/);
    expect(() => validateEventSelectors(adv({ FieldSelectors: [cat('Management'), { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }, { Field: 'readOnly', Equals: ['false'] }] }))).not.toThrow();
    fails(() => validateEventSelectors(adv({ FieldSelectors: [cat('Management'), { Field: 'readOnly', Equals: ['yes'] }] })), InvalidEventSelectorsException, 'Value yes for readOnly is invalid.');
    fails(() => validateEventSelectors(adv({ FieldSelectors: [cat('Insight')] })), InvalidEventSelectorsException, /eventCategory/);
    fails(() => validateEventSelectors(adv({ FieldSelectors: [cat('NetworkActivity')] })), InvalidEventSelectorsException, /eventSource/);
  });

  it('rejects wildcards, empty operators and duplicated fields', () => {
    const d = [cat('Data'), { Field: 'resources.type', Equals: ['AWS::S3::Object'] }];
    fails(() => validateEventSelectors(adv({ FieldSelectors: [...d, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::b*'] }] })), InvalidEventSelectorsException, /is invalid/);
    fails(() => validateEventSelectors(adv({ FieldSelectors: [...d, { Field: 'eventName', Equals: [] }] })), InvalidEventSelectorsException, /no values/);
    fails(() => validateEventSelectors(adv({ FieldSelectors: [...d, { Field: 'eventName' }] })), InvalidEventSelectorsException, /no operator/);
    fails(() => validateEventSelectors(adv({ FieldSelectors: [...d, { Field: 'eventName', Equals: ['A'] }, { Field: 'eventName', Equals: ['B'] }] })), InvalidEventSelectorsException, /more than once/);
  });

  it('caps values at 500 across all advanced selectors', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `Op${i}`);
    const sel = (n: number): AdvancedEventSelector => ({ FieldSelectors: [cat('Data'), { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'eventName', Equals: many(n) }] });
    expect(() => validateEventSelectors(adv(sel(248), sel(248)))).not.toThrow();
    fails(() => validateEventSelectors(adv(sel(248), sel(249))), InvalidEventSelectorsException, /500/);
  });
});

describe('PutInsightSelectors validation', () => {
  it('requires the management events each Insights type needs', () => {
    const readOnly = { EventSelectors: [{ ReadWriteType: 'ReadOnly' as const, IncludeManagementEvents: true }] };
    fails(() => validateInsightSelectors([{ InsightType: 'ApiCallRateInsight' }], readOnly), InvalidInsightSelectorsException, /write management events/);
    expect(validateInsightSelectors([{ InsightType: 'ApiErrorRateInsight' }], readOnly)).toEqual([{ InsightType: 'ApiErrorRateInsight' }]);
    fails(() => validateInsightSelectors([{ InsightType: 'ApiErrorRateInsight' }], { EventSelectors: [{ IncludeManagementEvents: false }] }), InvalidInsightSelectorsException);
    expect(validateInsightSelectors([{ InsightType: 'ApiCallRateInsight' }], undefined)).toHaveLength(1);
  });

  it('rejects unknown or repeated types and data Insights without data events', () => {
    fails(() => validateInsightSelectors([{ InsightType: 'ApiLatencyInsight' as never }], undefined), InvalidInsightSelectorsException, /InsightType/);
    fails(() => validateInsightSelectors([{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiCallRateInsight' }], undefined), InvalidInsightSelectorsException, /more than once/);
    fails(() => validateInsightSelectors([{ InsightType: 'ApiCallRateInsight', EventCategories: ['Data'] }], undefined), InvalidInsightSelectorsException, /data events/);
    expect(validateInsightSelectors([], undefined)).toEqual([]);
  });
});
