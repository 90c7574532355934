import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { murmurhash3_32, murmurhash3_32Uint32 } from '../../../src/sdr/murmurhash3.js';

describe('murmurhash3_32', () => {
  it('murmurhash3_32 matches the MurmurHash3_x86_32 self-check vectors', () => {
    expect(murmurhash3_32(new Uint8Array(0), 0)).toBe(0x00000000);
    expect(murmurhash3_32(new Uint8Array(0), 1)).toBe(0x514e28b7);
    expect(murmurhash3_32(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 0)).toBe(0x76293b50);
    expect(murmurhash3_32(new Uint8Array([0x21, 0x43, 0x65, 0x87]), 0)).toBe(0xf55b516b);
    expect(murmurhash3_32(new Uint8Array([0x21, 0x43, 0x65, 0x87]), 0x5082edee)).toBe(0x2362f9de);
  });

  it('murmurhash3_32 hashes 1-3 byte tails and strings as UTF-8', () => {
    // reference values of MurmurHash3_x86_32 (smhasher), seed 0
    expect(murmurhash3_32(new Uint8Array([0x21, 0x43, 0x65]), 0)).toBe(0x7e4a8634);
    expect(murmurhash3_32(new Uint8Array([0x21, 0x43]), 0)).toBe(0xa0f7b07a);
    expect(murmurhash3_32(new Uint8Array([0x21]), 0)).toBe(0x72661cf4);
    expect(murmurhash3_32(new Uint8Array([0, 0, 0, 0]), 0)).toBe(0x2362f9de);
    expect(murmurhash3_32('', 0xffffffff)).toBe(0x81f16f39);
    expect(murmurhash3_32('abc', 7)).toBe(murmurhash3_32(new Uint8Array([97, 98, 99]), 7));
  });

  it('murmurhash3_32Uint32(value, seed) equals murmurhash3_32 of the 4 little-endian bytes', () => {
    for (const [v, seed] of [
      [0x87654321, 0],
      [0, 42],
      [6584359, 42],
      [0xffffffff, 0x5082edee],
    ]) {
      const bytes = new Uint8Array(new Uint32Array([v]).buffer); // little-endian on every JS engine in use
      const le = new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24]);
      expect(bytes).toEqual(le);
      expect(murmurhash3_32Uint32(v, seed)).toBe(murmurhash3_32(le, seed));
    }
  });

  it('murmurhash3_32 throws for a bad seed or key', () => {
    expect(() => murmurhash3_32('', -1)).toThrow(ParameterError);
    expect(() => murmurhash3_32('', 2 ** 32)).toThrow(/'seed'/);
    expect(() => murmurhash3_32([1, 2] as unknown as Uint8Array, 0)).toThrow(/'key'/);
  });
});
