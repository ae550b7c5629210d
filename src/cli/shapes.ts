import type { MemberRef, ServiceModel, Shape, ShapeType } from '../runtime/model.js';
import { PyFloat } from './python/builtins.js';

/**
 * A shape as botocore's model objects present it to the CLI: the named shape merged
 * with the member reference that led to it (`streaming`, `location`, member docs).
 * The parser, shorthand, validation, help and skeletons all walk these.
 */
export interface ArgShape {
  /** The shape's name in the model (`VersioningConfiguration`), used to spot recursion. */
  readonly name: string;
  readonly type: ShapeType;
  readonly shape: Shape;
  readonly ref?: MemberRef;
}

export const SCALAR_TYPES: readonly ShapeType[] = ['string', 'integer', 'boolean', 'float', 'double', 'long', 'timestamp', 'blob'];

export function isScalar(shape: ArgShape): boolean {
  return SCALAR_TYPES.includes(shape.type);
}

export function shapeOf(model: ServiceModel, name: string, ref?: MemberRef): ArgShape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`awslab internal error: ${model.metadata.serviceId} model has no shape ${name}`);
  return ref ? { name, type: shape.type, shape, ref } : { name, type: shape.type, shape };
}

export function membersOf(model: ServiceModel, shape: ArgShape): Array<[string, ArgShape]> {
  return Object.entries(shape.shape.members ?? {}).map(([name, ref]) => [name, shapeOf(model, ref.shape, ref)]);
}

export function memberOf(model: ServiceModel, shape: ArgShape, name: string): ArgShape | undefined {
  const ref = shape.shape.members?.[name];
  return ref && Object.hasOwn(shape.shape.members ?? {}, name) ? shapeOf(model, ref.shape, ref) : undefined;
}

export function listMemberOf(model: ServiceModel, shape: ArgShape): ArgShape {
  const ref = shape.shape.member;
  if (!ref) throw new Error(`awslab internal error: list shape ${shape.name} has no member`);
  return shapeOf(model, ref.shape, ref);
}

export function mapKeyOf(model: ServiceModel, shape: ArgShape): ArgShape {
  const ref = shape.shape.key;
  if (!ref) throw new Error(`awslab internal error: map shape ${shape.name} has no key`);
  return shapeOf(model, ref.shape, ref);
}

export function mapValueOf(model: ServiceModel, shape: ArgShape): ArgShape {
  const ref = shape.shape.value;
  if (!ref) throw new Error(`awslab internal error: map shape ${shape.name} has no value`);
  return shapeOf(model, ref.shape, ref);
}

/** botocore's `shape.serialization.get('streaming')`: set on the member or the shape. */
export function isStreaming(shape: ArgShape): boolean {
  return Boolean(shape.ref?.streaming ?? shape.shape.streaming);
}

/** The member's documentation when it has one, else the shape's (botocore's rule). */
export function documentationOf(shape: ArgShape): string {
  return shape.ref?.documentation ?? shape.shape.documentation ?? '';
}

/** Sets an own property, so a key such as `__proto__` from a learner's input stays data. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function getOwn(target: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date) && !(value instanceof PyFloat);
}
