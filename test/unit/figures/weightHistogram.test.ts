import { describe, expect, it } from 'vitest';
import { weightHistogramFigure } from '../../../src/figures/weightHistogram.js';

describe('weightHistogramFigure', () => {
  it('weightHistogramFigure(snapshots) draws counts as a heatmap of time against weight', () => {
    const fig = weightHistogramFigure({ title: 'H', times: [0, 100], snapshots: [[0, 0, 1], [1, 1, 1]], bins: 2, range: [0, 1] });
    expect(fig.data[0]).toMatchObject({ type: 'heatmap', x: [0, 100], y: [0.25, 0.75] });
    expect((fig.data[0] as { z: number[][] }).z).toEqual([
      [2, 0],
      [1, 3],
    ]);
    expect(fig.layout.xaxis).toMatchObject({ title: { text: 'time (ms)' } });
    expect(fig.layout.yaxis).toMatchObject({ title: { text: 'weight' } });
  });

  it('weightHistogramFigure(binned) uses given edges and counts', () => {
    const fig = weightHistogramFigure({ title: 'H', times: [0, 1], binned: { edges: [0, 2, 4], counts: [[1, 2], [3, 4]] } });
    expect(fig.data[0]).toMatchObject({ y: [1, 3], z: [[1, 3], [2, 4]] });
  });

  it('weightHistogramFigure() of a single snapshot is a plain histogram', () => {
    const fig = weightHistogramFigure({ title: 'H', times: [5], snapshots: [[0, 1, 1]], bins: 2 });
    expect(fig.data[0]).toMatchObject({ type: 'bar', y: [1, 2] });
  });

  it('weightHistogramFigure() rejects a time count that differs from the snapshots', () => {
    expect(() => weightHistogramFigure({ title: 'H', times: [0], snapshots: [[1], [2]] })).toThrow(/one time per snapshot/);
    expect(() => weightHistogramFigure({ title: 'H', times: [0] })).toThrow(/snapshots/);
  });
});
