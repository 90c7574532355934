/**
 * WillshawMemory: storage conventions, the three retrievals, validation, determinism, and
 * simulated false positives and matrix density against the exact theory (theory.md 2.3).
 */
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { WillshawMemory } from '../../../src/memory/willshaw.js';
import { recallErrors, summarizeRecalls } from '../../../src/memory/willshawMetrics.js';
import { willshawExpectedFalsePositives, willshawLoad } from '../../../src/memory/willshawTheory.js';
import { sampleSorted } from '../../../src/sdr/randomSource.js';
import { SDR } from '../../../src/sdr/sdr.js';

/** Rows of theory.md 2.3: n, k, M, c. */
const ROWS: readonly (readonly [number, number, number, number])[] = [
  [1000, 10, 1000, 10],
  [1000, 10, 1000, 5],
  [1000, 10, 2000, 10],
  [1000, 10, 2000, 5],
  [1000, 10, 4000, 10],
  [1000, 10, 4000, 5],
  [1000, 10, 7700, 10],
  [1000, 10, 7700, 5],
  [2048, 11, 4000, 11],
  [2048, 11, 4000, 6],
  [2048, 11, 8500, 11],
  [2048, 11, 8500, 6],
  [2048, 11, 13600, 11],
  [2048, 11, 13600, 6],
  [2048, 11, 26400, 11],
  [2048, 11, 26400, 6],
];

function randomPatterns(n: number, k: number, M: number, rng: Rng): Uint32Array[] {
  return Array.from({ length: M }, () => sampleSorted(rng, n, k));
}

/** Stores M random k-patterns and measures `trials` retrievals from c-unit cues at θ = c. */
function simulate(n: number, k: number, M: number, c: number, trials: number, seed: number) {
  const rng = new Rng(seed);
  const patterns = randomPatterns(n, k, M, rng);
  const mem = new WillshawMemory(n);
  for (const p of patterns) mem.store(p);
  const out = new Uint32Array(n);
  const cue = new Uint32Array(c);
  const errors = [];
  for (let t = 0; t < trials; t++) {
    const p = patterns[rng.int(M)];
    const pick = sampleSorted(rng, k, c);
    for (let i = 0; i < c; i++) cue[i] = p[pick[i]];
    const count = mem.recallInto(cue, out);
    errors.push(recallErrors(out.slice(0, count), p));
  }
  return { mem, summary: summarizeRecalls(errors) };
}

describe('WillshawMemory (storage)', () => {
  it('new WillshawMemory(4096) holds its synapses in 2 MiB', () => {
    expect(new WillshawMemory(4096).byteLength).toBe(2 * 1024 * 1024);
  });

  it('store(pattern) sets W_ij = 1 for all i, j in the pattern, diagonal included', () => {
    const mem = new WillshawMemory(8).store([1, 3, 4]);
    const m = mem.matrix;
    for (const i of [1, 3, 4]) for (const j of [1, 3, 4]) expect(m.get(i, j)).toBe(true);
    expect(m.countOnes()).toBe(9);
    expect(mem.patternsStored).toBe(1);
    expect(mem.load()).toBeCloseTo(6 / 56, 15);
    expect(mem.load({ diagonal: true })).toBeCloseTo(9 / 64, 15);
  });

  it('store(input, output) of a hetero memory reproduces PyNAM\'s 10x7 BiNAM training rows', () => {
    // tests/test_binam.py: three pairs; rows as bit strings
    const X = ['0001010100', '0001101000', '1110000000'];
    const Y = ['0001011', '1010100', '1011000'];
    const on = (s: string): number[] => [...s].flatMap((ch, i) => (ch === '1' ? [i] : []));
    const mem = new WillshawMemory(10, 7);
    mem.storeAll(X.map(on), Y.map(on));
    const rows = Array.from({ length: 10 }, (_, i) => Array.from({ length: 7 }, (_, j) => (mem.matrix.get(i, j) ? '1' : '0')).join(''));
    expect(rows).toEqual(['1011000', '1011000', '1011000', '1011111', '1010100', '0001011', '1010100', '0001011', '0000000', '0000000']);
    for (let s = 0; s < 3; s++) expect(Array.from(mem.recall(on(X[s])).sparse)).toEqual(on(Y[s]));
  });

  it('store(pattern) with an SDR equals store with its index list, and clear() empties the memory', () => {
    const a = new WillshawMemory(50).store(SDR.fromSparse(50, [3, 9, 20]));
    const b = new WillshawMemory(50).store([20, 3, 9]);
    expect(a.matrix.words).toEqual(b.matrix.words);
    a.clear();
    expect(a.matrix.countOnes()).toBe(0);
    expect(a.patternsStored).toBe(0);
  });

  it('the matrix density of WillshawMemory is within 0.002 of willshawLoad on the rows of theory.md 2.3', () => {
    for (const [n, k, M] of [
      [1000, 10, 2000],
      [1000, 10, 7700],
      [2048, 11, 8500],
      [2048, 11, 26400],
    ]) {
      const rng = new Rng(n + M);
      const mem = new WillshawMemory(n);
      for (let i = 0; i < M; i++) mem.store(sampleSorted(rng, n, k));
      expect(Math.abs(mem.load() - willshawLoad({ n, k, M })), `n=${n} M=${M}`).toBeLessThan(0.002);
    }
  });
});

describe('WillshawMemory (retrieval)', () => {
  const n = 1000;
  const k = 10;
  const rng = new Rng(3);
  const patterns = randomPatterns(n, k, 1500, rng);
  const mem = new WillshawMemory(n);
  for (const p of patterns) mem.store(p);

  it('recall(cue) with the Willshaw threshold θ = |cue| never misses a pattern unit', () => {
    for (let t = 0; t < 50; t++) {
      const p = patterns[t];
      const cue = Array.from(p.subarray(0, 4));
      const out = mem.recall(cue);
      expect(recallErrors(out, SDR.fromSparse(n, p)).fn).toBe(0);
    }
  });

  it('recall(cue, { threshold }) equals the units whose dendritic sums reach the threshold', () => {
    const cue = [...patterns[0].subarray(0, 6), ...patterns[1].subarray(0, 2)];
    const sums = mem.dendriticSums(cue);
    for (const theta of [0, 3, 5, 6, 8, 9]) {
      const expected = Array.from(sums).flatMap((s, j) => (s >= theta ? [j] : []));
      expect(Array.from(mem.recall(cue, { threshold: theta }).sparse), `theta ${theta}`).toEqual(expected);
    }
  });

  it('recall(cue, { mode: "kwta", k }) returns the k largest sums and breaks ties with the rng', () => {
    const cue = [...patterns[2].subarray(0, 5), ...patterns[3].subarray(0, 3)];
    const sums = mem.dendriticSums(cue);
    const a = mem.recall(cue, { mode: 'kwta', k: 10, rng: 11 });
    expect(a.getSum()).toBe(10);
    const kth = Array.from(a.sparse).reduce((m, j) => Math.min(m, sums[j]), Infinity);
    for (let j = 0; j < n; j++) if (!a.sparse.includes(j)) expect(sums[j]).toBeLessThanOrEqual(kth);
    expect(mem.recall(cue, { mode: 'kwta', k: 10, rng: 11 }).equals(a)).toBe(true);
    // a unit above the k-th sum always wins; patterns[2] (5 of 10 cued) keeps at least its cue
    for (const j of patterns[2]) if (sums[j] > kth) expect(a.sparse.includes(j)).toBe(true);
    expect(recallErrors(a, SDR.fromSparse(n, patterns[2])).fn).toBeLessThanOrEqual(5);
  });

  it('recall(cue, { mode: "kwta" }) draws ties uniformly: each tied unit wins about equally often', () => {
    const small = new WillshawMemory(20).store([0, 1, 2, 3]);
    const wins = new Array<number>(20).fill(0);
    const r = new Rng(5);
    for (let t = 0; t < 4000; t++) for (const j of small.recall([0], { mode: 'kwta', k: 6, rng: r }).sparse) wins[j]++;
    expect(wins.slice(0, 4)).toEqual([4000, 4000, 4000, 4000]);
    for (let j = 4; j < 20; j++) expect(Math.abs(wins[j] - 500)).toBeLessThan(4 * Math.sqrt(500));
  });

  it('recallIterative(cue) reaches a fixed point that completes a half cue at low load', () => {
    const small = new WillshawMemory(n);
    const r = new Rng(9);
    const ps = randomPatterns(n, k, 300, r);
    for (const p of ps) small.store(p);
    for (const mode of ['threshold', 'kwta'] as const) {
      const res = small.recallIterative(Array.from(ps[7].subarray(0, 5)), mode === 'kwta' ? { mode, k, rng: r } : {});
      expect(res.converged).toBe(true);
      expect(res.sdr.equals(SDR.fromSparse(n, ps[7]))).toBe(true);
      expect(res.iterations).toBeGreaterThanOrEqual(2);
    }
  });

  it('recallIterative(cue, { maxIterations: 1 }) equals one recall step', () => {
    const cue = Array.from(patterns[4].subarray(0, 5));
    const one = mem.recallIterative(cue, { maxIterations: 1 });
    expect(one.iterations).toBe(1);
    expect(one.sdr.equals(mem.recall(cue))).toBe(true);
  });

  it('recall(cue, { output }) writes into the given SDR', () => {
    const out = new SDR(n);
    expect(mem.recall(patterns[0], { output: out })).toBe(out);
    expect(out.equals(SDR.fromSparse(n, patterns[0]))).toBe(true);
  });

  it('the same seed gives the same memory and the same k-WTA recalls', () => {
    const build = (seed: number) => {
      const r = new Rng(seed);
      const m = new WillshawMemory(500);
      const ps = randomPatterns(500, 9, 2000, r);
      for (const p of ps) m.store(p);
      return { words: m.matrix.words, recall: m.recall(Array.from(ps[0].subarray(0, 3)), { mode: 'kwta', k: 9, rng: r }).sparse };
    };
    expect(build(4)).toEqual(build(4));
    expect(build(4).words).not.toEqual(build(5).words);
  });
});

describe('WillshawMemory (simulation against theory.md 2.3)', () => {
  it('mean false positives of recall at θ = c match willshawExpectedFalsePositives within 4 standard errors on every row', () => {
    const trials = 1000;
    for (const [n, k, M, c] of ROWS) {
      const { summary } = simulate(n, k, M, c, trials, 17 + M + c);
      const exact = willshawExpectedFalsePositives({ n, k, M, c });
      const sd = Math.max(summary.sdFalsePositives, Math.sqrt(exact));
      const tol = (4 * sd) / Math.sqrt(trials);
      expect(Math.abs(summary.meanFalsePositives - exact), `n=${n} M=${M} c=${c}: sim ${summary.meanFalsePositives} exact ${exact}`).toBeLessThanOrEqual(tol);
      expect(summary.meanFalseNegatives).toBe(0);
      if (exact < 0.2) expect(Math.abs(summary.perfectFraction - Math.exp(-exact))).toBeLessThan(0.05);
    }
  });
});

describe('WillshawMemory (validation)', () => {
  const mem = new WillshawMemory(10);
  const hetero = new WillshawMemory(10, 6);
  it('new WillshawMemory(m, n) throws a ParameterError for bad sizes', () => {
    for (const args of [[0], [1.5], [NaN], [10, 0], [10, -2], ['10']] as unknown as [number, number?][]) {
      expect(() => new WillshawMemory(...args)).toThrow(ParameterError);
    }
  });

  it('store and recall throw a ParameterError for bad patterns and options', () => {
    const bad: (() => unknown)[] = [
      () => mem.store([1, 10]),
      () => mem.store([1, 1]),
      () => mem.store([-1]),
      () => mem.store([0.5]),
      () => mem.store(null as never),
      () => mem.store(new SDR(11)),
      () => mem.store([1], [2]),
      () => hetero.store([1]),
      () => hetero.store([1], [6]),
      () => mem.recall([1, 2], { threshold: -1 }),
      () => mem.recall([1, 2], { mode: 'kwta' }),
      () => mem.recall([1, 2], { mode: 'kwta', k: 11 }),
      () => mem.recall([1, 2], { mode: 'wta' as never }),
      () => mem.recall([1, 2], { mode: 'kwta', k: 2, rng: -3 }),
      () => mem.recall([1, 2], { output: new SDR(5) }),
      () => mem.recallIterative([1], { maxIterations: 0 }),
      () => hetero.recallIterative([1]),
      () => mem.storeAll([[1]], [[1], [2]]),
    ];
    for (const f of bad) expect(f).toThrow(ParameterError);
  });
});
