/**
 * STDP on a projection, composed as PyNN's `STDPMechanism(timing_dependence,
 * weight_dependence, dendritic_delay_fraction)`, computed event by event with traces.
 *
 * ## Semantics (what Engram does; NEST and Brian2 differ in places, see below)
 * - **Spike times** are spike stamps on the step grid (a neuron crossing threshold in step
 *   k spikes at t_{k+1}), so dt_pair = t_post - t_pre is a whole number of steps.
 * - **Delays.** A projection's delay d (whole steps, one value for every synapse) is split
 *   into a dendritic part dDend = round(f d) (halves round up) and an axonal part
 *   dAx = d - dDend, f = `dendriticDelayFraction`. The rule sees a presynaptic spike at
 *   t_pre + dAx (when it reaches the synapse) and a postsynaptic spike at t_post + dDend
 *   (when it has back-propagated to the synapse), so the interval that enters the window
 *   is dt = t_post - t_pre + (dDend - dAx). The default f = 1 is PyNN's and NEST's (all
 *   delay dendritic: dt = t_post + d - t_pre); f = 0 is Brian2's on_pre delay (axonal:
 *   dt = t_post - t_pre - d); f = 0.5 with an even d measures dt between the somatic
 *   spike times. Projections with per-synapse delays cannot carry STDP (ParameterError).
 * - **Same effective time.** When a pre and a post event fall on the same step, all
 *   presynaptic events of that step are processed first, then all postsynaptic ones
 *   (Brian2's order: on_pre before on_post). So dt = 0 counts as causal: the post event
 *   sees the pre trace already incremented and potentiates by A+; the pre event does not
 *   see that post spike.
 * - **Own trace before or after.** Each event reads the other side's fast trace at its
 *   time t, including every earlier event and (for post events) the pre events of the
 *   same step; the triplet terms use the neuron's own slow trace at t - e, before its own
 *   increment (Pfister & Gerstner's convention). Then the neuron's traces are incremented
 *   by 1 (all-to-all) or set to 1 (nearest).
 * - **Which weight a spike carries.** Weights change in place in `projection.weight`. The
 *   rule runs after the neuron kernels and before propagation (step 4 of the loop), and a
 *   plastic projection always propagates through its target's delay ring, so a spike
 *   carries its synapse's weight after the updates of the step in which the rule saw it:
 *   with f = 1 (dAx = 0) this includes the depression caused by that presynaptic spike
 *   itself, as in NEST; Brian2 transmits the weight before that update.
 * - **Cost.** Work per step is O(spikes x fan): a presynaptic event touches its CSR row, a
 *   postsynaptic event its CSC column (built once, 8 bytes per synapse). Traces are
 *   Float64 per neuron (four per side at most) with the step of their last update.
 *   Weights stay Float32: their rounding (about 6e-8 relative) is the only difference
 *   from the rule computed in doubles. Binding checks that every initial weight lies in
 *   [wMin, wMax] (ParameterError otherwise) and moves weights within Float32 rounding of a
 *   bound onto the bound.
 */
import { ParameterError } from '../../core/errors.js';
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import { buildCsc, type CscIndex } from './csc.js';
import type { PlasticityRule, PlasticityState, PlasticSynapses } from './plasticityRule.js';
import { SpikeQueue } from './spikeQueue.js';
import {
  ARG_C,
  decayOf,
  decayTable,
  eventArgs,
  postEventAdditive,
  postEventSoft,
  preEventAdditive,
  preEventSoft,
  type DecayTable,
} from './stdpKernels.js';
import type { TimingDependence, TraceRuleSpec } from './traceRule.js';
import type { WeightDependence, WeightRuleSpec } from './weightDependence.js';

/** Options of {@link STDPMechanism}. */
export interface STDPMechanismOptions {
  /** the timing rule: `SpikePairRule`, `TripletRule`, `Vogels2011Rule` */
  readonly timing: TimingDependence;
  /** the weight dependence: `AdditiveWeightDependence`, `MultiplicativeWeightDependence`, `GutigWeightDependence` */
  readonly weight: WeightDependence;
  /**
   * fraction of the delay that is dendritic, in [0, 1] (default 1, as PyNN and NEST):
   * the rule sees pre spikes (1 - f) d after emission and post spikes f d after (see the module doc)
   */
  readonly dendriticDelayFraction?: number;
}

/**
 * Spike-timing-dependent plasticity as a timing rule times a weight dependence.
 *
 * @example
 * const stdp = new STDPMechanism({
 *   timing: new SpikePairRule({ tauPlus: 20, tauMinus: 20, aPlus: 0.01, aMinus: 0.0105 }),
 *   weight: new AdditiveWeightDependence({ wMin: 0, wMax: 0.01 }),
 * });
 * net.connect(inputs, neuron, allToAll(), { weight: uniform(0, 0.01), plasticity: stdp });
 */
export class STDPMechanism implements PlasticityRule {
  readonly kind = 'STDPMechanism';
  readonly timing: TimingDependence;
  readonly weight: WeightDependence;
  readonly dendriticDelayFraction: number;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(options: STDPMechanismOptions) {
    const ctx = 'STDPMechanism';
    const opts = requireObject('options', options, ctx);
    requireKnownKeys('options', opts, ['timing', 'weight', 'dendriticDelayFraction'], ctx);
    const timing = options?.timing as TimingDependence | undefined;
    if (!timing || typeof timing !== 'object' || !timing.traces) {
      throw new ParameterError('timing', timing, 'a timing rule such as new SpikePairRule({...}), new TripletRule({...}) or new Vogels2011Rule({...})', ctx);
    }
    const weight = options.weight as WeightDependence | undefined;
    if (!weight || typeof weight !== 'object' || !weight.bounds) {
      throw new ParameterError('weight', weight, 'a weight dependence such as new AdditiveWeightDependence({ wMin, wMax })', ctx);
    }
    const f = options.dendriticDelayFraction ?? 1;
    if (typeof f !== 'number' || !(f >= 0 && f <= 1)) {
      throw new ParameterError('dendriticDelayFraction', f, 'a number in [0, 1] (1: all delay dendritic, 0: all axonal)', ctx);
    }
    this.timing = timing;
    this.weight = weight;
    this.dendriticDelayFraction = f;
    this.params = Object.freeze({
      timing: { kind: timing.kind, ...timing.params },
      weight: { kind: weight.kind, ...weight.params },
      dendriticDelayFraction: f,
    });
  }

  /** @internal */
  bind(synapses: PlasticSynapses, dt: number): StdpState {
    return new StdpState(this, synapses, dt);
  }
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** The Float32 value nearest to x on the side of `toward` (x itself if representable). */
function float32Inward(x: number, up: boolean): number {
  if (!Number.isFinite(x)) return x;
  f32[0] = x;
  const r = f32[0];
  if (up ? r >= x : r <= x) return r;
  // one ulp toward the inside
  if (r === 0) {
    i32[0] = 1;
    return up ? f32[0] : -f32[0];
  }
  i32[0] += (r > 0) === up ? 1 : -1;
  return f32[0];
}

/** The state of an {@link STDPMechanism} on one projection. */
export class StdpState implements PlasticityState {
  readonly rule: STDPMechanism;
  /** steps after emission at which the rule sees presynaptic / postsynaptic spikes */
  readonly axonalDelaySteps: number;
  readonly dendriticDelaySteps: number;
  /** synapse updates done so far */
  updates = 0;
  private readonly syn: PlasticSynapses;
  private readonly spec: TraceRuleSpec;
  private readonly form: 0 | 1;
  private readonly scale: number;
  private readonly wMin: number;
  private readonly wMax: number;
  private readonly range: number;
  private readonly muPlus: number;
  private readonly muMinus: number;
  private readonly nearest: boolean;
  private readonly csc: CscIndex;
  /** traces at their last update: fast r1 / o1 and slow r2 / o2, and the step of that update */
  private readonly preFast: Float64Array;
  private readonly preSlow: Float64Array;
  private readonly preLast: Float64Array;
  private readonly postFast: Float64Array;
  private readonly postSlow: Float64Array;
  private readonly postLast: Float64Array;
  private readonly decayPre: DecayTable;
  private readonly decayPost: DecayTable;
  /** argument blocks of the pre- and postsynaptic event kernels */
  private readonly preArgs: Float64Array;
  private readonly postArgs: Float64Array;
  private readonly rateSlowPre: number;
  private readonly rateSlowPost: number;
  private readonly preQueue: SpikeQueue | null;
  private readonly postQueue: SpikeQueue | null;

  constructor(rule: STDPMechanism, syn: PlasticSynapses, dt: number) {
    const ctx = `projection '${syn.label}'`;
    this.rule = rule;
    this.syn = syn;
    this.spec = rule.timing.traces;
    const b: WeightRuleSpec = rule.weight.bounds;
    if (syn.delay !== null) {
      throw new ParameterError(
        'delay',
        'per-synapse delays',
        'one delay for every synapse of a plastic projection',
        ctx,
        'give a single delay value, or split the projection by delay',
      );
    }
    if (syn.post.model.synapseKind === 'conductance' && b.wMin < 0) {
      throw new ParameterError('wMin', b.wMin, 'a bound >= 0: the target is conductance-based (uS)', `${ctx}, ${rule.weight.kind}`);
    }
    const f32w = syn.weight instanceof Float32Array;
    this.wMin = f32w ? float32Inward(b.wMin, true) : b.wMin;
    this.wMax = f32w ? float32Inward(b.wMax, false) : b.wMax;
    const w = syn.weight;
    const loose = (x: number) => (f32w ? Math.fround(x) : x);
    for (let s = 0; s < w.length; s++) {
      const x = w[s];
      if (!(x >= loose(b.wMin) && x <= loose(b.wMax))) {
        throw new ParameterError('weight', x, `weights within the rule's bounds [wMin, wMax] = [${b.wMin}, ${b.wMax}]`, `${ctx} (synapse ${s})`);
      }
      if (x < this.wMin) w[s] = this.wMin;
      else if (x > this.wMax) w[s] = this.wMax;
    }
    this.form = b.form === 'additive' ? 0 : 1;
    this.scale = b.scale;
    this.range = b.wMax - b.wMin;
    this.muPlus = b.muPlus;
    this.muMinus = b.muMinus;
    this.nearest = this.spec.interaction === 'nearest';

    const d = syn.constantDelay;
    this.dendriticDelaySteps = Math.round(rule.dendriticDelayFraction * d);
    this.axonalDelaySteps = d - this.dendriticDelaySteps;
    this.preQueue = this.axonalDelaySteps > 0 ? new SpikeQueue(this.axonalDelaySteps) : null;
    this.postQueue = this.dendriticDelaySteps > 0 ? new SpikeQueue(this.dendriticDelaySteps) : null;

    const nPre = syn.pre.size;
    const nPost = syn.post.size;
    this.csc = buildCsc(syn.rowPtr, syn.target, nPost);
    this.preFast = new Float64Array(nPre);
    this.preSlow = new Float64Array(this.spec.preTriplet !== 0 ? nPre : 0);
    this.preLast = new Float64Array(nPre);
    this.postFast = new Float64Array(nPost);
    this.postSlow = new Float64Array(this.spec.postTriplet !== 0 ? nPost : 0);
    this.postLast = new Float64Array(nPost);
    this.decayPre = decayTable(dt, this.spec.tauPre);
    this.decayPost = decayTable(dt, this.spec.tauPost);
    const bounds = { scale: this.scale, wMin: this.wMin, wMax: this.wMax, range: this.range, muPlus: this.muPlus, muMinus: this.muMinus };
    this.preArgs = eventArgs({ ...bounds, rate: this.decayPost.rate, b: this.spec.preConstant });
    this.postArgs = eventArgs({ ...bounds, rate: this.decayPre.rate, b: this.spec.postConstant });
    this.rateSlowPre = dt / this.spec.tauPreSlow;
    this.rateSlowPost = dt / this.spec.tauPostSlow;
  }

  /** @internal */
  step(k: number): void {
    const pre = this.syn.pre;
    const post = this.syn.post;
    let preSpikes = pre.spikes;
    let preCount = pre.spikeCount;
    const pq = this.preQueue;
    if (pq !== null) {
      pq.record(k, preSpikes, preCount);
      const j = k - this.axonalDelaySteps;
      preSpikes = pq.spikesOf(j);
      preCount = pq.countOf(j);
    }
    let postSpikes = post.spikes;
    let postCount = post.spikeCount;
    const qq = this.postQueue;
    if (qq !== null) {
      qq.record(k, postSpikes, postCount);
      const j = k - this.dendriticDelaySteps;
      postSpikes = qq.spikesOf(j);
      postCount = qq.countOf(j);
    }
    if (preCount > 0) this.preEvents(preSpikes, preCount, k);
    if (postCount > 0) this.postEvents(postSpikes, postCount, k);
  }

  /** Presynaptic events at effective step e: depression (or Vogels' pre term) on each row. */
  private preEvents(spikes: Uint32Array, count: number, e: number): void {
    const spec = this.spec;
    const rowPtr = this.syn.rowPtr;
    const target = this.syn.target;
    const w = this.syn.weight;
    const fast = this.preFast;
    const slow = this.preSlow;
    const last = this.preLast;
    const hasSlow = slow.length > 0;
    const nearest = this.nearest;
    const tab = this.decayPost.table;
    const args = this.preArgs;
    for (let s = 0; s < count; s++) {
      const i = spikes[s];
      const n = e - last[i];
      let c = spec.preLinear;
      let r2 = 0;
      if (hasSlow) {
        r2 = slow[i] * Math.exp(-n * this.rateSlowPre);
        c += spec.preTriplet * r2;
      }
      args[ARG_C] = c;
      const start = rowPtr[i];
      const end = rowPtr[i + 1];
      if (this.form === 0) {
        preEventAdditive(w, target, start, end, this.postFast, this.postLast, e, tab, args);
      } else {
        preEventSoft(w, target, start, end, this.postFast, this.postLast, e, tab, args);
      }
      this.updates += end - start;
      fast[i] = nearest ? 1 : fast[i] * decayOf(this.decayPre, n) + 1;
      if (hasSlow) slow[i] = nearest ? 1 : r2 + 1;
      last[i] = e;
    }
  }

  /** Postsynaptic events at effective step e: potentiation on each column. */
  private postEvents(spikes: Uint32Array, count: number, e: number): void {
    const spec = this.spec;
    const { colPtr, synapse, source } = this.csc;
    const w = this.syn.weight;
    const fast = this.postFast;
    const slow = this.postSlow;
    const last = this.postLast;
    const hasSlow = slow.length > 0;
    const nearest = this.nearest;
    const tab = this.decayPre.table;
    const args = this.postArgs;
    for (let s = 0; s < count; s++) {
      const j = spikes[s];
      const n = e - last[j];
      let c = spec.postLinear;
      let o2 = 0;
      if (hasSlow) {
        o2 = slow[j] * Math.exp(-n * this.rateSlowPost);
        c += spec.postTriplet * o2;
      }
      args[ARG_C] = c;
      const start = colPtr[j];
      const end = colPtr[j + 1];
      if (this.form === 0) {
        postEventAdditive(w, synapse, source, start, end, this.preFast, this.preLast, e, tab, args);
      } else {
        postEventSoft(w, synapse, source, start, end, this.preFast, this.preLast, e, tab, args);
      }
      this.updates += end - start;
      fast[j] = nearest ? 1 : fast[j] * decayOf(this.decayPost, n) + 1;
      if (hasSlow) slow[j] = nearest ? 1 : o2 + 1;
      last[j] = e;
    }
  }

  /**
   * The traces of presynaptic neuron i at effective step e (after the events up to e):
   * [r1, r2] (r2 is 0 for rules without a slow trace). For inspection and tests.
   */
  preTraces(i: number, e: number): [number, number] {
    const n = e - this.preLast[i];
    return [this.preFast[i] * Math.exp(-n * this.decayPre.rate), this.preSlow.length ? this.preSlow[i] * Math.exp(-n * this.rateSlowPre) : 0];
  }

  /** The traces [o1, o2] of postsynaptic neuron j at effective step e. */
  postTraces(j: number, e: number): [number, number] {
    const n = e - this.postLast[j];
    return [this.postFast[j] * Math.exp(-n * this.decayPost.rate), this.postSlow.length ? this.postSlow[j] * Math.exp(-n * this.rateSlowPost) : 0];
  }
}
