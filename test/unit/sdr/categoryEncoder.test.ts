import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { CategoryEncoder } from '../../../src/sdr/categoryEncoder.js';
import { SDR } from '../../../src/sdr/sdr.js';

describe('CategoryEncoder', () => {
  it('encode(category) sets the category\'s own block; block 0 is for unknown inputs (NuPIC layout)', () => {
    const enc = new CategoryEncoder({ categories: ['cat', 'dog'], activeBits: 3 });
    expect(enc.size).toBe(9);
    expect(enc.dimensions).toEqual([9]);
    expect(Array.from(enc.encode('cat').sparse)).toEqual([3, 4, 5]);
    expect(Array.from(enc.encode('dog').sparse)).toEqual([6, 7, 8]);
    expect(Array.from(enc.encode('eel').sparse)).toEqual([0, 1, 2]);
    expect(enc.encode('cat').overlap(enc.encode('dog'))).toBe(0);
  });

  it('encode accepts numbers as categories and writes into a given output', () => {
    const enc = new CategoryEncoder({ categories: [1, 2], activeBits: 2 });
    const out = new SDR([2, 3]);
    expect(enc.encode(1, out)).toBe(out);
    expect(Array.from(out.sparse)).toEqual([2, 3]);
    expect(Array.from(enc.encode('1').sparse)).toEqual([0, 1]); // '1' is not 1: unknown
  });

  it("encode throws for an unknown category with unknown: 'throw'", () => {
    const enc = new CategoryEncoder({ categories: ['a'], activeBits: 2, unknown: 'throw' });
    expect(() => enc.encode('b')).toThrow(/'category' = "b"/);
    expect(() => enc.encode('a', new SDR(5))).toThrow(/'output'/);
  });

  it('decode(sdr) returns the category holding most active bits', () => {
    const enc = new CategoryEncoder({ categories: ['a', 'b'], activeBits: 3 });
    expect(enc.decode(enc.encode('a'))).toEqual({ category: 'a', overlap: 3 });
    expect(enc.decode(SDR.fromSparse(9, [6, 7, 3]))).toEqual({ category: 'b', overlap: 2 });
    expect(enc.decode(SDR.fromSparse(9, [0, 1]))).toEqual({ category: null, overlap: 2 });
    expect(enc.decode(new SDR(9))).toEqual({ category: null, overlap: 0 });
    expect(() => enc.decode(new SDR(8))).toThrow(/'sdr'/);
  });

  it('new CategoryEncoder throws for empty or duplicated categories, bad widths and options', () => {
    expect(() => new CategoryEncoder({ categories: [], activeBits: 3 })).toThrow(/'categories'/);
    expect(() => new CategoryEncoder({ categories: ['a', 'a'], activeBits: 3 })).toThrow(/'categories\[1\]'/);
    expect(() => new CategoryEncoder({ categories: [Number.NaN], activeBits: 3 })).toThrow(/'categories\[0\]'/);
    expect(() => new CategoryEncoder({ categories: [{}] as unknown as string[], activeBits: 3 })).toThrow(ParameterError);
    expect(() => new CategoryEncoder({ categories: ['a'], activeBits: 0 })).toThrow(/'activeBits'/);
    expect(() => new CategoryEncoder({ categories: ['a'], activeBits: 1.5 })).toThrow(/'activeBits'/);
    expect(() => new CategoryEncoder({ categories: ['a'], activeBits: 2, unknown: 'ignore' as 'throw' })).toThrow(/'unknown'/);
    expect(() => new CategoryEncoder({ categories: ['a'], w: 2 } as unknown as { categories: string[]; activeBits: number })).toThrow(
      /'parameters.w'/,
    );
  });
});
