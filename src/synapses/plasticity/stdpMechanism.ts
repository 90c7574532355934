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
 *   spike times. With per-synapse delays each synapse splits its own delay the same way:
 *   the synapses are grouped by delay, and each group keeps its own traces (a trace is a
 *   neuron's spike train seen through one delay), so a projection with delays d1, d2, ...
 *   learns exactly as separate projections with those delays would.
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
  bind(synapses: PlasticSynapses, dt: number): StdpState | StdpDelayGroups {
    if (synapses.delay === null) return new StdpState(this, synapses, dt);
    return new StdpDelayGroups(this, synapses, dt);
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
  /** the synapses this state learns on: CSR rows of presynaptic neurons */
  private readonly rowPtr: Uint32Array;
  private readonly target: Uint32Array;
  /** the projection's synapse id of each entry of the rows (null: the rows are the projection's own CSR) */
  private readonly synapseIds: Uint32Array | null;
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

  /**
   * @param group - the synapses of one delay (from {@link StdpDelayGroups}, which checked
   *   the weights); default: all synapses of `syn`, whose delay is `syn.constantDelay`
   */
  constructor(rule: STDPMechanism, syn: PlasticSynapses, dt: number, group?: StdpDelayGroup) {
    this.rule = rule;
    this.syn = syn;
    this.spec = rule.timing.traces;
    const b: WeightRuleSpec = rule.weight.bounds;
    if (group === undefined) checkWeights(rule, syn);
    else if (syn.delay === null) throw new Error('StdpState: delay groups are for projections with per-synapse delays');
    const f32w = syn.weight instanceof Float32Array;
    this.wMin = f32w ? float32Inward(b.wMin, true) : b.wMin;
    this.wMax = f32w ? float32Inward(b.wMax, false) : b.wMax;
    this.rowPtr = group?.rowPtr ?? syn.rowPtr;
    this.target = group?.target ?? syn.target;
    this.synapseIds = group?.synapseIds ?? null;
    this.form = b.form === 'additive' ? 0 : 1;
    this.scale = b.scale;
    this.range = b.wMax - b.wMin;
    this.muPlus = b.muPlus;
    this.muMinus = b.muMinus;
    this.nearest = this.spec.interaction === 'nearest';

    const d = group?.delay ?? syn.constantDelay;
    this.dendriticDelaySteps = Math.round(rule.dendriticDelayFraction * d);
    this.axonalDelaySteps = d - this.dendriticDelaySteps;
    this.preQueue = this.axonalDelaySteps > 0 ? new SpikeQueue(this.axonalDelaySteps) : null;
    this.postQueue = this.dendriticDelaySteps > 0 ? new SpikeQueue(this.dendriticDelaySteps) : null;

    const nPre = syn.pre.size;
    const nPost = syn.post.size;
    const csc = buildCsc(this.rowPtr, this.target, nPost);
    // The columns name the projection's synapse ids, so both event kinds write the same weights.
    const ids = this.synapseIds;
    if (ids !== null) for (let q = 0; q < csc.synapse.length; q++) csc.synapse[q] = ids[csc.synapse[q]];
    this.csc = csc;
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
    const rowPtr = this.rowPtr;
    const target = this.target;
    const ids = this.synapseIds;
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
      if (ids !== null) {
        // A row of a delay group names its synapses: the column kernels walk exactly that
        // (weight w[ids[q]], trace of neuron target[q]).
        if (this.form === 0) postEventAdditive(w, ids, target, start, end, this.postFast, this.postLast, e, tab, args);
        else postEventSoft(w, ids, target, start, end, this.postFast, this.postLast, e, tab, args);
      } else if (this.form === 0) {
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

/** Checks a plastic projection's bounds and weights against the rule (ParameterError), and moves weights within Float32 rounding of a bound onto it. */
function checkWeights(rule: STDPMechanism, syn: PlasticSynapses): void {
  const ctx = `projection '${syn.label}'`;
  const b: WeightRuleSpec = rule.weight.bounds;
  if (syn.post.model.synapseKind === 'conductance' && b.wMin < 0) {
    throw new ParameterError('wMin', b.wMin, 'a bound >= 0: the target is conductance-based (uS)', `${ctx}, ${rule.weight.kind}`);
  }
  const f32w = syn.weight instanceof Float32Array;
  const wMin = f32w ? float32Inward(b.wMin, true) : b.wMin;
  const wMax = f32w ? float32Inward(b.wMax, false) : b.wMax;
  const w = syn.weight;
  const loose = (x: number) => (f32w ? Math.fround(x) : x);
  for (let s = 0; s < w.length; s++) {
    const x = w[s];
    if (!(x >= loose(b.wMin) && x <= loose(b.wMax))) {
      throw new ParameterError('weight', x, `weights within the rule's bounds [wMin, wMax] = [${b.wMin}, ${b.wMax}]`, `${ctx} (synapse ${s})`);
    }
    if (x < wMin) w[s] = wMin;
    else if (x > wMax) w[s] = wMax;
  }
}

/** The synapses of one delay value of a projection with per-synapse delays. */
export interface StdpDelayGroup {
  /** the delay of every synapse in the group, steps */
  readonly delay: number;
  /** nPre + 1 offsets into target / synapseIds */
  readonly rowPtr: Uint32Array;
  readonly target: Uint32Array;
  /** the projection's id of each synapse (ascending within a row) */
  readonly synapseIds: Uint32Array;
}

/** Splits a CSR synapse list with per-synapse delays into one group per distinct delay (ascending). */
export function delayGroups(rowPtr: Uint32Array, target: Uint32Array, delay: ArrayLike<number>): StdpDelayGroup[] {
  const nPre = rowPtr.length - 1;
  const counts = new Map<number, Uint32Array>(); // delay -> synapses per presynaptic neuron
  for (let i = 0; i < nPre; i++) {
    for (let s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
      let c = counts.get(delay[s]);
      if (c === undefined) {
        c = new Uint32Array(nPre);
        counts.set(delay[s], c);
      }
      c[i]++;
    }
  }
  const groups: StdpDelayGroup[] = [];
  for (const d of [...counts.keys()].sort((a, b) => a - b)) {
    const perRow = counts.get(d)!;
    const ptr = new Uint32Array(nPre + 1);
    for (let i = 0; i < nPre; i++) ptr[i + 1] = ptr[i] + perRow[i];
    const tgt = new Uint32Array(ptr[nPre]);
    const ids = new Uint32Array(ptr[nPre]);
    for (let i = 0; i < nPre; i++) {
      let at = ptr[i];
      for (let s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
        if (delay[s] !== d) continue;
        tgt[at] = target[s];
        ids[at++] = s;
      }
    }
    groups.push({ delay: d, rowPtr: ptr, target: tgt, synapseIds: ids });
  }
  return groups;
}

/**
 * The state of an {@link STDPMechanism} on a projection with per-synapse delays: one
 * {@link StdpState} per distinct delay, each with its own traces and delay split, over
 * the same weights. Memory grows with the number of distinct delays G: per group the
 * traces of both populations (up to 24 bytes per neuron and side) and a row pointer (4
 * bytes per presynaptic neuron); per synapse 16 bytes (its group's rows and columns).
 * Work per step stays O(spikes x fan) plus O(G) per step.
 */
export class StdpDelayGroups implements PlasticityState {
  readonly rule: STDPMechanism;
  /** one state per distinct delay, ascending */
  readonly groups: readonly StdpState[];

  constructor(rule: STDPMechanism, syn: PlasticSynapses, dt: number) {
    if (syn.delay === null) throw new Error('StdpDelayGroups: the projection has one delay; use StdpState');
    checkWeights(rule, syn);
    this.rule = rule;
    this.groups = delayGroups(syn.rowPtr, syn.target, syn.delay).map((g) => new StdpState(rule, syn, dt, g));
  }

  /** synapse updates done so far */
  get updates(): number {
    let n = 0;
    for (const g of this.groups) n += g.updates;
    return n;
  }

  /** @internal */
  step(k: number): void {
    const groups = this.groups;
    for (let g = 0; g < groups.length; g++) groups[g].step(k);
  }
}
