/**
 * AdEx: adaptive exponential integrate-and-fire neuron with conductance synapses
 * (Brette & Gerstner 2005, J. Neurophysiol. 94:3637; PyNN `EIF_cond_exp_isfa_ista`,
 * NEST `aeif_cond_exp`).
 *
 *   cm dv/dt = gL (vRest - v) + gL deltaT exp((v - vThresh)/deltaT)
 *              + gSynE (eRevE - v) + gSynI (eRevI - v) - w + iExt,        gL = cm/tauM
 *   tauW dw/dt = a (v - vRest) - w
 *   dgSynE/dt = -gSynE/tauSynE,   dgSynI/dt = -gSynI/tauSynI
 *   v >= vSpike  ->  spike, v = vReset, w = w + b, v clamped for tauRefrac
 *
 * Units as PyNN: v mV, w nA, g uS, cm nF, a nS (so the w equation uses a/1000 uS), b nA.
 * Weights are conductance jumps in uS (>= 0 on both receptors); single-delay projections
 * add them straight into gSynE/gSynI (`inputTargets`).
 *
 * Integration, as NEST's aeif_cond_exp: (v, w) are integrated with the embedded
 * Runge-Kutta-Fehlberg 4(5) pair and GSL's adaptive step control (see `rkf45.ts`), in
 * sub-steps inside each dt whose size is carried per neuron from one dt to the next
 * (initially min(0.01 ms, dt), as NEST). Tolerances are NEST's `gsl_error_tol` = 1e-6
 * in NEST's units with its `yp` control: per sub-step |err_v| <= 1e-6 (1 + |h dv/dt|) mV
 * and |err_w| <= 1e-6 (1 + |h dw/dt|) pA (w is in nA here; the test is made in pA).
 * The conductances are not part of the ODE: they decay exactly (g(t) = g0 exp(-t/tau)
 * inside the step), which is more accurate than NEST's integrating them.
 *
 * Guard against the exponential blowing up (NEST): the right-hand side uses
 * min(v, vSpike) in place of v, so a sub-step cannot overflow; a sub-step that ends
 * with v >= vSpike is a spike, detected at once inside the step (v = vReset, w += b).
 * After a spike with round(tauRefrac/dt) = R > 0 steps of refractoriness, v is held at
 * vReset for the rest of that step and R more steps while w relaxes towards
 * a (vReset - vRest) (solved exactly, v being constant) and the conductances decay;
 * NEST integrates the same clamped equations. With R = 0 integration continues from
 * vReset in the same step (several resets in one step are possible, as in NEST; the
 * step then reports one spike). With deltaT = 0 the model is an adaptive LIF that
 * spikes at vThresh (NEST). State is Float32 between steps; a step computes in double
 * precision.
 */
import { ParameterError } from '../core/errors.js';
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

/** NEST's `gsl_error_tol`: absolute and relative tolerance per RKF45 sub-step (mV, pA). */
export const ADEX_TOLERANCE = 1e-6;

/** Parameters of {@link AdEx} (PyNN `EIF_cond_exp_isfa_ista` names and defaults). */
export interface AdExParams {
  /** membrane capacitance, nF */
  cm: number;
  /** refractory period, ms */
  tauRefrac: number;
  /** spike detection threshold (NEST V_peak), mV */
  vSpike: number;
  /** reset value of v after a spike, mV */
  vReset: number;
  /** resting membrane potential (leak reversal), mV */
  vRest: number;
  /** membrane time constant, ms (leak conductance gL = cm/tauM, uS) */
  tauM: number;
  /** constant injected current, nA (per neuron values: `population.setIOffset(...)`) */
  iOffset: number;
  /** subthreshold adaptation conductance, nS */
  a: number;
  /** spike-triggered adaptation increment, nA */
  b: number;
  /** slope factor of the exponential, mV */
  deltaT: number;
  /** adaptation time constant, ms */
  tauW: number;
  /** spike initiation threshold (centre of the exponential), mV */
  vThresh: number;
  /** excitatory reversal potential, mV */
  eRevE: number;
  /** decay time constant of the excitatory synaptic conductance, ms */
  tauSynE: number;
  /** inhibitory reversal potential, mV */
  eRevI: number;
  /** decay time constant of the inhibitory synaptic conductance, ms */
  tauSynI: number;
}

/** Values {@link stepAdEx} needs, precomputed from the parameters and dt. */
export interface AdExConstants {
  /** time step, ms */
  readonly dt: number;
  readonly invCm: number;
  /** leak conductance, uS */
  readonly gL: number;
  readonly vRest: number;
  readonly vReset: number;
  /** bound of v inside the right-hand side (vSpike), mV */
  readonly vClamp: number;
  /** spike detection: vSpike, or vThresh when deltaT = 0 (NEST), mV */
  readonly vPeak: number;
  readonly vThresh: number;
  readonly deltaT: number;
  /** 1/deltaT (0 when deltaT = 0), 1/mV */
  readonly invDeltaT: number;
  /** a in uS */
  readonly aUS: number;
  /** b in nA */
  readonly b: number;
  readonly invTauW: number;
  /** exp(-dt/tauW): w relaxation over a clamped step */
  readonly pW: number;
  /** w's fixed point while v is clamped at vReset, a (vReset - vRest), nA */
  readonly wClamp: number;
  readonly eRevE: number;
  readonly eRevI: number;
  readonly invTauE: number;
  readonly invTauI: number;
  /** exp(-dt/tauSynE), exp(-dt/tauSynI) */
  readonly pE: number;
  readonly pI: number;
  /** refractory period in steps */
  readonly refSteps: number;
  /** initial sub-step size, ms: min(0.01, dt) */
  readonly h0: number;
  /** NEST's gsl_error_tol (mV, pA) */
  readonly tolerance: number;
  /** exp(-c dt/tau) at the six stage times c of a sub-step spanning the whole step */
  readonly stageDecayE: Float64Array;
  readonly stageDecayI: Float64Array;
}

const STAGES = Float64Array.of(0, A2, A3, A4, 1, A6);

/** Precomputes the constants of {@link stepAdEx} for step `dt` (ms). */
export function adExConstants(p: Readonly<AdExParams>, dt: number): AdExConstants {
  const aUS = p.a / 1000;
  return {
    dt,
    invCm: 1 / p.cm,
    gL: p.cm / p.tauM,
    vRest: p.vRest,
    vReset: p.vReset,
    vClamp: p.vSpike,
    vPeak: p.deltaT > 0 ? p.vSpike : p.vThresh,
    vThresh: p.vThresh,
    deltaT: p.deltaT,
    invDeltaT: p.deltaT > 0 ? 1 / p.deltaT : 0,
    aUS,
    b: p.b,
    invTauW: 1 / p.tauW,
    pW: decay(dt, p.tauW),
    wClamp: aUS * (p.vReset - p.vRest),
    eRevE: p.eRevE,
    eRevI: p.eRevI,
    invTauE: 1 / p.tauSynE,
    invTauI: 1 / p.tauSynI,
    pE: decay(dt, p.tauSynE),
    pI: decay(dt, p.tauSynI),
    refSteps: refractorySteps(p.tauRefrac, dt),
    h0: Math.min(0.01, dt),
    tolerance: ADEX_TOLERANCE,
    stageDecayE: Float64Array.from(STAGES, (s) => Math.exp((-s * dt) / p.tauSynE)),
    stageDecayI: Float64Array.from(STAGES, (s) => Math.exp((-s * dt) / p.tauSynI)),
  };
}

/*
 * Right-hand side (written out at each RKF45 stage of stepAdEx), with vb = min(v, vSpike):
 *   dv/dt = (gL (vRest - vb) + gL deltaT exp((vb - vThresh)/deltaT) + ge (eRevE - vb)
 *            + gi (eRevI - vb) - w + iExt) / cm                     (mV/ms; no exp term when deltaT = 0)
 *   dw/dt = (a (vb - vRest) - w) / tauW                               (nA/ms)
 */

/**
 * One step of a population of AdEx neurons. Adds the ring input (uS; null when the
 * network delivered it straight into gSynE/gSynI) to the conductances (and zeroes it),
 * integrates (v, w) over dt with adaptive RKF45 sub-steps (sizes carried per neuron in
 * `hStep`, ms), detecting spikes after every sub-step, while the conductances decay
 * exactly; applies the refractory clamp. Writes spiking indices into `spikes` and
 * returns their count.
 */
export function stepAdEx(
  n: number,
  v: Float32Array,
  w: Float32Array,
  gSynE: Float32Array,
  gSynI: Float32Array,
  refractory: Int32Array,
  iExt: Float32Array,
  inputE: Float32Array | null,
  inputI: Float32Array | null,
  spikes: Uint32Array,
  hStep: Float64Array,
  c: AdExConstants,
): number {
  const dt = c.dt;
  const tol = c.tolerance;
  const { invTauE, invTauI, invTauW, vPeak, vReset, wClamp, b, refSteps } = c;
  const { gL, vRest, vThresh, invDeltaT, eRevE, eRevI, invCm, vClamp, aUS } = c;
  const expOn = c.deltaT > 0;
  const gLdT = gL * c.deltaT;
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
      // v held at vReset: w relaxes exactly towards a (vReset - vRest).
      refractory[i] = r - 1;
      w[i] = wClamp + (w[i] - wClamp) * c.pW;
      continue;
    }
    const iE = iExt[i];
    let y0 = v[i];
    let y1 = w[i];
    let h = hStep[i];
    let t = 0;
    let spiked = false;
    let clamped = false;
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
        if (ge0 !== 0) {
          e0 = ge0 * Math.exp(-invTauE * t); e1 = ge0 * Math.exp(-invTauE * (t + A2 * h0));
          e2 = ge0 * Math.exp(-invTauE * (t + A3 * h0)); e3 = ge0 * Math.exp(-invTauE * (t + A4 * h0));
          e4 = ge0 * Math.exp(-invTauE * (t + h0)); e5 = ge0 * Math.exp(-invTauE * (t + A6 * h0));
        } else e1 = e2 = e3 = e4 = e5 = 0;
        if (gi0 !== 0) {
          i0 = gi0 * Math.exp(-invTauI * t); i1 = gi0 * Math.exp(-invTauI * (t + A2 * h0));
          i2 = gi0 * Math.exp(-invTauI * (t + A3 * h0)); i3 = gi0 * Math.exp(-invTauI * (t + A4 * h0));
          i4 = gi0 * Math.exp(-invTauI * (t + h0)); i5 = gi0 * Math.exp(-invTauI * (t + A6 * h0));
        } else i1 = i2 = i3 = i4 = i5 = 0;
      }
      // The right-hand side is written out at each stage: V8 does not inline that many
      // calls into this loop, and a call it does not inline boxes every double argument
      // (about 300 bytes of garbage per neuron-step). See the right-hand side above.
      let vb = y0 < vClamp ? y0 : vClamp;
      const k1v = (gL * (vRest - vb) + (expOn ? gLdT * Math.exp((vb - vThresh) * invDeltaT) : 0) + e0 * (eRevE - vb) + i0 * (eRevI - vb) - y1 + iE) * invCm;
      const k1w = (aUS * (vb - vRest) - y1) * invTauW;
      let yv = y0 + h0 * B21 * k1v;
      let yw = y1 + h0 * B21 * k1w;
      vb = yv < vClamp ? yv : vClamp;
      const k2v = (gL * (vRest - vb) + (expOn ? gLdT * Math.exp((vb - vThresh) * invDeltaT) : 0) + e1 * (eRevE - vb) + i1 * (eRevI - vb) - yw + iE) * invCm;
      const k2w = (aUS * (vb - vRest) - yw) * invTauW;
      yv = y0 + h0 * (B31 * k1v + B32 * k2v);
      yw = y1 + h0 * (B31 * k1w + B32 * k2w);
      vb = yv < vClamp ? yv : vClamp;
      const k3v = (gL * (vRest - vb) + (expOn ? gLdT * Math.exp((vb - vThresh) * invDeltaT) : 0) + e2 * (eRevE - vb) + i2 * (eRevI - vb) - yw + iE) * invCm;
      const k3w = (aUS * (vb - vRest) - yw) * invTauW;
      yv = y0 + h0 * (B41 * k1v + B42 * k2v + B43 * k3v);
      yw = y1 + h0 * (B41 * k1w + B42 * k2w + B43 * k3w);
      vb = yv < vClamp ? yv : vClamp;
      const k4v = (gL * (vRest - vb) + (expOn ? gLdT * Math.exp((vb - vThresh) * invDeltaT) : 0) + e3 * (eRevE - vb) + i3 * (eRevI - vb) - yw + iE) * invCm;
      const k4w = (aUS * (vb - vRest) - yw) * invTauW;
      yv = y0 + h0 * (B51 * k1v + B52 * k2v + B53 * k3v + B54 * k4v);
      yw = y1 + h0 * (B51 * k1w + B52 * k2w + B53 * k3w + B54 * k4w);
      vb = yv < vClamp ? yv : vClamp;
      const k5v = (gL * (vRest - vb) + (expOn ? gLdT * Math.exp((vb - vThresh) * invDeltaT) : 0) + e4 * (eRevE - vb) + i4 * (eRevI - vb) - yw + iE) * invCm;
      const k5w = (aUS * (vb - vRest) - yw) * invTauW;
      yv = y0 + h0 * (B61 * k1v + B62 * k2v + B63 * k3v + B64 * k4v + B65 * k5v);
      yw = y1 + h0 * (B61 * k1w + B62 * k2w + B63 * k3w + B64 * k4w + B65 * k5w);
      vb = yv < vClamp ? yv : vClamp;
      const k6v = (gL * (vRest - vb) + (expOn ? gLdT * Math.exp((vb - vThresh) * invDeltaT) : 0) + e5 * (eRevE - vb) + i5 * (eRevI - vb) - yw + iE) * invCm;
      const k6w = (aUS * (vb - vRest) - yw) * invTauW;
      const nv = y0 + h0 * (C1 * k1v + C3 * k3v + C4 * k4v + C5 * k5v + C6 * k6v);
      const nw = y1 + h0 * (C1 * k1w + C3 * k3w + C4 * k4w + C5 * k5w + C6 * k6w);
      // error estimates, w's in pA as NEST
      const ev = h0 * (E1 * k1v + E3 * k3v + E4 * k4v + E5 * k5v + E6 * k6v);
      const ew = 1000 * h0 * (E1 * k1w + E3 * k3w + E4 * k4w + E5 * k5w + E6 * k6w);
      const tNew = last ? dt : t + h0;
      // GSL's yp control: the derivative at the end of the sub-step scales the tolerance.
      vb = nv < vClamp ? nv : vClamp;
      const kEndV = (gL * (vRest - vb) + (expOn ? gLdT * Math.exp((vb - vThresh) * invDeltaT) : 0) + e4 * (eRevE - vb) + i4 * (eRevI - vb) - nw + iE) * invCm;
      const kEndW = (aUS * (vb - vRest) - nw) * invTauW;
      const rv = Math.abs(ev) / (tol + tol * Math.abs(h0 * kEndV));
      const rw = Math.abs(ew) / (tol + tol * Math.abs(1000 * h0 * kEndW));
      const rmax = rv > rw ? rv : rw;
      const hNext = nextStepSize(h0, rmax);
      if (rmax > REJECT_ABOVE && hNext < h0 && tNew + hNext !== tNew) {
        h = hNext; // reject: retry from t with the smaller step
        continue;
      }
      y0 = nv;
      y1 = nw;
      h = rmax > REJECT_ABOVE ? h0 : hNext;
      t = tNew;
      if (y0 >= vPeak) {
        spiked = true;
        y0 = vReset;
        y1 += b;
        if (refSteps > 0) {
          // clamped for the rest of this step: w relaxes exactly
          y1 = wClamp + (y1 - wClamp) * Math.exp(-(dt - t) * invTauW);
          clamped = true;
          break;
        }
      }
    }
    hStep[i] = h;
    v[i] = y0;
    w[i] = y1;
    if (spiked) {
      spikes[count++] = i;
      if (clamped) refractory[i] = refSteps;
    }
  }
  return count;
}

const UNITS = {
  cm: 'nF',
  tauRefrac: 'ms',
  vSpike: 'mV',
  vReset: 'mV',
  vRest: 'mV',
  tauM: 'ms',
  iOffset: 'nA',
  a: 'nS',
  b: 'nA',
  deltaT: 'mV',
  tauW: 'ms',
  vThresh: 'mV',
  eRevE: 'mV',
  tauSynE: 'ms',
  eRevI: 'mV',
  tauSynI: 'ms',
} as const;

/** Largest (vSpike - vThresh)/deltaT that keeps exp() far from overflow (NEST's check). */
const MAX_EXP_ARG = Math.log(Number.MAX_VALUE / 1e20);

/**
 * Adaptive exponential integrate-and-fire with exponential conductance synapses
 * (PyNN `EIF_cond_exp_isfa_ista`). State: v (mV), w (nA), gSynE and gSynI (uS).
 */
export const AdEx: NeuronModel<AdExParams> = {
  name: 'AdEx',
  pynnName: 'EIF_cond_exp_isfa_ista',
  defaults: Object.freeze({
    cm: 0.281,
    tauRefrac: 0.1,
    vSpike: -40.0,
    vReset: -70.6,
    vRest: -70.6,
    tauM: 9.3667,
    iOffset: 0.0,
    a: 4.0,
    b: 0.0805,
    deltaT: 2.0,
    tauW: 144.0,
    vThresh: -50.4,
    eRevE: 0.0,
    tauSynE: 5.0,
    eRevI: -80.0,
    tauSynI: 5.0,
  }),
  units: UNITS,
  stateVariables: { v: 'mV', w: 'nA', gSynE: 'uS', gSynI: 'uS' },
  synapseKind: 'conductance',
  inputTargets: { excitatory: 'gSynE', inhibitory: 'gSynI' },
  initialState: (p) => ({ v: p.vRest, w: 0, gSynE: 0, gSynI: 0 }),
  thresholdOf: (p) => (p.deltaT > 0 ? p.vSpike : p.vThresh),
  validate(p) {
    checkParams(
      'AdEx',
      p as unknown as Record<string, unknown>,
      {
        cm: 'positive',
        tauRefrac: 'nonNegative',
        vSpike: 'finite',
        vReset: 'finite',
        vRest: 'finite',
        tauM: 'positive',
        iOffset: 'finite',
        a: 'finite',
        b: 'finite',
        deltaT: 'nonNegative',
        tauW: 'positive',
        vThresh: 'finite',
        eRevE: 'finite',
        tauSynE: 'positive',
        eRevI: 'finite',
        tauSynI: 'positive',
      },
      UNITS,
    );
    if (!(p.vThresh <= p.vSpike)) {
      throw new ParameterError('vSpike', p.vSpike, `a value >= vThresh = ${p.vThresh} (mV)`, 'AdEx');
    }
    checkOrder('AdEx', 'vReset', p.vReset, 'vSpike', p.vSpike);
    if (p.deltaT > 0 && (p.vSpike - p.vThresh) / p.deltaT >= MAX_EXP_ARG) {
      throw new ParameterError(
        'deltaT',
        p.deltaT,
        `a slope with (vSpike - vThresh)/deltaT < ${MAX_EXP_ARG.toFixed(1)} (mV)`,
        'AdEx',
        'the exponential would overflow at the spike; increase deltaT or lower vSpike',
      );
    }
  },
  createKernel(a: KernelArrays, p: Readonly<AdExParams>, dt: number, _rng: Rng): NeuronKernel {
    let c = adExConstants(p, dt);
    // Sub-step size per neuron, carried across steps (NEST starts from min(0.01, dt)).
    const hStep = new Float64Array(a.size).fill(c.h0);
    return {
      step(_k, inE, inI) {
        const { v, w, gSynE, gSynI } = a.state;
        return stepAdEx(a.size, v, w, gSynE, gSynI, a.refractory, a.iExt, inE, inI, a.spikes, hStep, c);
      },
      refresh() {
        c = adExConstants(p, dt);
      },
    };
  },
};
