import { createRequire } from 'node:module';

// yaml and jmespath cost tens of milliseconds to load, and most command lines need neither
// (only --cli-input-yaml, --query and paginated JMESPath paths do), so they load on first use.
const require = createRequire(import.meta.url);

let yamlModule: typeof import('yaml') | undefined;
let jmespathModule: typeof import('jmespath') | undefined;

export function yaml(): typeof import('yaml') {
  return (yamlModule ??= require('yaml') as typeof import('yaml'));
}

export function jmespath(): typeof import('jmespath') {
  return (jmespathModule ??= require('jmespath') as typeof import('jmespath'));
}
