import type { Severity } from './types.js';

/**
 * Every rule the validator can report, with its default severity, what it checks, and
 * where the fact comes from. "ref §N" is a section of shared/reference/cloudtrail-reference.md
 * (a summary of the AWS CloudTrail User Guide); "samples" means the real records in
 * test/fixtures/cloudtrail-samples. Rule ids are stable: tools filter on them.
 *
 * Some rules change severity with context (documented on the rule): `record.size` and
 * `eventContext.outsideLake` follow `ValidateOptions.delivery`; `record.unknownField` is a
 * warning on records newer than eventVersion 1.11; `consoleLogin.failureMessage` is a
 * warning when the message is merely unrecognised.
 */
export interface RuleInfo {
  readonly severity: Severity;
  readonly summary: string;
  readonly ref: string;
}

const error = (summary: string, ref: string): RuleInfo => ({ severity: 'error', summary, ref });
const warning = (summary: string, ref: string): RuleInfo => ({ severity: 'warning', summary, ref });

export const RULES = {
  // --- whole record / file ---------------------------------------------------------------
  'record.type': error('A record is a JSON object.', 'ref §1'),
  'record.unknownField': error('Top-level keys are the fields CloudTrail documents (warning above eventVersion 1.11, which may add fields).', 'ref §1 table; minor versions add fields'),
  'record.keyOrder': error('Top-level keys follow RECORD_KEY_ORDER (only with strictKeyOrder).', 'src/record/types.ts RECORD_KEY_ORDER'),
  'record.size': error('Events are at most 256 KB (from 1.05), 1 MB in Lake; error when delivery is "trail" or above 1 MB, warning for "any".', 'ref §5 CloudWatch Logs; WhatIsCloudTrail-Limits'),
  'json.parse': error('Each line (JSONL) or each Records element parses as JSON.', 'ref §5 S3 delivery'),
  'eventID.duplicate': error('eventID is unique within a file.', 'ref §1 eventID'),
  'insight.pairing': error('Within a file an Insight (sharedEventID) has at most one Start and one End, End not before Start.', 'ref §3'),

  // --- eventVersion ----------------------------------------------------------------------
  'eventVersion.missing': error('eventVersion is always present.', 'ref §1'),
  'eventVersion.format': error('eventVersion is the string "1.0" or "1.NN".', 'ref §1'),
  'eventVersion.unknown': warning('eventVersion is newer than 1.11, the newest this validator knows.', 'ref §1'),
  'eventVersion.fieldTooNew': error('A field does not appear before the eventVersion that introduced it.', 'ref §1 "since" column'),

  // --- always-present fields -------------------------------------------------------------
  'eventTime.missing': error('eventTime is always present.', 'ref §1'),
  'eventTime.format': error('eventTime is a real UTC instant written YYYY-MM-DDTHH:MM:SSZ.', 'ref §1'),
  'eventID.missing': error('eventID is present from 1.01.', 'ref §1'),
  'eventID.format': error('eventID is a lower-case UUID.', 'ref §1'),
  'eventType.missing': error('eventType is present from 1.02.', 'ref §1'),
  'eventType.enum': error('eventType is one of the six documented values.', 'ref §1 eventType'),
  'eventCategory.missing': error('eventCategory is present from 1.07.', 'ref §1'),
  'eventCategory.enum': error('eventCategory is Management, Data, Insight or NetworkActivity.', 'ref §1'),
  'eventCategory.eventType': error('eventCategory agrees with eventType (Insight <=> AwsCloudTrailInsight, NetworkActivity <=> AwsVpceEvent, console events are Management).', 'ref §1, §8'),
  'managementEvent.missing': error('managementEvent is present from 1.06 on AwsApiCall, AwsServiceEvent, AwsConsoleAction and AwsConsoleSignIn.', 'ref §1'),
  'managementEvent.type': error('managementEvent is a boolean.', 'ref §1'),
  'managementEvent.category': error('managementEvent is true exactly when eventCategory is Management.', 'ref §1; samples'),
  'awsRegion.missing': error('awsRegion is always present.', 'ref §1'),
  'awsRegion.format': error('awsRegion looks like a region name (lower-case words and digits joined by "-").', 'ref §1; samples (anonymised names such as apiso-northsouth-3r)'),
  'awsRegion.notAllowed': error('awsRegion is one of ValidateOptions.allowedRegions.', 'option'),
  'recipientAccountId.missing': warning('recipientAccountId is optional in the docs but present in practice (from 1.02).', 'ref §1'),
  'recipientAccountId.format': error('recipientAccountId is 12 digits.', 'ref §1'),

  // --- caller fields (not on Insights) ---------------------------------------------------
  'eventSource.missing': error('eventSource is present on every record except Insights.', 'ref §1'),
  'eventSource.format': error('eventSource is <service>.amazonaws.com.', 'ref §1'),
  'eventName.missing': error('eventName is present on every record except Insights.', 'ref §1'),
  'eventName.format': error('eventName is a non-empty string.', 'ref §1'),
  'sourceIPAddress.missing': error('sourceIPAddress is present on every record except Insights and some AwsServiceEvent records.', 'ref §1; AWS docs AppStream service-event example'),
  'sourceIPAddress.format': error('sourceIPAddress is an IP address, an AWS service host name (x.amazonaws.com) or "AWS Internal".', 'ref §1'),
  'userAgent.type': error('userAgent is a string.', 'ref §1'),
  'userAgent.size': error('userAgent is at most 1 KB (CloudTrail truncates; a truncated value ending in "..." may reach 2 KB).', 'ref §1; samples line 21'),
  'errorCode.type': error('errorCode is a string.', 'ref §1'),
  'errorCode.size': error('errorCode is at most 1 KB (truncated values ending in "..." up to 2 KB).', 'ref §1'),
  'errorMessage.type': error('errorMessage is a string.', 'ref §1'),
  'errorMessage.size': error('errorMessage is at most 1 KB (truncated values ending in "..." up to 2 KB).', 'ref §1; samples line 21 (1026 bytes, truncated, anonymised)'),
  'requestParameters.missing': error('AwsApiCall records always have the requestParameters key (value may be null).', 'ref §1; samples'),
  'requestParameters.type': error('requestParameters is an object or null.', 'ref §1'),
  'requestParameters.size': error('requestParameters is at most 100 KB (CloudTrail truncates larger ones and marks them omitted).', 'ref §1'),
  'responseElements.missing': error('AwsApiCall records always have the responseElements key (value may be null).', 'ref §1; samples'),
  'responseElements.type': error('responseElements is an object or null.', 'ref §1'),
  'responseElements.size': error('responseElements is at most 100 KB.', 'ref §1'),
  'additionalEventData.type': error('additionalEventData is an object.', 'ref §1'),
  'additionalEventData.size': error('additionalEventData is at most 28 KB.', 'ref §1'),
  'serviceEventDetails.type': error('serviceEventDetails is an object.', 'ref §1'),
  'serviceEventDetails.size': error('serviceEventDetails is at most 100 KB.', 'ref §1'),
  'serviceEventDetails.eventType': error('serviceEventDetails appears only on AwsServiceEvent records.', 'ref §1'),
  'edgeDeviceDetails.type': error('edgeDeviceDetails is an object.', 'ref §1'),
  'edgeDeviceDetails.size': error('edgeDeviceDetails is at most 28 KB.', 'ref §1'),
  'requestID.missing': error('AwsApiCall records carry requestID (from 1.01); sign-in and service events may lack it.', 'ref §1; samples'),
  'requestID.format': error('requestID is a non-empty token of at most 1 KB without spaces.', 'ref §1'),
  'readOnly.type': error('readOnly is a boolean.', 'ref §1'),
  'apiVersion.type': error('apiVersion is a string.', 'ref §1'),
  'sharedEventID.format': error('sharedEventID is a lower-case UUID.', 'ref §1'),
  'vpcEndpointId.format': error('vpcEndpointId is vpce-<id>.', 'ref §1'),
  'vpcEndpointAccountId.format': error('vpcEndpointAccountId is 12 digits, "AWS Internal" or a service host name.', 'ref §1'),
  'sessionCredentialFromConsole.value': error('sessionCredentialFromConsole is only ever the string "true".', 'ref §1'),
  'tlsDetails.type': error('tlsDetails is an object.', 'ref §1'),
  'tlsDetails.tlsVersion': error('tlsDetails.tlsVersion is TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3.', 'ref §1'),
  'tlsDetails.fieldType': error('tlsDetails fields are strings.', 'ref §1'),
  'tlsDetails.unknownField': warning('tlsDetails holds tlsVersion, cipherSuite, clientProvidedHostHeader, keyExchange.', 'ref §1'),
  'addendum.type': error('addendum is an object.', 'ref §1'),
  'addendum.reason': error('addendum.reason is DELIVERY_DELAY, UPDATED_DATA or SERVICE_OUTAGE.', 'ref §1'),
  'addendum.fieldType': error('addendum.updatedFields/originalRequestID/originalEventID are strings.', 'ref §1'),
  'addendum.unknownField': warning('addendum holds reason, updatedFields, originalRequestID, originalEventID.', 'ref §1'),
  'resources.type': error('resources is an array.', 'ref §1'),
  'resources.item': error('Each resource is a non-empty object.', 'ref §1'),
  'resources.arnKey': error('A resource ARN is under the key "ARN" (upper case), not "arn".', 'ref §1 resources'),
  'resources.ARN': error('resources[].ARN is an ARN.', 'ref §1'),
  'resources.ARNPrefix': error('resources[].ARNPrefix is an ARN prefix.', 'samples (S3 ListObjects data events); Lake schema arnprefix'),
  'resources.accountId': error('resources[].accountId is 12 digits.', 'ref §1'),
  'resources.resourceType': error('resources[].type has the form AWS::Service::Type.', 'ref §1'),
  'resources.unknownField': warning('A resource holds ARN, ARNPrefix, accountId, type.', 'ref §6 Lake schema resources'),
  'eventContext.type': error('eventContext is an object.', 'ref §1'),
  'eventContext.outsideLake': warning('eventContext appears only in Lake event data stores (error for delivery "trail").', 'ref §1 eventContext'),
  'eventContext.eventCategory': error('eventContext appears only on management and data events.', 'ref §1 eventContext'),
  'arn.partition': error('ARNs use the partition of awsRegion (checked only for region names AWS publishes).', 'ref §1 ARN formats; AWS SDK partitions'),

  // --- userIdentity ---------------------------------------------------------------------
  'userIdentity.missing': error('userIdentity is present on every record except Insights.', 'ref §1'),
  'userIdentity.shape': error('userIdentity is an object.', 'ref §2'),
  'userIdentity.typeMissing': error('userIdentity.type is present (AwsServiceEvent records may omit it).', 'ref §2; AWS docs KMS RotateKey service event'),
  'userIdentity.typeUnknown': error('userIdentity.type is one of the twelve documented types.', 'ref §2'),
  'userIdentity.unknownField': warning('userIdentity holds only documented fields.', 'ref §2'),
  'userIdentity.fieldType': error('userIdentity scalar fields are strings.', 'ref §2'),
  'userIdentity.requiredField': error('Each identity type carries its defining fields.', 'ref §2 table'),
  'userIdentity.accountId': error('userIdentity.accountId is 12 digits.', 'ref §2'),
  'userIdentity.arn': error('userIdentity.arn is an ARN (empty only for Unknown).', 'ref §1 ARN formats'),
  'userIdentity.arnAccount': error('The account in a principal ARN equals userIdentity.accountId.', 'ref §1 ARN formats; samples'),
  'userIdentity.accessKeyId': error('accessKeyId is empty or an access key id (AKIA, ASIA, ABIA, ACCA prefix).', 'ref §1 access-key prefixes'),
  'userIdentity.onBehalfOf': error('onBehalfOf is {userId, identityStoreArn}.', 'ref §2 IdentityCenterUser'),
  'userIdentity.inScopeOf': error('inScopeOf is an object of strings.', 'ref §6 Lake schema inscopeof'),
  'userIdentity.Root.arn': error('A Root arn is arn:<partition>:iam::<account>:root.', 'ref §1'),
  'userIdentity.Root.principalId': error('A Root principalId is the account id.', 'ref §2'),
  'userIdentity.IAMUser.arn': error('An IAMUser arn is arn:<partition>:iam::<account>:user/[path/]name.', 'ref §1'),
  'userIdentity.IAMUser.principalId': error('An IAMUser principalId is the user id (AIDA...).', 'ref §1 unique-id prefixes'),
  'userIdentity.IAMUser.userName': error('An IAMUser arn ends with /userName.', 'ref §2; samples'),
  'userIdentity.AssumedRole.arn': error('An AssumedRole arn is arn:<partition>:sts::<account>:assumed-role/Role/Session.', 'ref §1'),
  'userIdentity.AssumedRole.principalId': error('An AssumedRole principalId is AROA...:Session with the session of the arn.', 'ref §1'),
  'userIdentity.AssumedRole.accessKeyId': error('AssumedRole credentials are temporary (ASIA...).', 'ref §2'),
  'userIdentity.AssumedRole.sessionIssuer': error('An AssumedRole session is issued by a Role of the same account and role id.', 'ref §2'),
  'userIdentity.AssumedRole.roleName': error('The sessionIssuer role name equals the role name in the assumed-role arn.', 'ref §1, §2'),
  'userIdentity.FederatedUser.arn': error('A FederatedUser arn is arn:<partition>:sts::<account>:federated-user/Name.', 'ref §1'),
  'userIdentity.FederatedUser.principalId': error('A FederatedUser principalId is <account>:<Name>.', 'ref §2'),
  'userIdentity.FederatedUser.accessKeyId': error('FederatedUser credentials are temporary (ASIA...).', 'ref §2'),
  'userIdentity.FederatedUser.sessionIssuer': error('A FederatedUser session is issued by an IAMUser or Root.', 'ref §2'),
  'userIdentity.AWSService.arn': error('An AWSService identity has no arn.', 'ref §2; samples'),
  'userIdentity.AWSService.principalId': error('An AWSService identity has no principalId.', 'ref §2; samples'),
  'userIdentity.AWSAccount.accountId': error('An AWSAccount accountId is 12 digits or ANONYMOUS_PRINCIPAL.', 'ref §2'),
  'userIdentity.Role.arn': error('A Role arn is arn:<partition>:iam::<account>:role/[path/]name.', 'ref §1'),
  'userIdentity.sessionContext.shape': error('sessionContext is an object.', 'ref §2'),
  'userIdentity.sessionContext.attributes': error('sessionContext.attributes is {creationDate, mfaAuthenticated}.', 'ref §2; samples'),
  'userIdentity.sessionContext.mfaAuthenticated': error('mfaAuthenticated is the string "true" or "false".', 'ref §2'),
  'userIdentity.sessionContext.creationDate': error('creationDate is ISO 8601 (extended or basic notation), UTC.', 'ref §2'),
  'userIdentity.sessionContext.ec2RoleDelivery': error('ec2RoleDelivery is "1.0" or "2.0".', 'ref §2'),
  'userIdentity.sessionContext.webIdFederationData': error('webIdFederationData is {} or {federatedProvider, attributes}.', 'ref §2'),
  'userIdentity.sessionContext.fieldType': error('sourceIdentity, ec2IssuedInVPC and assumedRoot are strings.', 'ref §2'),
  'userIdentity.sessionContext.unknownField': warning('sessionContext holds only documented fields.', 'ref §2'),
  'userIdentity.sessionIssuer.shape': error('sessionIssuer is an object ({} for IAM-user console sessions).', 'ref §2; samples'),
  'userIdentity.sessionIssuer.type': error('sessionIssuer.type is Root, IAMUser or Role.', 'ref §2'),
  'userIdentity.sessionIssuer.arn': error('sessionIssuer.arn is the IAM ARN of its type (role/, user/ or root).', 'ref §1'),
  'userIdentity.sessionIssuer.accountId': error('sessionIssuer.accountId is 12 digits.', 'ref §2'),
  'userIdentity.sessionIssuer.fieldType': error('sessionIssuer fields are strings.', 'ref §2'),

  // --- console sign-in ------------------------------------------------------------------
  'consoleSignIn.eventSource': error('AwsConsoleSignIn records come from signin.amazonaws.com.', 'ref §1 eventType'),
  'consoleLogin.result': error('ConsoleLogin responseElements.ConsoleLogin is "Success" or "Failure".', 'ref §1 eventType'),
  'consoleLogin.success': error('A successful ConsoleLogin has no errorCode or errorMessage.', 'ref §1 errorMessage'),
  'consoleLogin.failureMessage': error('A failed ConsoleLogin has an errorMessage; without an errorCode it is "Failed authentication" (or "No username found in supplied account"; any other is a warning).', 'ref §1 errorMessage; AWS sign-in events doc'),
  'consoleLogin.mfaUsed': error('ConsoleLogin additionalEventData.MFAUsed is "Yes" or "No".', 'ref §1 additionalEventData; samples'),

  // --- Insights -------------------------------------------------------------------------
  'insight.extraField': error('Insights records carry only eventVersion, eventTime, awsRegion, eventID, eventType, recipientAccountId, sharedEventID, insightDetails, eventCategory.', 'ref §1 eventType, §3'),
  'insight.sharedEventID': error('Insights records carry the sharedEventID that links Start and End.', 'ref §3'),
  'insightDetails.missing': error('Insights records carry insightDetails.', 'ref §3'),
  'insightDetails.eventType': error('insightDetails appears only on AwsCloudTrailInsight records.', 'ref §1'),
  'insightDetails.shape': error('insightDetails and insightContext are objects.', 'ref §3'),
  'insightDetails.state': error('insightDetails.state is Start or End.', 'ref §3'),
  'insightDetails.insightType': error('insightType is ApiCallRateInsight or ApiErrorRateInsight.', 'ref §3'),
  'insightDetails.eventSource': error('insightDetails.eventSource is <service>.amazonaws.com.', 'ref §3'),
  'insightDetails.eventName': error('insightDetails.eventName is a non-empty string.', 'ref §3'),
  'insightDetails.errorCode': error('insightDetails.errorCode is present exactly on ApiErrorRateInsight.', 'ref §3'),
  'insightDetails.statistics': error('statistics.baseline.average and statistics.insight.average are non-negative numbers.', 'ref §3'),
  'insightDetails.insightDuration': error('insightDuration (minutes) is a non-negative number, required on End.', 'ref §3'),
  'insightDetails.baselineDuration': error('baselineDuration (minutes) is a non-negative number.', 'ref §3'),
  'insightDetails.attributions': error('attributions: userIdentityArn/userAgent/errorCode, up to 5 {value, average} per side sorted by average descending (plus "Other"); no errorCode attribution on error-rate Insights.', 'ref §3; lake-and-insights.md §3'),
  'insightDetails.unknownField': warning('insightDetails holds only documented fields.', 'ref §3'),

  // --- network activity -----------------------------------------------------------------
  'networkActivity.extraField': error('AwsVpceEvent records carry no userAgent, requestParameters, responseElements, readOnly or managementEvent.', 'ref §1 eventType AwsVpceEvent'),
  'networkActivity.vpcEndpoint': error('AwsVpceEvent records carry vpcEndpointId and vpcEndpointAccountId.', 'ref §1 eventType AwsVpceEvent'),
  'networkActivity.deniedMessage': error('errorCode VpceAccessDenied comes with errorMessage "The request was denied due to a VPC endpoint policy".', 'ref §1 errorMessage'),
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** Looks a rule up by an id that came from outside (e.g. a CLI flag). */
export function ruleInfo(id: string): RuleInfo | undefined {
  return Object.hasOwn(RULES, id) ? RULES[id as RuleId] : undefined;
}
