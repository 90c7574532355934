/**
 * Histogram counts over given bin edges: bin `b` holds the values in
 * `[edges[b], edges[b + 1])`, the last bin also its right edge. Values outside the edges
 * and values that are not finite are not counted.
 */
import { ParameterError } from '../core/errors.js';

/**
 * `bins + 1` evenly spaced edges from `min` to `max` (a zero-width range is widened by
 * 0.5 on each side so a constant sample still gets a bin).
 */
export function evenEdges(min: number, max: number, bins: number): Float64Array {
  if (!Number.isInteger(bins) || bins < 1) throw new ParameterError('bins', bins, 'an integer >= 1', 'evenEdges');
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) {
    throw new ParameterError('max', max, `a finite number >= min = ${min}`, 'evenEdges');
  }
  const lo = max === min ? min - 0.5 : min;
  const hi = max === min ? max + 0.5 : max;
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
  return edges;
}

/**
 * Counts `values` into the bins between `edges` (increasing, at least two).
 *
 * @example
 * histogramCounts([0, 0.5, 1, 2], [0, 1, 2]); // [2, 2]
 */
export function histogramCounts(values: ArrayLike<number | null>, edges: ArrayLike<number>): Float64Array {
  const bins = edges.length - 1;
  if (bins < 1) throw new ParameterError('edges', edges, 'at least two increasing bin edges', 'histogramCounts');
  const counts = new Float64Array(bins);
  const lo = edges[0];
  const hi = edges[bins];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || !Number.isFinite(v) || v < lo || v > hi) continue;
    // binary search for the last edge <= v
    let a = 0;
    let b = bins;
    while (b - a > 1) {
      const m = (a + b) >>> 1;
      if (edges[m] <= v) a = m;
      else b = m;
    }
    counts[a] += 1;
  }
  return counts;
}
