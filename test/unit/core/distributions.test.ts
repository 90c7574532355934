/**
 * Value specifications: distributions drawn from the seeded generator, and fillValues,
 * which expands a constant, an array or a distribution. Statistical tolerances are 4
 * standard errors of the estimate.
 */
import { describe, expect, it } from 'vitest';
import { exponential, fillValues, isDistribution, normal, normalClipped, uniform } from '../../../src/core/distributions.js';
import { Rng } from '../../../src/core/rng.js';
import { paramError } from '../../fixtures/parameterError.js';

function sample(n: number, f: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

function meanVar(xs: ArrayLike<number>): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  const mean = s / xs.length;
  let q = 0;
  for (let i = 0; i < xs.length; i++) q += (xs[i] - mean) ** 2;
  return { mean, variance: q / (xs.length - 1) };
}

/** Standard normal density. */
function phi(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

describe('uniform(low, high)', () => {
  it('uniform(-1, 3) draws in [-1, 3) with mean 1 and variance 16/12', () => {
    const d = uniform(-1, 3);
    expect(d.kind).toBe('uniform');
    expect(d.params).toEqual({ low: -1, high: 3 });
    expect(d.support).toEqual([-1, 3]);
    const rng = new Rng(1);
    const n = 50_000;
    const xs = sample(n, () => d.sample(rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...xs)).toBeLessThan(3);
    const { mean, variance } = meanVar(xs);
    const v = 16 / 12;
    expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt(v / n));
    // Uniform of width w: mu4 = w^4/80.
    expect(Math.abs(variance - v)).toBeLessThan(4 * Math.sqrt((256 / 80 - v * v) / n));
  });

  it('uniform(2, 2) always gives 2', () => {
    const rng = new Rng(2);
    const d = uniform(2, 2);
    for (let i = 0; i < 10; i++) expect(d.sample(rng)).toBe(2);
  });

  it('uniform(2, 1) throws a ParameterError naming high', () => {
    const e = paramError(() => uniform(2, 1));
    expect(e.parameter).toBe('high');
    expect(e.value).toBe(1);
  });

  it('uniform(NaN, 1) and uniform(0, Infinity) throw naming low and high', () => {
    expect(paramError(() => uniform(NaN, 1)).parameter).toBe('low');
    expect(paramError(() => uniform(0, Infinity)).parameter).toBe('high');
  });
});

describe('normal(mu, sigma)', () => {
  it('normal(5, 2) has mean 5 and variance 4', () => {
    const d = normal(5, 2);
    expect(d.kind).toBe('normal');
    expect(d.support).toEqual([-Infinity, Infinity]);
    const rng = new Rng(3);
    const n = 50_000;
    const { mean, variance } = meanVar(sample(n, () => d.sample(rng)));
    expect(Math.abs(mean - 5)).toBeLessThan(4 * Math.sqrt(4 / n));
    // Normal: Var(s^2) = 2 sigma^4 / (n - 1).
    expect(Math.abs(variance - 4)).toBeLessThan(4 * Math.sqrt((2 * 16) / (n - 1)));
  });

  it('normal(0, -1) throws naming sigma; normal(0, 0) is the constant 0', () => {
    expect(paramError(() => normal(0, -1)).parameter).toBe('sigma');
    expect(paramError(() => normal(NaN, 1)).parameter).toBe('mu');
    const rng = new Rng(4);
    expect(normal(0, 0).sample(rng)).toBe(0);
  });
});

describe('normalClipped(mu, sigma, low, high)', () => {
  it('normalClipped(0, 1, 0, Infinity) redraws, giving the half-normal law (mean sqrt(2/pi), variance 1 - 2/pi)', () => {
    const d = normalClipped(0, 1, 0, Infinity);
    expect(d.kind).toBe('normalClipped');
    const rng = new Rng(5);
    const n = 50_000;
    const xs = sample(n, () => d.sample(rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    // Clipping by value would pile up mass at 0; redrawing leaves none there.
    expect(xs.filter((x) => x === 0).length).toBe(0);
    const { mean, variance } = meanVar(xs);
    const m = Math.sqrt(2 / Math.PI);
    const v = 1 - 2 / Math.PI;
    expect(Math.abs(mean - m)).toBeLessThan(4 * Math.sqrt(v / n));
    // Half-normal: E[x^4] = 3, so mu4 = 3 - 4 m E[x^3] + 6 m^2 E[x^2] - 3 m^4 with E[x^3] = 2 m.
    const mu4 = 3 - 8 * m * m + 6 * m * m - 3 * m ** 4;
    expect(Math.abs(variance - v)).toBeLessThan(4 * Math.sqrt((mu4 - v * v) / n));
  });

  it('normalClipped(1, 2, 0, 1.5) stays in [0, 1.5] with the truncated-normal mean', () => {
    const d = normalClipped(1, 2, 0, 1.5);
    const rng = new Rng(6);
    const n = 40_000;
    const xs = sample(n, () => d.sample(rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1.5);
    // The truncated normal on [a, b] (standardised -0.5, 0.25) has mean mu + sigma (phi(a) - phi(b)) / (Phi(b) - Phi(a)).
    // Phi(0.25) - Phi(-0.5) = 0.59870633 - 0.30853754 = 0.29016879.
    const expected = 1 + (2 * (phi(-0.5) - phi(0.25))) / 0.29016879;
    const { mean, variance } = meanVar(xs);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * Math.sqrt(variance / n));
  });

  it('normalClipped(mu, sigma, low, high) with high < low throws naming high', () => {
    expect(paramError(() => normalClipped(0, 1, 5, 3)).parameter).toBe('high');
  });

  it('normalClipped(0, 1, 10, 20) refuses bounds beyond 8 sigma (naming low/high) instead of looping forever', () => {
    const e = paramError(() => normalClipped(0, 1, 10, 20));
    expect(e.parameter).toBe('low/high');
    expect(paramError(() => normalClipped(0, 1, -20, -9)).parameter).toBe('low/high');
  });

  it('normalClipped(5, 0, 0, 1) throws naming mu; normalClipped(0.5, 0, 0, 1) is the constant 0.5', () => {
    expect(paramError(() => normalClipped(5, 0, 0, 1)).parameter).toBe('mu');
    expect(normalClipped(0.5, 0, 0, 1).sample(new Rng(7))).toBe(0.5);
    expect(paramError(() => normalClipped(0, -1, 0, 1)).parameter).toBe('sigma');
  });
});

describe('exponential(mean)', () => {
  it('exponential(3) has mean 3 and variance 9', () => {
    const d = exponential(3);
    expect(d.support).toEqual([0, Infinity]);
    const rng = new Rng(8);
    const n = 50_000;
    const xs = sample(n, () => d.sample(rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    const { mean, variance } = meanVar(xs);
    expect(Math.abs(mean - 3)).toBeLessThan(4 * Math.sqrt(9 / n));
    // Exponential: mu4 = 9 scale^4.
    expect(Math.abs(variance - 9)).toBeLessThan(4 * Math.sqrt((9 * 81 - 81) / n));
  });

  it('exponential(-1) throws naming mean', () => {
    expect(paramError(() => exponential(-1)).parameter).toBe('mean');
  });
});

describe('isDistribution(value)', () => {
  it('isDistribution(value) is true for distributions and false for numbers, arrays and look-alikes', () => {
    expect(isDistribution(uniform(0, 1))).toBe(true);
    expect(isDistribution(normal(0, 1))).toBe(true);
    expect(isDistribution(3)).toBe(false);
    expect(isDistribution([1, 2])).toBe(false);
    expect(isDistribution(null)).toBe(false);
    expect(isDistribution({ kind: 'uniform' })).toBe(false);
  });
});

describe('fillValues(spec, out, rng, name, context)', () => {
  it('fillValues(0.5, out) fills every entry with the constant', () => {
    const out = new Float64Array(4);
    fillValues(0.5, out, new Rng(1), 'weight', 'test');
    expect(Array.from(out)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('fillValues([1, 2, 3], out) copies an array of exactly out.length values', () => {
    const out = new Float32Array(3);
    fillValues([1, 2, 3], out, new Rng(1), 'weight', 'test');
    expect(Array.from(out)).toEqual([1, 2, 3]);
  });

  it('fillValues(array of the wrong length) throws naming the parameter and the required length', () => {
    const e = paramError(() => fillValues([1, 2], new Float64Array(3), new Rng(1), 'weight', 'test'));
    expect(e.parameter).toBe('weight');
    expect(e.allowed).toContain('3');
  });

  it('fillValues([1, NaN]) names the bad element weight[1]', () => {
    const e = paramError(() => fillValues([1, NaN], new Float64Array(2), new Rng(1), 'weight', 'test'));
    expect(e.parameter).toBe('weight[1]');
    expect(e.value).toBeNaN();
  });

  it('fillValues(distribution) draws from the rng: same seed, same values; another seed, other values', () => {
    const a = new Float64Array(100);
    const b = new Float64Array(100);
    const c = new Float64Array(100);
    fillValues(uniform(0, 1), a, new Rng(9), 'x', 'test');
    fillValues(uniform(0, 1), b, new Rng(9), 'x', 'test');
    fillValues(uniform(0, 1), c, new Rng(10), 'x', 'test');
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('fillValues(spec, out, rng, name, context, check) rejects constants, elements and draws that fail the check', () => {
    const positive = (v: number) => v >= 0;
    const out = new Float64Array(1000);
    expect(paramError(() => fillValues(-1, out, new Rng(1), 'weight', 'test', positive, 'a number >= 0')).parameter).toBe('weight');
    expect(paramError(() => fillValues([1, -1], new Float64Array(2), new Rng(1), 'weight', 'test', positive)).parameter).toBe('weight[1]');
    const e = paramError(() => fillValues(normal(0, 1), out, new Rng(1), 'weight', 'test', positive, 'a number >= 0'));
    expect(e.parameter).toBe('weight');
    expect(e.allowed).toBe('a number >= 0');
    expect(String(e.value)).toContain('normal');
  });

  it('fillValues("abc") and fillValues(Infinity) throw naming the parameter', () => {
    expect(paramError(() => fillValues('abc' as never, new Float64Array(1), new Rng(1), 'delay', 'test')).parameter).toBe('delay');
    expect(paramError(() => fillValues(Infinity, new Float64Array(1), new Rng(1), 'delay', 'test')).parameter).toBe('delay');
  });
});
