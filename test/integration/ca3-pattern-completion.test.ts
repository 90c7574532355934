import { describe, expect, it } from 'vitest';
import { meta, run } from '../../experiments/ca3-pattern-completion.js';
import type { ExperimentContext, ExperimentOutput, ParameterValues } from '../../src/io/experiment.js';
import { toExperiment } from '../../src/io/validateExperiment.js';
import { buildFigure } from '../../src/figures/registry.js';
import { quickParams as quickParamsOf, testContext } from '../fixtures/experimentContext.js';

const quickParams = (): ParameterValues => quickParamsOf(meta);
const context = (seed: number, signal?: AbortSignal): ExperimentContext => testContext(seed, signal).ctx;

describe('experiment ca3-pattern-completion (quick)', () => {
  let out: ExperimentOutput;

  it('run(quick params) recalls half-pattern cues almost perfectly at low load (overlap >= 0.95)', async () => {
    out = await run(quickParams(), context(1));
    expect(out.interrupted).toBe(false);
    expect(out.metrics.overlapFirstLoad).toBeGreaterThanOrEqual(0.95);
  });

  it('recall degrades with load as the Willshaw prediction says (overlap within 0.1 of sqrt(k / (k + E[FP])); E[FP] within 4 SE + 15 %)', () => {
    const overlap = out.series.overlap as number[];
    const theory = out.series.theory as number[];
    expect(overlap.length).toBe(3);
    for (let i = 0; i < overlap.length; i++) expect(Math.abs(overlap[i] - theory[i])).toBeLessThan(0.1);
    for (let i = 1; i < overlap.length; i++) expect(overlap[i]).toBeLessThan(overlap[i - 1]);
    expect(out.metrics.overlapLastLoad).toBeLessThan(0.8);
    const failed = (out.comparisons ?? []).filter((c) => !c.pass);
    expect(failed.map((c) => `${c.name}: ${c.measured} vs ${c.expected} ± ${c.tolerance}`)).toEqual([]);
    // no misses with θ = c
    expect(out.metrics.load0_falseNegatives).toBe(0);
  });

  it('larger cue fractions recall at least as well, and every figure builds', () => {
    const [sweep] = out.series.cueCurves as number[][];
    expect(sweep[sweep.length - 1]).toBeGreaterThanOrEqual(sweep[0]);
    const back = JSON.parse(JSON.stringify(out)) as ExperimentOutput;
    expect(back.figures.map((f) => f.kind)).toEqual(['recall-load', 'line', 'line', 'raster']);
    for (const f of back.figures) expect(buildFigure(f, back.series).data.length).toBeGreaterThanOrEqual(1);
  });
});

describe('experiment ca3-pattern-completion (contract and reproducibility)', () => {
  const tiny = (): ParameterValues => ({ ...quickParams(), n: 100, loads: '0.2', trials: 3, cueFractions: '0.5' });

  it("meta passes the runner's experiment checks", () => {
    expect(toExperiment({ meta, run }, 'experiments/ca3-pattern-completion.ts').meta.name).toBe('ca3-pattern-completion');
  });

  it('the same seed gives the same result; another seed another one', async () => {
    const a = await run(tiny(), context(3));
    const b = await run(tiny(), context(3));
    const c = await run(tiny(), context(4));
    expect(b.series).toEqual(a.series);
    expect(c.series).not.toEqual(a.series);
  });

  it('an aborted run stops early and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const res = await run(tiny(), context(1, controller.signal));
    expect(res.interrupted).toBe(true);
  });
});
