/**
 * How AWS API model metadata maps to CloudTrail fields. Shared by the generator
 * (tools/gen-catalog.ts) and the runtime (model-ops.ts) so both agree.
 */

/**
 * eventSource is `<endpointPrefix>.amazonaws.com` for most services (record-contents page:
 * "usually a short form of the service name"). Exceptions:
 * - endpoint prefixes with a dot (`api.ecr`, `runtime.sagemaker`, `streams.dynamodb`,
 *   `portal.sso`) log under the signing name (`ecr`, `sagemaker`, `dynamodb`);
 * - this table, for services whose records are known to use another name.
 */
const EVENT_SOURCE_OVERRIDES: Record<string, string> = {
  // SES v1 and v2 sign as `ses` and log as ses.amazonaws.com (v1 endpoint prefix is `email`).
  email: 'ses',
  sesv2: 'ses',
  'pinpoint-email': 'ses',
  // S3 Control (account-level S3 APIs) logs as s3.amazonaws.com.
  s3control: 's3',
  // Bedrock's agent and runtime APIs log as bedrock.amazonaws.com (InvokeModel sample).
  'bedrock-agent': 'bedrock',
  'bedrock-runtime': 'bedrock',
  'bedrock-agent-runtime': 'bedrock',
  // AppStream 2.0's endpoint prefix is appstream2.
  appstream: 'appstream',
  // Identity Center OIDC.
  'sso-oidc': 'sso-oauth',
  // IoT data plane.
  'iot-data': 'iotdata',
};

export function eventSourceFor(modelId: string, endpointPrefix: string, signingName?: string): string {
  const o = EVENT_SOURCE_OVERRIDES[modelId];
  if (o) return `${o}.amazonaws.com`;
  const host = endpointPrefix.includes('.') ? (signingName ?? endpointPrefix.split('.').pop()!) : endpointPrefix;
  // eventSource is a host name, always lower case (one model spells its prefix IoTSecuredTunneling).
  return `${host.toLowerCase()}.amazonaws.com`;
}

/** IAM action prefix: the signing name, else the endpoint prefix (CloudWatch: `cloudwatch`, not `monitoring`). */
export function iamPrefixFor(endpointPrefix: string, signingName?: string): string {
  if (endpointPrefix === 'monitoring') return 'cloudwatch';
  return (signingName ?? endpointPrefix).toLowerCase();
}

/**
 * Services whose records land in the partition's global region (us-east-1): IAM,
 * CloudFront, Route 53 (CloudTrail User Guide: global service events), and services with a
 * single us-east-1 endpoint (Organizations, Account, Route 53 Domains, Budgets, Cost
 * Explorer, Cost and Usage Reports, Shield, WAF Classic, Health, Savings Plans, Import/Export).
 * STS and S3 are not: STS regional endpoints log in their region (IAM User Guide), and S3
 * logs in the bucket's region.
 */
const GLOBAL_SOURCES = new Set([
  'iam.amazonaws.com', 'cloudfront.amazonaws.com', 'route53.amazonaws.com', 'organizations.amazonaws.com',
  'account.amazonaws.com', 'route53domains.amazonaws.com', 'budgets.amazonaws.com', 'ce.amazonaws.com',
  'cur.amazonaws.com', 'shield.amazonaws.com', 'waf.amazonaws.com', 'health.amazonaws.com',
  'savingsplans.amazonaws.com', 'importexport.amazonaws.com', 'signin.amazonaws.com',
]);

export function isGlobalService(eventSource: string): boolean {
  return GLOBAL_SOURCES.has(eventSource);
}

/**
 * Lambda's eventName: the API name, the date of its URI version (`/2015-03-31/...` gives
 * `20150331`) and `v2` for the operations Lambda revised (samples:
 * UpdateFunctionConfiguration20150331v2, UpdateFunctionCode20150331v2,
 * AddPermission20150331v2; public recordings: GetFunction20150331v2). The data-plane
 * invocations are logged without a suffix.
 */
const LAMBDA_V2 = new Set(['AddPermission', 'RemovePermission', 'GetPolicy', 'GetFunction', 'GetFunctionConfiguration', 'UpdateFunctionCode', 'UpdateFunctionConfiguration']);
const LAMBDA_PLAIN = new Set(['Invoke', 'InvokeAsync', 'InvokeWithResponseStream']);

export function lambdaEventName(name: string, requestUri: string | undefined): string {
  if (LAMBDA_PLAIN.has(name)) return name;
  const m = /^\/(\d{4})-(\d{2})-(\d{2})\//.exec(requestUri ?? '');
  if (!m) return name;
  return name + m[1] + m[2] + m[3] + (LAMBDA_V2.has(name) && m[1] + m[2] + m[3] === '20150331' ? 'v2' : '');
}

/** `DBInstanceIdentifier` gives `dBInstanceIdentifier`: CloudTrail lowers only the first letter (samples). */
export function lowerFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Services whose records carry `apiVersion`, in the form CloudTrail writes it (samples:
 * ELB `2012-06-01`/`2015-12-01`, CloudWatch Logs `20140328`, DynamoDB `2012-08-10`;
 * Route 53 `2013-04-01`, CloudFront `2020-05-31`). Others write none.
 */
export const API_VERSION_WRITERS: Readonly<Record<string, (modelVersion: string) => string>> = {
  'elasticloadbalancing.amazonaws.com': (v) => v,
  'logs.amazonaws.com': (v) => v.replace(/-/g, ''),
  'dynamodb.amazonaws.com': (v) => v,
  'route53.amazonaws.com': (v) => v,
  'cloudfront.amazonaws.com': (v) => v,
};
