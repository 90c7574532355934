/**
 * A dense binary matrix packed 32 entries per `Uint32Array` word, row-major: the synapse
 * store of a Willshaw / BiNAM memory. Row i holds the outgoing synapses of input unit i
 * (bit j of the row = synapse i -> j), so one cue unit is one contiguous row and the
 * rows of a cue can be OR-ed, AND-ed or counted a word (32 synapses) at a time.
 *
 * Memory: rows · ceil(cols / 32) · 4 bytes; a 4096 x 4096 matrix takes 2 MiB.
 */
import { ParameterError } from '../core/errors.js';

/** Largest number of entries of a {@link BitMatrix} (2^31: the words fit one typed array). */
export const MAX_BIT_MATRIX_ENTRIES = 2 ** 31;

/**
 * Number of 1 bits of a 32-bit word (SWAR popcount).
 *
 * @param x - a 32-bit integer (any sign; taken as its 32 low bits)
 * @returns an integer in [0, 32]
 * @example
 * popcount32(0b1011); // 3
 * popcount32(-1);     // 32
 */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * A rows x cols binary matrix, bit-packed (32 entries per word), row-major.
 *
 * @example
 * const w = new BitMatrix(4096, 4096);
 * w.byteLength;      // 2097152 (2 MiB)
 * w.set(3, 7);
 * w.get(3, 7);       // true
 * w.countOnes();     // 1
 */
export class BitMatrix {
  /** number of rows (input units) */
  readonly rows: number;
  /** number of columns (output units) */
  readonly cols: number;
  /** words per row: ceil(cols / 32) */
  readonly wordsPerRow: number;
  /** the packed entries: bit (j & 31) of word [i · wordsPerRow + (j >>> 5)] is entry (i, j) */
  readonly words: Uint32Array;

  /**
   * An all-zero matrix.
   *
   * @param rows - number of rows, integer >= 1
   * @param cols - number of columns, integer >= 1
   */
  constructor(rows: number, cols: number) {
    const ctx = 'BitMatrix';
    if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 1) {
      throw new ParameterError('rows', rows, 'an integer >= 1', ctx);
    }
    if (typeof cols !== 'number' || !Number.isInteger(cols) || cols < 1) {
      throw new ParameterError('cols', cols, 'an integer >= 1', ctx);
    }
    const wordsPerRow = (cols + 31) >>> 5;
    if (rows * wordsPerRow * 32 > MAX_BIT_MATRIX_ENTRIES) {
      throw new ParameterError('rows', rows, `rows · cols <= ${MAX_BIT_MATRIX_ENTRIES}`, ctx, `cols = ${cols}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.wordsPerRow = wordsPerRow;
    this.words = new Uint32Array(rows * wordsPerRow);
  }

  /** Bytes held by the packed entries. */
  get byteLength(): number {
    return this.words.byteLength;
  }

  /** Entry (i, j); indices are not checked (hot path). */
  get(i: number, j: number): boolean {
    return ((this.words[i * this.wordsPerRow + (j >>> 5)] >>> (j & 31)) & 1) === 1;
  }

  /** Sets entry (i, j) to 1; indices are not checked (hot path). */
  set(i: number, j: number): void {
    this.words[i * this.wordsPerRow + (j >>> 5)] |= 1 << (j & 31);
  }

  /** Clears entry (i, j); indices are not checked (hot path). */
  clear(i: number, j: number): void {
    this.words[i * this.wordsPerRow + (j >>> 5)] &= ~(1 << (j & 31));
  }

  /** Sets every entry to 0. */
  reset(): void {
    this.words.fill(0);
  }

  /**
   * Clipped Hebbian update: entry (i, j) becomes 1 for every i in `rowSet`, j in `colSet`
   * (an OR of the outer product). Indices must be valid (callers validate).
   */
  orOuter(rowSet: ArrayLike<number>, colSet: ArrayLike<number>): void {
    const w = this.words;
    const wpr = this.wordsPerRow;
    for (let b = 0; b < colSet.length; b++) {
      const j = colSet[b];
      const word = j >>> 5;
      const bit = 1 << (j & 31);
      for (let a = 0; a < rowSet.length; a++) w[rowSet[a] * wpr + word] |= bit;
    }
  }

  /** Number of 1 entries in row i. */
  rowCount(i: number): number {
    const w = this.words;
    let s = 0;
    for (let p = i * this.wordsPerRow, end = p + this.wordsPerRow; p < end; p++) s += popcount32(w[p]);
    return s;
  }

  /** Number of 1 entries (popcount of every word). */
  countOnes(): number {
    const w = this.words;
    let s = 0;
    for (let p = 0; p < w.length; p++) s += popcount32(w[p]);
    return s;
  }

  /** Number of 1 entries on the diagonal (i, i), i < min(rows, cols). */
  countDiagonal(): number {
    let s = 0;
    const d = Math.min(this.rows, this.cols);
    for (let i = 0; i < d; i++) if (this.get(i, i)) s++;
    return s;
  }

  /**
   * Adds row i into `sums` (sums[j] += entry (i, j) for every j); visits only the 1 bits.
   * `sums` must have at least `cols` entries.
   */
  addRowTo(i: number, sums: Uint16Array | Uint32Array | Int32Array | Float64Array): void {
    const w = this.words;
    const base = i * this.wordsPerRow;
    for (let q = 0; q < this.wordsPerRow; q++) {
      let bits = w[base + q];
      const off = q << 5;
      while (bits !== 0) {
        const low = bits & -bits;
        sums[off + 31 - Math.clz32(low)]++;
        bits ^= low;
      }
    }
  }

  /**
   * AND of the given rows into `out` (one word per 32 columns, `wordsPerRow` words):
   * the columns every listed row has a 1 in. With no rows, `out` is all ones (masked to cols).
   */
  andRows(rowSet: ArrayLike<number>, out: Uint32Array): void {
    const w = this.words;
    const wpr = this.wordsPerRow;
    out.fill(0xffffffff, 0, wpr);
    const tail = this.cols & 31;
    if (tail !== 0) out[wpr - 1] = (2 ** tail - 1) >>> 0;
    for (let a = 0; a < rowSet.length; a++) {
      const base = rowSet[a] * wpr;
      for (let q = 0; q < wpr; q++) out[q] &= w[base + q];
    }
  }

  /** A deep copy. */
  clone(): BitMatrix {
    const m = new BitMatrix(this.rows, this.cols);
    m.words.set(this.words);
    return m;
  }
}
