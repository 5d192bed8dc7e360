/** The in-memory S3-like object store trails deliver into. */
export {
  S3Store,
  isValidBucketName,
  compareUtf8,
  md5Hex,
  type S3Object,
  type S3BucketInfo,
  type PutObjectInput,
  type CreateBucketOptions,
  type ListObjectsOptions,
  type ServerSideEncryption,
} from './object-store.js';
export { NoSuchBucket, NoSuchKey, BucketAlreadyExists, BucketAlreadyOwnedByYou, InvalidBucketName } from './errors.js';
