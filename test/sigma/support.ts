/**
 * Shared test support: the SigmaHQ CloudTrail rules from test/fixtures, compiled once, and
 * builders for hand-written CloudTrail records shaped like real ones
 * (test/fixtures/cloudtrail-samples; detection-scenarios "What the simulator must get right").
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSigmaRule, loadSigmaRules, type CompiledSigmaRule, type SigmaRule } from '../../src/sigma/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
export const RULES_DIR = fileURLToPath(new URL('../../rules/sigma-aws-cloudtrail', import.meta.url));
export const SAMPLES = join(FIXTURES, 'cloudtrail-samples', 'records.jsonl');

let cache: { rules: SigmaRule[]; compiled: CompiledSigmaRule[] } | undefined;

export function rules(): { rules: SigmaRule[]; compiled: CompiledSigmaRule[] } {
  if (!cache) {
    const r = loadSigmaRules(RULES_DIR);
    cache = { rules: r, compiled: r.map(compileSigmaRule) };
  }
  return cache;
}

/** Ids of the rules that fire on `record`, sorted. */
export function fired(record: object): string[] {
  return rules()
    .compiled.filter((c) => c.matches(record))
    .map((c) => c.rule.id)
    .sort();
}

export const ACCOUNT = '111122223333';

export type Rec = Record<string, unknown>;

export const identities = {
  iamUser: (name = 'alice'): Rec => ({
    type: 'IAMUser',
    principalId: 'AIDAEXAMPLEUSER00001',
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    accountId: ACCOUNT,
    accessKeyId: 'AKIAEXAMPLEUSER00001',
    userName: name,
  }),
  assumedRole: (role: string, session: string): Rec => ({
    type: 'AssumedRole',
    principalId: `AROAEXAMPLEROLE00001:${session}`,
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${session}`,
    accountId: ACCOUNT,
    accessKeyId: 'ASIAEXAMPLESESSION01',
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROAEXAMPLEROLE00001',
        arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
        accountId: ACCOUNT,
        userName: role,
      },
      attributes: { creationDate: '2026-01-01T11:00:00Z', mfaAuthenticated: 'false' },
    },
  }),
  root: (): Rec => ({
    type: 'Root',
    principalId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:root`,
    accountId: ACCOUNT,
    accessKeyId: 'ASIAEXAMPLEROOT00001',
  }),
  awsService: (host: string): Rec => ({ type: 'AWSService', invokedBy: host }),
};

let counter = 0;

/** A deterministic, unique UUID-shaped id. */
export function nextId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/**
 * A successful management API call by an IAM user (`ec2 DescribeInstances` unless
 * overridden). Top-level keys of `over` replace the base's; `undefined` removes a key.
 */
export function record(over: Rec = {}): Rec {
  const base: Rec = {
    eventVersion: '1.11',
    userIdentity: identities.iamUser(),
    eventTime: '2026-01-01T12:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.amzn.2023',
    requestParameters: null,
    responseElements: null,
    requestID: nextId(),
    eventID: nextId(),
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
  };
  const out: Rec = { ...base, ...over };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** A call to `source`/`name` (short service name: `ec2` means `ec2.amazonaws.com`). */
export function call(service: string, name: string, over: Rec = {}): Rec {
  return record({ eventSource: service.includes('.') ? service : `${service}.amazonaws.com`, eventName: name, ...over });
}

/** A console sign-in as `signin.amazonaws.com` writes it. */
export function consoleLogin(result: 'Success' | 'Failure', mfa: 'Yes' | 'No', over: Rec = {}): Rec {
  return call('signin', 'ConsoleLogin', {
    eventType: 'AwsConsoleSignIn',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    requestParameters: null,
    responseElements: { ConsoleLogin: result },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: mfa },
    ...(result === 'Failure' ? { errorMessage: 'Failed authentication' } : {}),
    ...over,
  });
}
