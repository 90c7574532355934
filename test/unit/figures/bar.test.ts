import { describe, expect, it } from 'vitest';
import { barFigure } from '../../../src/figures/bar.js';

describe('barFigure', () => {
  it('barFigure(input) draws one bar per label with error bars', () => {
    const fig = barFigure({ title: 'B', labels: ['exc', 'inh'], values: [5, 6], errors: [1, 2], yLabel: 'rate (Hz)' });
    expect(fig.data[0]).toMatchObject({ type: 'bar', x: ['exc', 'inh'], y: [5, 6], error_y: { array: [1, 2] } });
    expect(fig.layout).toMatchObject({ yaxis: { title: { text: 'rate (Hz)' } } });
  });

  it('barFigure() rejects labels and values of different lengths', () => {
    expect(() => barFigure({ title: 'B', labels: ['a'], values: [] })).toThrow(/values/);
  });
});
