/**
 * The BCM rule (Bienenstock, Cooper & Munro 1982; sliding threshold as in Intrator &
 * Cooper 1992): potentiation when the postsynaptic rate is above a threshold, depression
 * below it, and a threshold that follows the recent postsynaptic activity,
 *
 *   dw_ij/dt = eta x_i y_j (y_j - theta_j),    tauTheta dtheta_j/dt = y_j^2 / y0 - theta_j
 *
 * with rates in Hz (a neuron settles where y = y0 on average). On spiking populations the
 * rates are spike counts over windows of `interval` ms; at the end of each window the
 * weights change by eta T x y (y - theta) (T in s; clipped to [wMin, wMax]) and theta relaxes
 * towards y^2/y0 exactly over the window. O(synapses) per window; {@link bcmUpdate} applies it
 * to rate vectors.
 */
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import type { PlasticityRule, PlasticityState, PlasticSynapses } from './plasticityRule.js';
import { RateWindow, checkBounds, checkNumber, checkWeightsInBounds, intervalSteps } from './rateWindow.js';

/** Parameters of {@link BCMRule}. */
export interface BCMRuleParams {
  /** learning rate, weight units per (Hz^3 s) */
  eta: number;
  /** time constant of the sliding threshold, ms */
  tauTheta: number;
  /** target rate y0 that sets the threshold theta = <y^2>/y0, Hz (> 0) */
  y0: number;
  /** rate window and update interval, ms */
  interval: number;
  /** bounds of the weights (defaults 0 and Infinity) */
  wMin: number;
  wMax: number;
}

export const BCM_RULE_DEFAULTS: Readonly<BCMRuleParams> = Object.freeze({
  eta: 1e-6,
  tauTheta: 1000,
  y0: 10,
  interval: 100,
  wMin: 0,
  wMax: Infinity,
});

/**
 * One BCM step on CSR synapses: w_s += etaT x_i y_j (y_j - theta_j), clipped.
 *
 * @param etaT learning rate times the time step
 * @example bcmUpdate(rowPtr, target, w, x, y, theta, 1e-6 * 0.1, 0, Infinity)
 */
export function bcmUpdate(
  rowPtr: Uint32Array,
  target: Uint32Array,
  w: Float32Array | Float64Array,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  theta: ArrayLike<number>,
  etaT: number,
  wMin: number,
  wMax: number,
): void {
  for (let i = 0; i + 1 < rowPtr.length; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    for (let s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
      const j = target[s];
      const yj = y[j];
      const v = w[s] + etaT * xi * yj * (yj - theta[j]);
      w[s] = v < wMin ? wMin : v > wMax ? wMax : v;
    }
  }
}

/** The state of a {@link BCMRule} on one projection: thresholds per postsynaptic neuron. */
export class BCMState implements PlasticityState {
  updates = 0;
  /** sliding threshold of each postsynaptic neuron, Hz */
  readonly theta: Float64Array;
  private n = 0;
  private readonly steps: number;
  private readonly ms: number;
  private readonly pre: RateWindow;
  private readonly post: RateWindow;

  constructor(
    readonly rule: BCMRule,
    private readonly syn: PlasticSynapses,
    dt: number,
  ) {
    this.steps = intervalSteps(rule.params.interval, dt);
    this.ms = this.steps * dt;
    this.pre = new RateWindow(syn.pre);
    this.post = new RateWindow(syn.post);
    this.theta = new Float64Array(syn.post.size).fill(rule.params.y0);
  }

  /** @internal */
  step(): void {
    this.pre.count();
    this.post.count();
    if (++this.n < this.steps) return;
    this.n = 0;
    const { eta, tauTheta, y0, wMin, wMax } = this.rule.params;
    const x = this.pre.close(this.ms);
    const y = this.post.close(this.ms);
    bcmUpdate(this.syn.rowPtr, this.syn.target, this.syn.weight, x, y, this.theta, (eta * this.ms) / 1000, wMin, wMax);
    const relax = -Math.expm1(-this.ms / tauTheta);
    for (let j = 0; j < y.length; j++) this.theta[j] += ((y[j] * y[j]) / y0 - this.theta[j]) * relax;
    this.updates += this.syn.target.length;
  }
}

/**
 * BCM learning with a sliding threshold on a projection, from spike counts.
 *
 * @example net.connect(inputs, neurons, allToAll(), { weight: 0.2, plasticity: new BCMRule({ eta: 1e-6, y0: 10 }) })
 */
export class BCMRule implements PlasticityRule {
  readonly kind = 'BCMRule';
  readonly params: Readonly<BCMRuleParams>;

  constructor(params: Partial<BCMRuleParams> = {}) {
    const ctx = 'BCMRule';
    requireKnownKeys('params', requireObject('params', params, ctx), Object.keys(BCM_RULE_DEFAULTS), ctx);
    const p = { ...BCM_RULE_DEFAULTS, ...params };
    checkNumber('eta', p.eta, ctx, 'a finite learning rate >= 0');
    checkNumber('tauTheta', p.tauTheta, ctx, 'a finite time constant > 0 (ms)', true);
    checkNumber('y0', p.y0, ctx, 'a finite rate > 0 (Hz)', true);
    checkNumber('interval', p.interval, ctx, 'a finite time > 0 (ms)', true);
    checkBounds(p.wMin, p.wMax, ctx);
    this.params = Object.freeze(p);
  }

  /** @internal */
  bind(synapses: PlasticSynapses, dt: number): BCMState {
    checkWeightsInBounds(synapses.weight, this.params.wMin, this.params.wMax, `projection '${synapses.label}'`);
    return new BCMState(this, synapses, dt);
  }
}
