/**
 * The SQL tables of event data stores, as CloudTrail Lake defines them
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-supported-event-schemas.html):
 * lower-case column names; `eventtime` a timestamp; `readonly` and `managementevent` booleans;
 * `requestparameters`, `responseelements`, `additionaleventdata`, `serviceeventdetails`,
 * `addendum`, `edgedevicedetails`, `insightdetails` `map<string,string>` whose values are
 * strings, nested objects and arrays as their JSON text; `useridentity`, `tlsdetails` structs;
 * `resources` an array of structs; `eventjson` the whole event as JSON text.
 *
 * trailsim's choices where the page is silent or cannot be followed:
 * - `useridentity.inscopeof.credentialsissuedto` is spelt as in records (the page has a typo);
 * - `annotation` and `eventjsonchecksum` are always NULL (trailsim does not annotate events
 *   and does not know Lake's checksum algorithm);
 * - Insights stores: the columns of the Insights record for event data stores
 *   (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-lake.html),
 *   `insightcontext` as JSON text and `insightsource` NULL (the source store is not modelled).
 *
 * Each column says where its value comes from in the compact store (see `RecordCodec`):
 * the event time, one of the near-unique string fields, or an SQL expression over a
 * dictionary entry (`s`: the value when it is a string, else its JSON text; `j`: its JSON text).
 */
import type { UniqueField } from './record-codec.js';
import type { StoreKind } from './selectors.js';

export type ColumnSource =
  | { kind: 'time' }
  | { kind: 'unique'; field: UniqueField }
  | {
      kind: 'dict';
      field: string;
      sql: string;
      /**
       * The same value in one step from the record's JSON: the `json_transform` type of the
       * field (then cast to the column's type). Streaming exports read records this way.
       */
      transform?: string | object;
    }
  | { kind: 'eventjson' }
  | { kind: 'null' };

export interface LakeColumn {
  name: string;
  /** DuckDB type. */
  type: string;
  source: ColumnSource;
}

const V = 'VARCHAR';
const MAP = 'MAP(VARCHAR, VARCHAR)';

const SESSION_ISSUER = `STRUCT(type ${V}, principalid ${V}, arn ${V}, accountid ${V}, username ${V})`;
export const USER_IDENTITY_TYPE =
  `STRUCT(type ${V}, principalid ${V}, arn ${V}, accountid ${V}, accesskeyid ${V}, username ${V}, ` +
  `sessioncontext STRUCT(attributes STRUCT(creationdate TIMESTAMP, mfaauthenticated ${V}), sessionissuer ${SESSION_ISSUER}, ` +
  `webidfederationdata STRUCT(federatedprovider ${V}, attributes ${MAP}), sourceidentity ${V}, ec2roledelivery ${V}, ec2issuedinvpc ${V}), ` +
  `onbehalfof STRUCT(userid ${V}, identitystorearn ${V}), ` +
  `inscopeof STRUCT(sourcearn ${V}, sourceaccount ${V}, issuertype ${V}, credentialsissuedto ${V}), invokedby ${V}, identityprovider ${V})`;

/** The record's camelCase keys, read by json_transform before the cast to the lower-case struct. */
const USER_IDENTITY_JSON = JSON.stringify({
  type: V, principalId: V, arn: V, accountId: V, accessKeyId: V, userName: V,
  sessionContext: {
    attributes: { creationDate: 'TIMESTAMP', mfaAuthenticated: V },
    sessionIssuer: { type: V, principalId: V, arn: V, accountId: V, userName: V },
    webIdFederationData: { federatedProvider: V, attributes: MAP },
    sourceIdentity: V, ec2RoleDelivery: V, ec2IssuedInVPC: V,
  },
  onBehalfOf: { userId: V, identityStoreArn: V },
  inScopeOf: { sourceArn: V, sourceAccount: V, issuerType: V, credentialsIssuedTo: V },
  invokedBy: V, identityProvider: V,
});

export const RESOURCES_TYPE = `STRUCT(accountid ${V}, type ${V}, arn ${V}, arnprefix ${V})[]`;
const RESOURCES_JSON = JSON.stringify([{ accountId: V, type: V, ARN: V, ARNPrefix: V }]);
export const TLS_TYPE = `STRUCT(tlsversion ${V}, ciphersuite ${V}, clientprovidedhostheader ${V})`;
const TLS_JSON = JSON.stringify({ tlsVersion: V, cipherSuite: V, clientProvidedHostHeader: V });

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
// json_transform to VARCHAR gives a string's value and any other value's JSON text, as `s` does.
const str = (field: string): ColumnSource => ({ kind: 'dict', field, sql: 's', transform: V });
const bool = (field: string): ColumnSource => ({ kind: 'dict', field, sql: 'TRY_CAST(s AS BOOLEAN)', transform: 'BOOLEAN' });
const map = (field: string): ColumnSource => ({ kind: 'dict', field, sql: `json_transform(j, '"${MAP}"')`, transform: MAP });
const struct = (field: string, json: string, type: string): ColumnSource => ({ kind: 'dict', field, sql: `CAST(json_transform(j, ${quote(json)}) AS ${type})`, transform: JSON.parse(json) as object });
const insight = (path: string, sql = 'json_extract_string'): ColumnSource => ({ kind: 'dict', field: 'insightDetails', sql: `${sql}(j, '$.${path}')` });

/** Columns of a store of CloudTrail events (management, data, network activity). */
export const CLOUDTRAIL_COLUMNS: readonly LakeColumn[] = [
  { name: 'eventversion', type: V, source: str('eventVersion') },
  { name: 'useridentity', type: USER_IDENTITY_TYPE, source: struct('userIdentity', USER_IDENTITY_JSON, USER_IDENTITY_TYPE) },
  { name: 'eventtime', type: 'TIMESTAMP', source: { kind: 'time' } },
  { name: 'eventsource', type: V, source: str('eventSource') },
  { name: 'eventname', type: V, source: str('eventName') },
  { name: 'awsregion', type: V, source: str('awsRegion') },
  { name: 'sourceipaddress', type: V, source: str('sourceIPAddress') },
  { name: 'useragent', type: V, source: str('userAgent') },
  { name: 'errorcode', type: V, source: str('errorCode') },
  { name: 'errormessage', type: V, source: str('errorMessage') },
  { name: 'requestparameters', type: MAP, source: map('requestParameters') },
  { name: 'responseelements', type: MAP, source: map('responseElements') },
  { name: 'additionaleventdata', type: MAP, source: map('additionalEventData') },
  { name: 'requestid', type: V, source: { kind: 'unique', field: 'requestID' } },
  { name: 'eventid', type: V, source: { kind: 'unique', field: 'eventID' } },
  { name: 'readonly', type: 'BOOLEAN', source: bool('readOnly') },
  { name: 'resources', type: RESOURCES_TYPE, source: struct('resources', RESOURCES_JSON, RESOURCES_TYPE) },
  { name: 'eventtype', type: V, source: str('eventType') },
  { name: 'apiversion', type: V, source: str('apiVersion') },
  { name: 'managementevent', type: 'BOOLEAN', source: bool('managementEvent') },
  { name: 'recipientaccountid', type: V, source: str('recipientAccountId') },
  { name: 'serviceeventdetails', type: MAP, source: map('serviceEventDetails') },
  { name: 'sharedeventid', type: V, source: { kind: 'unique', field: 'sharedEventID' } },
  { name: 'annotation', type: V, source: { kind: 'null' } },
  { name: 'vpcendpointid', type: V, source: str('vpcEndpointId') },
  { name: 'vpcendpointaccountid', type: V, source: str('vpcEndpointAccountId') },
  { name: 'eventcategory', type: V, source: str('eventCategory') },
  { name: 'addendum', type: MAP, source: map('addendum') },
  { name: 'sessioncredentialfromconsole', type: V, source: str('sessionCredentialFromConsole') },
  { name: 'edgedevicedetails', type: MAP, source: map('edgeDeviceDetails') },
  { name: 'tlsdetails', type: TLS_TYPE, source: struct('tlsDetails', TLS_JSON, TLS_TYPE) },
  { name: 'insightdetails', type: MAP, source: map('insightDetails') },
  { name: 'eventjson', type: V, source: { kind: 'eventjson' } },
  { name: 'eventjsonchecksum', type: V, source: { kind: 'null' } },
];

/** Columns of a store of Insights events. */
export const INSIGHT_COLUMNS: readonly LakeColumn[] = [
  { name: 'eventversion', type: V, source: str('eventVersion') },
  { name: 'eventcategory', type: V, source: str('eventCategory') },
  { name: 'eventtype', type: V, source: str('eventType') },
  { name: 'eventid', type: V, source: { kind: 'unique', field: 'eventID' } },
  { name: 'eventtime', type: 'TIMESTAMP', source: { kind: 'time' } },
  { name: 'awsregion', type: V, source: str('awsRegion') },
  { name: 'recipientaccountid', type: V, source: str('recipientAccountId') },
  { name: 'sharedeventid', type: V, source: { kind: 'unique', field: 'sharedEventID' } },
  { name: 'addendum', type: MAP, source: map('addendum') },
  { name: 'insightsource', type: V, source: { kind: 'null' } },
  { name: 'insightstate', type: V, source: insight('state') },
  { name: 'insighteventsource', type: V, source: insight('eventSource') },
  { name: 'insighteventname', type: V, source: insight('eventName') },
  { name: 'insighterrorcode', type: V, source: insight('errorCode') },
  { name: 'insighttype', type: V, source: insight('insightType') },
  { name: 'insightcontext', type: 'JSON', source: insight('insightContext', 'json_extract') },
  { name: 'eventjson', type: V, source: { kind: 'eventjson' } },
];

export function columnsFor(kind: StoreKind): readonly LakeColumn[] {
  return kind === 'Insight' ? INSIGHT_COLUMNS : CLOUDTRAIL_COLUMNS;
}
