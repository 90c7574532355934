/**
 * The seeded random generator behind every random draw in Engram.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna 2018), 32-bit arithmetic only, so it is
 * fast in JavaScript and gives the same stream in Node and in every browser. The state
 * is seeded with splitmix32 from a 32-bit seed. Child streams ({@link Rng.fork}) are
 * derived from the seed and a key, never from the parent's current position, so adding
 * a population or a monitor does not change the draws of the others.
 *
 * Guarantee: the same seed gives the same sequence of numbers, bit for bit.
 */
import { ParameterError } from './errors.js';

const TWO_POW_M32 = 2 ** -32;

function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0;
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [state, z >>> 0];
}

/** FNV-1a hash of a string key, for deriving child seeds. */
function hashKey(key: string | number): number {
  const s = String(key);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seed: a non-negative integer (used modulo 2^32) or a string (hashed). */
export type Seed = number | string;

function normaliseSeed(seed: Seed): number {
  if (typeof seed === 'string') return hashKey(seed);
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0) {
    throw new ParameterError('seed', seed, 'a non-negative integer or a string', 'Rng');
  }
  return seed % 4294967296 >>> 0;
}

/**
 * Seeded pseudo-random generator (xoshiro128**).
 *
 * @example
 * const rng = new Rng(42);
 * const u = rng.random();        // in [0, 1)
 * const child = rng.fork('poisson:0');  // independent, reproducible stream
 */
export class Rng {
  /** the 32-bit seed this generator was created from */
  readonly seed: number;
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spareNormal = 0;
  private hasSpare = false;

  constructor(seed: Seed = 0) {
    this.seed = normaliseSeed(seed);
    let st = this.seed;
    let v: number;
    [st, v] = splitmix32(st);
    this.s0 = v | 0;
    [st, v] = splitmix32(st);
    this.s1 = v | 0;
    [st, v] = splitmix32(st);
    this.s2 = v | 0;
    [, v] = splitmix32(st);
    this.s3 = v | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** An independent generator derived from this one's seed and `key` (not from its position). */
  fork(key: string | number): Rng {
    const mixed = Math.imul(this.seed ^ 0x5bd1e995, 0x27d4eb2d) ^ hashKey(key);
    return new Rng(mixed >>> 0);
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform in [0, 1), 32-bit resolution. */
  random(): number {
    return this.nextUint32() * TWO_POW_M32;
  }

  /** Uniform in [0, 1) with 53-bit resolution (two draws). */
  random53(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.random();
  }

  /** Unbiased integer in [0, n) for n >= 1 (rejection of the top sliver of 2^32). */
  int(n: number): number {
    if (n <= 1) return 0;
    if (n > 4294967296) return Math.floor(this.random53() * n);
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Standard normal N(0, 1) (Marsaglia polar method). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.random53() - 1;
      v = 2 * this.random53() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Exponential with mean 1. */
  exponential(): number {
    return -Math.log(1 - this.random53());
  }

  /**
   * Geometric: number of failures before the first success, success probability p in (0, 1].
   * Used to skip over non-events (Poisson steps, connection candidates) in O(events).
   */
  geometric(p: number): number {
    if (p >= 1) return 0;
    if (p <= 0) return Infinity;
    return Math.floor(Math.log(1 - this.random53()) / Math.log1p(-p));
  }

  /** Poisson-distributed count with mean `lambda` >= 0. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda < 30) {
      // Knuth's product method.
      const limit = Math.exp(-lambda);
      let k = 0;
      let prod = this.random53();
      while (prod > limit) {
        k++;
        prod *= this.random53();
      }
      return k;
    }
    // PTRS: transformed rejection with squeeze (Hoermann 1993).
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.random53() - 0.5;
      const v = this.random53();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) {
        return k;
      }
    }
  }

  /** Binomial(n, p) count, exact, in O(n p) expected draws (geometric skipping). */
  binomial(n: number, p: number): number {
    if (p <= 0 || n <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    let count = 0;
    let pos = this.geometric(p);
    while (pos < n) {
      count++;
      pos += 1 + this.geometric(p);
    }
    return count;
  }

  /** Shuffles `array` in place (Fisher-Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /**
   * k distinct integers from [0, n), sorted ascending. Floyd's algorithm when k is small
   * against n, a partial Fisher-Yates otherwise.
   */
  sampleWithoutReplacement(n: number, k: number): Uint32Array {
    if (k > n) throw new ParameterError('k', k, `an integer <= n = ${n}`, 'Rng.sampleWithoutReplacement');
    const out = new Uint32Array(k);
    if (k === 0) return out;
    if (k * 4 < n) {
      const chosen = new Set<number>();
      for (let j = n - k; j < n; j++) {
        const t = this.int(j + 1);
        chosen.add(chosen.has(t) ? j : t);
      }
      let i = 0;
      for (const v of chosen) out[i++] = v;
    } else {
      const pool = new Uint32Array(n);
      for (let i = 0; i < n; i++) pool[i] = i;
      for (let i = 0; i < k; i++) {
        const j = i + this.int(n - i);
        const tmp = pool[i];
        pool[i] = pool[j];
        pool[j] = tmp;
        out[i] = pool[i];
      }
    }
    return out.sort();
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

const LOG_FACT_TABLE: number[] = [0];
/** ln(k!) (table below 256, Stirling series above). */
export function logFactorial(k: number): number {
  if (k < 256) {
    for (let i = LOG_FACT_TABLE.length; i <= k; i++) LOG_FACT_TABLE[i] = LOG_FACT_TABLE[i - 1] + Math.log(i);
    return LOG_FACT_TABLE[k];
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}
