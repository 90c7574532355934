/**
 * Population firing rate from a spike list: spikes of the neurons `[start, start + size)`
 * counted in bins of `binMs`, divided by the number of neurons and the bin width.
 *
 *     rate(bin) = count(bin) / (size * binMs / 1000)   (Hz)
 */
import { ParameterError } from '../core/errors.js';

/** Which neurons and which time window {@link populationRate} covers. */
export interface PopulationRateOptions {
  /** first neuron index of the population; default 0 */
  readonly start?: number;
  /** number of neurons in the population (> 0) */
  readonly size: number;
  /** start of the window (ms) */
  readonly tStart: number;
  /** end of the window (ms), > tStart */
  readonly tStop: number;
  /** bin width (ms), > 0 */
  readonly binMs: number;
}

/** Bin centres (ms) and the population rate in each bin (Hz). */
export interface PopulationRate {
  readonly t: Float64Array;
  readonly rate: Float64Array;
}

/**
 * Bins the spikes of one population into a rate (Hz). Spikes outside the window or of
 * other neurons are ignored; a spike at exactly `tStop` counts in the last bin.
 *
 * @example
 * populationRate([1, 2, 6], [0, 1, 0], { size: 2, tStart: 0, tStop: 10, binMs: 5 });
 * // t = [2.5, 7.5], rate = [200, 100]
 */
export function populationRate(
  times: ArrayLike<number | null>,
  ids: ArrayLike<number | null>,
  options: PopulationRateOptions,
): PopulationRate {
  const { size, tStart, tStop, binMs } = options;
  const start = options.start ?? 0;
  if (!(size > 0)) throw new ParameterError('size', size, 'a number of neurons > 0', 'populationRate');
  if (!(binMs > 0)) throw new ParameterError('binMs', binMs, 'a bin width > 0 (ms)', 'populationRate');
  if (!(tStop > tStart)) throw new ParameterError('tStop', tStop, `a time > tStart = ${tStart} (ms)`, 'populationRate');
  const bins = Math.max(1, Math.ceil((tStop - tStart) / binMs - 1e-9));
  const counts = new Float64Array(bins);
  const n = Math.min(times.length, ids.length);
  for (let i = 0; i < n; i++) {
    const t = times[i];
    const id = ids[i];
    if (t === null || id === null || id < start || id >= start + size || t < tStart || t > tStop) continue;
    counts[Math.min(bins - 1, Math.floor((t - tStart) / binMs))] += 1;
  }
  const t = new Float64Array(bins);
  const rate = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    const lo = tStart + b * binMs;
    const width = Math.min(binMs, tStop - lo);
    t[b] = lo + width / 2;
    rate[b] = counts[b] / (size * (width / 1000));
  }
  return { t, rate };
}
