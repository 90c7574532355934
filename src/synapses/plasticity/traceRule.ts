/**
 * The common form of every trace-based STDP timing rule in Engram (pair, triplet,
 * Vogels 2011): two traces per presynaptic neuron (r1 with tauPre, r2 with tauPreSlow) and
 * two per postsynaptic neuron (o1 with tauPost, o2 with tauPostSlow), each decaying
 * exponentially between spikes and, at a spike of its neuron, incremented by 1
 * ('all-to-all') or set to 1 ('nearest'). At an event of effective time t the weight
 * change, in units of the rule's amplitudes, is
 *
 *   pre spike of i, for each synapse i -> j:   d = o1_j(t) (preLinear + preTriplet r2_i(t-e)) + preConstant
 *   post spike of j, for each synapse i -> j:  d = r1_i(t) (postLinear + postTriplet o2_j(t-e)) + postConstant
 *
 * where (t-e) is the neuron's own trace before its own increment, after which the
 * neuron's traces are incremented (or reset). The weight dependence turns d into a
 * weight change (d > 0 potentiates, d < 0 depresses).
 *
 * | rule | preLinear | preTriplet | preConstant | postLinear | postTriplet | postConstant |
 * |---|---|---|---|---|---|---|
 * | pair (Song et al. 2000) | -A- | 0 | 0 | A+ | 0 | 0 |
 * | triplet (Pfister & Gerstner 2006) | -A2- | -A3- | 0 | A2+ | A3+ | 0 |
 * | Vogels et al. 2011 | eta | 0 | -eta alpha | eta | 0 | 0 |
 */
import { ParameterError } from '../../core/errors.js';

/** How spikes interact: every pair ('all-to-all', traces add) or nearest neighbours only (traces reset to 1). */
export type Interaction = 'all-to-all' | 'nearest';

/** A timing rule reduced to trace time constants and event coefficients (see the module doc). */
export interface TraceRuleSpec {
  /** time constant of the presynaptic trace r1 read at post spikes, ms */
  readonly tauPre: number;
  /** time constant of the presynaptic trace r2 used by preTriplet, ms */
  readonly tauPreSlow: number;
  /** time constant of the postsynaptic trace o1 read at pre spikes, ms */
  readonly tauPost: number;
  /** time constant of the postsynaptic trace o2 used by postTriplet, ms */
  readonly tauPostSlow: number;
  readonly interaction: Interaction;
  readonly preLinear: number;
  readonly preTriplet: number;
  readonly preConstant: number;
  readonly postLinear: number;
  readonly postTriplet: number;
  readonly postConstant: number;
}

/**
 * A timing dependence (PyNN's `timing_dependence`): which spike pairs or triplets change
 * a weight and by how much, in units of the amplitudes. Combine with a weight dependence
 * in an `STDPMechanism`.
 */
export interface TimingDependence {
  /** rule name, e.g. 'SpikePairRule' */
  readonly kind: string;
  /** its parameters as given (with defaults), for reports */
  readonly params: Readonly<Record<string, number | string>>;
  /** @internal the rule in trace form */
  readonly traces: TraceRuleSpec;
}

/**
 * The change (units of the amplitudes, additive, no bounds) that one isolated pair with
 * `t_post - t_pre = dtMs` produces under a rule, traces starting at 0; at dtMs = 0 the pre
 * spike is processed first (Engram's order), so the pair counts as causal.
 *
 * @param dtMs t_post - t_pre, ms
 * @example pairWindow(new SpikePairRule({ aPlus: 0.005 }).traces, 10) // 0.005 exp(-10/20)
 */
export function pairWindow(spec: TraceRuleSpec, dtMs: number): number {
  const o1 = dtMs < 0 ? Math.exp(dtMs / spec.tauPost) : 0;
  const r1 = dtMs >= 0 ? Math.exp(-dtMs / spec.tauPre) : 0;
  const onPre = o1 * spec.preLinear + spec.preConstant;
  const onPost = r1 * spec.postLinear + spec.postConstant;
  return onPre + onPost;
}

/** A finite number > 0 (a time constant), named in the error. */
export function timeConstant(name: string, value: unknown, context: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ParameterError(name, value, 'a finite time constant > 0 (ms)', context);
  }
  return value;
}

/** A finite number >= 0 (an amplitude or learning rate), named in the error. */
export function amplitude(name: string, value: unknown, context: string, what = 'a finite amplitude >= 0 (dimensionless)'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ParameterError(name, value, what, context);
  }
  return value;
}

/** 'all-to-all' or 'nearest'. */
export function interaction(value: unknown, context: string): Interaction {
  if (value !== 'all-to-all' && value !== 'nearest') {
    throw new ParameterError('interaction', value, "'all-to-all' or 'nearest'", context);
  }
  return value;
}
