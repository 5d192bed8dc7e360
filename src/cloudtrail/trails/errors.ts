/**
 * CloudTrail trail API exceptions, named as AWS names them (CloudTrail API Reference,
 * each operation's "Errors"; the same list is in @aws-sdk/client-cloudtrail's
 * `CreateTrailCommand` docs). All are client faults with HTTP 400.
 *
 * Messages: AWS does not document them. `MESSAGES` holds each one trailsim writes and
 * says where its wording comes from:
 * - `observed`: seen in a real AWS answer quoted in a public issue (URL given);
 * - `moto`: as the moto mock reproduces it (getmoto/moto moto/cloudtrail/exceptions.py),
 *   not checked against AWS;
 * - `trailsim`: trailsim's own wording, built from the API reference's description of
 *   the exception. Tests may rely on names; they should not rely on `trailsim` wordings.
 */
// FOOTPRINT: declaration emit names it in the classes' type (TrailsimError's symbol member).
import { awsException, type FOOTPRINT } from '../../core/errors.js';


export class TrailAlreadyExistsException extends awsException('TrailAlreadyExistsException') {}
export class TrailNotFoundException extends awsException('TrailNotFoundException') {}
export class InvalidTrailNameException extends awsException('InvalidTrailNameException') {}
export class CloudTrailARNInvalidException extends awsException('CloudTrailARNInvalidException') {}
export class S3BucketDoesNotExistException extends awsException('S3BucketDoesNotExistException') {}
export class InsufficientS3BucketPolicyException extends awsException('InsufficientS3BucketPolicyException') {}
export class InvalidS3BucketNameException extends awsException('InvalidS3BucketNameException') {}
export class InvalidS3PrefixException extends awsException('InvalidS3PrefixException') {}
export class MaximumNumberOfTrailsExceededException extends awsException('MaximumNumberOfTrailsExceededException') {}
export class InvalidEventSelectorsException extends awsException('InvalidEventSelectorsException') {}
export class InvalidInsightSelectorsException extends awsException('InvalidInsightSelectorsException') {}
export class InsightNotEnabledException extends awsException('InsightNotEnabledException') {}
export class InvalidHomeRegionException extends awsException('InvalidHomeRegionException') {}
export class InvalidParameterCombinationException extends awsException('InvalidParameterCombinationException') {}
export class InvalidParameterException extends awsException('InvalidParameterException') {}
export class InvalidCloudWatchLogsLogGroupArnException extends awsException('InvalidCloudWatchLogsLogGroupArnException') {}
export class InvalidCloudWatchLogsRoleArnException extends awsException('InvalidCloudWatchLogsRoleArnException') {}
export class InvalidKmsKeyIdException extends awsException('InvalidKmsKeyIdException') {}
export class InvalidTagParameterException extends awsException('InvalidTagParameterException') {}
export class TagsLimitExceededException extends awsException('TagsLimitExceededException') {}
export class NotOrganizationMasterAccountException extends awsException('NotOrganizationMasterAccountException') {}
export class OrganizationsNotInUseException extends awsException('OrganizationsNotInUseException') {}
export class InsufficientSnsTopicPolicyException extends awsException('InsufficientSnsTopicPolicyException') {}
export class InvalidSnsTopicNameException extends awsException('InvalidSnsTopicNameException') {}

/** Where a message's wording comes from; see the module comment. */
export type MessageSource = 'observed' | 'moto' | 'trailsim';

/** The messages trailsim writes, with their provenance. */
export const MESSAGES = {
  trailAlreadyExists: {
    source: 'observed',
    ref: 'https://github.com/trussworks/terraform-aws-cloudtrail/issues/238',
    text: (name: string, account: string) => `Trail ${name} already exists for customer: ${account}`,
  },
  trailNotFound: {
    source: 'observed',
    ref: 'https://github.com/aws/aws-sdk-go-v2/issues/1957',
    text: (arn: string, account: string) => `Unknown trail: ${arn} for the user: ${account}`,
  },
  maxTrails: {
    source: 'observed',
    ref: 'https://github.com/linz/geostore/issues/1450',
    text: (account: string, region: string) => `User: ${account} already has 5 trails in ${region}.`,
  },
  insufficientBucketPolicy: {
    source: 'observed',
    ref: 'https://github.com/awsdocs/aws-cloudtrail-user-guide/issues/24',
    text: (bucket: string) => `Incorrect S3 bucket policy is detected for bucket: ${bucket}`,
  },
  multiRegionNeedsGlobal: {
    source: 'observed',
    ref: 'https://github.com/cloudconformity/auto-remediate/pull/3',
    text: () => 'Multi-Region trail must include global service events.',
  },
  invalidDataResourceValue: {
    source: 'observed',
    ref: 'https://github.com/aws-samples/aws-security-reference-architecture-examples/issues/335',
    text: (value: string, field: string) => `Value ${value} for ${field} is invalid.`,
  },
  nameBlank: {
    source: 'observed',
    ref: 'https://github.com/clouddrove/terraform-aws-cloudtrail/issues/14',
    text: () => 'Trail name cannot be blank!',
  },
  nameTooShort: { source: 'moto', ref: 'moto/cloudtrail/exceptions.py', text: (n: number) => `Trail name too short. Minimum allowed length: 3 characters. Specified name length: ${n} characters.` },
  nameTooLong: { source: 'moto', ref: 'moto/cloudtrail/exceptions.py', text: (n: number) => `Trail name too long. Maximum allowed length: 128 characters. Specified name length: ${n} characters.` },
  nameStart: { source: 'moto', ref: 'moto/cloudtrail/exceptions.py', text: () => 'Trail name must starts with a letter or number.' },
  nameEnd: { source: 'moto', ref: 'moto/cloudtrail/exceptions.py', text: () => 'Trail name must ends with a letter or number.' },
  nameChars: {
    source: 'moto',
    ref: 'moto/cloudtrail/exceptions.py',
    text: () => 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).',
  },
  nameAdjacent: { source: 'trailsim', ref: 'API_CreateTrail Name', text: () => 'Trail name cannot contain adjacent periods, underscores or dashes.' },
  nameIp: { source: 'trailsim', ref: 'API_CreateTrail Name', text: () => 'Trail name must not be formatted as an IP address.' },
  bucketDoesNotExist: { source: 'trailsim', ref: 'API_CreateTrail Errors', text: (bucket: string) => `S3 bucket ${bucket} does not exist.` },
  invalidBucketName: { source: 'trailsim', ref: 'S3 bucket naming rules', text: (bucket: string) => `Bucket name ${bucket} is not valid.` },
  prefixTooLong: { source: 'trailsim', ref: 'API_CreateTrail S3KeyPrefix: maximum length is 200 characters', text: (n: number) => `S3 prefix is longer than the maximum length of 200 characters (${n}).` },
  invalidArn: { source: 'trailsim', ref: 'API_GetTrail Errors (CloudTrailARNInvalidException)', text: (arn: string) => `Invalid trail ARN: ${arn}. The format of a trail ARN is arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail.` },
  homeRegion: {
    source: 'trailsim',
    ref: 'API_UpdateTrail: "must be called from the Region in which the trail was created; otherwise, an InvalidHomeRegionException is thrown"',
    text: (op: string, home: string, region: string) => `${op} must be called from the trail's home Region ${home}, not ${region}.`,
  },
  notManagementAccount: {
    source: 'trailsim',
    ref: 'API_CreateTrail Errors (NotOrganizationMasterAccountException)',
    text: (account: string) => `Account ${account} is not the management account of an organization in AWS Organizations; only the management account can create or update an organization trail.`,
  },
  organizationsNotInUse: {
    source: 'trailsim',
    ref: 'API_CreateTrail Errors (OrganizationsNotInUseException)',
    text: (account: string) => `Account ${account} is not a member of an organization.`,
  },
  cwlCombination: {
    source: 'trailsim',
    ref: 'API_CreateTrail CloudWatchLogsLogGroupArn: "Not required unless you specify CloudWatchLogsRoleArn"',
    text: () => 'CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn must be specified together.',
  },
  cwlGroup: { source: 'trailsim', ref: 'API_CreateTrail Errors', text: (arn: string) => `The CloudWatch Logs log group ${arn} is not valid or does not exist in the trail's account and home Region.` },
  cwlRole: { source: 'trailsim', ref: 'API_CreateTrail Errors', text: (arn: string) => `The CloudWatch Logs role ${arn} is not valid.` },
  kmsKey: { source: 'trailsim', ref: 'API_CreateTrail Errors', text: (id: string) => `KMS key ${id} is not valid.` },
  tagsLimit: { source: 'trailsim', ref: 'TagsLimitExceededException: "Currently, the limit is 50."', text: (n: number) => `A trail can have at most 50 tags; got ${n}.` },
  tagInvalid: { source: 'trailsim', ref: 'InvalidTagParameterException', text: (why: string) => `Invalid tag: ${why}.` },
  bothSelectorKinds: {
    source: 'trailsim',
    ref: 'API_PutEventSelectors: "You can use either AdvancedEventSelectors or EventSelectors, but not both."',
    text: () => 'You can use either EventSelectors or AdvancedEventSelectors, but not both.',
  },
  noSelectors: { source: 'trailsim', ref: 'API_PutEventSelectors', text: () => 'Specify EventSelectors or AdvancedEventSelectors.' },
  insightNotEnabled: {
    source: 'trailsim',
    ref: 'src/catalog/services/cloudtrail.ts (colleague catalog wording)',
    text: (arn: string) => `Trail ${arn} does not have Insights enabled. Enable Insights on the trail, and then try the request again.`,
  },
  snsTopicPolicy: {
    source: 'trailsim',
    ref: 'API_CreateTrail Errors: InsufficientSnsTopicPolicyException "the policy on the Amazon SNS topic is not sufficient"',
    text: (arn: string) => `Incorrect SNS topic policy is detected for topic: ${arn}`,
  },
  snsTopicName: {
    source: 'trailsim',
    ref: 'API_CreateTrail Errors: InvalidSnsTopicNameException; topic names are 1-256 letters, digits, hyphens, underscores',
    text: (name: string) => `SNS topic name ${name} is not valid.`,
  },
} as const satisfies Record<string, { source: MessageSource; ref: string; text: (...args: never[]) => string }>;
