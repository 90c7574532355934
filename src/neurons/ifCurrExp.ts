/**
 * IF_curr_exp: leaky integrate-and-fire neuron with exponentially decaying synaptic
 * currents (PyNN `IF_curr_exp`, NEST `iaf_psc_exp`).
 *
 *   cm dv/dt = -(cm/tauM)(v - vRest) + iSynE + iSynI + iExt
 *   diSynE/dt = -iSynE/tauSynE,   diSynI/dt = -iSynI/tauSynI
 *   v >= vThresh  ->  spike, v = vReset, clamped for tauRefrac
 *
 * Integrated exactly (Rotter & Diesmann 1999): see {@link expCurrentPropagator}. A
 * weight is a current jump in nA (negative weights hyperpolarise, as in PyNN's
 * current-based models); iExt (iOffset plus current sources) is constant over a step.
 */
import type { Rng } from '../core/rng.js';
import { checkOrder, checkParams } from './validateParams.js';
import type { KernelArrays, NeuronKernel, NeuronModel } from './model.js';
import { f32Constants, instantiateIFCurrExpSimd, stepIFCurrExpF32 } from '../backends/cpu/wasm/ifCurrExpSimd.js';
import { constantCurrentPropagator, decay, expCurrentPropagator, refractorySteps } from './propagators.js';
import { ifCurrExpSpinnakerConstants, stepIFCurrExpSpinnaker } from './ifCurrExpSpinnaker.js';

/** Parameters of {@link IFCurrExp} (PyNN names and defaults). */
export interface IFCurrExpParams {
  /** membrane capacitance, nF */
  cm: number;
  /** membrane time constant, ms */
  tauM: number;
  /** refractory period, ms */
  tauRefrac: number;
  /** excitatory synaptic current decay time constant, ms */
  tauSynE: number;
  /** inhibitory synaptic current decay time constant, ms */
  tauSynI: number;
  /** resting membrane potential, mV */
  vRest: number;
  /** reset potential after a spike, mV */
  vReset: number;
  /** spike threshold, mV */
  vThresh: number;
  /** constant injected current, nA (per neuron values: `population.set('iOffset', ...)`) */
  iOffset: number;
}

/** Precomputed one-step propagators of {@link IFCurrExp}. */
export interface IFCurrExpPropagators {
  /** exp(-dt/tauM) */
  p33: number;
  /** response of v to constant current, mV/nA */
  p30: number;
  /** response of v to the excitatory current, mV/nA */
  p31e: number;
  /** response of v to the inhibitory current, mV/nA */
  p31i: number;
  /** exp(-dt/tauSynE) */
  p11e: number;
  /** exp(-dt/tauSynI) */
  p11i: number;
  /** refractory period in steps */
  refSteps: number;
}

/** Computes the exact propagators for step `dt` (ms). */
export function ifCurrExpPropagators(p: Readonly<IFCurrExpParams>, dt: number): IFCurrExpPropagators {
  return {
    p33: decay(dt, p.tauM),
    p30: constantCurrentPropagator(dt, p.tauM, p.cm),
    p31e: expCurrentPropagator(dt, p.tauM, p.tauSynE, p.cm),
    p31i: expCurrentPropagator(dt, p.tauM, p.tauSynI, p.cm),
    p11e: decay(dt, p.tauSynE),
    p11i: decay(dt, p.tauSynI),
    refSteps: refractorySteps(p.tauRefrac, dt),
  };
}

/**
 * One exact step of a population of IF_curr_exp neurons. Adds the arriving input to
 * the synaptic currents (and zeroes it), advances v with the currents held at the
 * start of the step, decays the currents, applies threshold, reset and refractoriness.
 * Writes spiking indices into `spikes` and returns their count.
 */
export function stepIFCurrExp(
  n: number,
  v: Float32Array,
  iSynE: Float32Array,
  iSynI: Float32Array,
  refractory: Int32Array,
  iExt: Float32Array,
  inputE: Float32Array,
  inputI: Float32Array,
  spikes: Uint32Array,
  pr: Readonly<IFCurrExpPropagators>,
  vRest: number,
  vReset: number,
  vThresh: number,
): number {
  const { p33, p30, p31e, p31i, p11e, p11i, refSteps } = pr;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const ie = iSynE[i] + inputE[i];
    const ii = iSynI[i] + inputI[i];
    inputE[i] = 0;
    inputI[i] = 0;
    iSynE[i] = ie * p11e;
    iSynI[i] = ii * p11i;
    const r = refractory[i];
    if (r > 0) {
      refractory[i] = r - 1;
      continue;
    }
    const vn = vRest + (v[i] - vRest) * p33 + iExt[i] * p30 + ie * p31e + ii * p31i;
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

/** Leaky integrate-and-fire with exponential current synapses (PyNN `IF_curr_exp`). */
export const IFCurrExp: NeuronModel<IFCurrExpParams> = {
  name: 'IFCurrExp',
  pynnName: 'IF_curr_exp',
  defaults: Object.freeze({
    cm: 1.0,
    tauM: 20.0,
    tauRefrac: 0.1,
    tauSynE: 5.0,
    tauSynI: 5.0,
    vRest: -65.0,
    vReset: -65.0,
    vThresh: -50.0,
    iOffset: 0.0,
  }),
  units: UNITS,
  stateVariables: { v: 'mV', iSynE: 'nA', iSynI: 'nA' },
  synapseKind: 'current',
  inputTargets: { excitatory: 'iSynE', inhibitory: 'iSynI' },
  initialState: (p) => ({ v: p.vRest, iSynE: 0, iSynI: 0 }),
  thresholdOf: (p) => p.vThresh,
  validate(p) {
    checkParams(
      'IFCurrExp',
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
    checkOrder('IFCurrExp', 'vReset', p.vReset, 'vThresh', p.vThresh);
  },
  createKernel(a: KernelArrays, p: Readonly<IFCurrExpParams>, dt: number, _rng: Rng): NeuronKernel {
    let c = f32Constants(ifCurrExpPropagators(p, dt), p.vRest, p.vReset, p.vThresh);
    let simd: ReturnType<typeof instantiateIFCurrExpSimd> = null;
    let boundTo: WebAssembly.Memory | null = null;
    let argsI = a.scratch;
    let argsF = new Float32Array(argsI.buffer, argsI.byteOffset, argsI.length);
    const n = a.size;
    const n4 = n - (n % 4);
    return {
      step(_k, inE, inI) {
        const { v, iSynE, iSynI } = a.state;
        if (boundTo !== a.memory) {
          // The arena moved (a ring grew): bind the kernel and its argument block again.
          boundTo = a.memory;
          simd = instantiateIFCurrExpSimd(a.memory);
          argsI = a.scratch;
          argsF = new Float32Array(argsI.buffer, argsI.byteOffset, argsI.length);
        }
        let count = 0;
        let from = 0;
        if (simd !== null && n4 > 0) {
          const ring = inE !== null && inI !== null;
          // Argument block, in the order of IF_CURR_EXP_ARGS.
          argsI[0] = v.byteOffset;
          argsI[1] = iSynE.byteOffset;
          argsI[2] = iSynI.byteOffset;
          argsI[3] = a.refractory.byteOffset;
          argsI[4] = a.iExt.byteOffset;
          argsI[5] = ring ? inE.byteOffset : 0;
          argsI[6] = ring ? inI.byteOffset : 0;
          argsI[7] = a.spikes.byteOffset;
          argsI[8] = n4 * 4;
          argsF[9] = c.p33;
          argsF[10] = c.p30;
          argsF[11] = c.p31e;
          argsF[12] = c.p31i;
          argsF[13] = c.p11e;
          argsF[14] = c.p11i;
          argsF[15] = c.vRest;
          argsF[16] = c.vReset;
          argsF[17] = c.vThresh;
          argsI[18] = c.refSteps;
          count = simd.variants[(ring ? 2 : 0) + (a.iExtActive ? 1 : 0)](argsI.byteOffset);
          from = n4;
        }
        return stepIFCurrExpF32(from, n, v, iSynE, iSynI, a.refractory, a.iExt, inE, inI, a.spikes, count, c);
      },
      refresh() {
        c = f32Constants(ifCurrExpPropagators(p, dt), p.vRest, p.vReset, p.vThresh);
      },
    };
  },
  /** sPyNNaker's tick (see `ifCurrExpSpinnaker.ts`): scaled input, current held over the tick, ceil refractory. */
  createSpinnakerKernel(a: KernelArrays, p: Readonly<IFCurrExpParams>, dt: number, _rng: Rng): NeuronKernel {
    let c = ifCurrExpSpinnakerConstants(p, dt);
    return {
      step(_k, inE, inI) {
        const { v, iSynE, iSynI } = a.state;
        return stepIFCurrExpSpinnaker(a.size, v, iSynE, iSynI, a.refractory, a.iExt, inE, inI, a.spikes, c);
      },
      refresh() {
        c = ifCurrExpSpinnakerConstants(p, dt);
      },
    };
  },
};
