import { describe, expect, it } from 'vitest';
import {
  ExperimentUnavailableError,
  findExperiment,
  loadRegisteredExperiment,
  looksLikePath,
} from '../../../src/cli/experimentRegistry.js';
import { UsageError } from '../../../src/cli/usageError.js';
import { fixtureRegistry } from '../../fixtures/cliHarness.js';
import { meta, run } from '../../fixtures/demoExperiment.js';

describe('experiment registry', () => {
  it('findExperiment(name, registry) loads a registered experiment on demand', async () => {
    const experiment = await findExperiment('fixture-demo', fixtureRegistry, process.cwd());
    expect(experiment.meta).toBe(meta);
  });

  it('findExperiment(path) loads a module by its path', async () => {
    const experiment = await findExperiment('test/fixtures/demoExperiment.ts', [], process.cwd());
    expect(experiment.meta.name).toBe('fixture-demo');
  });

  it('findExperiment(unknown) throws a UsageError listing the names and a suggestion', async () => {
    await expect(findExperiment('fixture', fixtureRegistry, '.')).rejects.toThrow(UsageError);
    await expect(findExperiment('fixture-dmeo', fixtureRegistry, '.')).rejects.toThrow(
      "unknown experiment 'fixture-dmeo'; available: fixture-demo, fixture-missing (did you mean 'fixture-demo'?)",
    );
  });

  it('loadRegisteredExperiment(entry) of a missing module says which file is missing', async () => {
    await expect(loadRegisteredExperiment(fixtureRegistry[1])).rejects.toThrow(ExperimentUnavailableError);
    await expect(loadRegisteredExperiment(fixtureRegistry[1])).rejects.toThrow(
      "experiment 'fixture-missing' is not available: test/fixtures/missingExperiment.ts is missing",
    );
  });

  it('loadRegisteredExperiment(entry) of a module that fails to import gives its error', async () => {
    const entry = { name: 'x', file: 'experiments/x.ts', load: () => Promise.reject(new SyntaxError('Unexpected token')) };
    await expect(loadRegisteredExperiment(entry)).rejects.toThrow("experiment 'x' is not available: experiments/x.ts failed to load: Unexpected token");
  });

  it('loadRegisteredExperiment(entry) rejects a module whose meta.name differs from its registered name', async () => {
    const entry = { name: 'other', file: 'experiments/other.ts', load: async () => ({ meta, run }) };
    await expect(loadRegisteredExperiment(entry)).rejects.toThrow(/declares meta\.name 'fixture-demo' but is registered as 'other'/);
  });

  it('looksLikePath(argument) tells module paths from names', () => {
    expect(looksLikePath('vogels2005-cuba')).toBe(false);
    expect(looksLikePath('./x.ts')).toBe(true);
    expect(looksLikePath('experiments/x')).toBe(true);
    expect(looksLikePath('x.mjs')).toBe(true);
  });
});
