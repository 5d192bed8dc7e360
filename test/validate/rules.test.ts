/**
 * One case per rule: a valid record (real sample or hand-built), one mutation, and the
 * expectation that the mutation breaks exactly that rule (every violation has its id) with
 * a message naming the offending field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, validateRecord, type RuleId, type Severity, type ValidateOptions } from '../../src/validate/index.js';
import { base, errorRateInsight, hand, insightPair, type Rec } from './records.js';

interface Case {
  rule: RuleId;
  /** What the case shows, when one rule has several cases. */
  note?: string;
  from: () => Rec;
  /** Edits the record in place, or returns a replacement value. */
  mutate: (r: Rec) => unknown;
  options?: ValidateOptions;
  severity?: Severity;
  /** Text every message must contain; default: the field named by the violation's path. */
  mentions?: string;
}

const start = () => insightPair().start;
const end = () => insightPair().end;
const at11 = (r: Rec) => { r.eventVersion = '1.11'; };
const big = (bytes: number) => ({ blob: 'x'.repeat(bytes) });
const rename = (o: Rec, from: string, to: string) => { o[to] = o[from]; delete o[from]; };
const issuer = (r: Rec) => r.userIdentity.sessionContext.sessionIssuer;

export const CASES: Case[] = [
  // whole record
  { rule: 'record.type', from: base.iamUser, mutate: () => [1, 2], mentions: 'object' },
  { rule: 'record.type', note: 'string', from: base.iamUser, mutate: () => 'eventName=ConsoleLogin', mentions: 'object' },
  { rule: 'record.unknownField', from: base.iamUser, mutate: (r) => { r['@timestamp'] = '2020-09-14T00:44:24.000Z'; } },
  { rule: 'record.unknownField', note: 'warning above 1.11', from: base.iamUser, severity: 'warning', mutate: (r) => { r.eventVersion = '1.12'; r.newField = 1; }, options: { ignoreRules: ['eventVersion.unknown'] } },
  { rule: 'record.keyOrder', from: base.assumedRoleOrdered, options: { strictKeyOrder: true }, mutate: (r) => { const t = r.eventTime; delete r.eventTime; r.eventTime = t; } },
  { rule: 'record.size', from: base.assumedRoleOrdered, options: { delivery: 'trail' }, mutate: (r) => { r.resources = Array.from({ length: 3000 }, (_, i) => ({ accountId: '347283850106', type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::bucket-number-${i}-${'b'.repeat(40)}` })); }, mentions: '256 KB' },
  { rule: 'record.size', note: 'warning when delivery is unknown', severity: 'warning', from: base.assumedRoleOrdered, mutate: (r) => { r.resources = Array.from({ length: 3000 }, (_, i) => ({ type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::bucket-number-${i}-${'b'.repeat(40)}` })); }, mentions: 'Lake' },
  { rule: 'record.size', note: 'over 1 MB even for Lake', from: base.assumedRoleOrdered, options: { delivery: 'lake' }, mutate: (r) => { r.resources = Array.from({ length: 12000 }, (_, i) => ({ type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::bucket-number-${i}-${'b'.repeat(40)}` })); }, mentions: '1 MB' },

  // eventVersion
  { rule: 'eventVersion.missing', from: base.assumedRole, mutate: (r) => { delete r.eventVersion; } },
  { rule: 'eventVersion.format', from: base.assumedRole, mutate: (r) => { r.eventVersion = '1.9'; } },
  { rule: 'eventVersion.format', note: 'number', from: base.assumedRole, mutate: (r) => { r.eventVersion = 1.09; } },
  { rule: 'eventVersion.unknown', from: base.assumedRole, severity: 'warning', mutate: (r) => { r.eventVersion = '1.12'; } },
  { rule: 'eventVersion.fieldTooNew', from: base.assumedRole, mutate: (r) => { r.eventVersion = '1.07'; }, mentions: 'tlsDetails' },
  { rule: 'eventVersion.fieldTooNew', note: 'eventContext before 1.11', from: base.assumedRole, options: { delivery: 'lake' }, mutate: (r) => { r.eventContext = { requestContext: {}, tagContext: {} }; }, mentions: '1.11' },

  // always-present fields
  { rule: 'eventTime.missing', from: base.iamUser, mutate: (r) => { delete r.eventTime; } },
  { rule: 'eventTime.format', from: base.iamUser, mutate: (r) => { r.eventTime = '2021-12-02T22:11:24.000Z'; } },
  { rule: 'eventTime.format', note: 'impossible date', from: base.iamUser, mutate: (r) => { r.eventTime = '2023-02-29T10:00:00Z'; } },
  { rule: 'eventID.missing', from: base.iamUser, mutate: (r) => { delete r.eventID; } },
  { rule: 'eventID.format', from: base.iamUser, mutate: (r) => { r.eventID = r.eventID.toUpperCase(); } },
  { rule: 'eventType.missing', from: base.iamUser, mutate: (r) => { delete r.eventType; } },
  { rule: 'eventType.enum', from: hand.networkActivity, mutate: (r) => { r.eventType = 'AwsVpceEvents'; }, mentions: 'did you mean AwsVpceEvent' },
  { rule: 'eventCategory.missing', from: base.iamUser, mutate: (r) => { delete r.eventCategory; } },
  { rule: 'eventCategory.enum', from: base.iamUser, mutate: (r) => { r.eventCategory = 'management'; } },
  { rule: 'eventCategory.eventType', from: base.consoleLogin, mutate: (r) => { r.eventCategory = 'Data'; r.managementEvent = false; } },
  { rule: 'eventCategory.eventType', note: 'network activity', from: hand.networkActivity, mutate: (r) => { r.eventCategory = 'Management'; } },
  { rule: 'managementEvent.missing', from: base.iamUser, mutate: (r) => { delete r.managementEvent; } },
  { rule: 'managementEvent.type', from: base.iamUser, mutate: (r) => { r.managementEvent = 'true'; } },
  { rule: 'managementEvent.category', from: base.iamUser, mutate: (r) => { r.managementEvent = false; } },
  { rule: 'managementEvent.category', note: 'data event', from: base.dataEvent, mutate: (r) => { r.managementEvent = true; } },
  { rule: 'awsRegion.missing', from: base.iamUser, mutate: (r) => { delete r.awsRegion; } },
  { rule: 'awsRegion.format', from: base.iamUser, mutate: (r) => { r.awsRegion = 'US East (N. Virginia)'; } },
  { rule: 'awsRegion.notAllowed', from: base.assumedRoleOrdered, options: { allowedRegions: ['eu-west-1', 'us-east-1'] }, mutate: (r) => { r.awsRegion = 'eu-west-2'; } },
  { rule: 'recipientAccountId.missing', severity: 'warning', from: base.iamUser, mutate: (r) => { delete r.recipientAccountId; } },
  { rule: 'recipientAccountId.format', from: base.iamUser, mutate: (r) => { r.recipientAccountId = 123456789012; } },

  // caller fields
  { rule: 'eventSource.missing', from: base.iamUser, mutate: (r) => { delete r.eventSource; } },
  { rule: 'eventSource.format', from: base.iamUser, mutate: (r) => { r.eventSource = 'ec2'; } },
  { rule: 'eventName.missing', from: base.iamUser, mutate: (r) => { delete r.eventName; } },
  { rule: 'eventName.format', from: base.iamUser, mutate: (r) => { r.eventName = ''; } },
  { rule: 'sourceIPAddress.missing', from: base.iamUser, mutate: (r) => { delete r.sourceIPAddress; } },
  { rule: 'sourceIPAddress.format', from: base.iamUser, mutate: (r) => { r.sourceIPAddress = '300.1.2.3'; } },
  { rule: 'userAgent.type', from: base.iamUser, mutate: (r) => { r.userAgent = null; } },
  { rule: 'userAgent.size', from: base.iamUser, mutate: (r) => { r.userAgent = 'aws-cli/' + 'x'.repeat(1100); } },
  { rule: 'userAgent.size', note: 'truncated values stop at 2 KB', from: base.iamUser, mutate: (r) => { r.userAgent = 'x'.repeat(2100) + '...'; } },
  { rule: 'errorCode.type', from: base.iamUser, mutate: (r) => { r.errorCode = 403; } },
  { rule: 'errorCode.size', from: base.iamUser, mutate: (r) => { r.errorCode = 'E'.repeat(1025); } },
  { rule: 'errorMessage.type', from: base.iamUser, mutate: (r) => { r.errorMessage = { text: 'denied' }; } },
  { rule: 'errorMessage.size', from: base.iamUser, mutate: (r) => { r.errorMessage = 'é'.repeat(600); }, mentions: 'bytes' },
  { rule: 'requestParameters.missing', from: base.iamUser, mutate: (r) => { delete r.requestParameters; } },
  { rule: 'requestParameters.type', from: base.iamUser, mutate: (r) => { r.requestParameters = '{"instanceId":"i-1"}'; } },
  { rule: 'requestParameters.size', from: base.iamUser, mutate: (r) => { r.requestParameters = big(101 * 1024); } },
  { rule: 'responseElements.missing', from: base.iamUser, mutate: (r) => { delete r.responseElements; } },
  { rule: 'responseElements.type', from: base.iamUser, mutate: (r) => { r.responseElements = []; } },
  { rule: 'responseElements.size', from: base.iamUser, mutate: (r) => { r.responseElements = big(101 * 1024); } },
  { rule: 'additionalEventData.type', from: base.consoleLogin, mutate: (r) => { r.eventName = 'CheckMfa'; r.additionalEventData = null; } },
  { rule: 'additionalEventData.size', from: base.awsService, mutate: (r) => { r.additionalEventData = big(29 * 1024); } },
  { rule: 'serviceEventDetails.type', from: hand.serviceEvent, mutate: (r) => { r.serviceEventDetails = 'rotated'; } },
  { rule: 'serviceEventDetails.size', from: hand.serviceEvent, mutate: (r) => { r.serviceEventDetails = big(101 * 1024); } },
  { rule: 'serviceEventDetails.eventType', from: base.iamUser, mutate: (r) => { r.serviceEventDetails = { keyId: 'k' }; } },
  { rule: 'edgeDeviceDetails.type', from: base.iamUser, mutate: (r) => { r.edgeDeviceDetails = 'outpost'; } },
  { rule: 'edgeDeviceDetails.size', from: base.iamUser, mutate: (r) => { r.edgeDeviceDetails = big(29 * 1024); } },
  { rule: 'requestID.missing', from: base.iamUser, mutate: (r) => { delete r.requestID; } },
  { rule: 'requestID.format', from: base.iamUser, mutate: (r) => { r.requestID = 'request 42'; } },
  { rule: 'readOnly.type', from: base.iamUser, mutate: (r) => { r.readOnly = 'true'; } },
  { rule: 'apiVersion.type', from: base.iamUser, mutate: (r) => { r.apiVersion = 20120601; } },
  { rule: 'sharedEventID.format', from: base.awsService, mutate: (r) => { r.sharedEventID = 'EXAMPLE2-1729-42f1-b735-5d8c0EXAMPLE'; } },
  { rule: 'vpcEndpointId.format', from: base.viaVpce, mutate: (r) => { r.vpcEndpointId = 'vpc-61638908'; } },
  { rule: 'vpcEndpointAccountId.format', from: hand.networkActivity, mutate: (r) => { r.vpcEndpointAccountId = '1234'; } },
  { rule: 'sessionCredentialFromConsole.value', from: hand.consoleAction, mutate: (r) => { r.sessionCredentialFromConsole = true; } },
  { rule: 'tlsDetails.type', from: base.iamUser, mutate: (r) => { r.tlsDetails = 'TLSv1.3'; } },
  { rule: 'tlsDetails.tlsVersion', from: base.iamUser, mutate: (r) => { r.tlsDetails.tlsVersion = 'TLS 1.3'; } },
  { rule: 'tlsDetails.fieldType', from: base.iamUser, mutate: (r) => { r.tlsDetails.cipherSuite = 4865; } },
  { rule: 'tlsDetails.unknownField', severity: 'warning', from: base.iamUser, mutate: (r) => { r.tlsDetails.alpn = 'h2'; } },
  { rule: 'addendum.type', from: base.iamUser, mutate: (r) => { r.addendum = 'DELIVERY_DELAY'; } },
  { rule: 'addendum.reason', from: base.iamUser, mutate: (r) => { r.addendum = { reason: 'LATE' }; } },
  { rule: 'addendum.fieldType', from: base.iamUser, mutate: (r) => { r.addendum = { reason: 'UPDATED_DATA', updatedFields: ['userIdentity'] }; } },
  { rule: 'addendum.unknownField', severity: 'warning', from: base.iamUser, mutate: (r) => { r.addendum = { reason: 'DELIVERY_DELAY', delaySeconds: 600 }; } },
  { rule: 'resources.type', from: base.awsService, mutate: (r) => { r.resources = r.resources[0]; } },
  { rule: 'resources.item', from: base.awsService, mutate: (r) => { r.resources.push({}); }, mentions: 'resource' },
  { rule: 'resources.arnKey', from: base.awsService, mutate: (r) => { rename(r.resources[0], 'ARN', 'arn'); } },
  { rule: 'resources.ARN', from: base.awsService, mutate: (r) => { r.resources[0].ARN = 's3://bucket'; } },
  { rule: 'resources.ARNPrefix', from: base.dataEvent, mutate: (r) => { r.resources.find((x: Rec) => x.ARNPrefix).ARNPrefix = 'mordors3stack/'; } },
  { rule: 'resources.accountId', from: base.awsService, mutate: (r) => { r.resources[0].accountId = 'aws'; } },
  { rule: 'resources.resourceType', from: base.awsService, mutate: (r) => { r.resources[0].type = 'S3 Bucket'; }, mentions: 'type' },
  { rule: 'resources.unknownField', severity: 'warning', from: base.awsService, mutate: (r) => { r.resources[0].tags = {}; } },
  { rule: 'eventContext.type', from: base.iamUser, options: { delivery: 'lake' }, mutate: (r) => { at11(r); r.eventContext = 'enriched'; } },
  { rule: 'eventContext.outsideLake', severity: 'warning', from: base.iamUser, mutate: (r) => { at11(r); r.eventContext = { requestContext: {}, tagContext: {} }; } },
  { rule: 'eventContext.outsideLake', note: 'error for trail delivery', severity: 'error', from: base.iamUser, options: { delivery: 'trail' }, mutate: (r) => { at11(r); r.eventContext = { requestContext: {}, tagContext: {} }; } },
  { rule: 'eventContext.eventCategory', from: hand.networkActivity, options: { delivery: 'lake' }, mutate: (r) => { at11(r); r.eventContext = { requestContext: {} }; } },
  { rule: 'arn.partition', from: base.assumedRoleOrdered, mutate: (r) => { r.awsRegion = 'cn-north-1'; }, mentions: 'aws-cn' },

  // userIdentity: common
  { rule: 'userIdentity.missing', from: base.iamUser, mutate: (r) => { delete r.userIdentity; } },
  { rule: 'userIdentity.shape', from: base.iamUser, mutate: (r) => { r.userIdentity = 'christophe'; } },
  { rule: 'userIdentity.typeMissing', from: base.iamUser, mutate: (r) => { delete r.userIdentity.type; } },
  { rule: 'userIdentity.typeUnknown', from: base.iamUser, mutate: (r) => { r.userIdentity.type = 'IAMRole'; } },
  { rule: 'userIdentity.unknownField', severity: 'warning', from: base.iamUser, mutate: (r) => { r.userIdentity.email = 'x@example.com'; } },
  { rule: 'userIdentity.fieldType', from: base.iamUser, mutate: (r) => { r.userIdentity.userName = ['christophe']; } },
  { rule: 'userIdentity.requiredField', from: base.iamUser, mutate: (r) => { delete r.userIdentity.userName; } },
  { rule: 'userIdentity.requiredField', note: 'AWSService needs invokedBy', from: base.awsService, mutate: (r) => { delete r.userIdentity.invokedBy; } },
  { rule: 'userIdentity.requiredField', note: 'IdentityCenterUser needs onBehalfOf', from: hand.identityCenterUser, mutate: (r) => { delete r.userIdentity.onBehalfOf; } },
  { rule: 'userIdentity.requiredField', note: 'SAMLUser needs identityProvider', from: hand.samlUser, mutate: (r) => { delete r.userIdentity.identityProvider; } },
  { rule: 'userIdentity.requiredField', note: 'WebIdentityUser needs userName', from: hand.webIdentityUser, mutate: (r) => { delete r.userIdentity.userName; } },
  { rule: 'userIdentity.accountId', from: base.iamUser, mutate: (r) => { r.userIdentity.accountId = '12345'; } },
  { rule: 'userIdentity.arn', from: hand.samlUser, mutate: (r) => { r.userIdentity.arn = 'saml:user'; } },
  { rule: 'userIdentity.arn', note: 'empty arn outside Unknown', from: hand.directory, mutate: (r) => { r.userIdentity.arn = ''; } },
  { rule: 'userIdentity.arnAccount', from: base.iamUser, mutate: (r) => { r.userIdentity.accountId = '999999999999'; } },
  { rule: 'userIdentity.accessKeyId', from: base.iamUser, mutate: (r) => { r.userIdentity.accessKeyId = 'AIDA1234567890ABCDEF'; } },
  { rule: 'userIdentity.onBehalfOf', from: hand.identityCenterUser, mutate: (r) => { r.userIdentity.onBehalfOf.identityStoreArn = 'd-9067230fe5'; } },
  { rule: 'userIdentity.inScopeOf', from: base.assumedRole, mutate: (r) => { r.userIdentity.inScopeOf = { issuerType: 'AWS::Lambda::Function', sourceAccount: 123 }; } },

  // userIdentity: per type
  { rule: 'userIdentity.Root.arn', from: hand.root, mutate: (r) => { r.userIdentity.arn = 'arn:aws:iam::111122223333:user/root'; } },
  { rule: 'userIdentity.Root.principalId', from: hand.root, mutate: (r) => { r.userIdentity.principalId = 'AIDACKCEVSQ6C2EXAMPLE'; } },
  { rule: 'userIdentity.IAMUser.arn', from: base.iamUser, mutate: (r) => { r.userIdentity.arn = r.userIdentity.arn.replace(':user/', ':role/'); } },
  { rule: 'userIdentity.IAMUser.principalId', from: base.iamUser, mutate: (r) => { r.userIdentity.principalId = 'AROA' + r.userIdentity.principalId.slice(4); } },
  { rule: 'userIdentity.IAMUser.userName', from: base.iamUser, mutate: (r) => { r.userIdentity.userName = 'someone-else'; } },
  { rule: 'userIdentity.AssumedRole.arn', from: base.assumedRole, mutate: (r) => { r.userIdentity.arn = r.userIdentity.arn.replace('assumed-role/', 'assumed-role/team/'); } },
  { rule: 'userIdentity.AssumedRole.arn', note: 'iam role arn instead of sts', from: base.assumedRole, mutate: (r) => { r.userIdentity.arn = issuer(r).arn; } },
  { rule: 'userIdentity.AssumedRole.principalId', from: base.assumedRole, mutate: (r) => { r.userIdentity.principalId = r.userIdentity.principalId.split(':')[0] + ':other-session'; } },
  { rule: 'userIdentity.AssumedRole.principalId', note: 'no session part', from: base.assumedRole, mutate: (r) => { r.userIdentity.principalId = issuer(r).principalId; } },
  { rule: 'userIdentity.AssumedRole.accessKeyId', from: base.assumedRole, mutate: (r) => { r.userIdentity.accessKeyId = 'AKIA' + r.userIdentity.accessKeyId.slice(4); } },
  { rule: 'userIdentity.AssumedRole.sessionIssuer', from: base.assumedRole, mutate: (r) => { r.userIdentity.sessionContext.sessionIssuer = {}; } },
  { rule: 'userIdentity.AssumedRole.sessionIssuer', note: 'issuer in another account', from: base.assumedRole, mutate: (r) => { issuer(r).accountId = '999999999999'; issuer(r).arn = issuer(r).arn.replace(/::\d{12}:/, '::999999999999:'); } },
  { rule: 'userIdentity.AssumedRole.sessionIssuer', note: 'issuer is an IAM user', from: base.assumedRole, mutate: (r) => { issuer(r).type = 'IAMUser'; issuer(r).arn = issuer(r).arn.replace(':role/', ':user/'); } },
  { rule: 'userIdentity.AssumedRole.roleName', from: base.assumedRole, mutate: (r) => { issuer(r).arn += '-v2'; issuer(r).userName += '-v2'; } },
  { rule: 'userIdentity.FederatedUser.arn', from: base.federatedUser, mutate: (r) => { r.userIdentity.arn = r.userIdentity.arn.replace('federated-user/', 'federated/'); } },
  { rule: 'userIdentity.FederatedUser.principalId', from: base.federatedUser, mutate: (r) => { r.userIdentity.principalId = r.userIdentity.principalId.replace('stratus_red_team', 'someone'); } },
  { rule: 'userIdentity.FederatedUser.accessKeyId', from: base.federatedUser, mutate: (r) => { r.userIdentity.accessKeyId = 'AKIA' + r.userIdentity.accessKeyId.slice(4); } },
  { rule: 'userIdentity.FederatedUser.sessionIssuer', from: base.federatedUser, mutate: (r) => { issuer(r).type = 'Role'; issuer(r).arn = issuer(r).arn.replace(':user/', ':role/'); } },
  { rule: 'userIdentity.AWSService.arn', from: base.awsService, mutate: (r) => { r.userIdentity.arn = 'arn:aws:iam::347283850106:role/aws-service-role/cloudtrail.amazonaws.com/X'; } },
  { rule: 'userIdentity.AWSService.principalId', from: base.awsService, mutate: (r) => { r.userIdentity.principalId = 'cloudtrail.amazonaws.com'; } },
  { rule: 'userIdentity.AWSAccount.accountId', from: hand.anonymous, mutate: (r) => { r.userIdentity.accountId = 'ANONYMOUS'; } },
  { rule: 'userIdentity.Role.arn', from: hand.role, mutate: (r) => { r.userIdentity.arn = 'arn:aws:sts::111122223333:assumed-role/Admin/s'; } },

  // sessionContext
  { rule: 'userIdentity.sessionContext.shape', from: base.assumedRole, mutate: (r) => { r.userIdentity.sessionContext = []; } },
  { rule: 'userIdentity.sessionContext.attributes', from: base.assumedRole, mutate: (r) => { delete r.userIdentity.sessionContext.attributes.creationDate; } },
  { rule: 'userIdentity.sessionContext.attributes', note: 'not an object', from: base.assumedRole, mutate: (r) => { r.userIdentity.sessionContext.attributes = 'mfa'; } },
  { rule: 'userIdentity.sessionContext.mfaAuthenticated', from: base.assumedRole, mutate: (r) => { r.userIdentity.sessionContext.attributes.mfaAuthenticated = false; }, mentions: 'the string "false"' },
  { rule: 'userIdentity.sessionContext.mfaAuthenticated', note: 'other string', from: base.iamUserConsole, mutate: (r) => { r.userIdentity.sessionContext.attributes.mfaAuthenticated = 'yes'; } },
  { rule: 'userIdentity.sessionContext.creationDate', from: base.assumedRole, mutate: (r) => { r.userIdentity.sessionContext.attributes.creationDate = 'Aug 1, 2024 11:30:22 AM'; } },
  { rule: 'userIdentity.sessionContext.ec2RoleDelivery', from: base.assumedRole, mutate: (r) => { r.userIdentity.sessionContext.ec2RoleDelivery = 2; } },
  { rule: 'userIdentity.sessionContext.webIdFederationData', from: base.iamUserConsole, mutate: (r) => { r.userIdentity.sessionContext.webIdFederationData = 'none'; } },
  { rule: 'userIdentity.sessionContext.fieldType', from: base.assumedRole, mutate: (r) => { r.userIdentity.sessionContext.sourceIdentity = { id: 'alice' }; } },
  { rule: 'userIdentity.sessionContext.unknownField', severity: 'warning', from: base.assumedRole, mutate: (r) => { r.userIdentity.sessionContext.tags = {}; } },
  { rule: 'userIdentity.sessionIssuer.shape', from: base.assumedRole, mutate: (r) => { r.userIdentity.sessionContext.sessionIssuer = 'Role'; } },
  { rule: 'userIdentity.sessionIssuer.type', from: base.assumedRole, mutate: (r) => { issuer(r).type = 'Group'; } },
  { rule: 'userIdentity.sessionIssuer.arn', from: base.assumedRole, mutate: (r) => { issuer(r).arn = issuer(r).arn.replace(':role/', ':user/'); } },
  { rule: 'userIdentity.sessionIssuer.accountId', from: base.assumedRole, mutate: (r) => { issuer(r).accountId = 'self'; } },
  { rule: 'userIdentity.sessionIssuer.fieldType', from: base.assumedRole, mutate: (r) => { issuer(r).userName = null; } },

  // console sign-in
  { rule: 'consoleSignIn.eventSource', from: base.consoleLogin, mutate: (r) => { r.eventSource = 'iam.amazonaws.com'; } },
  { rule: 'consoleLogin.result', from: base.consoleLogin, mutate: (r) => { r.responseElements = { ConsoleLogin: 'Succeeded' }; } },
  { rule: 'consoleLogin.success', from: base.consoleLogin, mutate: (r) => { r.errorMessage = 'Failed authentication'; } },
  { rule: 'consoleLogin.failureMessage', from: hand.consoleLoginFailure, mutate: (r) => { delete r.errorMessage; } },
  { rule: 'consoleLogin.failureMessage', note: 'unrecognised message is a warning', severity: 'warning', from: hand.consoleLoginFailure, mutate: (r) => { r.errorMessage = 'Wrong password'; } },
  { rule: 'consoleLogin.mfaUsed', from: base.consoleLogin, mutate: (r) => { r.additionalEventData.MFAUsed = false; } },
  { rule: 'consoleLogin.mfaUsed', note: 'missing', from: hand.root, mutate: (r) => { delete r.additionalEventData.MFAUsed; } },

  // Insights
  { rule: 'insight.extraField', from: start, mutate: (r) => { r.userIdentity = { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' }; r.eventSource = 'cloudtrail.amazonaws.com'; } },
  { rule: 'insight.extraField', note: 'no caller fields at all', from: end, mutate: (r) => { r.sourceIPAddress = 'AWS Internal'; r.userAgent = 'AWS Internal'; r.eventName = 'Insight'; r.managementEvent = false; } },
  { rule: 'insight.sharedEventID', from: start, mutate: (r) => { delete r.sharedEventID; } },
  { rule: 'insightDetails.missing', from: end, mutate: (r) => { delete r.insightDetails; } },
  { rule: 'insightDetails.eventType', from: base.iamUser, mutate: (r) => { r.insightDetails = insightPair().start.insightDetails; } },
  { rule: 'insightDetails.shape', from: start, mutate: (r) => { r.insightDetails = 'Start'; } },
  { rule: 'insightDetails.shape', note: 'insightContext', from: start, mutate: (r) => { r.insightDetails.insightContext = null; } },
  { rule: 'insightDetails.state', from: start, mutate: (r) => { r.insightDetails.state = 'Begin'; } },
  { rule: 'insightDetails.insightType', from: start, mutate: (r) => { r.insightDetails.insightType = 'ApiCallVolumeInsight'; } },
  { rule: 'insightDetails.eventSource', from: start, mutate: (r) => { r.insightDetails.eventSource = 'ssm'; } },
  { rule: 'insightDetails.eventName', from: start, mutate: (r) => { delete r.insightDetails.eventName; } },
  { rule: 'insightDetails.errorCode', from: errorRateInsight, mutate: (r) => { delete r.insightDetails.errorCode; } },
  { rule: 'insightDetails.errorCode', note: 'call-rate Insights count no error', from: start, mutate: (r) => { r.insightDetails.errorCode = 'AccessDenied'; } },
  { rule: 'insightDetails.statistics', from: start, mutate: (r) => { r.insightDetails.insightContext.statistics.baseline.average = '0.04'; } },
  { rule: 'insightDetails.statistics', note: 'negative rate', from: end, mutate: (r) => { r.insightDetails.insightContext.statistics.insight = { average: -1 }; } },
  { rule: 'insightDetails.insightDuration', from: end, mutate: (r) => { delete r.insightDetails.insightContext.statistics.insightDuration; } },
  { rule: 'insightDetails.baselineDuration', from: start, mutate: (r) => { r.insightDetails.insightContext.statistics.baselineDuration = '7d'; } },
  { rule: 'insightDetails.attributions', from: start, mutate: (r) => { r.insightDetails.insightContext.attributions[1].insight = [{ value: 'a', average: 1 }, { value: 'b', average: 3 }]; }, mentions: 'sorted' },
  { rule: 'insightDetails.attributions', note: 'more than five values', from: start, mutate: (r) => { r.insightDetails.insightContext.attributions[1].baseline = [6, 5, 4, 3, 2, 1].map((n) => ({ value: `agent-${n}`, average: n })); }, mentions: 'at most 5' },
  { rule: 'insightDetails.attributions', note: 'no errorCode attribution on error-rate Insights', from: errorRateInsight, mutate: (r) => { r.insightDetails.insightContext.attributions.push(insightPair().start.insightDetails.insightContext.attributions[2]); }, mentions: 'errorCode' },
  { rule: 'insightDetails.unknownField', severity: 'warning', from: start, mutate: (r) => { r.insightDetails.insightContext.statistics.p99 = 3; } },

  // network activity
  { rule: 'networkActivity.extraField', from: hand.networkActivity, mutate: (r) => { r.userAgent = 'aws-cli/2'; r.readOnly = true; } },
  { rule: 'networkActivity.vpcEndpoint', from: hand.networkActivity, mutate: (r) => { delete r.vpcEndpointId; } },
  { rule: 'networkActivity.deniedMessage', from: hand.networkActivity, mutate: (r) => { r.errorMessage = 'Access denied'; } },
];

/** Rules that need more than one record; tested in stream.test.ts. */
export const STREAM_RULES: readonly RuleId[] = ['json.parse', 'eventID.duplicate', 'insight.pairing'];

function leafName(path: string): string {
  const last = path.split('.').pop() ?? '';
  return last.replace(/\[.*$/, '') || path.replace(/^.*\["?|"?\]$/g, '');
}

describe('each rule breaks on its own', () => {
  for (const c of CASES) {
    it(`${c.rule}${c.note ? ` (${c.note})` : ''}`, () => {
      const valid = c.from();
      expect(validateRecord(valid, c.options)).toEqual([]);
      const replaced = c.mutate(valid);
      const record = replaced === undefined ? valid : replaced;
      const violations = validateRecord(record, c.options);
      expect(violations.length).toBeGreaterThan(0);
      expect(violations.map((v) => v.rule)).toEqual(violations.map(() => c.rule));
      for (const v of violations) {
        expect(v.severity).toBe(c.severity ?? RULES[c.rule].severity);
        expect(v.message).toContain(c.mentions ?? leafName(v.path));
      }
    });
  }

  it('every rule in RULES has a case here or in the stream tests', () => {
    const covered = new Set<string>([...CASES.map((c) => c.rule), ...STREAM_RULES]);
    expect(Object.keys(RULES).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('relaxations and context-dependent rules', () => {
  it('accepts a truncated errorMessage ("...") up to 2 KB, as in the real sample', () => {
    const r = base.iamUser();
    r.errorCode = 'AccessDenied';
    r.errorMessage = 'é'.repeat(700) + '...';
    expect(validateRecord(r)).toEqual([]);
  });

  it('record size: Lake delivery accepts events between 256 KB and 1 MB', () => {
    const r = base.assumedRoleOrdered();
    r.resources = Array.from({ length: 3000 }, (_, i) => ({ type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::bucket-number-${i}-${'b'.repeat(40)}` }));
    expect(validateRecord(r, { delivery: 'lake' })).toEqual([]);
  });

  it('eventContext is accepted for Lake delivery on a 1.11 management event', () => {
    const r = base.iamUser();
    r.eventVersion = '1.11';
    r.eventContext = { requestContext: { 'aws:SourceIp': '1.2.3.4' }, tagContext: {} };
    expect(validateRecord(r, { delivery: 'lake' })).toEqual([]);
  });

  it('IAM-user sign-in failure for an unknown user name (HIDDEN_DUE_TO_SECURITY_REASONS, no arn) passes', () => {
    const r = hand.consoleLoginFailure();
    r.userIdentity = { type: 'IAMUser', accountId: '111122223333', accessKeyId: '', userName: 'HIDDEN_DUE_TO_SECURITY_REASONS' };
    r.errorMessage = 'No username found in supplied account';
    expect(validateRecord(r)).toEqual([]);
  });

  it('a sign-in denied by a resource policy carries an errorCode and its own message', () => {
    const r = hand.consoleLoginFailure();
    r.errorCode = 'AccessDenied';
    r.errorMessage = 'Authorization denied because of a resource-based policy';
    expect(validateRecord(r)).toEqual([]);
  });

  it('partition check: a China region with aws-cn ARNs passes; anonymised regions skip the check', () => {
    const r = base.assumedRoleOrdered();
    r.awsRegion = 'cn-north-1';
    const swap = (s: string) => s.replace(/^arn:aws:/, 'arn:aws-cn:');
    r.userIdentity.arn = swap(r.userIdentity.arn);
    issuer(r).arn = swap(issuer(r).arn);
    for (const res of r.resources ?? []) res.ARN = swap(res.ARN);
    expect(validateRecord(r)).toEqual([]);
    const anonymised = base.assumedRole();
    expect(anonymised.awsRegion).not.toMatch(/^(us|eu)-(east|west)-[12]$/);
    expect(validateRecord(anonymised)).toEqual([]);
  });

  it('ignoreRules silences a rule and the rules under a prefix', () => {
    const r = base.assumedRole();
    r.eventTime = 'yesterday';
    r.userIdentity.arn = 'arn:aws:sts::1:bad';
    expect(validateRecord(r).map((v) => v.rule).sort()).toEqual(['eventTime.format', 'userIdentity.AssumedRole.arn']);
    expect(validateRecord(r, { ignoreRules: ['eventTime.format', 'userIdentity.AssumedRole'] })).toEqual([]);
    expect(validateRecord(r, { ignoreRules: ['userIdentity.Assumed'] }).map((v) => v.rule)).toContain('userIdentity.AssumedRole.arn');
  });

  it('reports each defect once: a bad field type does not cascade into format rules', () => {
    const r = base.assumedRole();
    r.userIdentity.arn = 42;
    expect(validateRecord(r).map((v) => v.rule)).toEqual(['userIdentity.fieldType']);
  });

  it('keys from Object.prototype are plain unknown fields', () => {
    const r = JSON.parse('{"__proto__": {"eventType": "AwsApiCall"}, "constructor": 1, "toString": "x"}');
    const rules = validateRecord(r).map((v) => v.rule);
    expect(rules.filter((x) => x === 'record.unknownField')).toHaveLength(3);
    expect(rules).toContain('eventVersion.missing');
  });
});

describe('rule catalogue', () => {
  it('src/validate/README.md lists exactly the rule ids in RULES', () => {
    const readme = readFileSync(new URL('../../src/validate/README.md', import.meta.url), 'utf8');
    const listed = readme.split('## Rule ids')[1].replace(/\s+/g, ' ').trim().replace(/\.$/, '').split(', ');
    expect(listed).toEqual(Object.keys(RULES));
  });
});
