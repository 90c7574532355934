import { describe, expect, it } from 'vitest';
import { meta, run } from '../../experiments/willshaw1969-capacity.js';
import type { ExperimentContext, ExperimentOutput, ParameterValues } from '../../src/io/experiment.js';
import { toExperiment } from '../../src/io/validateExperiment.js';
import { buildFigure } from '../../src/figures/registry.js';
import { quickParams as quickParamsOf, testContext } from '../fixtures/experimentContext.js';
import { willshawExpectedFalsePositives } from '../../src/memory/willshawTheory.js';

const quickParams = (): ParameterValues => quickParamsOf(meta);
const context = (seed: number, signal?: AbortSignal): ExperimentContext => testContext(seed, signal).ctx;

describe('experiment willshaw1969-capacity (quick)', () => {
  let out: ExperimentOutput;

  it('run(quick params) matches the exact false-positive expectation within 4 standard errors at every load', async () => {
    out = await run(quickParams(), context(1));
    expect(out.interrupted).toBe(false);
    const failed = (out.comparisons ?? []).filter((c) => !c.pass);
    expect(failed.map((c) => `${c.name}: ${c.measured} vs ${c.expected} ± ${c.tolerance}`)).toEqual([]);
    expect(out.metrics.pointsCompared).toBe(2 * 6 * 3);
    expect(out.metrics.comparisonsFailed).toBe(0);
  });

  it('the simulated loads follow willshawLoad and the last full-cue point agrees with the exact E[FP]', () => {
    for (const n of [1000, 2048]) {
      const measured = out.series[`n${n}_load`] as number[];
      const theory = out.series[`n${n}_theoryLoad`] as number[];
      measured.forEach((p, i) => expect(Math.abs(p - theory[i])).toBeLessThan(0.002));
      expect(out.metrics[`n${n}_fullCueFalsePositivesLastExact`]).toBeCloseTo(
        willshawExpectedFalsePositives({ n, k: out.metrics[`n${n}_k`], M: (out.series[`n${n}_M`] as number[])[5], c: out.metrics[`n${n}_k`] }),
        12,
      );
    }
    // about 0.6 bits per synapse at load 0.5 (theory.md 2.2: 0.599 and 0.602)
    expect(out.metrics.n1000_bitsPerSynapseAtHalfLoad).toBeCloseTo(0.599, 2);
    expect(out.metrics.n2048_bitsPerSynapseAtHalfLoad).toBeCloseTo(0.602, 2);
  });

  it('insertions hurt a fixed threshold far more than k-WTA at high load', () => {
    for (const n of [1000, 2048]) {
      expect(out.metrics[`n${n}_insertionsKwtaErrorsLast`]).toBeLessThan(out.metrics[`n${n}_insertionsThetaErrorsLast`] / 5);
    }
  });

  it('every figure builds and the output is JSON-serialisable', () => {
    const back = JSON.parse(JSON.stringify(out)) as ExperimentOutput;
    expect(back.figures.length).toBe(5);
    for (const f of back.figures) expect(buildFigure(f, back.series).data.length).toBeGreaterThanOrEqual(1);
  });
});

describe('experiment willshaw1969-capacity (contract and reproducibility)', () => {
  const tiny = (): ParameterValues => ({ ...quickParams(), sizes: '256', loads: 3, trials: 50 });

  it("meta passes the runner's experiment checks", () => {
    expect(toExperiment({ meta, run }, 'experiments/willshaw1969-capacity.ts').meta.name).toBe('willshaw1969-capacity');
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
    const out = await run(tiny(), context(1, controller.signal));
    expect(out.interrupted).toBe(true);
    expect(out.metrics.retrievals).toBeLessThan(3 * 5 * 50);
  });
});
