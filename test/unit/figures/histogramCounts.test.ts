import { describe, expect, it } from 'vitest';
import { evenEdges, histogramCounts } from '../../../src/figures/histogramCounts.js';

describe('histogramCounts', () => {
  it('histogramCounts(values, edges) counts half-open bins, the last one closed', () => {
    expect(Array.from(histogramCounts([0, 0.5, 1, 2], [0, 1, 2]))).toEqual([2, 2]);
  });

  it('histogramCounts() skips values outside the edges and values that are not finite', () => {
    expect(Array.from(histogramCounts([-1, 3, NaN, null, 1.5], [0, 1, 2]))).toEqual([0, 1]);
  });

  it('histogramCounts() rejects fewer than two edges', () => {
    expect(() => histogramCounts([1], [0])).toThrow(/at least two/);
  });
});

describe('evenEdges', () => {
  it('evenEdges(min, max, bins) spaces bins + 1 edges evenly', () => {
    expect(Array.from(evenEdges(0, 1, 4))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('evenEdges(x, x, bins) widens a zero-width range', () => {
    expect(Array.from(evenEdges(2, 2, 1))).toEqual([1.5, 2.5]);
  });

  it('evenEdges() rejects bad bins and ranges', () => {
    expect(() => evenEdges(0, 1, 0)).toThrow(/bins/);
    expect(() => evenEdges(1, 0, 3)).toThrow(/max/);
  });
});
