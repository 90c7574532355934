import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { binamInformation, binamNormalizedInformation, recallErrors, summarizeRecalls } from '../../../src/memory/willshawMetrics.js';
import { SDR } from '../../../src/sdr/sdr.js';

describe('recallErrors', () => {
  it('recallErrors(recalled, target) counts units recalled outside the target and target units missed', () => {
    expect(recallErrors(SDR.fromSparse(10, [1, 2, 3]), SDR.fromSparse(10, [2, 3, 4]))).toEqual({ fp: 1, fn: 1 });
    expect(recallErrors(new Uint32Array([5, 6]), new Uint32Array([5, 6]))).toEqual({ fp: 0, fn: 0 });
    expect(recallErrors(new Uint32Array([]), new Uint32Array([1, 9]))).toEqual({ fp: 0, fn: 2 });
  });

  it('recallErrors throws a ParameterError for SDRs of different sizes or non-SDR input', () => {
    expect(() => recallErrors(new SDR(10), new SDR(11))).toThrow(ParameterError);
    expect(() => recallErrors([1, 2] as never, new SDR(10))).toThrow(ParameterError);
  });
});

describe('summarizeRecalls', () => {
  it('summarizeRecalls(errors) gives means, sample standard deviations and the perfect fraction', () => {
    const s = summarizeRecalls([
      { fp: 0, fn: 0 },
      { fp: 2, fn: 0 },
      { fp: 4, fn: 1 },
    ]);
    expect(s.count).toBe(3);
    expect(s.meanFalsePositives).toBe(2);
    expect(s.sdFalsePositives).toBeCloseTo(2, 14);
    expect(s.meanFalseNegatives).toBeCloseTo(1 / 3, 15);
    expect(s.perfectFraction).toBeCloseTo(1 / 3, 15);
    expect(() => summarizeRecalls([])).toThrow(ParameterError);
  });
});

describe('binamInformation', () => {
  it('binamInformation(errors, 16, 3) is 22.06592095594754 bits for PyNAM\'s test errors', () => {
    expect(binamInformation([{ fp: 1, fn: 0 }, { fp: 0, fn: 0 }, { fp: 2, fn: 0 }], 16, 3)).toBeCloseTo(22.06592095594754, 12);
  });

  it('binamInformation of a perfect retrieval is log2 C(n, d) per sample, and falls with errors', () => {
    expect(binamInformation([{ fp: 0, fn: 0 }], 16, 3)).toBeCloseTo(Math.log2(560), 12);
    const clean = binamInformation([{ fp: 0, fn: 0 }], 16, 3);
    expect(binamInformation([{ fp: 0, fn: 1 }], 16, 3)).toBeLessThan(clean);
    expect(binamInformation([{ fp: 0.5, fn: 0.25 }], 16, 3)).toBeLessThan(clean);
    expect(binamInformation([{ fp: 13, fn: 0 }], 16, 3)).toBeCloseTo(0, 12);
    expect(binamInformation([], 16, 3)).toBe(0);
  });

  it('binamInformation equals PyNAM\'s false-positive-only form sum_i log2((n - i)/(d + fp - i)) when fn = 0', () => {
    for (const fp of [0, 1, 2.5, 7]) {
      let v = 0;
      for (let i = 0; i < 3; i++) v += Math.log2((16 - i) / (3 + fp - i));
      expect(binamInformation([{ fp, fn: 0 }], 16, 3)).toBeCloseTo(v, 12);
    }
  });

  it('binamNormalizedInformation(errors, reference, n, d) is I / I_ref', () => {
    const ref = [{ fp: 0, fn: 0 }, { fp: 1, fn: 0 }];
    const got = [{ fp: 1, fn: 1 }, { fp: 2, fn: 0 }];
    expect(binamNormalizedInformation(got, ref, 16, 3)).toBeCloseTo(binamInformation(got, 16, 3) / binamInformation(ref, 16, 3), 14);
    expect(binamNormalizedInformation(ref, ref, 16, 3)).toBe(1);
  });

  it('binamInformation throws a ParameterError for bad n, d or error counts', () => {
    const bad: (() => unknown)[] = [
      () => binamInformation([{ fp: -1, fn: 0 }], 16, 3),
      () => binamInformation([{ fp: 0, fn: 4 }], 16, 3),
      () => binamInformation([{ fp: 14, fn: 0 }], 16, 3),
      () => binamInformation([{ fp: NaN, fn: 0 }], 16, 3),
      () => binamInformation([null as never], 16, 3),
      () => binamInformation([], 0, 3),
      () => binamInformation([], 16, 17),
      () => binamInformation({} as never, 16, 3),
      () => binamNormalizedInformation([], [{ fp: 13, fn: 0 }], 16, 3),
    ];
    for (const f of bad) expect(f).toThrow(ParameterError);
  });
});
