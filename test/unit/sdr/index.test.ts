import { describe, expect, it } from 'vitest';
import * as sdr from '../../../src/sdr/index.js';

describe('src/sdr/index.ts', () => {
  it('re-exports the SDR public API', () => {
    for (const name of [
      'SDR',
      'Sparsity',
      'ActivationFrequency',
      'Overlap',
      'SDRMetrics',
      'ScalarEncoder',
      'RDSE',
      'CategoryEncoder',
      'kWTA',
      'murmurhash3_32',
      'numberOfSDRs',
      'overlapSetSize',
      'falseMatchProbability',
      'segmentFalsePositive',
      'unionFalsePositive',
      'noiseFalseNegative',
      'expectedUnionSize',
    ]) {
      expect(sdr[name as keyof typeof sdr], name).toBeDefined();
    }
  });

  it('the doc example of SDR runs as written', () => {
    const x = new sdr.SDR([3, 3]);
    x.setSparse([1, 4, 8]);
    expect(Array.from(x.dense)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 1]);
    expect(x.coordinates.map((c) => Array.from(c))).toEqual([
      [0, 1, 2],
      [1, 1, 2],
    ]);
    const y = new sdr.SDR([3, 3]).setSparse([4, 5]);
    expect(x.overlap(y)).toBe(1);
  });
});
