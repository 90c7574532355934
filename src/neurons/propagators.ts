/**
 * Exact propagators for linear subthreshold dynamics (Rotter & Diesmann 1999,
 * Biol. Cybern. 81:381). For a membrane dv/dt = -(v - vRest)/tauM + I(t)/cm driven by
 * a current that decays as I(t) = I0 exp(-t/tauS), the state after one step h is
 *
 *   v(h) - vRest = P33 (v(0) - vRest) + P31 I0 + P30 iExt
 *   P33 = exp(-h/tauM),  P30 = tauM/cm (1 - P33),
 *   P31 = (1/cm) tauM tauS/(tauM - tauS) (exp(-h/tauM) - exp(-h/tauS)).
 *
 * When tauM and tauS are (nearly) equal, P31 tends to (h/cm) exp(-h/tau); the general
 * formula is evaluated with expm1 to avoid cancellation, and switches to the limit
 * (h/cm) exp(-h/tauBar), tauBar the mean of the two, which is exact to first order in
 * tauS - tauM, when their relative difference is below 1e-6.
 */

/** exp(-h/tau): decay of an exponential variable over one step. */
export function decay(h: number, tau: number): number {
  return Math.exp(-h / tau);
}

/** Response of v to a constant current over one step: tauM/cm (1 - exp(-h/tauM)), mV per nA. */
export function constantCurrentPropagator(h: number, tauM: number, cm: number): number {
  return (-Math.expm1(-h / tauM) * tauM) / cm;
}

/**
 * Response of v after one step to a unit exponential current starting at 1 nA:
 * P31 = (1/cm) tauM tauS/(tauM - tauS) (exp(-h/tauM) - exp(-h/tauS)), mV per nA.
 */
export function expCurrentPropagator(h: number, tauM: number, tauS: number, cm: number): number {
  const rel = Math.abs(tauM - tauS) / Math.max(tauM, tauS);
  if (rel < 1e-6) {
    // Expanding in d = tauS - tauM gives (h/cm) e^{-h/tauM} (1 + h d / (2 tauM^2)) + O(d^2),
    // which is (h/cm) e^{-h/tauBar} to the same order.
    const tauBar = 0.5 * (tauM + tauS);
    return (h * Math.exp(-h / tauBar)) / cm;
  }
  const diff = Math.expm1(-h / tauM) - Math.expm1(-h / tauS);
  return ((tauM * tauS) / (tauM - tauS)) * diff / cm;
}

/** Number of whole steps a refractory period lasts (NEST rounds to the nearest step). */
export function refractorySteps(tauRefrac: number, dt: number): number {
  return Math.round(tauRefrac / dt + 1e-9);
}
