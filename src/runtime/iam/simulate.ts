/**
 * The policy simulator: SimulatePrincipalPolicy evaluates a user's, group's or role's
 * policies (plus any given), SimulateCustomPolicy only the given ones, for each action and
 * resource, naming the statements that decided and where they sit in their documents.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 */
import { evaluate } from './policy/evaluate.js';
import { parsePolicy } from './policy/document.js';
import type { Principal } from './policy/types.js';
import { actionMatches } from './policy/wildcard.js';
import { checkDocument } from './documents.js';
import { invalidInput } from './errors.js';
import { parsedDocument, type NamedPolicy } from './identity-policies.js';
import { statementSpans } from './statement-positions.js';

export interface ContextEntry {
  ContextKeyName?: string;
  ContextKeyValues?: string[];
  ContextKeyType?: string;
}

export interface Simulation {
  readonly principal: Principal;
  readonly policies: readonly NamedPolicy[];
  readonly actions: readonly string[];
  readonly resources?: readonly string[];
  readonly contextEntries?: readonly ContextEntry[];
}

/** The policies given in the request (PolicyInputList, ResourcePolicy), checked and named as AWS names them. */
export function givenPolicies(policyInputList: readonly string[] = [], resourcePolicy?: string): NamedPolicy[] {
  const given = policyInputList.map((text, i): NamedPolicy => {
    checkDocument(text, 'identity');
    return { source: { kind: 'identity', name: `PolicyInputList.${i + 1}`, document: parsedDocument(text) }, text, policyId: `PolicyInputList.${i + 1}`, policyType: 'none' };
  });
  if (resourcePolicy !== undefined) {
    checkDocument(resourcePolicy, 'resource');
    given.push({ source: { kind: 'resource', name: 'ResourcePolicy', document: parsedDocument(resourcePolicy) }, text: resourcePolicy, policyId: 'ResourcePolicy', policyType: 'resource' });
  }
  return given;
}

function contextOf(entries: readonly ContextEntry[] = []): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  for (const entry of entries) {
    if (!entry.ContextKeyName) throw invalidInput('A context entry needs a ContextKeyName.');
    const values = entry.ContextKeyValues ?? [];
    context[entry.ContextKeyName] = entry.ContextKeyType?.endsWith('List') ? values : (values[0] ?? '');
  }
  return context;
}

export function simulate(simulation: Simulation): Record<string, unknown>[] {
  const context = contextOf(simulation.contextEntries);
  const bySource = new Map(simulation.policies.map((p) => [p.source, p]));
  const results: Record<string, unknown>[] = [];
  for (const action of simulation.actions) {
    for (const resource of simulation.resources?.length ? simulation.resources : ['*']) {
      const decision = evaluate({ principal: simulation.principal, action, resource, context }, simulation.policies.map((p) => p.source));
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: decision.decision,
        MatchedStatements: decision.deciding.map((d) => {
          const policy = bySource.get(d.source)!;
          const span = statementSpans(policy.text)[d.index]!;
          return { SourcePolicyId: policy.policyId, SourcePolicyType: policy.policyType, StartPosition: span.start, EndPosition: span.end };
        }),
        MissingContextValues: missingKeys(simulation.policies, action, context),
      });
    }
  }
  return results;
}

/** Condition keys of the statements about `action` that the request context lacks. */
function missingKeys(policies: readonly NamedPolicy[], action: string, context: Record<string, unknown>): string[] {
  const given = new Set(Object.keys(context).map((k) => k.toLowerCase()));
  const missing = new Map<string, string>();
  for (const policy of policies) {
    for (const statement of parsePolicy(policy.source.document, 'stored').statements) {
      const about = statement.actions ? statement.actions.some((a) => actionMatches(a, action)) : !statement.notActions!.some((a) => actionMatches(a, action));
      if (!about) continue;
      for (const condition of statement.conditions) if (!given.has(condition.key.toLowerCase())) missing.set(condition.key.toLowerCase(), condition.key);
    }
  }
  return [...missing.values()];
}
