/**
 * Adaptive threshold (intrinsic homeostasis, as in Diehl & Cook 2015's theta): each spike
 * of neuron j raises its threshold shift theta_j by `increment` mV; theta_j decays back with
 * `tauTheta`, so a neuron that fires more than others becomes harder to excite.
 *
 * Engram's models have one threshold per population, so the shift is applied as a bias
 * current iOffset_j = base_j - gL theta_j with gL = cm/tauM (nA; base is the iOffset when the
 * mechanism is added). For an integrate-and-fire neuron with current synapses this is exactly
 * a shift of both threshold and reset by +theta_j (substitute u = v + theta); for conductance
 * synapses the reversal potentials do not move with it, so it is an approximation. theta is
 * updated event by event (exact decay); the bias current is refreshed every `interval` ms.
 * Added with `network.add(...)` like a monitor (it runs at the end of each step).
 */
import { ParameterError } from '../../core/errors.js';
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import type { Monitor } from '../monitor.js';
import type { Population } from '../population.js';

/** Parameters of {@link AdaptiveThreshold}. */
export interface AdaptiveThresholdParams {
  /** threshold increase per spike, mV (>= 0) */
  increment: number;
  /** decay time constant of the shift, ms */
  tauTheta: number;
  /** refresh interval of the bias current, ms (a multiple of dt) */
  interval: number;
}

export const ADAPTIVE_THRESHOLD_DEFAULTS: Readonly<AdaptiveThresholdParams> = Object.freeze({ increment: 0.05, tauTheta: 10_000, interval: 1 });

/**
 * @example
 * const theta = net.add(new AdaptiveThreshold(exc, { increment: 0.05, tauTheta: 1e4 }));
 * net.run(1000);
 * theta.shift(); // mV per neuron
 */
export class AdaptiveThreshold implements Monitor {
  readonly population: Population<object>;
  readonly params: Readonly<AdaptiveThresholdParams>;
  /** leak conductance cm/tauM, uS */
  readonly gL: number;
  private theta: Float64Array;
  private last: Float64Array;
  private base: Float32Array | null = null;
  private steps = 1;
  private dt = 0;
  private k = 0;

  constructor(population: Population<object>, params: Partial<AdaptiveThresholdParams> = {}) {
    const ctx = 'AdaptiveThreshold';
    requireKnownKeys('params', requireObject('params', params, ctx), Object.keys(ADAPTIVE_THRESHOLD_DEFAULTS), ctx);
    const p = { ...ADAPTIVE_THRESHOLD_DEFAULTS, ...params };
    if (typeof p.increment !== 'number' || !Number.isFinite(p.increment) || p.increment < 0) {
      throw new ParameterError('increment', p.increment, 'a finite shift >= 0 (mV)', ctx);
    }
    if (typeof p.tauTheta !== 'number' || !(p.tauTheta > 0)) throw new ParameterError('tauTheta', p.tauTheta, 'a time constant > 0 (ms)', ctx);
    if (typeof p.interval !== 'number' || !(p.interval > 0) || !Number.isFinite(p.interval)) {
      throw new ParameterError('interval', p.interval, 'a finite time > 0 (ms)', ctx);
    }
    const mp = population?.params as Record<string, unknown> | undefined;
    if (!mp || typeof mp.cm !== 'number' || typeof mp.tauM !== 'number') {
      throw new ParameterError('population', population?.label, 'a population of a model with cm and tauM (integrate-and-fire)', ctx);
    }
    this.population = population;
    this.params = Object.freeze(p);
    this.gL = mp.cm / mp.tauM;
    this.theta = new Float64Array(population.size);
    this.last = new Float64Array(population.size);
  }

  /** @internal */
  attach(dt: number, step: number): void {
    const steps = Math.round(this.params.interval / dt);
    if (steps < 1 || Math.abs(steps * dt - this.params.interval) > 1e-9 * Math.max(1, this.params.interval)) {
      throw new ParameterError('interval', this.params.interval, `a positive multiple of dt = ${dt} ms`, 'AdaptiveThreshold');
    }
    this.steps = steps;
    this.dt = dt;
    this.k = step;
    this.base = this.population.iOffset.slice();
    this.last.fill(step);
  }

  /** @internal */
  afterStep(k: number): void {
    const pop = this.population;
    const sp = pop.spikes;
    const rate = this.dt / this.params.tauTheta;
    const inc = this.params.increment;
    for (let s = 0; s < pop.spikeCount; s++) {
      const j = sp[s];
      this.theta[j] = this.theta[j] * Math.exp(-(k + 1 - this.last[j]) * rate) + inc;
      this.last[j] = k + 1;
    }
    this.k = k + 1;
    if ((k + 1) % this.steps !== 0) return;
    const iOffset = pop.iOffset;
    const base = this.base!;
    for (let j = 0; j < iOffset.length; j++) iOffset[j] = base[j] - this.gL * this.theta[j] * Math.exp(-(k + 1 - this.last[j]) * rate);
    pop.iExtDirty = true;
  }

  /** The current threshold shift of each neuron, mV. */
  shift(): Float64Array {
    const rate = this.dt / this.params.tauTheta;
    return Float64Array.from(this.theta, (th, j) => th * Math.exp(-(this.k - this.last[j]) * rate));
  }
}
