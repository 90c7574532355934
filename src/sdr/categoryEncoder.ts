/**
 * CategoryEncoder: each of a fixed list of categories gets its own block of `activeBits`
 * ones, so different categories never overlap. Layout as NuPIC's `CategoryEncoder`
 * (`nupic/encoders/category.py`): block 0 is reserved for unknown inputs and category i
 * (0-based in the list) occupies bits [(i + 1)·activeBits, (i + 2)·activeBits).
 */
import { ParameterError } from '../core/errors.js';
import { requireKnownKeys, requireObject } from '../core/validate.js';
import { SDR } from './sdr.js';

/** A category label. */
export type Category = string | number;

/** Parameters of a {@link CategoryEncoder}. */
export interface CategoryEncoderParameters {
  /** the distinct categories, in the order of their blocks */
  readonly categories: readonly Category[];
  /** width of each category's block of ones (bits, integer >= 1) */
  readonly activeBits: number;
  /**
   * what an input outside `categories` does: 'encode' (default, NuPIC's behaviour) sets
   * the reserved unknown block; 'throw' raises a ParameterError
   */
  readonly unknown?: 'encode' | 'throw';
}

/** Result of {@link CategoryEncoder.decode}. */
export interface CategoryMatch {
  /** the best-matching category, or null for the unknown block or an empty SDR */
  readonly category: Category | null;
  /** number of active bits of the SDR inside that category's block */
  readonly overlap: number;
}

/**
 * Encodes categorical labels as disjoint blocks of ones (NuPIC layout, block 0 = unknown).
 * size = activeBits · (categories.length + 1).
 *
 * @example
 * const enc = new CategoryEncoder({ categories: ['cat', 'dog'], activeBits: 3 });
 * enc.size;                  // 9
 * enc.encode('dog').sparse;  // Uint32Array [6, 7, 8]
 * enc.encode('eel').sparse;  // Uint32Array [0, 1, 2] (unknown)
 * enc.decode(enc.encode('cat')).category; // 'cat'
 */
export class CategoryEncoder {
  /** the categories, in block order */
  readonly categories: readonly Category[];
  /** width of each block */
  readonly activeBits: number;
  /** what unknown inputs do */
  readonly unknown: 'encode' | 'throw';
  /** number of output bits */
  readonly size: number;
  /** output shape, `[size]` */
  readonly dimensions: readonly number[];
  private readonly index = new Map<Category, number>();

  /** @param parameters - see {@link CategoryEncoderParameters} */
  constructor(parameters: CategoryEncoderParameters) {
    const ctx = 'CategoryEncoder';
    const p = requireObject('parameters', parameters, ctx);
    requireKnownKeys('parameters', p, ['categories', 'activeBits', 'unknown'], ctx);
    const cats = p.categories;
    if (!Array.isArray(cats) || cats.length === 0) {
      throw new ParameterError('categories', cats, 'a non-empty array of distinct strings or numbers', ctx);
    }
    cats.forEach((c: unknown, i) => {
      if (!(typeof c === 'string' || (typeof c === 'number' && !Number.isNaN(c)))) {
        throw new ParameterError(`categories[${i}]`, c, 'a string or a number (not NaN)', ctx);
      }
      if (this.index.has(c)) throw new ParameterError(`categories[${i}]`, c, 'a category not listed before', ctx);
      this.index.set(c, i + 1);
    });
    const w = p.activeBits;
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 1) {
      throw new ParameterError('activeBits', w, 'an integer >= 1 (bits per category)', ctx);
    }
    const unknown = p.unknown ?? 'encode';
    if (unknown !== 'encode' && unknown !== 'throw') {
      throw new ParameterError('unknown', unknown, "'encode' or 'throw'", ctx);
    }
    const size = w * (cats.length + 1);
    if (size > 0xffffffff) throw new ParameterError('activeBits', w, 'a width that keeps size below 2^32 bits', ctx);
    this.categories = Object.freeze((cats as Category[]).slice());
    this.activeBits = w;
    this.unknown = unknown;
    this.size = size;
    this.dimensions = Object.freeze([size]);
  }

  /**
   * Encodes a category into `output` (or a new SDR).
   *
   * @example
   * new CategoryEncoder({ categories: [1, 2], activeBits: 2 }).encode(1).sparse; // [2, 3]
   */
  encode(category: Category, output?: SDR): SDR {
    const ctx = 'CategoryEncoder.encode';
    const out = output ?? new SDR(this.dimensions);
    if (!(out instanceof SDR) || out.size !== this.size) {
      throw new ParameterError('output', out instanceof SDR ? out.toString() : out, `an SDR of size ${this.size}`, ctx);
    }
    let block = this.index.get(category);
    if (block === undefined) {
      if (this.unknown === 'throw') {
        throw new ParameterError('category', category, `one of the ${this.categories.length} known categories`, ctx);
      }
      block = 0;
    }
    const bits = new Uint32Array(this.activeBits);
    for (let i = 0; i < this.activeBits; i++) bits[i] = block * this.activeBits + i;
    return out.setSparse(bits);
  }

  /**
   * The category whose block holds most of the SDR's active bits (ties: the first block).
   *
   * @example
   * const enc = new CategoryEncoder({ categories: ['a', 'b'], activeBits: 3 });
   * enc.decode(SDR.fromSparse(9, [6, 7])); // { category: 'b', overlap: 2 }
   */
  decode(sdr: SDR): CategoryMatch {
    if (!(sdr instanceof SDR) || sdr.size !== this.size) {
      throw new ParameterError('sdr', sdr instanceof SDR ? sdr.toString() : sdr, `an SDR of size ${this.size}`, 'CategoryEncoder.decode');
    }
    const counts = new Uint32Array(this.categories.length + 1);
    for (const bit of sdr.sparse) counts[Math.floor(bit / this.activeBits)]++;
    let best = 0;
    for (let b = 1; b < counts.length; b++) if (counts[b] > counts[best]) best = b;
    if (counts[best] === 0) return { category: null, overlap: 0 };
    return { category: best === 0 ? null : this.categories[best - 1], overlap: counts[best] };
  }
}
