import { describe, expect, it } from 'vitest';
import { expectParameterError } from '../../fixtures/parameterError.js';
import { isRecord, openFormatFile } from '../../../src/io/formatFile.js';

describe('formatFile', () => {
  it('isRecord(x) is true for plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect([null, [], 'x', 1].map(isRecord)).toEqual([false, false, false, false]);
  });

  it('openFormatFile(data, format, ...) accepts JSON text or a parsed value of that format and version 1', () => {
    expect(openFormatFile('{"format":"f","version":1,"a":2}', 'f', 'an f file', 'ctx')).toEqual({ format: 'f', version: 1, a: 2 });
    expect(openFormatFile({ format: 'f', version: 1 }, 'f', 'an f file', 'ctx')).toEqual({ format: 'f', version: 1 });
  });

  it('openFormatFile names what is wrong: the text, the format (saying what the file is not), the version', () => {
    const open = (data: unknown) => () => openFormatFile(data, 'f', 'an f file', 'ctx');
    expectParameterError(open('{ nope'), 'text');
    expect(expectParameterError(open({ format: 'g', version: 1 }), 'format').message).toContain('not an f file');
    expectParameterError(open([1, 2]), 'format');
    expectParameterError(open({ format: 'f', version: 2 }), 'version');
  });
});
