/**
 * The embedded Runge-Kutta-Fehlberg 4(5) pair and the step-size control that NEST's
 * conductance-based models use through GSL (`gsl_odeiv_step_rkf45` with
 * `gsl_odeiv_evolve_apply` and the standard control `std_control_hadjust`). Models
 * inline the stages (their right-hand sides differ); this module holds the tableau and
 * the rule that turns an error estimate into the next step size.
 *
 * Stage k_j = f(t + A_j h, y + h sum_l B_jl k_l); the step propagates the 5th-order
 * solution y + h sum C_j k_j (local extrapolation, as GSL) and estimates its error as
 * h sum E_j k_j, the difference to the embedded 4th-order solution.
 *
 * Error control (GSL): with D_i = epsAbs + epsRel (aY |y_i| + aDydt |h y'_i|) and
 * rmax = max_i |err_i| / D_i, a step with rmax > 1.1 is rejected and retried with
 * h max(0.2, 0.9 rmax^(-1/5)); a step with rmax < 0.5 is accepted and the next one may
 * grow to h min(5, max(1, 0.9 rmax^(-1/6))); otherwise h is kept.
 *
 * Reference: E. Fehlberg (1969) NASA TR R-315; GSL `ode-initval/rkf45.c`, `cstd.c`, `evolve.c`.
 */

/**
 * The Fehlberg tableau: nodes A, stage weights B, 5th-order weights C (the solution
 * propagated), error weights E (5th- minus 4th-order weights). Models copy the entries
 * into module-level constants (`const { A2, ... } = RKF45`): under dev-time module
 * transforms (tsx, vitest) an imported binding can be an accessor, slow in a hot loop.
 */
export const RKF45 = Object.freeze({
  A2: 1 / 4,
  A3: 3 / 8,
  A4: 12 / 13,
  A6: 1 / 2,
  B21: 1 / 4,
  B31: 3 / 32,
  B32: 9 / 32,
  B41: 1932 / 2197,
  B42: -7200 / 2197,
  B43: 7296 / 2197,
  B51: 439 / 216,
  B52: -8,
  B53: 3680 / 513,
  B54: -845 / 4104,
  B61: -8 / 27,
  B62: 2,
  B63: -3544 / 2565,
  B64: 1859 / 4104,
  B65: -11 / 40,
  C1: 16 / 135,
  C3: 6656 / 12825,
  C4: 28561 / 56430,
  C5: -9 / 50,
  C6: 2 / 55,
  E1: 1 / 360,
  E3: -128 / 4275,
  E4: -2197 / 75240,
  E5: 1 / 50,
  E6: 2 / 55,
});

/** Order GSL reports for rkf45, used in the step-size exponents. */
export const RKF45_ORDER = 5;

/** rmax above which a step is rejected (GSL) */
export const REJECT_ABOVE = 1.1;

/** rmax below which the growth factor is capped at 5: (0.9/5)^(order + 1) */
const GROW_CAPPED_BELOW = Math.pow(0.9 / 5, RKF45_ORDER + 1);

/**
 * The step size GSL's standard control proposes after a step of size `h` whose largest
 * scaled error is `rmax`: smaller when rmax > 1.1 (the step is then retried), larger
 * when rmax < 0.5, else unchanged.
 */
export function nextStepSize(h: number, rmax: number): number {
  if (rmax > REJECT_ABOVE) {
    const r = 0.9 / Math.pow(rmax, 1 / RKF45_ORDER);
    return h * (r < 0.2 ? 0.2 : r);
  }
  if (rmax < 0.5) {
    // 0.9 rmax^(-1/6) >= 5 for rmax <= 0.18^6: the common case needs no pow()
    if (rmax <= GROW_CAPPED_BELOW) return 5 * h;
    // rmax^(1/6) as cbrt(sqrt(rmax)): the same value to an ulp, several times cheaper than pow()
    let r = 0.9 / Math.cbrt(Math.sqrt(rmax));
    if (r > 5) r = 5;
    if (r < 1) r = 1;
    return h * r;
  }
  return h;
}
