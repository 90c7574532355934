/**
 * Izhikevich: the simple model of spiking neurons (Izhikevich 2003, IEEE Trans. Neural
 * Netw. 14:1569; PyNN `Izhikevich`, NEST `izhikevich`).
 *
 *   dv/dt = 0.04 v^2 + 5 v + 140 - u + I,   du/dt = a (b v - u)
 *   v >= 30 mV  ->  spike, v = c, u = u + d
 *
 * with v in mV, t in ms, u in mV/ms and I = 1000 iExt: the equation's current is NEST's
 * `I_e` in pA (with unit resistance), and PyNN on NEST passes `i_offset` (nA) as
 * `I_e = 1000 i_offset`. So the published currents carry over as iOffset = I/1000:
 * Izhikevich's I = 10 is `iOffset: 0.01` (nA). Current sources (DCSource, ...) are nA too.
 *
 * Integration: NEST's default (`consistent_integration = true`), forward Euler with the
 * simulation step dt, both variables from the values at the start of the step:
 *
 *   v' = v + dt (0.04 v^2 + 5 v + 140 - u + I),   u' = u + dt a (b v - u)
 *
 * (NEST's alternative, `consistent_integration = false`, the published scheme with two
 * half steps for v and u updated from the new v, is meant for dt = 1 ms and is not
 * offered.) The threshold is checked after each step; there is no refractory period.
 *
 * Synapses are delta currents, as in PyNN (`voltage_based_synapses`) and NEST: a spike
 * of weight w makes v jump by w millivolts. PyNN on NEST undoes its usual x1000 weight
 * scaling for this model (`receptor_scale = 1e-3`) and PyNN on Brian uses mV, so a
 * weight is in mV here too, not nA (the 1000 factor applies to currents only). Negative
 * weights hyperpolarise; excitatory and inhibitory receptors act alike. Following
 * Engram's timing convention the jump is applied at the start of the step in which the
 * input arrives, before the Euler update (NEST adds it after the update of that step).
 */
import { ParameterError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { checkParams } from './validateParams.js';
import type { KernelArrays, NeuronKernel, NeuronModel } from './model.js';

/** Spike cutoff of the Izhikevich model, mV (fixed, as in PyNN and NEST). */
export const IZHIKEVICH_V_PEAK = 30;

/** Conversion of iExt (nA) to the model's current I (pA, entering dv/dt in mV/ms). */
export const IZHIKEVICH_CURRENT_SCALE = 1000;

/** Parameters of {@link Izhikevich} (PyNN names and defaults). */
export interface IzhikevichParams {
  /** time scale of the recovery variable u, 1/ms */
  a: number;
  /** sensitivity of u to v, 1/ms */
  b: number;
  /** after-spike reset value of v, mV */
  c: number;
  /** after-spike increment of u, mV/ms */
  d: number;
  /** constant injected current, nA (I = 1000 iOffset in the equation: I = 10 is 0.01 nA) */
  iOffset: number;
}

/**
 * One forward-Euler step of a population of Izhikevich neurons. Adds the ring input
 * (mV; null when the network delivered it straight into v) to v (and zeroes it), advances v and u by dt from the values at the start
 * of the step, applies the 30 mV cutoff and the reset. Writes spiking indices into
 * `spikes` and returns their count.
 */
export function stepIzhikevich(
  n: number,
  v: Float32Array,
  u: Float32Array,
  iExt: Float32Array,
  inputE: Float32Array | null,
  inputI: Float32Array | null,
  spikes: Uint32Array,
  p: Readonly<IzhikevichParams>,
  dt: number,
): number {
  const { a, b, c, d } = p;
  let count = 0;
  for (let i = 0; i < n; i++) {
    let vi = v[i];
    if (inputE !== null) {
      vi += inputE[i];
      inputE[i] = 0;
    }
    if (inputI !== null) {
      vi += inputI[i];
      inputI[i] = 0;
    }
    const ui = u[i];
    const I = IZHIKEVICH_CURRENT_SCALE * iExt[i];
    const vn = vi + dt * (0.04 * vi * vi + 5 * vi + 140 - ui + I);
    const un = ui + dt * a * (b * vi - ui);
    if (vn >= IZHIKEVICH_V_PEAK) {
      v[i] = c;
      u[i] = un + d;
      spikes[count++] = i;
    } else {
      v[i] = vn;
      u[i] = un;
    }
  }
  return count;
}

const UNITS = {
  a: '1/ms',
  b: '1/ms',
  c: 'mV',
  d: 'mV/ms',
  iOffset: 'nA',
} as const;

/** Izhikevich's quadratic integrate-and-fire model with recovery (PyNN `Izhikevich`). */
export const Izhikevich: NeuronModel<IzhikevichParams> = {
  name: 'Izhikevich',
  pynnName: 'Izhikevich',
  defaults: Object.freeze({
    a: 0.02,
    b: 0.2,
    c: -65.0,
    d: 2.0,
    iOffset: 0.0,
  }),
  units: UNITS,
  stateVariables: { v: 'mV', u: 'mV/ms' },
  synapseKind: 'voltage',
  // Input jumps v unchanged: single-delay projections add their weights (mV) into v directly.
  inputTargets: { excitatory: 'v', inhibitory: 'v' },
  // PyNN's default initial values: the resting state for b = 0.2 (v = -70, u = b v).
  initialState: () => ({ v: -70.0, u: -14.0 }),
  thresholdOf: () => IZHIKEVICH_V_PEAK,
  validate(p) {
    checkParams(
      'Izhikevich',
      p as unknown as Record<string, unknown>,
      { a: 'finite', b: 'finite', c: 'finite', d: 'finite', iOffset: 'finite' },
      UNITS,
    );
    if (!(p.c < IZHIKEVICH_V_PEAK)) {
      throw new ParameterError('c', p.c, `a reset value below the spike cutoff ${IZHIKEVICH_V_PEAK} mV`, 'Izhikevich');
    }
  },
  createKernel(a: KernelArrays, p: Readonly<IzhikevichParams>, dt: number, _rng: Rng): NeuronKernel {
    return {
      step(_k, inE, inI) {
        const { v, u } = a.state;
        return stepIzhikevich(a.size, v, u, a.iExt, inE, inI, a.spikes, p, dt);
      },
    };
  },
};
