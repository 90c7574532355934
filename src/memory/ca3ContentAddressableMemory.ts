/**
 * The CA3 spiking content-addressable memory of Casanueva-Morato et al. ("Bio-inspired
 * computational memory model of the Hippocampus: an approach to a neuromorphic spike-based
 * Content-Addressable Memory", Neural Networks 2024; code: dancasmor/sPyMem
 * `CA3_content_addressable`), built on an Engram network with `semantics: 'spinnaker'`
 * (dt = 1 ms), the arithmetic its SpiNNaker recordings depend on.
 *
 * A memory has `cueSize` addresses (one-hot cues) and `contentSize` content bits. Eight
 * IF_curr_exp populations (3 cueSize + 4 contentSize + 1 neurons) and 18 projections,
 * two of them plastic ({@link SpinnakerPairSTDP}: cue -> content and content -> cue), sit
 * between an input layer `IN` (SpikeSourceArray, cueSize + contentSize: [0, cueSize) the
 * cue, then the content) and an output layer `OUT` (IF_curr_exp, same layout, v_thresh
 * -57.5 mV as in the authors' tests).
 *
 * Operations (input spikes at the start tick t0; the memory schedules them at the earliest
 * allowed tick: 7 ms after a learn, 6 ms after a recall):
 * - learn(cue, bits): cue and bits held for 3 ticks; OUT shows cue + bits at t0+5 and t0+7
 *   (relearning a cue replays its old bits at t0+6 and forgets them);
 * - recallByCue(cue): OUT cue at t0+5, its content at t0+6;
 * - recallByContent(bits): OUT bits at t0+5, every cue that shares at least one 1-bit at t0+6.
 *
 * @example
 * const cam = new CA3ContentAddressableMemory({ cueSize: 5, contentSize: 10 });
 * cam.learn(0, [0, 1, 8, 9]);
 * cam.recallByCue(0);
 * const [learned, recalled] = cam.flush(); // recalled.outputContent = [0, 1, 8, 9], contentLatency 6
 */
import { ParameterError } from '../core/errors.js';
import { requireInteger, requireKnownKeys, requireObject } from '../core/validate.js';
import { SpikeMonitor } from '../engine/monitors/spikeMonitor.js';
import { Network } from '../engine/network.js';
import type { Population } from '../engine/population.js';
import type { Projection } from '../engine/projection.js';
import { IFCurrExp, type IFCurrExpParams } from '../neurons/ifCurrExp.js';
import { SpikeSourceArray } from '../neurons/spikeSourceArray.js';
import { allToAll } from '../synapses/connectors/allToAll.js';
import { fromList, type ConnectionTuple } from '../synapses/connectors/fromList.js';
import { oneToOne } from '../synapses/connectors/oneToOne.js';
import type { Connector } from '../synapses/connector.js';
import { SpinnakerPairSTDP } from '../synapses/plasticity/spinnakerPairStdp.js';
import {
  CA3_CAM_CONFIG,
  CA3_CAM_OUTPUT_LAYER,
  validateCa3CamConfig,
  type Ca3CamConfig,
  type Ca3CamNeuronConfig,
  type Ca3CamPopulationKey,
} from './ca3CamConfig.js';

/** Names of the recorded populations, as in the authors' recordings. */
export const CA3_CAM_RECORDED_POPULATIONS = [
  'INcue',
  'INcont',
  'CA3cueCueRecall',
  'CA3cueContRecall',
  'CA3contCueRecall',
  'CA3contContRecall',
  'CA3contCond',
  'CA3contCondInt',
  'CA3mergeCue',
  'CA3mergeCont',
  'OUTcue',
  'OUTcont',
] as const;

/** A recorded population name (the input and output layers split into cue and content parts). */
export type Ca3CamRecordedPopulation = (typeof CA3_CAM_RECORDED_POPULATIONS)[number];

/** Minimum spacing after each operation before the next may start, ms (ticks). */
export const CA3_CAM_SPACING = Object.freeze({ learn: 7, recallByCue: 6, recallByContent: 6 });

/**
 * Ticks after the start at which an operation's output is decoded, [first, last]: the
 * output never comes before +5, and the next operation's (at the minimum spacing) not
 * before +5 after that, so consecutive windows never overlap.
 */
const WINDOW = Object.freeze({ learn: [5, 7], recallByCue: [5, 6], recallByContent: [5, 6] } as const);

/** The three operations. */
export type Ca3CamOperationKind = keyof typeof CA3_CAM_SPACING;

/** Options of {@link CA3ContentAddressableMemory}. */
export interface CA3ContentAddressableMemoryOptions {
  /** number of memories (one-hot cue neurons), >= 1 */
  readonly cueSize: number;
  /** number of content bits, >= 1 */
  readonly contentSize: number;
  /** the configuration (default {@link CA3_CAM_CONFIG}, the authors' values) */
  readonly config?: Ca3CamConfig;
  /** output layer neuron parameters (default {@link CA3_CAM_OUTPUT_LAYER}) */
  readonly outputLayer?: Ca3CamNeuronConfig;
  /**
   * a network to build into (must have dt = 1 ms and semantics 'spinnaker'); default a
   * new one of its own
   */
  readonly network?: Network;
  /** prefix of the population labels (to hold several memories in one network); default '' */
  readonly prefix?: string;
  /** record the spikes of every population (for rasters and replay); default false: only the output layer */
  readonly recordAll?: boolean;
}

/** An operation as scheduled. */
export interface Ca3CamOperation {
  readonly kind: Ca3CamOperationKind;
  /** start tick, ms */
  readonly time: number;
  /** the cue (learn, recallByCue), else null */
  readonly cue: number | null;
  /** the content bits given (learn, recallByContent), else [] */
  readonly bits: readonly number[];
}

/** What an operation returned at the output layer. */
export interface Ca3CamResult extends Ca3CamOperation {
  /** cue indices that spiked at OUT within the operation's window */
  readonly outputCues: readonly number[];
  /**
   * content bits at OUT: for recalls every bit that spiked in the window; for learn the
   * bits of the first content volley (the learned content)
   */
  readonly outputContent: readonly number[];
  /** learn only: old content bits replayed (at t0+6) while being forgotten, else [] */
  readonly replayedContent: readonly number[];
  /** ms from the start to the first OUT cue spike, or null */
  readonly cueLatency: number | null;
  /** ms from the start to the first OUT content spike, or null */
  readonly contentLatency: number | null;
}

/** Spikes of one population: step stamps (ms) and neuron indices, in time order. */
export interface Ca3CamSpikes {
  readonly times: Int32Array;
  readonly indices: Uint32Array;
}

/** Options of an operation: when to start it. */
export interface Ca3CamOperationOptions {
  /** start tick, ms (default: the earliest allowed); an earlier one is a ParameterError */
  readonly at?: number;
}

const LABELS: Readonly<Record<Ca3CamPopulationKey, string>> = {
  CA3cueCueRecallL: 'CA3cueCueRecall',
  CA3cueContRecallL: 'CA3cueContRecall',
  CA3contCueRecallL: 'CA3contCueRecall',
  CA3contContRecallL: 'CA3contContRecall',
  CA3contCondL: 'CA3contCond',
  CA3contCondIntL: 'CA3contCondInt',
  CA3mergeCueL: 'CA3mergeCue',
  CA3mergeContL: 'CA3mergeCont',
};

function ifParams(c: Ca3CamNeuronConfig): IFCurrExpParams {
  return {
    cm: c.cm,
    iOffset: c.i_offset,
    tauM: c.tau_m,
    tauRefrac: c.tau_refrac,
    tauSynE: c.tau_syn_E,
    tauSynI: c.tau_syn_I,
    vReset: c.v_reset,
    vRest: c.v_rest,
    vThresh: c.v_thresh,
  };
}

function pairs(n: number, from: (i: number) => number, to: (i: number) => number): Connector {
  const list: ConnectionTuple[] = [];
  for (let i = 0; i < n; i++) list.push([from(i), to(i)]);
  return fromList(list);
}

/** All-to-all between two populations of size n, leaving out i -> i (PyNN allow_self_connections=False). */
function allButSame(nPre: number, nPost: number): Connector {
  const list: ConnectionTuple[] = [];
  for (let i = 0; i < nPre; i++) for (let j = 0; j < nPost; j++) if (i !== j) list.push([i, j]);
  return fromList(list);
}

/** The CA3 content-addressable memory (see the module doc). */
export class CA3ContentAddressableMemory {
  readonly cueSize: number;
  readonly contentSize: number;
  readonly network: Network;
  readonly config: Ca3CamConfig;
  /** input layer: SpikeSourceArray of cueSize + contentSize */
  readonly input: Population<object>;
  /** output layer: IF_curr_exp of cueSize + contentSize */
  readonly output: Population<object>;
  /** the eight CA3 populations by configuration key */
  readonly populations: Readonly<Record<Ca3CamPopulationKey, Population<object>>>;
  /** the 18 projections of SPEC section 2.3, in its order */
  readonly projections: readonly Projection[];
  /** cue -> content (CueCue -> ContCue) and content -> cue (ContCont -> CueCont) plastic projections */
  readonly cueToContent: Projection;
  readonly contentToCue: Projection;
  private readonly monitors = new Map<string, SpikeMonitor>();
  private readonly outMonitor: SpikeMonitor;
  private readonly inputTimes: number[][];
  private inputDirty = false;
  private readonly pending: Ca3CamOperation[] = [];
  private nextAllowed = 0;

  constructor(options: CA3ContentAddressableMemoryOptions) {
    const ctx = 'CA3ContentAddressableMemory';
    const opts = requireObject('options', options, ctx);
    requireKnownKeys('options', opts, ['cueSize', 'contentSize', 'config', 'outputLayer', 'network', 'prefix', 'recordAll'], ctx);
    const c = requireInteger('cueSize', options.cueSize, ctx, 1);
    const n = requireInteger('contentSize', options.contentSize, ctx, 1);
    const config = validateCa3CamConfig(options.config ?? CA3_CAM_CONFIG);
    const outCfg = options.outputLayer ?? CA3_CAM_OUTPUT_LAYER;
    const prefix = options.prefix ?? '';
    if (typeof prefix !== 'string') throw new ParameterError('prefix', prefix, 'a string', ctx);
    let net = options.network;
    if (net === undefined) net = new Network({ dt: 1, semantics: 'spinnaker' });
    else if (!(net instanceof Network) || net.dt !== 1 || net.semantics !== 'spinnaker') {
      throw new ParameterError('network', net instanceof Network ? `dt ${net.dt}, semantics '${net.semantics}'` : net,
        "a Network with dt 1 and semantics 'spinnaker'", ctx, "create it with new Network({ dt: 1, semantics: 'spinnaker' })");
    }
    this.cueSize = c;
    this.contentSize = n;
    this.network = net;
    this.config = config;
    this.inputTimes = Array.from({ length: c + n }, () => []);

    // Populations. Nothing is added to the network if a parameter is invalid: check them first.
    const np = config.neuronParameters;
    const sizes: Record<Ca3CamPopulationKey, number> = {
      CA3cueCueRecallL: c,
      CA3cueContRecallL: c,
      CA3contCueRecallL: n,
      CA3contContRecallL: n,
      CA3contCondL: n,
      CA3contCondIntL: 1,
      CA3mergeCueL: c,
      CA3mergeContL: n,
    };
    for (const key of Object.keys(sizes) as Ca3CamPopulationKey[]) IFCurrExp.validate(ifParams(np[key]));
    IFCurrExp.validate(ifParams(outCfg));
    this.input = net.population(SpikeSourceArray, c + n, { params: { spikeTimes: this.inputTimes }, label: `${prefix}IN` });
    const pops = {} as Record<Ca3CamPopulationKey, Population<object>>;
    for (const key of Object.keys(sizes) as Ca3CamPopulationKey[]) {
      pops[key] = net.population(IFCurrExp, sizes[key], {
        params: ifParams(np[key]),
        initial: { v: config.initNeuronParameters[key].vInit },
        label: `${prefix}${LABELS[key]}`,
      }) as unknown as Population<object>;
    }
    this.output = net.population(IFCurrExp, c + n, { params: ifParams(outCfg), label: `${prefix}OUT` }) as unknown as Population<object>;
    this.populations = Object.freeze(pops);

    // Projections (SPEC 2.3; rows 4 and 12 scale the weight by contentSize, as the authors' code).
    const sp = config.synParameters;
    const IN = this.input;
    const OUT = this.output;
    const { CA3cueCueRecallL: cueCue, CA3cueContRecallL: cueCont, CA3contCueRecallL: contCue, CA3contContRecallL: contCont } = pops;
    const { CA3contCondL: cond, CA3contCondIntL: condInt, CA3mergeCueL: mergeCue, CA3mergeContL: mergeCont } = pops;
    const stat = (pre: Population<object>, post: Population<object>, conn: Connector, key: keyof Ca3CamConfig['synParameters'], scale = 1): Projection => {
      const s = sp[key];
      const receptor = s.receptor_type === 'inhibitory' ? 'inhibitory' : 'excitatory';
      return net.connect(pre, post, conn, { weight: s.initWeight * scale, delay: s.delay, receptor, label: `${prefix}${key}` });
    };
    const stdp = (pre: Population<object>, post: Population<object>, key: 'CA3cueCueRecallL-CA3contCueRecallL' | 'CA3contContRecallL-CA3cueContRecallL'): Projection => {
      const s = sp[key];
      const rule = new SpinnakerPairSTDP({ tauPlus: s.tau_plus, tauMinus: s.tau_minus, aPlus: s.A_plus, aMinus: s.A_minus, wMin: s.w_min, wMax: s.w_max });
      return net.connect(pre, post, allToAll(), { weight: s.initWeight, delay: s.delay, plasticity: rule, label: `${prefix}${key}` });
    };
    const projections = [
      stat(IN, cueCue, pairs(c, (i) => i, (i) => i), 'IL-CA3cueCueRecallL'),
      stat(IN, contCue, pairs(n, (j) => c + j, (j) => j), 'IL-CA3contCueRecallL'),
      stat(cueCue, cueCont, oneToOne(), 'CA3cueCueRecallL-CA3cueContRecallL'),
      stat(cueCue, cueCont, allButSame(c, c), 'CA3cueCueRecallL-CA3cueContRecallL-inh', n),
      stat(cueCue, cond, allToAll(), 'CA3cueCueRecallL-CA3contCondL'),
      stat(contCue, cond, oneToOne(), 'CA3contCueRecallL-CA3contCondL'),
      stat(cond, contCont, oneToOne(), 'CA3contCondL-CA3contContRecallL'),
      stat(contCue, condInt, allToAll(), 'CA3contCueRecallL-CA3contCondIntL'),
      stat(condInt, cond, allToAll(), 'CA3contCondIntL-CA3contCondL'),
      stdp(cueCue, contCue, 'CA3cueCueRecallL-CA3contCueRecallL'),
      stdp(contCont, cueCont, 'CA3contContRecallL-CA3cueContRecallL'),
      stat(cueCont, cueCont, allToAll({ allowSelf: false }), 'CA3cueContRecallL-CA3cueContRecallL', n),
      stat(cueCue, mergeCue, oneToOne(), 'CA3cueCueRecallL-CA3mergeCueL'),
      stat(cueCont, mergeCue, oneToOne(), 'CA3cueContRecallL-CA3mergeCueL'),
      stat(contCue, mergeCont, oneToOne(), 'CA3contCueRecallL-CA3mergeContL'),
      stat(contCont, mergeCont, oneToOne(), 'CA3contContRecallL-CA3mergeContL'),
      stat(mergeCue, OUT, pairs(c, (i) => i, (i) => i), 'CA3mergeCueL-OL'),
      stat(mergeCont, OUT, pairs(n, (j) => j, (j) => c + j), 'CA3mergeContL-OL'),
    ];
    this.projections = Object.freeze(projections);
    this.cueToContent = projections[9];
    this.contentToCue = projections[10];

    this.outMonitor = net.add(new SpikeMonitor(OUT));
    this.monitors.set('OUT', this.outMonitor);
    if (options.recordAll) {
      this.monitors.set('IN', net.add(new SpikeMonitor(IN)));
      for (const key of Object.keys(pops) as Ca3CamPopulationKey[]) this.monitors.set(LABELS[key], net.add(new SpikeMonitor(pops[key])));
    }
    this.nextAllowed = net.step;
  }

  /** The earliest tick (ms) at which the next operation may start. */
  get nextFreeTime(): number {
    return Math.max(this.nextAllowed, this.network.step);
  }

  /** Operations scheduled and not yet returned by {@link flush}. */
  get scheduled(): readonly Ca3CamOperation[] {
    return this.pending.slice();
  }

  /**
   * Schedules learning `bits` under address `cue` (cue and bits spike for 3 ticks);
   * learning a cue again forgets its old content. Returns the scheduled operation.
   */
  learn(cue: number, bits: readonly number[], options: Ca3CamOperationOptions = {}): Ca3CamOperation {
    const ctx = 'CA3ContentAddressableMemory.learn';
    this.checkCue(cue, ctx);
    const b = this.checkBits(bits, ctx);
    const op = this.schedule('learn', cue, b, options, ctx);
    for (let dt = 0; dt < 3; dt++) {
      this.addInput(cue, op.time + dt);
      for (const j of b) this.addInput(this.cueSize + j, op.time + dt);
    }
    this.syncInput();
    return op;
  }

  /** Schedules recalling the content stored under `cue` (one input spike). */
  recallByCue(cue: number, options: Ca3CamOperationOptions = {}): Ca3CamOperation {
    const ctx = 'CA3ContentAddressableMemory.recallByCue';
    this.checkCue(cue, ctx);
    const op = this.schedule('recallByCue', cue, [], options, ctx);
    this.addInput(cue, op.time);
    this.syncInput();
    return op;
  }

  /** Schedules recalling every cue whose content shares at least one 1-bit with `bits`. */
  recallByContent(bits: readonly number[], options: Ca3CamOperationOptions = {}): Ca3CamOperation {
    const ctx = 'CA3ContentAddressableMemory.recallByContent';
    const b = this.checkBits(bits, ctx);
    const op = this.schedule('recallByContent', null, b, options, ctx);
    for (const j of b) this.addInput(this.cueSize + j, op.time);
    this.syncInput();
    return op;
  }

  /**
   * Simulates until the output window of every scheduled operation has closed and returns
   * their results, decoded from the output layer, in schedule order.
   */
  flush(): Ca3CamResult[] {
    const ops = this.pending.splice(0);
    if (ops.length === 0) return [];
    this.runUntil(this.flushEnd(ops));
    return this.decodeAll(ops);
  }

  /** {@link flush} for a network that runs asynchronously (the gpu backend: `runAsync`). */
  async flushAsync(): Promise<Ca3CamResult[]> {
    const ops = this.pending.splice(0);
    if (ops.length === 0) return [];
    await this.runUntilAsync(this.flushEnd(ops));
    return this.decodeAll(ops);
  }

  /** The tick after the output window of the last of `ops`. */
  private flushEnd(ops: readonly Ca3CamOperation[]): number {
    return Math.max(...ops.map((o) => o.time + WINDOW[o.kind][1])) + 1;
  }

  private decodeAll(ops: readonly Ca3CamOperation[]): Ca3CamResult[] {
    const times = this.outMonitor.steps;
    const indices = this.outMonitor.indices;
    return ops.map((op) => this.decode(op, times, indices));
  }

  /**
   * Adds one input spike: `part` 'cue' (index < cueSize) or 'content' (index < contentSize)
   * at tick `time` (ms, >= the network's current step). Used to replay recorded inputs;
   * the spikes reach the input layer at the next {@link runUntil} or operation.
   */
  addInputSpike(part: 'cue' | 'content', index: number, time: number): void {
    const ctx = 'CA3ContentAddressableMemory.addInputSpike';
    if (part !== 'cue' && part !== 'content') throw new ParameterError('part', part, "'cue' or 'content'", ctx);
    requireInteger('index', index, ctx, 0, part === 'cue' ? this.cueSize - 1 : this.contentSize - 1);
    requireInteger('time', time, ctx, this.network.step);
    this.addInput(part === 'cue' ? index : this.cueSize + index, time);
  }

  /** Simulates up to (not including) tick `step`, applying pending input first. */
  runUntil(step: number): void {
    requireInteger('step', step, 'CA3ContentAddressableMemory.runUntil', this.network.step);
    this.syncInput();
    if (step > this.network.step) this.network.run(step - this.network.step);
  }

  /** {@link runUntil} with `network.runAsync` (the gpu backend). */
  async runUntilAsync(step: number): Promise<void> {
    requireInteger('step', step, 'CA3ContentAddressableMemory.runUntilAsync', this.network.step);
    this.syncInput();
    if (step > this.network.step) await this.network.runAsync(step - this.network.step);
  }

  /**
   * Hands the input spikes added so far to the input layer (operations do it at once, so
   * a shared network may be run by anyone; {@link addInputSpike} leaves it to the next run).
   */
  private syncInput(): void {
    if (!this.inputDirty) return;
    this.input.setParameters({ spikeTimes: this.inputTimes.map((t) => t.slice()) } as never);
    this.inputDirty = false;
  }

  /**
   * The spikes recorded so far, by recorded population name (INcue/INcont and OUTcue/OUTcont
   * split the layers; the CA3 populations only with `recordAll`).
   */
  spikes(): Partial<Record<Ca3CamRecordedPopulation, Ca3CamSpikes>> {
    const out: Partial<Record<Ca3CamRecordedPopulation, Ca3CamSpikes>> = {};
    for (const [name, m] of this.monitors) {
      const times = m.steps;
      const idx = m.indices;
      if (name === 'IN' || name === 'OUT') {
        const [cueT, cueI, contT, contI] = [[], [], [], []] as number[][];
        for (let s = 0; s < idx.length; s++) {
          if (idx[s] < this.cueSize) {
            cueT.push(times[s]);
            cueI.push(idx[s]);
          } else {
            contT.push(times[s]);
            contI.push(idx[s] - this.cueSize);
          }
        }
        out[`${name}cue` as Ca3CamRecordedPopulation] = { times: Int32Array.from(cueT), indices: Uint32Array.from(cueI) };
        out[`${name}cont` as Ca3CamRecordedPopulation] = { times: Int32Array.from(contT), indices: Uint32Array.from(contI) };
      } else {
        out[name as Ca3CamRecordedPopulation] = { times, indices: idx };
      }
    }
    return out;
  }

  private addInput(neuron: number, time: number): void {
    this.inputTimes[neuron].push(time);
    this.inputDirty = true;
  }

  private schedule(kind: Ca3CamOperationKind, cue: number | null, bits: number[], options: Ca3CamOperationOptions, ctx: string): Ca3CamOperation {
    requireKnownKeys('options', requireObject('options', options, ctx), ['at'], ctx);
    const earliest = this.nextFreeTime;
    let time = earliest;
    if (options.at !== undefined) {
      time = requireInteger('at', options.at, ctx, earliest);
    }
    const op: Ca3CamOperation = Object.freeze({ kind, time, cue, bits: Object.freeze(bits) });
    this.pending.push(op);
    this.nextAllowed = time + CA3_CAM_SPACING[kind];
    return op;
  }

  private decode(op: Ca3CamOperation, times: Int32Array, indices: Uint32Array): Ca3CamResult {
    const t0 = op.time;
    const from = t0 + WINDOW[op.kind][0];
    const t1 = t0 + WINDOW[op.kind][1];
    const c = this.cueSize;
    const cues = new Set<number>();
    const content = new Set<number>();
    const firstVolley = new Set<number>();
    let cueLatency: number | null = null;
    let contentLatency: number | null = null;
    for (let s = 0; s < times.length; s++) {
      const t = times[s];
      if (t < from || t > t1) continue;
      const i = indices[s];
      if (i < c) {
        cues.add(i);
        cueLatency ??= t - t0;
      } else {
        content.add(i - c);
        contentLatency ??= t - t0;
        if (t - t0 === contentLatency) firstVolley.add(i - c);
      }
    }
    const sorted = (x: Iterable<number>) => Array.from(x).sort((a, b) => a - b);
    const learn = op.kind === 'learn';
    return {
      ...op,
      outputCues: sorted(cues),
      outputContent: learn ? sorted(firstVolley) : sorted(content),
      replayedContent: learn ? sorted([...content].filter((b) => !firstVolley.has(b))) : [],
      cueLatency,
      contentLatency,
    };
  }

  private checkCue(cue: number, ctx: string): void {
    requireInteger('cue', cue, ctx, 0, this.cueSize - 1);
  }

  private checkBits(bits: readonly number[], ctx: string): number[] {
    if (!Array.isArray(bits) || bits.length === 0) {
      throw new ParameterError('bits', bits, `a non-empty array of content bit indices in [0, ${this.contentSize - 1}]`, ctx);
    }
    for (let s = 0; s < bits.length; s++) requireInteger(`bits[${s}]`, bits[s], ctx, 0, this.contentSize - 1);
    const set = new Set(bits);
    if (set.size !== bits.length) throw new ParameterError('bits', bits, 'distinct bit indices', ctx);
    return [...set].sort((a, b) => a - b);
  }
}
