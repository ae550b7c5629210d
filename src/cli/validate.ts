import type { ServiceModel } from '../runtime/model.js';
import { FileBody } from './argprocess.js';
import { PyFloat, pyClass, pyStr } from './python/builtins.js';
import { getOwn, isPlainObject, listMemberOf, mapKeyOf, mapValueOf, memberOf, type ArgShape } from './shapes.js';
import { parseTimestamp } from './timestamps.js';

/**
 * Client-side parameter validation, a port of botocore/validate.py: every problem is
 * collected (required members first, then unknown ones, then each member in turn) and
 * reported together under "Parameter validation failed:" before anything is sent.
 */
type ErrorEntry =
  | { kind: 'missing'; name: string; required: string }
  | { kind: 'unknown'; name: string; param: string; valid: string[] }
  | { kind: 'type'; name: string; param: unknown; valid: string[] }
  | { kind: 'range'; name: string; param: number; min: number }
  | { kind: 'length'; name: string; param: number; min: number };

function displayName(name: string): string {
  if (!name) return 'input';
  return name.startsWith('.') ? name.slice(1) : name;
}

function format(error: ErrorEntry): string {
  const name = displayName(error.name);
  switch (error.kind) {
    case 'missing':
      return `Missing required parameter in ${name}: "${error.required}"`;
    case 'unknown':
      return `Unknown parameter in ${name}: "${error.param}", must be one of: ${error.valid.join(', ')}`;
    case 'type':
      return `Invalid type for parameter ${name}, value: ${pyStr(error.param)}, type: ${pyClass(error.param)}, valid types: ${error.valid.join(', ')}`;
    case 'range':
      return `Invalid value for parameter ${name}, value: ${error.param}, valid min value: ${error.min}`;
    case 'length':
      return `Invalid length for parameter ${name}, value: ${error.param}, valid min length: ${error.min}`;
  }
}

/** The report botocore puts after "Parameter validation failed:", or undefined when the input is valid. */
export function validateParameters(model: ServiceModel, params: Record<string, unknown>, shape: ArgShape | undefined): string | undefined {
  if (!shape) return undefined;
  const errors: ErrorEntry[] = [];
  new Validator(model, errors).validate(params, shape, '');
  return errors.length > 0 ? errors.map(format).join('\n') : undefined;
}

const STR = "<class 'str'>";
const INT = "<class 'int'>";

/** Python's int: bool is an int subclass, and JSON integers past 2^53 arrive as bigints. */
function isInt(value: unknown): value is number | boolean | bigint {
  return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'boolean' || typeof value === 'bigint';
}

class Validator {
  constructor(private readonly model: ServiceModel, private readonly errors: ErrorEntry[]) {}

  validate(value: unknown, shape: ArgShape, name: string): void {
    switch (shape.type) {
      case 'structure':
        return this.structure(value, shape, name);
      case 'list':
        return this.list(value, shape, name);
      case 'map':
        return this.map(value, shape, name);
      case 'string':
        if (typeof value !== 'string') return this.typeError(name, value, [STR]);
        return this.rangeCheck(name, [...value].length, shape, 'length');
      case 'integer':
      case 'long':
        if (!isInt(value)) return this.typeError(name, value, [INT]);
        return this.rangeCheck(name, Number(value), shape, 'range');
      case 'boolean':
        if (typeof value !== 'boolean') this.typeError(name, value, ["<class 'bool'>"]);
        return;
      case 'float':
      case 'double':
        if (!(value instanceof PyFloat || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')) {
          return this.typeError(name, value, ["<class 'float'>", "<class 'decimal.Decimal'>", INT]);
        }
        return this.rangeCheck(name, value instanceof PyFloat ? value.value : Number(value), shape, 'range');
      case 'blob':
        if (typeof value === 'string' || value instanceof Uint8Array || value instanceof FileBody) return;
        return this.typeError(name, value, ["<class 'bytes'>", "<class 'bytearray'>", 'file-like object']);
      case 'timestamp':
        if (parseTimestamp(value) === undefined) this.typeError(name, value, ["<class 'datetime.datetime'>", 'timestamp-string']);
        return;
    }
  }

  private typeError(name: string, param: unknown, valid: string[]): void {
    this.errors.push({ kind: 'type', name, param, valid });
  }

  /** botocore's range_check: only a minimum is checked (and 1 for a host label). */
  private rangeCheck(name: string, value: number, shape: ArgShape, kind: 'range' | 'length'): void {
    let min = -Infinity;
    if (shape.shape.min !== undefined) min = shape.shape.min;
    else if (shape.ref?.hostLabel) min = 1;
    if (value < min) this.errors.push({ kind, name, param: value, min });
  }

  private structure(value: unknown, shape: ArgShape, name: string): void {
    if (!isPlainObject(value)) return this.typeError(name, value, ["<class 'dict'>"]);
    for (const required of shape.shape.required ?? []) {
      if (!Object.hasOwn(value, required)) this.errors.push({ kind: 'missing', name, required });
    }
    const valid = Object.keys(shape.shape.members ?? {});
    const known: Array<[string, ArgShape]> = [];
    for (const param of Object.keys(value)) {
      const member = memberOf(this.model, shape, param);
      if (member) known.push([param, member]);
      else this.errors.push({ kind: 'unknown', name, param, valid });
    }
    for (const [param, member] of known) this.validate(getOwn(value, param), member, `${name}.${param}`);
  }

  private list(value: unknown, shape: ArgShape, name: string): void {
    if (!Array.isArray(value)) return this.typeError(name, value, ["<class 'list'>", "<class 'tuple'>"]);
    this.rangeCheck(name, value.length, shape, 'length');
    const member = listMemberOf(this.model, shape);
    value.forEach((item, i) => this.validate(item, member, `${name}[${i}]`));
  }

  private map(value: unknown, shape: ArgShape, name: string): void {
    if (!isPlainObject(value)) return this.typeError(name, value, ["<class 'dict'>"]);
    const keyShape = mapKeyOf(this.model, shape);
    const valueShape = mapValueOf(this.model, shape);
    for (const [key, item] of Object.entries(value)) {
      this.validate(key, keyShape, `${name} (key: ${key})`);
      this.validate(item, valueShape, `${name}.${key}`);
    }
  }
}
