/**
 * Pair STDP exactly as sPyNNaker >= 7 runs PyNN's `STDPMechanism(SpikePairRule(tau_plus,
 * tau_minus, A_plus, A_minus), AdditiveWeightDependence(w_min, w_max))` with the default
 * `backprop_delay=True`: the rule that reproduces the SpiNNaker recordings of the CA3
 * content-addressable memory (Casanueva-Morato et al. 2024) with zero mismatches.
 *
 * Sources: sPyNNaker `neural_modelling/src/neuron/plasticity/stdp/synapse_dynamics_stdp_mad_impl.c`
 * (2017-2023, with `colour_delay`), `post_events.h` (`post_events_get_window_delayed`),
 * `timing_dependence/timing_pair_impl.h` (Apache-licensed version, depression also at lag 0),
 * `weight_dependence/weight_additive_one_term_impl.h` (clamp after each term), and the
 * Python `weight_dependence_additive.py` that writes A+ and A- unscaled (absolute weight units).
 *
 * Times are step indices (ticks; only differences matter). d = the synapse's delay in
 * steps, all of it dendritic (the post spike is seen d steps after it happened).
 *
 * State: per presynaptic neuron i the time of its last spike t_i (initially 0) and its
 * trace r_i just after that spike (initially 0); per postsynaptic neuron j its spike
 * history (t_p, o_p) with o = o_prev e^{-(t - t_prev)/tauMinus} + 1; per synapse w.
 *
 * Processing is lazy, at presynaptic spikes only (after all neuron updates of the step,
 * before the spike is propagated). A pre spike of i at t, for each synapse i -> j:
 * 1. every post spike with t_i - d < t_p <= t - d, in time order (lag = t_p + d - t_i > 0):
 *    w = min(wMax, w + aPlus r_i e^{-lag/tauPlus})  (potentiation deferred to the next pre spike);
 * 2. the latest post spike with t_p <= t - d, if j ever fired (lag = t - t_p - d, also 0):
 *    w = max(wMin, w - aMinus o_p e^{-lag/tauMinus});
 * 3. the spike then carries the updated w.
 * Then r_i = r_i e^{-(t - t_i)/tauPlus} + 1 and t_i = t.
 *
 * So weights read between pre spikes do not yet include the pending potentiation (as on
 * SpiNNaker). sPyNNaker evaluates the exponentials from lookup tables on 11-bit fixed
 * point traces; this class uses floating point (which reproduces the recordings).
 * Memory: the post spike histories grow with the number of post spikes (12 bytes each).
 * Per-synapse delays are supported. Cost per pre spike: its row times the post spikes in
 * the window.
 */
import { ParameterError } from '../../core/errors.js';
import { requireKnownKeys, requireObject } from '../../core/validate.js';
import type { PlasticityRule, PlasticityState, PlasticSynapses } from './plasticityRule.js';
import { amplitude, timeConstant } from './traceRule.js';

/** Parameters of {@link SpinnakerPairSTDP} (PyNN/sPyNNaker names in camelCase). */
export interface SpinnakerPairSTDPParams {
  /** potentiation window time constant, ms */
  tauPlus: number;
  /** depression window time constant, ms */
  tauMinus: number;
  /** potentiation amplitude, absolute weight units (nA), not scaled by wMax */
  aPlus: number;
  /** depression amplitude, absolute weight units (nA), not scaled by wMax */
  aMinus: number;
  /** lower weight bound, nA */
  wMin: number;
  /** upper weight bound, nA */
  wMax: number;
}

/** PyNN's SpikePairRule/AdditiveWeightDependence defaults. */
export const SPINNAKER_PAIR_STDP_DEFAULTS: Readonly<SpinnakerPairSTDPParams> = Object.freeze({
  tauPlus: 20,
  tauMinus: 20,
  aPlus: 0.01,
  aMinus: 0.01,
  wMin: 0,
  wMax: 1,
});

/**
 * sPyNNaker's pair STDP with additive weight dependence (see the module doc).
 *
 * @example
 * const stdp = new SpinnakerPairSTDP({ tauPlus: 3, tauMinus: 3, aPlus: 6, aMinus: 6, wMin: 0, wMax: 6 });
 * net.connect(cue, content, allToAll(), { weight: 0, delay: 1, plasticity: stdp });
 */
export class SpinnakerPairSTDP implements PlasticityRule {
  readonly kind = 'SpinnakerPairSTDP';
  readonly params: Readonly<SpinnakerPairSTDPParams>;

  constructor(params: Partial<SpinnakerPairSTDPParams> = {}) {
    const ctx = 'SpinnakerPairSTDP';
    requireKnownKeys('params', requireObject('params', params, ctx), Object.keys(SPINNAKER_PAIR_STDP_DEFAULTS), ctx);
    const p = { ...SPINNAKER_PAIR_STDP_DEFAULTS, ...params };
    const bound = (name: string, x: unknown): number => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new ParameterError(name, x, 'a finite weight (nA)', ctx);
      return x;
    };
    const wMin = bound('wMin', p.wMin);
    const wMax = bound('wMax', p.wMax);
    if (!(wMin <= wMax)) throw new ParameterError('wMax', wMax, `a weight >= wMin = ${wMin} (nA)`, ctx);
    this.params = Object.freeze({
      tauPlus: timeConstant('tauPlus', p.tauPlus, ctx),
      tauMinus: timeConstant('tauMinus', p.tauMinus, ctx),
      aPlus: amplitude('aPlus', p.aPlus, ctx, 'a finite amplitude >= 0 (nA)'),
      aMinus: amplitude('aMinus', p.aMinus, ctx, 'a finite amplitude >= 0 (nA)'),
      wMin,
      wMax,
    });
  }

  /** @internal */
  bind(synapses: PlasticSynapses, dt: number): SpinnakerPairSTDPState {
    return new SpinnakerPairSTDPState(this, synapses, dt);
  }
}

/** The state of a {@link SpinnakerPairSTDP} rule on one projection. */
export class SpinnakerPairSTDPState implements PlasticityState {
  readonly rule: SpinnakerPairSTDP;
  updates = 0;
  private readonly syn: PlasticSynapses;
  /** per-step decay exponents dt/tau */
  private readonly ratePlus: number;
  private readonly rateMinus: number;
  private readonly lastPre: Float64Array;
  private readonly preTrace: Float64Array;
  /** per post neuron: spike steps and traces o just after each spike, and their count */
  private readonly postTimes: Int32Array[];
  private readonly postTraces: Float64Array[];
  private readonly postCount: Uint32Array;

  constructor(rule: SpinnakerPairSTDP, syn: PlasticSynapses, dt: number) {
    const ctx = `projection '${syn.label}'`;
    const { wMin, wMax } = rule.params;
    const w = syn.weight;
    for (let s = 0; s < w.length; s++) {
      const x = w[s];
      if (!(x >= Math.fround(wMin) && x <= Math.fround(wMax))) {
        throw new ParameterError('weight', x, `weights within the rule's bounds [wMin, wMax] = [${wMin}, ${wMax}]`, `${ctx} (synapse ${s})`);
      }
    }
    this.rule = rule;
    this.syn = syn;
    this.ratePlus = dt / rule.params.tauPlus;
    this.rateMinus = dt / rule.params.tauMinus;
    this.lastPre = new Float64Array(syn.pre.size);
    this.preTrace = new Float64Array(syn.pre.size);
    const n = syn.post.size;
    this.postTimes = Array.from({ length: n }, () => new Int32Array(4));
    this.postTraces = Array.from({ length: n }, () => new Float64Array(4));
    this.postCount = new Uint32Array(n);
  }

  /** @internal step k: record post spikes, then process pre spikes (lazy update of their rows) */
  step(k: number): void {
    const post = this.syn.post;
    for (let s = 0; s < post.spikeCount; s++) this.recordPost(post.spikes[s], k);
    const pre = this.syn.pre;
    for (let s = 0; s < pre.spikeCount; s++) this.preSpike(pre.spikes[s], k);
  }

  private recordPost(j: number, k: number): void {
    const c = this.postCount[j];
    let times = this.postTimes[j];
    let traces = this.postTraces[j];
    const o = c === 0 ? 1 : traces[c - 1] * Math.exp(-(k - times[c - 1]) * this.rateMinus) + 1;
    if (c === times.length) {
      const t2 = new Int32Array(2 * c);
      t2.set(times);
      const o2 = new Float64Array(2 * c);
      o2.set(traces);
      this.postTimes[j] = times = t2;
      this.postTraces[j] = traces = o2;
    }
    times[c] = k;
    traces[c] = o;
    this.postCount[j] = c + 1;
  }

  private preSpike(i: number, t: number): void {
    const { aPlus, aMinus, wMin, wMax } = this.rule.params;
    const { rowPtr, target, delay, constantDelay, weight } = this.syn;
    const tl = this.lastPre[i];
    const r = this.preTrace[i];
    const end = rowPtr[i + 1];
    for (let s = rowPtr[i]; s < end; s++) {
      const j = target[s];
      const d = delay === null ? constantDelay : delay[s];
      const times = this.postTimes[j];
      const traces = this.postTraces[j];
      const c = this.postCount[j];
      let w = weight[s];
      // first post spike with t_p > tl - d (binary search), then all up to t - d
      let lo = 0;
      let hi = c;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (times[mid] > tl - d) hi = mid;
        else lo = mid + 1;
      }
      let e = lo;
      for (; e < c && times[e] <= t - d; e++) {
        if (r !== 0) {
          const lag = times[e] + d - tl;
          w = Math.min(wMax, w + aPlus * r * Math.exp(-lag * this.ratePlus));
        }
      }
      // latest post spike with t_p <= t - d (e - 1 after the window; else before it)
      const last = e - 1;
      if (last >= 0) {
        const lag = t - times[last] - d;
        w = Math.max(wMin, w - aMinus * traces[last] * Math.exp(-lag * this.rateMinus));
      }
      weight[s] = w;
    }
    this.updates += end - rowPtr[i];
    this.preTrace[i] = r * Math.exp(-(t - tl) * this.ratePlus) + 1;
    this.lastPre[i] = t;
  }

  /** The pre trace r_i just after neuron i's last spike, and that spike's step. For tests and inspection. */
  preState(i: number): { readonly trace: number; readonly lastSpike: number } {
    return { trace: this.preTrace[i], lastSpike: this.lastPre[i] };
  }
}
