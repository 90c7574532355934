import { describe, expect, it } from 'vitest';
import { recallLoadFigure } from '../../../src/figures/recallLoad.js';

describe('recallLoadFigure', () => {
  it('recallLoadFigure(input) draws measured recall with error bars beside the theoretical curve', () => {
    const fig = recallLoadFigure({
      title: 'Recall',
      load: [10, 20],
      quality: [1, 0.5],
      error: [0.1, 0.2],
      theory: { load: [0, 10, 20], quality: [1, 0.95, 0.4] },
    });
    expect(fig.data[0]).toMatchObject({ name: 'measured', x: [10, 20], y: [1, 0.5], error_y: { array: [0.1, 0.2] } });
    expect(fig.data[1]).toMatchObject({ name: 'theory', x: [0, 10, 20], line: { dash: 'dash' } });
    expect(fig.layout.xaxis).toMatchObject({ title: { text: 'stored patterns' } });
    expect(fig.layout.yaxis).toMatchObject({ title: { text: 'recall quality' } });
  });

  it('recallLoadFigure({ capacity }) marks the capacity with a vertical line', () => {
    const fig = recallLoadFigure({ title: 'R', load: [1], quality: [1], capacity: 138, logX: true });
    expect(fig.layout.shapes?.[0]).toMatchObject({ type: 'line', x0: 138, x1: 138 });
    expect(fig.layout.xaxis).toMatchObject({ type: 'log' });
  });

  it('recallLoadFigure() rejects load and quality of different lengths', () => {
    expect(() => recallLoadFigure({ title: 'R', load: [1, 2], quality: [1] })).toThrow(/quality/);
  });
});
