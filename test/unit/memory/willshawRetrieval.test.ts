import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { BitMatrix } from '../../../src/memory/bitMatrix.js';
import { dendriticSums, kwtaRetrieve, retrievalScratch, thresholdRetrieve } from '../../../src/memory/willshawRetrieval.js';

function matrix(): BitMatrix {
  const m = new BitMatrix(6, 40);
  m.orOuter([0, 1, 2], [3, 10, 33]);
  m.orOuter([2, 3], [10, 20, 39]);
  return m;
}

describe('willshaw retrieval kernels', () => {
  const scratch = retrievalScratch(40);
  const out = new Uint32Array(40);

  it('dendriticSums(matrix, cue, sums) adds the cue rows', () => {
    const sums = new Uint32Array(40);
    dendriticSums(matrix(), [1, 2, 3], sums);
    expect(sums[10]).toBe(3);
    expect(sums[3]).toBe(2);
    expect(sums[20]).toBe(2);
    expect(sums[0]).toBe(0);
  });

  it('thresholdRetrieve(matrix, cue, |cue|) ANDs the rows and equals the sum path', () => {
    const m = matrix();
    const n = thresholdRetrieve(m, [1, 2], 2, out, scratch);
    expect(Array.from(out.subarray(0, n))).toEqual([3, 10, 33]);
    const n2 = thresholdRetrieve(m, [1, 2, 3], 2, out, scratch);
    expect(Array.from(out.subarray(0, n2))).toEqual([3, 10, 20, 33, 39]);
    expect(thresholdRetrieve(m, [1], 2, out, scratch)).toBe(0);
    expect(thresholdRetrieve(m, [1], 0, out, scratch)).toBe(40);
    expect(thresholdRetrieve(m, [], 0, out, scratch)).toBe(40);
  });

  it('kwtaRetrieve(matrix, cue, k) returns the k largest sums ascending, random among ties with an rng', () => {
    const m = matrix();
    const n = kwtaRetrieve(m, [1, 2, 3], 1, out, scratch);
    expect(Array.from(out.subarray(0, n))).toEqual([10]);
    const n3 = kwtaRetrieve(m, [1, 2, 3], 3, out, scratch);
    expect(Array.from(out.subarray(0, n3))).toEqual([3, 10, 20]); // ties at 2: lowest win
    const seen = new Set<number>();
    const rng = new Rng(1);
    for (let t = 0; t < 200; t++) {
      const c = kwtaRetrieve(m, [1, 2, 3], 3, out, scratch, rng);
      expect(c).toBe(3);
      expect(out[0] < out[1] && out[1] < out[2]).toBe(true);
      for (let i = 0; i < 3; i++) seen.add(out[i]);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([3, 10, 20, 33, 39]);
    expect(kwtaRetrieve(m, [4], 5, out, scratch)).toBe(5); // nothing stored: zero sums fill up
  });
});
