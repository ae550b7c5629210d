import type { CliFileSystem } from './types.js';

/**
 * The AWS CLI's shared files, kept in the learner's working folder as the CLI keeps them in the
 * home folder: `.aws/credentials` holds access keys under `[name]`, `.aws/config` everything
 * else under `[profile name]` (`[default]` in both). `aws configure set` writes them, a lab may
 * ship them in its `files:`, `cat .aws/config` shows them.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
 */
export const CONFIG_FILE = '.aws/config';
export const CREDENTIALS_FILE = '.aws/credentials';

/** The keys `aws configure set` writes to the credentials file rather than the config file. */
export const CREDENTIAL_KEYS = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']);

type Sections = Map<string, Map<string, string>>;

/** botocore's ini reading: `[section]` headers, `key = value` lines, `#` and `;` comments. */
export function parseIni(text: string): Sections {
  const sections: Sections = new Map();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]!) ?? new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0) current.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return sections;
}

function readIni(files: CliFileSystem, path: string): Sections {
  const data = files.readFile(path);
  return data ? parseIni(new TextDecoder().decode(data)) : new Map();
}

/** The config file's section name for a profile. */
function configSection(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}

/** One profile's settings from both files; the credentials file wins where both set a key. */
export function readProfile(files: CliFileSystem, profile: string): Map<string, string> | undefined {
  const config = readIni(files, CONFIG_FILE).get(configSection(profile));
  const credentials = readIni(files, CREDENTIALS_FILE).get(profile);
  if (!config && !credentials) return undefined;
  return new Map([...(config ?? []), ...(credentials ?? [])]);
}

/** Which file a profile's key came from, for `aws configure list`. */
export function keySource(files: CliFileSystem, profile: string, key: string): 'shared-credentials-file' | 'config-file' | undefined {
  if (readIni(files, CREDENTIALS_FILE).get(profile)?.has(key)) return 'shared-credentials-file';
  if (readIni(files, CONFIG_FILE).get(configSection(profile))?.has(key)) return 'config-file';
  return undefined;
}

/**
 * ConfigFileWriter.update_config: changes the key in place when its section has it, adds it at
 * the end of the section otherwise, and adds the section at the end of the file when missing.
 */
export function writeSetting(files: CliFileSystem, profile: string, key: string, value: string): void {
  const path = CREDENTIAL_KEYS.has(key) ? CREDENTIALS_FILE : CONFIG_FILE;
  const section = path === CREDENTIALS_FILE ? profile : configSection(profile);
  const data = files.readFile(path);
  const lines = data ? new TextDecoder().decode(data).split('\n') : [];
  if (lines.at(-1) === '') lines.pop();
  const start = lines.findIndex((line) => /^\[\s*(.+?)\s*\]$/.exec(line.trim())?.[1] === section);
  if (start < 0) {
    lines.push(`[${section}]`, `${key} = ${value}`);
  } else {
    let end = start + 1;
    while (end < lines.length && !lines[end]!.trim().startsWith('[')) end++;
    const existing = lines.slice(start + 1, end).findIndex((line) => line.split('=')[0]!.trim() === key);
    if (existing >= 0) lines[start + 1 + existing] = `${key} = ${value}`;
    else lines.splice(end, 0, `${key} = ${value}`);
  }
  files.writeFile(path, new TextEncoder().encode(`${lines.join('\n')}\n`));
}
