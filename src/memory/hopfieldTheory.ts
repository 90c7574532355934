/**
 * Capacity theory of the dense ±1 Hopfield network (theory.md 3.1): the replica-symmetric
 * zero-temperature retrieval solution of Amit, Gutfreund & Sompolinsky (1985, 1987),
 * m = erf(y), α = [erf(y) − (2y/√π) e^{−y²}]² / (2y²), whose retrieval branch ends at
 * α_c = 0.1379 (y* = 1.5112, m_c = 0.9674), and the one-step bit-flip probability of the
 * Gaussian crosstalk estimate (Hertz, Krogh & Palmer 1991), P = ½ erfc(√(1/(2α))).
 */
import { ParameterError } from '../core/errors.js';

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * The error function, |error| < 1e-14 (Taylor series below 2.5, Lentz continued fraction of erfc above).
 *
 * @example
 * erf(1); // 0.8427007929497149
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -erf(-x);
  if (x < 2.5) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return TWO_OVER_SQRT_PI * sum;
  }
  return 1 - erfc(x);
}

/**
 * The complementary error function 1 − erf(x), accurate in the tail.
 *
 * @example
 * erfc(3); // 2.209049699858544e-5
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 2.5) return 1 - erf(x);
  // continued fraction erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))) (modified Lentz)
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    D = x + a * D;
    D = D === 0 ? tiny : 1 / D;
    C = x + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** α(y) on the replica-symmetric T = 0 solution. */
function alphaOfY(y: number): number {
  const e = erf(y);
  const g = e - TWO_OVER_SQRT_PI * y * Math.exp(-y * y);
  return (g * g) / (2 * y * y);
}

/** y* at which α(y) is largest (golden-section search), and that α_c. */
function criticalPoint(): { y: number; alpha: number } {
  let a = 1;
  let b = 2.5;
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  for (let it = 0; it < 200 && b - a > 1e-13; it++) {
    if (alphaOfY(c) > alphaOfY(d)) b = d;
    else a = c;
    c = b - r * (b - a);
    d = a + r * (b - a);
  }
  const y = (a + b) / 2;
  return { y, alpha: alphaOfY(y) };
}

const CRIT = criticalPoint();

/** Critical load α_c of the dense Hopfield network (replica-symmetric, T = 0): 0.137905... */
export const HOPFIELD_CRITICAL_LOAD = CRIT.alpha;

/**
 * Retrieval overlap m(α) of the replica-symmetric T = 0 solution; NaN above α_c (no
 * retrieval state).
 *
 * @param alpha - load p/N, >= 0
 * @example
 * hopfieldRetrievalOverlap(0.1);  // 0.997999...
 * hopfieldRetrievalOverlap(0.15); // NaN
 */
export function hopfieldRetrievalOverlap(alpha: number): number {
  if (typeof alpha !== 'number' || !(alpha >= 0) || !Number.isFinite(alpha)) {
    throw new ParameterError('alpha', alpha, 'a finite number >= 0 (patterns / N)', 'hopfieldRetrievalOverlap');
  }
  if (alpha === 0) return 1;
  if (alpha > CRIT.alpha) return NaN;
  // α(y) decreases from α_c at y* to 0 as y → ∞: bisect on [y*, hi]
  let lo = CRIT.y;
  let hi = lo;
  while (alphaOfY(hi) > alpha) hi *= 2;
  for (let it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
    const mid = (lo + hi) / 2;
    if (alphaOfY(mid) > alpha) lo = mid;
    else hi = mid;
  }
  return erf((lo + hi) / 2);
}

/**
 * One-step bit-flip probability from Gaussian crosstalk: P = ½ erfc(√(N/(2p))) = ½ erfc(1/√(2α)).
 *
 * @example
 * hopfieldBitErrorProbability(0.138); // 0.003552
 */
export function hopfieldBitErrorProbability(alpha: number): number {
  if (typeof alpha !== 'number' || !(alpha > 0) || !Number.isFinite(alpha)) {
    throw new ParameterError('alpha', alpha, 'a finite number > 0 (patterns / N)', 'hopfieldBitErrorProbability');
  }
  return 0.5 * erfc(Math.sqrt(1 / (2 * alpha)));
}
