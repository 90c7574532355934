import { describe, expect, it } from 'vitest';
import { experimentHelp, USAGE } from '../../../src/cli/help.js';
import { sampleMeta } from '../../fixtures/sampleResult.js';

describe('help', () => {
  it('USAGE lists every command and run option', () => {
    for (const word of ['list', 'run', 'bench', 'dashboard', '--seed', '--out', '--quick', '--json', '--quiet', '--force']) {
      expect(USAGE).toContain(word);
    }
  });

  it('experimentHelp(meta) shows the paper, expected result and a row per parameter', () => {
    const text = experimentHelp(sampleMeta);
    expect(text).toContain('sample — Sample <experiment> & co');
    expect(text).toContain('Doe & Roe (2020)');
    expect(text).toContain('Expected: rate about 5 Hz');
    expect(text).toMatch(/--tauM\s+20\s+10\s+a number in \[1, 100\] \(ms\)\s+membrane time constant/);
    expect(text).toMatch(/--rule\s+"stdp"\s+one of 'stdp', 'hebb'\s+learning rule/);
  });

  it('experimentHelp(meta) of an experiment without parameters says so', () => {
    expect(experimentHelp({ ...sampleMeta, parameters: {} })).toContain('Parameters: none');
  });
});
