/**
 * IAM's errors with AWS's codes, messages and HTTP statuses.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html and each operation's Errors section.
 */
import { AwsError } from '../errors.js';

export type EntityKind = 'user' | 'group' | 'role';

export const noSuchEntity = (message: string) => new AwsError('NoSuchEntity', message, 404);

export const noSuchNamed = (kind: EntityKind, name: string) => noSuchEntity(`The ${kind} with name ${name} cannot be found.`);

export const alreadyExists = (message: string) => new AwsError('EntityAlreadyExists', message, 409);

export const deleteConflict = (message: string) => new AwsError('DeleteConflict', message, 409);

export const limitExceeded = (message: string) => new AwsError('LimitExceeded', message, 409);

export const malformedPolicy = (message: string) => new AwsError('MalformedPolicyDocument', message, 400);

export const invalidInput = (message: string) => new AwsError('InvalidInput', message, 400);

export const validationError = (message: string) => new AwsError('ValidationError', message, 400);
