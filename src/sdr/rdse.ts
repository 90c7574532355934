/**
 * RDSE: htm.core's RandomDistributedScalarEncoder, bit-compatible. Same parameters and
 * seed give the same bits as htm.core (`src/htm/encoders/RandomDistributedScalarEncoder.cpp`).
 */
import { ParameterError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { requireKnownKeys, requireObject } from '../core/validate.js';
import { murmurhash3_32Uint32 } from './murmurhash3.js';
import { resolveRng, type RandomSource } from './randomSource.js';
import { SDR } from './sdr.js';

/**
 * Parameters of an {@link RDSE}, as htm.core's `RDSE_Parameters`. Give exactly one of
 * `activeBits` / `sparsity` and exactly one of `radius` / `resolution` / `category`;
 * 0 (or leaving the field out) means "not given". `sparsity`, `radius` and `resolution`
 * are float32 in htm.core and are rounded to float32 here too.
 */
export interface RDSEParameters {
  /** total number of bits */
  readonly size: number;
  /** number of hashed bits per encoding (collisions can make the actual count smaller) */
  readonly activeBits?: number;
  /** fraction of active bits, in (0, 1]; activeBits = round(size · sparsity) */
  readonly sparsity?: number;
  /** inputs further apart than `radius` share (almost) no bit (input units) */
  readonly radius?: number;
  /** inputs at least `resolution` apart get different codes (input units) */
  readonly resolution?: number;
  /** inputs are unsigned integer categories with unrelated codes (radius 1) */
  readonly category?: boolean;
  /**
   * hash seed in [1, 2^32 − 1]. htm.core replaces 0 by a random seed; here 0 or absent
   * draws the seed from the `rng` given to the constructor (reproducible).
   */
  readonly seed?: number;
}

/** Every parameter of an {@link RDSE}, resolved (float32 values as htm.core stores them). */
export interface ResolvedRDSEParameters {
  readonly size: number;
  readonly activeBits: number;
  readonly sparsity: number;
  readonly radius: number;
  readonly resolution: number;
  readonly category: boolean;
  readonly seed: number;
}

const KNOWN = ['size', 'activeBits', 'sparsity', 'radius', 'resolution', 'category', 'seed'] as const;

const f32 = Math.fround;

function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function optionalPositive(p: Record<string, unknown>, key: string, ctx: string, integer: boolean, unit: string): number {
  const v = p[key];
  if (v === undefined || v === 0) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
    throw new ParameterError(key, v, `${integer ? 'an integer' : 'a finite number'} > 0 (${unit}), or 0 / absent for "not given"`, ctx);
  }
  return v;
}

/** (UInt)(double) as compiled by GCC/Clang on x86-64: truncate, then keep the low 32 bits. */
function toUint32LikeCpp(q: number): number {
  if (!(Math.abs(q) < 2 ** 63)) return 0;
  return Math.trunc(q) >>> 0;
}

/**
 * Random Distributed Scalar Encoder (htm.core version): a number x falls into bucket
 * `index = (uint32) trunc(x / resolution)`, and the code of bucket i is the set of bits
 * `MurmurHash3_x86_32(uint32le(i + k), seed) mod size` for k = 0 .. activeBits − 1.
 * Neighbouring buckets share activeBits − 1 hashes, so nearby values overlap, values a
 * radius apart do not; nothing is stored, and hash collisions are not repaired (the
 * expected number of distinct bits is size·(1 − (1 − 1/size)^activeBits)).
 *
 * Parameter checks as htm.core: unless size >= 1000 and activeBits >= 10, 1000 random
 * pairs of SDRs of this sparsity must overlap in at most 0.33·activeBits bits (the pairs
 * are drawn from `new Rng(seed)`, so acceptance is reproducible).
 *
 * @example
 * const rdse = new RDSE({ size: 1000, sparsity: 0.08, radius: 12, seed: 42 });
 * rdse.encode(987654).getSum(); // 76 (80 hashes, 4 collisions), same bits as htm.core
 */
export class RDSE {
  /** every parameter after resolution (frozen) */
  readonly parameters: ResolvedRDSEParameters;
  /** number of output bits */
  readonly size: number;
  /** output shape, `[size]` */
  readonly dimensions: readonly number[];
  private readonly scratch: Uint32Array;

  /**
   * @param parameters - see {@link RDSEParameters}
   * @param rng - where to draw the seed from when `parameters.seed` is 0 or absent
   */
  constructor(parameters: RDSEParameters, rng?: RandomSource) {
    const ctx = 'RDSE';
    const p = requireObject('parameters', parameters, ctx);
    requireKnownKeys('parameters', p, KNOWN, ctx);
    const size = p.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 0xffffffff) {
      throw new ParameterError('size', size, 'an integer in [1, 2^32 − 1] (bits)', ctx);
    }
    let activeBits = optionalPositive(p, 'activeBits', ctx, true, 'bits');
    const sparsityIn = optionalPositive(p, 'sparsity', ctx, false, 'fraction of bits');
    let radius = optionalPositive(p, 'radius', ctx, false, 'input units');
    let resolution = optionalPositive(p, 'resolution', ctx, false, 'input units');
    const category = p.category ?? false;
    if (typeof category !== 'boolean') throw new ParameterError('category', category, 'true or false', ctx);

    if ((activeBits > 0 ? 1 : 0) + (sparsityIn > 0 ? 1 : 0) !== 1) {
      throw new ParameterError(
        activeBits > 0 ? 'sparsity' : 'activeBits',
        activeBits > 0 ? sparsityIn : undefined,
        'exactly one of activeBits or sparsity',
        ctx,
      );
    }
    if ((radius > 0 ? 1 : 0) + (resolution > 0 ? 1 : 0) + (category ? 1 : 0) !== 1) {
      throw new ParameterError(
        'radius/resolution/category',
        { radius, resolution, category },
        'exactly one of radius, resolution or category',
        ctx,
      );
    }
    if (sparsityIn > 0) {
      if (sparsityIn > 1) throw new ParameterError('sparsity', sparsityIn, 'a number in (0, 1]', ctx);
      activeBits = roundHalfAway(f32(size * f32(sparsityIn)));
      if (activeBits < 1) {
        throw new ParameterError('sparsity', sparsityIn, `a sparsity with round(size · sparsity) >= 1 (size = ${size})`, ctx);
      }
    }
    if (activeBits > size) throw new ParameterError('activeBits', activeBits, `an integer in [1, size = ${size}]`, ctx);
    const sparsity = f32(activeBits / size);
    if (category) radius = 1;
    if (radius > 0) {
      radius = f32(radius);
      resolution = f32(radius / activeBits);
    } else {
      resolution = f32(resolution);
      radius = f32(activeBits * resolution);
    }
    if (!(resolution > 0) || !Number.isFinite(radius)) {
      throw new ParameterError(
        radius > 0 ? 'radius' : 'resolution',
        p.radius ?? p.resolution,
        'a value whose float32 resolution is > 0 and radius finite',
        ctx,
      );
    }
    const seedIn: unknown = p.seed ?? 0;
    if (typeof seedIn !== 'number' || !Number.isInteger(seedIn) || seedIn < 0 || seedIn > 0xffffffff) {
      throw new ParameterError('seed', seedIn, 'an integer in [0, 2^32 − 1] (0: draw from rng)', ctx);
    }
    let seed = seedIn;
    if (seed === 0) {
      if (rng === undefined) {
        throw new ParameterError(
          'seed',
          p.seed,
          'an integer in [1, 2^32 − 1], or 0 / absent together with an rng to draw it from',
          ctx,
          'htm.core draws seed 0 from the clock; Engram keeps every run reproducible',
        );
      }
      const gen = resolveRng(rng, 'rng', ctx);
      while (seed === 0) seed = gen.nextUint32();
    }
    this.parameters = Object.freeze({ size, activeBits, sparsity, radius, resolution, category, seed });
    this.size = size;
    this.dimensions = Object.freeze([size]);
    this.scratch = new Uint32Array(activeBits);
    if (!this.passesCollisionCheck()) {
      throw new ParameterError(
        'size',
        size,
        `a size/activeBits pair whose random codes overlap in <= 0.33 · activeBits bits (activeBits = ${activeBits})`,
        ctx,
        'failed the hash collision resistance check: increase size, sparsity and/or activeBits',
      );
    }
  }

  private passesCollisionCheck(): boolean {
    const { size, activeBits, sparsity, seed } = this.parameters;
    if (size >= 1000 && activeBits >= 10) return true;
    const rng = new Rng(seed);
    const a = new SDR(size).randomize(sparsity, rng);
    const b = new SDR(size);
    const limit = f32(0.33);
    for (let i = 0; i < 1000; i++) {
      b.randomize(sparsity, rng);
      if (f32(a.overlap(b) / activeBits) > limit) return false;
    }
    return true;
  }

  /**
   * The bucket index htm.core hashes for `input`: (uint32) trunc(input / resolution),
   * with the float32 resolution; negative quotients wrap modulo 2^32 as on x86-64.
   *
   * @example
   * new RDSE({ size: 1000, sparsity: 0.08, radius: 12, seed: 42 }).bucket(987654); // 6584359
   */
  bucket(input: number): number {
    return toUint32LikeCpp(input / this.parameters.resolution);
  }

  /**
   * Encodes `input` into `output` (or a new SDR).
   *
   * @param input - a finite number (an unsigned integer for category encoders); NaN gives all zeros
   * @param output - SDR of `size` bits to write into (any shape of that size)
   * @returns the output SDR
   * @example
   * const rdse = new RDSE({ size: 2000, sparsity: 0.08, radius: 12, seed: 42 });
   * rdse.encode(3).overlap(rdse.encode(4)); // 141 (of 153 distinct bits; 160 hashes)
   */
  encode(input: number, output?: SDR): SDR {
    const ctx = 'RDSE.encode';
    const P = this.parameters;
    const out = output ?? new SDR(this.dimensions);
    if (!(out instanceof SDR) || out.size !== this.size) {
      throw new ParameterError('output', out instanceof SDR ? out.toString() : out, `an SDR of size ${this.size}`, ctx);
    }
    if (typeof input !== 'number') throw new ParameterError('input', input, 'a number', ctx);
    if (Number.isNaN(input)) return out.zero();
    if (!Number.isFinite(input)) throw new ParameterError('input', input, 'a finite number (or NaN for no input)', ctx);
    if (P.category && !(Number.isInteger(input) && input >= 0 && input < 2 ** 64)) {
      throw new ParameterError('input', input, 'an unsigned integer (category encoder)', ctx);
    }
    const index = this.bucket(input);
    const bits = this.scratch;
    for (let k = 0; k < P.activeBits; k++) {
      bits[k] = murmurhash3_32Uint32((index + k) >>> 0, P.seed) % this.size;
    }
    const sorted = bits.slice().sort();
    let m = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i];
    return out.setSparse(sorted.subarray(0, m));
  }
}
