/**
 * Pair-based STDP (PyNN `SpikePairRule`; Song, Miller & Abbott 2000; NEST `stdp_synapse`
 * and `stdp_nn_symm_synapse`). For a spike pair with dt = t_post - t_pre:
 *
 *   dt >= 0:  dw = +A+ exp(-dt/tauPlus)      dt < 0:  dw = -A- exp(dt/tauMinus)
 *
 * in units of the weight dependence's scale. With `interaction: 'all-to-all'` every pair
 * counts (traces incremented by 1 at each spike); with 'nearest' (symmetric nearest
 * neighbour, Morrison, Diesmann & Gerstner 2008) each spike pairs only with the most
 * recent spike of the other side (traces reset to 1).
 *
 * Mean drift under independent Poisson trains at rates rhoPre, rhoPost (Hz, tau in s):
 * all-to-all rhoPre rhoPost (A+ tauPlus - A- tauMinus); nearest
 * rhoPre rhoPost [A+ tauPlus/(1 + rhoPre tauPlus) - A- tauMinus/(1 + rhoPost tauMinus)].
 */
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import { amplitude, interaction, timeConstant, type Interaction, type TimingDependence, type TraceRuleSpec } from './traceRule.js';

/** Parameters of {@link SpikePairRule} (PyNN names and defaults). */
export interface SpikePairRuleParams {
  /** decay time constant of the potentiation window (presynaptic trace), ms */
  tauPlus: number;
  /** decay time constant of the depression window (postsynaptic trace), ms */
  tauMinus: number;
  /** potentiation amplitude, in units of the weight dependence's scale (>= 0) */
  aPlus: number;
  /** depression amplitude, in units of the weight dependence's scale (>= 0) */
  aMinus: number;
  /** 'all-to-all' (every pair) or 'nearest' (symmetric nearest neighbour) */
  interaction: Interaction;
}

/** PyNN's defaults: tau 20 ms on both sides, A+ = A- = 0.01, all-to-all. */
export const SPIKE_PAIR_RULE_DEFAULTS: Readonly<SpikePairRuleParams> = Object.freeze({
  tauPlus: 20,
  tauMinus: 20,
  aPlus: 0.01,
  aMinus: 0.01,
  interaction: 'all-to-all',
});

/**
 * Pair-based STDP timing dependence.
 *
 * @example
 * const timing = new SpikePairRule({ tauPlus: 20, tauMinus: 20, aPlus: 0.005, aMinus: 0.00525 });
 */
export class SpikePairRule implements TimingDependence {
  readonly kind = 'SpikePairRule';
  readonly params: Readonly<SpikePairRuleParams>;
  readonly traces: TraceRuleSpec;

  constructor(params: Partial<SpikePairRuleParams> = {}) {
    const ctx = 'SpikePairRule';
    requireKnownKeys('params', requireObject('params', params, ctx), Object.keys(SPIKE_PAIR_RULE_DEFAULTS), ctx);
    const p = { ...SPIKE_PAIR_RULE_DEFAULTS, ...params };
    const tauPlus = timeConstant('tauPlus', p.tauPlus, ctx);
    const tauMinus = timeConstant('tauMinus', p.tauMinus, ctx);
    const aPlus = amplitude('aPlus', p.aPlus, ctx);
    const aMinus = amplitude('aMinus', p.aMinus, ctx);
    const mode = interaction(p.interaction, ctx);
    this.params = Object.freeze({ tauPlus, tauMinus, aPlus, aMinus, interaction: mode });
    this.traces = Object.freeze({
      tauPre: tauPlus,
      tauPreSlow: tauPlus,
      tauPost: tauMinus,
      tauPostSlow: tauMinus,
      interaction: mode,
      preLinear: -aMinus,
      preTriplet: 0,
      preConstant: 0,
      postLinear: aPlus,
      postTriplet: 0,
      postConstant: 0,
    });
  }

  /**
   * Mean drift <dw/dt> (units of the amplitudes per second) for independent Poisson
   * trains at `rhoPre` and `rhoPost` (Hz), exact for this implementation.
   */
  meanDrift(rhoPre: number, rhoPost: number): number {
    const { tauPlus, tauMinus, aPlus, aMinus } = this.params;
    const tp = tauPlus / 1000;
    const tm = tauMinus / 1000;
    if (this.params.interaction === 'all-to-all') return rhoPre * rhoPost * (aPlus * tp - aMinus * tm);
    return rhoPre * rhoPost * ((aPlus * tp) / (1 + rhoPre * tp) - (aMinus * tm) / (1 + rhoPost * tm));
  }
}
