import { describe, expect, it } from 'vitest';
import type { ExperimentMeta } from '../../../src/io/experiment.js';
import { ExperimentDefinitionError, toExperiment } from '../../../src/io/validateExperiment.js';
import { sampleMeta } from '../../fixtures/sampleResult.js';

const run = async () => ({ metrics: {}, series: {}, figures: [] });

function withMeta(change: Partial<ExperimentMeta>): unknown {
  return { meta: { ...sampleMeta, ...change }, run };
}

describe('toExperiment', () => {
  it('toExperiment(namespace) accepts named exports meta and run', async () => {
    const experiment = toExperiment({ meta: sampleMeta, run }, 'x.ts');
    expect(experiment.meta.name).toBe('sample');
    await expect(experiment.run({}, {} as never)).resolves.toEqual({ metrics: {}, series: {}, figures: [] });
  });

  it('toExperiment(namespace) accepts a default export holding meta and run', () => {
    expect(toExperiment({ default: { meta: sampleMeta, run } }, 'x.ts').meta).toBe(sampleMeta);
  });

  it('toExperiment() rejects a module without meta or run, naming the file', () => {
    expect(() => toExperiment({ meta: sampleMeta }, 'experiments/x.ts')).toThrow(
      "experiments/x.ts is not an experiment module: it must export 'meta' (ExperimentMeta) and 'run(params, context)'",
    );
    expect(() => toExperiment(null, 'x.ts')).toThrow(ExperimentDefinitionError);
  });

  it('toExperiment() rejects metadata that breaks the contract', () => {
    const cases: [unknown, RegExp][] = [
      [withMeta({ title: '' }), /meta\.title must be a non-empty string/],
      [withMeta({ name: 'Bad Name' }), /meta\.name 'Bad Name' must be lower case/],
      [withMeta({ parameters: { seed: { type: 'integer', default: 1, description: '' } } }), /'seed' is reserved/],
      [withMeta({ parameters: { 'tau m': { type: 'number', default: 1, description: '' } } }), /not usable as a command-line option/],
      [withMeta({ parameters: { x: { type: 'float' as 'number', default: 1, description: '' } } }), /has type "float"/],
      [withMeta({ parameters: { x: { type: 'number', default: 200, max: 100, description: '' } } }), /sample \(default\): parameter 'x' = 200/],
      [withMeta({ parameters: { x: { type: 'number', default: 1, quick: -1, min: 0, description: '' } } }), /quick value/],
    ];
    for (const [namespace, message] of cases) expect(() => toExperiment(namespace, 'x.ts')).toThrow(message);
  });
});
