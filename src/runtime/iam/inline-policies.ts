/**
 * Inline policies: documents embedded in one user, group or role, named within it. Putting
 * one under an existing name replaces it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUserPolicy.html
 */
import { checkDocument } from './documents.js';
import { noSuchEntity, type EntityKind } from './errors.js';
import { requireEntity } from './entities.js';
import { checkName } from './names.js';
import type { IamState } from './state.js';

export function putInlinePolicy(state: IamState, kind: EntityKind, name: string, policyName: string, document: string): void {
  const entity = requireEntity(state, kind, name);
  checkName(policyName, 'policyName', 128);
  checkDocument(document, 'identity');
  entity.inline[policyName] = document;
}

export function getInlinePolicy(state: IamState, kind: EntityKind, name: string, policyName: string): string {
  const entity = requireEntity(state, kind, name);
  const document = entity.inline[policyName];
  if (document === undefined) throw noSuchEntity(`The ${kind} policy with name ${policyName} cannot be found.`);
  return document;
}

export function deleteInlinePolicy(state: IamState, kind: EntityKind, name: string, policyName: string): void {
  getInlinePolicy(state, kind, name, policyName);
  delete requireEntity(state, kind, name).inline[policyName];
}

export function inlinePolicyNames(state: IamState, kind: EntityKind, name: string): string[] {
  return Object.keys(requireEntity(state, kind, name).inline).sort();
}
