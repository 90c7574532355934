/**
 * The sparse distributed representation (SDR): a binary vector of fixed shape, stored as
 * the sorted list of its active (1) bits. Semantics follow htm.core's
 * `SparseDistributedRepresentation` (`src/htm/types/Sdr.hpp`).
 */
import { ParameterError } from '../core/errors.js';
import { resolveRng, sampleSorted, type RandomSource } from './randomSource.js';
import { bitSlotBytes, sdrBitStore } from './bitStore.js';

/** The JSON form of an SDR (htm.core's serialised fields): shape and sorted active bits. */
export interface SDRJSON {
  readonly dimensions: number[];
  readonly sparse: number[];
}

/** Called after every change of an SDR's value, with the SDR. */
export type SDRCallback = (sdr: SDR) => void;

/** Largest SDR size: flat indices must fit a `Uint32Array` (2^32 − 1 bits). */
export const MAX_SDR_SIZE = 0xffffffff;

const EMPTY = new Uint32Array(0);

function normaliseDimensions(dimensions: unknown, context: string, name = 'dimensions'): number[] {
  const dims = typeof dimensions === 'number' ? [dimensions] : dimensions;
  if (!Array.isArray(dims) || dims.length === 0) {
    throw new ParameterError(name, dimensions, 'a positive integer or a non-empty array of positive integers', context);
  }
  let size = 1;
  for (let i = 0; i < dims.length; i++) {
    const d: unknown = dims[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) {
      throw new ParameterError(`${name}[${i}]`, d, 'a positive integer', context);
    }
    size *= d;
  }
  if (size > MAX_SDR_SIZE) {
    throw new ParameterError(name, dimensions, `dimensions whose product is <= ${MAX_SDR_SIZE}`, context);
  }
  return dims.slice() as number[];
}

/** Most distinct shapes kept by {@link internDimensions} (later ones are compared element by element). */
const MAX_INTERNED_SHAPES = 1024;
const internedShapes = new Map<string, readonly number[]>();

/**
 * One frozen array per shape, shared by every SDR of that shape, so that the dimension
 * check of `overlap`, `union`, ... is usually `a === b` and touches no other memory.
 */
function internDimensions(dims: number[]): readonly number[] {
  const key = dims.length === 1 ? String(dims[0]) : dims.join(',');
  const known = internedShapes.get(key);
  if (known !== undefined) return known;
  const frozen = Object.freeze(dims);
  if (internedShapes.size < MAX_INTERNED_SHAPES) internedShapes.set(key, frozen);
  return frozen;
}

function sameDimensions(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function dimsText(d: readonly number[]): string {
  return `[${d.join(', ')}]`;
}

/** Sorted, duplicate-free copy of `indices` (any order), every one checked to be in [0, size). */
function normaliseSparse(indices: unknown, size: number, context: string, name = 'sparse'): Uint32Array {
  if (indices === null || typeof indices !== 'object' || typeof (indices as ArrayLike<number>).length !== 'number') {
    throw new ParameterError(name, indices, `an array of integer indices in [0, ${size})`, context);
  }
  const src = indices as ArrayLike<unknown>;
  const out = new Uint32Array(src.length);
  let sorted = true;
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= size) {
      throw new ParameterError(`${name}[${i}]`, v, `an integer index in [0, ${size})`, context);
    }
    out[i] = v;
    if (i > 0 && v <= out[i - 1]) sorted = false;
  }
  if (!sorted) {
    out.sort();
    for (let i = 1; i < out.length; i++) {
      if (out[i] === out[i - 1]) {
        throw new ParameterError(name, indices, 'indices without duplicates', context, `index ${out[i]} appears twice`);
      }
    }
  }
  return out;
}

/** Sorted unique merge of two sorted unique lists. */
function mergeUnion(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out.slice(0, k);
}

function mergeIntersection(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.slice(0, k);
}

/** Elements of sorted `a` that are not in sorted `b`. */
function mergeDifference(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length) {
    const x = a[i];
    while (j < b.length && b[j] < x) j++;
    if (j < b.length && b[j] === x) {
      i++;
      continue;
    }
    out[k++] = x;
    i++;
  }
  return out.slice(0, k);
}

/**
 * A sparse distributed representation: a binary array of shape `dimensions` whose truth
 * is the sorted `Uint32Array` of its active flat indices (C order: the last dimension
 * varies fastest). The dense view (one byte per bit) and the coordinate view (one index
 * list per dimension) are derived lazily and cached until the value changes.
 *
 * Mirrors htm.core's `SDR` (names in brackets where they differ): `sparse`, `dense`,
 * `coordinates`, `setSparse`/`setDense`/`setCoordinates`, `setSDR`, `zero`, `reshape`,
 * `getSum`, `getSparsity`, `overlap` [`getOverlap`], `randomize`, `addNoise`, `killCells`,
 * `intersection`, `union` [`set_union`], `concatenate`, `equals` [`==`], callbacks on change.
 * Every operation validates its input and throws a `ParameterError` that names the
 * parameter, the value and what is allowed. Every random draw comes from a seeded
 * {@link RandomSource}.
 *
 * Views returned by `sparse`, `dense` and `coordinates` are the SDR's own cached arrays:
 * read them freely, and after modifying one in place call the matching setter with it
 * (as in htm.core) so that the other views are rebuilt.
 *
 * @example
 * const x = new SDR([3, 3]);
 * x.setSparse([1, 4, 8]);
 * x.dense;        // Uint8Array [0, 1, 0, 0, 1, 0, 0, 0, 1]
 * x.coordinates;  // [Uint32Array [0, 1, 2], Uint32Array [1, 1, 2]]
 * const y = new SDR([3, 3]).setSparse([4, 5]);
 * x.overlap(y);   // 1
 */
export class SDR {
  /** total number of bits: the product of the dimensions */
  readonly size: number;
  private _dims: readonly number[];
  private _sparse: Uint32Array = EMPTY;
  private _dense: Uint8Array | null = null;
  private _coords: Uint32Array[] | null = null;
  /**
   * byte offset of this SDR's slot in the bit-set store (-1: none yet); the slot holds the
   * value's bit set (bit i in word i >>> 5) when `_bitsOk`, built for overlaps of a reused value
   */
  private _bitsAt = -1;
  /** 0: no valid bit set; 1: valid; 2: valid, and short enough against the active list for the SIMD overlap */
  private _bitsState: 0 | 1 | 2 = 0;
  /** overlaps computed with the current value (a reused value gets a cached bit set) */
  private _overlapUses = 0;
  private _callbacks: (SDRCallback | null)[] = [];

  /**
   * An all-zero SDR of the given shape.
   *
   * @param dimensions - a size, or the list of dimension sizes (each a positive integer)
   * @example
   * new SDR(2048).size;        // 2048
   * new SDR([32, 64]).size;    // 2048
   */
  constructor(dimensions: number | readonly number[]) {
    const dims = normaliseDimensions(dimensions, 'SDR');
    this._dims = internDimensions(dims);
    this.size = dims.reduce((p, d) => p * d, 1);
  }

  /**
   * A new SDR with the given active bits.
   *
   * @example
   * SDR.fromSparse(10, [0, 1, 2]).getSum(); // 3
   */
  static fromSparse(dimensions: number | readonly number[], sparse: ArrayLike<number>): SDR {
    return new SDR(dimensions).setSparse(sparse);
  }

  /**
   * A new SDR from a dense array (any non-zero / true entry is active).
   *
   * @example
   * SDR.fromDense(4, [0, 1, 0, 1]).sparse; // Uint32Array [1, 3]
   */
  static fromDense(dimensions: number | readonly number[], dense: ArrayLike<number | boolean>): SDR {
    return new SDR(dimensions).setDense(dense);
  }

  /**
   * Rebuilds an SDR from {@link SDR.toJSON} output (validated).
   *
   * @example
   * SDR.fromJSON({ dimensions: [10], sparse: [2, 3] }).equals(SDR.fromSparse(10, [2, 3])); // true
   */
  static fromJSON(json: unknown): SDR {
    if (json === null || typeof json !== 'object') {
      throw new ParameterError('json', json, 'an object { dimensions: number[], sparse: number[] }', 'SDR.fromJSON');
    }
    const obj = json as Record<string, unknown>;
    const sdr = new SDR(normaliseDimensions(obj.dimensions, 'SDR.fromJSON', 'json.dimensions'));
    sdr._assign(normaliseSparse(obj.sparse, sdr.size, 'SDR.fromJSON', 'json.sparse'));
    return sdr;
  }

  /** The shape (a frozen array; change it with {@link SDR.reshape}). */
  get dimensions(): readonly number[] {
    return this._dims;
  }

  /** Sorted flat indices of the active bits (the SDR's own array: do not modify it without calling setSparse). */
  get sparse(): Uint32Array {
    return this._sparse;
  }

  /** One byte (0 or 1) per bit, C order; cached until the value changes. */
  get dense(): Uint8Array {
    if (this._dense === null) {
      const d = new Uint8Array(this.size);
      const s = this._sparse;
      for (let i = 0; i < s.length; i++) d[s[i]] = 1;
      this._dense = d;
    }
    return this._dense;
  }

  /** For each dimension, the coordinate of every active bit (parallel lists, in sparse order). */
  get coordinates(): readonly Uint32Array[] {
    if (this._coords === null) {
      const dims = this._dims;
      const nd = dims.length;
      const s = this._sparse;
      const coords = dims.map(() => new Uint32Array(s.length));
      for (let k = 0; k < s.length; k++) {
        let idx = s[k];
        for (let d = nd - 1; d > 0; d--) {
          const dim = dims[d];
          coords[d][k] = idx % dim;
          idx = Math.floor(idx / dim);
        }
        coords[0][k] = idx;
      }
      this._coords = coords;
    }
    return this._coords;
  }

  /**
   * Sets the active bits (any order; sorted on the way in).
   *
   * @param indices - flat indices, each an integer in [0, size), without duplicates
   * @returns this
   * @example
   * new SDR(10).setSparse([3, 1]).sparse; // Uint32Array [1, 3]
   */
  setSparse(indices: ArrayLike<number>): this {
    return this._assign(normaliseSparse(indices, this.size, 'SDR.setSparse'));
  }

  /**
   * Sets the value from a dense array of `size` entries (non-zero or true = active). Passing
   * the SDR's own {@link SDR.dense} array after modifying it in place is allowed.
   *
   * @returns this
   * @example
   * new SDR(4).setDense([0, 1, 1, 0]).sparse; // Uint32Array [1, 2]
   */
  setDense(values: ArrayLike<number | boolean>): this {
    const ctx = 'SDR.setDense';
    if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
      throw new ParameterError('dense', values, `an array of ${this.size} numbers or booleans`, ctx);
    }
    if (values.length !== this.size) {
      throw new ParameterError('dense', values, `an array of exactly size = ${this.size} entries`, ctx);
    }
    const inPlace = values === this._dense;
    const dense = inPlace ? (values as Uint8Array) : new Uint8Array(this.size);
    let count = 0;
    for (let i = 0; i < this.size; i++) {
      const v = values[i];
      let on: boolean;
      if (typeof v === 'boolean') on = v;
      else if (typeof v === 'number' && !Number.isNaN(v)) on = v !== 0;
      else throw new ParameterError(`dense[${i}]`, v, 'a number (not NaN) or a boolean', ctx);
      dense[i] = on ? 1 : 0;
      if (on) count++;
    }
    const sparse = new Uint32Array(count);
    for (let i = 0, k = 0; k < count; i++) if (dense[i]) sparse[k++] = i;
    return this._assign(sparse, dense);
  }

  /**
   * Sets the value from coordinates: one list per dimension, in parallel.
   *
   * @returns this
   * @example
   * new SDR([3, 3]).setCoordinates([[0, 1, 2], [1, 1, 2]]).sparse; // Uint32Array [1, 4, 8]
   */
  setCoordinates(coordinates: readonly ArrayLike<number>[]): this {
    const ctx = 'SDR.setCoordinates';
    const dims = this._dims;
    if (!Array.isArray(coordinates) || coordinates.length !== dims.length) {
      throw new ParameterError('coordinates', coordinates, `an array of ${dims.length} index lists (one per dimension)`, ctx);
    }
    const n = coordinates[0]?.length;
    const flat = new Array<number>(typeof n === 'number' ? n : 0);
    for (let d = 0; d < dims.length; d++) {
      const list = coordinates[d];
      if (list === null || typeof list !== 'object' || list.length !== n) {
        throw new ParameterError(`coordinates[${d}]`, list, `an index list of the same length as coordinates[0] (${n})`, ctx);
      }
    }
    for (let k = 0; k < flat.length; k++) {
      let idx = 0;
      for (let d = 0; d < dims.length; d++) {
        const c = coordinates[d][k];
        if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= dims[d]) {
          throw new ParameterError(`coordinates[${d}][${k}]`, c, `an integer in [0, ${dims[d]})`, ctx);
        }
        idx = idx * dims[d] + c;
      }
      flat[k] = idx;
    }
    return this._assign(normaliseSparse(flat, this.size, ctx, 'coordinates'));
  }

  /**
   * Deep-copies another SDR's value and shape into this one (sizes must be equal).
   *
   * @returns this
   * @example
   * const b = new SDR(10).setSDR(SDR.fromSparse(10, [4])); // b.sparse = [4]
   */
  setSDR(other: SDR): this {
    this._requireSDR(other, 'other', 'SDR.setSDR');
    if (other.size !== this.size) {
      throw new ParameterError('other', other.toString(), `an SDR of size ${this.size}`, 'SDR.setSDR');
    }
    this._dims = other._dims;
    this._coords = null;
    return this._assign(other._sparse.slice());
  }

  /** Sets every bit to 0. Returns this. @example new SDR(10).setSparse([1]).zero().getSum(); // 0 */
  zero(): this {
    return this._assign(new Uint32Array(0));
  }

  /**
   * Changes the shape; the size and the value are kept.
   *
   * @returns this
   * @example
   * SDR.fromSparse([4, 4], [5]).reshape([2, 8]).coordinates; // [[0], [5]]
   */
  reshape(dimensions: number | readonly number[]): this {
    const dims = normaliseDimensions(dimensions, 'SDR.reshape');
    const size = dims.reduce((p, d) => p * d, 1);
    if (size !== this.size) {
      throw new ParameterError('dimensions', dimensions, `dimensions whose product is size = ${this.size}`, 'SDR.reshape');
    }
    this._dims = internDimensions(dims);
    this._coords = null;
    return this;
  }

  /** A one-dimensional copy (dimensions `[size]`). @example new SDR([3, 3]).flatten().dimensions; // [9] */
  flatten(): SDR {
    const out = new SDR(this.size);
    out._sparse = this._sparse.slice();
    return out;
  }

  /** An independent copy (same shape and value, no callbacks). @example const b = a.clone(); */
  clone(): SDR {
    const out = new SDR(this._dims);
    out._sparse = this._sparse.slice();
    return out;
  }

  /** Number of active bits. @example SDR.fromSparse(10, [1, 2]).getSum(); // 2 */
  getSum(): number {
    return this._sparse.length;
  }

  /** Fraction of active bits, getSum() / size. @example SDR.fromSparse(10, [1, 2]).getSparsity(); // 0.2 */
  getSparsity(): number {
    return this._sparse.length / this.size;
  }

  /**
   * The value of one bit.
   *
   * @param coordinates - one index per dimension
   * @example
   * SDR.fromSparse([3, 3], [4]).at([1, 1]); // 1
   */
  at(coordinates: readonly number[]): 0 | 1 {
    const ctx = 'SDR.at';
    const dims = this._dims;
    if (!Array.isArray(coordinates) || coordinates.length !== dims.length) {
      throw new ParameterError('coordinates', coordinates, `${dims.length} indices (one per dimension)`, ctx);
    }
    let idx = 0;
    for (let d = 0; d < dims.length; d++) {
      const c = coordinates[d];
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= dims[d]) {
        throw new ParameterError(`coordinates[${d}]`, c, `an integer in [0, ${dims[d]})`, ctx);
      }
      idx = idx * dims[d] + c;
    }
    if (this._dense !== null) return this._dense[idx] as 0 | 1;
    // binary search in the sorted sparse list
    const s = this._sparse;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] < idx) lo = mid + 1;
      else hi = mid;
    }
    return lo < s.length && s[lo] === idx ? 1 : 0;
  }

  /**
   * Number of active bits the two SDRs share, |a ∧ b| (dimensions must be equal).
   *
   * An SDR of up to 2^20 bits whose value takes part in a second overlap (a query against
   * stored SDRs, a stored SDR against many probes) writes its bit set (size / 8 bytes) into
   * a slot of a shared WebAssembly memory, kept while the SDR lives and rewritten when its
   * value changes. When both sides have one and the sets are short against the active
   * lists (n = 2048, w = 40: 16 vectors against 40 look-ups), the overlap is a SIMD AND
   * and population count of the two sets; when one side has a bit set, or a dense view
   * that has been read, the other side's active bits are looked up in it. Apart from that
   * one slot per SDR, nothing is allocated.
   * One-off pairs never pay for a table: a binary search per bit when the sizes are very
   * different, marking in a shared scratch array otherwise (a branch-free sorted merge
   * above 2^24 bits).
   *
   * @example
   * SDR.fromSparse(10, [0, 1, 2, 3]).overlap(SDR.fromSparse(10, [2, 3, 4, 5])); // 2
   */
  overlap(other: SDR): number {
    // Fast path first (a non-SDR `other` has no `_bitsState` and falls through to the checks).
    if (this._bitsState === 2 && other._bitsState === 2 && this._dims === other._dims) {
      const at = this._bitsAt;
      return simdOverlap!(at, other._bitsAt, at + bitSlotBytes(this.size));
    }
    if (!(other instanceof SDR) || !sameDimensions(this._dims, other._dims)) this._mismatch(other, 'other', 'SDR.overlap');
    const a = this._sparse;
    const b = other._sparse;
    // A stored bit set turns the overlap into look-ups of the other side's indices (of the
    // shorter list when both sides have one), or, when both have one and the sets are short
    // against the lists, into a SIMD AND and count over the two sets. The bit set is 8x
    // smaller than the dense view, so a memory of many stored SDRs keeps more of it in cache.
    const okA = this._bitsState !== 0;
    const okB = other._bitsState !== 0;
    if (okA || okB) {
      const st = sdrBitStore();
      if (this._bitsState === 2 && other._bitsState === 2) {
        const at = this._bitsAt;
        return simdOverlap!(at, other._bitsAt, at + bitSlotBytes(this.size));
      }
      if (okB && (!okA || a.length <= b.length)) return countInBits(a, st.words, other._bitsAt >>> 2);
      return countInBits(b, st.words, this._bitsAt >>> 2);
    }
    const db = other._dense;
    const da = this._dense;
    if (db !== null && (da === null || a.length <= b.length)) return countIn(a, db);
    if (da !== null) return countIn(b, da);
    // A value compared again and again gets its bit set built once.
    if (this.size <= BITS_ON_REUSE_LIMIT) {
      // (a store that cannot grow any more answers -1: then the paths below)
      if (++this._overlapUses >= 2) {
        const at = this._buildBits();
        if (at >= 0) return countInBits(b, sdrBitStore().words, at >>> 2);
      } else if (++other._overlapUses >= 2) {
        const at = other._buildBits();
        if (at >= 0) return countInBits(a, sdrBitStore().words, at >>> 2);
      }
    }
    const small = a.length <= b.length ? a : b;
    const large = small === a ? b : a;
    if (small.length === 0) return 0;
    if (large.length >= 8 * small.length) return countBySearch(small, large);
    if (this.size <= MARK_LIMIT) return countByMarking(small, large, this.size);
    return countByMerge(small, large);
  }

  /**
   * Replaces the value with a uniformly random one having exactly round(size · sparsity)
   * active bits (sampled without replacement).
   *
   * @param sparsity - fraction of active bits, in [0, 1]
   * @param rng - an `Rng` (advanced) or a seed (same seed, same SDR)
   * @returns this
   * @example
   * new SDR(2048).randomize(40 / 2048, 7).getSum(); // 40
   */
  randomize(sparsity: number, rng: RandomSource): this {
    const ctx = 'SDR.randomize';
    if (typeof sparsity !== 'number' || !(sparsity >= 0 && sparsity <= 1)) {
      throw new ParameterError('sparsity', sparsity, 'a number in [0, 1]', ctx);
    }
    const gen = resolveRng(rng, 'rng', ctx);
    const nbits = Math.round(this.size * sparsity);
    return this._assign(sampleSorted(gen, this.size, nbits));
  }

  /**
   * Moves round(fraction · getSum()) active bits to uniformly chosen inactive positions:
   * the number of active bits is unchanged and the overlap with the previous value is
   * getSum() − round(fraction · getSum()) exactly. The bits to switch off are drawn first,
   * then their new positions (among the bits inactive before the call).
   *
   * @param fraction - fraction of the active bits to move, in [0, 1]
   * @param rng - an `Rng` (advanced) or a seed
   * @returns this
   * @throws ParameterError when the moved bits do not fit into the inactive ones
   *   (htm.core's precondition (1 + fraction) · sparsity <= 1)
   * @example
   * const a = new SDR(103).randomize(0.1, 1);      // 10 bits
   * const b = a.clone().addNoise(0.5, 2);
   * a.overlap(b);                                    // 5
   */
  addNoise(fraction: number, rng: RandomSource): this {
    const ctx = 'SDR.addNoise';
    if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) {
      throw new ParameterError('fraction', fraction, 'a number in [0, 1]', ctx);
    }
    const gen = resolveRng(rng, 'rng', ctx);
    const s = this._sparse;
    const sum = s.length;
    const inactive = this.size - sum;
    const move = Math.round(fraction * sum);
    if (move > inactive) {
      throw new ParameterError(
        'fraction',
        fraction,
        `a fraction whose moved bits (round(fraction · ${sum}) = ${move}) fit into the ${inactive} inactive bits`,
        ctx,
        'the SDR is too dense for this much noise: (1 + fraction) · sparsity must be <= 1',
      );
    }
    if (move === 0) return this._assign(s.slice());
    const offPositions = sampleSorted(gen, sum, move); // positions in s, sorted
    const onRanks = sampleSorted(gen, inactive, move); // ranks among inactive bits, sorted
    // rank r -> the r-th inactive index: r + (number of active indices below it)
    const turnOn = new Uint32Array(move);
    let j = 0;
    for (let k = 0; k < move; k++) {
      const r = onRanks[k];
      while (j < sum && s[j] <= r + j) j++;
      turnOn[k] = r + j;
    }
    const kept = new Uint32Array(sum - move);
    for (let i = 0, p = 0, k = 0; i < sum; i++) {
      if (p < move && offPositions[p] === i) p++;
      else kept[k++] = s[i];
    }
    return this._assign(mergeUnion(kept, turnOn));
  }

  /**
   * Sets round(size · fraction) uniformly chosen bits to 0, whatever their state (models
   * dead cells; the same seed kills the same cells).
   *
   * @param fraction - fraction of all bits to kill, in [0, 1]
   * @param rng - an `Rng` (advanced) or a seed
   * @returns this
   * @example
   * new SDR(100).setDense(new Array(100).fill(1)).killCells(0.25, 3).getSum(); // 75
   */
  killCells(fraction: number, rng: RandomSource): this {
    const ctx = 'SDR.killCells';
    if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) {
      throw new ParameterError('fraction', fraction, 'a number in [0, 1]', ctx);
    }
    const gen = resolveRng(rng, 'rng', ctx);
    const killed = sampleSorted(gen, this.size, Math.round(this.size * fraction));
    return this._assign(mergeDifference(this._sparse, killed));
  }

  /**
   * Writes the intersection (bits active in every input) into this SDR. Inputs must have
   * this SDR's dimensions; this SDR may be one of them.
   *
   * @returns this
   * @example
   * const a = SDR.fromSparse(10, [0, 1, 2, 3]);
   * const b = SDR.fromSparse(10, [2, 3, 4, 5]);
   * new SDR(10).intersection(a, b).sparse; // Uint32Array [2, 3]
   */
  intersection(inputs: readonly SDR[]): this;
  intersection(...inputs: SDR[]): this;
  intersection(...args: (SDR | readonly SDR[])[]): this {
    const inputs = this._collectInputs(args, 'SDR.intersection');
    const order = inputs.slice().sort((x, y) => x._sparse.length - y._sparse.length);
    let acc = order[0]._sparse;
    for (let i = 1; i < order.length && acc.length > 0; i++) acc = mergeIntersection(acc, order[i]._sparse);
    return this._assign(acc === order[0]._sparse ? acc.slice() : acc);
  }

  /**
   * Writes the union (bits active in any input) into this SDR (htm.core `set_union`).
   * Inputs must have this SDR's dimensions; this SDR may be one of them.
   *
   * @returns this
   * @example
   * const a = SDR.fromSparse(10, [0, 1, 2, 3]);
   * const b = SDR.fromSparse(10, [2, 3, 4, 5]);
   * new SDR(10).union(a, b).sparse; // Uint32Array [0, 1, 2, 3, 4, 5]
   */
  union(inputs: readonly SDR[]): this;
  union(...inputs: SDR[]): this;
  union(...args: (SDR | readonly SDR[])[]): this {
    const inputs = this._collectInputs(args, 'SDR.union');
    let total = 0;
    for (const x of inputs) total += x._sparse.length;
    if (inputs.length === 2) return this._assign(mergeUnion(inputs[0]._sparse, inputs[1]._sparse));
    if (total * 8 >= this.size) {
      const mark = new Uint8Array(this.size);
      let count = 0;
      for (const x of inputs) {
        const s = x._sparse;
        for (let i = 0; i < s.length; i++) {
          if (mark[s[i]] === 0) {
            mark[s[i]] = 1;
            count++;
          }
        }
      }
      const out = new Uint32Array(count);
      for (let i = 0, k = 0; k < count; i++) if (mark[i]) out[k++] = i;
      return this._assign(out);
    }
    const all = new Uint32Array(total);
    let k = 0;
    for (const x of inputs) {
      all.set(x._sparse, k);
      k += x._sparse.length;
    }
    all.sort();
    let m = 0;
    for (let i = 0; i < total; i++) if (i === 0 || all[i] !== all[i - 1]) all[m++] = all[i];
    return this._assign(all.slice(0, m));
  }

  /**
   * Writes the concatenation of the inputs along `axis` into this SDR. Every input must
   * have this SDR's number of dimensions and the same sizes on every other axis; their
   * sizes on `axis` must add up to this SDR's.
   *
   * @param axis - dimension to concatenate along (default 0)
   * @returns this
   * @example
   * const a = SDR.fromSparse(10, [0, 1, 2]);
   * new SDR(20).concatenate(a, a).sparse; // Uint32Array [0, 1, 2, 10, 11, 12]
   */
  concatenate(inputs: readonly SDR[], axis?: number): this;
  concatenate(a: SDR, b: SDR, axis?: number): this;
  concatenate(first: SDR | readonly SDR[], second?: SDR | number, third?: number): this {
    const ctx = 'SDR.concatenate';
    let inputs: readonly SDR[];
    let axis: number | undefined;
    if (Array.isArray(first)) {
      inputs = first;
      if (second !== undefined && typeof second !== 'number') {
        throw new ParameterError('axis', second, 'an integer dimension index', ctx);
      }
      axis = second as number | undefined;
    } else {
      if (!(second instanceof SDR)) {
        throw new ParameterError('inputs', second, 'at least two SDRs', ctx, 'call concatenate(a, b) or concatenate([a, b, ...])');
      }
      inputs = [first as SDR, second];
      axis = third;
    }
    axis ??= 0;
    const dims = this._dims;
    if (!Number.isInteger(axis) || axis < 0 || axis >= dims.length) {
      throw new ParameterError('axis', axis, `an integer in [0, ${dims.length - 1}]`, ctx);
    }
    if (inputs.length < 2) throw new ParameterError('inputs', inputs.length, 'at least two SDRs', ctx);
    let axisTotal = 0;
    for (let i = 0; i < inputs.length; i++) {
      const x = inputs[i];
      if (!(x instanceof SDR)) throw new ParameterError(`inputs[${i}]`, x, 'an SDR', ctx);
      if (x._dims.length !== dims.length) {
        throw new ParameterError(`inputs[${i}].dimensions`, x._dims, `${dims.length} dimensions, as the output ${dimsText(dims)}`, ctx);
      }
      for (let d = 0; d < dims.length; d++) {
        if (d !== axis && x._dims[d] !== dims[d]) {
          throw new ParameterError(
            `inputs[${i}].dimensions`,
            x._dims,
            `dimensions equal to the output ${dimsText(dims)} except on axis ${axis}`,
            ctx,
          );
        }
      }
      axisTotal += x._dims[axis];
    }
    if (axisTotal !== dims[axis]) {
      throw new ParameterError(
        'inputs',
        inputs.map((x) => dimsText(x._dims)).join(' + '),
        `inputs whose sizes on axis ${axis} add up to the output's ${dims[axis]}`,
        ctx,
      );
    }
    let inner = 1; // product of the dimensions after the axis
    for (let d = axis + 1; d < dims.length; d++) inner *= dims[d];
    const outRow = dims[axis] * inner;
    let total = 0;
    for (const x of inputs) total += x._sparse.length;
    const out = new Uint32Array(total);
    let k = 0;
    let offset = 0;
    for (const x of inputs) {
      const row = x._dims[axis] * inner;
      const s = x._sparse;
      for (let i = 0; i < s.length; i++) {
        const idx = s[i];
        const outer = Math.floor(idx / row);
        out[k++] = outer * outRow + offset + (idx - outer * row);
      }
      offset += row;
    }
    out.sort();
    return this._assign(out);
  }

  /**
   * True when both SDRs have the same dimensions and the same active bits.
   *
   * @example
   * SDR.fromSparse(10, [1]).equals(SDR.fromSparse(10, [1])); // true
   */
  equals(other: SDR): boolean {
    if (!(other instanceof SDR) || !sameDimensions(this._dims, other._dims)) return false;
    const a = this._sparse;
    const b = other._sparse;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /** JSON form `{ dimensions, sparse }` (used by `JSON.stringify`). @example JSON.stringify(SDR.fromSparse(4, [1])); // '{"dimensions":[4],"sparse":[1]}' */
  toJSON(): SDRJSON {
    return { dimensions: this._dims.slice(), sparse: Array.from(this._sparse) };
  }

  /** Text like htm.core's: `SDR( 100, 100, 1 ) 0, 9999`. @example String(SDR.fromSparse(103, [0, 9])); // 'SDR( 103 ) 0, 9' */
  toString(): string {
    const head = `SDR( ${this._dims.join(', ')} )`;
    return this._sparse.length === 0 ? head : `${head} ${Array.from(this._sparse).join(', ')}`;
  }

  /**
   * Registers a function called after every change of this SDR's value (set*, zero,
   * randomize, addNoise, killCells, intersection, union, concatenate, setSDR).
   *
   * @returns a handle for {@link SDR.removeCallback}
   * @example
   * const h = sdr.addCallback((s) => console.log(s.getSum()));
   */
  addCallback(callback: SDRCallback): number {
    if (typeof callback !== 'function') {
      throw new ParameterError('callback', callback, 'a function (sdr) => void', 'SDR.addCallback');
    }
    const free = this._callbacks.indexOf(null);
    if (free >= 0) {
      this._callbacks[free] = callback;
      return free;
    }
    this._callbacks.push(callback);
    return this._callbacks.length - 1;
  }

  /** Removes a callback registered with {@link SDR.addCallback}. @example sdr.removeCallback(h); */
  removeCallback(handle: number): void {
    if (!Number.isInteger(handle) || handle < 0 || handle >= this._callbacks.length || this._callbacks[handle] === null) {
      throw new ParameterError('handle', handle, 'a handle returned by addCallback and not yet removed', 'SDR.removeCallback');
    }
    this._callbacks[handle] = null;
  }

  /**
   * Writes the value's bit set into this SDR's store slot (allocated on first use);
   * returns the slot's byte offset, or -1 when the store cannot grow (this value then
   * stops trying).
   */
  private _buildBits(): number {
    const st = sdrBitStore();
    const bytes = bitSlotBytes(this.size);
    if (this._bitsAt < 0) {
      this._bitsAt = st.allocate(bytes, this);
      if (this._bitsAt < 0) {
        this._overlapUses = -Infinity;
        return -1;
      }
    } else st.words.fill(0, this._bitsAt >>> 2, (this._bitsAt + bytes) >>> 2);
    const words = st.words;
    const base = this._bitsAt >>> 2;
    const sparse = this._sparse;
    for (let i = 0; i < sparse.length; i++) {
      const x = sparse[i];
      words[base + (x >>> 5)] |= 1 << (x & 31);
    }
    simdOverlap = st.overlap;
    // One kernel iteration covers 256 bits and costs about as much as one look-up.
    this._bitsState = simdOverlap !== null && this.size >>> 8 <= sparse.length ? 2 : 1;
    return this._bitsAt;
  }

  /** Installs a new (trusted: sorted, unique, in range) value and notifies listeners. */
  private _assign(sparse: Uint32Array, dense: Uint8Array | null = null): this {
    this._sparse = sparse;
    this._dense = dense;
    this._coords = null;
    this._bitsState = 0;
    this._overlapUses = 0;
    const cbs = this._callbacks;
    for (let i = 0; i < cbs.length; i++) {
      const cb = cbs[i];
      if (cb !== null) cb(this);
    }
    return this;
  }

  private _requireSDR(x: unknown, name: string, ctx: string): void {
    if (!(x instanceof SDR)) throw new ParameterError(name, x, 'an SDR', ctx);
  }

  private _mismatch(other: unknown, name: string, ctx: string): never {
    if (!(other instanceof SDR)) throw new ParameterError(name, other, 'an SDR', ctx);
    throw new ParameterError(
      `${name}.dimensions`,
      other._dims,
      `the same dimensions as this SDR, ${dimsText(this._dims)}`,
      ctx,
    );
  }

  private _collectInputs(args: (SDR | readonly SDR[])[], ctx: string): SDR[] {
    const inputs: SDR[] = args.length === 1 && Array.isArray(args[0]) ? (args[0] as SDR[]).slice() : (args as SDR[]);
    if (inputs.length < 2) {
      throw new ParameterError('inputs', inputs.length, 'at least two SDRs', ctx);
    }
    for (let i = 0; i < inputs.length; i++) {
      const x: unknown = inputs[i];
      if (!(x instanceof SDR)) throw new ParameterError(`inputs[${i}]`, x, 'an SDR', ctx);
      if (!sameDimensions(x._dims, this._dims)) {
        throw new ParameterError(`inputs[${i}].dimensions`, x._dims, `the output's dimensions ${dimsText(this._dims)}`, ctx);
      }
    }
    return inputs;
  }
}

/** The store's SIMD overlap kernel, set when the first bit set is built (null: no SIMD). */
let simdOverlap: ((a: number, b: number, end: number) => number) | null = null;

/** SDRs up to this size get a cached bit set once their value is used in a second overlap. */
const BITS_ON_REUSE_LIMIT = 1 << 20;

/** SDRs up to this size use a shared scratch marker for overlaps (no per-call allocation). */
const MARK_LIMIT = 1 << 24;
let markScratch = new Uint8Array(0);

function countByMarking(small: Uint32Array, large: Uint32Array, size: number): number {
  if (markScratch.length < size) markScratch = new Uint8Array(Math.max(size, 2 * markScratch.length));
  const m = markScratch;
  for (let i = 0; i < small.length; i++) m[small[i]] = 1;
  let c = 0;
  for (let i = 0; i < large.length; i++) c += m[large[i]];
  for (let i = 0; i < small.length; i++) m[small[i]] = 0;
  return c;
}

/**
 * Overlap of two sorted lists by a merge without branches on the data (the comparisons
 * are added as 0/1), which random SDRs would otherwise mispredict half the time.
 */
function countByMerge(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let c = 0;
  const na = a.length;
  const nb = b.length;
  while (i < na && j < nb) {
    const x = a[i];
    const y = b[j];
    c += +(x === y);
    i += +(x <= y);
    j += +(y <= x);
  }
  return c;
}

/** Overlap of a short sorted list with a much longer one: a binary search per element, from the last hit on. */
function countBySearch(small: Uint32Array, large: Uint32Array): number {
  let lo = 0;
  let c = 0;
  for (let i = 0; i < small.length; i++) {
    const x = small[i];
    let hi = large.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (large[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo === large.length) break;
    if (large[lo] === x) c++;
  }
  return c;
}

/** Bit set of a sorted index list: bit (i & 31) of word i >>> 5 is set for each active i. */
/** Number of `indices` whose bit is set in the bit set at word `base` of `words` (unrolled by four: independent look-ups). */
function countInBits(indices: Uint32Array, words: Int32Array, base: number): number {
  const n = indices.length;
  let c = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const x0 = indices[i];
    const x1 = indices[i + 1];
    const x2 = indices[i + 2];
    const x3 = indices[i + 3];
    // `>>>` uses the shift count mod 32, so `>>> x` is `>>> (x & 31)`
    c +=
      ((words[base + (x0 >>> 5)] >>> x0) & 1) +
      ((words[base + (x1 >>> 5)] >>> x1) & 1) +
      ((words[base + (x2 >>> 5)] >>> x2) & 1) +
      ((words[base + (x3 >>> 5)] >>> x3) & 1);
  }
  for (; i < n; i++) {
    const x = indices[i];
    c += (words[base + (x >>> 5)] >>> x) & 1;
  }
  return c;
}

/** Number of `indices` active in a dense view (unrolled by four: independent look-ups). */
function countIn(indices: Uint32Array, dense: Uint8Array): number {
  const n = indices.length;
  let c = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) c += dense[indices[i]] + dense[indices[i + 1]] + dense[indices[i + 2]] + dense[indices[i + 3]];
  for (; i < n; i++) c += dense[indices[i]];
  return c;
}
