/**
 * Every error the simulated S3 returns, with AWS's exact code, message, HTTP status and the
 * extra members S3 puts in the error body. Messages follow what S3 actually sends (some
 * without a final full stop, as AWS sends them).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
import { AwsError } from '../errors.js';

export function noSuchBucket(bucket: string): AwsError {
  return new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
}

/** `headers` carries x-amz-delete-marker and x-amz-version-id when the latest version is a delete marker. */
export function noSuchKey(key: string, headers: Record<string, string> = {}): AwsError {
  return new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key }, headers);
}

export function noSuchVersion(key: string, versionId: string): AwsError {
  return new AwsError('NoSuchVersion', 'The specified version does not exist.', 404, { Key: key, VersionId: versionId });
}

export function invalidVersionId(versionId: string, argumentName = 'versionId'): AwsError {
  return invalidArgument('Invalid version id specified', argumentName, versionId);
}

export function invalidArgument(message: string, argumentName: string, argumentValue?: string): AwsError {
  const fields: Record<string, string> = { ArgumentName: argumentName };
  if (argumentValue !== undefined) fields.ArgumentValue = argumentValue;
  return new AwsError('InvalidArgument', message, 400, fields);
}

/**
 * A GET, HEAD, PUT or DELETE that names a delete marker where an object is needed. S3 always
 * sends `Allow: DELETE`; the callers add x-amz-delete-marker, x-amz-version-id and Last-Modified
 * where S3 does.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeleteMarker.html
 */
export function methodNotAllowed(method: string, headers: Record<string, string> = {}): AwsError {
  return new AwsError(
    'MethodNotAllowed',
    'The specified method is not allowed against this resource.',
    405,
    { Method: method, ResourceType: 'DeleteMarker' },
    { ...headers, Allow: 'DELETE' },
  );
}

export function invalidBucketName(bucket: string): AwsError {
  return new AwsError('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket });
}

export function bucketAlreadyOwnedByYou(bucket: string): AwsError {
  return new AwsError(
    'BucketAlreadyOwnedByYou',
    'Your previous request to create the named bucket succeeded and you already own it.',
    409,
    { BucketName: bucket },
  );
}

/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-bucket.html */
export function bucketNotEmpty(bucket: string, versioned: boolean): AwsError {
  const message = versioned
    ? 'The bucket you tried to delete is not empty. You must delete all versions in the bucket.'
    : 'The bucket you tried to delete is not empty';
  return new AwsError('BucketNotEmpty', message, 409, { BucketName: bucket });
}

export function invalidLocationConstraint(locationConstraint: string): AwsError {
  return new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, {
    LocationConstraint: locationConstraint,
  });
}

/** `constraint` is the constraint sent, or `unspecified` when none was. */
export function illegalLocationConstraint(constraint: string): AwsError {
  return new AwsError(
    'IllegalLocationConstraintException',
    `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    400,
  );
}

export function malformedXml(): AwsError {
  return new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
}

export function illegalVersioningConfiguration(): AwsError {
  return new AwsError('IllegalVersioningConfigurationException', 'The Versioning element must be specified', 400);
}

export function objectLockBlocksVersioningChange(): AwsError {
  return new AwsError(
    'InvalidBucketState',
    'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.',
    409,
  );
}

/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html */
export function mfaRequired(): AwsError {
  return new AwsError('AccessDenied', 'Mfa Authentication must be used for this request', 403);
}

export function mfaHeaderInvalid(value: string): AwsError {
  return invalidArgument('Mfa header is invalid -- the header should be formatted as {serialNumber}(space){tokenCode}', 'x-amz-mfa', value);
}

/** A well-formed x-amz-mfa whose serial or code is wrong. */
export function mfaAuthenticationFailed(): AwsError {
  return new AwsError('AccessDenied', 'Access Denied', 403);
}

export function invalidStorageClass(storageClass: string): AwsError {
  return new AwsError('InvalidStorageClass', 'The storage class you specified is not valid', 400, { StorageClassRequested: storageClass });
}

export function invalidObjectState(storageClass: string): AwsError {
  return new AwsError('InvalidObjectState', "The operation is not valid for the object's storage class", 403, { StorageClass: storageClass });
}

export function invalidSourceObjectState(storageClass: string): AwsError {
  return new AwsError('InvalidObjectState', "Operation is not valid for the source object's storage class", 403, { StorageClass: storageClass });
}

export function keyTooLong(size: number): AwsError {
  return new AwsError('KeyTooLongError', 'Your key is too long', 400, { MaxSizeAllowed: '1024', Size: String(size) });
}

export function invalidRange(range: string, objectSize: number): AwsError {
  return new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, {
    RangeRequested: range,
    ActualObjectSize: String(objectSize),
  });
}

export function invalidDigest(contentMd5: string): AwsError {
  return new AwsError('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400, { 'Content-MD5': contentMd5 });
}

export function badDigest(expected: string, calculated: string): AwsError {
  return new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, {
    ExpectedDigest: expected,
    CalculatedDigest: calculated,
  });
}

export function invalidCopySource(): AwsError {
  return invalidArgument('Invalid copy source object key', 'x-amz-copy-source', 'x-amz-copy-source');
}

export function copyToItself(): AwsError {
  return new AwsError(
    'InvalidRequest',
    "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    400,
  );
}

/** CopyObject answers a malformed source version ID with this bare InvalidRequest. */
export function copySourceVersionInvalid(): AwsError {
  return new AwsError('InvalidRequest', 'Invalid Request', 400);
}

export function copySourceIsDeleteMarker(): AwsError {
  return new AwsError('InvalidRequest', 'The source of a copy request may not specifically refer to a delete marker by version id.', 400);
}

export function invalidTaggingHeader(value: string): AwsError {
  return invalidArgument(
    "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
    'x-amz-tagging',
    value,
  );
}

export function invalidTag(message: string, fields: Record<string, string>): AwsError {
  return new AwsError('InvalidTag', message, 400, fields);
}

/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html (up to 10 tags per object) */
export function tooManyTags(): AwsError {
  return new AwsError('BadRequest', 'Object tags cannot be greater than 10', 400);
}

export function invalidContinuationToken(): AwsError {
  return invalidArgument('The continuation token provided is incorrect', 'continuation-token');
}

export function versionIdMarkerWithoutKeyMarker(versionIdMarker: string): AwsError {
  return invalidArgument('A version-id marker cannot be specified without a key marker.', 'version-id-marker', versionIdMarker);
}

export function versionIdMarkerEmpty(): AwsError {
  return invalidArgument('A version-id marker cannot be empty.', 'version-id-marker', '');
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (conditional requests) */
export function preconditionFailed(condition: string): AwsError {
  return new AwsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, { Condition: condition });
}

export function notModified(): AwsError {
  return new AwsError('NotModified', 'Not Modified', 304);
}
