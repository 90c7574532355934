/** bi1998-stdp-window --quick: the measured windows equal the analytic ones. */
import { describe, expect, it } from 'vitest';
import { meta, run } from '../../experiments/bi1998-stdp-window.js';
import { buildFigure } from '../../src/figures/registry.js';
import type { ExperimentOutput } from '../../src/io/experiment.js';
import { toExperiment } from '../../src/io/validateExperiment.js';
import { quickParams, testContext } from '../fixtures/experimentContext.js';

describe('experiment bi1998-stdp-window (quick)', () => {
  it('run(quick) measures each pair rule\'s window through the network equal to the analytic window', async () => {
    const c = testContext(1);
    const out = await run(quickParams(meta), c.ctx);
    expect(out.interrupted).toBe(false);
    expect(out.metrics.points).toBe(41);
    for (const key of ['pairAllToAll', 'pairNearest', 'vogels2011']) expect(out.metrics[`${key}_max_rel_error`], key).toBeLessThan(1e-5);
    // Bi & Poo: LTP for post after pre, LTD for post before pre (Song et al. amplitudes, Bi-Poo time constants)
    expect(out.metrics.pairAllToAll_dw_at_plus10).toBeCloseTo(0.005 * Math.exp(-10 / 16.8), 7);
    expect(out.metrics.pairAllToAll_dw_at_minus10).toBeCloseTo(-0.00525 * Math.exp(-10 / 33.7), 7);
    expect(out.metrics.vogels2011_dw_at_plus10).toBeCloseTo(out.metrics.vogels2011_dw_at_minus10, 9);
    expect((out.comparisons ?? []).every((x) => x.pass)).toBe(true);
    const back = JSON.parse(JSON.stringify(out)) as ExperimentOutput;
    expect(back.figures).toHaveLength(3);
    for (const f of back.figures) expect(buildFigure(f, back.series).data).toHaveLength(2);
    expect(c.progress.at(-1)).toMatchObject({ done: 3, total: 3 });
    expect(toExperiment({ meta, run }, 'experiments/bi1998-stdp-window.ts').meta.name).toBe('bi1998-stdp-window');
  });
});
