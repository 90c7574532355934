/**
 * IF_curr_alpha: leaky integrate-and-fire neuron with alpha-shaped synaptic currents
 * (PyNN `IF_curr_alpha`, NEST `iaf_psc_alpha`).
 *
 *   cm dv/dt = -(cm/tauM)(v - vRest) + iSynE + iSynI + iExt
 *   diSynE/dt = dISynE - iSynE/tauSynE,   ddISynE/dt = -dISynE/tauSynE   (same for I)
 *   v >= vThresh  ->  spike, v = vReset, clamped for tauRefrac
 *
 * An input of weight w (nA) adds w e/tauSynE to `dISynE`, so the current it causes is
 * w (t/tauSynE) exp(1 - t/tauSynE): it peaks at exactly w nA at t = tauSynE, PyNN's and
 * NEST's weight convention (NEST's `PSCInitialValue` = e/tau_syn). Negative weights
 * hyperpolarise, as in every current-based PyNN model. Because input enters scaled by
 * e/tauSyn, the model names no `inputTargets`: its input always comes through the ring.
 *
 * Integration is exact (Rotter & Diesmann 1999, Biol. Cybern. 81:381): the linear system
 * (dISyn, iSyn, v) is advanced by its 3x3 propagator, precomputed once per dt:
 *
 *   dISyn(h) = P11 dISyn,   iSyn(h) = P21 dISyn + P22 iSyn,   P11 = P22 = exp(-h/tauS),
 *   P21 = h exp(-h/tauS),
 *   v(h) - vRest = P33 (v - vRest) + P30 iExt + P31 dISyn + P32 iSyn,
 *   P33 = exp(-h/tauM),  P30 = tauM/cm (1 - P33),
 *   P32 = (1/cm) tauM tauS/(tauM - tauS) (exp(-h/tauM) - exp(-h/tauS)),
 *   P31 = (h^2/cm) exp(-h/tauM) g(x),  x = h (1/tauS - 1/tauM),  g(x) = (1 - e^-x (1 + x))/x^2.
 *
 * g is evaluated by its Taylor series near x = 0, so tauM == tauSyn is exact too
 * (g(0) = 1/2: P31 = h^2/(2 cm) exp(-h/tau)), unlike the naive formula that divides by
 * tauM - tauS. State is Float32 between steps; a step computes in double precision.
 */
import type { Rng } from '../core/rng.js';
import { checkOrder, checkParams } from './validateParams.js';
import type { KernelArrays, NeuronKernel, NeuronModel } from './model.js';
import { constantCurrentPropagator, decay, expCurrentPropagator, refractorySteps } from './propagators.js';

/** Parameters of {@link IFCurrAlpha} (PyNN names and defaults). */
export interface IFCurrAlphaParams {
  /** membrane capacitance, nF */
  cm: number;
  /** membrane time constant, ms */
  tauM: number;
  /** refractory period, ms */
  tauRefrac: number;
  /** rise time of the excitatory alpha current (time of its peak), ms */
  tauSynE: number;
  /** rise time of the inhibitory alpha current (time of its peak), ms */
  tauSynI: number;
  /** resting membrane potential, mV */
  vRest: number;
  /** reset potential after a spike, mV */
  vReset: number;
  /** spike threshold, mV */
  vThresh: number;
  /** constant injected current, nA (per neuron values: `population.setIOffset(...)`) */
  iOffset: number;
}

/** Precomputed one-step propagators of {@link IFCurrAlpha}. */
export interface IFCurrAlphaPropagators {
  /** exp(-dt/tauM) */
  p33: number;
  /** response of v to constant current, mV/nA */
  p30: number;
  /** response of v to the excitatory current, mV/nA */
  p32e: number;
  /** response of v to the excitatory alpha drive dISynE, mV/(nA/ms) */
  p31e: number;
  /** response of v to the inhibitory current, mV/nA */
  p32i: number;
  /** response of v to the inhibitory alpha drive dISynI, mV/(nA/ms) */
  p31i: number;
  /** exp(-dt/tauSynE): decay of dISynE and of iSynE's own part */
  p11e: number;
  /** dt exp(-dt/tauSynE): response of iSynE to dISynE, ms */
  p21e: number;
  /** exp(-dt/tauSynI) */
  p11i: number;
  /** dt exp(-dt/tauSynI), ms */
  p21i: number;
  /** e/tauSynE: increment of dISynE per nA of weight, 1/ms */
  jumpE: number;
  /** e/tauSynI: increment of dISynI per nA of weight, 1/ms */
  jumpI: number;
  /** refractory period in steps */
  refSteps: number;
}

/** g(x) = (1 - e^-x (1 + x)) / x^2, accurate for every x (series near 0). */
function alphaKernelFactor(x: number): number {
  if (Math.abs(x) < 1e-2) {
    // sum_{n>=2} (-1)^n (n-1)/n! x^(n-2); truncation error below 1e-14 for |x| < 0.01
    return 0.5 - x / 3 + (x * x) / 8 - (x * x * x) / 30 + (x * x * x * x) / 144;
  }
  return (-Math.expm1(-x) - x * Math.exp(-x)) / (x * x);
}

/**
 * Response of v after one step h (ms) to a unit alpha drive (dISyn = 1 nA/ms, iSyn = 0):
 * P31 = (1/cm) int_0^h exp(-(h-s)/tauM) s exp(-s/tauS) ds, mV per nA/ms. Exact also for
 * tauM == tauS.
 */
export function alphaCurrentPropagator(h: number, tauM: number, tauS: number, cm: number): number {
  const x = h * (1 / tauS - 1 / tauM);
  if (x < -700 || x > 700) {
    // far from equal time constants: the closed form without a large e^-x
    return ((h * h) / cm) * (Math.exp(-h / tauM) - Math.exp(-h / tauS) * (1 + x)) / (x * x);
  }
  return ((h * h) / cm) * Math.exp(-h / tauM) * alphaKernelFactor(x);
}

/** Computes the exact propagators for step `dt` (ms). */
export function ifCurrAlphaPropagators(p: Readonly<IFCurrAlphaParams>, dt: number): IFCurrAlphaPropagators {
  return {
    p33: decay(dt, p.tauM),
    p30: constantCurrentPropagator(dt, p.tauM, p.cm),
    p32e: expCurrentPropagator(dt, p.tauM, p.tauSynE, p.cm),
    p31e: alphaCurrentPropagator(dt, p.tauM, p.tauSynE, p.cm),
    p32i: expCurrentPropagator(dt, p.tauM, p.tauSynI, p.cm),
    p31i: alphaCurrentPropagator(dt, p.tauM, p.tauSynI, p.cm),
    p11e: decay(dt, p.tauSynE),
    p21e: dt * decay(dt, p.tauSynE),
    p11i: decay(dt, p.tauSynI),
    p21i: dt * decay(dt, p.tauSynI),
    jumpE: Math.E / p.tauSynE,
    jumpI: Math.E / p.tauSynI,
    refSteps: refractorySteps(p.tauRefrac, dt),
  };
}

/**
 * One exact step of a population of IF_curr_alpha neurons. Adds the arriving input
 * (weights, nA; null: none) to the alpha drives (and zeroes it), advances v with the synaptic state
 * at the start of the step, advances the synaptic state, applies threshold, reset and
 * refractoriness. Writes spiking indices into `spikes` and returns their count.
 */
export function stepIFCurrAlpha(
  n: number,
  v: Float32Array,
  iSynE: Float32Array,
  iSynI: Float32Array,
  dISynE: Float32Array,
  dISynI: Float32Array,
  refractory: Int32Array,
  iExt: Float32Array,
  inputE: Float32Array | null,
  inputI: Float32Array | null,
  spikes: Uint32Array,
  pr: Readonly<IFCurrAlphaPropagators>,
  vRest: number,
  vReset: number,
  vThresh: number,
): number {
  const { p33, p30, p31e, p32e, p31i, p32i, p11e, p21e, p11i, p21i, jumpE, jumpI, refSteps } = pr;
  let count = 0;
  for (let i = 0; i < n; i++) {
    let ye = dISynE[i];
    let yi = dISynI[i];
    if (inputE !== null) {
      ye += jumpE * inputE[i];
      inputE[i] = 0;
    }
    if (inputI !== null) {
      yi += jumpI * inputI[i];
      inputI[i] = 0;
    }
    const ie = iSynE[i];
    const ii = iSynI[i];
    dISynE[i] = ye * p11e;
    dISynI[i] = yi * p11i;
    iSynE[i] = ye * p21e + ie * p11e;
    iSynI[i] = yi * p21i + ii * p11i;
    const r = refractory[i];
    if (r > 0) {
      refractory[i] = r - 1;
      continue;
    }
    const vn = vRest + (v[i] - vRest) * p33 + iExt[i] * p30 + ye * p31e + ie * p32e + yi * p31i + ii * p32i;
    if (vn >= vThresh) {
      v[i] = vReset;
      refractory[i] = refSteps;
      spikes[count++] = i;
    } else {
      v[i] = vn;
    }
  }
  return count;
}

const UNITS = {
  cm: 'nF',
  tauM: 'ms',
  tauRefrac: 'ms',
  tauSynE: 'ms',
  tauSynI: 'ms',
  vRest: 'mV',
  vReset: 'mV',
  vThresh: 'mV',
  iOffset: 'nA',
} as const;

/** Leaky integrate-and-fire with alpha-shaped current synapses (PyNN `IF_curr_alpha`). */
export const IFCurrAlpha: NeuronModel<IFCurrAlphaParams> = {
  name: 'IFCurrAlpha',
  pynnName: 'IF_curr_alpha',
  defaults: Object.freeze({
    cm: 1.0,
    tauM: 20.0,
    tauRefrac: 0.1,
    tauSynE: 0.5,
    tauSynI: 0.5,
    vRest: -65.0,
    vReset: -65.0,
    vThresh: -50.0,
    iOffset: 0.0,
  }),
  units: UNITS,
  stateVariables: { v: 'mV', iSynE: 'nA', iSynI: 'nA', dISynE: 'nA/ms', dISynI: 'nA/ms' },
  synapseKind: 'current',
  initialState: (p) => ({ v: p.vRest, iSynE: 0, iSynI: 0, dISynE: 0, dISynI: 0 }),
  thresholdOf: (p) => p.vThresh,
  validate(p) {
    checkParams(
      'IFCurrAlpha',
      p as unknown as Record<string, unknown>,
      {
        cm: 'positive',
        tauM: 'positive',
        tauRefrac: 'nonNegative',
        tauSynE: 'positive',
        tauSynI: 'positive',
        vRest: 'finite',
        vReset: 'finite',
        vThresh: 'finite',
        iOffset: 'finite',
      },
      UNITS,
    );
    checkOrder('IFCurrAlpha', 'vReset', p.vReset, 'vThresh', p.vThresh);
  },
  createKernel(a: KernelArrays, p: Readonly<IFCurrAlphaParams>, dt: number, _rng: Rng): NeuronKernel {
    let pr = ifCurrAlphaPropagators(p, dt);
    return {
      step(_k, inE, inI) {
        const { v, iSynE, iSynI, dISynE, dISynI } = a.state;
        return stepIFCurrAlpha(
          a.size, v, iSynE, iSynI, dISynE, dISynI, a.refractory, a.iExt, inE, inI, a.spikes,
          pr, p.vRest, p.vReset, p.vThresh,
        );
      },
      refresh() {
        pr = ifCurrAlphaPropagators(p, dt);
      },
    };
  },
};
