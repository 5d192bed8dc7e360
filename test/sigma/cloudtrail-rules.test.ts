/**
 * The 57 SigmaHQ CloudTrail rules (rules/sigma-aws-cloudtrail) against the facts
 * in shared/reference/detection-scenarios.md: they all parse and compile, the real sample
 * records give exactly the documented hit table, each rule fires on a hand-written
 * positive and not on a near miss, the six documented rule flaws behave as documented, and
 * benign background traffic B1-B14 fires only the two documented hunting rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateSigma } from '../../src/sigma/index.js';
import { HUNT_ASSUMED_ROLE, HUNT_LIST_BUCKETS, RULE_CASES } from './rule-cases.js';
import { call, consoleLogin, fired, identities, record, rules, SAMPLES, type Rec } from './support.js';

describe('the 57 SigmaHQ CloudTrail rules', () => {
  it('all parse and compile with no unsupported construct', () => {
    const { rules: parsed, compiled } = rules();
    expect(parsed).toHaveLength(57);
    expect(compiled.filter((c) => c.unsupported).map((c) => [c.rule.id, c.unsupported])).toEqual([]);
    expect(new Set(parsed.map((r) => r.id)).size).toBe(57);
    for (const r of parsed) {
      expect(r.logsource).toMatchObject({ product: 'aws', service: 'cloudtrail' });
      expect(r.title).not.toBe('');
      expect(['informational', 'low', 'medium', 'high', 'critical']).toContain(r.level);
      expect(r.author).toBeTruthy(); // kept for the Detection Rule License's attribution
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/); // YAML 1.1 timestamps stay text
      expect(r.tags.length).toBeGreaterThan(0);
    }
  });

  it('reads the constructs the rules use as written', () => {
    const byId = new Map(rules().rules.map((r) => [r.id, r]));
    const item = (id: string, search: string) => {
      const s = byId.get(id)!.detection.searches[search];
      if (s.kind !== 'fields') throw new Error('not a field search');
      return s.alternatives;
    };
    expect(item('055fb148-60f8-462d-ad16-26926ce050f1', 'filter_main_user_identity')[0][0]).toEqual({
      key: 'userIdentity.arn|fieldref',
      field: 'userIdentity.arn',
      modifiers: ['fieldref'],
      values: ['requestParameters.userName'],
    });
    expect(item('352a918a-34d8-4882-8470-44830c507aa3', 'filter_main_generic')).toHaveLength(3); // list of maps
    expect(item('db014773-7375-4f4e-b83b-133337c0ffee', 'selection')[0][3].modifiers).toEqual(['contains', 'all']);
    expect(item('d2656e78-c069-4571-8220-9e0ab5913f19', 'selection_status_null')[0][0].values).toEqual([null]);
    expect(byId.get('54b9a76a-3c71-4673-b4b3-2edb4566ea7b')!.detection.conditions[0].expression).toEqual({
      type: 'and',
      operands: [
        { type: 'ref', name: 'selection' },
        { type: 'not', operand: { type: 'of', quantifier: 'one', pattern: 'filter*', names: ['filter1', 'filter2', 'filter3'] } },
      ],
    });
  });
});

describe('real sample records (test/fixtures/cloudtrail-samples)', () => {
  const records = readFileSync(SAMPLES, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Rec);

  it('give exactly the hit table of detection-scenarios.md', () => {
    expect(records).toHaveLength(146);
    const results = evaluateSigma(rules().compiled, records);
    expect(results).toHaveLength(57);
    const table = Object.fromEntries(results.filter((r) => r.hits > 0).map((r) => [r.ruleId.slice(0, 8), r.hits]));
    expect(table).toEqual({
      '905d389b': 54,
      '4db60cc0': 2,
      '38e7f511': 2,
      '0a5177f4': 1,
      '97fbabf8': 1,
      abae8fec: 1,
      '77caf516': 1,
      '055fb148': 1,
      e386b9b5: 1,
      '6fb77778': 1,
    });
    for (const r of results) {
      expect(r.matchedEventIds).toHaveLength(r.hits);
      expect(r.unsupported).toBeUndefined();
    }
  });

  it('fire on the documented records', () => {
    const results = new Map(evaluateSigma(rules().compiled, records).map((r) => [r.ruleId.slice(0, 8), r]));
    const names = (id: string) =>
      results
        .get(id)!
        .matchedEventIds.map((e) => records.find((r) => r.eventID === e)!)
        .map((r) => `${r.eventSource} ${r.eventName}`)
        .sort();
    expect(names('4db60cc0')).toEqual(['cloudtrail.amazonaws.com DeleteTrail', 'cloudtrail.amazonaws.com StopLogging']);
    expect(names('38e7f511')).toEqual(['ssm.amazonaws.com SendCommand', 'ssm.amazonaws.com SendCommand']);
    expect(names('97fbabf8')).toEqual(['lambda.amazonaws.com UpdateFunctionConfiguration20150331v2']);
    expect(names('77caf516')).toEqual(['signin.amazonaws.com ConsoleLogin']);
    expect(names('055fb148')).toEqual(['iam.amazonaws.com UpdateLoginProfile']);
    expect(names('6fb77778')).toEqual(['ec2.amazonaws.com AuthorizeSecurityGroupIngress']);
    // Every AssumeRole-misuse hit is a role session; every role session with a Role issuer is a hit.
    const roleSessions = records.filter((r) => {
      const u = r.userIdentity as Rec | undefined;
      const issuer = ((u?.sessionContext as Rec | undefined)?.sessionIssuer as Rec | undefined)?.type;
      return u?.type === 'AssumedRole' && issuer === 'Role';
    });
    expect(results.get('905d389b')!.matchedEventIds).toEqual(roleSessions.map((r) => r.eventID));
  });

  it('miss the Stratus user-data record (finding 5)', () => {
    const ud = records.filter((r) => r.eventName === 'ModifyInstanceAttribute');
    expect(ud.length).toBeGreaterThan(0);
    for (const r of ud) expect(fired(r)).not.toContain('1ab3c5ed-5baf-417b-bb6b-78ca33f6c3df');
  });
});

describe('each rule: a hand-written positive fires it, a near miss does not', () => {
  it('covers all 57 rules', () => {
    expect(new Set(RULE_CASES.map((c) => c.id))).toEqual(new Set(rules().rules.map((r) => r.id)));
  });
  for (const c of RULE_CASES) {
    const title = rules().rules.find((r) => r.id === c.id)?.title ?? c.id;
    it(`${c.id.slice(0, 13)} ${title}`, () => {
      expect(fired(c.positive)).toEqual([c.id, ...(c.positiveAlso ?? [])].sort());
      expect(fired(c.negative)).toEqual([...(c.negativeFires ?? [])].sort());
    });
  }
});

describe('documented rule behaviour (detection-scenarios.md)', () => {
  const fires = (id: string, r: Rec) => fired(r).includes(id);

  it('finding 1: SAML provider deletion needs a top-level status, which CloudTrail never writes', () => {
    const id = 'ccd6a6c8-bb4e-4a91-9d2a-07e632819374';
    const real = call('iam', 'DeleteSAMLProvider', { requestParameters: { sAMLProviderArn: 'arn:aws:iam::111122223333:saml-provider/Okta' } });
    expect(fires(id, real)).toBe(false);
    expect(fires(id, { ...real, status: 'success' })).toBe(true);
    expect(fires(id, { ...real, status: 'SUCCESS' })).toBe(true);
    expect(fires(id, { ...real, status: 'failure' })).toBe(false);
  });

  it('finding 2: the backdoor-keys filter is literal text, so self-created keys still fire', () => {
    const id = '0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2';
    const self = call('iam', 'CreateAccessKey', { responseElements: { accessKey: { accessKeyId: 'AKIAEXAMPLEALICE0002', status: 'Active', userName: 'alice' } } });
    expect((self.userIdentity as Rec).userName).toBe('alice');
    expect(fires(id, self)).toBe(true);
    // Only an ARN that contains the literal words is filtered out.
    const literal = { ...self, userIdentity: { ...identities.iamUser(), arn: 'arn:aws:iam::111122223333:user/responseElements.accessKey.userName' } };
    expect(fires(id, literal)).toBe(false);
    // No success check either: a failed CreateAccessKey fires.
    expect(fires(id, call('iam', 'CreateAccessKey', { errorCode: 'LimitExceeded', errorMessage: 'Cannot exceed quota for AccessKeysPerUser: 2' }))).toBe(true);
  });

  it('finding 3: fieldref compares an ARN with a bare user name, so every UpdateLoginProfile fires', () => {
    const id = '055fb148-60f8-462d-ad16-26926ce050f1';
    const own = call('iam', 'UpdateLoginProfile', { requestParameters: { userName: 'alice' } });
    expect(fires(id, own)).toBe(true); // alice resets her own password: still fires
    // The reference really is to the field's value: equal values (case-insensitively) are filtered.
    const equal = call('iam', 'UpdateLoginProfile', { userIdentity: { ...identities.iamUser(), arn: 'Alice' }, requestParameters: { userName: 'alice' } });
    expect(fires(id, equal)).toBe(false);
    // No userName to compare with: the filter cannot match, the rule fires.
    expect(fires(id, call('iam', 'UpdateLoginProfile', { requestParameters: null }))).toBe(true);
  });

  it('finding 4: "VM Export Failure" fires on successful exports and is silent on failed ones', () => {
    const id = '54b9a76a-3c71-4673-b4b3-2edb4566ea7b';
    const ok = call('ec2', 'CreateInstanceExportTask', { responseElements: { exportTask: { exportTaskId: 'export-i-1', state: 'active' } } });
    expect(fires(id, ok)).toBe(true);
    expect(fires(id, { ...ok, errorCode: 'Client.NotExportable' })).toBe(false);
    expect(fires(id, { ...ok, errorMessage: 'Only imported instances can be exported.' })).toBe(false);
    expect(fires(id, { ...ok, responseElements: { exportTask: { state: 'Failure' } } })).toBe(false);
    // contains '*' needs a value: an empty errorMessage is a value, null is not.
    expect(fires(id, { ...ok, errorMessage: '' })).toBe(false);
    expect(fires(id, { ...ok, errorMessage: null })).toBe(true);
  });

  it('finding 5: the user-data rule needs requestParameters.attribute; the real record has userData instead', () => {
    const id = '1ab3c5ed-5baf-417b-bb6b-78ca33f6c3df';
    expect(fires(id, call('ec2', 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-1', userData: '<sensitiveDataRemoved>' } }))).toBe(false);
    expect(fires(id, call('ec2', 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-1', attribute: 'userData' } }))).toBe(true);
    expect(fires(id, call('ec2', 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-1', attribute: 'instanceType' } }))).toBe(false);
  });

  it('finding 6: the Route 53 domain rules expect route53.amazonaws.com, not route53domains', () => {
    for (const [id, name] of [
      ['3940b5f1-3f46-44aa-b746-ebe615b879e0', 'DisableDomainTransferLock'],
      ['b056de1a-6e6e-4e40-a67e-97c9808cf41b', 'TransferDomainToAnotherAwsAccount'],
    ]) {
      expect(fires(id, call('route53domains', name))).toBe(false);
      expect(fires(id, call('route53', name))).toBe(true);
    }
  });

  it('GuardDuty detector: boolean enable compared as text, success only, DeleteDetector too', () => {
    const id = 'd2656e78-c069-4571-8220-9e0ab5913f19';
    expect(fires(id, call('guardduty', 'UpdateDetector', { requestParameters: { detectorId: 'd', enable: false } }))).toBe(true);
    expect(fires(id, call('guardduty', 'UpdateDetector', { requestParameters: { detectorId: 'd', enable: 'False' } }))).toBe(true);
    expect(fires(id, call('guardduty', 'UpdateDetector', { requestParameters: { detectorId: 'd', enable: false }, errorCode: 'AccessDeniedException' }))).toBe(false);
    expect(fires(id, call('guardduty', 'UpdateDetector', { requestParameters: { detectorId: 'd', enable: false }, errorCode: 'Success' }))).toBe(true);
    expect(fires(id, call('guardduty', 'UpdateDetector', { requestParameters: { detectorId: 'd', enable: false }, errorCode: null }))).toBe(true);
    expect(fires(id, call('guardduty', 'UpdateDetector', { requestParameters: { detectorId: 'd', findingPublishingFrequency: 'SIX_HOURS' } }))).toBe(false);
    expect(fires(id, call('guardduty', 'DeleteDetector', { requestParameters: { detectorId: 'd' } }))).toBe(true);
    expect(fires(id, call('ec2', 'DeleteDetector'))).toBe(false);
  });

  it('console login without MFA matches MFAUsed case-insensitively and needs Success', () => {
    const id = '77caf516-34e5-4df9-b4db-20744fea0a60';
    expect(fires(id, consoleLogin('Success', 'No'))).toBe(true);
    expect(fires(id, consoleLogin('Failure', 'No'))).toBe(false);
    expect(fires(id, consoleLogin('Success', 'Yes'))).toBe(false);
  });

  it('TruffleHog user agent: the whole string for the generic rule, contains for GetCallerIdentity', () => {
    const generic = 'a840e606-7c8c-4684-9bc1-eb6b6155127f';
    const gci = '9b1b8e9b-0a5d-4af1-9d2f-4c4b6e7c2c9d';
    expect(fires(generic, record({ userAgent: 'trufflehog' }))).toBe(true);
    expect(fires(generic, record({ userAgent: 'TruffleHog/3.63' }))).toBe(false);
    expect(fires(gci, call('sts', 'GetCallerIdentity', { userAgent: 'TruffleHog' }))).toBe(true);
    expect(fired(call('sts', 'GetCallerIdentity', { userAgent: 'TruffleHog' }))).toEqual([gci, generic].sort());
  });

  it('IMDS credentials: each exclusion suppresses; other roles never match the regex', () => {
    const id = '352a918a-34d8-4882-8470-44830c507aa3';
    const who = identities.assumedRole('aws:ec2-instance', 'i-0abc');
    expect(fires(id, call('ec2', 'DescribeInstances', { userIdentity: who }))).toBe(true);
    expect(fires(id, call('ssm', 'UpdateInstanceInformation', { userIdentity: who }))).toBe(false);
    expect(fires(id, call('ssm-guiconnect', 'RegisterManagedInstance', { userIdentity: who }))).toBe(false);
    expect(fires(id, call('ec2', 'DescribeInstances', { userIdentity: who, sourceIPAddress: 'AWS Internal' }))).toBe(false);
    expect(fires(id, call('ec2', 'DescribeInstances', { userIdentity: identities.assumedRole('app-role', 'i-0abc') }))).toBe(false);
    // The regex is case-sensitive.
    expect(fires(id, call('ec2', 'DescribeInstances', { userIdentity: { ...who, arn: 'arn:aws:sts::111122223333:ASSUMED-ROLE/aws:ec2-instance/i-0abc' } }))).toBe(false);
  });

  it('ECS credential endpoint: every container and every argument is searched, nothing else', () => {
    const id = 'b94bf91e-c2bf-4047-9c43-c6810f43baad';
    const td = (containers: Rec[]) => call('ecs', 'RegisterTaskDefinition', { requestParameters: { family: 'f', containerDefinitions: containers } });
    expect(fires(id, td([{ name: 'a', command: ['echo', 'ok'] }, { name: 'b', command: ['curl', '169.254.170.2$aws_container_credentials_relative_uri'] }]))).toBe(true);
    expect(fires(id, td([{ name: 'a', command: 'curl 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' }]))).toBe(true);
    expect(fires(id, td([{ name: 'a', entryPoint: ['curl', '$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'] }]))).toBe(false);
    expect(fires(id, td([]))).toBe(false);
    expect(fires(id, call('ecs', 'RunTask', { requestParameters: { containerDefinitions: [{ command: ['x $AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'] }] } }))).toBe(true);
  });

  it('Lambda layers: startswith on the versioned name; a missing or empty list does not fire', () => {
    const id = '97fbabf8-8e1b-47a2-b7d5-a418d2b95e3d';
    const upd = (rp: Rec | null, name = 'UpdateFunctionConfiguration20150331v2') => call('lambda', name, { requestParameters: rp });
    expect(fires(id, upd({ functionName: 'f', layers: ['arn:1'] }))).toBe(true);
    expect(fires(id, upd({ functionName: 'f', layers: ['arn:1'] }, 'UpdateFunctionConfiguration'))).toBe(true);
    expect(fires(id, upd({ functionName: 'f', layers: [] }))).toBe(false);
    expect(fires(id, upd({ functionName: 'f' }))).toBe(false);
    expect(fires(id, upd({ functionName: 'f', layers: null }))).toBe(false);
    expect(fires(id, upd({ functionName: 'f', layers: ['arn:1'] }, 'UpdateFunctionCode20150331v2'))).toBe(false);
  });

  it('S3 Browser templated policy needs all three quoted strings, from the policy JSON string', () => {
    const id = 'db014773-7375-4f4e-b83b-133337c0ffee';
    const put = (doc: string) => call('iam', 'PutUserPolicy', { userAgent: 'S3 Browser 11.5.7 https://s3browser.com', requestParameters: { userName: 'u', policyName: 'p', policyDocument: doc } });
    const full = '{"Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::<YOUR-BUCKET-NAME>/*"]}]}';
    expect(fires(id, put(full))).toBe(true);
    expect(fires(id, put(full.replace('"Allow"', '"Deny"')))).toBe(false);
    expect(fires(id, put(full.replace('"s3:GetObject"', '"s3:PutObject"')))).toBe(false);
    // The quotes are part of the value: an unquoted mention does not count.
    expect(fires(id, put('Effect=Allow Action=s3:GetObject Resource=arn:aws:s3:::<YOUR-BUCKET-NAME>/*'))).toBe(false);
  });

  it('bucket versioning: contains on the whole requestParameters object', () => {
    const id = 'a136ac98-b2bc-4189-a14d-f0d0388e57a7';
    expect(fires(id, call('s3', 'PutBucketVersioning', { requestParameters: { bucketName: 'b', VersioningConfiguration: { Status: 'suspended' } } }))).toBe(true);
    expect(fires(id, call('s3', 'PutBucketVersioning', { requestParameters: { bucketName: 'b', VersioningConfiguration: { Status: 'Enabled' } } }))).toBe(false);
    // Flattened by a pipeline into one string: still matched.
    expect(fires(id, call('s3', 'PutBucketVersioning', { requestParameters: '{"VersioningConfiguration":{"Status":"Suspended"}}' }))).toBe(true);
  });

  it('RDS: master password needs a value; public restore compares the boolean as text', () => {
    const pw = '8a63cdd4-6207-414a-85bc-7e032bd3c1a2';
    const mod = (pmv: Rec) => call('rds', 'ModifyDBInstance', { responseElements: { pendingModifiedValues: pmv } });
    expect(fires(pw, mod({ masterUserPassword: '****' }))).toBe(true);
    expect(fires(pw, mod({ masterUserPassword: null }))).toBe(false);
    expect(fires(pw, mod({}))).toBe(false);
    const pub = 'c3f265c7-ff03-4056-8ab2-d486227b4599';
    const restore = (v: unknown) => call('rds', 'RestoreDBInstanceFromDBSnapshot', { responseElements: { publiclyAccessible: v } });
    expect(fires(pub, restore(true))).toBe(true);
    expect(fires(pub, restore('TRUE'))).toBe(true);
    expect(fires(pub, restore(false))).toBe(false);
    expect(fires(pub, restore(1))).toBe(false);
  });

  it('SAML activity: the source must go with its event name (1 of selection_*)', () => {
    const id = 'f43f5d2f-3f2a-4cc8-b1af-81fde7dbaf0e';
    expect(fires(id, call('sts', 'AssumeRoleWithSAML'))).toBe(true);
    expect(fires(id, call('iam', 'UpdateSAMLProvider'))).toBe(true);
    expect(fires(id, call('sts', 'UpdateSAMLProvider'))).toBe(false);
    expect(fires(id, call('iam', 'AssumeRoleWithSAML'))).toBe(false);
  });

  it('GetSigninToken: only the console user agent is excluded', () => {
    const id = 'f8103686-e3e8-46f3-be72-65f7fcb4aa53';
    expect(fires(id, call('signin', 'GetSigninToken', { userAgent: 'Mozilla/5.0 Jersey/${project.version} x' }))).toBe(false);
    expect(fires(id, call('signin', 'GetSigninToken', { userAgent: 'aws-cli/2.15.0' }))).toBe(true);
    expect(fires(id, call('signin', 'GetSigninToken', { userAgent: undefined }))).toBe(true);
  });

  it('Identity Center IdP change: either source, any of the four names', () => {
    const id = 'd3adb3ef-b7e7-4003-9092-1924c797db35';
    expect(fires(id, call('sso', 'AssociateDirectory'))).toBe(true);
    expect(fires(id, call('sso-directory', 'EnableExternalIdPConfigurationForDirectory'))).toBe(true);
    expect(fires(id, call('identitystore', 'AssociateDirectory'))).toBe(false);
  });
});

describe('benign background traffic B1-B14 fires only the documented hunting rules', () => {
  const ci = identities.assumedRole('terraform-ci', 'gh-run-42');
  const audit = identities.assumedRole('SecurityAudit', 'scanner-7');
  const fnRole = identities.assumedRole('orders-fn-role', 'orders-fn');
  const appRole = identities.assumedRole('orders-app', 'i-0123456789abcdef0');
  const instanceRole = identities.assumedRole('app-instance-role', 'i-0123456789abcdef0');
  const configRole = identities.assumedRole('AWSServiceRoleForConfig', 'AWSConfig-Describe');
  const svc = (host: string) => ({ userIdentity: identities.awsService(host), sourceIPAddress: host, userAgent: host });
  const ro = { readOnly: true };
  const patterns: [string, Rec[], string[]][] = [
    ['B1 IaC refresh: Describe*', ['DescribeInstances', 'DescribeSubnets', 'DescribeVpcs'].map((n) => call('ec2', n, { userIdentity: ci, userAgent: 'APN/1.0 HashiCorp/1.0 Terraform/1.9.5', ...ro })), [HUNT_ASSUMED_ROLE]],
    [
      'B2 posture scanner reading bucket config',
      [
        call('s3', 'GetBucketVersioning', { userIdentity: audit, requestParameters: { bucketName: 'b', versioning: '' }, ...ro }),
        call('s3', 'GetBucketPolicy', { userIdentity: audit, requestParameters: { bucketName: 'b', policy: '' }, errorCode: 'NoSuchBucketPolicy', errorMessage: 'The bucket policy does not exist', ...ro }),
        call('s3', 'GetBucketEncryption', { userIdentity: audit, requestParameters: { bucketName: 'b', encryption: '' }, errorCode: 'ServerSideEncryptionConfigurationNotFoundError', ...ro }),
      ],
      [HUNT_ASSUMED_ROLE],
    ],
    ['B3 services assuming their roles', [call('sts', 'AssumeRole', { ...svc('lambda.amazonaws.com'), requestParameters: { roleArn: 'arn:aws:iam::111122223333:role/orders-fn-role', roleSessionName: 'orders-fn' } })], []],
    ['B4 KMS envelope encryption', ['GenerateDataKey', 'Decrypt'].map((n) => call('kms', n, { ...svc('s3.amazonaws.com'), requestParameters: { keyId: 'arn:aws:kms:us-east-1:111122223333:key/k1' }, ...ro })), []],
    ['B5 Lambda writing logs', [call('logs', 'CreateLogStream', { userIdentity: fnRole, requestParameters: { logGroupName: '/aws/lambda/orders-fn', logStreamName: '2026/01/01/[$LATEST]abc' } })], [HUNT_ASSUMED_ROLE]],
    ['B6 admin browsing IAM', ['ListRoles', 'ListUsers', 'GetUser'].map((n) => call('iam', n, ro)), []],
    ['B7 who-am-I checks', [call('sts', 'GetCallerIdentity', ro)], []],
    ['B8 console login with MFA', [consoleLogin('Success', 'Yes')], []],
    ['B9 checking trail health', ['GetTrailStatus', 'DescribeTrails', 'LookupEvents'].map((n) => call('cloudtrail', n, ro)), []],
    ['B10 SSM agent heartbeat', [call('ssm', 'UpdateInstanceInformation', { userIdentity: instanceRole, sourceIPAddress: '10.0.1.23', userAgent: 'aws-sdk-go/1.50.0 (go1.21; linux; amd64) amazon-ssm-agent/3.3.0' })], [HUNT_ASSUMED_ROLE]],
    ['B11 AWS Config polling', [call('ec2', 'DescribeSecurityGroups', { userIdentity: configRole, sourceIPAddress: 'config.amazonaws.com', userAgent: 'config.amazonaws.com', ...ro })], [HUNT_ASSUMED_ROLE]],
    [
      'B12 app reading secrets and objects',
      [
        call('secretsmanager', 'GetSecretValue', { userIdentity: appRole, requestParameters: { secretId: 'prod/orders/db' }, ...ro }),
        call('s3', 'GetObject', { userIdentity: appRole, requestParameters: { bucketName: 'orders', key: 'a.json' }, eventCategory: 'Data', managementEvent: false, resources: [{ type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::orders/a.json' }], ...ro }),
      ],
      [HUNT_ASSUMED_ROLE],
    ],
    [
      'B13 ECS reading task definitions',
      [call('ecs', 'DescribeTaskDefinition', { ...svc('ecs.amazonaws.com'), requestParameters: { taskDefinition: 'web:3' }, responseElements: { taskDefinition: { containerDefinitions: [{ name: 'web', command: ['nginx', '-g', 'daemon off;'] }] } }, ...ro })],
      [],
    ],
    ['B14 human listing buckets', [call('s3', 'ListBuckets', ro)], [HUNT_LIST_BUCKETS]],
  ];
  for (const [name, recs, expected] of patterns) {
    it(name, () => {
      for (const r of recs) expect(fired(r)).toEqual(expected);
    });
  }
});
