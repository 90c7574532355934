import { describe, expect, it } from 'vitest';
import { csrFromPairs } from '../../../src/synapses/connector.js';

describe('csrFromPairs(nPre, pre, post)', () => {
  it('csrFromPairs(4, pairs) sorts pairs into rows by pre, keeping the given order within a row', () => {
    // pairs (pre, post): (2,0) (0,1) (2,3) (0,2) (1,1)
    const { rowPtr, target, order } = csrFromPairs(4, Uint32Array.of(2, 0, 2, 0, 1), Uint32Array.of(0, 1, 3, 2, 1));
    expect(Array.from(rowPtr)).toEqual([0, 2, 3, 5, 5]);
    expect(Array.from(target)).toEqual([1, 2, 1, 0, 3]);
    expect(Array.from(order)).toEqual([1, 3, 4, 0, 2]);
  });

  it('csrFromPairs keeps repeated pairs and a descending order within a row as given', () => {
    const { rowPtr, target, order } = csrFromPairs(2, Uint32Array.of(1, 1, 1), Uint32Array.of(5, 5, 2));
    expect(Array.from(rowPtr)).toEqual([0, 0, 3]);
    expect(Array.from(target)).toEqual([5, 5, 2]);
    expect(Array.from(order)).toEqual([0, 1, 2]);
  });

  it('csrFromPairs(n, [], []) gives n + 1 zero row pointers', () => {
    const { rowPtr, target, order } = csrFromPairs(3, new Uint32Array(0), new Uint32Array(0));
    expect(Array.from(rowPtr)).toEqual([0, 0, 0, 0]);
    expect(target.length).toBe(0);
    expect(order.length).toBe(0);
  });

  it('csrFromPairs on 10000 random pairs is a permutation: order maps every CSR entry back to its pair', () => {
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 97;
    const m = 10_000;
    const pre = Uint32Array.from({ length: m }, next);
    const post = Uint32Array.from({ length: m }, next);
    const { rowPtr, target, order } = csrFromPairs(97, pre, post);
    const seen = new Uint8Array(m);
    const problems: string[] = [];
    for (let i = 0; i < 97; i++) {
      let last = -1;
      for (let s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
        const o = order[s];
        if (pre[o] !== i || post[o] !== target[s]) problems.push(`entry ${s} maps to pair ${o} (${pre[o]}, ${post[o]})`);
        if (!(o > last)) problems.push(`row ${i} is not in list order at entry ${s}`);
        last = o;
        seen[o]++;
      }
    }
    expect(problems).toEqual([]);
    expect(rowPtr[97]).toBe(m);
    expect(seen.every((c) => c === 1)).toBe(true);
  });
});
