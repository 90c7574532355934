/**
 * Triplet STDP (Pfister & Gerstner 2006, J. Neurosci. 26:9673; NEST `stdp_triplet_synapse`).
 * Presynaptic traces r1 (tauPlus) and r2 (tauX), postsynaptic traces o1 (tauMinus) and
 * o2 (tauY). At a presynaptic spike at t:
 *
 *   w -= o1(t) [A2- + A3- r2(t - e)],  then r1, r2 += 1
 *
 * and at a postsynaptic spike at t:
 *
 *   w += r1(t) [A2+ + A3+ o2(t - e)],  then o1, o2 += 1
 *
 * where (t - e) is the trace just before the spike's own increment. With
 * `interaction: 'nearest'` (P&G's "nearest-spike" model) every trace is set to 1 at its
 * neuron's spike instead of incremented. Changes are in units of the weight dependence's
 * scale. The parameter sets of P&G's tables are in {@link TRIPLET_PARAMETER_SETS}.
 */
import { ParameterError } from '../../core/errors.js';
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import { amplitude, interaction, timeConstant, type Interaction, type TimingDependence, type TraceRuleSpec } from './traceRule.js';

/** Parameters of {@link TripletRule}. */
export interface TripletRuleParams {
  /** time constant of the fast presynaptic trace r1, ms */
  tauPlus: number;
  /** time constant of the fast postsynaptic trace o1, ms */
  tauMinus: number;
  /** time constant of the slow presynaptic trace r2, ms */
  tauX: number;
  /** time constant of the slow postsynaptic trace o2, ms */
  tauY: number;
  /** pair potentiation amplitude A2+ (units of the weight dependence's scale, >= 0) */
  a2Plus: number;
  /** triplet potentiation amplitude A3+ (>= 0) */
  a3Plus: number;
  /** pair depression amplitude A2- (>= 0) */
  a2Minus: number;
  /** triplet depression amplitude A3- (>= 0) */
  a3Minus: number;
  /** 'all-to-all' (traces add) or 'nearest' (P&G's nearest-spike model: traces reset to 1) */
  interaction: Interaction;
}

/** A published parameter set of the triplet rule. */
export interface TripletParameterSet {
  /** e.g. 'visual cortex, all-to-all (full)' */
  readonly title: string;
  /** how well the transcription of the paper's table is established */
  readonly provenance: string;
  readonly params: Readonly<TripletRuleParams>;
}

const set = (
  title: string,
  provenance: string,
  interactionMode: Interaction,
  a2Plus: number,
  a3Plus: number,
  a2Minus: number,
  a3Minus: number,
  tauX: number,
  tauY: number,
): TripletParameterSet =>
  Object.freeze({
    title,
    provenance,
    params: Object.freeze({ tauPlus: 16.8, tauMinus: 33.7, tauX, tauY, a2Plus, a3Plus, a2Minus, a3Minus, interaction: interactionMode }),
  });

const SEVERAL = 'several independent transcriptions of P&G 2006 agree';
const ONE = 'found in one transcription only (theory.md 4.4, marked *)';

/**
 * The parameter sets of Pfister & Gerstner (2006) as transcribed in theory.md 4.4:
 * visual cortex (Sjostrom et al. 2001 data) and hippocampal (Wang et al. 2005 data), the
 * all-to-all and nearest-spike models, full and minimal (A2+ = 0 or A3- = 0). tauPlus =
 * 16.8 ms and tauMinus = 33.7 ms in every set. For the minimal sets the unused tauX or
 * tauY is the full set's. `hippocampalAllToAll` uses A3- = 1.4e-3; one transcription
 * gives 1.4e-4 and the conflict is unresolved (see its provenance).
 */
export const TRIPLET_PARAMETER_SETS = Object.freeze({
  visualCortexAllToAll: set('visual cortex, all-to-all (full)', SEVERAL, 'all-to-all', 5e-10, 6.2e-3, 7e-3, 2.3e-4, 101, 125),
  visualCortexAllToAllMinimal: set('visual cortex, all-to-all minimal', SEVERAL, 'all-to-all', 0, 6.5e-3, 7.1e-3, 0, 101, 114),
  visualCortexNearest: set('visual cortex, nearest-spike (full)', ONE, 'nearest', 8.8e-11, 5.3e-2, 6.6e-3, 3.1e-3, 714, 40),
  visualCortexNearestMinimal: set('visual cortex, nearest-spike minimal', ONE, 'nearest', 0, 5e-2, 8e-3, 0, 714, 40),
  hippocampalAllToAll: set(
    'hippocampal, all-to-all (full)',
    'A3- = 1.4e-3 here; transcriptions disagree (1.4e-3 or 1.4e-4), not checked against the paper',
    'all-to-all',
    6.1e-3,
    6.7e-3,
    1.6e-3,
    1.4e-3,
    946,
    27,
  ),
  hippocampalAllToAllMinimal: set('hippocampal, all-to-all minimal', ONE, 'all-to-all', 5.3e-3, 8e-3, 3.5e-3, 0, 946, 40),
  hippocampalNearest: set('hippocampal, nearest-spike (full)', SEVERAL, 'nearest', 4.6e-3, 9.1e-3, 3e-3, 7.5e-9, 575, 47),
  hippocampalNearestMinimal: set('hippocampal, nearest-spike minimal', ONE, 'nearest', 4.6e-3, 9.1e-3, 3e-3, 0, 575, 48),
});

/** Names of {@link TRIPLET_PARAMETER_SETS}. */
export type TripletSetName = keyof typeof TRIPLET_PARAMETER_SETS;

/** Defaults: the visual-cortex all-to-all (full) set. */
export const TRIPLET_RULE_DEFAULTS: Readonly<TripletRuleParams> = TRIPLET_PARAMETER_SETS.visualCortexAllToAll.params;

/**
 * Triplet STDP timing dependence.
 *
 * @example
 * const timing = TripletRule.fromSet('visualCortexAllToAll');
 * const custom = new TripletRule({ a2Plus: 0, a3Plus: 6.5e-3, a2Minus: 7.1e-3, a3Minus: 0, tauY: 114 });
 */
export class TripletRule implements TimingDependence {
  readonly kind = 'TripletRule';
  readonly params: Readonly<TripletRuleParams>;
  readonly traces: TraceRuleSpec;

  constructor(params: Partial<TripletRuleParams> = {}) {
    const ctx = 'TripletRule';
    requireKnownKeys('params', requireObject('params', params, ctx), Object.keys(TRIPLET_RULE_DEFAULTS), ctx);
    const p = { ...TRIPLET_RULE_DEFAULTS, ...params };
    const tauPlus = timeConstant('tauPlus', p.tauPlus, ctx);
    const tauMinus = timeConstant('tauMinus', p.tauMinus, ctx);
    const tauX = timeConstant('tauX', p.tauX, ctx);
    const tauY = timeConstant('tauY', p.tauY, ctx);
    const a2Plus = amplitude('a2Plus', p.a2Plus, ctx);
    const a3Plus = amplitude('a3Plus', p.a3Plus, ctx);
    const a2Minus = amplitude('a2Minus', p.a2Minus, ctx);
    const a3Minus = amplitude('a3Minus', p.a3Minus, ctx);
    const mode = interaction(p.interaction, ctx);
    this.params = Object.freeze({ tauPlus, tauMinus, tauX, tauY, a2Plus, a3Plus, a2Minus, a3Minus, interaction: mode });
    this.traces = Object.freeze({
      tauPre: tauPlus,
      tauPreSlow: tauX,
      tauPost: tauMinus,
      tauPostSlow: tauY,
      interaction: mode,
      preLinear: -a2Minus,
      preTriplet: -a3Minus,
      preConstant: 0,
      postLinear: a2Plus,
      postTriplet: a3Plus,
      postConstant: 0,
    });
  }

  /**
   * The rule with one of P&G's parameter sets, optionally overriding some values.
   *
   * @example TripletRule.fromSet('hippocampalNearest')
   */
  static fromSet(name: TripletSetName, overrides: Partial<TripletRuleParams> = {}): TripletRule {
    const entry = (TRIPLET_PARAMETER_SETS as Record<string, TripletParameterSet>)[name];
    if (!entry) {
      throw new ParameterError('name', name, `one of ${Object.keys(TRIPLET_PARAMETER_SETS).join(', ')}`, 'TripletRule.fromSet');
    }
    return new TripletRule({ ...entry.params, ...overrides });
  }

  /**
   * Mean drift <dw/dt> (units of the amplitudes per second) for independent Poisson
   * trains at `rhoPre`, `rhoPost` (Hz), exact for this implementation (theory.md 4.4):
   * all-to-all rhoPre rhoPost [tauPlus (A2+ + A3+ tauY rhoPost) - tauMinus (A2- + A3- tauX rhoPre)];
   * nearest rhoPost R1 (A2+ + A3+ O2) - rhoPre O1 (A2- + A3- R2) with R1 = rhoPre tauPlus/(1 + rhoPre tauPlus), etc.
   */
  meanDrift(rhoPre: number, rhoPost: number): number {
    const p = this.params;
    const tp = p.tauPlus / 1000;
    const tm = p.tauMinus / 1000;
    const tx = p.tauX / 1000;
    const ty = p.tauY / 1000;
    if (p.interaction === 'all-to-all') {
      return rhoPre * rhoPost * (tp * (p.a2Plus + p.a3Plus * ty * rhoPost) - tm * (p.a2Minus + p.a3Minus * tx * rhoPre));
    }
    const sat = (rho: number, tau: number) => (rho * tau) / (1 + rho * tau);
    const r1 = sat(rhoPre, tp);
    const r2 = sat(rhoPre, tx);
    const o1 = sat(rhoPost, tm);
    const o2 = sat(rhoPost, ty);
    return rhoPost * r1 * (p.a2Plus + p.a3Plus * o2) - rhoPre * o1 * (p.a2Minus + p.a3Minus * r2);
  }
}
