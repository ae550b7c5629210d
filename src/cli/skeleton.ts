import type { ServiceModel } from '../runtime/model.js';
import { PyFloat } from './python/builtins.js';
import { documentationOf, listMemberOf, mapValueOf, membersOf, type ArgShape } from './shapes.js';

/**
 * `--generate-cli-skeleton` (awscli/customizations/generatecliskeleton.py): sample input
 * as JSON or YAML, or sample output, from botocore's ArgumentGenerator
 * (botocore/utils.py): "" for strings (the first enum value if any), 0, 0.0, true,
 * 1970-01-01 for timestamps, one element per list, `KeyName` for maps.
 */
const EPOCH = new Date(0);

export function skeletonValue(model: ServiceModel, shape: ArgShape, useMemberNames: boolean, stack: string[] = [], name = ''): unknown {
  const next = [...stack, shape.name];
  switch (shape.type) {
    case 'structure': {
      const result: Record<string, unknown> = {};
      if (next.filter((s) => s === shape.name).length > 1) return result;
      for (const [memberName, member] of membersOf(model, shape)) result[memberName] = skeletonValue(model, member, useMemberNames, next, memberName);
      return result;
    }
    case 'list': {
      const member = listMemberOf(model, shape);
      return [skeletonValue(model, member, useMemberNames, next, useMemberNames ? member.name : '')];
    }
    case 'map':
      return { KeyName: skeletonValue(model, mapValueOf(model, shape), useMemberNames, next) };
    case 'string':
      if (useMemberNames) return name;
      return shape.shape.enum?.[0] ?? '';
    case 'integer':
    case 'long':
      return 0;
    case 'float':
    case 'double':
      return new PyFloat(0);
    case 'boolean':
      return true;
    case 'timestamp':
      return EPOCH;
    default:
      return null;
  }
}

/** json.dump(skeleton, indent=4) with the CLI's json_encoder (datetimes as ISO text). */
export function jsonSkeleton(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return '"1970-01-01T00:00:00"';
  if (value instanceof PyFloat) return '0.0';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + jsonSkeleton(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonSkeleton(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** customizations/utils.py get_shape_doc_overview: text up to the first `.` or `:`. */
function docOverview(text: string): string {
  const first = text.split(/[.:]+/)[0] ?? '';
  return (first ? `${first}.` : '').replace(/[\n\u2028]/g, ' ');
}

function yamlScalar(shape: ArgShape): string {
  switch (shape.type) {
    case 'string':
      return shape.shape.enum?.[0] ?? "''";
    case 'integer':
    case 'long':
      return '0';
    case 'float':
    case 'double':
      return '0.0';
    case 'boolean':
      return 'true';
    case 'timestamp':
      return '1970-01-01 00:00:00';
    default:
      return "!!binary ''";
  }
}

function yamlComment(shape: ArgShape, required: boolean): string {
  const parts = [...(required ? ['[REQUIRED]'] : []), docOverview(documentationOf(shape))];
  if (shape.shape.enum) parts.push(`Valid values are: ${shape.shape.enum.join(', ')}.`);
  const comment = parts.join(' ');
  return comment.trim() ? `# ${comment}` : '';
}

/**
 * The YAML input skeleton (YAMLArgumentGenerator), each member with an end-of-line comment
 * saying whether it is required and what it is. ruamel puts two spaces before the first
 * comment of each mapping and one before the others; sequences are not indented.
 */
export function yamlSkeleton(model: ServiceModel, shape: ArgShape, indent = '', stack: string[] = []): string {
  const members = membersOf(model, shape);
  if (members.length === 0 || stack.filter((s) => s === shape.name).length > 1) return `${indent}{}`;
  const required = new Set(shape.shape.required ?? []);
  const next = [...stack, shape.name];
  const lines: string[] = [];
  members.forEach(([name, member], i) => {
    const comment = yamlComment(member, required.has(name));
    const gap = i === 0 ? '  ' : ' ';
    const withComment = (text: string): string => (comment ? `${text}${gap}${comment}` : text);
    if (member.type === 'structure') {
      lines.push(withComment(`${indent}${name}:`));
      lines.push(yamlSkeleton(model, member, `${indent}  `, next));
    } else if (member.type === 'list') {
      const element = listMemberOf(model, member);
      lines.push(withComment(`${indent}${name}:`));
      if (element.type === 'structure') lines.push(yamlSkeleton(model, element, `${indent}  `, next).replace(/^(\s*) {2}/, '$1- '));
      else lines.push(`${indent}- ${yamlScalar(element)}`);
    } else if (member.type === 'map') {
      lines.push(withComment(`${indent}${name}:`));
      lines.push(`${indent}  KeyName: ${yamlScalar(mapValueOf(model, member))}`);
    } else {
      lines.push(withComment(`${indent}${name}: ${yamlScalar(member)}`));
    }
  });
  return lines.join('\n');
}
