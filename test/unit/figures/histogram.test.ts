import { describe, expect, it } from 'vitest';
import { histogramFigure } from '../../../src/figures/histogram.js';

describe('histogramFigure', () => {
  it('histogramFigure(input) draws one histogram trace per sample, dropping gaps', () => {
    const fig = histogramFigure({ title: 'H', samples: [[1, 2, NaN]], bins: 10, xLabel: 'ISI (ms)' });
    expect(fig.data[0]).toMatchObject({ type: 'histogram', x: [1, 2], nbinsx: 10 });
    expect(fig.layout).toMatchObject({ xaxis: { title: { text: 'ISI (ms)' } }, yaxis: { title: { text: 'count' } } });
  });

  it('histogramFigure({ density }) overlays several samples as densities', () => {
    const fig = histogramFigure({ title: 'H', samples: [[1], [2]], density: true });
    expect(fig.data).toHaveLength(2);
    expect(fig.data[0]).toMatchObject({ histnorm: 'probability density', opacity: 0.6 });
    expect(fig.layout).toMatchObject({ barmode: 'overlay', showlegend: true });
  });
});
