import { readFileSync } from 'node:fs';

/**
 * The package version from package.json, which sits two folders above src/app/ (tests) and
 * dist/app/ (the build) alike.
 */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
