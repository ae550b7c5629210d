import { describe, expect, it } from 'vitest';
import { InputError, optionalBlob, optionalBoolean, optionalInteger, optionalString, optionalStringMap, optionalStruct, optionalTimeMs, requiredString } from '../../src/runtime/input.js';
import { World } from '../../src/runtime/world.js';
import { defineService } from '../../src/runtime/service.js';
import { counterService } from './kernel-fixture.js';

describe('input readers', () => {
  it('read present members and treat absent or null ones as undefined', () => {
    const input = { S: 'x', B: false, I: 3, M: { a: 'b' }, T: new Date(5000), N: null, Blob: 'hé' };
    expect([requiredString(input, 'S'), optionalString(input, 'N'), optionalBoolean(input, 'B'), optionalInteger(input, 'I')]).toEqual(['x', undefined, false, 3]);
    expect([optionalStringMap(input, 'M'), optionalStruct(input, 'N'), optionalTimeMs(input, 'T'), optionalTimeMs({ T: 7 }, 'T')]).toEqual([{ a: 'b' }, undefined, 5000, 7]);
    expect(optionalBlob(input, 'Blob')).toEqual(new Uint8Array([0x68, 0xc3, 0xa9]));
  });

  it.each([
    [() => requiredString({} as Record<string, unknown>, 'Bucket'), 'input member Bucket must be a string (got undefined)'],
    [() => optionalString({ Key: 4 }, 'Key'), 'input member Key must be a string (got number)'],
    [() => optionalBoolean({ Flag: 'yes' }, 'Flag'), 'input member Flag must be a boolean (got string)'],
    [() => optionalInteger({ MaxKeys: 1.5 }, 'MaxKeys'), 'input member MaxKeys must be an integer (got 1.5)'],
    [() => optionalStruct({ Delete: [] }, 'Delete'), 'input member Delete must be a structure (got array)'],
    [() => optionalStringMap({ Metadata: { a: 1 } }, 'Metadata'), 'input member Metadata must map strings to strings (a is number)'],
    [() => optionalTimeMs({ Expires: 'soon' }, 'Expires'), 'input member Expires must be a timestamp, a Date or ms since the epoch (got string)'],
    [() => optionalBlob({ Body: 5 }, 'Body'), 'input member Body must be bytes or text (got number)'],
  ])('throw an InputError naming the member and what it must be, without naming a service', (read, message) => {
    expect(read).toThrow(InputError);
    expect(read).toThrow(`awslab internal error: ${message}`);
  });

  it('is labelled by the world with the service and operation it reached', () => {
    const echo = defineService<null>({
      name: 'echo',
      model: counterService.model,
      createState: () => null,
      operations: { Say: { readOnly: true, handler: (_ctx, input: Record<string, unknown>) => ({ Said: requiredString(input, 'Text') }) } },
    });
    const world = new World({ services: [echo] });
    expect(() => world.call('echo', 'Say', { Text: 1 })).toThrow('awslab internal error: echo.Say input member Text must be a string (got number)');
  });

  it('keeps the innermost operation when an error passes through a nested call', () => {
    const error = new InputError('Key', 'must be a string (got number)');
    error.locate('s3.CopyObject');
    error.locate('s3.PutObject');
    expect(error.message).toBe('awslab internal error: s3.CopyObject input member Key must be a string (got number)');
  });

  it('checks member names against a typed input at compile time', () => {
    const typed: { Bucket: string; Key?: string } = { Bucket: 'b' };
    // @ts-expect-error: 'Bukcet' is not a member of the typed input
    expect(() => requiredString(typed, 'Bukcet')).toThrow('input member Bukcet must be a string');
    expect(requiredString(typed, 'Bucket')).toBe('b');
  });
});
