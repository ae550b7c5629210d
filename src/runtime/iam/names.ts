/**
 * The name and path rules IAM checks on the server, with its ValidationError wording.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html (UserName, Path)
 */
import { validationError } from './errors.js';

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\u002F)|(\u002F[\u0021-\u007E]+\u002F)$/;

/** `member` is the request member in AWS's lower camel case (`userName`). */
export function checkName(name: string, member: string, maxLength: number): void {
  if (name.length > maxLength) throw constraint(name, member, `Member must have length less than or equal to ${maxLength}`);
  if (!NAME.test(name)) throw constraint(name, member, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
}

export function checkPath(path: string): string {
  if (!PATH.test(path) || !path.startsWith('/') || !path.endsWith('/')) {
    throw validationError(`The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`);
  }
  return path;
}

function constraint(value: string, member: string, rule: string) {
  return validationError(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${rule}`);
}
