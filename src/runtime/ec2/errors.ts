/**
 * EC2's errors that many concepts share. EC2 answers every client error with HTTP 400 and
 * a code of the form `Invalid<Resource>ID.NotFound` / `.Malformed`.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 */
import { AwsError } from '../errors.js';

export const clientError = (code: string, message: string) => new AwsError(code, message, 400);

/** `InvalidParameterValue` with EC2's usual wording for a bad value. */
export function invalidParameterValue(message: string): AwsError {
  return clientError('InvalidParameterValue', message);
}

export function missingParameter(name: string): AwsError {
  return clientError('MissingParameter', `The request must contain the parameter ${name}`);
}

/**
 * An id of the wrong form: EC2 checks the prefix and the hex digits before looking it up.
 * `code` is the resource's Malformed code (`InvalidVpcID.Malformed`).
 */
export function malformedId(code: string, id: string): AwsError {
  return clientError(code, `Invalid id: "${id}"`);
}

const ID_SHAPE = /^[a-z]+(-[a-z]+)*-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

export function isWellFormedId(id: string, prefix: string): boolean {
  return id.startsWith(`${prefix}-`) && ID_SHAPE.test(id);
}
