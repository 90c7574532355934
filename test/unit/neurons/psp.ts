/**
 * Helpers for the PSP tests of the current-based models: record the response of one
 * neuron to one input spike through the real network, and locate the continuous peak
 * of the recorded trace.
 */
import { Network } from '../../../src/engine/network.js';
import { StateMonitor } from '../../../src/engine/monitors/stateMonitor.js';
import type { NeuronModel } from '../../../src/neurons/model.js';
import { SpikeSourceArray } from '../../../src/neurons/spikeSourceArray.js';
import { allToAll } from '../../../src/synapses/connectors/allToAll.js';

/** Time of the input spike and its delay, ms: the input arrives at ARRIVAL = 11 ms. */
export const SPIKE_AT = 10;
export const DELAY = 1;
export const ARRIVAL = SPIKE_AT + DELAY;

export interface PspRecording {
  /** sample times, ms */
  t: Float64Array;
  /** v, mV */
  v: Float32Array;
  /** the total synaptic current iSynE, nA */
  i: Float32Array;
}

/**
 * One neuron of `model` receiving one excitatory spike of weight `weight` (nA) at
 * ARRIVAL; v and iSynE recorded at every step.
 */
export function recordPsp<P extends object>(
  model: NeuronModel<P>,
  params: Partial<P>,
  weight: number,
  dt: number,
  duration: number,
): PspRecording {
  const net = new Network({ dt, seed: 1 });
  const pop = net.population(model, 1, { params });
  const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [SPIKE_AT] } });
  net.connect(src, pop, allToAll(), { weight, delay: DELAY, receptor: 'excitatory' });
  const vm = net.add(new StateMonitor(pop, ['v', 'iSynE']));
  net.run(duration);
  return { t: vm.times, v: vm.trace('v', 0), i: vm.trace('iSynE', 0) };
}

/**
 * The peak of a sampled trace y with known derivatives dy (per ms) at the samples:
 * the maximum of the cubic Hermite interpolant on the interval where dy changes sign
 * (error O(dt^4) in the height, O(dt^3) in the time).
 */
export function hermitePeak(t: ArrayLike<number>, y: ArrayLike<number>, dy: ArrayLike<number>): { time: number; height: number } {
  let k = -1;
  for (let j = 0; j + 1 < y.length; j++) {
    if (dy[j] > 0 && dy[j + 1] <= 0) {
      k = j;
      break;
    }
  }
  if (k < 0) throw new Error('no maximum in the trace');
  const h = t[k + 1] - t[k];
  const p0 = y[k];
  const p1 = y[k + 1];
  const m0 = h * dy[k];
  const m1 = h * dy[k + 1];
  const value = (s: number) =>
    (2 * s ** 3 - 3 * s ** 2 + 1) * p0 + (s ** 3 - 2 * s ** 2 + s) * m0 + (-2 * s ** 3 + 3 * s ** 2) * p1 + (s ** 3 - s ** 2) * m1;
  const slope = (s: number) =>
    (6 * s ** 2 - 6 * s) * p0 + (3 * s ** 2 - 4 * s + 1) * m0 + (-6 * s ** 2 + 6 * s) * p1 + (3 * s ** 2 - 2 * s) * m1;
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 80; it++) {
    const mid = 0.5 * (lo + hi);
    if (slope(mid) > 0) lo = mid;
    else hi = mid;
  }
  const s = 0.5 * (lo + hi);
  return { time: t[k] + s * h, height: value(s) };
}

/** Root of a decreasing-through-zero function g on [lo, hi] by bisection. */
export function bisect(g: (x: number) => number, lo: number, hi: number): number {
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (g(mid) > 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** dv/dt of a current-based LIF at the recorded samples: -(v - vRest)/tauM + i/cm, mV/ms. */
export function lifSlope(rec: PspRecording, vRest: number, tauM: number, cm: number): Float64Array {
  return Float64Array.from(rec.v, (v, k) => -(v - vRest) / tauM + rec.i[k] / cm);
}
