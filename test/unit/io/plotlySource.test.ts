import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlotlySource, plotlyBundlePath } from '../../../src/io/plotlySource.js';

describe('plotlySource', () => {
  it('plotlyBundlePath() finds the installed minified plotly.js bundle', () => {
    expect(existsSync(plotlyBundlePath())).toBe(true);
  });

  it('loadPlotlySource() returns the bundle text, read once', async () => {
    const first = loadPlotlySource();
    expect(loadPlotlySource()).toBe(first);
    const source = await first;
    expect(source).toContain('window.Plotly = Plotly');
    expect(source.length).toBeGreaterThan(1_000_000);
  });
});
