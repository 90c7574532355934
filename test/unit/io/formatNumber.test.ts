import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/io/formatNumber.js';

describe('formatNumber', () => {
  it('formatNumber(value) keeps integers and gives five significant digits otherwise', () => {
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(5.123456)).toBe('5.1235');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(12345.678)).toBe('12346');
  });

  it('formatNumber(value) uses exponents for tiny and huge magnitudes', () => {
    expect(formatNumber(3e-7)).toBe('3.000e-7');
    expect(formatNumber(1.5e7 + 0.5)).toBe('1.500e7');
  });

  it('formatNumber(null | NaN | Infinity) is a dash', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('—');
  });
});
