import { describe, expect, it } from 'vitest';
import { lineFigure } from '../../../src/figures/line.js';

describe('lineFigure', () => {
  it('lineFigure(input) draws one named curve per y row over the shared x', () => {
    const fig = lineFigure({ title: 'L', x: [0, 1], ys: [[1, 2], [3, NaN]], names: ['a', 'b'], xLabel: 'x', yLabel: 'y', logY: true });
    expect(fig.data).toHaveLength(2);
    expect(fig.data[1]).toMatchObject({ name: 'b', x: [0, 1], y: [3, null], mode: 'lines' });
    expect(fig.layout).toMatchObject({ showlegend: true, xaxis: { title: { text: 'x' } }, yaxis: { title: { text: 'y' }, type: 'log' } });
  });

  it('lineFigure() rejects a curve whose length differs from x', () => {
    expect(() => lineFigure({ title: 'L', x: [0, 1], ys: [[1]] })).toThrow(/ys\[0\]/);
  });
});
