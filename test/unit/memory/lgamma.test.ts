import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { lnChooseReal, lnGamma } from '../../../src/memory/lgamma.js';

describe('lnGamma', () => {
  it('lnGamma(x) equals ln((x-1)!) on integers and ln(sqrt(pi)) at 1/2', () => {
    let lf = 0;
    for (let x = 1; x < 60; x++) {
      expect(Math.abs(lnGamma(x) - lf)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(lf)));
      lf += Math.log(x);
    }
    expect(lnGamma(0.5)).toBeCloseTo(0.5723649429247001, 14);
    expect(lnGamma(1.5)).toBeCloseTo(-0.12078223763524522, 14);
  });

  it('lnChooseReal(n, k) equals ln C(n, k) on integers', () => {
    expect(Math.exp(lnChooseReal(16, 3))).toBeCloseTo(560, 9);
    expect(lnChooseReal(7, 0)).toBeCloseTo(0, 14);
  });

  it('lnGamma(x) throws a ParameterError for x <= 0 or non-finite x', () => {
    for (const x of [0, -1, NaN, Infinity]) expect(() => lnGamma(x)).toThrow(ParameterError);
  });
});
