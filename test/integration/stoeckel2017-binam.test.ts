import { describe, expect, it } from 'vitest';
import { generateBalanced, meta, outputErrors, run } from '../../experiments/stoeckel2017-binam.js';
import { Rng } from '../../src/core/rng.js';
import type { ExperimentContext, ExperimentOutput, ParameterValues } from '../../src/io/experiment.js';
import { toExperiment } from '../../src/io/validateExperiment.js';
import { buildFigure } from '../../src/figures/registry.js';
import { quickParams as quickParamsOf, testContext } from '../fixtures/experimentContext.js';
import { binamOptimalSampleCount } from '../../src/memory/willshawTheory.js';

const quickParams = (): ParameterValues => quickParamsOf(meta);
const context = (seed: number, signal?: AbortSignal): ExperimentContext => testContext(seed, signal).ctx;

describe('experiment stoeckel2017-binam (quick)', () => {
  let out: ExperimentOutput;

  it('run(quick params) without jitter equals the ideal BiNAM: I_n = 1, same false positives, no false negatives', async () => {
    out = await run(quickParams(), context(1));
    expect(out.interrupted).toBe(false);
    expect(out.metrics.samples).toBe(binamOptimalSampleCount({ m: 16, n: 16, c: 3, d: 3 }));
    expect(out.metrics.sigma0_In).toBeCloseTo(1, 12);
    expect(out.metrics.sigma0_fpN).toBeCloseTo(out.metrics.sigma0_fpRefN, 12);
    expect(out.metrics.sigma0_fnN).toBe(0);
    expect(out.metrics.sigma0_latencyInvalid).toBe(0);
    expect(out.metrics.comparisonsFailed).toBe(0);
  });

  it('jitter lowers I_n monotonically and raises the false negatives (σ_t = 0, 2, 4 ms)', () => {
    const m = out.metrics;
    expect(m.sigma2_In).toBeLessThanOrEqual(m.sigma0_In);
    expect(m.sigma4_In).toBeLessThan(m.sigma2_In);
    expect(m.sigma4_In).toBeLessThan(0.95);
    expect(m.sigma4_fnN).toBeGreaterThan(m.sigma2_fnN);
    // the output neurons need all c inputs: jitter removes spikes, it does not add false positives
    expect(m.sigma4_fpN).toBeLessThanOrEqual(m.sigma0_fpN + 1e-12);
    // latency: a few ms after the last input spike
    for (const key of ['sigma0', 'sigma2', 'sigma4']) {
      expect(m[`${key}_latencyMean`]).toBeGreaterThan(0);
      expect(m[`${key}_latencyMean`]).toBeLessThan(10);
    }
  });

  it('every figure builds and the output is JSON-serialisable', () => {
    const back = JSON.parse(JSON.stringify(out)) as ExperimentOutput;
    expect(back.figures.length).toBe(4);
    for (const f of back.figures) expect(buildFigure(f, back.series).data.length).toBeGreaterThanOrEqual(1);
  });
});

describe('experiment stoeckel2017-binam (data, contract and reproducibility)', () => {
  it('generateBalanced(rng, 6, 3, 20) returns all 20 combinations; 40 returns each twice', () => {
    const a = generateBalanced(new Rng(1), 6, 3, 20).map((v) => v.join(','));
    expect(new Set(a).size).toBe(20);
    const b = generateBalanced(new Rng(2), 6, 3, 40).map((v) => v.join(','));
    const counts = new Map<string, number>();
    for (const v of b) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((c) => c === 2)).toBe(true);
  });

  it('generateBalanced(rng, 16, 3, N) keeps every bit used floor or ceil of k·c/m times after every sample', () => {
    const data = generateBalanced(new Rng(3), 16, 3, 100);
    const usage = new Array<number>(16).fill(0);
    data.forEach((v, k) => {
      expect(v.length).toBe(3);
      for (const i of v) usage[i]++;
      const lo = Math.floor(((k + 1) * 3) / 16);
      const hi = Math.ceil(((k + 1) * 3) / 16);
      for (const u of usage) expect(u === lo || u === hi).toBe(true);
    });
  });

  it("outputErrors(out, expected) follows PyNAM's calculate_errs on real-valued outputs", () => {
    const e = outputErrors([1, 0.25, 0.2, 0], Uint32Array.from([0, 2]));
    expect(e.fp).toBeCloseTo(0.25, 12);
    expect(e.fn).toBeCloseTo(0.8, 12);
    const f = outputErrors([1.5, 1.2, 0.25, 1], Uint32Array.from([0, 3]));
    expect(f.fp).toBeCloseTo(1.25, 12);
    expect(f.fn).toBe(0);
  });

  it("meta passes the runner's experiment checks", () => {
    expect(toExperiment({ meta, run }, 'experiments/stoeckel2017-binam.ts').meta.name).toBe('stoeckel2017-binam');
  });

  it('the same seed gives the same result; another seed another one', async () => {
    const p = { ...quickParams(), repeats: 1, sigmaT: '2' };
    const a = await run(p, context(3));
    const b = await run(p, context(3));
    const c = await run(p, context(4));
    expect(b.series).toEqual(a.series);
    expect(c.series).not.toEqual(a.series);
  });

  it('an aborted run stops early and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const res = await run(quickParams(), context(1, controller.signal));
    expect(res.interrupted).toBe(true);
    expect(res.metrics.dataSets).toBeLessThan(9);
  });
});
