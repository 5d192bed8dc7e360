import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog, defaultCatalog } from '../../src/catalog/catalog.js';
import { modelServices, protocolOf } from '../../src/catalog/model-data.js';
import { modelOperationSpecs } from '../../src/catalog/model-ops.js';
import { requestFor } from '../../src/catalog/request.js';
import { eventSourceFor, iamPrefixFor, lambdaEventName, lowerFirst } from '../../src/catalog/model-rules.js';
import { isReadOnlyName } from '../../src/catalog/read-only.js';
import { fakeContext, ROLE_SESSION } from './fake-world.js';

const ROOT = join(import.meta.dirname, '../..');
const catalog = defaultCatalog();

describe('generated long tail', () => {
  const services = modelServices();
  const specs = modelOperationSpecs();

  it('covers at least 15,000 operations of AWS\'s published models', () => {
    expect(services.length).toBeGreaterThan(350);
    expect(specs.length).toBeGreaterThanOrEqual(15_000);
    const unique = new Set(specs.map((s) => `${s.eventSource}|${s.name}`));
    expect(unique.size).toBeGreaterThanOrEqual(15_000);
  });

  it('keeps the data file compact (< 3 MB) and committed', () => {
    expect(statSync(join(ROOT, 'src/catalog/generated/models.json')).size).toBeLessThan(3 * 1024 * 1024);
  });

  it('resolves every modelled operation by IAM prefix and by eventSource, and builds its request', () => {
    let i = 0;
    for (const s of services) {
      for (const op of s.operations) {
        const byPrefix = catalog.resolve(`${s.iamPrefix}:${op.name}`);
        expect(byPrefix.name.toLowerCase() === op.name.toLowerCase() || byPrefix.eventName === op.name, `${s.iamPrefix}:${op.name}`).toBe(true);
        const bySource = catalog.resolve(`${s.eventSource}:${op.name}`);
        expect(bySource.eventSource).toBe(s.eventSource);
        const ctx = fakeContext(i++, { identity: ROLE_SESSION });
        const req = requestFor(bySource, ctx);
        expect(req === null || typeof req === 'object').toBe(true);
        JSON.stringify(req);
      }
    }
  });

  it('builds requests deterministically from the seed', () => {
    for (const spec of specs.slice(0, 2000)) {
      expect(JSON.stringify(requestFor(spec, fakeContext(`d-${spec.name}`)))).toBe(JSON.stringify(requestFor(spec, fakeContext(`d-${spec.name}`))));
    }
  });

  it('writes required members with CloudTrail\'s key spelling and masks sensitive ones', () => {
    const gd = catalog.list({ service: 'guardduty', origin: 'model' }).find((s) => s.name === 'GetIPSet')!;
    expect(Object.keys(requestFor(gd, fakeContext(1))!)).toEqual(expect.arrayContaining(['detectorId', 'ipSetId']));
    const docdb = catalog.resolve('rds:DescribeDBClusterSnapshotAttributes');
    expect(Object.keys(requestFor(docdb, fakeContext(1))!)).toEqual(['dBClusterSnapshotIdentifier']);
    const cognito = catalog.resolve('cognito-idp:AdminSetUserPassword');
    expect(requestFor(cognito, fakeContext(1))!.password).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
    const ebs = catalog.resolve('ebs:GetSnapshotBlock');
    expect(ebs).toMatchObject({ category: 'Data', dataResourceType: 'AWS::EC2::Snapshot' });
    const s3 = catalog.resolve('s3:GetObjectRetention');
    expect(s3).toMatchObject({ category: 'Data', dataResourceType: 'AWS::S3::Object', requestIdStyle: 's3', origin: 'model' });
    expect(requestFor(s3, fakeContext(1))).toMatchObject({ bucketName: expect.any(String), Host: expect.stringContaining('.s3.') });
  });

  it('marks readOnly by the verb rule', () => {
    for (const spec of specs) expect(spec.readOnly, spec.name).toBe(isReadOnlyName(spec.name));
    expect(isReadOnlyName('DescribeInstances')).toBe(true);
    expect(isReadOnlyName('Getaway')).toBe(false);
    expect(isReadOnlyName('GetSessionToken')).toBe(false);
    expect(isReadOnlyName('CreateUser')).toBe(false);
    expect(isReadOnlyName('BatchGetItem')).toBe(true);
  });

  it('maps model metadata to eventSource and IAM prefix with the known exceptions', () => {
    expect(eventSourceFor('cloudwatch', 'monitoring', undefined)).toBe('monitoring.amazonaws.com');
    expect(iamPrefixFor('monitoring', undefined)).toBe('cloudwatch');
    expect(eventSourceFor('email', 'email', 'ses')).toBe('ses.amazonaws.com');
    expect(eventSourceFor('ecr', 'api.ecr', 'ecr')).toBe('ecr.amazonaws.com');
    expect(eventSourceFor('bedrock-runtime', 'bedrock-runtime', 'bedrock')).toBe('bedrock.amazonaws.com');
    expect(eventSourceFor('s3control', 's3-control', 's3')).toBe('s3.amazonaws.com');
    expect(lambdaEventName('UpdateFunctionCode', '/2015-03-31/functions/{FunctionName}/code')).toBe('UpdateFunctionCode20150331v2');
    expect(lambdaEventName('ListLayers', '/2018-10-31/layers')).toBe('ListLayers20181031');
    expect(lambdaEventName('Invoke', '/2015-03-31/functions/{FunctionName}/invocations')).toBe('Invoke');
    expect(lowerFirst('DBInstanceIdentifier')).toBe('dBInstanceIdentifier');
    expect(protocolOf('sqs.amazonaws.com')).toBeDefined();
    expect(catalog.resolve('lambda:ListLayers').eventName).toBe('ListLayers20181031');
    expect(catalog.resolve('dynamodb:DescribeLimits').apiVersion).toBe('2012-08-10');
    expect(catalog.resolve('logs:DescribeDestinations').apiVersion).toBe('20140328');
    expect(catalog.resolve('ec2:DescribeHosts').apiVersion).toBeUndefined();
  });

  it('a fresh catalog equals the default one in size', () => {
    expect(Catalog.withDefaults().size).toBe(catalog.size);
  });
});

describe('src/ hygiene for the catalog', () => {
  function files(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  }
  const sources = files(join(ROOT, 'src/catalog'));

  it('never imports aws-sdk, faker, the wall clock or global randomness', () => {
    for (const f of sources) {
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(text, f).not.toMatch(/from ['"]aws-sdk|require\(['"]aws-sdk|@faker-js|Date\.now\(|Math\.random\(|new Date\(\)/);
    }
  });
});
