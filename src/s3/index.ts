/** The in-memory S3-like object store trails deliver into. */
export {
  S3Store,
  isValidBucketName,
  compareUtf8,
  md5Hex,
  type S3Object,
  type S3BucketInfo,
  type PutObjectInput,
  type DeferredBody,
  type CreateBucketOptions,
  type ListObjectsOptions,
  type ServerSideEncryption,
  type S3Requester,
  type S3NotificationEvent,
  type S3NotificationQueue,
  type S3QueueConfiguration,
  type S3NotificationConfiguration,
  CLOUDTRAIL_DELIVERY_REQUESTER,
  notificationKey,
} from './object-store.js';
export { NoSuchBucket, NoSuchKey, BucketAlreadyExists, BucketAlreadyOwnedByYou, InvalidBucketName, InvalidArgument } from './errors.js';
