import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import {
  binomial,
  bitLength,
  rangeProduct,
  ratioLog10,
  ratioToNumber,
  toNumber,
} from '../../../src/sdr/rational.js';

describe('binomial', () => {
  it('binomial(n, k) is exact for small and large arguments', () => {
    expect(binomial(2048, 2)).toBe(2096128n);
    expect(binomial(5, 0)).toBe(1n);
    expect(binomial(5, 5)).toBe(1n);
    expect(binomial(52, 5)).toBe(2598960n);
    expect(binomial(2048, 40)).toBe(
      2371778511645358086693262639700863268089720614584700731712608317643033681970419921664n,
    );
    // symmetry and Pascal's rule on a product-tree-sized case
    expect(binomial(3000, 1200)).toBe(binomial(3000, 1800));
    expect(binomial(3000, 1200)).toBe(binomial(2999, 1199) + binomial(2999, 1200));
  });

  it('binomial(n, k) is 0n for k < 0 or k > n', () => {
    expect(binomial(5, 6)).toBe(0n);
    expect(binomial(5, -1)).toBe(0n);
  });

  it('binomial(n, k) throws for a negative or non-integer n and a non-integer k', () => {
    expect(() => binomial(-1, 0)).toThrow(ParameterError);
    expect(() => binomial(2.5, 1)).toThrow(/'n'/);
    expect(() => binomial(5, 1.5)).toThrow(/'k'/);
  });

  it('rangeProduct(lo, hi) multiplies lo..hi and is 1 for an empty range', () => {
    expect(rangeProduct(1, 10)).toBe(3628800n);
    expect(rangeProduct(5, 4)).toBe(1n);
    expect(rangeProduct(1, 200)).toBe(rangeProduct(1, 100) * rangeProduct(101, 200));
  });
});

describe('ratioToNumber', () => {
  it('ratioToNumber(num, den) rounds correctly', () => {
    expect(ratioToNumber(1n, 3n)).toBe(1 / 3);
    expect(ratioToNumber(2n, 3n)).toBe(2 / 3);
    expect(ratioToNumber(-7n, 2n)).toBe(-3.5);
    expect(ratioToNumber(7n, -2n)).toBe(-3.5);
    expect(ratioToNumber(0n, 5n)).toBe(0);
    expect(ratioToNumber(2n ** 53n + 1n, 1n)).toBe(2 ** 53); // tie to even
    expect(ratioToNumber(2n ** 53n + 3n, 1n)).toBe(2 ** 53 + 4); // tie to even
    expect(ratioToNumber(2n ** 54n + 3n, 2n)).toBe(2 ** 53 + 2); // 2^53 + 1.5 rounds up
  });

  it('ratioToNumber(1n, 10n ** k) is 10^-k down to 1e-300 and beyond the double range', () => {
    expect(ratioToNumber(1n, 10n ** 300n)).toBe(1e-300);
    expect(ratioToNumber(1n, 10n ** 85n)).toBe(1e-85);
    expect(ratioToNumber(10n ** 300n, 1n)).toBe(1e300);
    expect(ratioToNumber(1n, 10n ** 320n)).toBe(1e-320); // subnormal
    expect(ratioToNumber(1n, 10n ** 400n)).toBe(0);
    expect(ratioToNumber(10n ** 400n, 1n)).toBe(Infinity);
  });

  it('ratioToNumber handles huge numerators and denominators of similar size', () => {
    const big = 3n ** 5000n;
    expect(ratioToNumber(big, big * 4n)).toBe(0.25);
    expect(ratioToNumber(big + 1n, big)).toBe(1);
  });

  it('ratioToNumber throws for a zero denominator', () => {
    expect(() => ratioToNumber(1n, 0n)).toThrow(/'den'/);
  });

  it('toNumber({ num, den }) is ratioToNumber(num, den)', () => {
    expect(toNumber({ num: 1n, den: 8n })).toBe(0.125);
  });
});

describe('ratioLog10 and bitLength', () => {
  it('ratioLog10(num, den) works far below the double range', () => {
    expect(ratioLog10(1n, 10n ** 5000n)).toBeCloseTo(-5000, 10);
    expect(ratioLog10(10n ** 20n, 1n)).toBeCloseTo(20, 12);
    expect(ratioLog10(1n, 2n)).toBeCloseTo(-Math.log10(2), 15);
  });

  it('ratioLog10 throws for non-positive arguments', () => {
    expect(() => ratioLog10(0n, 1n)).toThrow(ParameterError);
    expect(() => ratioLog10(1n, -1n)).toThrow(ParameterError);
  });

  it('bitLength(x) counts the bits of |x|', () => {
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(1n)).toBe(1);
    expect(bitLength(255n)).toBe(8);
    expect(bitLength(256n)).toBe(9);
    expect(bitLength(-(2n ** 100n))).toBe(101);
  });
});
