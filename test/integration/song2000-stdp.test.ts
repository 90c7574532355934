/**
 * song2000-stdp --quick: the 100 s run of the Brian2 example parameters (no sweep),
 * checked against theory.md 4.2: >= 30 % of the weights in the outer deciles and a mean
 * output rate of 20-35 Hz after 100 s.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { meta, run, weightStats } from '../../experiments/song2000-stdp.js';
import { buildFigure } from '../../src/figures/registry.js';
import type { ExperimentOutput } from '../../src/io/experiment.js';
import { toExperiment } from '../../src/io/validateExperiment.js';
import { quickParams, testContext } from '../fixtures/experimentContext.js';

describe('experiment song2000-stdp (quick)', () => {
  let out: ExperimentOutput;
  beforeAll(async () => {
    out = await run(quickParams(meta), testContext(1).ctx);
  });

  it('run(quick) learns for 100 s: >= 30 % of weights in the outer deciles and a 20-35 Hz mean output rate (theory.md 4.2)', () => {
    const m = out.metrics;
    console.log(
      `song2000 quick: outer deciles ${m.outer_deciles_fraction} (initial ${m.outer_deciles_fraction_initial}), rate ${m.rate_hz} Hz (last 20 s ${m.rate_last20s_hz} Hz), loop ${m.loop_s.toFixed(2)} s`,
    );
    expect(out.interrupted).toBe(false);
    expect(m.simulated_ms).toBe(100_000);
    expect(m.outer_deciles_fraction).toBeGreaterThanOrEqual(0.3);
    expect(m.outer_deciles_fraction_initial).toBeGreaterThan(0.15);
    expect(m.outer_deciles_fraction_initial).toBeLessThan(0.25);
    expect(m.rate_hz).toBeGreaterThanOrEqual(20);
    expect(m.rate_hz).toBeLessThanOrEqual(35);
    // U shape: both end bins hold more than any middle bin
    const counts = Array.from({ length: 10 }, (_, b) => m[`hist_bin${b}`]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    const middle = Math.max(...counts.slice(2, 8));
    expect(counts[0]).toBeGreaterThan(middle);
    expect(counts[9]).toBeGreaterThan(middle);
    expect((out.comparisons ?? []).every((c) => c.pass)).toBe(true);
  });

  it('run(quick) keeps every weight in [0, gmax] and every figure builds', () => {
    const final = (out.series.finalWeights as number[][])[0];
    expect(final).toHaveLength(1000);
    for (const u of final) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThanOrEqual(1);
    }
    const back = JSON.parse(JSON.stringify(out)) as ExperimentOutput;
    expect(back.figures.map((f) => f.kind)).toEqual(['weight-histogram', 'line', 'line', 'line', 'weight-histogram']);
    for (const f of back.figures) expect(buildFigure(f, back.series).data.length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(out.metrics)) expect(Number.isFinite(value), name).toBe(true);
  });

  it('weightStats(w, gmax) counts the outer deciles and a 10-bin histogram', () => {
    expect(weightStats([0, 0.05, 0.5, 0.95, 1], 1)).toEqual({ low: 0.4, high: 0.4, counts: [2, 0, 0, 0, 0, 1, 0, 0, 0, 2] });
  });

  it('meta passes the runner\'s experiment checks', () => {
    expect(toExperiment({ meta, run }, 'experiments/song2000-stdp.ts').meta.name).toBe('song2000-stdp');
  });
});
