/**
 * ln Γ(x) and the real-argument log binomial coefficient, for the information measures of
 * binary associative memories (PyNAM's `lnncrr`, which accepts real-valued error counts).
 */
import { ParameterError } from '../core/errors.js';

/** Lanczos coefficients, g = 671/128, 14 terms (Press et al., Numerical Recipes 3rd ed., §6.1): |rel. error| < 1e-15. */
const COF = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, 0.339946499848118887e-4,
  0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3,
  0.217439618115212643e-3, -0.164318106536763890e-3, 0.844182239838527433e-4, -0.261908384015814087e-4,
  0.368991826595316234e-5,
];

/**
 * ln Γ(x) for x > 0 (Lanczos approximation, relative error below 1e-15).
 *
 * @param x - a finite number > 0
 * @example
 * lnGamma(5);   // ln 24 = 3.1780538303479458
 * lnGamma(0.5); // ln √π = 0.5723649429247001
 */
export function lnGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new ParameterError('x', x, 'a finite number > 0', 'lnGamma');
  let y = x;
  const tmp0 = x + 5.2421875;
  const tmp = (x + 0.5) * Math.log(tmp0) - tmp0;
  let ser = 0.999999999999997092;
  for (let j = 0; j < 14; j++) ser += COF[j] / ++y;
  return tmp + Math.log((2.5066282746310005 * ser) / x);
}

/**
 * ln C(x, y) = ln Γ(x+1) − ln Γ(y+1) − ln Γ(x−y+1) for real x >= y >= 0 (PyNAM's `lnncrr`).
 *
 * @example
 * lnChooseReal(16, 3); // ln 560
 */
export function lnChooseReal(x: number, y: number): number {
  return lnGamma(x + 1) - lnGamma(y + 1) - lnGamma(x - y + 1);
}
