/**
 * Clipped (binary) Hebbian learning of the Willshaw net (Willshaw, Buneman &
 * Longuet-Higgins 1969), for spiking neurons: a synapse switches on (w = wOn) when its
 * presynaptic and postsynaptic neurons fire within `window` ms of each other, and stays on
 * (clipped: repeated coincidences change nothing). Presenting a pattern pair (input cells
 * and output cells made to fire together) therefore stores it exactly as the binary rule
 * w_ij = min(1, sum_mu x_i^mu y_j^mu) does, with w in {wOff, wOn}.
 *
 * Event-driven like STDP: each neuron keeps the step of its last spike; a presynaptic spike
 * walks its CSR row and switches on the synapses whose target fired within the window, a
 * postsynaptic spike walks its CSC column. Pre spikes are processed before post spikes of
 * the same step; both see spikes of the same step (|t_post - t_pre| = 0 is a coincidence).
 * Delays are ignored (somatic spike times). O(spikes x fan) per step.
 */
import { ParameterError } from '../../core/errors.js';
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import { buildCsc, type CscIndex } from './csc.js';
import type { PlasticityRule, PlasticityState, PlasticSynapses } from './plasticityRule.js';

/** Parameters of {@link ClippedHebbianRule}. */
export interface ClippedHebbianRuleParams {
  /** coincidence window: |t_post - t_pre| <= window switches a synapse on, ms (>= 0) */
  window: number;
  /** weight of a switched-on synapse, nA or uS */
  wOn: number;
}

/** Defaults: a 10 ms window, wOn = 1. */
export const CLIPPED_HEBBIAN_DEFAULTS: Readonly<ClippedHebbianRuleParams> = Object.freeze({ window: 10, wOn: 1 });

/**
 * Binary clipped Hebbian (Willshaw) learning on a projection; its initial weights are the
 * "off" weights (typically 0).
 *
 * @example
 * net.connect(inputs, outputs, allToAll(), { weight: 0, plasticity: new ClippedHebbianRule({ window: 5, wOn: 0.5 }) });
 */
export class ClippedHebbianRule implements PlasticityRule {
  readonly kind = 'ClippedHebbianRule';
  readonly params: Readonly<ClippedHebbianRuleParams>;

  constructor(params: Partial<ClippedHebbianRuleParams> = {}) {
    const ctx = 'ClippedHebbianRule';
    requireKnownKeys('params', requireObject('params', params, ctx), Object.keys(CLIPPED_HEBBIAN_DEFAULTS), ctx);
    const p = { ...CLIPPED_HEBBIAN_DEFAULTS, ...params };
    if (typeof p.window !== 'number' || !Number.isFinite(p.window) || p.window < 0) {
      throw new ParameterError('window', p.window, 'a finite time >= 0 (ms)', ctx);
    }
    if (typeof p.wOn !== 'number' || !Number.isFinite(p.wOn)) throw new ParameterError('wOn', p.wOn, 'a finite weight (nA or uS)', ctx);
    this.params = Object.freeze({ window: p.window, wOn: p.wOn });
  }

  /** @internal */
  bind(synapses: PlasticSynapses, dt: number): ClippedHebbianState {
    if (synapses.post.model.synapseKind === 'conductance' && this.params.wOn < 0) {
      throw new ParameterError('wOn', this.params.wOn, 'a weight >= 0: the target is conductance-based (uS)', `projection '${synapses.label}'`);
    }
    return new ClippedHebbianState(this, synapses, dt);
  }
}

/** The state of a {@link ClippedHebbianRule} on one projection. */
export class ClippedHebbianState implements PlasticityState {
  readonly rule: ClippedHebbianRule;
  updates = 0;
  private readonly syn: PlasticSynapses;
  private readonly csc: CscIndex;
  private readonly windowSteps: number;
  private readonly preLast: Float64Array;
  private readonly postLast: Float64Array;

  constructor(rule: ClippedHebbianRule, syn: PlasticSynapses, dt: number) {
    this.rule = rule;
    this.syn = syn;
    this.csc = buildCsc(syn.rowPtr, syn.target, syn.post.size);
    this.windowSteps = Math.round(rule.params.window / dt);
    this.preLast = new Float64Array(syn.pre.size).fill(-Infinity);
    this.postLast = new Float64Array(syn.post.size).fill(-Infinity);
  }

  /** @internal */
  step(k: number): void {
    const { pre, post, rowPtr, target, weight } = this.syn;
    const wOn = this.rule.params.wOn;
    const win = this.windowSteps;
    const preLast = this.preLast;
    const postLast = this.postLast;
    const ps = pre.spikes;
    for (let s = 0; s < pre.spikeCount; s++) {
      const i = ps[s];
      const end = rowPtr[i + 1];
      for (let q = rowPtr[i]; q < end; q++) if (k - postLast[target[q]] <= win) weight[q] = wOn;
      this.updates += end - rowPtr[i];
      preLast[i] = k;
    }
    const qs = post.spikes;
    const { colPtr, synapse, source } = this.csc;
    for (let s = 0; s < post.spikeCount; s++) {
      const j = qs[s];
      const end = colPtr[j + 1];
      for (let q = colPtr[j]; q < end; q++) if (k - preLast[source[q]] <= win) weight[synapse[q]] = wOn;
      this.updates += end - colPtr[j];
      postLast[j] = k;
    }
  }
}
