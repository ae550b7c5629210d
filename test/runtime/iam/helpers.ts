import { expect } from 'vitest';
import { createWorld } from '../../../src/runtime/index.js';
import { AwsError } from '../../../src/runtime/errors.js';
import type { World } from '../../../src/runtime/world.js';

export const ACCOUNT = '123456789012';

export function account(): { world: World; iam: (operation: string, input?: Record<string, unknown>) => Record<string, any> } {
  const world = createWorld();
  return { world, iam: (operation, input = {}) => world.call('iam', operation, input) as Record<string, any> };
}

export function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export const trustUser = (user: string) => policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/${user}` }, Action: 'sts:AssumeRole' });

/** The AwsError `fn` throws, as [code, status, message]. */
export function refusal(fn: () => unknown): [string, number, string] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return [error.code, error.status, error.message];
    throw error;
  }
  expect.fail('no error was thrown');
}
