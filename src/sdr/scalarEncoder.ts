/**
 * ScalarEncoder: a real number as a contiguous block of `activeBits` ones whose position
 * moves with the value. Semantics and parameter resolution are htm.core's
 * (`src/htm/encoders/ScalarEncoder.cpp`), including its float32 `sparsity`.
 */
import { ParameterError } from '../core/errors.js';
import { requireKnownKeys, requireObject } from '../core/validate.js';
import { SDR } from './sdr.js';

/**
 * Parameters of a {@link ScalarEncoder}, as htm.core's `ScalarEncoderParameters`.
 * Give exactly one of `activeBits` / `sparsity`, and exactly one of `size` / `radius` /
 * `resolution` / `category`. As in htm.core, 0 (or leaving the field out) means "not given".
 */
export interface ScalarEncoderParameters {
  /** smallest input (inclusive) */
  readonly minimum: number;
  /** largest input (inclusive; for periodic encoders the same point as `minimum`) */
  readonly maximum: number;
  /** clamp inputs into [minimum, maximum] instead of throwing (not with periodic or category) */
  readonly clipInput?: boolean;
  /** the range wraps around: the block of ones continues at bit 0 after the last bit */
  readonly periodic?: boolean;
  /** inputs are unsigned integer categories with non-overlapping codes (radius 1) */
  readonly category?: boolean;
  /** width of the block of ones (bits) */
  readonly activeBits?: number;
  /** fraction of active bits, in (0, 1]; needs `size` (stored as float32 as in htm.core) */
  readonly sparsity?: number;
  /** total number of bits */
  readonly size?: number;
  /** inputs further apart than `radius` share no bit (input units) */
  readonly radius?: number;
  /** inputs at least `resolution` apart get different codes (input units) */
  readonly resolution?: number;
}

/** Every parameter of a {@link ScalarEncoder}, resolved. */
export interface ResolvedScalarEncoderParameters {
  readonly minimum: number;
  readonly maximum: number;
  readonly clipInput: boolean;
  readonly periodic: boolean;
  readonly category: boolean;
  readonly activeBits: number;
  /** activeBits / size, rounded to float32 (htm.core `Real`) */
  readonly sparsity: number;
  readonly size: number;
  /** activeBits · resolution */
  readonly radius: number;
  readonly resolution: number;
}

const KNOWN = [
  'minimum',
  'maximum',
  'clipInput',
  'periodic',
  'category',
  'activeBits',
  'sparsity',
  'size',
  'radius',
  'resolution',
] as const;

/** Largest size the encoder agrees to build. */
const MAX_SIZE = 2 ** 31 - 1;

/** The next double above x (C's nextafter(x, +inf)). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  let bits = buf.getBigUint64(0);
  bits = x > 0 ? bits + 1n : bits - 1n;
  buf.setBigUint64(0, bits);
  return buf.getFloat64(0);
}

/** C's round(): half away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function optionalBool(p: Record<string, unknown>, key: string, ctx: string): boolean {
  const v = p[key];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new ParameterError(key, v, 'true or false', ctx);
  return v;
}

function optionalPositive(p: Record<string, unknown>, key: string, ctx: string, integer: boolean, unit: string): number {
  const v = p[key];
  if (v === undefined || v === 0) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
    throw new ParameterError(key, v, `${integer ? 'an integer' : 'a finite number'} > 0 (${unit}), or 0 / absent for "not given"`, ctx);
  }
  return v;
}

/**
 * Encodes a real number as a contiguous block of `activeBits` ones (htm.core semantics).
 *
 * Resolution: with `size`, non-periodic `resolution = (nextUp(maximum) − minimum) /
 * (size − activeBits)` (both endpoints get their own position), periodic
 * `resolution = (maximum − minimum) / size`; with `radius`, `resolution = radius /
 * activeBits`; `category` means radius 1. Without `size`, non-periodic
 * `size = ceil(extent / resolution) + activeBits − 1`, periodic `size = ceil(extent /
 * resolution)`. Encoding: `start = round((x − minimum) / resolution)`, clamped to
 * `size − activeBits` (non-periodic) or wrapped (periodic); NaN encodes as all zeros.
 *
 * @example
 * const enc = new ScalarEncoder({ minimum: 10, maximum: 20, activeBits: 3, resolution: 1 });
 * enc.size;                 // 13
 * enc.encode(10.5).sparse;  // Uint32Array [1, 2, 3]
 * enc.encode(20).sparse;    // Uint32Array [10, 11, 12]
 */
export class ScalarEncoder {
  /** every parameter after resolution (frozen) */
  readonly parameters: ResolvedScalarEncoderParameters;
  /** number of output bits */
  readonly size: number;
  /** output shape, `[size]` */
  readonly dimensions: readonly number[];

  /** @param parameters - see {@link ScalarEncoderParameters} */
  constructor(parameters: ScalarEncoderParameters) {
    const ctx = 'ScalarEncoder';
    const p = requireObject('parameters', parameters, ctx);
    requireKnownKeys('parameters', p, KNOWN, ctx);
    const minimum = p.minimum;
    const maximum = p.maximum;
    if (typeof minimum !== 'number' || !Number.isFinite(minimum)) {
      throw new ParameterError('minimum', minimum, 'a finite number', ctx);
    }
    if (typeof maximum !== 'number' || !Number.isFinite(maximum) || !(maximum > minimum)) {
      throw new ParameterError('maximum', maximum, `a finite number > minimum = ${minimum}`, ctx);
    }
    const clipInput = optionalBool(p, 'clipInput', ctx);
    const periodic = optionalBool(p, 'periodic', ctx);
    const category = optionalBool(p, 'category', ctx);
    let activeBits = optionalPositive(p, 'activeBits', ctx, true, 'bits');
    const sparsityIn = optionalPositive(p, 'sparsity', ctx, false, 'fraction of bits');
    let size = optionalPositive(p, 'size', ctx, true, 'bits');
    let radius = optionalPositive(p, 'radius', ctx, false, 'input units');
    let resolution = optionalPositive(p, 'resolution', ctx, false, 'input units');

    if ((activeBits > 0 ? 1 : 0) + (sparsityIn > 0 ? 1 : 0) !== 1) {
      throw new ParameterError(
        activeBits > 0 ? 'sparsity' : 'activeBits',
        activeBits > 0 ? sparsityIn : undefined,
        'exactly one of activeBits or sparsity',
        ctx,
        activeBits > 0 ? 'remove sparsity or activeBits' : 'give activeBits (the width of the block of ones) or sparsity with size',
      );
    }
    const nSize = (size > 0 ? 1 : 0) + (radius > 0 ? 1 : 0) + (resolution > 0 ? 1 : 0) + (category ? 1 : 0);
    if (nSize !== 1) {
      throw new ParameterError(
        'size/radius/resolution/category',
        { size, radius, resolution, category },
        'exactly one of size, radius, resolution or category',
        ctx,
      );
    }
    if (periodic && clipInput) {
      throw new ParameterError('clipInput', clipInput, 'false when periodic is true', ctx, 'periodic inputs wrap around: apply the modulus yourself');
    }
    if (category && clipInput) throw new ParameterError('clipInput', clipInput, 'false when category is true', ctx);
    if (category && periodic) throw new ParameterError('periodic', periodic, 'false when category is true', ctx);
    if (category) {
      if (!Number.isInteger(minimum) || minimum < 0) {
        throw new ParameterError('minimum', minimum, 'an unsigned integer (category encoder)', ctx);
      }
      if (!Number.isInteger(maximum)) throw new ParameterError('maximum', maximum, 'an unsigned integer (category encoder)', ctx);
      radius = 1;
    }
    if (sparsityIn > 0) {
      if (sparsityIn > 1) throw new ParameterError('sparsity', sparsityIn, 'a number in (0, 1]', ctx);
      if (size === 0) {
        throw new ParameterError('sparsity', sparsityIn, 'only together with size', ctx, "give 'size', or give 'activeBits' instead of 'sparsity'");
      }
      // float32 arithmetic as in htm.core: (UInt) round(size * sparsity)
      activeBits = roundHalfAway(Math.fround(size * Math.fround(sparsityIn)));
      if (activeBits < 1) {
        throw new ParameterError('sparsity', sparsityIn, `a sparsity with round(size · sparsity) >= 1 (size = ${size})`, ctx);
      }
    }
    const extent = periodic ? maximum - minimum : nextUp(maximum) - minimum;
    if (size > 0) {
      if (activeBits >= size) {
        throw new ParameterError('activeBits', activeBits, `an integer < size = ${size}`, ctx);
      }
      resolution = periodic ? extent / size : extent / (size - activeBits);
    } else {
      if (radius > 0) resolution = radius / activeBits;
      const bands = Math.ceil(extent / resolution);
      const wanted = periodic ? bands : bands + activeBits - 1;
      if (!(wanted <= MAX_SIZE)) {
        throw new ParameterError(
          category ? 'maximum' : radius > 0 ? 'radius' : 'resolution',
          category ? maximum : radius > 0 ? radius : resolution,
          `a value that gives size <= ${MAX_SIZE} bits (it would give ${wanted})`,
          ctx,
        );
      }
      size = wanted;
      if (activeBits >= size) {
        throw new ParameterError('activeBits', activeBits, `an integer < size = ${size} (size follows from the range and resolution)`, ctx);
      }
    }
    radius = activeBits * resolution;
    this.parameters = Object.freeze({
      minimum,
      maximum,
      clipInput,
      periodic,
      category,
      activeBits,
      sparsity: Math.fround(activeBits / size),
      size,
      radius,
      resolution,
    });
    this.size = size;
    this.dimensions = Object.freeze([size]);
  }

  /**
   * Encodes `input` into `output` (or a new SDR).
   *
   * @param input - a number in [minimum, maximum] (clamped if clipInput); NaN gives all zeros
   * @param output - SDR of `size` bits to write into (any shape of that size)
   * @returns the output SDR
   * @example
   * new ScalarEncoder({ minimum: 0, maximum: 1, size: 10, activeBits: 3 }).encode(1).sparse; // [7, 8, 9]
   */
  encode(input: number, output?: SDR): SDR {
    const ctx = 'ScalarEncoder.encode';
    const P = this.parameters;
    const out = output ?? new SDR(this.dimensions);
    if (!(out instanceof SDR) || out.size !== this.size) {
      throw new ParameterError('output', out instanceof SDR ? out.toString() : out, `an SDR of size ${this.size}`, ctx);
    }
    if (typeof input !== 'number') throw new ParameterError('input', input, 'a number', ctx);
    if (Number.isNaN(input)) return out.zero();
    let x = input;
    if (P.clipInput) {
      x = Math.min(Math.max(x, P.minimum), P.maximum);
    } else {
      if (P.category && !(Number.isInteger(x) && x >= 0)) {
        throw new ParameterError('input', input, 'an unsigned integer (category encoder)', ctx);
      }
      if (!(x >= P.minimum && x <= P.maximum)) {
        throw new ParameterError(
          'input',
          input,
          `a number in [${P.minimum}, ${P.maximum}]`,
          ctx,
          'pass clipInput: true to clamp inputs outside the range',
        );
      }
    }
    let start = Math.round((x - P.minimum) / P.resolution);
    if (!P.periodic) start = Math.min(start, this.size - P.activeBits);
    const bits = new Uint32Array(P.activeBits);
    for (let i = 0; i < P.activeBits; i++) {
      let b = start + i;
      if (b >= this.size) b -= this.size;
      bits[i] = b;
    }
    if (P.periodic) bits.sort();
    return out.setSparse(bits);
  }
}
