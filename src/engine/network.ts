/**
 * The network: populations, projections, current sources and monitors on one clock.
 *
 * Each step k (from t_k = k dt to t_{k+1}), in this order (as NEST and Brian):
 * 1. current sources that change at t_k rebuild the injected currents;
 * 2. monitors sample state at t_k;
 * 3. input arriving at t_k is delivered: projections with one delay into a model that
 *    names its input variables add the weights of the spikes of step k - 1 - delay
 *    straight into those variables; the others left theirs in the target's delay ring;
 * 4. every population's kernel adds its ring input (slot k), integrates and applies
 *    threshold/reset, listing its spikes (stamped t_{k+1});
 * 5. ring-mode projections propagate the new spikes into the target's ring slot
 *    k + 1 + delay; populations with direct-mode projections keep them in a short history;
 * 6. monitors record the spikes.
 * Under `semantics: 'spinnaker'` the same loop runs sPyNNaker's per-tick kernels: step k
 * is SpiNNaker's tick k, its spikes are stamped t_k and arrive at step k + d.
 * `run()` may be called repeatedly: a run split into two calls gives exactly the spikes
 * of one call, because all state, including every random stream, lives on.
 */
import { ParameterError, StateError } from '../core/errors.js';
import { Rng, type Seed } from '../core/rng.js';
import { requireInteger, requireKnownKeys, requireObject, requireOneOf, requirePositive } from '../core/validate.js';
import type { NeuronModel, Semantics } from '../neurons/model.js';
import type { Connector } from '../synapses/connector.js';
import { propagateConstantDelay, propagateHeterogeneousDelay } from '../backends/cpu/propagate.js';
// The per-step dense work goes through a backend (cpu: the reference; gpu: gpu.js kernels).
import { chooseAutoBackend, GPU_MODES, probeWebGpu, type EngineView, type GpuBackendOptions } from '../backends/backend.js';
import { CpuBackend } from '../backends/cpu/cpuBackend.js';
import type { GpuBackend } from '../backends/gpu/gpuBackend.js';
import type { Monitor } from './monitor.js';
import { subsetIndices } from './monitor.js';
import { Population, type InputRing, type PopulationOptions } from './population.js';
import { SpikeHistory } from './spikeHistory.js';
import { Projection, type ProjectionOptions } from './projection.js';
import type { CurrentSource } from './stimuli/currentSource.js';

/** Backends a network can run on. */
export type BackendName = 'cpu' | 'gpu' | 'auto';

/** Options of `new Network(...)`. */
export interface NetworkOptions {
  /** time step, ms (default 0.1) */
  readonly dt?: number;
  /** seed of every random draw (default 1) */
  readonly seed?: Seed;
  /**
   * 'cpu' (default, the reference), 'gpu' (gpu.js kernels; run with `runAsync()`) or
   * 'auto' (gpu only on a hardware WebGPU adapter and a large network, decided at the
   * first run; see `backendInfo`)
   */
  readonly backend?: BackendName;
  /** options of the gpu backend (mode, projections gathered on the device) */
  readonly gpu?: GpuBackendOptions;
  /**
   * --- spinnaker semantics (issue 7) ---
   * Discrete-time semantics: 'exact' (default; exact integration, a spike of step k is
   * stamped t_{k+1} and acts at step k + 1 + d) or 'spinnaker' (sPyNNaker's per-tick
   * arithmetic, e.g. IFCurrExp's `createSpinnakerKernel`; a spike of step k is stamped
   * t_k, SpiNNaker's tick, and acts in the target at step k + d, so a hop of delay d
   * takes exactly d ticks as on SpiNNaker). 'spinnaker' runs with models that implement
   * it (on the gpu backend IFCurrExp has a device form; the others run their cpu kernel
   * there), and uses sPyNNaker's weight convention: weights are
   * magnitudes (an inhibitory weight w > 0 is subtracted; a projection whose weights are
   * all <= 0 uses their magnitudes, mixed signs are an error).
   */
  readonly semantics?: Semantics;
}

/** Which backend runs the network and why. */
export interface BackendInfo {
  readonly backend: 'cpu' | 'gpu';
  readonly reason: string;
  /** the gpu.js mode ('webasm', 'webgpu', ...) once a gpu backend is running */
  readonly mode?: string;
}

/** Progress report during `run()`. */
export interface RunProgress {
  /** simulated time done in this call, ms */
  readonly done: number;
  /** simulated time requested in this call, ms */
  readonly total: number;
  /** network time, ms */
  readonly t: number;
  /** wall-clock seconds since the call started */
  readonly elapsed: number;
}

/** Options of `run()`. */
export interface RunOptions {
  /** called about every `progressInterval` ms of wall time (default 250) */
  readonly onProgress?: (progress: RunProgress) => void;
  readonly progressInterval?: number;
  /** stops the run between steps when aborted */
  readonly signal?: AbortSignal;
}

/** What `run()` did. */
export interface RunResult {
  /** steps simulated in this call */
  readonly steps: number;
  /** true when stopped early by the abort signal */
  readonly interrupted: boolean;
  /** wall-clock seconds of the loop */
  readonly wallTime: number;
  /** synaptic events delivered in this call */
  readonly events: number;
}

interface Injection {
  readonly source: CurrentSource;
  readonly population: Population<object>;
  readonly targets: Uint32Array;
  readonly rng: Rng;
}

/**
 * A spiking network on a fixed time grid.
 *
 * @example
 * const net = new Network({ dt: 0.1, seed: 42 });
 * const pop = net.population(IFCurrExp, 100, { params: { iOffset: 1.0 } });
 * const spikes = net.add(new SpikeMonitor(pop));
 * net.run(100);
 */
export class Network {
  /** time step, ms */
  readonly dt: number;
  /** the seed every random stream derives from */
  readonly seed: number;
  /** discrete-time semantics: 'exact' or 'spinnaker' (see {@link NetworkOptions.semantics}) */
  readonly semantics: Semantics;
  /** spike stamp minus step: 1 ('exact'), 0 ('spinnaker'); input arrives at step k + stampOffset + d */
  private readonly stampOffset: 0 | 1;
  /** the backend in use, and why (with 'auto', decided at the first run) */
  get backendInfo(): BackendInfo {
    return this.info;
  }
  private info: BackendInfo;
  /** 'auto' not decided yet, or 'gpu' not started yet */
  private pendingBackend: 'auto' | 'gpu' | null = null;
  private readonly gpuOptions: GpuBackendOptions;
  private readonly view: EngineView;
  private readonly cpu: CpuBackend;
  private gpu: GpuBackend | null = null;
  /** ring-mode projections propagated on the CPU, by source (outgoing, less gathered ones on gpu) */
  private propagating: Projection[][];
  readonly populations: Population<object>[] = [];
  readonly projections: Projection[] = [];
  readonly monitors: Monitor[] = [];
  private readonly rng: Rng;
  private readonly injections: Injection[] = [];
  /** ring-mode projections grouped by source population, for the propagation loop */
  private outgoing: Projection[][] = [];
  /** direct-mode projections, delivered at the start of the arrival step */
  private direct: Projection[] = [];
  /** per population: recent spikes, for direct-mode projections (null if none leave it) */
  private histories: Array<SpikeHistory | null> = [];
  /** projections with a plasticity rule, updated after the kernels (step 4 of the loop) */
  private plastic: Projection[] = [];
  private slotOffsets = new Int32Array(0);
  private k = 0;
  /** total synaptic events delivered since construction */
  events = 0;

  constructor(options: NetworkOptions = {}) {
    const opts = requireObject('options', options, 'Network');
    requireKnownKeys('options', opts, ['dt', 'seed', 'backend', 'gpu', 'semantics'], 'Network');
    this.dt = requirePositive('dt', options.dt ?? 0.1, 'Network', 'ms');
    // --- spinnaker semantics (issue 7) ---
    this.semantics = requireOneOf('semantics', options.semantics ?? 'exact', ['exact', 'spinnaker'] as const, 'Network');
    this.stampOffset = this.semantics === 'spinnaker' ? 0 : 1;
    // --- end spinnaker semantics ---
    this.rng = new Rng(options.seed ?? 1);
    this.seed = this.rng.seed;
    const backend = requireOneOf('backend', options.backend ?? 'cpu', ['cpu', 'gpu', 'auto'] as const, 'Network');
    this.gpuOptions = Network.checkGpuOptions(options.gpu);
    this.view = { dt: this.dt, populations: this.populations, projections: this.projections, direct: this.direct, histories: this.histories, monitors: this.monitors };
    this.cpu = new CpuBackend(this.view);
    this.propagating = this.outgoing;
    if (backend === 'cpu') this.info = { backend: 'cpu', reason: 'requested' };
    else {
      this.pendingBackend = backend;
      this.info =
        backend === 'gpu'
          ? { backend: 'gpu', reason: 'requested (kernels are built at the first runAsync)' }
          : { backend: 'cpu', reason: 'auto: not decided until the first run (cpu unless a hardware WebGPU adapter and a large network)' };
    }
  }

  private static checkGpuOptions(gpu: unknown): GpuBackendOptions {
    if (gpu === undefined) return {};
    const o = requireObject('gpu', gpu, 'Network');
    requireKnownKeys('gpu', o, ['mode', 'gather'], 'Network');
    if (o.mode !== undefined) requireOneOf('gpu.mode', o.mode, GPU_MODES, 'Network');
    const g = o.gather;
    if (g !== undefined && g !== 'none' && g !== 'all' && !(Array.isArray(g) && g.every((x) => typeof x === 'string'))) {
      throw new ParameterError('gpu.gather', g, "'none', 'all' or a list of projection labels", 'Network');
    }
    return o as GpuBackendOptions;
  }

  /**
   * Settles 'auto' and starts the gpu backend (at the first run; again at every
   * runAsync for the gpu, which uploads host state changed between runs).
   */
  private async startBackend(asynchronous: boolean): Promise<void> {
    if (this.pendingBackend === 'auto') {
      const probe = asynchronous ? await probeWebGpu() : { adapter: false, fallback: false, description: 'not probed' };
      const neurons = this.populations.reduce((s, p) => s + p.size, 0);
      const choice = chooseAutoBackend(probe, neurons, asynchronous);
      this.pendingBackend = choice.backend === 'gpu' ? 'gpu' : null;
      this.info = { backend: choice.backend, reason: choice.reason };
    }
    if (this.pendingBackend === 'gpu' || this.gpu !== null) {
      if (this.gpu === null) {
        const { GpuBackend } = await import('../backends/gpu/gpuBackend.js');
        // auto chose gpu on a hardware WebGPU adapter: run webgpu there (never a software one)
        const auto = this.info.reason.startsWith('auto');
        const options = auto && this.gpuOptions.mode === undefined ? { ...this.gpuOptions, mode: 'webgpu' as const } : this.gpuOptions;
        this.gpu = await GpuBackend.create(this.view, options, !auto);
        this.pendingBackend = null;
        this.info = { backend: 'gpu', reason: this.info.reason.replace(' (kernels are built at the first runAsync)', ''), mode: this.gpu.mode };
      }
      await this.gpu.prepare(this.gpuOptions.gather ?? 'none');
      const gathered = this.gpu.gathered;
      this.propagating = this.outgoing.map((list) => list.filter((q) => !gathered.has(q)));
    }
  }


  /** Steps simulated so far. */
  get step(): number {
    return this.k;
  }

  /** Network time, ms. */
  get t(): number {
    return this.k * this.dt;
  }

  /**
   * Adds `size` neurons of `model`.
   *
   * @example net.population(IFCurrExp, 4000, { params: { tauM: 20 }, initial: { v: uniform(-60, -50) }, label: 'P' })
   */
  population<P extends object>(model: NeuronModel<P>, size: number, options: PopulationOptions<P> = {}): Population<P> {
    if (!model || typeof model.createKernel !== 'function') {
      throw new ParameterError('model', model, 'a neuron model such as IFCurrExp or SpikeSourcePoisson', 'Network.population');
    }
    requireInteger('size', size, 'Network.population', 1);
    const opts = requireObject('options', options, 'Network.population');
    requireKnownKeys('options', opts, ['params', 'initial', 'label'], 'Network.population');
    const label = options.label ?? `pop${this.populations.length}`;
    if (this.populations.some((p) => p.label === label)) {
      throw new ParameterError('label', label, 'a label not used by another population', 'Network.population');
    }
    const id = this.populations.length;
    const pop = new Population<P>(id, model, size, { ...options, label }, this.dt, this.rng.fork(`population:${label}`), this.semantics);
    this.populations.push(pop as unknown as Population<object>);
    this.outgoing.push([]);
    this.histories.push(null);
    return pop;
  }

  private own(pop: unknown, name: string, context: string): Population<object> {
    if (!(pop instanceof Population) || !this.populations.includes(pop as Population<object>)) {
      throw new ParameterError(
        name,
        pop instanceof Population ? pop.label : pop,
        `a population of this network (${this.populations.map((p) => `'${p.label}'`).join(', ') || 'none yet'})`,
        context,
      );
    }
    return pop as Population<object>;
  }

  /**
   * Connects `pre` to `post` with a connector; weights, delays and receptor in `options`.
   * Nothing is added if any argument is invalid.
   *
   * @example net.connect(exc, all, fixedProbability(0.02), { weight: 0.081, delay: 0.1, receptor: 'excitatory' })
   */
  connect(pre: Population<object>, post: Population<object>, connector: Connector, options: ProjectionOptions = {}): Projection {
    const context = 'Network.connect';
    const a = this.own(pre, 'pre', context);
    const b = this.own(post, 'post', context);
    if (!connector || typeof connector.build !== 'function') {
      throw new ParameterError('connector', connector, 'a connector such as allToAll(), fixedProbability(p), fromList([...])', context);
    }
    const opts = requireObject('options', options, context);
    requireKnownKeys('options', opts, ['weight', 'delay', 'receptor', 'label', 'plasticity'], context);
    const id = this.projections.length;
    const spinnaker = this.semantics === 'spinnaker';
    const proj = new Projection(id, a, b, connector, options, this.dt, this.rng.fork(`projection:${id}:${a.label}->${b.label}`), this.k, !spinnaker);
    if (spinnaker) spinnakerWeights(proj); // --- spinnaker semantics (issue 7) ---
    this.projections.push(proj);
    if (proj.plasticity !== null) this.plastic.push(proj);
    if (proj.direct) {
      this.direct.push(proj);
      // Spikes of step j are delivered at step j + 1 + delay: keep delay + 1 steps.
      const history = (this.histories[a.id] ??= new SpikeHistory());
      history.ensureDepth(proj.constantDelay + 1);
    } else {
      this.outgoing[a.id].push(proj);
      b.ensureRingSlots(proj.maxDelay + 1, this.k);
    }
    return proj;
  }

  /** Injects a current source into a population (or the given neurons of it). */
  inject(source: CurrentSource, population: Population<object>, indices?: ArrayLike<number>): void {
    const pop = this.own(population, 'population', 'Network.inject');
    if (!source || typeof source.addTo !== 'function') {
      throw new ParameterError('source', source, 'a current source such as DCSource or StepCurrentSource', 'Network.inject');
    }
    if (pop.model.synapseKind === 'none') {
      throw new ParameterError('population', pop.label, 'a population of neurons (not a spike source)', 'Network.inject');
    }
    const targets = subsetIndices(pop, indices, 'Network.inject');
    source.checkGrid?.(this.dt);
    this.injections.push({ source, population: pop, targets, rng: this.rng.fork(`injection:${this.injections.length}`) });
    pop.iExtDirty = true;
  }

  /** Attaches a monitor; it records from the current step on. Returns the monitor. */
  add<M extends Monitor>(monitor: M): M {
    if (!monitor || typeof monitor.attach !== 'function') {
      throw new ParameterError('monitor', monitor, 'a monitor such as SpikeMonitor, StateMonitor or PopulationRateMonitor', 'Network.add');
    }
    this.own(monitor.population, 'monitor.population', 'Network.add');
    monitor.attach(this.dt, this.k);
    this.monitors.push(monitor);
    return monitor;
  }

  /** Rebuilds injected currents of populations whose sources change at step k. */
  private updateCurrents(k: number): void {
    const inj = this.injections;
    for (let s = 0; s < inj.length; s++) {
      if (inj[s].source.changesAt(k, this.dt)) inj[s].population.iExtDirty = true;
    }
    const pops = this.populations;
    for (let p = 0; p < pops.length; p++) {
      const pop = pops[p];
      if (!pop.iExtDirty) continue;
      const iExt = pop.resetIExt();
      for (let s = 0; s < inj.length; s++) {
        const j = inj[s];
        if (j.population === pop) j.source.addTo(k, this.dt, iExt, j.targets, j.rng);
      }
      pop.finishIExt();
      this.gpu?.iExtChanged(pop); // uploaded again only now
    }
  }

  /** One step on the cpu backend; returns the synaptic events it delivered. */
  private advance(): number {
    const k = this.k;
    const monitors = this.monitors;
    this.updateCurrents(k);
    for (let m = 0; m < monitors.length; m++) monitors[m].beforeStep?.(k);
    return this.finishStep(k, this.cpu.integrate(k));
  }

  /** One step on the gpu backend (kernel calls awaited); returns the synaptic events it delivered. */
  private async advanceGpu(gpu: GpuBackend): Promise<number> {
    const k = this.k;
    const monitors = this.monitors;
    this.updateCurrents(k);
    await gpu.syncMonitored();
    for (let m = 0; m < monitors.length; m++) monitors[m].beforeStep?.(k);
    return this.finishStep(k, await gpu.integrate(k));
  }

  /** Steps 4-6 after the backend's integration of step k: plasticity, propagation, recording. */
  private finishStep(k: number, events: number): number {
    const pops = this.populations;
    const monitors = this.monitors;
    const plastic = this.plastic;
    for (let q = 0; q < plastic.length; q++) if (plastic[q].learning) plastic[q].plasticity!.step(k);
    const histories = this.histories;
    for (let p = 0; p < pops.length; p++) {
      const pop = pops[p];
      const count = pop.spikeCount;
      const history = histories[p];
      if (history !== null) history.record(k, pop.spikes, count);
      if (count === 0) continue;
      const out = this.propagating[p];
      for (let q = 0; q < out.length; q++) events += this.propagate(out[q], pop.spikes, count, k);
    }
    for (let m = 0; m < monitors.length; m++) monitors[m].afterStep?.(k);
    this.k = k + 1;
    return events;
  }

  private propagate(proj: Projection, spikes: Uint32Array, count: number, k: number): number {
    const ring = proj.post.ring!;
    const excitatory = proj.receptor === 'excitatory';
    if (proj.delay === null) {
      const slot = (k + this.stampOffset + proj.constantDelay) % ring.slots;
      const view = excitatory ? ring.viewsE[slot] : ring.viewsI[slot];
      return propagateConstantDelay(spikes, count, proj.rowPtr, proj.target, proj.weight, view);
    }
    const offsets = this.slotOffsetsFor(ring, proj.maxDelay, k);
    return propagateHeterogeneousDelay(
      spikes,
      count,
      proj.rowPtr,
      proj.target,
      proj.weight,
      proj.delay,
      excitatory ? ring.bufferE : ring.bufferI,
      offsets,
    );
  }

  /** Offsets of the slots reached after d = 0..maxDelay steps by a spike of step k (reused array). */
  private slotOffsetsFor(ring: InputRing, maxDelay: number, k: number): Int32Array {
    if (this.slotOffsets.length < maxDelay + 1) this.slotOffsets = new Int32Array(maxDelay + 1);
    const off = this.slotOffsets;
    for (let d = 0; d <= maxDelay; d++) off[d] = ((k + this.stampOffset + d) % ring.slots) * ring.stride;
    return off;
  }

  /**
   * Simulates `duration` ms (a whole number of steps) from where the last run stopped.
   * Synchronous: an abort signal is seen only if it is aborted from inside a callback
   * (e.g. onProgress); use {@link runAsync} to let timers and Ctrl-C in while it runs.
   */
  run(duration: number, options: RunOptions = {}): RunResult {
    const steps = this.stepsOf(duration, 'Network.run');
    if (this.pendingBackend === 'auto') void this.startBackend(false); // settles synchronously: auto -> cpu
    if (this.info.backend === 'gpu') {
      throw new StateError(
        `Network.run: this network runs on the gpu backend (${this.info.mode ?? 'gpu.js'}), whose kernel calls are asynchronous; ` +
          'use `await network.runAsync(duration)` instead',
      );
    }
    const opts = requireObject('options', options, 'Network.run');
    requireKnownKeys('options', opts, ['onProgress', 'progressInterval', 'signal'], 'Network.run');
    const { onProgress, signal } = options;
    const interval = options.progressInterval ?? 250;
    const t0 = performance.now();
    let nextReport = t0 + interval;
    let events = 0;
    let done = 0;
    let interrupted = false;
    // Check the clock and the signal only every few steps: both cost more than a small step.
    const checkEvery = 64;
    for (; done < steps; done++) {
      if (done % checkEvery === 0) {
        // Also before the first step: a signal aborted before the call runs nothing.
        if (signal?.aborted) {
          interrupted = true;
          break;
        }
        if (onProgress && done > 0) {
          const now = performance.now();
          if (now >= nextReport) {
            nextReport = now + interval;
            onProgress({ done: done * this.dt, total: steps * this.dt, t: this.t, elapsed: (now - t0) / 1000 });
          }
        }
      }
      events += this.advance();
    }
    if (!interrupted && signal?.aborted && done < steps) interrupted = true;
    const wallTime = (performance.now() - t0) / 1000;
    this.events += events;
    onProgress?.({ done: done * this.dt, total: steps * this.dt, t: this.t, elapsed: wallTime });
    return { steps: done, interrupted, wallTime, events };
  }

  /**
   * Like {@link run}, but gives the event loop a turn about every `sliceMs` of wall time
   * (default 50), so that an abort signal (Ctrl-C, a Stop button) and progress can be
   * handled while a long simulation runs. The spikes are exactly those of `run()`.
   */
  async runAsync(duration: number, options: RunOptions & { readonly sliceMs?: number } = {}): Promise<RunResult> {
    const steps = this.stepsOf(duration, 'Network.runAsync');
    const opts = requireObject('options', options, 'Network.runAsync');
    requireKnownKeys('options', opts, ['onProgress', 'progressInterval', 'signal', 'sliceMs'], 'Network.runAsync');
    const sliceMs = requirePositive('sliceMs', options.sliceMs ?? 50, 'Network.runAsync', 'ms');
    const { onProgress, signal } = options;
    await this.startBackend(true);
    const gpu = this.gpu;
    const t0 = performance.now();
    let done = 0;
    let events = 0;
    let interrupted = false;
    while (done < steps) {
      if (signal?.aborted) {
        interrupted = true;
        break;
      }
      const sliceEnd = performance.now() + sliceMs;
      do {
        const batch = Math.min(64, steps - done);
        if (gpu === null) for (let s = 0; s < batch; s++) events += this.advance();
        else for (let s = 0; s < batch; s++) events += await this.advanceGpu(gpu);
        done += batch;
      } while (done < steps && performance.now() < sliceEnd);
      onProgress?.({ done: done * this.dt, total: steps * this.dt, t: this.t, elapsed: (performance.now() - t0) / 1000 });
      if (done < steps) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    // The host copies of the state (population.get, state monitors) are current after a run.
    if (gpu !== null) await gpu.syncAll();
    const wallTime = (performance.now() - t0) / 1000;
    this.events += events;
    return { steps: done, interrupted, wallTime, events };
  }

  /** Validates a duration (ms) and returns it as whole steps. */
  private stepsOf(duration: number, context: string): number {
    if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
      throw new ParameterError('duration', duration, 'a finite time >= 0 (ms)', context);
    }
    const steps = Math.round(duration / this.dt);
    if (Math.abs(steps * this.dt - duration) > 1e-6 * Math.max(this.dt, duration)) {
      throw new ParameterError('duration', duration, `a whole number of steps of dt = ${this.dt} ms`, context);
    }
    return steps;
  }

  /** Total synapses in all projections. */
  get synapseCount(): number {
    return this.projections.reduce((s, p) => s + p.size, 0);
  }

  /** The population with this label (throws a ParameterError naming the known labels). */
  getPopulation(label: string): Population<object> {
    const pop = this.populations.find((p) => p.label === label);
    if (!pop) {
      throw new ParameterError('label', label, `a population label: ${this.populations.map((p) => `'${p.label}'`).join(', ')}`, 'Network.getPopulation');
    }
    return pop;
  }
}

// --- spinnaker semantics (issue 7) ---
/**
 * sPyNNaker's weight convention: weights are magnitudes, the receptor gives the sign.
 * A projection whose weights are all <= 0 uses their magnitudes (sPyNNaker takes
 * abs()); mixed signs are a ParameterError (sPyNNaker refuses them too).
 */
function spinnakerWeights(proj: Projection): void {
  const w = proj.weight;
  let neg = false;
  let pos = false;
  for (let s = 0; s < w.length; s++) {
    if (w[s] < 0) neg = true;
    else if (w[s] > 0) pos = true;
  }
  if (neg && pos) {
    throw new ParameterError('weight', 'weights of both signs', "weights of one sign under semantics 'spinnaker'", `projection '${proj.label}'`,
      'the receptor (excitatory/inhibitory) gives the sign; split the projection');
  }
  if (neg) for (let s = 0; s < w.length; s++) w[s] = -w[s];
}
// --- end spinnaker semantics ---
