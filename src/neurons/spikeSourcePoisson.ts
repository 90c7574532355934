/**
 * SpikeSourcePoisson: independent Poisson spike trains (PyNN `SpikeSourcePoisson`).
 *
 * In each step of length dt inside [start, start + duration), each neuron spikes with
 * probability rate x dt (capped at 1), independently across steps and neurons, as
 * Brian's `PoissonGroup`; so inter-spike intervals are geometric on the step grid with
 * mean 1/rate and CV close to 1 for rate x dt << 1. Instead of a draw per neuron per
 * step the kernel draws the gap to each neuron's next spike (Geometric(rate x dt)): the
 * same process, with random draws only per spike.
 */
import { ParameterError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { KernelArrays, NeuronKernel, NeuronModel } from './model.js';

/** Parameters of {@link SpikeSourcePoisson}. */
export interface SpikeSourcePoissonParams {
  /** firing rate, Hz: one value for all, or one per neuron */
  rate: number | ArrayLike<number>;
  /** start of firing, ms */
  start: number;
  /** length of the firing window, ms (Infinity: until the end) */
  duration: number;
}

function checkRate(v: unknown, name: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new ParameterError(name, v, 'a finite rate >= 0 (Hz)', 'SpikeSourcePoisson');
  }
}

/** Independent Poisson spike trains with per-neuron rates. */
export const SpikeSourcePoisson: NeuronModel<SpikeSourcePoissonParams> = {
  name: 'SpikeSourcePoisson',
  pynnName: 'SpikeSourcePoisson',
  defaults: Object.freeze({ rate: 1.0, start: 0.0, duration: Infinity }),
  units: { rate: 'Hz', start: 'ms', duration: 'ms' },
  stateVariables: {},
  synapseKind: 'none',
  initialState: () => ({}),
  validate(p) {
    if (typeof p.rate === 'number') checkRate(p.rate, 'rate');
    else if (p.rate && typeof (p.rate as ArrayLike<number>).length === 'number') {
      const r = p.rate as ArrayLike<number>;
      for (let i = 0; i < r.length; i++) checkRate(r[i], `rate[${i}]`);
    } else throw new ParameterError('rate', p.rate, 'a rate (Hz) or an array of one rate per neuron', 'SpikeSourcePoisson');
    if (typeof p.start !== 'number' || !Number.isFinite(p.start) || p.start < 0) {
      throw new ParameterError('start', p.start, 'a finite time >= 0 (ms)', 'SpikeSourcePoisson');
    }
    if (typeof p.duration !== 'number' || Number.isNaN(p.duration) || p.duration < 0) {
      throw new ParameterError('duration', p.duration, 'a time >= 0 (ms) or Infinity', 'SpikeSourcePoisson');
    }
  },
  /** Under sPyNNaker semantics the same draws, stamped at the tick that emits them. */
  createSpinnakerKernel(a: KernelArrays, p: Readonly<SpikeSourcePoissonParams>, dt: number, rng: Rng): NeuronKernel {
    return SpikeSourcePoisson.createKernel(a, p, dt, rng);
  },
  createKernel(a: KernelArrays, p: Readonly<SpikeSourcePoissonParams>, dt: number, rng: Rng): NeuronKernel {
    const n = a.size;
    const prob = new Float64Array(n);
    /** step in which each neuron fires next (Infinity: never) */
    const next = new Float64Array(n);
    let kStart = 0;
    let kStop = Infinity;
    let lastK = 0;
    const setup = (fromStep: number): void => {
      if (typeof p.rate !== 'number' && (p.rate as ArrayLike<number>).length !== n) {
        throw new ParameterError('rate', p.rate, `a rate or an array of exactly ${n} rates (Hz)`, 'SpikeSourcePoisson');
      }
      kStart = Math.round(p.start / dt);
      kStop = p.duration === Infinity ? Infinity : Math.round((p.start + p.duration) / dt);
      const first = Math.max(kStart, fromStep);
      for (let i = 0; i < n; i++) {
        const r = typeof p.rate === 'number' ? p.rate : (p.rate as ArrayLike<number>)[i];
        prob[i] = Math.min(1, (r * dt) / 1000);
        next[i] = first + rng.geometric(prob[i]);
      }
    };
    setup(0);
    return {
      step(k) {
        lastK = k;
        if (k < kStart || k >= kStop) return 0;
        const spikes = a.spikes;
        let count = 0;
        for (let i = 0; i < n; i++) {
          if (next[i] === k) {
            spikes[count++] = i;
            next[i] = k + 1 + rng.geometric(prob[i]);
          }
        }
        return count;
      },
      refresh() {
        setup(lastK + 1);
      },
    };
  },
};
