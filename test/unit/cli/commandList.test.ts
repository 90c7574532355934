import { describe, expect, it } from 'vitest';
import { listExperiments } from '../../../src/cli/commandList.js';
import { fixtureRegistry } from '../../fixtures/cliHarness.js';

describe('listExperiments', () => {
  it('listExperiments(registry) gives metadata of available experiments and the reason for missing ones', async () => {
    const listed = await listExperiments(fixtureRegistry);
    expect(listed[0]).toMatchObject({ name: 'fixture-demo', available: true, paper: expect.stringContaining('Dayan') });
    expect(listed[1]).toEqual({
      name: 'fixture-missing',
      file: 'test/fixtures/missingExperiment.ts',
      available: false,
      problem: 'test/fixtures/missingExperiment.ts is missing',
    });
  });

  it('listExperiments([]) is empty', async () => {
    expect(await listExperiments([])).toEqual([]);
  });
});
