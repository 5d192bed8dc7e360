/**
 * Athena's documented table for CloudTrail logs, `cloudtrail_logs`
 * (https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table.html, manual
 * partitioning): column names and types as in its DDL. Unlike Lake, almost everything is a
 * string: `eventtime` is the ISO-8601 text, `readonly` is 'true'/'false', and
 * `requestparameters`, `responseelements`, `additionaleventdata`, `serviceeventdetails`,
 * `edgedevicedetails` hold the raw JSON text. The partition columns `region`, `year`,
 * `month`, `day` come from each file's path, as Athena's partitions do.
 *
 * DuckDB reads the files with the records' camelCase keys (`camel`), then casts each record
 * to the lower-case struct (`lower`); struct casts match field names case-insensitively.
 */
const S = 'VARCHAR';

interface Field {
  /** Key in the record. */
  key: string;
  /** Nested fields, or the DuckDB type. */
  type: string | Field[];
  list?: boolean;
}

const USER_IDENTITY: Field[] = [
  { key: 'type', type: S }, { key: 'principalId', type: S }, { key: 'arn', type: S }, { key: 'accountId', type: S },
  { key: 'invokedBy', type: S }, { key: 'accessKeyId', type: S }, { key: 'userName', type: S },
  { key: 'onBehalfOf', type: [{ key: 'userId', type: S }, { key: 'identityStoreArn', type: S }] },
  {
    key: 'sessionContext',
    type: [
      { key: 'attributes', type: [{ key: 'mfaAuthenticated', type: S }, { key: 'creationDate', type: S }] },
      { key: 'sessionIssuer', type: [{ key: 'type', type: S }, { key: 'principalId', type: S }, { key: 'arn', type: S }, { key: 'accountId', type: S }, { key: 'userName', type: S }] },
      { key: 'ec2RoleDelivery', type: S },
      { key: 'webIdFederationData', type: [{ key: 'federatedProvider', type: S }, { key: 'attributes', type: 'MAP(VARCHAR, VARCHAR)' }] },
    ],
  },
];

/** The record fields of the table, in the DDL's order. */
export const ATHENA_FIELDS: readonly Field[] = [
  { key: 'eventVersion', type: S },
  { key: 'userIdentity', type: USER_IDENTITY },
  { key: 'eventTime', type: S },
  { key: 'eventSource', type: S },
  { key: 'eventName', type: S },
  { key: 'awsRegion', type: S },
  { key: 'sourceIPAddress', type: S },
  { key: 'userAgent', type: S },
  { key: 'errorCode', type: S },
  { key: 'errorMessage', type: S },
  { key: 'requestParameters', type: S },
  { key: 'responseElements', type: S },
  { key: 'additionalEventData', type: S },
  { key: 'requestID', type: S },
  { key: 'eventID', type: S },
  { key: 'resources', type: [{ key: 'ARN', type: S }, { key: 'accountId', type: S }, { key: 'type', type: S }], list: true },
  { key: 'eventType', type: S },
  { key: 'apiVersion', type: S },
  { key: 'readOnly', type: S },
  { key: 'recipientAccountId', type: S },
  { key: 'serviceEventDetails', type: S },
  { key: 'sharedEventID', type: S },
  { key: 'vpcEndpointId', type: S },
  { key: 'vpcEndpointAccountId', type: S },
  { key: 'eventCategory', type: S },
  { key: 'addendum', type: [{ key: 'reason', type: S }, { key: 'updatedFields', type: S }, { key: 'originalRequestID', type: S }, { key: 'originalEventID', type: S }] },
  { key: 'sessionCredentialFromConsole', type: S },
  { key: 'edgeDeviceDetails', type: S },
  { key: 'tlsDetails', type: [{ key: 'tlsVersion', type: S }, { key: 'cipherSuite', type: S }, { key: 'clientProvidedHostHeader', type: S }] },
];

export const ATHENA_PARTITIONS = ['region', 'year', 'month', 'day'] as const;

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

function render(fields: readonly Field[], lower: boolean): string {
  return `STRUCT(${fields
    .map((f) => `${q(lower ? f.key.toLowerCase() : f.key)} ${typeof f.type === 'string' ? f.type : render(f.type, lower)}${f.list ? '[]' : ''}`)
    .join(', ')})`;
}

/** The struct of one record with the log files' keys. */
export const ATHENA_RECORD_CAMEL = render(ATHENA_FIELDS, false);
/** The same struct with Athena's lower-case column names. */
export const ATHENA_RECORD_LOWER = render(ATHENA_FIELDS, true);
/** Column names of `cloudtrail_logs`, partitions last. */
export const ATHENA_COLUMNS: readonly string[] = [...ATHENA_FIELDS.map((f) => f.key.toLowerCase()), ...ATHENA_PARTITIONS];
