/**
 * Willshaw / BiNAM theory against the oracle values of theory.md 2.2-2.3 and PyNAM's tests
 * (pynam.md 4.4).
 */
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import {
  binamExpectedFalsePositives,
  binamExpectedInformation,
  binamOptimalSampleCount,
  willshawExpectedFalsePositives,
  willshawHeteroExpectedFalsePositives,
  willshawHeteroLoad,
  willshawLoad,
  willshawPatternsForLoad,
  willshawPerfectRetrievalProbability,
} from '../../../src/memory/willshawTheory.js';

/** theory.md 2.3, retrieval errors, θ = c: n, k, M, p1, c, E[FP] exact (4 significant digits). */
const WILLSHAW_ROWS: readonly (readonly [number, number, number, number, number, number])[] = [
  [1000, 10, 1000, 0.0862, 10, 2.688e-7],
  [1000, 10, 1000, 0.0862, 5, 0.009095],
  [1000, 10, 2000, 0.1649, 10, 5.502e-5],
  [1000, 10, 2000, 0.1649, 5, 0.1676],
  [1000, 10, 4000, 0.3026, 10, 0.01163],
  [1000, 10, 4000, 0.3026, 5, 2.897],
  [1000, 10, 7700, 0.5003, 10, 1.224],
  [1000, 10, 7700, 0.5003, 5, 32.72],
  [2048, 11, 4000, 0.0996, 11, 1.01e-7],
  [2048, 11, 4000, 0.0996, 6, 0.003274],
  [2048, 11, 8500, 0.1999, 11, 8.881e-5],
  [2048, 11, 8500, 0.1999, 6, 0.162],
  [2048, 11, 13600, 0.3001, 11, 0.005576],
  [2048, 11, 13600, 0.3001, 6, 1.682],
  [2048, 11, 26400, 0.4998, 11, 1.161],
  [2048, 11, 26400, 0.4998, 6, 33.19],
];

/** Exact E[FP] by the inclusion-exclusion formula of theory.md 2.2, in plain double arithmetic. */
function inclusionExclusion(n: number, k: number, M: number, c: number): number {
  const C = (a: number, b: number): number => {
    let r = 1;
    for (let i = 0; i < b; i++) r *= (a - i) / (i + 1);
    return r;
  };
  let s = 0;
  for (let t = 0; t <= c; t++) {
    const q = 1 - (k / n) * (1 - C(n - 1 - t, k - 1) / C(n - 1, k - 1));
    s += (-1) ** t * C(c, t) * q ** (M - 1);
  }
  return (n - k) * s;
}

describe('willshawLoad', () => {
  it('willshawLoad({ n, k, M }) gives the p1 column of theory.md 2.3', () => {
    for (const [n, k, M, p1] of WILLSHAW_ROWS) expect(Math.abs(willshawLoad({ n, k, M }) - p1)).toBeLessThan(5e-5);
  });

  it('willshawLoad({ n, k, M }) is 1 - (1 - k(k-1)/(n(n-1)))^M exactly', () => {
    expect(willshawLoad({ n: 1000, k: 10, M: 7700 })).toBeCloseTo(1 - (1 - 90 / 999000) ** 7700, 14);
    expect(willshawLoad({ n: 100, k: 5, M: 0 })).toBe(0);
  });

  it('willshawPatternsForLoad({ n, k, load }) reproduces the M table of theory.md 2.3', () => {
    const table: [number, number, number[]][] = [
      [1000, 10, [1169, 2477, 3959, 7694]],
      [2048, 11, [4015, 8504, 13593, 26416]],
      [4096, 12, [13388, 28355, 45322, 88077]],
    ];
    for (const [n, k, Ms] of table) {
      expect([0.1, 0.2, 0.3, 0.5].map((load) => Math.round(willshawPatternsForLoad({ n, k, load })))).toEqual(Ms);
    }
  });

  it('willshawHeteroLoad({ m, n, k, l, M }) is 1 - (1 - kl/(mn))^M', () => {
    expect(willshawHeteroLoad({ m: 16, n: 16, k: 3, l: 3, M: 10 })).toBeCloseTo(1 - (1 - 9 / 256) ** 10, 14);
  });
});

describe('willshawExpectedFalsePositives', () => {
  it('willshawExpectedFalsePositives({ n, k, M, c }) matches every exact row of theory.md 2.3 to 4 digits', () => {
    for (const [n, k, M, , c, exact] of WILLSHAW_ROWS) {
      const v = willshawExpectedFalsePositives({ n, k, M, c });
      expect(Math.abs(v / exact - 1), `n=${n} M=${M} c=${c}: ${v}`).toBeLessThan(6e-4);
    }
  });

  it('willshawExpectedFalsePositives agrees to 1e-13 with the inclusion-exclusion sum evaluated in 50-digit arithmetic', () => {
    // (n - k) Σ_t (-1)^t C(c,t) q_t^(M-1), evaluated with mpmath at 50 digits
    const hiPrec: [number, number, number, number, number][] = [
      [1000, 10, 1000, 10, 2.6880407385603592e-7],
      [2048, 11, 4000, 11, 1.0103693821285725e-7],
      [1000, 10, 4000, 5, 2.8970767794012994],
      [1000, 10, 7700, 10, 1.2243226734827503],
      [1000, 10, 7700, 5, 32.717202932393061],
      [2048, 11, 13600, 6, 1.682047361591371],
      [2048, 11, 26400, 11, 1.1614839634608604],
      [2048, 11, 26400, 6, 33.190648602742703],
    ];
    for (const [n, k, M, c, exact] of hiPrec) {
      expect(Math.abs(willshawExpectedFalsePositives({ n, k, M, c }) / exact - 1), `n=${n} M=${M} c=${c}`).toBeLessThan(1e-13);
    }
    // the same sum in double precision agrees where it does not cancel badly
    expect(willshawExpectedFalsePositives({ n: 1000, k: 10, M: 7700, c: 10 }) / inclusionExclusion(1000, 10, 7700, 10)).toBeCloseTo(1, 7);
  });

  it('willshawExpectedFalsePositives is 0 without other patterns and grows with M and with erasures', () => {
    expect(willshawExpectedFalsePositives({ n: 100, k: 5, M: 1, c: 5 })).toBe(0);
    const a = willshawExpectedFalsePositives({ n: 1000, k: 10, M: 2000, c: 5 });
    const b = willshawExpectedFalsePositives({ n: 1000, k: 10, M: 4000, c: 5 });
    const c = willshawExpectedFalsePositives({ n: 1000, k: 10, M: 4000, c: 4 });
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
  });

  it('willshawExpectedFalsePositives({ ..., f }) with inserted cue units exceeds the binomial approximation of theory.md 2.2', () => {
    const n = 1000;
    const k = 10;
    const M = 2000;
    const c = 5;
    const f = 2;
    const v = willshawExpectedFalsePositives({ n, k, M, c, f });
    const p1 = willshawLoad({ n, k, M: M - 1 });
    let binom = 0;
    const C = (a: number, b: number): number => {
      let r = 1;
      for (let i = 0; i < b; i++) r *= (a - i) / (i + 1);
      return r;
    };
    for (let s = c; s <= c + f; s++) binom += C(c + f, s) * p1 ** s * (1 - p1) ** (c + f - s);
    binom *= n - k - f;
    expect(v).toBeGreaterThan(binom);
    expect(v).toBeLessThan(2 * binom);
  });

  it('willshawExpectedFalsePositives with theta = 0 recalls every non-pattern unit', () => {
    expect(willshawExpectedFalsePositives({ n: 100, k: 5, M: 10, c: 3, theta: 0 })).toBe(95);
  });

  it('willshawPerfectRetrievalProbability is exp(-E[FP]) (0.294 at n = 1000, M = 7700, full cue; sim 0.309)', () => {
    const p = willshawPerfectRetrievalProbability({ n: 1000, k: 10, M: 7700, c: 10 });
    expect(p).toBeCloseTo(Math.exp(-1.22432), 4);
  });

  it('willshawHeteroExpectedFalsePositives equals the hetero inclusion-exclusion formula of theory.md 2.2', () => {
    const m = 200;
    const n = 300;
    const k = 6;
    const l = 8;
    const M = 800;
    const c = 4;
    const C = (a: number, b: number): number => {
      let r = 1;
      for (let i = 0; i < b; i++) r *= (a - i) / (i + 1);
      return r;
    };
    let s = 0;
    for (let t = 0; t <= c; t++) s += (-1) ** t * C(c, t) * (1 - (l / n) * (1 - C(m - t, k) / C(m, k))) ** (M - 1);
    expect(willshawHeteroExpectedFalsePositives({ m, n, k, l, M, c }) / ((n - l) * s)).toBeCloseTo(1, 10);
  });

  it('the theory functions throw a ParameterError for bad input', () => {
    const bad: (() => unknown)[] = [
      () => willshawLoad({ n: 1, k: 1, M: 1 }),
      () => willshawLoad({ n: 100, k: 101, M: 1 }),
      () => willshawLoad({ n: 100, k: 5, M: -1 }),
      () => willshawLoad({ n: 100.5, k: 5, M: 1 }),
      () => willshawLoad(null as never),
      () => willshawExpectedFalsePositives({ n: 100, k: 5, M: 10, c: 6 }),
      () => willshawExpectedFalsePositives({ n: 100, k: 5, M: 10, c: 2, f: -1 }),
      () => willshawPatternsForLoad({ n: 100, k: 5, load: 1 }),
      () => willshawHeteroLoad({ m: 10, n: 10, k: 11, l: 2, M: 1 }),
      () => binamExpectedFalsePositives({ N: -1, m: 16, n: 16, c: 3, d: 3 }),
      () => binamExpectedFalsePositives({ N: 10, m: 16, n: 16, c: 17, d: 3 }),
      () => binamOptimalSampleCount({ m: 16, n: 0, c: 3, d: 3 }),
      () => binamExpectedInformation({ N: NaN, m: 16, n: 16, c: 3, d: 3 }),
    ];
    for (const f of bad) expect(f).toThrow(ParameterError);
  });
});

describe('BiNAM theory (PyNAM)', () => {
  it('binamExpectedFalsePositives({ N, m, n, c, d }) gives PyNAM\'s test values', () => {
    expect(binamExpectedFalsePositives({ N: 10, m: 10, n: 6, c: 2, d: 3 })).toBeCloseTo(3 * 0.424219774, 8);
    expect(binamExpectedFalsePositives({ N: 10, m: 6, n: 6, c: 3, d: 3 })).toBeCloseTo(3 * 0.84039451, 8);
  });

  it('binamOptimalSampleCount({ m, n, c, d }) is 52 for 16/16/2/2 and 62 for 32/32/4/4', () => {
    expect(binamOptimalSampleCount({ m: 16, n: 16, c: 2, d: 2 })).toBe(52);
    expect(binamOptimalSampleCount({ m: 32, n: 32, c: 4, d: 4 })).toBe(62);
  });

  it('binamExpectedInformation is largest at the optimal sample count', () => {
    const I = (N: number): number => binamExpectedInformation({ N, m: 16, n: 16, c: 3, d: 3 });
    const best = binamOptimalSampleCount({ m: 16, n: 16, c: 3, d: 3 });
    expect(I(best)).toBeGreaterThanOrEqual(I(best - 1));
    expect(I(best)).toBeGreaterThan(I(best + 1));
    expect(I(0)).toBe(0);
  });
});
