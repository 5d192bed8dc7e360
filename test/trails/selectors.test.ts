import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSelectors, dataResourceTypeOf, DEFAULT_EVENT_SELECTORS, selects } from '../../src/cloudtrail/trails/selectors.js';
import type { AdvancedEventSelector, EventSelector, TrailSelectors } from '../../src/cloudtrail/trails/types.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import { ACCOUNT, data, dynamoTable, lambdaFn, mgmt, s3Object } from './helpers.js';

const createUser = mgmt('iam.amazonaws.com', 'CreateUser', false);
const listUsers = mgmt('iam.amazonaws.com', 'ListUsers', true);
const kmsDecrypt = mgmt('kms.amazonaws.com', 'Decrypt', true);
const getObject = data('s3.amazonaws.com', 'GetObject', true, s3Object('reports', 'q1/summary.csv'));
const putObject = data('s3.amazonaws.com', 'PutObject', false, s3Object('uploads', 'in/x.json'));
const listObjects = data('s3.amazonaws.com', 'ListObjects', true, [
  { type: 'AWS::S3::Object', ARNPrefix: 'arn:aws:s3:::reports/' } as never,
  { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::reports' },
]);
const invoke = data('lambda.amazonaws.com', 'Invoke', false, lambdaFn('helloworld'));
const invoke2 = data('lambda.amazonaws.com', 'Invoke', false, lambdaFn('helloworld2'));
const getItem = data('dynamodb.amazonaws.com', 'GetItem', true, dynamoTable('orders'));
const insight = { ...mgmt('iam.amazonaws.com', 'CreateUser', false), eventType: 'AwsCloudTrailInsight', eventCategory: 'Insight' } as CloudTrailRecord;
const vpce = { ...mgmt('s3.amazonaws.com', 'GetObject', true), eventType: 'AwsVpceEvent', eventCategory: 'NetworkActivity', vpcEndpointId: 'vpce-0123456789abcdef0' } as CloudTrailRecord;

const basic = (...s: EventSelector[]): TrailSelectors => ({ EventSelectors: s });
const adv = (...s: AdvancedEventSelector[]): TrailSelectors => ({ AdvancedEventSelectors: s });

describe('selects: defaults', () => {
  it('a trail without selectors logs every management event and no data, Insights or network events', () => {
    for (const sel of [undefined, {}, { EventSelectors: [] }, { EventSelectors: [...DEFAULT_EVENT_SELECTORS] }]) {
      expect(selects(sel, createUser)).toBe(true);
      expect(selects(sel, listUsers)).toBe(true);
      expect(selects(sel, kmsDecrypt)).toBe(true);
      expect(selects(sel, getObject)).toBe(false);
      expect(selects(sel, invoke)).toBe(false);
      expect(selects(sel, insight)).toBe(false);
      expect(selects(sel, vpce)).toBe(false);
    }
  });

  it('reads the category of records older than 1.07 from managementEvent and eventType', () => {
    const { eventCategory: _c, ...old } = getObject;
    const legacy = { ...old, eventVersion: '1.06' } as CloudTrailRecord;
    expect(selects(undefined, legacy)).toBe(false);
    expect(selects(basic({ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }), legacy)).toBe(true);
  });
});

describe('selects: basic selectors', () => {
  it('ReadWriteType filters management events by readOnly', () => {
    expect(selects(basic({ ReadWriteType: 'ReadOnly' }), listUsers)).toBe(true);
    expect(selects(basic({ ReadWriteType: 'ReadOnly' }), createUser)).toBe(false);
    expect(selects(basic({ ReadWriteType: 'WriteOnly' }), createUser)).toBe(true);
    expect(selects(basic({ ReadWriteType: 'WriteOnly' }), listUsers)).toBe(false);
    const { readOnly: _r, ...noFlag } = createUser;
    expect(selects(basic({ ReadWriteType: 'WriteOnly' }), noFlag as CloudTrailRecord)).toBe(true);
  });

  it('IncludeManagementEvents false drops management events; ExcludeManagementEventSources drops KMS', () => {
    expect(selects(basic({ IncludeManagementEvents: false }), createUser)).toBe(false);
    expect(selects(basic({ ExcludeManagementEventSources: ['kms.amazonaws.com'] }), kmsDecrypt)).toBe(false);
    expect(selects(basic({ ExcludeManagementEventSources: ['kms.amazonaws.com'] }), createUser)).toBe(true);
  });

  it('any matching selector is enough', () => {
    const s = basic({ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] });
    expect(selects(s, listUsers)).toBe(true);
    expect(selects(s, createUser)).toBe(false);
    expect(selects(s, putObject)).toBe(true);
    expect(selects(s, getObject)).toBe(false);
  });

  it('S3 values: arn:aws:s3 is every object, a bucket ARN with / its objects, a longer value a key prefix', () => {
    const s3 = (...Values: string[]) => basic({ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values }] });
    expect(selects(s3('arn:aws:s3'), getObject)).toBe(true);
    expect(selects(s3('arn:aws:s3:::reports/'), getObject)).toBe(true);
    expect(selects(s3('arn:aws:s3:::reports/q1/'), getObject)).toBe(true);
    expect(selects(s3('arn:aws:s3:::reports/q2/'), getObject)).toBe(false);
    expect(selects(s3('arn:aws:s3:::uploads/'), getObject)).toBe(false);
    expect(selects(s3('arn:aws:s3:::reports/'), listObjects)).toBe(true);
    expect(selects(s3('arn:aws:s3:::uploads/'), listObjects)).toBe(false);
    expect(selects(s3(), getObject)).toBe(false);
  });

  it('Lambda and DynamoDB values are exact ARNs or the service-wide value', () => {
    const fn = (...Values: string[]) => basic({ DataResources: [{ Type: 'AWS::Lambda::Function', Values }] });
    expect(selects(fn(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:helloworld`), invoke)).toBe(true);
    expect(selects(fn(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:helloworld`), invoke2)).toBe(false);
    expect(selects(fn('arn:aws:lambda'), invoke2)).toBe(true);
    const tbl = (...Values: string[]) => basic({ DataResources: [{ Type: 'AWS::DynamoDB::Table', Values }] });
    expect(selects(tbl('arn:aws:dynamodb'), getItem)).toBe(true);
    expect(selects(tbl(`arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`), getItem)).toBe(true);
    expect(selects(tbl(`arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/order`), getItem)).toBe(false);
    // A data resource of another type takes nothing of this one.
    expect(selects(tbl('arn:aws:dynamodb'), invoke)).toBe(false);
  });

  it('ReadWriteType applies to data events', () => {
    const s = basic({ ReadWriteType: 'WriteOnly', DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] });
    expect(selects(s, putObject)).toBe(true);
    expect(selects(s, getObject)).toBe(false);
  });
});

describe('selects: advanced selectors', () => {
  const mgmtAll: AdvancedEventSelector = { Name: 'mgmt', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] };
  it('replace basic selectors; eventCategory picks the category', () => {
    expect(selects(adv(mgmtAll), createUser)).toBe(true);
    expect(selects(adv(mgmtAll), getObject)).toBe(false);
    expect(selects({ EventSelectors: [{ IncludeManagementEvents: false }], AdvancedEventSelectors: [mgmtAll] }, createUser)).toBe(true);
  });

  it('readOnly and eventSource NotEquals', () => {
    const s = adv({ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] });
    expect(selects(s, createUser)).toBe(true);
    expect(selects(s, listUsers)).toBe(false);
    expect(selects(s, mgmt('kms.amazonaws.com', 'CreateKey', false))).toBe(false);
  });

  it('data events: resources.type plus resources.ARN operators, evaluated on resources of that type', () => {
    const base = [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }];
    const all = adv({ FieldSelectors: base });
    expect(selects(all, getObject)).toBe(true);
    expect(selects(all, invoke)).toBe(false);
    const notTrailBucket = adv({ FieldSelectors: [...base, { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::reports/'] }] });
    expect(selects(notTrailBucket, getObject)).toBe(false);
    expect(selects(notTrailBucket, listObjects)).toBe(false);
    expect(selects(notTrailBucket, putObject)).toBe(true);
    const onlyCsv = adv({ FieldSelectors: [...base, { Field: 'resources.ARN', EndsWith: ['.csv'] }] });
    expect(selects(onlyCsv, getObject)).toBe(true);
    expect(selects(onlyCsv, putObject)).toBe(false);
    const exact = adv({ FieldSelectors: [...base, { Field: 'resources.ARN', Equals: ['arn:aws:s3:::uploads/in/x.json'] }] });
    expect(selects(exact, putObject)).toBe(true);
    expect(selects(exact, getObject)).toBe(false);
  });

  it('eventName operators: positive values OR, negative values AND', () => {
    const base = [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }];
    expect(selects(adv({ FieldSelectors: [...base, { Field: 'eventName', Equals: ['GetObject', 'PutObject'] }] }), putObject)).toBe(true);
    expect(selects(adv({ FieldSelectors: [...base, { Field: 'eventName', StartsWith: ['Get'], NotEquals: ['GetObject'] }] }), getObject)).toBe(false);
    expect(selects(adv({ FieldSelectors: [...base, { Field: 'eventName', NotStartsWith: ['Get', 'List'] }] }), putObject)).toBe(true);
    expect(selects(adv({ FieldSelectors: [...base, { Field: 'eventName', NotStartsWith: ['Get', 'List'] }] }), listObjects)).toBe(false);
    expect(selects(adv({ FieldSelectors: [...base, { Field: 'eventName', EndsWith: ['Object'], NotEndsWith: ['Objects'] }] }), listObjects)).toBe(false);
  });

  it('userIdentity.arn, sessionCredentialFromConsole and errorCode: an absent field fails positive and passes negative operators', () => {
    const base = [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }];
    expect(selects(adv({ FieldSelectors: [...base, { Field: 'userIdentity.arn', EndsWith: [':user/alice'] }] }), invoke)).toBe(true);
    expect(selects(adv({ FieldSelectors: [...base, { Field: 'userIdentity.arn', NotEndsWith: [':user/alice'] }] }), invoke)).toBe(false);
    expect(selects(adv({ FieldSelectors: [...base, { Field: 'sessionCredentialFromConsole', Equals: ['true'] }] }), invoke)).toBe(false);
    expect(selects(adv({ FieldSelectors: [...base, { Field: 'sessionCredentialFromConsole', NotEquals: ['true'] }] }), invoke)).toBe(true);
    const failed = { ...vpce, errorCode: 'VpceAccessDenied' } as CloudTrailRecord;
    const net = [{ Field: 'eventCategory', Equals: ['NetworkActivity'] }, { Field: 'eventSource', Equals: ['s3.amazonaws.com'] }];
    expect(selects(adv({ FieldSelectors: [...net, { Field: 'errorCode', Equals: ['VpceAccessDenied'] }] }), failed)).toBe(true);
    expect(selects(adv({ FieldSelectors: [...net, { Field: 'errorCode', Equals: ['VpceAccessDenied'] }] }), vpce)).toBe(false);
    expect(selects(adv({ FieldSelectors: net }), vpce)).toBe(true);
  });

  it('every field selector must hold; any advanced selector is enough', () => {
    const a: AdvancedEventSelector = { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }, { Field: 'readOnly', Equals: ['true'] }] };
    expect(selects(adv(a), invoke)).toBe(false);
    expect(selects(adv(a, mgmtAll), invoke)).toBe(false);
    expect(selects(adv(a, mgmtAll), createUser)).toBe(true);
  });
});

describe('dataResourceTypeOf', () => {
  it('names the type a selector uses for the record', () => {
    expect(dataResourceTypeOf(getObject)).toBe('AWS::S3::Object');
    expect(dataResourceTypeOf(listObjects)).toBe('AWS::S3::Object');
    expect(dataResourceTypeOf(invoke)).toBe('AWS::Lambda::Function');
    expect(dataResourceTypeOf(getItem)).toBe('AWS::DynamoDB::Table');
    expect(dataResourceTypeOf(data('dynamodb.amazonaws.com', 'GetRecords', true, dynamoTable('orders')))).toBe('AWS::DynamoDB::Stream');
    expect(dataResourceTypeOf(createUser)).toBeUndefined();
  });
});

// ---------------------------------------------------------------- compileSelectors === selects

const recordArb = fc.constantFrom(createUser, listUsers, kmsDecrypt, getObject, putObject, listObjects, invoke, invoke2, getItem, insight, vpce, { ...createUser, readOnly: undefined } as unknown as CloudTrailRecord);
const s3Values = ['arn:aws:s3', 'arn:aws:s3:::reports/', 'arn:aws:s3:::reports/q1/', 'arn:aws:s3:::uploads/'];
const fnValues = ['arn:aws:lambda', `arn:aws:lambda:us-east-1:${ACCOUNT}:function:helloworld`];
const basicArb: fc.Arbitrary<EventSelector> = fc.record(
  {
    ReadWriteType: fc.constantFrom('ReadOnly', 'WriteOnly', 'All') as fc.Arbitrary<'ReadOnly' | 'WriteOnly' | 'All'>,
    IncludeManagementEvents: fc.boolean(),
    DataResources: fc.array(
      fc.oneof(
        fc.record({ Type: fc.constant('AWS::S3::Object'), Values: fc.subarray(s3Values) }),
        fc.record({ Type: fc.constant('AWS::Lambda::Function'), Values: fc.subarray(fnValues) }),
        fc.record({ Type: fc.constant('AWS::DynamoDB::Table'), Values: fc.subarray(['arn:aws:dynamodb']) }),
      ),
      { maxLength: 3 },
    ),
    ExcludeManagementEventSources: fc.subarray(['kms.amazonaws.com']),
  },
  { requiredKeys: [] },
);

const opsArb = (values: string[]) =>
  fc.record(
    {
      Equals: fc.subarray(values, { minLength: 1 }),
      StartsWith: fc.subarray(values.map((v) => v.slice(0, 4)), { minLength: 1 }),
      EndsWith: fc.subarray(values.map((v) => v.slice(-4)), { minLength: 1 }),
      NotEquals: fc.subarray(values, { minLength: 1 }),
      NotStartsWith: fc.subarray(values.map((v) => v.slice(0, 4)), { minLength: 1 }),
      NotEndsWith: fc.subarray(values.map((v) => v.slice(-4)), { minLength: 1 }),
    },
    { requiredKeys: [] },
  );
const FIELD_VALUES: Record<string, string[]> = {
  eventCategory: ['Management', 'Data', 'NetworkActivity'],
  eventSource: ['iam.amazonaws.com', 's3.amazonaws.com', 'kms.amazonaws.com', 'lambda.amazonaws.com'],
  eventName: ['CreateUser', 'ListUsers', 'GetObject', 'PutObject', 'ListObjects', 'Invoke'],
  readOnly: ['true', 'false'],
  'resources.type': ['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table'],
  'resources.ARN': ['arn:aws:s3:::reports/', 'arn:aws:s3:::uploads/in/x.json', `arn:aws:lambda:us-east-1:${ACCOUNT}:function:helloworld`],
  'userIdentity.arn': [`arn:aws:iam::${ACCOUNT}:user/alice`],
  sessionCredentialFromConsole: ['true'],
  errorCode: ['VpceAccessDenied', 'AccessDenied'],
  eventType: ['AwsApiCall', 'AwsVpceEvent'],
  vpcEndpointId: ['vpce-0123456789abcdef0'],
};
const advancedArb: fc.Arbitrary<AdvancedEventSelector> = fc.record({
  FieldSelectors: fc.uniqueArray(fc.constantFrom(...Object.keys(FIELD_VALUES)), { minLength: 1, maxLength: 4 }).chain((fields) =>
    fc.tuple(...fields.map((f) => opsArb(FIELD_VALUES[f]).map((ops) => ({ Field: f, ...ops })))),
  ),
});

describe('compileSelectors', () => {
  it('agrees with selects on every record for random advanced selectors', () => {
    fc.assert(
      fc.property(fc.array(advancedArb, { minLength: 1, maxLength: 4 }), fc.array(recordArb, { minLength: 1, maxLength: 12 }), (sels, recs) => {
        const pred = compileSelectors({ AdvancedEventSelectors: sels });
        for (const r of recs) expect(pred(r)).toBe(selects({ AdvancedEventSelectors: sels }, r));
      }),
      { numRuns: process.env.TRAILSIM_LONG ? 5000 : 300 },
    );
  });

  it('agrees with selects on every record for random basic selectors', () => {
    fc.assert(
      fc.property(fc.array(basicArb, { maxLength: 5 }), fc.array(recordArb, { minLength: 1, maxLength: 12 }), (sels, recs) => {
        const pred = compileSelectors({ EventSelectors: sels });
        for (const r of recs) expect(pred(r)).toBe(selects({ EventSelectors: sels }, r));
      }),
      { numRuns: process.env.TRAILSIM_LONG ? 5000 : 300 },
    );
  });
});
