#!/usr/bin/env node
// Extracts the operations awslab simulates from botocore's service model (shipped with
// Debian's awscli package) into src/runtime/<service>/model.json. The simulated cloud,
// the CLI parser, help and validation all read that one table, so shapes, member order
// and required members are AWS's own rather than retyped by hand. The service's waiters
// (waiters-2.json) whose operation is simulated come along under `waiters`, so
// `aws <service> wait` works for every service without code of its own.
//
//   node test/tools/extract-model.mjs s3            # rewrite the committed model
//   node test/tools/extract-model.mjs s3 --check    # exit 1 if the committed model differs
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const botocoreData = process.env.BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/awscli/botocore/data';

export const SUPPORTED = JSON.parse(readFileSync(join(here, 'supported-operations.json'), 'utf8'));

function stripHtml(html) {
  return html
    .replace(/<\/p>\s*<p>/g, '\n\n')
    .replace(/<li>/g, '\n- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n /g, '\n')
    .trim();
}

// The first paragraph is what `help` shows; the rest of AWS's prose is left to AWS's docs.
function firstParagraph(html) {
  if (!html) return undefined;
  const text = stripHtml(html).split(/\n\n/)[0].trim();
  return text.length > 600 ? text.slice(0, 597).replace(/\s+\S*$/, '') + '…' : text;
}

const KEEP_SHAPE_KEYS = ['type', 'required', 'members', 'member', 'key', 'value', 'enum', 'min', 'max', 'pattern',
  'payload', 'flattened', 'xmlNamespace', 'timestampFormat', 'streaming', 'exception', 'error', 'sensitive', 'locationName'];
const KEEP_MEMBER_KEYS = ['shape', 'location', 'locationName', 'xmlNamespace', 'xmlAttribute', 'flattened',
  'streaming', 'hostLabel', 'timestampFormat', 'queryName', 'contextParam', 'deprecated'];

export function extract(service) {
  const dir = readdirSync(join(botocoreData, service)).sort().pop();
  const src = JSON.parse(readFileSync(join(botocoreData, service, dir, 'service-2.json'), 'utf8'));
  const pag = JSON.parse(readFileSync(join(botocoreData, service, dir, 'paginators-1.json'), 'utf8')).pagination;
  const wanted = SUPPORTED[service];
  const operations = {};
  const shapes = {};
  const visit = (name) => {
    if (shapes[name]) return;
    const s = src.shapes[name];
    const out = {};
    for (const k of KEEP_SHAPE_KEYS) if (s[k] !== undefined) out[k] = s[k];
    const doc = firstParagraph(s.documentation);
    if (doc && (s.type !== 'structure' || s.exception)) out.documentation = doc;
    shapes[name] = out;
    if (s.members) {
      out.members = {};
      for (const [m, ref] of Object.entries(s.members)) {
        const r = {};
        for (const k of KEEP_MEMBER_KEYS) if (ref[k] !== undefined) r[k] = ref[k];
        const d = firstParagraph(ref.documentation);
        if (d) r.documentation = d;
        out.members[m] = r;
        visit(ref.shape);
      }
    }
    for (const k of ['member', 'key', 'value']) if (s[k]) { out[k] = { shape: s[k].shape, ...(s[k].locationName ? { locationName: s[k].locationName } : {}) }; visit(s[k].shape); }
  };
  for (const name of wanted) {
    const op = src.operations[name];
    if (!op) throw new Error(`${service} has no operation ${name}`);
    operations[name] = {
      name,
      http: op.http,
      ...(op.input ? { input: { shape: op.input.shape, ...(op.input.locationName ? { locationName: op.input.locationName } : {}), ...(op.input.xmlNamespace ? { xmlNamespace: op.input.xmlNamespace } : {}) } } : {}),
      ...(op.output ? { output: { shape: op.output.shape } } : {}),
      errors: (op.errors ?? []).map((e) => e.shape),
      documentation: firstParagraph(op.documentation),
      ...(pag[name] ? { paginator: pag[name] } : {}),
    };
    if (op.input) visit(op.input.shape);
    if (op.output) visit(op.output.shape);
    for (const e of op.errors ?? []) visit(e.shape);
  }
  const sortedShapes = Object.fromEntries(Object.keys(shapes).sort().map((k) => [k, shapes[k]]));
  const waiters = extractWaiters(join(botocoreData, service, dir, 'waiters-2.json'), operations);
  return { metadata: src.metadata, operations, shapes: sortedShapes, ...(waiters ? { waiters } : {}) };
}

// botocore's WaiterModel (version 2): each waiter polls one operation. A waiter on an
// operation awslab does not simulate would only ever say so, so it is left out.
function extractWaiters(file, operations) {
  if (!existsSync(file)) return undefined;
  const model = JSON.parse(readFileSync(file, 'utf8'));
  if (model.version !== 2) throw new Error(`${file}: waiter model version ${model.version}, expected 2`);
  const waiters = {};
  for (const [name, waiter] of Object.entries(model.waiters)) {
    if (!operations[waiter.operation]) continue;
    waiters[name] = {
      operation: waiter.operation,
      delay: waiter.delay,
      maxAttempts: waiter.maxAttempts,
      ...(waiter.description ? { description: waiter.description } : {}),
      acceptors: waiter.acceptors.map((a) => ({ state: a.state, matcher: a.matcher, ...(a.argument !== undefined ? { argument: a.argument } : {}), expected: a.expected })),
    };
  }
  return Object.keys(waiters).length > 0 ? waiters : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [service, flag] = process.argv.slice(2);
  const target = join(repo, 'src', 'runtime', service, 'model.json');
  const text = JSON.stringify(extract(service), null, 1) + '\n';
  if (flag === '--check') {
    const same = readFileSync(target, 'utf8') === text;
    console.log(same ? `${service}: model up to date` : `${service}: model differs from botocore`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, text);
  console.log(`wrote ${target} (${text.length} bytes)`);
}
