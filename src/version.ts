import { readFileSync } from 'node:fs';

/**
 * The package version from package.json, which sits one folder above src/ (tests) and
 * dist/ (the build) alike.
 */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
