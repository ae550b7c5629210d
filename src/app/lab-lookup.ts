import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtInLabsDir, labFolders, loadLab, LAB_FILE, type LabEntry } from '../lab/catalog.js';

export class UnknownLabError extends Error {}

/** A LAB argument: the id of a lab that ships with awslab, or a path to a lab folder or lab.yaml. */
export function resolveLab(arg: string): LabEntry {
  const builtIn = join(builtInLabsDir(), arg);
  const path = /^[a-z0-9-]+$/.test(arg) && existsSync(join(builtIn, LAB_FILE)) ? builtIn : resolve(arg);
  if (!existsSync(path)) {
    const ids = labFolders(builtInLabsDir()).map((dir) => dir.split('/').pop());
    throw new UnknownLabError(`no lab '${arg}': give a lab id (${ids.join(', ')}) or the path of a lab folder`);
  }
  if (!path.endsWith('.yaml') && !path.endsWith('.yml') && !existsSync(join(path, LAB_FILE))) {
    throw new UnknownLabError(`${arg} has no ${LAB_FILE}: a lab is a folder holding ${LAB_FILE} and its solution`);
  }
  return loadLab(path);
}
