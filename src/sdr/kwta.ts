/**
 * k-winners-take-all: the SDR of the k largest values (the inhibition step of a spatial
 * pooler, or of a k-WTA retrieval in an associative memory).
 */
import { ParameterError } from '../core/errors.js';
import { resolveRng, sampleSorted, type RandomSource } from './randomSource.js';
import { SDR } from './sdr.js';

/**
 * The k indices with the largest values, as an SDR.
 *
 * Ties at the k-th value: with `rng`, the winners among the tied values are drawn
 * uniformly at random (reproducible: same seed, same winners); without it, the lowest
 * indices win. Values may be ±Infinity; NaN is rejected.
 *
 * @param values - one score per bit (e.g. dendritic sums), length = output size
 * @param k - number of winners, an integer in [0, values.length]
 * @param rng - optional `Rng` or seed for tie-breaking
 * @param dimensions - output shape (default `[values.length]`; the product must equal values.length)
 * @returns a new SDR with exactly k active bits
 * @example
 * kWTA([0.1, 5, 3, 5], 2).sparse;     // Uint32Array [1, 3]
 * kWTA([1, 1, 1, 1], 2, 42).getSum(); // 2 (which two depends only on the seed)
 */
export function kWTA(
  values: ArrayLike<number>,
  k: number,
  rng?: RandomSource,
  dimensions?: number | readonly number[],
): SDR {
  const ctx = 'kWTA';
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number' || values.length === 0) {
    throw new ParameterError('values', values, 'a non-empty array of numbers', ctx);
  }
  const n = values.length;
  const out = new SDR(dimensions ?? n);
  if (out.size !== n) {
    throw new ParameterError('dimensions', dimensions, `dimensions whose product is values.length = ${n}`, ctx);
  }
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k > n) {
    throw new ParameterError('k', k, `an integer in [0, ${n}]`, ctx);
  }
  const gen = rng === undefined ? null : resolveRng(rng, 'rng', ctx);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || Number.isNaN(v)) throw new ParameterError(`values[${i}]`, v, 'a number (not NaN)', ctx);
    sorted[i] = v;
  }
  if (k === 0) return out;
  sorted.sort();
  const threshold = sorted[n - k];
  let above = 0;
  let ties = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v > threshold) above++;
    else if (v === threshold) ties++;
  }
  const needed = k - above; // 1 <= needed <= ties
  const tieIdx = new Uint32Array(ties);
  const winners = new Uint32Array(k);
  let w = 0;
  for (let i = 0, t = 0; i < n; i++) {
    const v = values[i];
    if (v > threshold) winners[w++] = i;
    else if (v === threshold) tieIdx[t++] = i;
  }
  if (needed === ties) {
    for (let t = 0; t < ties; t++) winners[w++] = tieIdx[t];
  } else if (gen === null) {
    for (let t = 0; t < needed; t++) winners[w++] = tieIdx[t];
  } else {
    const pick = sampleSorted(gen, ties, needed);
    for (let t = 0; t < needed; t++) winners[w++] = tieIdx[pick[t]];
  }
  winners.sort();
  return out.setSparse(winners);
}
