/**
 * The flagship experiment casanueva2024-ca3-cam (quick): the paper's functional test
 * reproduces every recorded output, maximum frequency shows the crosstalk, the large random
 * memory recalls exactly, and its figures build.
 */
import { describe, expect, it } from 'vitest';
import { meta, run } from '../../experiments/casanueva2024-ca3-cam.js';
import { buildFigure } from '../../src/figures/registry.js';
import { toExperiment } from '../../src/io/validateExperiment.js';
import { quickParams, testContext } from '../fixtures/experimentContext.js';

describe('experiment casanueva2024-ca3-cam (quick)', () => {
  it('run(quick params) gives all 9 recorded outputs of the functional test and exact recalls of the random memory', async () => {
    expect(() => toExperiment({ meta, run }, 'casanueva2024-ca3-cam')).not.toThrow();
    const { ctx, logs } = testContext(1);
    const out = await run(quickParams(meta), ctx);
    expect(out.metrics.functionalCorrect).toBe(9);
    expect((out.comparisons ?? []).every((c) => c.pass)).toBe(true);
    expect(out.metrics.maxFrequencyCorrect).toBe(7);
    expect(out.metrics.largeRecallAccuracy).toBe(1);
    expect(out.metrics.largeRecallAccuracy20ms).toBe(1);
    expect(out.metrics.largeRelearnAccuracy20ms).toBe(1);
    expect(logs.some((l) => l.includes('recall by cue 0'))).toBe(true);
    for (const f of out.figures) expect(() => buildFigure(f, out.series)).not.toThrow();
    expect(JSON.parse(JSON.stringify(out.series.functionalTable)).ok).toEqual(Array(9).fill(true));
  });
});
