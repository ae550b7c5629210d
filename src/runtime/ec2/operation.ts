/**
 * How an EC2 operation handler is declared: it receives the region's EC2 and the input,
 * and EC2's common behaviours are applied once here rather than in every handler.
 * DryRun: a request that would succeed answers DryRunOperation (HTTP 412) instead of acting.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonParameters.html
 */
import { AwsError } from '../errors.js';
import type { OperationDefinition, ServiceContext } from '../service.js';
import { ec2Of, type Ec2, type Ec2State } from './context.js';

export type Input = Record<string, any>;
export type Handler = (ec2: Ec2, input: Input) => Record<string, unknown>;

export function dryRunOperation(): AwsError {
  return new AwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
}

function define(readOnly: boolean, handler: Handler): OperationDefinition<Ec2State> {
  return {
    readOnly,
    handler: (ctx: ServiceContext<Ec2State>, input: Input) => {
      const ec2 = ec2Of(ctx);
      // DryRun checks permissions only; with no IAM in the simulation, every caller has them.
      if (input.DryRun === true) throw dryRunOperation();
      return handler(ec2, input);
    },
  };
}

export const read = (handler: Handler) => define(true, handler);
export const write = (handler: Handler) => define(false, handler);

/**
 * One page of a Describe result. NextToken is opaque to callers; here it is the index of
 * the next item, which is stable because describe order is creation order.
 */
export function page<T>(items: readonly T[], input: Input): { items: T[]; NextToken?: string } {
  const start = input.NextToken === undefined ? 0 : Number.parseInt(String(input.NextToken), 10);
  if (!Number.isInteger(start) || start < 0 || start > items.length) {
    throw new AwsError('InvalidPaginationToken', `Invalid pagination token`, 400);
  }
  const max = typeof input.MaxResults === 'number' ? input.MaxResults : items.length;
  const end = Math.min(items.length, start + Math.max(1, max));
  return end < items.length ? { items: items.slice(start, end), NextToken: String(end) } : { items: items.slice(start) };
}

/** Tags as AWS prints them: omitted when there are none. */
export function tagsMember(tags: readonly { Key: string; Value: string }[]): { Tags?: { Key: string; Value: string }[] } {
  return tags.length > 0 ? { Tags: tags.map((t) => ({ ...t })) } : {};
}
