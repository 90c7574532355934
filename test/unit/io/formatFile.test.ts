import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
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
    const param = (data: unknown) => {
      try {
        openFormatFile(data, 'f', 'an f file', 'ctx');
      } catch (e) {
        expect(e).toBeInstanceOf(ParameterError);
        return [(e as ParameterError).parameter, (e as Error).message];
      }
      return null;
    };
    expect(param('{ nope')?.[0]).toBe('text');
    const format = param({ format: 'g', version: 1 });
    expect(format?.[0]).toBe('format');
    expect(format?.[1]).toContain('not an f file');
    expect(param([1, 2])?.[0]).toBe('format');
    expect(param({ format: 'f', version: 2 })?.[0]).toBe('version');
  });
});
