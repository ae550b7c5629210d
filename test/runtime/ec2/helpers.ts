import { World } from '../../../src/runtime/world.js';
import { ec2 } from '../../../src/runtime/ec2/index.js';
import { s3 } from '../../../src/runtime/s3/index.js';

export { expectError } from '../s3/helpers.js';
export type Output = Record<string, any>;

export function newWorld(seed = 1): World {
  return new World({ services: [s3, ec2], seed });
}

/** Calls an EC2 operation the way the front ends do. */
export function call(world: World, operation: string, input: Record<string, unknown> = {}, region = 'us-east-1'): Output {
  return world.call('ec2', operation, input, { region });
}
