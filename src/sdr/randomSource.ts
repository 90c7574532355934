/**
 * Where SDR operations take their randomness from: a seeded {@link Rng} that the caller
 * owns (draws advance it), or a seed from which a fresh generator is made for this one
 * call (so the same seed always gives the same result, as htm.core's `seed` arguments).
 */
import { ParameterError } from '../core/errors.js';
import { Rng, type Seed } from '../core/rng.js';

/** An {@link Rng} (advanced by the call) or a seed (a fresh generator per call). */
export type RandomSource = Rng | Seed;

/**
 * The generator for a {@link RandomSource}.
 *
 * @param source - an `Rng`, a non-negative integer seed or a string seed
 * @param name - parameter name for the error message
 * @param context - caller name for the error message
 * @example
 * const rng = resolveRng(42, 'rng', 'SDR.randomize'); // new Rng(42)
 */
export function resolveRng(source: unknown, name: string, context: string): Rng {
  if (source instanceof Rng) return source;
  if (typeof source === 'string') return new Rng(source);
  if (typeof source === 'number' && Number.isInteger(source) && source >= 0) return new Rng(source);
  throw new ParameterError(
    name,
    source,
    'an Rng, a non-negative integer seed or a string seed',
    context,
    'every random draw in Engram is seeded: pass new Rng(seed) or a seed',
  );
}

/** Largest population {@link sampleSorted} samples with its shared marker array. */
const MARK_LIMIT = 1 << 24;
let marks = new Uint8Array(0);

/**
 * k distinct integers drawn uniformly from [0, n), sorted ascending: Floyd's algorithm
 * (k draws from `rng`) with a shared marker array, so no per-call set or pool of size n
 * is built. Populations above 2^24 fall back to `rng.sampleWithoutReplacement`.
 *
 * @param rng - the generator to draw from (advanced by k or more draws)
 * @param n - population size (integer >= 0)
 * @param k - sample size, an integer in [0, n]
 * @example
 * sampleSorted(new Rng(1), 2048, 40); // 40 sorted distinct indices in [0, 2048)
 */
export function sampleSorted(rng: Rng, n: number, k: number): Uint32Array {
  if (!Number.isInteger(n) || n < 0) throw new ParameterError('n', n, 'an integer >= 0', 'sampleSorted');
  if (!Number.isInteger(k) || k < 0 || k > n) throw new ParameterError('k', k, `an integer in [0, n = ${n}]`, 'sampleSorted');
  if (n > MARK_LIMIT) return rng.sampleWithoutReplacement(n, k);
  const out = new Uint32Array(k);
  if (k === 0) return out;
  if (marks.length < n) marks = new Uint8Array(Math.max(n, 2 * marks.length));
  const mark = marks;
  let c = 0;
  for (let j = n - k; j < n; j++) {
    const t = rng.int(j + 1);
    const v = mark[t] === 1 ? j : t;
    mark[v] = 1;
    out[c++] = v;
  }
  if (k * 8 > n) {
    // dense sample: collect in order by scanning the marks (and clear them)
    for (let i = 0, m = 0; m < k; i++) {
      if (mark[i] === 1) {
        mark[i] = 0;
        out[m++] = i;
      }
    }
    return out;
  }
  for (let i = 0; i < k; i++) mark[out[i]] = 0;
  return out.sort();
}
