/**
 * Oja's rule (Oja 1982, J. Math. Biol. 15:267): Hebbian growth with a decay that keeps the
 * weight vector of each neuron normalised,
 *
 *   dw_ij/dt = eta y_j (x_i - y_j w_ij)
 *
 * with x_i, y_j the pre- and postsynaptic rates (Hz). On spiking populations the rates are
 * spike counts over windows of `interval` ms, and the weights are updated at the end of each
 * window, w += eta T y (x - y w) with T the window in seconds, then clipped to [wMin, wMax].
 * As in Oja's rate model, w is treated as a dimensionless number. Cost per window is
 * O(synapses), i.e. O(synapses / interval steps) per step; {@link ojaUpdate} applies the same
 * update to rate vectors directly (rate populations, or offline).
 */
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import type { PlasticityRule, PlasticityState, PlasticSynapses } from './plasticityRule.js';
import { RateWindow, checkBounds, checkNumber, checkWeightsInBounds, intervalSteps } from './rateWindow.js';

/** Parameters of {@link OjaRule}. */
export interface OjaRuleParams {
  /** learning rate, 1/(Hz^2 s) */
  eta: number;
  /** rate window and update interval, ms */
  interval: number;
  /** lower bound of the weights (default -Infinity) */
  wMin: number;
  /** upper bound of the weights (default Infinity) */
  wMax: number;
}

export const OJA_RULE_DEFAULTS: Readonly<OjaRuleParams> = Object.freeze({ eta: 1e-4, interval: 100, wMin: -Infinity, wMax: Infinity });

/**
 * One Oja step on CSR synapses: w_s += etaT y_j (x_i - y_j w_s), clipped to [wMin, wMax].
 *
 * @param etaT learning rate times the time step (1/Hz^2)
 * @param x presynaptic rates, Hz; `y` postsynaptic rates, Hz
 * @example ojaUpdate(rowPtr, target, w, x, y, 1e-4 * 0.1, -Infinity, Infinity)
 */
export function ojaUpdate(
  rowPtr: Uint32Array,
  target: Uint32Array,
  w: Float32Array | Float64Array,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  etaT: number,
  wMin: number,
  wMax: number,
): void {
  for (let i = 0; i + 1 < rowPtr.length; i++) {
    const xi = x[i];
    for (let s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
      const yj = y[target[s]];
      if (yj === 0) continue;
      const v = w[s] + etaT * yj * (xi - yj * w[s]);
      w[s] = v < wMin ? wMin : v > wMax ? wMax : v;
    }
  }
}

/**
 * Oja's rule on a projection, from spike counts.
 *
 * @example net.connect(inputs, neuron, allToAll(), { weight: 0.1, plasticity: new OjaRule({ eta: 1e-5, interval: 200 }) })
 */
export class OjaRule implements PlasticityRule {
  readonly kind = 'OjaRule';
  readonly params: Readonly<OjaRuleParams>;

  constructor(params: Partial<OjaRuleParams> = {}) {
    const ctx = 'OjaRule';
    requireKnownKeys('params', requireObject('params', params, ctx), Object.keys(OJA_RULE_DEFAULTS), ctx);
    const p = { ...OJA_RULE_DEFAULTS, ...params };
    checkNumber('eta', p.eta, ctx, 'a finite learning rate >= 0 (1/(Hz^2 s))');
    checkNumber('interval', p.interval, ctx, 'a finite time > 0 (ms)', true);
    checkBounds(p.wMin, p.wMax, ctx);
    this.params = Object.freeze(p);
  }

  /** @internal */
  bind(synapses: PlasticSynapses, dt: number): PlasticityState {
    checkWeightsInBounds(synapses.weight, this.params.wMin, this.params.wMax, `projection '${synapses.label}'`);
    const steps = intervalSteps(this.params.interval, dt);
    const ms = steps * dt;
    const pre = new RateWindow(synapses.pre);
    const post = new RateWindow(synapses.post);
    const { eta, wMin, wMax } = this.params;
    let n = 0;
    const state = {
      rule: this as PlasticityRule,
      updates: 0,
      step(): void {
        pre.count();
        post.count();
        if (++n < steps) return;
        n = 0;
        ojaUpdate(synapses.rowPtr, synapses.target, synapses.weight, pre.close(ms), post.close(ms), (eta * ms) / 1000, wMin, wMax);
        state.updates += synapses.target.length;
      },
    };
    return state;
  }
}
