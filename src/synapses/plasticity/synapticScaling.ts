/**
 * Homeostatic synaptic scaling (Turrigiano et al. 1998; the model of van Rossum, Bi &
 * Turrigiano 2000, J. Neurosci. 20:8812): every incoming weight of a neuron is scaled by
 * the same factor, up when the neuron's averaged rate is below its target, down when above,
 *
 *   dw_ij/dt = beta w_ij (targetRate - rAvg_j),    tauAvg drAvg_j/dt = r_j - rAvg_j
 *
 * On spiking populations r_j is the spike count over windows of `interval` ms; at the end of
 * each window rAvg relaxes towards it exactly over the window and each weight becomes
 * w (1 + beta T (targetRate - rAvg)) (T in s; factor kept >= 0; clipped to [wMin, wMax]).
 * Multiplicative, so relative differences between synapses (what STDP or Hebbian learning
 * stored) are kept. O(synapses) per window through the CSC index.
 */
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import { buildCsc, type CscIndex } from './csc.js';
import type { PlasticityRule, PlasticityState, PlasticSynapses } from './plasticityRule.js';
import { RateWindow, checkBounds, checkNumber, checkWeightsInBounds, intervalSteps } from './rateWindow.js';

/** Parameters of {@link SynapticScaling}. */
export interface SynapticScalingParams {
  /** target rate of each postsynaptic neuron, Hz */
  targetRate: number;
  /** scaling rate, 1/(Hz s) */
  beta: number;
  /** time constant of the rate average, ms */
  tauAvg: number;
  /** rate window and update interval, ms */
  interval: number;
  /** bounds of the weights (defaults 0 and Infinity) */
  wMin: number;
  wMax: number;
}

export const SYNAPTIC_SCALING_DEFAULTS: Readonly<SynapticScalingParams> = Object.freeze({
  targetRate: 5,
  beta: 1e-3,
  tauAvg: 10_000,
  interval: 100,
  wMin: 0,
  wMax: Infinity,
});

/** The state of {@link SynapticScaling} on one projection. */
export class SynapticScalingState implements PlasticityState {
  updates = 0;
  /** averaged rate of each postsynaptic neuron, Hz (starts at the target) */
  readonly rAvg: Float64Array;
  private n = 0;
  private readonly steps: number;
  private readonly ms: number;
  private readonly post: RateWindow;
  private readonly csc: CscIndex;

  constructor(
    readonly rule: SynapticScaling,
    private readonly syn: PlasticSynapses,
    dt: number,
  ) {
    this.steps = intervalSteps(rule.params.interval, dt);
    this.ms = this.steps * dt;
    this.post = new RateWindow(syn.post);
    this.rAvg = new Float64Array(syn.post.size).fill(rule.params.targetRate);
    this.csc = buildCsc(syn.rowPtr, syn.target, syn.post.size);
  }

  /** @internal */
  step(): void {
    this.post.count();
    if (++this.n < this.steps) return;
    this.n = 0;
    const { targetRate, beta, tauAvg, wMin, wMax } = this.rule.params;
    const r = this.post.close(this.ms);
    const relax = -Math.expm1(-this.ms / tauAvg);
    const T = this.ms / 1000;
    const w = this.syn.weight;
    const { colPtr, synapse } = this.csc;
    for (let j = 0; j < r.length; j++) {
      this.rAvg[j] += (r[j] - this.rAvg[j]) * relax;
      const f = Math.max(0, 1 + beta * T * (targetRate - this.rAvg[j]));
      for (let q = colPtr[j]; q < colPtr[j + 1]; q++) {
        const s = synapse[q];
        const v = w[s] * f;
        w[s] = v < wMin ? wMin : v > wMax ? wMax : v;
      }
    }
    this.updates += w.length;
  }
}

/**
 * Synaptic scaling toward a target rate on a projection.
 *
 * @example net.connect(exc, exc, fixedProbability(0.1), { weight: 0.05, plasticity: new SynapticScaling({ targetRate: 5 }) })
 */
export class SynapticScaling implements PlasticityRule {
  readonly kind = 'SynapticScaling';
  readonly params: Readonly<SynapticScalingParams>;

  constructor(params: Partial<SynapticScalingParams> = {}) {
    const ctx = 'SynapticScaling';
    requireKnownKeys('params', requireObject('params', params, ctx), Object.keys(SYNAPTIC_SCALING_DEFAULTS), ctx);
    const p = { ...SYNAPTIC_SCALING_DEFAULTS, ...params };
    checkNumber('targetRate', p.targetRate, ctx, 'a finite rate >= 0 (Hz)');
    checkNumber('beta', p.beta, ctx, 'a finite rate >= 0 (1/(Hz s))');
    checkNumber('tauAvg', p.tauAvg, ctx, 'a finite time constant > 0 (ms)', true);
    checkNumber('interval', p.interval, ctx, 'a finite time > 0 (ms)', true);
    checkBounds(p.wMin, p.wMax, ctx);
    this.params = Object.freeze(p);
  }

  /** @internal */
  bind(synapses: PlasticSynapses, dt: number): SynapticScalingState {
    checkWeightsInBounds(synapses.weight, this.params.wMin, this.params.wMax, `projection '${synapses.label}'`);
    return new SynapticScalingState(this, synapses, dt);
  }
}
