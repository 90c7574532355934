/**
 * Retrieval kernels of a Willshaw memory: pure functions over a {@link BitMatrix} that
 * write into arrays they are given (no allocation), used by {@link WillshawMemory}.
 *
 * - dendritic sums s_j = Σ_{i in cue} W_ij ({@link dendriticSums});
 * - threshold retrieval {j : s_j >= θ}; at θ = |cue| (the Willshaw threshold) this is the
 *   AND of the cue rows, 32 synapses per word ({@link thresholdRetrieve});
 * - k-WTA retrieval: the k largest sums, ties broken at random through an `Rng`
 *   ({@link kwtaRetrieve}), by a counting pass over the small integer sums.
 */
import type { Rng } from '../core/rng.js';
import type { BitMatrix } from './bitMatrix.js';

/** Scratch arrays for retrievals from a matrix with `cols` columns; allocate once, reuse. */
export interface RetrievalScratch {
  /** dendritic sums, one per column */
  readonly sums: Uint32Array;
  /** one word per 32 columns */
  readonly bits: Uint32Array;
  /** histogram of sums, indices 0..maxCue */
  hist: Uint32Array;
  /** tied candidates of a k-WTA */
  readonly ties: Uint32Array;
}

/** Scratch for a matrix of `cols` columns. */
export function retrievalScratch(cols: number): RetrievalScratch {
  return {
    sums: new Uint32Array(cols),
    bits: new Uint32Array((cols + 31) >>> 5),
    hist: new Uint32Array(64),
    ties: new Uint32Array(cols),
  };
}

/**
 * Dendritic sums s_j = Σ_{i in cue} W_ij into `sums` (zeroed first, length >= cols).
 *
 * @param matrix - the synapses (rows = cue units)
 * @param cue - active input units (valid, distinct row indices)
 * @param sums - output, one entry per column
 */
export function dendriticSums(matrix: BitMatrix, cue: ArrayLike<number>, sums: Uint32Array): void {
  sums.fill(0, 0, matrix.cols);
  for (let a = 0; a < cue.length; a++) matrix.addRowTo(cue[a], sums);
}

/** Writes the indices of the set bits of `bits` (ascending) into `out`; returns how many. */
function bitsToIndices(bits: Uint32Array, words: number, out: Uint32Array): number {
  let count = 0;
  for (let q = 0; q < words; q++) {
    let b = bits[q];
    const off = q << 5;
    while (b !== 0) {
      const low = b & -b;
      out[count++] = off + 31 - Math.clz32(low);
      b ^= low;
    }
  }
  return count;
}

/**
 * Threshold retrieval: writes {j : s_j >= theta} ascending into `out` (length >= cols) and
 * returns the count. θ = |cue| is the AND of the cue rows (no sums needed).
 */
export function thresholdRetrieve(
  matrix: BitMatrix,
  cue: ArrayLike<number>,
  theta: number,
  out: Uint32Array,
  scratch: RetrievalScratch,
): number {
  if (theta <= 0) {
    for (let j = 0; j < matrix.cols; j++) out[j] = j;
    return matrix.cols;
  }
  if (theta > cue.length) return 0;
  if (theta === cue.length) {
    matrix.andRows(cue, scratch.bits);
    return bitsToIndices(scratch.bits, matrix.wordsPerRow, out);
  }
  const sums = scratch.sums;
  dendriticSums(matrix, cue, sums);
  let count = 0;
  for (let j = 0; j < matrix.cols; j++) if (sums[j] >= theta) out[count++] = j;
  return count;
}

/**
 * k-WTA retrieval: the k columns with the largest sums, ascending, into `out`; returns
 * min(k, cols). Ties at the k-th sum are drawn uniformly through `rng` (lowest indices win
 * without one). Units with sum 0 take part only when fewer than k have a positive sum.
 */
export function kwtaRetrieve(
  matrix: BitMatrix,
  cue: ArrayLike<number>,
  k: number,
  out: Uint32Array,
  scratch: RetrievalScratch,
  rng?: Rng,
): number {
  const n = matrix.cols;
  const kk = Math.min(k, n);
  if (kk <= 0) return 0;
  const sums = scratch.sums;
  dendriticSums(matrix, cue, sums);
  const maxSum = cue.length;
  if (scratch.hist.length < maxSum + 1) scratch.hist = new Uint32Array(Math.max(maxSum + 1, 2 * scratch.hist.length));
  const hist = scratch.hist;
  hist.fill(0, 0, maxSum + 1);
  for (let j = 0; j < n; j++) hist[sums[j]]++;
  // the k-th largest sum: the largest t with #(s >= t) >= k
  let t = maxSum;
  let above = 0; // #(s > t)
  while (t > 0 && above + hist[t] < kk) {
    above += hist[t];
    t--;
  }
  const needed = kk - above; // winners among the ties (s === t)
  const tieCount = hist[t];
  const ties = scratch.ties;
  let count = 0;
  let nt = 0;
  for (let j = 0; j < n; j++) {
    const s = sums[j];
    if (s > t) out[count++] = j;
    else if (s === t) ties[nt++] = j;
  }
  if (needed >= tieCount || rng === undefined) {
    for (let i = 0; i < needed; i++) out[count++] = ties[i];
  } else {
    // partial Fisher-Yates over the tied candidates
    for (let i = 0; i < needed; i++) {
      const r = i + rng.int(tieCount - i);
      const tmp = ties[i];
      ties[i] = ties[r];
      ties[r] = tmp;
      out[count++] = ties[i];
    }
  }
  out.subarray(0, count).sort();
  return count;
}
