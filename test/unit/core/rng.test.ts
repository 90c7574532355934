/**
 * The seeded generator: reproducibility, stream independence and the distributions it
 * samples. Statistical checks draw from fixed seeds, so they are deterministic; their
 * tolerances are 4 standard errors (two-sided tail probability 6e-5 for a correct
 * generator), and chi-square checks use the 4-sigma quantile of the chi-square law.
 */
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Rng, logFactorial } from '../../../src/core/rng.js';

/** Upper quantile of chi-square(dof) at z standard normal deviations (Wilson-Hilferty). */
function chiSquareCritical(dof: number, z = 4): number {
  const a = 2 / (9 * dof);
  return dof * (1 - a + z * Math.sqrt(a)) ** 3;
}

function chiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let x = 0;
  for (let i = 0; i < observed.length; i++) x += (observed[i] - expected[i]) ** 2 / expected[i];
  return x;
}

function meanVar(xs: ArrayLike<number>): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  const mean = s / xs.length;
  let q = 0;
  for (let i = 0; i < xs.length; i++) q += (xs[i] - mean) ** 2;
  return { mean, variance: q / (xs.length - 1) };
}

function draws(n: number, f: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

/** Checks sample mean and variance against the law's, each within 4 standard errors. */
function expectMoments(xs: ArrayLike<number>, mean: number, variance: number, fourthCentral: number): void {
  const n = xs.length;
  const m = meanVar(xs);
  expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
  // Var(s^2) ~ (mu4 - sigma^4) / n.
  expect(Math.abs(m.variance - variance)).toBeLessThan(4 * Math.sqrt((fourthCentral - variance ** 2) / n));
}

describe('new Rng(seed)', () => {
  it('new Rng(42) twice gives the same sequence, bit for bit', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    for (let i = 0; i < 10_000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
    const c = new Rng(42);
    const d = new Rng(42);
    expect(draws(1000, () => c.normal())).toEqual(draws(1000, () => d.normal()));
  });

  it('new Rng("label") hashes a string seed reproducibly', () => {
    const a = new Rng('experiment-7');
    const b = new Rng('experiment-7');
    expect(a.seed).toBe(b.seed);
    expect(draws(100, () => a.random())).toEqual(draws(100, () => b.random()));
    expect(new Rng('experiment-8').seed).not.toBe(a.seed);
  });

  it('new Rng(1) and new Rng(2) give different sequences', () => {
    const a = new Rng(1);
    const b = new Rng(2);
    const xs = Array.from({ length: 64 }, () => a.nextUint32());
    const ys = Array.from({ length: 64 }, () => b.nextUint32());
    // Two independent 32-bit streams agree in a given place with probability 2^-32.
    const same = xs.filter((x, i) => x === ys[i]).length;
    expect(same).toBe(0);
  });

  it('new Rng(seed) uses seeds modulo 2^32', () => {
    const a = new Rng(2 ** 32 + 5);
    const b = new Rng(5);
    expect(a.seed).toBe(5);
    expect(draws(10, () => a.nextUint32())).toEqual(draws(10, () => b.nextUint32()));
  });

  it.each([[-3], [1.5], [NaN], [Infinity], [null], [{}], [[1]]])('new Rng(%s) throws a ParameterError naming seed', (seed) => {
    let err: unknown;
    try {
      new Rng(seed as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParameterError);
    expect((err as ParameterError).parameter).toBe('seed');
  });

  it('rng.nextUint32() follows xoshiro128** (reference vector from state 1, 2, 3, 4)', () => {
    // Blackman & Vigna's reference C code from s = {1, 2, 3, 4} yields 11520, 0, 5927040, ...
    const rng = new Rng(0);
    const state = rng as unknown as Record<'s0' | 's1' | 's2' | 's3', number>;
    state.s0 = 1;
    state.s1 = 2;
    state.s2 = 3;
    state.s3 = 4;
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('rng.random() and rng.random53() stay in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Rng(3);
    for (const f of [() => rng.random(), () => rng.random53()]) {
      const xs = draws(100_000, f);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThan(1);
      // Uniform(0,1): variance 1/12, fourth central moment 1/80.
      expectMoments(xs, 0.5, 1 / 12, 1 / 80);
    }
  });

  it('rng.uniform(-2, 3) stays in [-2, 3)', () => {
    const rng = new Rng(4);
    const xs = draws(10_000, () => rng.uniform(-2, 3));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...xs)).toBeLessThan(3);
    expectMoments(xs, 0.5, 25 / 12, 625 / 80);
  });
});

describe('rng.fork(key)', () => {
  it('rng.fork(key) does not depend on how far the parent has advanced', () => {
    const fresh = new Rng(9);
    const used = new Rng(9);
    for (let i = 0; i < 1234; i++) used.nextUint32();
    used.normal(); // leaves a spare normal behind
    const a = fresh.fork('population:exc');
    const b = used.fork('population:exc');
    expect(draws(500, () => a.nextUint32())).toEqual(draws(500, () => b.nextUint32()));
  });

  it('rng.fork(key) is reproducible and leaves the parent where it was', () => {
    const p1 = new Rng(10);
    const p2 = new Rng(10);
    p1.fork('x');
    p1.fork(7);
    expect(p1.nextUint32()).toBe(p2.nextUint32());
    expect(new Rng(10).fork('x').seed).toBe(new Rng(10).fork('x').seed);
  });

  it('rng.fork(a) and rng.fork(b) are different, uncorrelated streams', () => {
    const root = new Rng(11);
    const a = root.fork('a');
    const b = root.fork('b');
    const c = new Rng(12).fork('a');
    expect(a.seed).not.toBe(b.seed);
    expect(a.seed).not.toBe(c.seed);
    expect(a.seed).not.toBe(root.seed);
    const n = 50_000;
    const xs = draws(n, () => a.random() - 0.5);
    const ys = draws(n, () => b.random() - 0.5);
    let sxy = 0;
    for (let i = 0; i < n; i++) sxy += xs[i] * ys[i];
    // Correlation of independent uniforms: sd 1/sqrt(n).
    const r = sxy / n / (1 / 12);
    expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(n));
  });

  it('rng.fork(3) and rng.fork("3") are the same stream (keys are compared as strings)', () => {
    const root = new Rng(13);
    expect(root.fork(3).seed).toBe(root.fork('3').seed);
  });
});

describe('rng.int(n)', () => {
  it('rng.int(7) is uniform on 0..6 (chi-square, 6 dof)', () => {
    const rng = new Rng(20);
    const n = 70_000;
    const counts = new Float64Array(7);
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.int(7);
      if (!(Number.isInteger(x) && x >= 0 && x < 7)) bad++;
      else counts[x]++;
    }
    expect(bad).toBe(0);
    expect(chiSquare(counts, new Float64Array(7).fill(n / 7))).toBeLessThan(chiSquareCritical(6));
  });

  it('rng.int(3 * 2^30) has no modulo bias (a plain x % n would put half the mass in the first third)', () => {
    const rng = new Rng(21);
    const n = 3 * 2 ** 30;
    const counts = new Float64Array(3);
    const draws = 30_000;
    for (let i = 0; i < draws; i++) counts[Math.floor(rng.int(n) / 2 ** 30)]++;
    expect(chiSquare(counts, [draws / 3, draws / 3, draws / 3])).toBeLessThan(chiSquareCritical(2));
  });

  it('rng.int(n) handles n = 1, n = 2^32 and n > 2^32', () => {
    const rng = new Rng(22);
    expect(rng.int(1)).toBe(0);
    for (let i = 0; i < 100; i++) {
      const x = rng.int(2 ** 32);
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
      const y = rng.int(2 ** 40);
      expect(Number.isInteger(y) && y >= 0 && y < 2 ** 40).toBe(true);
    }
  });
});

describe('rng.normal() and rng.exponential()', () => {
  it('rng.normal() has mean 0, variance 1 and 68.27 % of its mass within one sd', () => {
    const rng = new Rng(30);
    const n = 200_000;
    const xs = draws(n, () => rng.normal());
    expectMoments(xs, 0, 1, 3);
    const inside = xs.filter((x) => Math.abs(x) < 1).length / n;
    const p = 0.6826894921370859;
    expect(Math.abs(inside - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    // Skewness 0: third moment has sd sqrt(15/n).
    const m3 = xs.reduce((s, x) => s + x ** 3, 0) / n;
    expect(Math.abs(m3)).toBeLessThan(4 * Math.sqrt(15 / n));
  });

  it('rng.exponential() has mean 1 and variance 1', () => {
    const rng = new Rng(31);
    const xs = draws(100_000, () => rng.exponential());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    // Exp(1): fourth central moment 9.
    expectMoments(xs, 1, 1, 9);
  });
});

describe('rng.poisson(lambda)', () => {
  function poissonPmf(k: number, lambda: number): number {
    return Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
  }

  /** Chi-square goodness of fit; neighbouring values are pooled until each bin expects >= 20. */
  function expectPoissonLaw(xs: ArrayLike<number>, lambda: number): void {
    const n = xs.length;
    const maxK = Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
    const counts = new Float64Array(maxK + 1);
    for (let i = 0; i < n; i++) counts[Math.min(xs[i], maxK)]++;
    const probs = Array.from({ length: maxK + 1 }, (_, k) => poissonPmf(k, lambda));
    probs[maxK] = Math.max(0, 1 - probs.slice(0, maxK).reduce((a, b) => a + b, 0));
    const obs: number[] = [];
    const exp: number[] = [];
    let o = 0;
    let e = 0;
    for (let k = 0; k <= maxK; k++) {
      o += counts[k];
      e += n * probs[k];
      if (e >= 20) {
        obs.push(o);
        exp.push(e);
        o = 0;
        e = 0;
      }
    }
    obs[obs.length - 1] += o;
    exp[exp.length - 1] += e;
    expect(obs.length).toBeGreaterThan(2);
    expect(chiSquare(obs, exp)).toBeLessThan(chiSquareCritical(obs.length - 1));
  }

  it.each([[0.5], [3.5], [29.5]])('rng.poisson(%s) (product method) has mean and variance lambda and the Poisson law', (lambda) => {
    const rng = new Rng(40);
    const xs = draws(50_000, () => rng.poisson(lambda));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    // Poisson: fourth central moment lambda (1 + 3 lambda).
    expectMoments(xs, lambda, lambda, lambda * (1 + 3 * lambda));
    expectPoissonLaw(xs, lambda);
  });

  it.each([[30], [100], [1000]])('rng.poisson(%s) (PTRS rejection) has mean and variance lambda and the Poisson law', (lambda) => {
    const rng = new Rng(41);
    const xs = draws(50_000, () => rng.poisson(lambda));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expectMoments(xs, lambda, lambda, lambda * (1 + 3 * lambda));
    expectPoissonLaw(xs, lambda);
  });

  it('rng.poisson(0) and rng.poisson(-1) return 0', () => {
    const rng = new Rng(42);
    expect(rng.poisson(0)).toBe(0);
    expect(rng.poisson(-1)).toBe(0);
  });

  it('logFactorial(k) matches ln(k!) exactly below 256 and by Stirling above', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let direct = 0;
    for (let i = 2; i <= 300; i++) direct += Math.log(i);
    expect(logFactorial(300)).toBeCloseTo(direct, 8);
    let at255 = 0;
    for (let i = 2; i <= 255; i++) at255 += Math.log(i);
    expect(logFactorial(255)).toBeCloseTo(at255, 9);
    expect(logFactorial(256)).toBeCloseTo(at255 + Math.log(256), 8);
  });
});

describe('rng.geometric(p) and rng.binomial(n, p)', () => {
  it.each([[0.5], [0.1], [0.002]])('rng.geometric(%s) counts failures before the first success: mean (1-p)/p, variance (1-p)/p^2, P(0) = p', (p) => {
    const rng = new Rng(50);
    const n = 100_000;
    const xs = draws(n, () => rng.geometric(p));
    const q = 1 - p;
    // Geometric law (failures): excess kurtosis 6 + p^2/q, so mu4 = q (9 q + p^2) / p^4.
    expectMoments(xs, q / p, q / p ** 2, (q * (9 * q + p * p)) / p ** 4);
    const zeros = xs.filter((x) => x === 0).length / n;
    expect(Math.abs(zeros - p)).toBeLessThan(4 * Math.sqrt((p * q) / n) + 1e-12);
  });

  it('rng.geometric(1) is 0 and rng.geometric(0) is Infinity', () => {
    const rng = new Rng(51);
    expect(rng.geometric(1)).toBe(0);
    expect(rng.geometric(0)).toBe(Infinity);
  });

  it.each([
    [100, 0.3],
    [100, 0.8],
    [5000, 0.02],
  ])('rng.binomial(%s, %s) has mean np and variance np(1-p)', (trials, p) => {
    const rng = new Rng(52);
    const xs = draws(30_000, () => rng.binomial(trials, p));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= trials)).toBe(true);
    const v = trials * p * (1 - p);
    // Binomial fourth central moment: np(1-p)(1 + (3n - 6) p (1-p)).
    expectMoments(xs, trials * p, v, v * (1 + (3 * trials - 6) * p * (1 - p)));
  });

  it('rng.binomial(n, p) is exact at the edges: p = 0, p = 1, n = 0', () => {
    const rng = new Rng(53);
    expect(rng.binomial(10, 0)).toBe(0);
    expect(rng.binomial(10, 1)).toBe(10);
    expect(rng.binomial(0, 0.5)).toBe(0);
  });
});

describe('rng.sampleWithoutReplacement(n, k) and rng.shuffle(array)', () => {
  it.each([
    [1000, 10],
    [1000, 600],
    [50, 50],
  ])('rng.sampleWithoutReplacement(%s, %s) gives k distinct sorted integers in [0, n)', (n, k) => {
    const rng = new Rng(60);
    for (let rep = 0; rep < 20; rep++) {
      const s = rng.sampleWithoutReplacement(n, k);
      expect(s).toBeInstanceOf(Uint32Array);
      expect(s.length).toBe(k);
      let bad = 0;
      for (let i = 0; i < k; i++) if (!(s[i] < n) || (i > 0 && !(s[i] > s[i - 1]))) bad++;
      expect(bad).toBe(0);
    }
  });

  it.each([
    [40, 5], // Floyd's algorithm (k * 4 < n)
    [40, 25], // partial Fisher-Yates
  ])('rng.sampleWithoutReplacement(%s, %s) includes every index with probability k/n (chi-square)', (n, k) => {
    const rng = new Rng(61);
    const reps = 20_000;
    const counts = new Float64Array(n);
    for (let r = 0; r < reps; r++) for (const x of rng.sampleWithoutReplacement(n, k)) counts[x]++;
    // Each count is Binomial(reps, p), p = k/n, and the counts sum to reps k; their
    // covariance is reps p (1-p) n/(n-1) (I - J/n), so sum (c - reps p)^2 / (reps p (1-p))
    // is n/(n-1) times a chi-square with n - 1 degrees of freedom.
    const p = k / n;
    let x2 = 0;
    for (let i = 0; i < n; i++) x2 += (counts[i] - reps * p) ** 2 / (reps * p * (1 - p));
    expect((x2 * (n - 1)) / n).toBeLessThan(chiSquareCritical(n - 1));
  });

  it('rng.sampleWithoutReplacement(n, k) picks every k-subset equally often (all 10 subsets of 2 from 5)', () => {
    const rng = new Rng(62);
    const reps = 50_000;
    const counts = new Map<string, number>();
    for (let r = 0; r < reps; r++) {
      const key = rng.sampleWithoutReplacement(5, 2).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    expect(chiSquare([...counts.values()], new Array(10).fill(reps / 10))).toBeLessThan(chiSquareCritical(9));
  });

  it('rng.sampleWithoutReplacement(n, 0) is empty, (n, n) is 0..n-1, and k > n throws a ParameterError naming k', () => {
    const rng = new Rng(63);
    expect(rng.sampleWithoutReplacement(10, 0).length).toBe(0);
    expect(Array.from(rng.sampleWithoutReplacement(6, 6))).toEqual([0, 1, 2, 3, 4, 5]);
    let err: unknown;
    try {
      rng.sampleWithoutReplacement(3, 4);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParameterError);
    expect((err as ParameterError).parameter).toBe('k');
  });

  it('rng.shuffle(array) returns a permutation, every position uniformly', () => {
    const rng = new Rng(64);
    const n = 6;
    const reps = 30_000;
    const firstPos = new Float64Array(n);
    let notPermutation = 0;
    for (let r = 0; r < reps; r++) {
      const a = rng.shuffle([0, 1, 2, 3, 4, 5]);
      if ([...a].sort().join() !== '0,1,2,3,4,5') notPermutation++;
      firstPos[a[0]]++;
    }
    expect(notPermutation).toBe(0);
    expect(chiSquare(firstPos, new Array(n).fill(reps / n))).toBeLessThan(chiSquareCritical(n - 1));
  });
});
