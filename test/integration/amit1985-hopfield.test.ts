import { describe, expect, it } from 'vitest';
import { meta, run } from '../../experiments/amit1985-hopfield.js';
import type { ExperimentContext, ExperimentOutput, ParameterValues } from '../../src/io/experiment.js';
import { toExperiment } from '../../src/io/validateExperiment.js';
import { buildFigure } from '../../src/figures/registry.js';
import { quickParams as quickParamsOf, testContext } from '../fixtures/experimentContext.js';

const quickParams = (): ParameterValues => quickParamsOf(meta);
const context = (seed: number, signal?: AbortSignal): ExperimentContext => testContext(seed, signal).ctx;

describe('experiment amit1985-hopfield (quick)', () => {
  let out: ExperimentOutput;

  it('run(quick params) keeps the replica-symmetric overlap up to alpha = 0.10 and loses it above alpha_c', async () => {
    out = await run(quickParams(), context(1));
    expect(out.interrupted).toBe(false);
    const failed = (out.comparisons ?? []).filter((c) => !c.pass);
    expect(failed.map((c) => `${c.name}: ${c.measured} vs ${c.expected}`)).toEqual([]);
    expect(out.metrics.comparisonsFailed).toBe(0);
    for (const N of [500, 1000]) {
      for (const a of ['0_03', '0_06', '0_09']) expect(out.metrics[`N${N}_overlapAt${a}`]).toBeGreaterThanOrEqual(0.99);
      // above alpha_c = 0.138 the retrieval state is lost (theory.md 3.1: N = 1000, 0.18 -> 0.38)
      const above = (out.metrics[`N${N}_overlapAt0_18`] + out.metrics[`N${N}_overlapAt0_21`] + out.metrics[`N${N}_overlapAt0_24`]) / 3;
      expect(above).toBeLessThan(0.6);
    }
    expect(out.metrics.N1000_overlapAt0_12).toBeGreaterThanOrEqual(0.99);
    expect(out.metrics.criticalLoadTheory).toBeCloseTo(0.1379, 4);
  });

  it('every figure builds and the output is JSON-serialisable', () => {
    const back = JSON.parse(JSON.stringify(out)) as ExperimentOutput;
    expect(back.figures.length).toBe(3);
    for (const f of back.figures) expect(buildFigure(f, back.series).data.length).toBeGreaterThanOrEqual(1);
  });
});

describe('experiment amit1985-hopfield (contract and reproducibility)', () => {
  const tiny = (): ParameterValues => ({ ...quickParams(), sizes: '100', alphaStep: 0.06, tested: 3 });

  it("meta passes the runner's experiment checks", () => {
    expect(toExperiment({ meta, run }, 'experiments/amit1985-hopfield.ts').meta.name).toBe('amit1985-hopfield');
  });

  it('the same seed gives the same result', async () => {
    const a = await run(tiny(), context(3));
    const b = await run(tiny(), context(3));
    expect(b.series).toEqual(a.series);
  });

  it('an aborted run stops early and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const out = await run(tiny(), context(1, controller.signal));
    expect(out.interrupted).toBe(true);
  });
});
