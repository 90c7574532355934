import { describe, expect, it } from 'vitest';
import { heatmapFigure } from '../../../src/figures/heatmap.js';

describe('heatmapFigure', () => {
  it('heatmapFigure(input) draws z with default or given coordinates', () => {
    const fig = heatmapFigure({ title: 'M', z: [[1, 2], [3, 4]], zLabel: 'overlap' });
    expect(fig.data[0]).toMatchObject({ type: 'heatmap', z: [[1, 2], [3, 4]], x: [0, 1], y: [0, 1], colorbar: { title: { text: 'overlap' } } });
    const placed = heatmapFigure({ title: 'M', z: [[1, 2]], x: [10, 20], y: [5] });
    expect(placed.data[0]).toMatchObject({ x: [10, 20], y: [5] });
  });

  it('heatmapFigure() rejects ragged rows', () => {
    expect(() => heatmapFigure({ title: 'M', z: [[1, 2], [3]] })).toThrow(/z\[1\]/);
  });
});
