import type { ServiceModel } from '../../runtime/model.js';
import type { ServiceCall, ServiceCustomisation } from './hooks.js';

/**
 * IAM in the CLI: botocore's `after-call.iam` handler json_decode_policies. IAM returns every
 * policy document URL-encoded (its policyDocumentType shape); botocore decodes and parses it,
 * so the learner sees the document as JSON, not as %7B%22Version%22….
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUserPolicy.html
 */
export const IAM_CLI: ServiceCustomisation = {
  service: 'iam',
  afterCall: decodePolicies,
};

const POLICY_DOCUMENT = 'policyDocumentType';

function decodePolicies({ model, operation }: ServiceCall, parsed: Record<string, unknown>): void {
  const output = model.operations[operation]?.output?.shape;
  if (!output) return;
  const decoded = decode(parsed, output, model) as Record<string, unknown>;
  for (const key of Object.keys(decoded)) parsed[key] = decoded[key];
}

/** A copy of `value` with its policy documents decoded; what cannot be decoded stays as it was, as in botocore. */
function decode(value: unknown, shapeName: string, model: ServiceModel): unknown {
  const shape = model.shapes[shapeName];
  if (!shape || value === null || value === undefined) return value;
  if (shape.type === 'structure' && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [member, ref] of Object.entries(shape.members ?? {})) {
      if (!(member in out)) continue;
      out[member] = ref.shape === POLICY_DOCUMENT && typeof out[member] === 'string' ? decodeQuotedJson(out[member]) : decode(out[member], ref.shape, model);
    }
    return out;
  }
  if (shape.type === 'list' && Array.isArray(value) && shape.member) return value.map((item) => decode(item, shape.member!.shape, model));
  return value;
}

function decodeQuotedJson(text: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(text)) as unknown;
  } catch {
    return text;
  }
}
