import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../src/runtime/errors.js';
import { ERROR_FORMATS, formatServiceError, type ErrorFormat } from '../../../src/cli/output/index.js';
import { s3Model } from './helpers.js';

/**
 * The service-error text in every --cli-error-format. legacy is what Debian's aws 2.9.19
 * prints (golden.test.ts checks it against captured stderr); the structured formats follow
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-error-format.html and
 * aws/aws-cli#9890, #10023, #10142.
 */
const noSuchKey = new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: 'q1.csv' });
const noSuchBucket = new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: 'amzn-s3-demo-bucket' });
// InvalidObjectState is modeled with StorageClass and AccessTier members.
const archived = new AwsError('InvalidObjectState', 'The operation is not valid for the object\'s storage class', 403, {
  StorageClass: 'GLACIER',
  Resource: '/reports/q1.csv',
});

const cases: [string, AwsError, string, ErrorFormat, string][] = [
  ['legacy', noSuchKey, 'GetObject', 'legacy',
    '\nAn error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.\n'],
  ['enhanced without modeled members', noSuchKey, 'GetObject', 'enhanced',
    '\naws: [ERROR]: An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.\n'],
  ['enhanced leaves out members the model does not define (BucketName)', noSuchBucket, 'GetObject', 'enhanced',
    '\naws: [ERROR]: An error occurred (NoSuchBucket) when calling the GetObject operation: The specified bucket does not exist\n'],
  ['enhanced lists modeled members', archived, 'GetObject', 'enhanced',
    '\naws: [ERROR]: An error occurred (InvalidObjectState) when calling the GetObject operation: ' +
    'The operation is not valid for the object\'s storage class\n\nAdditional error details:\nStorageClass: GLACIER\n'],
  ['json', noSuchKey, 'GetObject', 'json',
    '{\n    "Code": "NoSuchKey",\n    "Message": "The specified key does not exist."\n}\n'],
  ['json with modeled members', archived, 'GetObject', 'json',
    '{\n    "Code": "InvalidObjectState",\n    "Message": "The operation is not valid for the object\'s storage class",\n' +
    '    "StorageClass": "GLACIER"\n}\n'],
  ['yaml', archived, 'GetObject', 'yaml',
    'Code: InvalidObjectState\nMessage: The operation is not valid for the object\'s storage class\nStorageClass: GLACIER\n'],
  ['text', archived, 'GetObject', 'text',
    'InvalidObjectState\tThe operation is not valid for the object\'s storage class\tGLACIER\n'],
  // Expected text from awscli.formatter's TableFormatter given the same document.
  ['table', noSuchKey, 'GetObject', 'table', [
    '----------------------------------------------------',
    '|                       error                      |',
    '+------------+-------------------------------------+',
    '|    Code    |               Message               |',
    '+------------+-------------------------------------+',
    '|  NoSuchKey |  The specified key does not exist.  |',
    '+------------+-------------------------------------+',
    ''].join('\n')],
  ['HEAD 404 reports the status and reason phrase', noSuchKey, 'HeadObject', 'legacy',
    '\nAn error occurred (404) when calling the HeadObject operation: Not Found\n'],
  ['HEAD 403', new AwsError('AccessDenied', 'Access Denied', 403), 'HeadBucket', 'legacy',
    '\nAn error occurred (403) when calling the HeadBucket operation: Forbidden\n'],
  ['HEAD 405 on a delete marker', new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405,
    {}, { 'x-amz-delete-marker': 'true' }), 'HeadObject', 'legacy',
    '\nAn error occurred (405) when calling the HeadObject operation: Method Not Allowed\n'],
  ['HEAD 400', new AwsError('InvalidArgument', 'Invalid version id specified', 400), 'HeadObject', 'legacy',
    '\nAn error occurred (400) when calling the HeadObject operation: Bad Request\n'],
  ['HEAD 304', new AwsError('NotModified', 'Not Modified', 304), 'HeadObject', 'legacy',
    '\nAn error occurred (304) when calling the HeadObject operation: Not Modified\n'],
  ['HEAD in enhanced', noSuchKey, 'HeadObject', 'enhanced',
    '\naws: [ERROR]: An error occurred (404) when calling the HeadObject operation: Not Found\n'],
  ['HEAD in json', noSuchKey, 'HeadObject', 'json', '{\n    "Code": "404",\n    "Message": "Not Found"\n}\n'],
  ['a 503 after the standard retry mode gave up', new AwsError('SlowDown', 'Please reduce your request rate.', 503), 'PutObject', 'legacy',
    '\nAn error occurred (SlowDown) when calling the PutObject operation (reached max retries: 2): Please reduce your request rate.\n'],
  ['a 500', new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500), 'GetObject', 'enhanced',
    '\naws: [ERROR]: An error occurred (InternalError) when calling the GetObject operation (reached max retries: 2): ' +
    'We encountered an internal error. Please try again.\n'],
  // The region hint is S3's after-call handler's (test/cli/services/s3.test.ts): the formatter prints the message as it is.
  ['a PermanentRedirect as the service sent it',
    new AwsError('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint. ' +
      'Please send all future requests to this endpoint.', 301, { Endpoint: 'reports.s3.eu-west-1.amazonaws.com', Bucket: 'reports' }),
    'ListObjectsV2', 'legacy',
    '\nAn error occurred (PermanentRedirect) when calling the ListObjectsV2 operation: The bucket you are attempting to access ' +
    'must be addressed using the specified endpoint. Please send all future requests to this endpoint.\n'],
];

describe('formatServiceError prints the AWS CLI v2 stderr', () => {
  for (const [name, error, operation, format, expected] of cases) {
    it(`${format}: ${name}`, () => {
      expect(formatServiceError(error, operation, { format, model: s3Model })).toBe(expected);
    });
  }

  it('knows every --cli-error-format', () => {
    expect([...ERROR_FORMATS].sort()).toEqual(['enhanced', 'json', 'legacy', 'table', 'text', 'yaml']);
  });
});
