/**
 * The gpu backend: every neuron population whose model has a device form
 * (`kernels/index.ts`) advances on one gpu.js kernel per step over its packed [R][N]
 * state, resident on the device between steps (two instances of the kernel used in
 * turn, ping-pong, so no kernel reads its own output). In the resident modes (GL, webgpu)
 * each step a pack kernel writes the population's spike flags 16 to a float
 * (`spikePack.ts`) and only those words come back (webasm and cpu return host arrays,
 * whose rs row is read in place),
 * for propagation, plasticity and monitors; the host state variables are refreshed from
 * the device only for populations a state-sampling monitor watches, and after each run.
 * The packed words of the last few steps stay on the device (one pack kernel instance
 * per kept step, used in turn), so chosen static single-delay projections deliver by an
 * ELL gather on the device (`ell.ts`) that reads its source's words of the step the
 * delay points to: no flags are uploaded. Spike sources (Poisson, arrays) stay on the
 * CPU (they draw from the seeded Rng); gathers from them upload the packed words (N/16
 * floats). All other projections keep the CPU's event-driven delivery into a host input
 * uploaded each step. The injected current iExt is uploaded only when it changes (GL,
 * webgpu).
 *
 * Kernel calls are awaited (webgpu returns Promises), so the network runs it through
 * `runAsync`. Parameters are kernel constants, which gpu.js freezes at the first call:
 * `prepare()` (every runAsync) rebuilds the kernels of a population whose constants
 * changed, and uploads the host state, so changes made between runs take effect.
 */
import { ParameterError } from '../../core/errors.js';
import type { Population } from '../../engine/population.js';
import type { Projection } from '../../engine/projection.js';
import type { EngineView, GpuBackendOptions, GpuMode, StepBackend } from '../backend.js';
import { SpikeQueue } from '../../synapses/plasticity/spikeQueue.js';
import { BIT_VALUES, buildEll, ellGather, ellGatherPacked } from './ell.js';
import { loadGpuJs, readRows, resolveMode, type DeviceKernelFn, type DeviceValue, type GpuInstance, type GpuJsModule } from './gpuJs.js';
import { GPU_MODELS, GPU_SPINNAKER_MODELS } from './kernels/index.js';
import { SPIKE_BITS, packSpikeList, packSpikes, unpackSpikes } from './spikePack.js';
import { bindingCount, rsRow, type GpuModelSpec } from './kernels/spec.js';

/** Largest source population a gather reads: its indices travel as f32, exact up to 2^24. */
export const MAX_GATHER_SOURCES = 2 ** 24;

/** Storage buffers one kernel may bind (WebGPU's default per-stage limit, which gpu.js requests). */
export const MAX_BINDINGS = 8;

/** A projection gathered on the device. */
interface Gather {
  readonly proj: Projection;
  readonly kernel: DeviceKernelFn;
  /** the source's device population, whose packed spike words stay on the device; null: a CPU source (words packed on the host) */
  readonly source: DevicePop | null;
}

/** A population on the device. */
interface DevicePop {
  readonly pop: Population<object>;
  readonly spec: GpuModelSpec;
  /** constants the kernels were built with (JSON), to rebuild when parameters change */
  readonly key: string;
  /** the step kernel, two instances used in turn */
  readonly kernels: readonly [DeviceKernelFn, DeviceKernelFn];
  /** the packed state [R][N] on the device (after the last step) */
  state: DeviceValue;
  /** the row of refractoriness / spike flags */
  readonly rs: number;
  /**
   * pack kernel instances used in turn (step k: instance k mod length), so the words of the
   * last steps stay on the device for gathers; none in webasm and cpu, whose state is a host array
   */
  packs: DeviceKernelFn[];
  /** the output of each pack instance (packed spike words of step packedStep[slot]) */
  packed: DeviceValue[];
  packedStep: number[];
  /** uploads host-packed words where the device has none for a step (resident modes, made when first needed) */
  wordsUpload: DeviceKernelFn | null;
  /** host copies of 'aux' rows (by row index) */
  readonly aux: Map<number, Float32Array>;
  /** host input [2][N] (row 0 excitatory, 1 inhibitory) and its gpu.js Input view */
  readonly staging: Float32Array;
  readonly input: unknown;
  /** iExt as the kernel gets it: on the device (GL, webgpu) or the host array */
  iExt: DeviceValue;
  /** iExt must be uploaded again before the next step */
  iExtStale: boolean;
  /** the host iExt array last uploaded (it moves when the population grows) */
  iExtHost: Float32Array | null;
  /** uploads iExt (GL, webgpu) */
  readonly iExtUpload: DeviceKernelFn | null;
  /**
   * uploads the host input first when gathers follow (GL, webgpu): a GL kernel keeps
   * the argument types of its first call, and a skipped gather would otherwise hand the
   * next kernel the host input instead of a texture
   */
  inputUpload: DeviceKernelFn | null;
  gathers: Gather[];
}


/** The gpu backend (see the module comment). Create with {@link GpuBackend.create}. */
export class GpuBackend implements StepBackend {
  readonly name = 'gpu' as const;
  readonly synchronous = false;
  /** the gpu.js mode in use */
  readonly mode: GpuMode;
  /** projections delivered by a gather on the device (the network skips them in propagation) */
  readonly gathered = new Set<Projection>();
  private readonly view: EngineView;
  private readonly gpu: GpuInstance;
  private readonly gpujs: GpuJsModule;
  private readonly devices = new Map<Population<object>, DevicePop>();
  /** recent spikes of the sources of gathers (events counted on the host, skipped steps) */
  private readonly spikeHistory = new Map<Population<object>, SpikeQueue>();
  /** packed words of CPU sources of gathers (host scratch, uploaded with the gather call) */
  private readonly hostPacked = new Map<Population<object>, Float32Array>();
  /** spike flags of sources of gathers in the non-resident modes (webasm, cpu) */
  private readonly hostFlags = new Map<Population<object>, Float32Array>();
  private monitored: DevicePop[] = [];
  /** the last step integrated (-1: none yet) */
  private lastStep = -1;
  private set = 0;
  /** kernel outputs stay on the device (GL textures, webgpu buffers); cpu and webasm return host arrays */
  private readonly resident: boolean;

  private constructor(view: EngineView, gpujs: GpuJsModule, mode: GpuMode) {
    this.view = view;
    this.gpujs = gpujs;
    this.mode = mode;
    this.gpu = new gpujs.GPU({ mode });
    this.resident = mode === 'webgl2' || mode === 'webgl' || mode === 'webgpu' || mode === 'headlessgl';
  }

  /**
   * Loads gpu.js and picks the mode (`options.mode`, else Node webasm, browser webgpu or
   * webgl2). `allowSoftware`: whether Node's webgpu mode may run on Dawn's software
   * (llvmpipe) adapter (yes when asked for explicitly, not for `auto`).
   */
  static async create(view: EngineView, options: GpuBackendOptions = {}, allowSoftware = true): Promise<GpuBackend> {
    const gpujs = await loadGpuJs();
    const mode = await resolveMode(options.mode, gpujs, allowSoftware);
    return new GpuBackend(view, gpujs, mode);
  }

  /** 'gpu:webasm', 'gpu:webgpu', ... */
  get label(): string {
    return `gpu:${this.mode}`;
  }

  /**
   * Before a run: builds kernels for new populations (or changed parameters), the
   * gathers of the chosen projections, and uploads every population's host state.
   */
  async prepare(gather: GpuBackendOptions['gather'] = 'none'): Promise<void> {
    for (const pop of this.view.populations) {
      const spec = (pop.semantics === 'spinnaker' ? GPU_SPINNAKER_MODELS : GPU_MODELS)[pop.model.name];
      if (spec === undefined) continue; // spike sources: cpu kernel
      const params = pop.params as unknown as Record<string, number>;
      const key = JSON.stringify(spec.constants(params, this.dtOf(pop)));
      let dev = this.devices.get(pop);
      if (dev === undefined || dev.key !== key) {
        dev = this.build(pop, spec, key, dev);
        this.devices.set(pop, dev);
      }
      await this.upload(dev);
    }
    this.buildGathers(gather);
    this.monitored = [...new Set(this.view.monitors.filter((m) => m.beforeStep !== undefined).map((m) => this.devices.get(m.population)))].filter(
      (d): d is DevicePop => d !== undefined,
    );
  }

  private dtOf(_pop: Population<object>): number {
    return this.view.dt;
  }

  private build(pop: Population<object>, spec: GpuModelSpec, key: string, old: DevicePop | undefined): DevicePop {
    if (bindingCount(spec) > MAX_BINDINGS) {
      throw new ParameterError('model', spec.model, `a device form binding at most ${MAX_BINDINGS} storage buffers (it binds ${bindingCount(spec)})`, 'GpuBackend');
    }
    const n = pop.size;
    const params = pop.params as unknown as Record<string, number>;
    const constants = spec.constants(params, this.dtOf(pop));
    const make = (): DeviceKernelFn => {
      const kernel = this.gpu.createKernel(spec.kernel as unknown as (...args: never[]) => number, {
        output: [n, spec.rows.length],
        constants,
        pipeline: true,
        immutable: false,
        tactic: 'precision',
        ...(spec.loopMaxIterations > 0 ? { loopMaxIterations: spec.loopMaxIterations } : {}),
      });
      for (const h of spec.helpers ?? []) kernel.addFunction(h);
      return kernel;
    };
    if (old !== undefined) {
      for (const k of old.kernels) k.destroy?.();
      old.iExtUpload?.destroy?.();
      for (const k of old.packs) k.destroy?.();
      old.wordsUpload?.destroy?.();
    }
    const aux = old?.aux ?? new Map<number, Float32Array>();
    spec.rows.forEach((r, i) => {
      if (r.kind === 'aux' && !aux.has(i)) aux.set(i, new Float32Array(n).fill(r.init!(params, this.dtOf(pop))));
    });
    const staging = new Float32Array(2 * n);
    return {
      pop,
      spec,
      key,
      kernels: [make(), make()],
      state: null,
      rs: rsRow(spec),
      packs: this.resident ? [this.packKernel(n, rsRow(spec))] : [],
      packed: this.resident ? [null] : [],
      packedStep: this.resident ? [-1] : [],
      wordsUpload: null,
      aux,
      staging,
      input: new this.gpujs.Input(staging, [n, 2]),
      iExt: null,
      iExtStale: true,
      iExtHost: null,
      iExtUpload: this.resident ? this.identity1(n, false) : null,
      inputUpload: null,
      gathers: [],
    };
  }

  /** A pack kernel (spikePack.ts) for a population of n neurons whose rs row is `rs`. */
  private packKernel(n: number, rs: number): DeviceKernelFn {
    return this.gpu.createKernel(packSpikes as unknown as (...args: never[]) => number, {
      output: [Math.ceil(n / SPIKE_BITS)],
      constants: { N: n, rs },
      pipeline: true,
      immutable: false,
    });
  }

  /** A kernel that copies a host [N] array to the device. */
  private identity1(n: number, immutable: boolean): DeviceKernelFn {
    return this.gpu.createKernel(function (this: { thread: { x: number } }, a: ArrayLike<number>): number {
      return a[this.thread.x];
    }, { output: [n], pipeline: true, immutable });
  }

  /** Host state -> device: the rows packed into one [R][N] array, through an identity kernel. */
  private async upload(dev: DevicePop): Promise<void> {
    const n = dev.pop.size;
    const rows = dev.spec.rows;
    const pack = this.gpu.createKernel(function (this: { thread: { x: number; y: number } }, a: ArrayLike<ArrayLike<number>>): number {
      return a[this.thread.y][this.thread.x];
    }, { output: [n, rows.length], pipeline: true, immutable: true });
    const pop = dev.pop;
    const flat = new Float32Array(rows.length * n);
    rows.forEach((r, i) => {
      if (r.kind === 'state') flat.set(pop.state[r.host!], i * n);
      else if (r.kind === 'rs') {
        flat.set(pop.refractory, i * n);
        // the spike flags of the last step, which gathers read (-(R + 1), as the kernel writes)
        for (let q = 0; q < pop.spikeCount; q++) flat[i * n + pop.spikes[q]] = -flat[i * n + pop.spikes[q]] - 1;
      }
      else flat.set(dev.aux.get(i)!, i * n);
    });
    dev.state = await pack(new this.gpujs.Input(flat, [n, rows.length]));
    dev.iExtStale = true;
  }

  /** Marks a population's iExt as rebuilt (the network calls it after current sources change it). */
  iExtChanged(pop: Population<object>): void {
    const dev = this.devices.get(pop);
    if (dev !== undefined) dev.iExtStale = true;
  }

  /** iExt as the kernel takes it, uploaded again only when it changed. */
  private async iExtOf(dev: DevicePop): Promise<DeviceValue> {
    const host = dev.pop.iExt;
    if (dev.iExtUpload === null) return host;
    if (dev.iExtStale || host !== dev.iExtHost) {
      dev.iExt = await dev.iExtUpload(host);
      dev.iExtHost = host;
      dev.iExtStale = false;
    }
    return dev.iExt;
  }

  private buildGathers(gather: GpuBackendOptions['gather']): void {
    for (const dev of this.devices.values()) {
      for (const g of dev.gathers) g.kernel.destroy?.();
      dev.gathers = [];
      dev.inputUpload?.destroy?.();
      dev.inputUpload = null;
    }
    this.gathered.clear();
    if (gather === undefined || gather === 'none') return;
    const wanted = gather === 'all' ? null : new Set(gather);
    if (wanted !== null) {
      for (const label of wanted) {
        if (!this.view.projections.some((p) => p.label === label)) {
          throw new ParameterError('gpu.gather', label, `a projection label: ${this.view.projections.map((p) => `'${p.label}'`).join(', ')}`, 'Network');
        }
      }
    }
    for (const proj of this.view.projections) {
      if (wanted !== null && !wanted.has(proj.label)) continue;
      const dev = this.devices.get(proj.post);
      const why =
        proj.plasticity !== null
          ? 'it is plastic'
          : proj.delay !== null
            ? 'its delays differ'
            : dev === undefined
              ? 'its target is not updated on the device'
              : proj.pre.size > MAX_GATHER_SOURCES
                ? `its source has more than 2^24 neurons (${proj.pre.size}): source indices are f32 on the device`
                : '';
      if (why !== '') {
        if (wanted !== null) throw new ParameterError('gpu.gather', proj.label, 'static single-delay projections into neuron populations', 'Network', `projection '${proj.label}' cannot be gathered: ${why}`);
        continue;
      }
      const ell = buildEll(proj);
      const source = this.devices.get(proj.pre) ?? null;
      // resident modes read packed words (on the device, or uploaded 16 to a float); webasm and cpu read host flags in place
      const kernel = this.gpu.createKernel((this.resident ? ellGatherPacked : ellGather) as unknown as (...args: never[]) => number, {
        output: [proj.post.size, 2],
        constants: {
          K: ell.k,
          row: proj.receptor === 'excitatory' ? 0 : 1,
          src: new this.gpujs.Input(ell.src, [ell.k, ell.rows]),
          w: new this.gpujs.Input(ell.weight, [ell.k, ell.rows]),
          ...(this.resident ? { bits: BIT_VALUES } : {}),
        },
        pipeline: true,
        immutable: false,
        loopMaxIterations: Math.max(1000, ell.k + 1),
      });
      dev!.gathers.push({ proj, kernel, source });
      if (this.resident) {
        dev!.inputUpload ??= this.gpu.createKernel(function (this: { thread: { x: number; y: number } }, a: ArrayLike<ArrayLike<number>>): number {
          return a[this.thread.y][this.thread.x];
        }, { output: [proj.post.size, 2], pipeline: true, immutable: false });
      }
      this.gathered.add(proj);
      // The spikes of step k - 1 - d are read at step k: keep d + 1 steps of the source's
      // spikes on the host, and d + 2 of its packed words on the device (the source may
      // write step k's words before the target gathers).
      const d = proj.constantDelay;
      const queue = this.spikeHistory.get(proj.pre);
      if (queue === undefined || queue.depth < d + 2) {
        const q = new SpikeQueue(d + 1);
        // keep what the shorter history holds (a run continued with a longer delay)
        if (queue !== undefined) {
          for (let j = this.lastStep - queue.depth + 1; j <= this.lastStep; j++) q.record(j, queue.spikesOf(j), queue.countOf(j));
        }
        this.spikeHistory.set(proj.pre, q);
      }
      if (source !== null && this.resident) {
        while (source.packs.length < d + 2) {
          source.packs.push(this.packKernel(source.pop.size, source.rs));
          source.packed.push(null);
          source.packedStep.push(-1);
        }
      }
    }
  }

  /** Steps 3-4 of the loop for step k (see StepBackend). */
  async integrate(k: number): Promise<number> {
    let events = this.stageInputs(k);
    const set = this.set;
    this.set = 1 - set;
    const pops = this.view.populations;
    for (let p = 0; p < pops.length; p++) {
      const pop = pops[p];
      const dev = this.devices.get(pop);
      if (dev === undefined) {
        pop.spikeCount = pop.kernel.step(k, null, null);
        continue;
      }
      let input: unknown = dev.inputUpload !== null ? await dev.inputUpload(dev.input) : dev.input;
      for (const g of dev.gathers) {
        // the spikes of step j arrive now: j + stampOffset + d = k (offset 1 exact, 0 spinnaker)
        const j = k - g.proj.pre.stampOffset - g.proj.constantDelay;
        if (j < g.proj.sinceStep) continue;
        const hist = this.spikeHistory.get(g.proj.pre)!;
        const count = hist.countOf(j);
        if (count === 0) continue; // nothing arrives: skip the call
        const spikes = hist.spikesOf(j);
        events += this.eventsOf(g.proj, spikes, count);
        if (!this.resident) {
          // webasm / cpu: the kernel reads host arrays in place, so plain flags cost no upload
          // and fewer operations per synapse than unpacking words
          const flags = this.hostFlagsFor(g.proj.pre);
          for (let q = 0; q < count; q++) flags[spikes[q]] = 1;
          input = await g.kernel(input, flags);
          for (let q = 0; q < count; q++) flags[spikes[q]] = 0;
          continue;
        }
        const src = g.source;
        const slot = src === null ? -1 : j % src.packs.length;
        // The source's words of step j on the device; packed on the host where they are not
        // (a CPU source, or steps from before the device history was (re)built).
        let words: DeviceValue;
        if (src !== null && src.packedStep[slot] === j) words = src.packed[slot];
        else {
          words = packSpikeList(spikes, count, this.hostPackedFor(g.proj.pre));
          // a GL kernel keeps the argument types of its first call: a device source's words go in as a texture
          if (src !== null) words = await this.wordsUploadFor(src)(words);
        }
        input = await g.kernel(input, words);
      }
      dev.state = await dev.kernels[set](dev.state, await this.iExtOf(dev), input);
      if (this.resident) {
        const slot = k % dev.packs.length;
        const out = await dev.packs[slot](dev.state);
        dev.packed[slot] = out;
        dev.packedStep[slot] = k;
        pop.spikeCount = unpackSpikes((await readRows(out))[0], pop.spikes);
      } else {
        // webasm / cpu: the state is a host array; list the spikes from its rs row in place
        const rs = (await readRows(dev.state))[dev.rs];
        const spikes = pop.spikes;
        let count = 0;
        for (let i = 0; i < rs.length; i++) if (rs[i] < 0) spikes[count++] = i;
        pop.spikeCount = count;
      }
    }
    for (const [pop, queue] of this.spikeHistory) queue.record(k, pop.spikes, pop.spikeCount);
    this.lastStep = k;
    return events;
  }

  /** The kernel that uploads host-packed words of a device population (resident modes). */
  private wordsUploadFor(dev: DevicePop): DeviceKernelFn {
    dev.wordsUpload ??= this.identity1(Math.ceil(dev.pop.size / SPIKE_BITS), false);
    return dev.wordsUpload;
  }

  /** The host spike flags of a source (all 0 between gather calls). */
  private hostFlagsFor(pop: Population<object>): Float32Array {
    let out = this.hostFlags.get(pop);
    if (out === undefined) {
      out = new Float32Array(pop.size);
      this.hostFlags.set(pop, out);
    }
    return out;
  }

  /** The host scratch for a source's packed words. */
  private hostPackedFor(pop: Population<object>): Float32Array {
    let out = this.hostPacked.get(pop);
    if (out === undefined) {
      out = new Float32Array(Math.ceil(pop.size / SPIKE_BITS));
      this.hostPacked.set(pop, out);
    }
    return out;
  }

  /** Synaptic events a projection delivers from these spikes. */
  private eventsOf(proj: Projection, spikes: Uint32Array, count: number): number {
    let events = 0;
    for (let s = 0; s < count; s++) events += proj.rowPtr[spikes[s] + 1] - proj.rowPtr[spikes[s]];
    return events;
  }

  /** Fills each device population's host input: ring slot k plus direct-mode weights. */
  private stageInputs(k: number): number {
    for (const dev of this.devices.values()) {
      const n = dev.pop.size;
      const ring = dev.pop.ring;
      if (ring) {
        const slot = k % ring.slots;
        dev.staging.set(ring.viewsE[slot]);
        dev.staging.set(ring.viewsI[slot], n);
        ring.viewsE[slot].fill(0);
        ring.viewsI[slot].fill(0);
      } else dev.staging.fill(0);
    }
    let events = 0;
    for (const proj of this.view.direct) {
      if (this.gathered.has(proj)) continue;
      const j = k - proj.pre.stampOffset - proj.constantDelay;
      if (j < proj.sinceStep) continue;
      const history = this.view.histories[proj.pre.id]!;
      const count = history.countOf(j);
      if (count === 0) continue;
      const dev = this.devices.get(proj.post);
      if (dev === undefined) continue;
      const out = dev.staging;
      const off = proj.receptor === 'excitatory' ? 0 : proj.post.size;
      const spikes = history.spikesOf(j);
      const { rowPtr, target, weight } = proj;
      for (let s = 0; s < count; s++) {
        const i = spikes[s];
        const end = rowPtr[i + 1];
        events += end - rowPtr[i];
        for (let q = rowPtr[i]; q < end; q++) out[off + target[q]] += weight[q];
      }
    }
    return events;
  }

  /** Reads back the state of populations a state-sampling monitor watches. */
  async syncMonitored(): Promise<void> {
    for (const dev of this.monitored) await this.download(dev);
  }

  /** Reads back every device population's state into the host arrays. */
  async syncAll(): Promise<void> {
    for (const dev of this.devices.values()) await this.download(dev);
  }

  private async download(dev: DevicePop): Promise<void> {
    const pop = dev.pop;
    const rows = await readRows(dev.state);
    dev.spec.rows.forEach((r, i) => {
      if (r.kind === 'state') pop.state[r.host!].set(rows[i]);
      else if (r.kind === 'rs') {
        const ref = pop.refractory;
        const a = rows[i];
        for (let x = 0; x < a.length; x++) ref[x] = a[x] < 0 ? -a[x] - 1 : a[x];
      } else dev.aux.get(i)!.set(rows[i]);
    });
  }
}
