/**
 * Inhibitory STDP of Vogels, Sprekeler, Zenke, Clopath & Gerstner (2011), Science
 * 334:1569 (PyNN `Vogels2011Rule`, NEST `vogels_sprekeler_synapse`): a symmetric window
 * that balances excitation with inhibition. Pre and post traces x decay with `tau` and
 * grow by 1 at each spike; then
 *
 *   presynaptic spike:   dw = eta (x_post - alpha)
 *   postsynaptic spike:  dw = eta x_pre
 *
 * with alpha = 2 rho tau the depression that sets the target rate `rho` of the
 * postsynaptic neuron (dw in units of the weight dependence's scale; for inhibitory
 * conductance synapses, larger w means stronger inhibition). Mean drift for independent
 * Poisson trains: eta rhoPre (2 rhoPost tau - alpha) = 2 eta rhoPre tau (rhoPost - rho).
 */
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import { amplitude, timeConstant, type TimingDependence, type TraceRuleSpec } from './traceRule.js';

/** Parameters of {@link Vogels2011Rule} (PyNN names and defaults). */
export interface Vogels2011RuleParams {
  /** time constant of both traces, ms */
  tau: number;
  /** learning rate, in units of the weight dependence's scale (>= 0) */
  eta: number;
  /** target postsynaptic rate, Hz (sets alpha = 2 rho tau) */
  rho: number;
}

/** PyNN's defaults (tau 20 ms, eta 1e-10, rho 3 Hz); Vogels et al. used eta = 1e-4 of gBar. */
export const VOGELS2011_RULE_DEFAULTS: Readonly<Vogels2011RuleParams> = Object.freeze({ tau: 20, eta: 1e-10, rho: 3 });

/**
 * Vogels et al. (2011) inhibitory STDP timing dependence.
 *
 * @example
 * const timing = new Vogels2011Rule({ tau: 20, eta: 1e-4, rho: 5 });
 */
export class Vogels2011Rule implements TimingDependence {
  readonly kind = 'Vogels2011Rule';
  readonly params: Readonly<Vogels2011RuleParams>;
  readonly traces: TraceRuleSpec;
  /** depression per presynaptic spike, alpha = 2 rho tau (dimensionless) */
  readonly alpha: number;

  constructor(params: Partial<Vogels2011RuleParams> = {}) {
    const ctx = 'Vogels2011Rule';
    requireKnownKeys('params', requireObject('params', params, ctx), Object.keys(VOGELS2011_RULE_DEFAULTS), ctx);
    const p = { ...VOGELS2011_RULE_DEFAULTS, ...params };
    const tau = timeConstant('tau', p.tau, ctx);
    const eta = amplitude('eta', p.eta, ctx, 'a finite learning rate >= 0 (dimensionless)');
    const rho = amplitude('rho', p.rho, ctx, 'a finite target rate >= 0 (Hz)');
    this.params = Object.freeze({ tau, eta, rho });
    this.alpha = (2 * rho * tau) / 1000;
    this.traces = Object.freeze({
      tauPre: tau,
      tauPreSlow: tau,
      tauPost: tau,
      tauPostSlow: tau,
      interaction: 'all-to-all',
      preLinear: eta,
      preTriplet: 0,
      preConstant: -eta * this.alpha,
      postLinear: eta,
      postTriplet: 0,
      postConstant: 0,
    });
  }

  /** Mean drift <dw/dt> (units of the scale per second) for independent Poisson trains at rhoPre, rhoPost (Hz). */
  meanDrift(rhoPre: number, rhoPost: number): number {
    const { eta, tau } = this.params;
    return eta * rhoPre * ((2 * rhoPost * tau) / 1000 - this.alpha);
  }
}
