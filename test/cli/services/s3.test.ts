import { describe, expect, it } from 'vitest';
import { runAwsLine } from '../../../src/cli/index.js';
import { AwsError } from '../../../src/runtime/errors.js';
import { SERVICES } from '../../../src/runtime/index.js';
import { defineService } from '../../../src/runtime/service.js';
import { World } from '../../../src/runtime/world.js';
import { memoryFiles } from '../support.js';

/**
 * customizations/s3errormsg.py, registered on `after-call.s3`: a PermanentRedirect names
 * the bucket's endpoint and how to fix the region, once, whichever command made the call.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html (PermanentRedirect, 301)
 */
const realS3 = SERVICES.find((s) => s.name === 's3')!;
const redirect = () => {
  throw new AwsError('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint. ' +
    'Please send all future requests to this endpoint.', 301, { Endpoint: 'reports.s3.eu-west-1.amazonaws.com', Bucket: 'reports' });
};
const elsewhere = defineService({
  ...realS3,
  operations: { ...realS3.operations, ListObjectsV2: { readOnly: true, handler: redirect }, GetBucketVersioning: { readOnly: true, handler: redirect } },
});

const HINT = 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint: ' +
  'reports.s3.eu-west-1.amazonaws.com\nYou can fix this issue by explicitly providing the correct region location using the ' +
  '--region argument, the AWS_DEFAULT_REGION environment variable, or the region variable in the AWS CLI configuration file.  ' +
  'You can get the bucket\'s location by running "aws s3api get-bucket-location --bucket BUCKET".';

function aws(line: string) {
  const world = new World({ seed: 1, services: [elsewhere] });
  return runAwsLine(line, { world, files: memoryFiles(), defaultRegion: 'us-east-1' });
}

describe('the S3 PermanentRedirect hint', () => {
  it('is added once to an s3api error, printed and structured', () => {
    const result = aws('aws s3api get-bucket-versioning --bucket reports --cli-error-format legacy');
    expect(result.stderr).toBe(`\nAn error occurred (PermanentRedirect) when calling the GetBucketVersioning operation: ${HINT}\n`);
    expect(result.response?.error).toEqual({ code: 'PermanentRedirect', message: HINT, status: 301 });
  });

  it('is added once to an aws s3 command error', () => {
    const result = aws('aws s3 ls s3://reports --cli-error-format legacy');
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toBe(`\nAn error occurred (PermanentRedirect) when calling the ListObjectsV2 operation: ${HINT}\n`);
  });
});
