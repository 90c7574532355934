/**
 * A spiking CA3 autoassociative network: a recurrent excitatory population of LIF cells
 * (`IFCurrExp`) whose collaterals are LEARNED by the spiking Willshaw rule
 * (`ClippedHebbianRule`) while SDR patterns are presented through mossy-fibre inputs, and a
 * basket-cell population that gives feedback inhibition proportional to the activity, so that
 * a wave of activity keeps about as many cells as the wave before it (about k once a pattern is
 * recalled). Cued with part of a stored pattern (and noise cells), the network completes it
 * in successive waves of activity, each a one-step Willshaw retrieval.
 *
 * **Populations and projections.**
 * - `input` (SpikeSourceArray, n): the mossy fibres, one per CA3 cell, one-to-one with a
 *   "detonator" weight {@link CA3_MOSSY_WEIGHT} that fires the cell in the step its spike arrives.
 * - `ca3` (IFCurrExp, n; defaults {@link CA3_NEURON_DEFAULTS}): recurrent `ca3 -> ca3`
 *   all-to-all **with self-synapses** (the Willshaw convention W_ii = 1 of theory.md 2.1),
 *   initial weight 0, `ClippedHebbianRule({ window, wOn: wRec })`, delay D.
 * - `basket` (IFCurrExp, b): CA3 cell i excites basket cell i mod b (a relay: one CA3
 *   spike, one basket spike in the next step); every basket cell inhibits every CA3 cell with
 *   wI = α·wRec, timed to arrive in the same step as the recurrent excitation of the wave.
 * - `stop` (SpikeSourceArray, 1): a global inhibitory signal that silences the collaterals
 *   (during learning, so that a presented pattern is not recalled while it is stored, as
 *   acetylcholine does in CA3 (Hasselmo 1999); and to end a recall). Once the network is
 *   silent and no spike is in flight, the membranes and synaptic currents of CA3 and basket
 *   cells are set back to rest (a trial reset, as `sim.reset()` between PyNN trials): the
 *   proportional inhibition hyperpolarises silent cells by far more than the threshold, and
 *   every presentation and cue should start from rest. Weights are never touched.
 *
 * **One wave = one Willshaw step.** A wave of A synchronous CA3 spikes gives cell j, D ms
 * later, the current jump J_j = wRec·s_j − wI·A (nA; s_j = Σ_{i in wave} W_ij), decaying with
 * tauSyn. From rest it peaks at J_j·u, u = τm τs / (cm (τm − τs)) · (e^{−t_peak/τm} − e^{−t_peak/τs}),
 * t_peak = ln(τm/τs) τm τs/(τm − τs) (mV per nA), so the cell fires iff J_j·u >= vThresh − vRest.
 * With wRec = (vThresh − vRest)/(β u) this is s_j >= α·A + β: the network retrieves with
 * threshold θ(A) = ceil(α·A + β) ({@link CA3Autoassociative.threshold}). A cue of c pattern
 * cells and no noise (A = c) retrieves with the Willshaw threshold θ = c when α = 1 − 1/(k + 1)
 * and β = 1/(2(k + 1)) (the defaults, k = `options.k`); a smaller α tolerates inserted noise
 * cells at the price of more false positives. The first wave after a synchronous cue is
 * exactly this threshold retrieval on the learned matrix; later waves are smeared in time
 * (cells cross threshold at different latencies) and approximate it.
 *
 * Recall leaves the weights as learned: learning is switched off on the collaterals during
 * retrieval (`projection.learning = false`), as acetylcholine levels gate it in CA3
 * (Hasselmo 1999); otherwise the rule would switch on synapses between cells that happen to
 * fire together in a recall wave.
 *
 * Memory: n² synapses (CSR 8 bytes each) and the plasticity CSC index (8 bytes each):
 * 16 bytes · n², 1.6 GB at n = 10,000.
 *
 * @example
 * const ca3 = new CA3Autoassociative({ n: 1000, k: 10, seed: 1 });
 * const rng = new Rng(2);
 * const patterns = Array.from({ length: 200 }, () => new SDR(1000).randomize(10 / 1000, rng));
 * ca3.learn(patterns);
 * const cue = patterns[0].clone().killCells(0.5, rng);
 * const { oneStep } = ca3.recall(cue);
 * oneStep.overlap(patterns[0]); // 10
 */
import { ParameterError } from '../core/errors.js';
import type { Seed } from '../core/rng.js';
import { Network } from '../engine/network.js';
import type { Population } from '../engine/population.js';
import type { Projection } from '../engine/projection.js';
import { SpikeMonitor } from '../engine/monitors/spikeMonitor.js';
import { IFCurrExp, type IFCurrExpParams } from '../neurons/ifCurrExp.js';
import { SpikeSourceArray } from '../neurons/spikeSourceArray.js';
import { allToAll } from '../synapses/connectors/allToAll.js';
import { fromList, type ConnectionTuple } from '../synapses/connectors/fromList.js';
import { oneToOne } from '../synapses/connectors/oneToOne.js';
import { ClippedHebbianRule } from '../synapses/plasticity/clippedHebbianRule.js';
import { SDR } from '../sdr/sdr.js';
import { BitMatrix } from './bitMatrix.js';
import { sdrToVolley, spikeWindowToSDR } from './spikeBridge.js';

/** CA3 and basket cell parameters (IFCurrExp; PyNN names; ms, mV, nF): fast membrane and synapses. */
export const CA3_NEURON_DEFAULTS: Readonly<Partial<IFCurrExpParams>> = Object.freeze({
  cm: 1,
  tauM: 5,
  tauSynE: 0.5,
  tauSynI: 0.5,
  tauRefrac: 2,
  vRest: -65,
  vReset: -65,
  vThresh: -50,
  iOffset: 0,
});

/** Mossy-fibre (input -> CA3) weight, nA: fires a CA3 cell at rest in the step its spike arrives, once. */
export const CA3_MOSSY_WEIGHT = 400;
/** CA3 -> basket relay weight, nA: one CA3 spike fires its basket cell in the arrival step, once. */
const RELAY_WEIGHT = 400;
/** Basket cells' refractory period, ms: long enough that the relay current cannot fire them twice. */
const BASKET_REFRAC = 2;

/** Options of {@link CA3Autoassociative}. */
export interface CA3Options {
  /** CA3 cells, integer in [2, 20000] */
  readonly n: number;
  /** expected active cells per pattern, integer in [1, n] (sets the default α and β) */
  readonly k: number;
  /** seed of the network's random streams (default 1) */
  readonly seed?: Seed;
  /** time step, ms (default 0.1) */
  readonly dt?: number;
  /** recurrent (and inhibitory-loop) delay D, ms, >= 3 dt (default 3) */
  readonly delay?: number;
  /** feedback inhibition per CA3 spike in units of wRec, α in [0, 1] (default 1 − 1/(k + 1)) */
  readonly inhibition?: number;
  /** excess dendritic sum needed to fire, β in (0, 1) synapse units (default 1/(2(k + 1))) */
  readonly margin?: number;
  /** basket cells, integer in [1, n] (default min(n, 1024)); more means fewer relay collisions */
  readonly basketSize?: number;
  /** coincidence window of the clipped Hebbian rule, ms, in [0, D) (default 0.5) */
  readonly learningWindow?: number;
  /** time between two pattern presentations during learning, ms, > D + 4 dt (default D + 5 dt) */
  readonly presentationInterval?: number;
}

/** Options of {@link CA3Autoassociative.recall}. */
export interface CA3RecallOptions {
  /** how long the network runs after the cue, ms (default 6 D) */
  readonly duration?: number;
  /** extra quiet time after the recall is stopped and the state reset, ms (default 0) */
  readonly settle?: number;
}

/** What {@link CA3Autoassociative.recall} returns. */
export interface CA3RecallResult {
  /** cells that fired in the first wave after the cue (D + dt to 2 D + dt after the cue's CA3 spikes): a one-step retrieval */
  readonly oneStep: SDR;
  /** cells that fired in the last D + dt ms before the recall was stopped */
  readonly final: SDR;
  /** the cue's spike time, ms */
  readonly tCue: number;
  /** time the recall was stopped, ms */
  readonly tStop: number;
  /** cue cells (A of the first wave) */
  readonly cueSize: number;
}

function int(name: string, v: unknown, lo: number, hi: number, ctx: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new ParameterError(name, v, `an integer in [${lo}, ${hi}]`, ctx);
  return v;
}

function num(name: string, v: unknown, ok: (x: number) => boolean, allowed: string, ctx: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new ParameterError(name, v, allowed, ctx);
  return v;
}

/**
 * Peak of the membrane response of an LIF cell at rest to a unit (1 nA) exponentially
 * decaying current jump, mV/nA: τm τs / (cm (τm − τs)) · (e^{−t_peak/τm} − e^{−t_peak/τs}) at
 * t_peak = ln(τm/τs) τm τs/(τm − τs) (τm = τs: (τs/cm) e^{−1}).
 *
 * @example
 * unitPeak(5, 0.5, 1); // 0.387 mV per nA
 */
export function unitPeak(tauM: number, tauSyn: number, cm: number): number {
  if (Math.abs(tauM - tauSyn) < 1e-12) return (tauSyn / cm) * Math.exp(-1);
  const tStar = (Math.log(tauM / tauSyn) * tauM * tauSyn) / (tauM - tauSyn);
  return ((tauM * tauSyn) / (cm * (tauM - tauSyn))) * (Math.exp(-tStar / tauM) - Math.exp(-tStar / tauSyn));
}

/** The spiking CA3 autoassociative network (see the module doc). */
export class CA3Autoassociative {
  readonly n: number;
  readonly k: number;
  /** feedback inhibition per CA3 spike, in units of wRec */
  readonly alpha: number;
  /** excess dendritic sum needed to fire, synapse units */
  readonly beta: number;
  /** recurrent delay D, ms */
  readonly delay: number;
  /** learned weight of a switched-on collateral, nA */
  readonly wRec: number;
  readonly network: Network;
  readonly input: Population<object>;
  readonly ca3: Population<object>;
  readonly basket: Population<object>;
  readonly stop: Population<object>;
  /** the learned collaterals */
  readonly recurrent: Projection;
  /** every CA3 spike */
  readonly spikes: SpikeMonitor;
  private readonly presentationInterval: number;
  private readonly inputTimes: number[][];
  private readonly stopTimes: number[];
  private presented = 0;
  /** the weights after the last {@link learn}: recall-time coincidences are undone from it */

  constructor(options: CA3Options) {
    const ctx = 'CA3Autoassociative';
    if (options === null || typeof options !== 'object') throw new ParameterError('options', options, 'an object with n and k', ctx);
    const known = ['n', 'k', 'seed', 'dt', 'delay', 'inhibition', 'margin', 'basketSize', 'learningWindow', 'presentationInterval'];
    for (const key of Object.keys(options)) {
      if (!known.includes(key)) throw new ParameterError(`options.${key}`, (options as unknown as Record<string, unknown>)[key], `one of ${known.join(', ')}`, ctx);
    }
    const n = int('n', options.n, 2, 20000, ctx);
    const k = int('k', options.k, 1, n, ctx);
    const dt = num('dt', options.dt ?? 0.1, (x) => x > 0 && x <= 1, 'a time step in (0, 1] ms', ctx);
    const delay = num('delay', options.delay ?? 3, (x) => x >= 3 * dt - 1e-9 && x <= 50, `a delay in [3 dt, 50] ms`, ctx);
    const alpha = num('inhibition', options.inhibition ?? 1 - 1 / (k + 1), (x) => x >= 0 && x <= 1, 'a fraction in [0, 1]', ctx);
    const beta = num('margin', options.margin ?? 1 / (2 * (k + 1)), (x) => x > 0 && x < 1, 'a margin in (0, 1) synapse units', ctx);
    const b = int('basketSize', options.basketSize ?? Math.min(n, 1024), 1, n, ctx);
    const window = num('learningWindow', options.learningWindow ?? 0.5, (x) => x >= 0 && x < delay, `a window in [0, ${delay}) ms (shorter than the delay)`, ctx);
    this.presentationInterval = num(
      'presentationInterval',
      options.presentationInterval ?? delay + 5 * dt,
      (x) => x > delay + 4 * dt,
      `an interval > the delay + 4 dt = ${delay + 4 * dt} ms`,
      ctx,
    );
    this.n = n;
    this.k = k;
    this.alpha = alpha;
    this.beta = beta;
    this.delay = Math.round(delay / dt) * dt;
    const p = CA3_NEURON_DEFAULTS as IFCurrExpParams;
    const u = unitPeak(p.tauM, p.tauSynE, p.cm);
    this.wRec = (p.vThresh - p.vRest) / (beta * u);
    const wI = alpha * this.wRec;

    const net = new Network({ dt, seed: options.seed ?? 1 });
    this.network = net;
    this.inputTimes = Array.from({ length: n }, () => []);
    this.stopTimes = [];
    this.input = net.population(SpikeSourceArray, n, { params: { spikeTimes: this.inputTimes }, label: 'mossy' });
    this.stop = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [this.stopTimes] }, label: 'stop' });
    this.ca3 = net.population(IFCurrExp, n, { params: { ...CA3_NEURON_DEFAULTS }, label: 'ca3' });
    this.basket = net.population(IFCurrExp, b, { params: { ...CA3_NEURON_DEFAULTS, tauRefrac: BASKET_REFRAC }, label: 'basket' });
    net.connect(this.input, this.ca3, oneToOne(), { weight: CA3_MOSSY_WEIGHT, delay: dt, label: 'mossy fibres' });
    this.recurrent = net.connect(this.ca3, this.ca3, allToAll({ allowSelf: true }), {
      weight: 0,
      delay: this.delay,
      label: 'recurrent collaterals',
      plasticity: new ClippedHebbianRule({ window, wOn: this.wRec }),
    });
    const relay: ConnectionTuple[] = [];
    for (let i = 0; i < n; i++) relay.push([i, i % b]);
    net.connect(this.ca3, this.basket, fromList(relay), { weight: RELAY_WEIGHT, delay: dt, label: 'ca3->basket' });
    // Timing (checked by the tests): a spike stamped t through a projection of delay d acts in the
    // step stamped t + d + dt (the target can fire in that step). Mossy and relay spikes (d = dt)
    // fire CA3 / basket cells 2 dt after theirs; the collaterals act at t + D + dt, and so does
    // the basket's inhibition with delay D − 2 dt (relay 2 dt + D − 2 dt + dt).
    net.connect(this.basket, this.ca3, allToAll(), { weight: -wI, delay: this.delay - 2 * dt, receptor: 'inhibitory', label: 'basket->ca3' });
    // the stop signal: holds down any wave (at most n cells' excitation); the state is reset after it
    net.connect(this.stop, this.ca3, allToAll(), { weight: -2 * n * this.wRec, delay: this.delay, receptor: 'inhibitory', label: 'stop' });
    this.spikes = net.add(new SpikeMonitor(this.ca3));
  }

  /** Network time, ms. */
  get t(): number {
    return this.network.t;
  }

  /** Patterns presented so far by {@link learn}. */
  get patternsPresented(): number {
    return this.presented;
  }

  /** The retrieval threshold of a wave of A cells: θ(A) = ceil(α·A + β) (see the module doc). */
  threshold(A: number): number {
    return Math.ceil(this.alpha * A + this.beta - 1e-9);
  }

  /** Sets CA3 and basket membranes to rest and their synaptic currents to 0 (between trials). */
  private resetState(): void {
    for (const pop of [this.ca3, this.basket]) {
      pop.state.v.fill((pop.params as unknown as IFCurrExpParams).vRest);
      pop.state.iSynE.fill(0);
      pop.state.iSynI.fill(0);
    }
  }

  /** Schedules the cells of `sdr` to fire through their mossy fibres at time t (ms). */
  private schedule(sdr: SDR, t: number): void {
    const volley = sdrToVolley(sdr, { time: t, dt: this.network.dt });
    for (let i = 0; i < volley.length; i++) if (volley[i].length > 0) this.inputTimes[i].push(t);
    this.input.setParameters({ spikeTimes: this.inputTimes });
  }

  private scheduleStop(times: readonly number[]): void {
    this.stopTimes.push(...times);
    this.stop.setParameters({ spikeTimes: [this.stopTimes] });
  }

  private checkSDR(sdr: unknown, name: string, ctx: string): SDR {
    if (!(sdr instanceof SDR) || sdr.size !== this.n) throw new ParameterError(name, sdr, `an SDR of size ${this.n}`, ctx);
    return sdr;
  }

  /**
   * Stores patterns by presenting them: each pattern's cells fire together through their
   * mossy fibres, one pattern every `presentationInterval` ms, and the clipped Hebbian rule
   * switches on the collaterals among them (self-synapses included). The stop signal
   * arrives with the first recurrent wave, so a presented pattern is not recalled while it
   * is stored. The learned matrix is then the clipped Hebbian matrix of the patterns.
   *
   * @param patterns - SDRs of size n
   * @returns this
   * @throws ParameterError for a pattern that is not an SDR of size n
   */
  learn(patterns: readonly SDR[]): this {
    const ctx = 'CA3Autoassociative.learn';
    if (!Array.isArray(patterns)) throw new ParameterError('patterns', patterns, 'an array of SDRs', ctx);
    patterns.forEach((p, i) => this.checkSDR(p, `patterns[${i}]`, ctx));
    const dt = this.network.dt;
    const steps = Math.round(this.presentationInterval / dt);
    for (const p of patterns) {
      const t = this.network.t + dt;
      this.schedule(p, t);
      // the CA3 volley fires at t + 2 dt; its wave acts at t + D + 3 dt, and so does the stop
      this.scheduleStop([t + 2 * dt]);
      this.network.run(steps * dt);
      this.resetState();
      this.presented++;
    }
    return this;
  }

  /**
   * Cues the network with `cue` (a fraction of a pattern, and noise cells) and lets it
   * complete the pattern for `duration` ms, then silences it and lets it settle.
   *
   * @returns the one-step (first wave) and final states, as SDRs
   * @throws ParameterError for a cue that is not a non-empty SDR of size n, or bad durations
   */
  recall(cue: SDR, options: CA3RecallOptions = {}): CA3RecallResult {
    const ctx = 'CA3Autoassociative.recall';
    this.checkSDR(cue, 'cue', ctx);
    if (cue.sparse.length === 0) throw new ParameterError('cue', cue.toString(), 'an SDR with at least one active cell', ctx);
    const D = this.delay;
    const duration = num('duration', options.duration ?? 6 * D, (x) => x >= 2 * D, `a time >= 2 D = ${2 * D} ms`, ctx);
    const settle = num('settle', options.settle ?? 0, (x) => x >= 0, 'a time >= 0 ms', ctx);
    const dt = this.network.dt;
    const tCue = this.network.t + dt;
    this.schedule(cue, tCue);
    // the volley's CA3 spikes are stamped at tCue + 2 dt; waves follow every D (+ latency)
    const tSpike = tCue + 2 * dt;
    const tStop = tSpike + Math.round(duration / dt) * dt;
    // stop spikes act from tStop on, every step for D + 1 ms: every spike in flight is cancelled
    const stops: number[] = [];
    const stopSteps = Math.round((D + 1) / dt);
    for (let s = 0; s <= stopSteps; s++) stops.push(tStop - D - dt + s * dt);
    this.scheduleStop(stops);
    const end = tStop + D + 1 + 2 * dt + settle;
    this.recurrent.learning = false;
    try {
      this.network.run(Math.round((end - this.network.t) / dt) * dt);
    } finally {
      this.recurrent.learning = true;
    }
    this.resetState();
    // wave 1 acts from tSpike + D + dt and ends before wave 2 (from tSpike + 2 D + 2 dt)
    const oneStep = spikeWindowToSDR(this.spikes, tSpike + D + dt / 2, tSpike + 2 * D + 1.5 * dt);
    const final = spikeWindowToSDR(this.spikes, tStop - D - dt, tStop);
    return { oneStep, final, tCue, tStop, cueSize: cue.sparse.length };
  }

  /**
   * The learned collaterals as a binary matrix: entry (i, j) is 1 when the synapse i -> j is
   * switched on (weight > wRec / 2).
   */
  learnedMatrix(): BitMatrix {
    const m = new BitMatrix(this.n, this.n);
    const { rowPtr, target, weight } = this.recurrent;
    const half = this.wRec / 2;
    for (let i = 0; i < this.n; i++) for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) if (weight[q] > half) m.set(i, target[q]);
    return m;
  }
}
