import { jsonScalar } from './json.js';
import { isScalar, type PyValue } from '../python/builtins.js';
import { YamlEmitter } from '../python/yaml-emitter.js';

/**
 * `--output yaml` and `yaml-stream`: awscli/formatter.py YAMLDumper. A scalar result (from
 * --query) is printed as JSON, since YAML would end the document with "...". Anything else
 * goes through ruamel.yaml's safe representer (mapping keys sorted, booleans true/false,
 * null for None; yaml-resolver.ts) and libyaml's emitter (yaml-emitter.ts), as the CLI's
 * YAML(typ='safe') does with default_flow_style=False.
 */
export function dumpYaml(value: PyValue): string {
  if (isScalar(value)) return `${jsonScalar(value)}\n`;
  return new YamlEmitter().emitDocument(value);
}
