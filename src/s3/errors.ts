/**
 * S3 errors, named and worded as Amazon S3 answers them (Amazon S3 API Reference, "Error
 * responses" / "List of error codes"): `NoSuchBucket` "The specified bucket does not
 * exist", `NoSuchKey` "The specified key does not exist.", `BucketAlreadyOwnedByYou`,
 * `BucketAlreadyExists`, `InvalidBucketName` "The specified bucket is not valid.".
 */
import { AwsServiceException } from '../core/errors.js';

export class NoSuchBucket extends AwsServiceException {
  declare readonly name: 'NoSuchBucket';
  /** The bucket that was asked for. */
  readonly bucketName: string;
  constructor(bucket: string) {
    super('NoSuchBucket', 'The specified bucket does not exist', { status: 404 });
    this.bucketName = bucket;
  }
}

export class NoSuchKey extends AwsServiceException {
  declare readonly name: 'NoSuchKey';
  readonly key: string;
  constructor(key: string) {
    super('NoSuchKey', 'The specified key does not exist.', { status: 404 });
    this.key = key;
  }
}

export class BucketAlreadyOwnedByYou extends AwsServiceException {
  declare readonly name: 'BucketAlreadyOwnedByYou';
  constructor() {
    super('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', { status: 409 });
  }
}

export class BucketAlreadyExists extends AwsServiceException {
  declare readonly name: 'BucketAlreadyExists';
  constructor() {
    super('BucketAlreadyExists', 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.', { status: 409 });
  }
}

export class InvalidBucketName extends AwsServiceException {
  declare readonly name: 'InvalidBucketName';
  constructor() {
    super('InvalidBucketName', 'The specified bucket is not valid.', { status: 400 });
  }
}

export class InvalidArgument extends AwsServiceException {
  declare readonly name: 'InvalidArgument';
  constructor(message: string) {
    super('InvalidArgument', message, { status: 400 });
  }
}
