/**
 * Exact integer and rational arithmetic on `bigint`, for the SDR theory functions.
 *
 * Probabilities in {@link ./theory.ts} are ratios of (very large) binomial sums. They are
 * formed exactly as `num / den` with `bigint`s and converted to a `number` once, at the
 * end, with correct rounding ({@link ratioToNumber}). No floating-point binomial, no
 * fixed decimal scale (which underflows for results like 1e-85), no `1 - P`.
 */
import { ParameterError } from '../core/errors.js';

/** An exact non-negative rational number `num / den` (den > 0). */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** Below this many factors a plain loop beats the product tree. */
const PRODUCT_TREE_CUTOFF = 64;

/** Product of the integers lo, lo+1, ..., hi (1 when hi < lo), by binary splitting. */
export function rangeProduct(lo: number, hi: number): bigint {
  if (hi < lo) return 1n;
  if (hi - lo < PRODUCT_TREE_CUTOFF) {
    let p = 1n;
    for (let i = lo; i <= hi; i++) p *= BigInt(i);
    return p;
  }
  const mid = Math.floor((lo + hi) / 2);
  return rangeProduct(lo, mid) * rangeProduct(mid + 1, hi);
}

/** Largest k for which {@link binomial} agrees to work (the result has ~k·log2(n/k) bits). */
export const MAX_BINOMIAL_K = 1_000_000;

/**
 * The binomial coefficient C(n, k) as an exact `bigint`; 0 when k < 0 or k > n.
 *
 * Uses C(n, k) = [(n-k+1)···n] / k! with both products formed by binary splitting, so
 * large arguments (n = 200000, k = 2000) take milliseconds.
 *
 * @param n - a non-negative integer
 * @param k - an integer (any sign; out of [0, n] gives 0)
 * @example
 * binomial(2048, 2); // 2096128n
 * binomial(5, 7);    // 0n
 */
export function binomial(n: number, k: number): bigint {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new ParameterError('n', n, 'a non-negative safe integer', 'binomial');
  }
  if (!Number.isSafeInteger(k)) throw new ParameterError('k', k, 'a safe integer', 'binomial');
  if (k < 0 || k > n) return 0n;
  const kk = Math.min(k, n - k);
  if (kk > MAX_BINOMIAL_K) {
    throw new ParameterError(
      'k',
      k,
      `min(k, n - k) <= ${MAX_BINOMIAL_K}`,
      'binomial',
      'the exact coefficient would have too many digits to compute in reasonable time',
    );
  }
  if (kk === 0) return 1n;
  return rangeProduct(n - kk + 1, n) / rangeProduct(1, kk);
}

/** Number of bits of |x| (0 for 0). */
export function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  if (x === 0n) return 0;
  const hex = x.toString(16);
  const lead = parseInt(hex[0], 16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(lead));
}

/** x · 2^e without intermediate overflow or underflow (exact unless the result is subnormal). */
function scaleByPowerOfTwo(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/**
 * The rational `num / den` as the nearest `number` (correctly rounded for results in the
 * normal double range, about 2.2e-308 to 1.8e308; smaller results lose precision gradually
 * as subnormals, and results below 4.9e-324 are 0).
 *
 * The quotient is formed with 64+ significant bits plus a sticky bit for the remainder, so
 * the final rounding to 53 bits is exact-rounding, whatever the sizes of `num` and `den`.
 *
 * @example
 * ratioToNumber(1n, 3n);                        // 0.3333333333333333
 * ratioToNumber(1n, 10n ** 300n);               // 1e-300
 */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (den === 0n) throw new ParameterError('den', den, 'a non-zero bigint', 'ratioToNumber');
  if (num === 0n) return 0;
  let negative = false;
  if (num < 0n) {
    num = -num;
    negative = !negative;
  }
  if (den < 0n) {
    den = -den;
    negative = !negative;
  }
  // Choose a shift so that the integer quotient has 64 or 65 bits.
  const shift = 64 - (bitLength(num) - bitLength(den));
  const a = shift >= 0 ? num << BigInt(shift) : num;
  const b = shift >= 0 ? den : den << BigInt(-shift);
  let q = a / b;
  if (q * b !== a) q |= 1n; // sticky bit: the quotient is not exact
  const value = scaleByPowerOfTwo(Number(q), -shift);
  return negative ? -value : value;
}

/** `r` as the nearest number (see {@link ratioToNumber}). */
export function toNumber(r: Ratio): number {
  return ratioToNumber(r.num, r.den);
}

const LOG10_2 = Math.log10(2);

/**
 * log10 of a positive rational, for any magnitude (also far below the double range, e.g.
 * 1e-5000); absolute error about 1e-16 per power of two of the result (< 1e-12 down to 1e-5000).
 *
 * @example
 * ratioLog10(1n, 10n ** 5000n); // -5000
 */
export function ratioLog10(num: bigint, den: bigint): number {
  if (num <= 0n || den <= 0n) {
    throw new ParameterError('num/den', [num, den], 'two positive bigints', 'ratioLog10');
  }
  const shift = 64 - (bitLength(num) - bitLength(den));
  const a = shift >= 0 ? num << BigInt(shift) : num;
  const b = shift >= 0 ? den : den << BigInt(-shift);
  const q = Number(a / b); // in [2^63, 2^65], 53 correct bits are plenty for the log
  return Math.log10(q) - shift * LOG10_2;
}
