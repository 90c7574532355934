import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { SDR } from '../../../src/sdr/sdr.js';
import {
  classificationFalseMatchBound,
  expectedUnionSize,
  falseMatchProbability,
  noiseFalseNegative,
  numberOfSDRs,
  overlapProbability,
  overlapSetSize,
  segmentFalsePositive,
  segmentUnionFalsePositive,
  unionFalsePositive,
  unionInexactMatchMeanField,
  unionSynapseCount,
} from '../../../src/sdr/theory.js';

/** |actual/expected - 1| <= rel */
function expectRel(actual: number, expected: number, rel = 1e-12): void {
  expect(Number.isFinite(actual)).toBe(true);
  if (expected === 0) {
    expect(actual).toBe(0);
    return;
  }
  const err = Math.abs(actual / expected - 1);
  if (!(err <= rel)) throw new Error(`expected ${expected}, got ${actual} (relative error ${err.toExponential(2)} > ${rel})`);
}

/** relative tolerance implied by a value printed with `digits` significant digits */
const printed = (digits: number): number => 0.5 * 10 ** (1 - digits) * 1.0000001;

describe('numberOfSDRs (theory.md 1.2, exact match / capacity)', () => {
  it('numberOfSDRs(2048, 40) is C(2048, 40) exactly', () => {
    expect(numberOfSDRs(2048, 40)).toBe(
      2371778511645358086693262639700863268089720614584700731712608317643033681970419921664n,
    );
  });

  it('numberOfSDRs(2048, 2) and numberOfSDRs(1024, 2) are 2096128 and 523776', () => {
    expect(numberOfSDRs(2048, 2)).toBe(2096128n);
    expect(numberOfSDRs(1024, 2)).toBe(523776n);
  });

  it('numberOfSDRs(1024, 20) is about 5.479944e41', () => {
    expect(numberOfSDRs(1024, 20)).toBe(547994376586478624307777948483062748869376n);
    expectRel(Number(numberOfSDRs(1024, 20)), 5.479944e41, printed(7));
  });

  it('falseMatchProbability(n, w, w) is 1/C(n, w) for the four oracle sizes', () => {
    expectRel(falseMatchProbability(1024, 2, 2), 1.909213098729228e-6);
    expectRel(falseMatchProbability(1024, 5, 5), 1.076288862138009e-13);
    expectRel(falseMatchProbability(1024, 20, 20), 1.82483624417666e-42);
    expectRel(falseMatchProbability(2048, 40, 40), 4.216245299002548e-85);
  });

  it('numberOfSDRs(n, w) throws for w outside [0, n] and for non-integers', () => {
    expect(() => numberOfSDRs(10, 11)).toThrow(ParameterError);
    expect(() => numberOfSDRs(10, -1)).toThrow(ParameterError);
    expect(() => numberOfSDRs(10.5, 2)).toThrow(ParameterError);
    expect(() => numberOfSDRs(-1, 0)).toThrow(ParameterError);
    expect(() => numberOfSDRs(Number.NaN, 0)).toThrow(/parameter 'n'/);
  });
});

describe('overlapSetSize and overlapProbability', () => {
  it('overlapSetSize(n, w, b, wx) is C(wx, b)·C(n − wx, w − b)', () => {
    expect(overlapSetSize(1024, 4, 2)).toBe(6n * 519690n);
    expect(overlapSetSize(1024, 8, 2, 4)).toBe(6n * numberOfSDRs(1020, 6));
    expect(overlapSetSize(10, 3, 4)).toBe(0n);
    expect(overlapSetSize(10, 3, -1)).toBe(0n);
  });

  it('overlapProbability(1024, 7, 4) is the one-term approximation 2.665960261152354e-8', () => {
    expectRel(overlapProbability(1024, 7, 4), 2.665960261152354e-8);
  });

  it('overlapProbability(2048, 40, b) gives the overlap distribution of two random SDRs', () => {
    const table = [4.5083e-1, 3.6634e-1, 1.4142e-1, 3.4537e-2, 5.994e-3, 7.8745e-4, 8.1444e-5, 6.8101e-6];
    table.forEach((p, b) => expectRel(overlapProbability(2048, 40, b), p, printed(5)));
  });

  it('overlapProbability(2048, 40, b) sums to 1 with mean w²/n = 0.78125', () => {
    let total = 0;
    let mean = 0;
    for (let b = 0; b <= 40; b++) {
      const p = overlapProbability(2048, 40, b);
      total += p;
      mean += b * p;
    }
    expectRel(total, 1, 1e-14);
    expectRel(mean, 0.78125, 1e-14);
  });

  it('overlapSetSize and overlapProbability throw on bad arguments', () => {
    expect(() => overlapSetSize(10, 3, 1.5)).toThrow(ParameterError);
    expect(() => overlapSetSize(10, 3, 1, 11)).toThrow(/'wx'/);
    expect(() => overlapProbability(10, 11, 1)).toThrow(/'w'/);
    expect(() => overlapProbability(10, 3, Number.NaN)).toThrow(/'b'/);
  });
});

describe('falseMatchProbability (theory.md 1.2, inexact match and subsampling)', () => {
  it('falseMatchProbability(1024, 4, 2) is 6.855239842364132e-5', () => {
    expectRel(falseMatchProbability(1024, 4, 2), 6.855239842364132e-5);
  });

  it('falseMatchProbability(1024, 7, 4) is 2.670691175127075e-8', () => {
    expectRel(falseMatchProbability(1024, 7, 4), 2.670691175127075e-8);
  });

  it('falseMatchProbability(1024, 8, 2, 4) (subsampled to 4 bits) is 3.182416654151463e-4', () => {
    expectRel(falseMatchProbability(1024, 8, 2, 4), 3.182416654151463e-4);
  });

  it('falseMatchProbability(2048, 40, theta, wx) reproduces the n = 2048, w = 40 table', () => {
    // theta: [full, s = 20, s = 10]
    const table: [number, number, number | null, number | null][] = [
      [1, 5.4917e-1, 3.2723e-1, 1.7937e-1],
      [2, 1.8283e-1, 5.6632e-2, 1.5163e-2],
      [3, 4.1407e-2, 6.2522e-3, 7.5382e-4],
      [5, 8.762e-4, 2.7521e-5, 5.1649e-7],
      [8, 4.9751e-7, 1.0808e-9, 4.4442e-13],
      [10, 1.368e-9, 3.9106e-13, 2.4224e-18],
      [12, 1.9796e-12, 5.7728e-17, null],
      [15, 3.5591e-17, 1.7323e-23, null],
      [20, 2.4913e-26, 2.1844e-37, null],
      [40, 4.2162e-85, null, null],
    ];
    for (const [theta, full, s20, s10] of table) {
      expectRel(falseMatchProbability(2048, 40, theta), full, printed(5));
      if (s20 !== null) expectRel(falseMatchProbability(2048, 40, theta, 20), s20, printed(5));
      if (s10 !== null) expectRel(falseMatchProbability(2048, 40, theta, 10), s10, printed(5));
    }
    expectRel(falseMatchProbability(2048, 40, 20), 2.491250609776295e-26);
  });

  it('falseMatchProbability(n, w, theta) is 1 for theta <= 0 and 0 above min(w, wx)', () => {
    expect(falseMatchProbability(2048, 40, 0)).toBe(1);
    expect(falseMatchProbability(2048, 40, -3)).toBe(1);
    expect(falseMatchProbability(2048, 40, 41)).toBe(0);
    expect(falseMatchProbability(2048, 40, 11, 10)).toBe(0);
  });

  it('falseMatchProbability keeps >= 12 significant digits down to 1e-300 (no underflow)', () => {
    // exact oracles computed with Python fractions
    expectRel(falseMatchProbability(100000, 80, 80), 7.3867783281715093e-282);
    expectRel(falseMatchProbability(2048, 600, 520), 6.9133943159048142e-303);
    expectRel(falseMatchProbability(2048, 400, 300), 1.4892100220908855e-179);
    expect(falseMatchProbability(2048, 600, 525)).toBeGreaterThan(0); // 3.03e-313, a subnormal
  });

  it('falseMatchProbability throws on non-integer or out-of-range arguments', () => {
    expect(() => falseMatchProbability(2048, 40, 2.5)).toThrow(/'theta'/);
    expect(() => falseMatchProbability(2048, 2049, 2)).toThrow(/'w'/);
    expect(() => falseMatchProbability(2048, 40, 2, -1)).toThrow(/'wx'/);
    expect(() => falseMatchProbability(-5, 0, 2)).toThrow(/'n'/);
  });
});

describe('classificationFalseMatchBound (theory.md 1.2, classification against M stored SDRs)', () => {
  it('classificationFalseMatchBound gives the three M·fp oracles', () => {
    expectRel(classificationFalseMatchBound(64, 3, 2, 10), 4.416282642089094e-2);
    expectRel(classificationFalseMatchBound(64, 12, 8, 10), 4.231118503631843e-4);
    expectRel(classificationFalseMatchBound(1024, 21, 14, 10), 8.834901806301405e-21);
  });

  it('classificationFalseMatchBound(100, 7, theta, 500) is the README bound for theta = 3..7', () => {
    expectRel(classificationFalseMatchBound(100, 7, 3, 500), 3.3366, printed(5));
    expectRel(classificationFalseMatchBound(100, 7, 4, 500), 0.1446910012673511);
    expectRel(classificationFalseMatchBound(100, 7, 5, 500), 2.826476848365305e-3);
    expectRel(classificationFalseMatchBound(100, 7, 6, 500), 2.036537634140987e-5);
    expectRel(classificationFalseMatchBound(100, 7, 7, 500), 3.123523978743845e-8);
  });

  it('a simulated "match any of 500 stored SDRs" classifier agrees with the published simulation', () => {
    // htmresearch sdr_calculations.cpp: n = 100, M = 500 stored random w = 7 vectors
    const rng = new Rng(2015);
    const stored = Array.from({ length: 500 }, () => new SDR(100).randomize(0.07, rng));
    const probe = new SDR(100);
    const trials = 20000;
    const hits = new Array<number>(8).fill(0); // hits[theta]: max overlap >= theta
    for (let t = 0; t < trials; t++) {
      probe.randomize(0.07, rng);
      void probe.dense; // cache the dense view: each overlap is then 7 look-ups
      let best = 0;
      for (const s of stored) {
        const o = s.overlap(probe);
        if (o > best) best = o;
      }
      for (let th = 1; th <= best; th++) hits[th]++;
    }
    const published: [number, number][] = [
      [3, 0.964839],
      [4, 0.134632],
      [5, 0.00285],
    ];
    for (const [theta, rate] of published) {
      const sd = Math.sqrt((rate * (1 - rate)) / trials);
      expect(Math.abs(hits[theta] / trials - rate)).toBeLessThan(4.5 * sd);
      // the union bound holds (and is loose at theta = 3)
      expect(hits[theta] / trials).toBeLessThan(classificationFalseMatchBound(100, 7, theta, 500) + 4.5 * sd);
    }
    expect(hits[2] / trials).toBeGreaterThan(0.999); // theta = 1, 2: practically always a match
    expect(hits[6]).toBeLessThanOrEqual(5); // 1.7e-5 per trial
  });

  it('classificationFalseMatchBound throws on a negative M', () => {
    expect(() => classificationFalseMatchBound(100, 7, 3, -1)).toThrow(/'M'/);
  });
});

describe('segmentFalsePositive (neuron paper Eq. 1)', () => {
  it('segmentFalsePositive(2048, 40, 20, 10) is 3.910589263787476e-13', () => {
    expectRel(segmentFalsePositive(2048, 40, 20, 10), 3.910589263787476e-13);
  });

  it('segmentFalsePositive(200000, 2000, 20, 10) is 1.650e-15, not the Frontiers paper\'s 1.6e-18', () => {
    expectRel(segmentFalsePositive(200000, 2000, 20, 10), 1.6498987520079934e-15);
  });

  it('segmentFalsePositive(10000, 64, 24, 12) is 4.04e-21, where the notebook printed 0', () => {
    expectRel(segmentFalsePositive(10000, 64, 24, 12), 4.0415971227765704e-21);
  });

  it("segmentFalsePositive(n, 64, 24, 12) matches the 'effect of n' curve", () => {
    // plot_effect_of_n.py errorsA64 (sympy, 15 digits)
    expectRel(segmentFalsePositive(300, 64, 24, 12), 1.0946166233369e-3, 1e-13);
    expectRel(segmentFalsePositive(10100, 64, 24, 12), 3.58853982726974e-21, 1e-13);
  });

  it('segmentFalsePositive throws for s or a larger than n', () => {
    expect(() => segmentFalsePositive(100, 101, 10, 5)).toThrow(/'a'/);
    expect(() => segmentFalsePositive(100, 10, 101, 5)).toThrow(/'s'/);
    expect(() => segmentFalsePositive(100, 10, 10, 0.5)).toThrow(/'theta'/);
  });
});

describe('unionFalsePositive and expectedUnionSize (theory.md 1.2, union property)', () => {
  const rows: [number, number, number, number, number | null, number][] = [
    // n, w, M, approx, exact, E|U|
    [1024, 2, 20, 1.470425771556982e-3, null, 39.266],
    [1024, 20, 20, 1.83536456233615e-10, 1.328682e-10, 333.7998],
    [1024, 20, 40, 5.482189350582598e-6, 4.941864e-6, 558.7888],
    [2048, 40, 10, 1.30361e-30, 2.475762e-31, 366.6137],
    [2048, 40, 20, 3.368563e-20, 1.73528e-20, 667.5996],
    [2048, 40, 50, 7.783983e-9, 6.796588e-9, 1284.133],
    [2048, 40, 100, 2.499165e-3, 2.449898e-3, 1763.0914],
  ];

  it('unionFalsePositive(n, w, M) is the approximation (1 − (1 − w/n)^M)^w', () => {
    for (const [n, w, M, approx] of rows) {
      const digits = n === 1024 ? 16 : 7;
      expectRel(unionFalsePositive(n, w, M), approx, Math.max(printed(digits), 1e-12));
    }
  });

  it('unionFalsePositive(n, w, M, { exact: true }) is the exact fixed-weight probability', () => {
    for (const [n, w, M, , exact] of rows) {
      if (exact !== null) expectRel(unionFalsePositive(n, w, M, { exact: true }), exact, printed(7));
    }
    // full digits from exact rational arithmetic (Python fractions)
    expectRel(unionFalsePositive(1024, 20, 20, { exact: true }), 1.3286818788126042e-10);
    expectRel(unionFalsePositive(2048, 40, 10, { exact: true }), 2.4757623619912022e-31);
  });

  it('unionFalsePositive exact agrees with brute force on a tiny space', () => {
    // n = 6, w = 2, M = 2: enumerate all C(6,2)^3 = 3375 (probe, x1, x2) triples
    const pairs: number[][] = [];
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) pairs.push([i, j]);
    let inside = 0;
    for (const p of pairs)
      for (const x of pairs)
        for (const y of pairs) {
          const u = new Set([...x, ...y]);
          if (p.every((b) => u.has(b))) inside++;
        }
    expectRel(unionFalsePositive(6, 2, 2, { exact: true }), inside / pairs.length ** 3, 1e-15);
  });

  it('unionFalsePositive handles M = 0 and w = 0', () => {
    expect(unionFalsePositive(100, 5, 0)).toBe(0);
    expect(unionFalsePositive(100, 5, 0, { exact: true })).toBe(0);
    expect(unionFalsePositive(100, 0, 3)).toBe(1);
  });

  it('expectedUnionSize(n, w, M) is n(1 − (1 − w/n)^M)', () => {
    for (const [n, w, M, , , size] of rows) {
      expect(Math.abs(expectedUnionSize(n, w, M) - size)).toBeLessThan(6e-4);
    }
    expectRel(expectedUnionSize(1024, 20, 20), 333.79980123619038, 1e-15);
    expect(expectedUnionSize(1024, 20, 0)).toBe(0);
  });

  it('unionFalsePositive and expectedUnionSize throw on bad arguments', () => {
    expect(() => unionFalsePositive(0, 0, 1)).toThrow(/'n'/);
    expect(() => unionFalsePositive(100, 5, 1.5)).toThrow(/'M'/);
    expect(() => unionFalsePositive(100, 5, 2, { exact: 'yes' as unknown as boolean })).toThrow(/'options.exact'/);
    expect(() => unionFalsePositive(2048, 40, 1_000_000, { exact: true })).toThrow(/exact/);
    expect(() => expectedUnionSize(100, 101, 2)).toThrow(/'w'/);
  });
});

describe('unionInexactMatchMeanField (sdr_math.ipynb, Γ-binomials)', () => {
  it('unionInexactMatchMeanField reproduces the notebook values', () => {
    expectRel(unionInexactMatchMeanField(1024, 20, 20, 20), 1.23782572305677e-10, 1e-13);
    expectRel(unionInexactMatchMeanField(1024, 20, 20, 19), 5.55166122237973e-9, 1e-13);
    expectRel(unionInexactMatchMeanField(1024, 20, 20, 18), 1.18086573478834e-7, 1e-13);
    expectRel(unionInexactMatchMeanField(2048, 20, 20, 18), 3.08795140545437e-12, 1e-13);
  });

  it('unionInexactMatchMeanField throws for M = 0', () => {
    expect(() => unionInexactMatchMeanField(1024, 20, 0, 18)).toThrow(/'M'/);
  });
});

describe('segmentUnionFalsePositive (sdr_paper_unions.py)', () => {
  it('segmentUnionFalsePositive(20000, 200, 25, 3, 15) is the exact 7.9303e-16, not the stored 7.9213e-16', () => {
    expect(unionSynapseCount(20000, 25, 3)).toBe(75);
    expectRel(segmentUnionFalsePositive(20000, 200, 25, 3, 15), 7.9302735286370968e-16);
  });

  it('segmentUnionFalsePositive with M = 1 is the plain segment formula', () => {
    expectRel(segmentUnionFalsePositive(1000, 200, 25, 1, 15), 1.0014031524076937e-5);
    expectRel(segmentUnionFalsePositive(10000, 200, 25, 1, 15), 5.3035241902519345e-20);
  });

  it('unionSynapseCount throws for s > n', () => {
    expect(() => unionSynapseCount(10, 11, 2)).toThrow(/'s'/);
  });
});

describe('noiseFalseNegative (neuron paper, impact of noise)', () => {
  it('noiseFalseNegative(128, 30, 8, 26) is 3.142e-16, not the notebook\'s 3.113e-16', () => {
    expectRel(noiseFalseNegative(128, 30, 8, 26), 3.1419333449968435e-16);
  });

  it('noiseFalseNegative matches the predicted curves of plot_noise_results.py', () => {
    expectRel(noiseFalseNegative(128, 30, 12, 19), 2.48810797387309e-15, 1e-13);
    expectRel(noiseFalseNegative(128, 30, 16, 19), 2.65549705827547e-8, 1e-13);
    expectRel(noiseFalseNegative(128, 30, 8, 64), 0.000735429456875121, 1e-13);
  });

  it('noiseFalseNegative is exactly 0 when too few cells are replaced to reach the segment', () => {
    expect(noiseFalseNegative(128, 30, 8, 22)).toBe(0); // needs >= 23 of the segment's cells removed
    expect(noiseFalseNegative(128, 30, 8, 23)).toBeGreaterThan(0);
    expect(noiseFalseNegative(128, 30, 0, 100)).toBe(0);
    expect(noiseFalseNegative(128, 30, 31, 0)).toBe(1);
  });

  it('noiseFalseNegative keeps full precision for tiny tails (no 1 − P)', () => {
    expectRel(noiseFalseNegative(5000, 1000, 620, 420), 3.1109859868314319e-244);
  });

  it('noiseFalseNegative throws for s > a or v > a', () => {
    expect(() => noiseFalseNegative(10, 11, 5, 2)).toThrow(/'s'/);
    expect(() => noiseFalseNegative(10, 5, 5, 11)).toThrow(/'v'/);
  });
});
