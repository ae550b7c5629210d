#!/usr/bin/env node
// Writes src/runtime/<service>/shapes.generated.ts from the service's committed model.json:
// for every operation in the (trimmed) model, an interface for its input and one for its
// output, with AWS's PascalCase member names, the nested structures they use, and each
// member's botocore shape and type in its comment. Handlers typed with them fail the
// typecheck on a misspelt member. A test compares the committed file with a fresh run.
//
//   node test/tools/generate-shapes.mjs s3            # rewrite the committed file
//   node test/tools/generate-shapes.mjs s3 --check    # exit 1 if the committed file differs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

/** Built-in names a nested structure would shadow: such a shape gets the service's prefix (S3's Object is S3Object). */
const RESERVED = new Set(['Array', 'Boolean', 'Date', 'Error', 'Function', 'Map', 'Number', 'Object', 'Promise', 'Record', 'Set', 'String', 'Symbol', 'Uint8Array']);

function comment(lines, indent) {
  const text = lines.filter(Boolean).join('\n').replace(/\*\//g, '*\u2215');
  const body = text.split('\n').map((line) => `${indent} *${line ? ` ${line}` : ''}`);
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

function pascal(service) {
  return service.replace(/(^|[-_])([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}

/**
 * How a botocore type reads in TypeScript. Timestamps and blobs differ by direction: a caller
 * may send a Date or ms since the epoch, and bytes or text; handlers return Dates and bytes.
 */
const SCALARS = {
  string: () => 'string',
  boolean: () => 'boolean',
  integer: () => 'number',
  long: () => 'number',
  float: () => 'number',
  double: () => 'number',
  timestamp: (direction) => (direction === 'input' ? 'Date | number' : 'Date'),
  blob: (direction) => (direction === 'input' ? 'Uint8Array | string' : 'Uint8Array'),
};

/** What the member comment says of a shape: its botocore name, type and limits. */
function describeShape(name, shape) {
  const facts = [shape.type];
  if (shape.enum) facts.push(`one of ${shape.enum.length > 12 ? `${shape.enum.slice(0, 12).join(', ')}, …` : shape.enum.join(', ')}`);
  if (shape.min !== undefined) facts.push(`min ${shape.min}`);
  if (shape.max !== undefined) facts.push(`max ${shape.max}`);
  if (shape.streaming) facts.push('streaming');
  return `botocore: ${name} (${facts.join(', ')})`;
}

export function generate(service, model) {
  const shapes = model.shapes;
  const shapeOf = (name) => {
    const shape = shapes[name];
    if (!shape) throw new Error(`${service}: model.json has no shape ${name}`);
    return shape;
  };
  // Does a shape hold, anywhere inside, a member whose type depends on the direction?
  const directional = new Map();
  const isDirectional = (name, seen = new Set()) => {
    if (directional.has(name)) return directional.get(name);
    if (seen.has(name)) return false;
    seen.add(name);
    const shape = shapeOf(name);
    let result = shape.type === 'timestamp' || shape.type === 'blob';
    if (shape.type === 'structure') result = Object.values(shape.members ?? {}).some((m) => isDirectional(m.shape, seen));
    if (shape.type === 'list') result = isDirectional(shape.member.shape, seen);
    if (shape.type === 'map') result = isDirectional(shape.key.shape, seen) || isDirectional(shape.value.shape, seen);
    directional.set(name, result);
    return result;
  };

  const topLevel = new Map(); // interface name -> [operation, direction]
  for (const op of Object.values(model.operations)) {
    for (const direction of ['input', 'output']) topLevel.set(`${op.name}${direction === 'input' ? 'Input' : 'Output'}`, [op.name, direction]);
  }
  const nested = new Map(); // emitted name -> [shape name, direction]
  const structName = (name, direction) => {
    const base = RESERVED.has(name) ? `${pascal(service)}${name}` : name;
    const emitted = isDirectional(name) && direction === 'input' ? `${base}In` : base;
    if (topLevel.has(emitted)) throw new Error(`${service}: shape ${name} would be emitted as ${emitted}, which an operation's ${topLevel.get(emitted)[1]} already uses`);
    const known = nested.get(emitted);
    if (known && known[0] !== name) throw new Error(`${service}: shapes ${known[0]} and ${name} would both be emitted as ${emitted}`);
    if (!known) nested.set(emitted, [name, direction]);
    return emitted;
  };
  const typeOf = (name, direction) => {
    const shape = shapeOf(name);
    if (shape.type === 'structure') return structName(name, direction);
    if (shape.type === 'list') {
      const member = typeOf(shape.member.shape, direction);
      return /[ |]/.test(member) ? `Array<${member}>` : `${member}[]`;
    }
    if (shape.type === 'map') return `Record<string, ${typeOf(shape.value.shape, direction)}>`;
    const scalar = SCALARS[shape.type];
    if (!scalar) throw new Error(`${service}: shape ${name} has type ${shape.type}, which the generator does not know`);
    return scalar(direction);
  };
  const members = (shape, direction) => {
    const required = new Set(shape.required ?? []);
    const entries = Object.entries(shape.members ?? {});
    if (entries.length === 0) return null;
    return entries
      .map(([member, ref]) => {
        const target = shapeOf(ref.shape);
        const doc = comment([ref.documentation, describeShape(ref.shape, target), ref.deprecated ? '@deprecated' : ''], '  ');
        // botocore parses an empty element of a response as None, so an output member may be null.
        const type = typeOf(ref.shape, direction);
        return `${doc}  ${member}${required.has(member) ? `: ${type}` : direction === 'output' ? `?: ${type} | null` : `?: ${type}`};\n`;
      })
      .join('');
  };
  const declaration = (name, shape, direction, docLines) => {
    const body = shape ? members(shape, direction) : null;
    const doc = comment(docLines, '');
    return body === null ? `${doc}export type ${name} = Record<string, never>;\n` : `${doc}export interface ${name} {\n${body}}\n`;
  };

  const parts = [];
  const table = [];
  for (const op of Object.values(model.operations)) {
    const input = op.input ? shapeOf(op.input.shape) : undefined;
    const output = op.output ? shapeOf(op.output.shape) : undefined;
    parts.push(declaration(`${op.name}Input`, input, 'input', [`${op.name}'s input${op.input ? ` (botocore ${op.input.shape})` : ''}.`, op.documentation]));
    parts.push(declaration(`${op.name}Output`, output, 'output', [`${op.name}'s output${op.output ? ` (botocore ${op.output.shape})` : ''}.`]));
    table.push(`  ${op.name}: { input: ${op.name}Input; output: ${op.name}Output };\n`);
  }
  // Nested structures, found while emitting the operations (and each other), in name order.
  const emitted = new Set();
  for (let pending = [...nested.keys()].filter((n) => !emitted.has(n)); pending.length; pending = [...nested.keys()].filter((n) => !emitted.has(n))) {
    for (const name of pending) {
      const [shapeName, direction] = nested.get(name);
      const shape = shapeOf(shapeName);
      const doc = [`botocore: ${shapeName}${name !== shapeName ? ' as a caller sends it' : ''}.`, shape.documentation];
      nested.set(name, [shapeName, direction, declaration(name, shape, direction, doc)]);
      emitted.add(name);
    }
  }
  const nestedParts = [...nested.keys()].sort().map((name) => nested.get(name)[2]);
  const header = [
    `// Generated by test/tools/generate-shapes.mjs from src/runtime/${service}/model.json. Do not edit:`,
    `// run \`npm run shapes -- ${service}\` after changing the model.`,
    '',
  ].join('\n');
  const tableName = `${pascal(service)}Shapes`;
  const tableDoc = comment([`Every ${service} operation's input and output, for typing its handlers.`], '');
  return `${header}\n${tableDoc}export interface ${tableName} {\n${table.join('')}}\n\n${[...parts, ...nestedParts].join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [service, flag] = process.argv.slice(2);
  if (!service) {
    console.error('usage: node test/tools/generate-shapes.mjs SERVICE [--check]   (SERVICE: a folder of src/runtime with a model.json)');
    process.exit(2);
  }
  const model = JSON.parse(readFileSync(join(repo, 'src', 'runtime', service, 'model.json'), 'utf8'));
  const target = join(repo, 'src', 'runtime', service, 'shapes.generated.ts');
  const text = generate(service, model);
  if (flag === '--check') {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      committed = '';
    }
    const same = committed === text;
    console.log(same ? `${service}: shapes up to date` : `${service}: shapes.generated.ts differs from model.json (run: npm run shapes -- ${service})`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, text);
  console.log(`wrote ${target} (${text.length} bytes)`);
}
