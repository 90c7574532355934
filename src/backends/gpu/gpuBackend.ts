/**
 * The gpu backend: every neuron population whose model has a device form
 * (`kernels/index.ts`) advances on gpu.js kernels, its state resident on the device
 * between steps (two kernel sets used in turn, ping-pong, so no kernel reads its own
 * output); each step reads back one array per population (`rs`: refractoriness and the
 * spike flag) to list the spikes for propagation, plasticity and monitors. State
 * variables come back only for populations a state-sampling monitor watches, and after
 * each run. Spike sources (Poisson, arrays) stay on the CPU: they draw from the seeded
 * Rng. Chosen static single-delay projections deliver by an ELL gather on the device
 * (`ell.ts`); all others keep the CPU's event-driven delivery into a host input that is
 * uploaded each step.
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
import { buildEll, ellGather } from './ell.js';
import { loadGpuJs, readRows, resolveMode, type DeviceKernelFn, type DeviceValue, type GpuInstance, type GpuJsModule } from './gpuJs.js';
import { GPU_MODELS } from './kernels/index.js';
import { bindingCount, type GpuModelSpec } from './kernels/spec.js';

/** Storage buffers one kernel may bind (WebGPU's default per-stage limit, which gpu.js requests). */
export const MAX_BINDINGS = 8;

/** A projection gathered on the device. */
interface Gather {
  readonly proj: Projection;
  readonly kernel: DeviceKernelFn;
}

/** A population on the device. */
interface DevicePop {
  readonly pop: Population<object>;
  readonly spec: GpuModelSpec;
  /** constants the kernels were built with (JSON), to rebuild when parameters change */
  readonly key: string;
  /** kernels per variable, two sets used in turn */
  readonly sets: readonly [DeviceKernelFn[], DeviceKernelFn[]];
  /** current device value per variable */
  values: DeviceValue[];
  /** host copies of 'aux' variables (by index in spec.vars) */
  readonly aux: Map<number, Float32Array>;
  /** host input [2][N] (row 0 excitatory, 1 inhibitory) and its gpu.js Input view */
  readonly staging: Float32Array;
  readonly input: unknown;
  gathers: Gather[];
}

/** Spike flags of recent steps of one source population (for gathers). */
interface FlagHistory {
  readonly depth: number;
  readonly flags: Float32Array[];
  /** step recorded in each slot (-1: none) */
  readonly stepOf: Int32Array;
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
  private readonly flagHistory = new Map<Population<object>, FlagHistory>();
  private monitored: DevicePop[] = [];
  private set = 0;

  private constructor(view: EngineView, gpujs: GpuJsModule, mode: GpuMode) {
    this.view = view;
    this.gpujs = gpujs;
    this.mode = mode;
    this.gpu = new gpujs.GPU({ mode });
  }

  /** Loads gpu.js and picks the mode (`options.mode`, else Node webasm, browser webgpu or webgl2). */
  static async create(view: EngineView, options: GpuBackendOptions = {}): Promise<GpuBackend> {
    const gpujs = await loadGpuJs();
    const mode = await resolveMode(options.mode, gpujs);
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
      const spec = GPU_MODELS[pop.model.name];
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
    const constants = spec.constants(pop.params as unknown as Record<string, number>, this.dtOf(pop));
    const makeSet = (): DeviceKernelFn[] =>
      spec.vars.map((v) => {
        const k = spec.kernels[v.name];
        const settings = {
          output: v.kind === 'pair' ? [n, 2] : [n],
          constants: { ...constants, out: k.out },
          pipeline: true,
          immutable: false,
          tactic: 'precision' as const,
          ...(spec.loopMaxIterations > 0 ? { loopMaxIterations: spec.loopMaxIterations } : {}),
        };
        const kernel = this.gpu.createKernel(k.fn as (...args: never[]) => number, settings);
        for (const h of spec.helpers ?? []) kernel.addFunction(h);
        return kernel;
      });
    const aux = old?.aux ?? new Map<number, Float32Array>();
    spec.vars.forEach((v, i) => {
      if (v.kind === 'aux' && !aux.has(i)) aux.set(i, new Float32Array(n).fill(v.init!(pop.params as unknown as Record<string, number>, this.dtOf(pop))));
    });
    const staging = new Float32Array(2 * n);
    return {
      pop,
      spec,
      key,
      sets: [makeSet(), makeSet()],
      values: [],
      aux,
      staging,
      input: new this.gpujs.Input(staging, [n, 2]),
      gathers: [],
    };
  }

  /** Host state -> device (through identity kernels, so every kernel always gets device values). */
  private async upload(dev: DevicePop): Promise<void> {
    const n = dev.pop.size;
    const id1 = this.gpu.createKernel(function (this: { thread: { x: number } }, a: ArrayLike<number>): number {
      return a[this.thread.x];
    }, { output: [n], pipeline: true, immutable: true });
    const id2 = this.gpu.createKernel(function (this: { thread: { x: number; y: number } }, a: ArrayLike<ArrayLike<number>>): number {
      return a[this.thread.y][this.thread.x];
    }, { output: [n, 2], pipeline: true, immutable: true });
    const pop = dev.pop;
    const values: DeviceValue[] = [];
    for (let i = 0; i < dev.spec.vars.length; i++) {
      const v = dev.spec.vars[i];
      if (v.kind === 'state') values.push(await id1(pop.state[v.host![0]]));
      else if (v.kind === 'pair') {
        const flat = new Float32Array(2 * n);
        flat.set(pop.state[v.host![0]]);
        flat.set(pop.state[v.host![1]], n);
        values.push(await id2(new this.gpujs.Input(flat, [n, 2])));
      } else if (v.kind === 'rs') values.push(await id1(Float32Array.from(pop.refractory)));
      else values.push(await id1(dev.aux.get(i)!));
    }
    dev.values = values;
  }

  private buildGathers(gather: GpuBackendOptions['gather']): void {
    for (const dev of this.devices.values()) {
      for (const g of dev.gathers) g.kernel.destroy?.();
      dev.gathers = [];
    }
    this.gathered.clear();
    if (gather === undefined || gather === 'none') return;
    const wanted = gather === 'all' ? null : new Set(gather);
    for (const proj of this.view.projections) {
      if (wanted !== null && !wanted.has(proj.label)) continue;
      const dev = this.devices.get(proj.post);
      const why =
        proj.plasticity !== null ? 'it is plastic' : proj.delay !== null ? 'its delays differ' : dev === undefined ? 'its target is not updated on the device' : '';
      if (why !== '') {
        if (wanted !== null) throw new ParameterError('gpu.gather', proj.label, 'static single-delay projections into neuron populations', 'Network', `projection '${proj.label}' cannot be gathered: ${why}`);
        continue;
      }
      const ell = buildEll(proj);
      const kernel = this.gpu.createKernel(ellGather as unknown as (...args: never[]) => number, {
        output: [proj.post.size, 2],
        constants: {
          K: ell.k,
          row: proj.receptor === 'excitatory' ? 0 : 1,
          src: new this.gpujs.Input(ell.src, [ell.k, ell.rows]),
          w: new this.gpujs.Input(ell.weight, [ell.k, ell.rows]),
        },
        pipeline: true,
        immutable: false,
        loopMaxIterations: Math.max(1000, ell.k + 1),
      });
      dev!.gathers.push({ proj, kernel });
      this.gathered.add(proj);
      const depth = proj.constantDelay + 2;
      const old = this.flagHistory.get(proj.pre);
      if (old === undefined || old.depth < depth) {
        this.flagHistory.set(proj.pre, {
          depth,
          flags: Array.from({ length: depth }, () => new Float32Array(proj.pre.size)),
          stepOf: new Int32Array(depth).fill(-1),
        });
      }
    }
    if (wanted !== null) {
      for (const label of wanted) {
        if (!this.view.projections.some((p) => p.label === label)) {
          throw new ParameterError('gpu.gather', label, `a projection label: ${this.view.projections.map((p) => `'${p.label}'`).join(', ')}`, 'Network');
        }
      }
    }
  }

  /** Steps 3-4 of the loop for step k (see StepBackend). */
  async integrate(k: number): Promise<number> {
    let events = this.stageInputs(k);
    const set = this.set;
    this.set = 1 - set;
    for (const pop of this.view.populations) {
      const dev = this.devices.get(pop);
      if (dev === undefined) {
        pop.spikeCount = pop.kernel.step(k, null, null);
        continue;
      }
      let input: unknown = dev.input;
      for (const g of dev.gathers) {
        const j = k - 1 - g.proj.constantDelay;
        const hist = this.flagHistory.get(g.proj.pre)!;
        const slot = j >= 0 ? j % hist.depth : 0;
        if (j < g.proj.sinceStep || hist.stepOf[slot] !== j) {
          input = await g.kernel(input, hist.flags[(k + 1) % hist.depth].fill(0));
          continue;
        }
        input = await g.kernel(input, hist.flags[slot]);
        events += this.gatherEvents(g.proj, j);
      }
      const args = [...dev.values, pop.iExt, input];
      const kernels = dev.sets[set];
      const next: DeviceValue[] = [];
      for (let i = 0; i < kernels.length; i++) next.push(await kernels[i](...args));
      dev.values = next;
      const rsIndex = dev.spec.vars.findIndex((v) => v.kind === 'rs');
      const rs = (await readRows(next[rsIndex]))[0];
      const spikes = pop.spikes;
      let count = 0;
      for (let i = 0; i < rs.length; i++) if (rs[i] < 0) spikes[count++] = i;
      pop.spikeCount = count;
    }
    this.recordFlags(k);
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
      const j = k - 1 - proj.constantDelay;
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

  /** Synaptic events a gathered projection delivers from the spikes of step j (for the events count). */
  private gatherEvents(proj: Projection, j: number): number {
    const hist = this.flagHistory.get(proj.pre)!;
    const flags = hist.flags[j % hist.depth];
    let events = 0;
    for (let i = 0; i < flags.length; i++) if (flags[i] > 0) events += proj.rowPtr[i + 1] - proj.rowPtr[i];
    return events;
  }

  private recordFlags(k: number): void {
    for (const [pop, hist] of this.flagHistory) {
      const slot = k % hist.depth;
      const flags = hist.flags[slot];
      flags.fill(0);
      for (let s = 0; s < pop.spikeCount; s++) flags[pop.spikes[s]] = 1;
      hist.stepOf[slot] = k;
    }
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
    for (let i = 0; i < dev.spec.vars.length; i++) {
      const v = dev.spec.vars[i];
      const rows = await readRows(dev.values[i]);
      if (v.kind === 'state') pop.state[v.host![0]].set(rows[0]);
      else if (v.kind === 'pair') {
        pop.state[v.host![0]].set(rows[0]);
        pop.state[v.host![1]].set(rows[1]);
      } else if (v.kind === 'rs') {
        const r = pop.refractory;
        const a = rows[0];
        for (let x = 0; x < a.length; x++) r[x] = a[x] < 0 ? -a[x] - 1 : a[x];
      } else dev.aux.get(i)!.set(rows[0]);
    }
  }
}
