/**
 * The formats IAM checks inside Action and Resource values once a policy's syntax is sound:
 * an action is `vendor:name`; a resource is `*` or an ARN in a known partition.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
import { PolicyDocumentError } from './statement-grammar.js';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

export function checkActionPrefix(action: string): void {
  const parts = action.split(':');
  if (parts.length === 1 && parts[0] !== '*') throw new PolicyDocumentError('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
  if (parts.length > 2) throw new PolicyDocumentError('Actions/Condition can contain only one colon.');
  if (parts[0] !== '*' && /[^a-zA-Z0-9\-.]/.test(parts[0]!)) throw new PolicyDocumentError(`Vendor ${parts[0]} is not valid`);
}

export function checkResourceFormat(resource: string): void {
  if (resource === '*') return;
  const parts = resource.split(':');
  if (parts.length === 1) throw new PolicyDocumentError(`Resource ${resource} must be in ARN format or "*".`);
  const partition = parts[1]!;
  if (partition !== '*' && !PARTITIONS.includes(partition)) {
    const rest = parts.slice(2);
    const part = (i: number) => (i === 3 ? (rest.length > 3 ? rest.slice(3).join(':') : '*') : rest[i] !== undefined && (rest[i] !== '' || rest.length > 1) ? rest[i] : '*');
    throw new PolicyDocumentError(`Partition "${partition}" is not valid for resource "arn:${partition}:${part(0)}:${part(1)}:${part(2)}:${part(3)}".`);
  }
  if (parts.length < 3) throw new PolicyDocumentError('Resource vendor must be fully qualified and cannot contain regexes.');
  // IAM resources are global: a region in one is a mistake IAM names.
  if (parts[2] === 'iam' && parts[3] !== undefined && parts[3] !== '') throw new PolicyDocumentError(`IAM resource ${resource} cannot contain region information.`);
}
