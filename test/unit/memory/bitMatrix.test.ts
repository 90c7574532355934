import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { BitMatrix, popcount32 } from '../../../src/memory/bitMatrix.js';

describe('popcount32', () => {
  it('popcount32(x) counts the set bits of a 32-bit word', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0b1011)).toBe(3);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(-1)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
    for (let x = 0; x < 5000; x += 7) {
      let naive = 0;
      for (let b = 0; b < 32; b++) naive += (x >>> b) & 1;
      expect(popcount32(x)).toBe(naive);
    }
  });
});

describe('BitMatrix', () => {
  it('new BitMatrix(4096, 4096) packs 32 synapses per word: 2 MiB', () => {
    const m = new BitMatrix(4096, 4096);
    expect(m.wordsPerRow).toBe(128);
    expect(m.byteLength).toBe(2 * 1024 * 1024);
  });

  it('set(i, j), get(i, j) and clear(i, j) address single entries, also past a word boundary', () => {
    const m = new BitMatrix(3, 70);
    m.set(1, 0);
    m.set(1, 31);
    m.set(1, 32);
    m.set(2, 69);
    expect(m.get(1, 0) && m.get(1, 31) && m.get(1, 32) && m.get(2, 69)).toBe(true);
    expect(m.get(0, 0) || m.get(1, 1) || m.get(2, 68)).toBe(false);
    expect(m.countOnes()).toBe(4);
    expect(m.rowCount(1)).toBe(3);
    m.clear(1, 31);
    expect(m.get(1, 31)).toBe(false);
    expect(m.countOnes()).toBe(3);
  });

  it('orOuter(rows, cols) sets the outer product and counts it once (clipped)', () => {
    const m = new BitMatrix(10, 10);
    m.orOuter([1, 2, 3], [1, 2, 3]);
    m.orOuter([1, 2], [1, 2]);
    expect(m.countOnes()).toBe(9);
    expect(m.countDiagonal()).toBe(3);
  });

  it('addRowTo(i, sums) adds one row to the sums and andRows(rows, out) intersects rows', () => {
    const m = new BitMatrix(2, 40);
    m.orOuter([0], [0, 5, 33, 39]);
    m.orOuter([1], [5, 33, 38]);
    const sums = new Uint32Array(40);
    m.addRowTo(0, sums);
    m.addRowTo(1, sums);
    expect(Array.from(sums).map((s, j) => (s ? `${j}:${s}` : '')).filter(Boolean)).toEqual(['0:1', '5:2', '33:2', '38:1', '39:1']);
    const out = new Uint32Array(2);
    m.andRows([0, 1], out);
    expect(out[0]).toBe(1 << 5);
    expect(out[1]).toBe(1 << 1);
    m.andRows([], out);
    expect(out[0]).toBe(0xffffffff);
    expect(out[1]).toBe(0xff);
  });

  it('clone() copies and reset() clears', () => {
    const m = new BitMatrix(5, 5);
    m.set(2, 3);
    const c = m.clone();
    m.reset();
    expect(m.countOnes()).toBe(0);
    expect(c.get(2, 3)).toBe(true);
  });

  it('new BitMatrix(rows, cols) throws a ParameterError for non-integer or non-positive sizes', () => {
    for (const [r, c] of [
      [0, 5],
      [5, 0],
      [1.5, 5],
      [5, NaN],
      [2 ** 20, 2 ** 20],
    ]) {
      expect(() => new BitMatrix(r, c)).toThrow(ParameterError);
    }
  });
});
