/**
 * IF_cond_exp: leaky integrate-and-fire neuron with exponentially decaying synaptic
 * conductances (PyNN `IF_cond_exp`, NEST `iaf_cond_exp`).
 *
 *   cm dv/dt = gL (vRest - v) + gSynE (eRevE - v) + gSynI (eRevI - v) + iExt,  gL = cm/tauM
 *   dgSynE/dt = -gSynE/tauSynE,   dgSynI/dt = -gSynI/tauSynI
 *   v >= vThresh  ->  spike, v = vReset, clamped for tauRefrac
 *
 * Weights are conductance jumps in uS (>= 0 on both receptors; the receptor picks the
 * reversal potential); single-delay projections add them straight into gSynE/gSynI
 * (`inputTargets`). Units: v mV, g uS, i nA, cm nF.
 *
 * Integration. The conductances decay exactly: g(t_k + s) = g(t_k) exp(-s/tau) inside a
 * step, and g(t_{k+1}) = g(t_k) exp(-dt/tau). Given those, v obeys a linear ODE with
 * time-varying coefficients whose solution involves incomplete gamma functions of two
 * variables, so it is not exact in closed form; v is integrated as NEST does, with the
 * embedded Runge-Kutta-Fehlberg 4(5) pair and GSL's adaptive step control
 * (see `rkf45.ts`): sub-steps inside each dt, the step size kept per neuron from
 * one dt to the next (initially dt, as NEST), absolute tolerance {@link IF_COND_EXP_TOLERANCE}
 * = 1e-6 mV on v per sub-step and no relative part (NEST: 1e-3 on every component;
 * tighter here because it costs nothing: one sub-step per dt for ordinary inputs).
 * As NEST, the right-hand side uses min(v, vThresh), and threshold, reset and the
 * refractory clamp (v held at vReset for round(tauRefrac/dt) steps, conductances still
 * decaying) are applied once per dt, after integration. State is Float32 between steps
 * (a step computes in double precision), which bounds how closely v can settle on a
 * fixed point: to about half an ulp of v times tauEff/dt (1e-4 mV for tauEff = 7 ms).
 */
import type { Rng } from '../core/rng.js';
import { checkOrder, checkParams } from './validateParams.js';
import type { KernelArrays, NeuronKernel, NeuronModel } from './model.js';
import { decay, refractorySteps } from './propagators.js';
import { REJECT_ABOVE as REJECT, RKF45, nextStepSize as stepSizeRule } from './rkf45.js';

// Module-level copies of the tableau and step rule (see RKF45: imported bindings can be
// accessors under dev-time transforms, too slow for the inner loop).
const { A2, A3, A4, A6, B21, B31, B32, B41, B42, B43, B51, B52, B53, B54, B61, B62, B63, B64, B65 } = RKF45;
const { C1, C3, C4, C5, C6, E1, E3, E4, E5, E6 } = RKF45;
const REJECT_ABOVE = REJECT;
const nextStepSize = stepSizeRule;

/** Absolute error tolerance of the RKF45 sub-steps on v, mV. */
export const IF_COND_EXP_TOLERANCE = 1e-6;

/** Parameters of {@link IFCondExp} (PyNN names and defaults). */
export interface IFCondExpParams {
  /** membrane capacitance, nF */
  cm: number;
  /** membrane time constant, ms (leak conductance gL = cm/tauM, uS) */
  tauM: number;
  /** refractory period, ms */
  tauRefrac: number;
  /** decay time constant of the excitatory synaptic conductance, ms */
  tauSynE: number;
  /** decay time constant of the inhibitory synaptic conductance, ms */
  tauSynI: number;
  /** excitatory reversal potential, mV */
  eRevE: number;
  /** inhibitory reversal potential, mV */
  eRevI: number;
  /** resting membrane potential (leak reversal), mV */
  vRest: number;
  /** reset potential after a spike, mV */
  vReset: number;
  /** spike threshold, mV */
  vThresh: number;
  /** constant injected current, nA (per neuron values: `population.setIOffset(...)`) */
  iOffset: number;
}

/** Values {@link stepIFCondExp} needs, precomputed from the parameters and dt. */
export interface IFCondExpConstants {
  /** time step, ms */
  readonly dt: number;
  /** 1/cm, 1/nF */
  readonly invCm: number;
  /** leak conductance cm/tauM, uS */
  readonly gL: number;
  readonly vRest: number;
  readonly vReset: number;
  readonly vThresh: number;
  readonly eRevE: number;
  readonly eRevI: number;
  /** 1/tauSynE, 1/tauSynI, 1/ms */
  readonly invTauE: number;
  readonly invTauI: number;
  /** exp(-dt/tauSynE), exp(-dt/tauSynI) */
  readonly pE: number;
  readonly pI: number;
  /** exp(-c dt/tau) at the six stage times c of a whole-dt sub-step (E then I) */
  readonly stageDecayE: Float64Array;
  readonly stageDecayI: Float64Array;
  /** refractory period in steps */
  readonly refSteps: number;
  /** absolute tolerance on v per sub-step, mV */
  readonly tolerance: number;
}

const STAGES = Float64Array.of(0, A2, A3, A4, 1, A6);

/** Precomputes the constants of {@link stepIFCondExp} for step `dt` (ms). */
export function ifCondExpConstants(p: Readonly<IFCondExpParams>, dt: number): IFCondExpConstants {
  return {
    dt,
    invCm: 1 / p.cm,
    gL: p.cm / p.tauM,
    vRest: p.vRest,
    vReset: p.vReset,
    vThresh: p.vThresh,
    eRevE: p.eRevE,
    eRevI: p.eRevI,
    invTauE: 1 / p.tauSynE,
    invTauI: 1 / p.tauSynI,
    pE: decay(dt, p.tauSynE),
    pI: decay(dt, p.tauSynI),
    stageDecayE: Float64Array.from(STAGES, (s) => Math.exp((-s * dt) / p.tauSynE)),
    stageDecayI: Float64Array.from(STAGES, (s) => Math.exp((-s * dt) / p.tauSynI)),
    refSteps: refractorySteps(p.tauRefrac, dt),
    tolerance: IF_COND_EXP_TOLERANCE,
  };
}

/** dv/dt (mV/ms) at conductances ge, gi (uS) and current iExt (nA), with v bounded by vThresh as NEST. */
function dvdt(
  v: number, ge: number, gi: number, iExt: number,
  gL: number, vRest: number, eRevE: number, eRevI: number, vThresh: number, invCm: number,
): number {
  const vb = v < vThresh ? v : vThresh;
  return (gL * (vRest - vb) + ge * (eRevE - vb) + gi * (eRevI - vb) + iExt) * invCm;
}

/**
 * One step of a population of IF_cond_exp neurons. Adds the ring input (uS; null when
 * the network delivered it straight into gSynE/gSynI) to the conductances (and zeroes it), integrates v over dt with adaptive RKF45 sub-steps
 * (sub-step sizes carried per neuron in `hStep`, ms) while the conductances decay
 * exactly, then applies threshold, reset and refractoriness. Writes spiking indices
 * into `spikes` and returns their count.
 */
export function stepIFCondExp(
  n: number,
  v: Float32Array,
  gSynE: Float32Array,
  gSynI: Float32Array,
  refractory: Int32Array,
  iExt: Float32Array,
  inputE: Float32Array | null,
  inputI: Float32Array | null,
  spikes: Uint32Array,
  hStep: Float64Array,
  c: IFCondExpConstants,
): number {
  const dt = c.dt;
  const tol = c.tolerance;
  const { gL, vRest, eRevE, eRevI, vThresh, invCm, invTauE, invTauI } = c;
  // conductance decay to the stage times of a sub-step spanning the whole step
  const dE = c.stageDecayE;
  const dI = c.stageDecayI;
  const dE1 = dE[1], dE2 = dE[2], dE3 = dE[3], dE4 = dE[4], dE5 = dE[5];
  const dI1 = dI[1], dI2 = dI[2], dI3 = dI[3], dI4 = dI[4], dI5 = dI[5];
  let count = 0;
  for (let i = 0; i < n; i++) {
    let ge0 = gSynE[i];
    let gi0 = gSynI[i];
    if (inputE !== null) {
      ge0 += inputE[i];
      inputE[i] = 0;
    }
    if (inputI !== null) {
      gi0 += inputI[i];
      inputI[i] = 0;
    }
    gSynE[i] = ge0 * c.pE;
    gSynI[i] = gi0 * c.pI;
    const r = refractory[i];
    if (r > 0) {
      refractory[i] = r - 1;
      continue;
    }
    const iE = iExt[i];
    let y = v[i];
    let h = hStep[i];
    let t = 0;
    while (t < dt) {
      let h0 = h;
      let last = false;
      if (h0 >= dt - t) {
        h0 = dt - t;
        last = true;
      }
      // conductances at t + STAGES[s] h0
      let e0 = ge0, e1: number, e2: number, e3: number, e4: number, e5: number;
      let i0 = gi0, i1: number, i2: number, i3: number, i4: number, i5: number;
      if (t === 0 && h0 === dt) {
        e1 = ge0 * dE1; e2 = ge0 * dE2; e3 = ge0 * dE3; e4 = ge0 * dE4; e5 = ge0 * dE5;
        i1 = gi0 * dI1; i2 = gi0 * dI2; i3 = gi0 * dI3; i4 = gi0 * dI4; i5 = gi0 * dI5;
      } else {
        const xe = ge0 === 0 ? 0 : -invTauE;
        const xi = gi0 === 0 ? 0 : -invTauI;
        e0 = ge0 * Math.exp(xe * t); e1 = ge0 * Math.exp(xe * (t + A2 * h0)); e2 = ge0 * Math.exp(xe * (t + A3 * h0));
        e3 = ge0 * Math.exp(xe * (t + A4 * h0)); e4 = ge0 * Math.exp(xe * (t + h0)); e5 = ge0 * Math.exp(xe * (t + A6 * h0));
        i0 = gi0 * Math.exp(xi * t); i1 = gi0 * Math.exp(xi * (t + A2 * h0)); i2 = gi0 * Math.exp(xi * (t + A3 * h0));
        i3 = gi0 * Math.exp(xi * (t + A4 * h0)); i4 = gi0 * Math.exp(xi * (t + h0)); i5 = gi0 * Math.exp(xi * (t + A6 * h0));
      }
      const k1 = dvdt(y, e0, i0, iE, gL, vRest, eRevE, eRevI, vThresh, invCm);
      const k2 = dvdt(y + h0 * B21 * k1, e1, i1, iE, gL, vRest, eRevE, eRevI, vThresh, invCm);
      const k3 = dvdt(y + h0 * (B31 * k1 + B32 * k2), e2, i2, iE, gL, vRest, eRevE, eRevI, vThresh, invCm);
      const k4 = dvdt(y + h0 * (B41 * k1 + B42 * k2 + B43 * k3), e3, i3, iE, gL, vRest, eRevE, eRevI, vThresh, invCm);
      const k5 = dvdt(y + h0 * (B51 * k1 + B52 * k2 + B53 * k3 + B54 * k4), e4, i4, iE, gL, vRest, eRevE, eRevI, vThresh, invCm);
      const k6 = dvdt(
        y + h0 * (B61 * k1 + B62 * k2 + B63 * k3 + B64 * k4 + B65 * k5), e5, i5, iE,
        gL, vRest, eRevE, eRevI, vThresh, invCm,
      );
      const err = h0 * (E1 * k1 + E3 * k3 + E4 * k4 + E5 * k5 + E6 * k6);
      const tNew = last ? dt : t + h0;
      const rmax = Math.abs(err) / tol;
      const hNext = nextStepSize(h0, rmax);
      if (rmax > REJECT_ABOVE && hNext < h0 && tNew + hNext !== tNew) {
        h = hNext; // reject: retry from t with the smaller step
        continue;
      }
      y += h0 * (C1 * k1 + C3 * k3 + C4 * k4 + C5 * k5 + C6 * k6);
      h = rmax > REJECT_ABOVE ? h0 : hNext;
      t = tNew;
    }
    hStep[i] = h;
    if (y >= c.vThresh) {
      v[i] = c.vReset;
      refractory[i] = c.refSteps;
      spikes[count++] = i;
    } else {
      v[i] = y;
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
  eRevE: 'mV',
  eRevI: 'mV',
  vRest: 'mV',
  vReset: 'mV',
  vThresh: 'mV',
  iOffset: 'nA',
} as const;

/**
 * Leaky integrate-and-fire with exponential conductance synapses (PyNN `IF_cond_exp`).
 * State: v (mV), gSynE and gSynI (uS; PyNN's `gsyn_exc`, `gsyn_inh`).
 */
export const IFCondExp: NeuronModel<IFCondExpParams> = {
  name: 'IFCondExp',
  pynnName: 'IF_cond_exp',
  defaults: Object.freeze({
    cm: 1.0,
    tauM: 20.0,
    tauRefrac: 0.1,
    tauSynE: 5.0,
    tauSynI: 5.0,
    eRevE: 0.0,
    eRevI: -70.0,
    vRest: -65.0,
    vReset: -65.0,
    vThresh: -50.0,
    iOffset: 0.0,
  }),
  units: UNITS,
  stateVariables: { v: 'mV', gSynE: 'uS', gSynI: 'uS' },
  synapseKind: 'conductance',
  inputTargets: { excitatory: 'gSynE', inhibitory: 'gSynI' },
  initialState: (p) => ({ v: p.vRest, gSynE: 0, gSynI: 0 }),
  thresholdOf: (p) => p.vThresh,
  validate(p) {
    checkParams(
      'IFCondExp',
      p as unknown as Record<string, unknown>,
      {
        cm: 'positive',
        tauM: 'positive',
        tauRefrac: 'nonNegative',
        tauSynE: 'positive',
        tauSynI: 'positive',
        eRevE: 'finite',
        eRevI: 'finite',
        vRest: 'finite',
        vReset: 'finite',
        vThresh: 'finite',
        iOffset: 'finite',
      },
      UNITS,
    );
    checkOrder('IFCondExp', 'vReset', p.vReset, 'vThresh', p.vThresh);
  },
  createKernel(a: KernelArrays, p: Readonly<IFCondExpParams>, dt: number, _rng: Rng): NeuronKernel {
    let c = ifCondExpConstants(p, dt);
    // Sub-step size per neuron, carried across steps (NEST starts from dt).
    const hStep = new Float64Array(a.size).fill(dt);
    return {
      step(_k, inE, inI) {
        const { v, gSynE, gSynI } = a.state;
        return stepIFCondExp(a.size, v, gSynE, gSynI, a.refractory, a.iExt, inE, inI, a.spikes, hStep, c);
      },
      refresh() {
        c = ifCondExpConstants(p, dt);
      },
    };
  },
};
