import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, runSummary } from '../../../src/cli/summary.js';
import { sampleResult } from '../../fixtures/sampleResult.js';

describe('runSummary', () => {
  const files = { directory: '/w/r', result: '/w/r/result.json', report: '/w/r/report.html' };

  it('runSummary(result, files, cwd) shows status, metrics, failed comparisons and paths', () => {
    const text = runSummary(sampleResult(), files, '/w');
    expect(text.split('\n')[0]).toBe('sample: complete in 2.5 s (seed 42, backend cpu)');
    expect(text).toMatch(/\n  rate\s+5\.25\n/);
    expect(text).toMatch(/\n  cv\s+—\n/);
    expect(text).toContain('1/2 within tolerance');
    expect(text).toContain('✗ cv: measured —, expected 1 ± 0.1 (Poisson)');
    expect(text).toContain(`result.json   ${join('r', 'result.json')}`);
  });

  it('runSummary() of an interrupted run says the files are partial', () => {
    expect(runSummary(sampleResult({ status: 'interrupted' }), files, '/w')).toContain('interrupted: the files hold what was done');
  });

  it('displayPath(path, cwd) is relative inside cwd and absolute outside', () => {
    expect(displayPath('/w/a/b', '/w')).toBe(join('a', 'b'));
    expect(displayPath('/x/a', '/w')).toBe('/x/a');
  });
});
