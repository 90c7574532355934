import { describe, expect, it } from 'vitest';
import { EngramError, ParameterError } from '../../../src/core/errors.js';
import type { Experiment } from '../../../src/io/experiment.js';
import { checkSeed, DEFAULT_SEED, prepareRun, runExperiment } from '../../../src/io/runExperiment.js';
import { experiment as demo } from '../../fixtures/demoExperiment.js';
import { sampleProvenance } from '../../fixtures/sampleResult.js';

const provenance = sampleProvenance;

describe('runExperiment', () => {
  it('runExperiment(experiment, { quick }) runs with the quick values and returns a complete result', async () => {
    const result = await runExperiment(demo, { quick: true, provenance });
    expect(result.status).toBe('complete');
    expect(result.quick).toBe(true);
    expect(result.parameters.duration).toBe(200);
    expect(result.parameters.neurons).toBe(30);
    expect(result.seed).toBe(DEFAULT_SEED);
    expect(result.metrics.simulatedMs).toBe(200);
    expect(result.engramVersion).toBe('9.9.9');
  });

  it('runExperiment() with the same seed gives the same series; another seed gives others', async () => {
    const a = await runExperiment(demo, { quick: true, seed: 7, provenance });
    const b = await runExperiment(demo, { quick: true, seed: 7, provenance });
    const c = await runExperiment(demo, { quick: true, seed: 8, provenance });
    expect(a.series).toEqual(b.series);
    expect(a.series.spikeTimes).not.toEqual(c.series.spikeTimes);
  });

  it('runExperiment() reports progress and log lines through the context', async () => {
    const progress: number[] = [];
    const logs: string[] = [];
    await runExperiment(demo, {
      quick: true,
      provenance,
      onProgress: (p) => progress.push(p.done),
      log: (m) => logs.push(m),
    });
    expect(progress.at(-1)).toBe(200);
    expect(progress.length).toBeGreaterThan(10);
    expect(logs[0]).toContain('fixture-demo');
  });

  it('runExperiment() whose signal is aborted mid-run returns status interrupted with what was done', async () => {
    const controller = new AbortController();
    const result = await runExperiment(demo, {
      quick: true,
      provenance,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 50) controller.abort();
      },
    });
    expect(result.status).toBe('interrupted');
    expect(result.metrics.simulatedMs).toBeGreaterThanOrEqual(50);
    expect(result.metrics.simulatedMs).toBeLessThan(200);
  });

  it('runExperiment() rejects bad parameters and seeds before running', async () => {
    let ran = false;
    const spy: Experiment = { meta: demo.meta, run: async (p, c) => ((ran = true), demo.run(p, c)) };
    await expect(runExperiment(spy, { parameters: { neurons: 0 } })).rejects.toThrow(ParameterError);
    await expect(runExperiment(spy, { parameters: { nope: 1 } })).rejects.toThrow(/'nope' is not one of its parameters/);
    await expect(runExperiment(spy, { seed: -1 })).rejects.toThrow(/parameter 'seed' = -1/);
    expect(ran).toBe(false);
  });

  it('runExperiment() rejects an experiment that returns nothing', async () => {
    const broken = { meta: demo.meta, run: async () => undefined } as unknown as Experiment;
    await expect(runExperiment(broken, { provenance })).rejects.toThrow(EngramError);
    await expect(runExperiment(broken, { provenance })).rejects.toThrow(/run\(\) returned undefined/);
  });
});

describe('checkSeed and prepareRun', () => {
  it('checkSeed(seed) accepts integers in [0, 2^32 - 1] only', () => {
    expect(checkSeed(0)).toBe(0);
    expect(checkSeed(4294967295)).toBe(4294967295);
    for (const bad of [-1, 1.5, 4294967296, NaN, '3']) expect(() => checkSeed(bad)).toThrow(ParameterError);
  });

  it('prepareRun(experiment, options) validates without running', () => {
    expect(prepareRun(demo, { quick: true, seed: 3 })).toMatchObject({ seed: 3, quick: true, parameters: { duration: 200 } });
  });
});
