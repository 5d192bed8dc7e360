/**
 * Trails: the CloudTrail trail API, event selectors, S3 delivery in AWS's layout, digest
 * files and log file validation, CloudWatch Logs delivery, delivery imperfections.
 */
export { CloudTrailService, attachCloudTrail, type CloudTrailServiceOptions, type ServiceValidateLogsInput } from './service.js';
export type { TrailHost } from './host.js';
export type { ApiCallOptions } from './api-recorder.js';
export type {
  ReadWriteType,
  DataResource,
  EventSelector,
  AdvancedFieldSelector,
  AdvancedEventSelector,
  TrailSelectors,
  InsightSelector,
  Tag as TrailTag,
  CreateTrailInput,
  CreateTrailOutput,
  UpdateTrailInput,
  UpdateTrailOutput,
  TrailDescription,
  NameInput,
  GetTrailOutput,
  DescribeTrailsInput,
  DescribeTrailsOutput,
  TrailInfo,
  ListTrailsOutput,
  GetTrailStatusOutput,
  PutEventSelectorsInput,
  EventSelectorsOutput,
  TrailNameInput,
  PutInsightSelectorsInput,
  InsightSelectorsOutput,
} from './types.js';
export {
  selects,
  compileSelectors,
  dataResourceTypeOf,
  DEFAULT_EVENT_SELECTORS,
  BASIC_DATA_RESOURCE_TYPES,
  logsManagementEvents,
  logsDataEvents,
  type SelectorPredicate,
} from './selectors.js';
export { validateEventSelectors, validateInsightSelectors, isValidDataResourceValue, MAX_EVENT_SELECTORS, MAX_DATA_RESOURCES, MAX_ADVANCED_VALUES } from './selector-validation.js';
export { isGlobalServiceEvent, categoryOf, scopeCoversRecord, scopeCoversAccountRegion, GLOBAL_SERVICE_EVENT_SOURCES, type TrailScope } from './scope.js';
export { assertValidTrailName, parseTrailArn, trailArn } from './names.js';
export {
  logFileKey,
  digestFileKey,
  insightFileKey,
  folderPrefix,
  parseCloudTrailKey,
  minuteStamp,
  secondStamp,
  type KeyScope,
  type ParsedCloudTrailKey,
  type CloudTrailFileKind,
} from './object-keys.js';
export { buildDigest, sha256Hex, HASH_ALGORITHM, type DigestFile, type DigestLogFile, type PreviousDigest } from './digest.js';
export { DigestSigner, digestSigningString, publicKeyFingerprint, verifyDigestSignature, DIGEST_SIGNATURE_ALGORITHM, type PublicKeyInfo } from './signing.js';
export { TRAILSIM_TEST_PRIVATE_KEY_PEM, TRAILSIM_TEST_PUBLIC_KEY_PEM } from './test-key.js';
export { validateLogs, type ValidateLogsOptions, type ValidateLogsResult, type ValidateLogsTarget, type FileCheck, type StreamValidation, type MissingCoverage } from './validate-logs.js';
export { CloudWatchLogsStore, cloudTrailLogStreamName, logGroupArn, parseLogGroupArn, CLOUDWATCH_LOGS_MAX_EVENT_BYTES, type LogEvent } from './cloudwatch-logs.js';
export { resolveImperfections, withAddendum, type DeliveryImperfections } from './imperfections.js';
export { gzipDeterministic, gunzip, GZIP_LEVEL } from './gzip.js';
export { MAX_LOG_FILE_COMPRESSED_BYTES, type DeliveredFile } from './delivery.js';
export { Trail, type TrailConfig, type TrailStatus } from './trail.js';
export * from './errors.js';
export {
  SnsTopics,
  SnsTopic,
  snsSigningString,
  verifySnsSignature,
  cloudTrailNotification,
  type SnsQueueEndpoint,
  type SnsSubscribeOptions,
  type SnsSubscription,
  type SnsPublished,
  type CreateTopicOptions,
} from './sns.js';
