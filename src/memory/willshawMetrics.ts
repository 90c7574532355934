/**
 * Retrieval quality of associative memories: false positives (units recalled that are not
 * in the stored pattern), false negatives (pattern units missed), the fraction of perfect
 * retrievals, and the information measure of PyNAM (Stöckel et al. 2017,
 * `pynam/entropy.py`): per sample, with N0 false negatives and N1 false positives among n
 * output bits of which d are 1,
 *
 *   I_k = [ln C(n, d) − ln C(N1 + d − N0, d − N0) − ln C(n − N1 − d + N0, N0)] / ln 2  (bits),
 *
 * I = Σ_k I_k, and I_n = I / I_ref against the errors of the ideal (non-spiking) memory
 * trained on the same data. C is the real-argument binomial (error counts may be fractional).
 */
import { ParameterError } from '../core/errors.js';
import { SDR } from '../sdr/sdr.js';
import { lnChooseReal } from './lgamma.js';

/** Errors of one retrieval: false positives and false negatives (may be real-valued, as PyNAM's). */
export interface RecallErrors {
  /** units recalled that are not in the stored pattern */
  readonly fp: number;
  /** units of the stored pattern that were not recalled */
  readonly fn: number;
}

/** Summary of many retrievals. */
export interface RecallSummary {
  /** number of retrievals */
  readonly count: number;
  readonly meanFalsePositives: number;
  /** sample standard deviation of the false positives */
  readonly sdFalsePositives: number;
  readonly meanFalseNegatives: number;
  readonly sdFalseNegatives: number;
  /** fraction of retrievals with fp = fn = 0 */
  readonly perfectFraction: number;
}

function sparseOf(value: unknown, name: string, ctx: string): Uint32Array {
  if (value instanceof SDR) return value.sparse;
  if (value instanceof Uint32Array) return value;
  throw new ParameterError(name, value, 'an SDR or a sorted Uint32Array of unit indices', ctx);
}

/**
 * False positives and negatives of a retrieval: fp = |recalled \ target|, fn = |target \ recalled|.
 *
 * @param recalled - the retrieved units (an SDR, or a sorted Uint32Array)
 * @param target - the stored pattern (same kind)
 * @example
 * recallErrors(SDR.fromSparse(10, [1, 2, 3]), SDR.fromSparse(10, [2, 3, 4])); // { fp: 1, fn: 1 }
 */
export function recallErrors(recalled: SDR | Uint32Array, target: SDR | Uint32Array): RecallErrors {
  const ctx = 'recallErrors';
  const a = sparseOf(recalled, 'recalled', ctx);
  const b = sparseOf(target, 'target', ctx);
  if (recalled instanceof SDR && target instanceof SDR && recalled.size !== target.size) {
    throw new ParameterError('target', target, `an SDR of size ${recalled.size} (the size of recalled)`, ctx);
  }
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { fp: a.length - common, fn: b.length - common };
}

/**
 * Means, standard deviations and the perfect fraction of a list of retrieval errors.
 *
 * @example
 * summarizeRecalls([{ fp: 0, fn: 0 }, { fp: 2, fn: 0 }]).perfectFraction; // 0.5
 */
export function summarizeRecalls(errors: readonly RecallErrors[]): RecallSummary {
  if (!Array.isArray(errors) || errors.length === 0) {
    throw new ParameterError('errors', errors, 'a non-empty array of { fp, fn }', 'summarizeRecalls');
  }
  let sfp = 0;
  let sfp2 = 0;
  let sfn = 0;
  let sfn2 = 0;
  let perfect = 0;
  for (const e of errors) {
    sfp += e.fp;
    sfp2 += e.fp * e.fp;
    sfn += e.fn;
    sfn2 += e.fn * e.fn;
    if (e.fp === 0 && e.fn === 0) perfect++;
  }
  const N = errors.length;
  const sd = (s: number, s2: number): number => (N > 1 ? Math.sqrt(Math.max(0, (s2 - (s * s) / N) / (N - 1))) : 0);
  return {
    count: N,
    meanFalsePositives: sfp / N,
    sdFalsePositives: sd(sfp, sfp2),
    meanFalseNegatives: sfn / N,
    sdFalseNegatives: sd(sfn, sfn2),
    perfectFraction: perfect / N,
  };
}

/**
 * PyNAM's information of a set of retrievals, bits (`entropy_hetero`; see the module doc).
 *
 * @param errors - one `{ fp, fn }` per sample (fn <= d, fp <= n − d; real values allowed)
 * @param n - output bits, integer >= 1
 * @param d - ones per output vector, integer in [1, n]
 * @example
 * binamInformation([{ fp: 1, fn: 0 }, { fp: 0, fn: 0 }, { fp: 2, fn: 0 }], 16, 3); // 22.06592095594754
 */
export function binamInformation(errors: readonly RecallErrors[], n: number, d: number): number {
  const ctx = 'binamInformation';
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ParameterError('n', n, 'an integer >= 1', ctx);
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > n) throw new ParameterError('d', d, `an integer in [1, ${n}]`, ctx);
  if (!Array.isArray(errors)) throw new ParameterError('errors', errors, 'an array of { fp, fn }', ctx);
  const lnCnd = lnChooseReal(n, d);
  let e = 0;
  for (let k = 0; k < errors.length; k++) {
    const entry = errors[k] as RecallErrors | null;
    const N1 = entry?.fp;
    const N0 = entry?.fn;
    if (typeof N1 !== 'number' || !(N1 >= 0 && N1 <= n - d)) {
      throw new ParameterError(`errors[${k}].fp`, N1, `a number in [0, ${n - d}] (false positives)`, ctx);
    }
    if (typeof N0 !== 'number' || !(N0 >= 0 && N0 <= d)) {
      throw new ParameterError(`errors[${k}].fn`, N0, `a number in [0, ${d}] (false negatives)`, ctx);
    }
    e += (lnCnd - lnChooseReal(N1 + d - N0, d - N0) - lnChooseReal(n - N1 - d + N0, N0)) / Math.LN2;
  }
  return e;
}

/**
 * PyNAM's normalised information I_n = I / I_ref: the information of the measured errors
 * over that of the reference (ideal, non-spiking) memory's errors on the same data.
 *
 * @example
 * binamNormalizedInformation(spikingErrors, idealErrors, 16, 3); // in [0, 1] when the spiking net does no better
 */
export function binamNormalizedInformation(
  errors: readonly RecallErrors[],
  referenceErrors: readonly RecallErrors[],
  n: number,
  d: number,
): number {
  const ref = binamInformation(referenceErrors, n, d);
  if (!(ref > 0)) {
    throw new ParameterError('referenceErrors', referenceErrors, 'errors whose information is > 0', 'binamNormalizedInformation');
  }
  return binamInformation(errors, n, d) / ref;
}
