import { describe, expect, it } from 'vitest';
import { meta, run } from '../../experiments/ahmad2016-sdr.js';
import type { ExperimentContext, ExperimentOutput, ParameterValues, Progress } from '../../src/io/experiment.js';
import { toExperiment } from '../../src/io/validateExperiment.js';
import { buildFigure } from '../../src/figures/registry.js';

function params(kind: 'quick' | 'tiny'): ParameterValues {
  const out: ParameterValues = {};
  for (const [name, spec] of Object.entries(meta.parameters)) out[name] = spec.quick ?? spec.default;
  if (kind === 'tiny') Object.assign(out, { fmTrials: 2000, unionSets: 10, unionProbes: 20, noiseTrials: 200, effectOfNTrials: 200 });
  return out;
}

function context(seed: number, signal = new AbortController().signal) {
  const progress: Progress[] = [];
  const logs: string[] = [];
  const ctx: ExperimentContext = {
    seed,
    quick: true,
    signal,
    onProgress: (p) => progress.push(p),
    log: (m) => logs.push(m),
  };
  return { ctx, progress, logs };
}

describe('experiment ahmad2016-sdr (quick)', () => {
  let quick: ExperimentOutput;
  let progress: Progress[];

  it('run(quick params) simulates all four panels and every point agrees with the exact theory', async () => {
    const c = context(1);
    quick = await run(params('quick'), c.ctx);
    progress = c.progress;
    expect(quick.interrupted).toBe(false);
    const comparisons = quick.comparisons ?? [];
    const failed = comparisons.filter((x) => !x.pass);
    expect(failed.map((x) => `${x.name}: ${x.measured} vs ${x.expected} ± ${x.tolerance}`)).toEqual([]);
    for (const panel of ['falseMatch', 'union', 'noise', 'effectOfN']) {
      expect(quick.metrics[`points_${panel}`], panel).toBeGreaterThanOrEqual(5);
      expect(quick.metrics[`maxAbsLog10Error_${panel}`], panel).toBeLessThan(0.15);
    }
    expect(quick.metrics.pointsCompared).toBe(comparisons.length);
    expect(quick.metrics.maxAbsLog10Error).toBeLessThan(0.15);
    expect(quick.metrics.comparisonsFailed).toBe(0);
  });

  it('the simulated points carry hits >= minHits and tolerances of 4 standard errors', () => {
    for (const c of quick.comparisons ?? []) {
      expect(c.tolerance).toBeGreaterThan(0);
      expect(c.expected).toBeGreaterThan(0);
      expect(c.source).toMatch(/theory/);
    }
    // false match at theta = 2 for n = 2048, w = 40: exact 0.18283 (theory.md 1.2)
    expect(quick.metrics.falseMatchTheta2Exact).toBeCloseTo(0.1828294014477092, 15);
    expect(Math.abs(quick.metrics.falseMatchTheta2Sim - 0.18283)).toBeLessThan(4 * Math.sqrt((0.18283 * 0.81717) / 100_000));
    expect(quick.metrics.unionM100Exact).toBeCloseTo(2.449898243760409e-3, 15);
    expect(quick.metrics.unionM100Approx).toBeCloseTo(2.499164948866302e-3, 15);
  });

  it('the output is JSON-serialisable and every figure builds with the shared line builder', () => {
    const back = JSON.parse(JSON.stringify(quick)) as ExperimentOutput;
    expect(back.figures.length).toBe(10);
    for (const f of quick.figures) {
      expect(f.kind).toBe('line');
      const fig = buildFigure(f, back.series);
      expect(fig.data.length).toBeGreaterThanOrEqual(4);
    }
    for (const [name, value] of Object.entries(quick.metrics)) expect(Number.isFinite(value), name).toBe(true);
  });

  it('progress runs from 0 to the announced total', () => {
    expect(progress.length).toBeGreaterThan(0);
    const last = progress[progress.length - 1];
    expect(last.done).toBe(last.total);
    for (const p of progress) expect(p.done).toBeLessThanOrEqual(p.total);
  });
});

describe('experiment ahmad2016-sdr (contract and reproducibility)', () => {
  it('meta passes the runner\'s experiment checks', () => {
    expect(toExperiment({ meta, run }, 'experiments/ahmad2016-sdr.ts').meta.name).toBe('ahmad2016-sdr');
  });

  it('the same seed gives the same result; another seed another one', async () => {
    const a = await run(params('tiny'), context(7).ctx);
    const b = await run(params('tiny'), context(7).ctx);
    const c = await run(params('tiny'), context(8).ctx);
    expect(b.series).toEqual(a.series);
    expect(c.series).not.toEqual(a.series);
  });

  it('an aborted run stops early and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const out = await run(params('tiny'), context(1, controller.signal).ctx);
    expect(out.interrupted).toBe(true);
    expect(out.metrics.falseMatchPairs).toBeLessThanOrEqual(2000);
    expect(JSON.parse(JSON.stringify(out)).figures.length).toBe(10);
  });
});
