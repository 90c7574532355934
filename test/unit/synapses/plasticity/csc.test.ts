import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng.js';
import { buildCsc } from '../../../../src/synapses/plasticity/csc.js';

describe('buildCsc', () => {
  it('buildCsc(rowPtr, target, nPost) groups synapse ids by target in ascending order', () => {
    const csc = buildCsc(Uint32Array.of(0, 2, 3), Uint32Array.of(0, 1, 1), 2);
    expect(Array.from(csc.colPtr)).toEqual([0, 1, 3]);
    expect(Array.from(csc.synapse)).toEqual([0, 1, 2]);
    expect(Array.from(csc.source)).toEqual([0, 0, 1]);
  });

  it('buildCsc lists every synapse exactly once with its source and target (random CSR)', () => {
    const rng = new Rng(3);
    const nPre = 50;
    const nPost = 40;
    const rowPtr = new Uint32Array(nPre + 1);
    const targets: number[] = [];
    for (let i = 0; i < nPre; i++) {
      for (let j = 0; j < nPost; j++) if (rng.random() < 0.2) targets.push(j);
      rowPtr[i + 1] = targets.length;
    }
    const target = Uint32Array.from(targets);
    const { colPtr, synapse, source } = buildCsc(rowPtr, target, nPost);
    const seen = new Uint8Array(target.length);
    for (let j = 0; j < nPost; j++) {
      for (let q = colPtr[j]; q < colPtr[j + 1]; q++) {
        const s = synapse[q];
        expect(target[s]).toBe(j);
        expect(s).toBeGreaterThanOrEqual(rowPtr[source[q]]);
        expect(s).toBeLessThan(rowPtr[source[q] + 1]);
        if (q > colPtr[j]) expect(s).toBeGreaterThan(synapse[q - 1]);
        seen[s]++;
      }
    }
    expect(seen.every((x) => x === 1)).toBe(true);
  });
});
