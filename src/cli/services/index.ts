import type { ServiceCustomisation, TopLevelCommand } from './hooks.js';
import { EC2_CLI } from './ec2.js';
import { IAM_CLI } from './iam.js';
import { S3_CLI } from './s3.js';

export type { ServiceCall, ServiceCustomisation, TopLevelCommand } from './hooks.js';

/**
 * Every service the CLI customises, one line each, in the order the real CLI registers its
 * handlers (awscli/handlers.py), which is the order their added commands appear in.
 * A service without CLI customisations needs no line: its operations, waiters and
 * paginators come from its model.
 */
const CUSTOMISATIONS: readonly ServiceCustomisation[] = [
  IAM_CLI,
  EC2_CLI,
  S3_CLI,
];

const BY_SERVICE = new Map(CUSTOMISATIONS.map((c) => [c.service, c]));

/** The service's hooks, if it has any. */
export function customisationFor(service: string): ServiceCustomisation | undefined {
  return BY_SERVICE.get(service);
}

/** The `aws <name>` commands the given services add (`s3`), in registration order. */
export function topLevelCommands(services: readonly string[]): TopLevelCommand[] {
  return [...BY_SERVICE.values()].filter((c) => services.includes(c.service)).flatMap((c) => c.commands ?? []);
}

/** For tests: a customisation in force while `body` runs (a fake service's hooks). */
export function withCustomisation<T>(customisation: ServiceCustomisation, body: () => T): T {
  const previous = BY_SERVICE.get(customisation.service);
  BY_SERVICE.set(customisation.service, customisation);
  try {
    return body();
  } finally {
    if (previous) BY_SERVICE.set(customisation.service, previous);
    else BY_SERVICE.delete(customisation.service);
  }
}
