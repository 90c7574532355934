/**
 * The backend contract: what the network loop hands to a backend each step, and how a
 * backend is chosen.
 *
 * The loop (see `engine/network.ts`) keeps the event-driven parts on the CPU for every
 * backend: current sources, monitors, plasticity and spike propagation into the delay
 * rings. A backend does the dense part of step k, steps 3-4 of the loop:
 *
 *   deliver the input that arrives at step k (direct-mode projections, ring slot k,
 *   and on gpu the ELL gathers of chosen projections), advance every population by one
 *   step, and leave each population's spike list (`spikes`, `spikeCount`) for step k.
 *
 * - `cpu` ({@link CpuBackend}, the reference and default) calls each model's kernel on
 *   the population's typed arrays; synchronous.
 * - `gpu` (`backends/gpu/gpuBackend.ts`) runs the same arithmetic on gpu.js kernels with
 *   the state resident on the device and reads back only the spike flags and what
 *   monitors sample; kernel calls are awaited, so a gpu network runs with
 *   `network.runAsync()` (its `run()` throws a StateError that says so).
 */
import type { Monitor } from '../engine/monitor.js';
import type { Population } from '../engine/population.js';
import type { Projection } from '../engine/projection.js';
import type { SpikeHistory } from '../engine/spikeHistory.js';

/** gpu.js modes the gpu backend can run in (`webasm` and `cpu` work everywhere). */
export type GpuMode = 'webasm' | 'cpu' | 'webgl2' | 'webgl' | 'webgpu' | 'headlessgl';

/** Every gpu mode, for validation. */
export const GPU_MODES: readonly GpuMode[] = ['webasm', 'cpu', 'webgl2', 'webgl', 'webgpu', 'headlessgl'];

/** Options of the gpu backend: `new Network({ backend: 'gpu', gpu: { ... } })`. */
export interface GpuBackendOptions {
  /**
   * gpu.js mode. Default: `webasm` in Node; in a browser `webgpu` when an adapter
   * answers, else `webgl2`.
   */
  readonly mode?: GpuMode;
  /**
   * Projections whose synaptic input is computed on the device as a gather over a
   * fixed in-degree (ELL) layout instead of the event-driven CPU scatter: 'none'
   * (default), 'all' (every eligible one) or a list of projection labels. Eligible:
   * static (no plasticity), one delay for all synapses, target updated on the device.
   * The gather costs O(synapses) per step whatever the activity, so it pays only on a
   * real GPU with many synapses and high rates.
   */
  readonly gather?: 'none' | 'all' | readonly string[];
}

/** Neurons from which `backend: 'auto'` considers the gpu backend (on a hardware adapter). */
export const AUTO_GPU_MIN_NEURONS = 100_000;

/**
 * The network's internals a backend works on. The arrays are the network's own: they
 * grow as populations and projections are added.
 */
export interface EngineView {
  /** time step, ms */
  readonly dt: number;
  readonly populations: readonly Population<object>[];
  readonly projections: readonly Projection[];
  /** direct-mode projections (one delay; weights added into the target's input variables) */
  readonly direct: readonly Projection[];
  /** per population: its recent spikes, when direct-mode projections leave it */
  readonly histories: ReadonlyArray<SpikeHistory | null>;
  readonly monitors: readonly Monitor[];
}

/** The per-step dense work of one backend (steps 3-4 of the loop). */
export interface StepBackend {
  /** 'cpu' or 'gpu' */
  readonly name: 'cpu' | 'gpu';
  /** what the benchmarks print: 'cpu', 'gpu:webasm', 'gpu:webgpu', ... */
  readonly label: string;
  /** true when {@link integrate} returns a number (no Promise) */
  readonly synchronous: boolean;
  /**
   * Delivers the input arriving at step k, advances every population and leaves its
   * spike list for step k. Returns the synaptic events delivered on the way.
   */
  integrate(k: number): number | Promise<number>;
}

/** What `backend: 'auto'` found out, for {@link chooseAutoBackend}. */
export interface AutoProbe {
  /** a WebGPU adapter answered */
  readonly adapter: boolean;
  /** the adapter is a software fallback (SwiftShader, llvmpipe) */
  readonly fallback: boolean;
  /** adapter description for the reason text */
  readonly description: string;
}

/**
 * The rule of `backend: 'auto'`: gpu only on a hardware (non-fallback) WebGPU adapter
 * and a network of at least {@link AUTO_GPU_MIN_NEURONS} neurons; otherwise the cpu
 * reference, which is faster than every gpu.js mode without a GPU (see the
 * `backends` benchmark). Returns the choice and a sentence saying why.
 */
export function chooseAutoBackend(probe: AutoProbe, neurons: number, asynchronous: boolean): { backend: 'cpu' | 'gpu'; reason: string } {
  if (!asynchronous) {
    return { backend: 'cpu', reason: 'auto: run() is synchronous and the gpu backend needs runAsync(); using the cpu reference' };
  }
  if (!probe.adapter) return { backend: 'cpu', reason: `auto: no WebGPU adapter (${probe.description}); using the cpu reference` };
  if (probe.fallback) {
    return { backend: 'cpu', reason: `auto: the WebGPU adapter is a software fallback (${probe.description}), slower than the cpu reference` };
  }
  if (neurons < AUTO_GPU_MIN_NEURONS) {
    return {
      backend: 'cpu',
      reason: `auto: ${neurons} neurons is below ${AUTO_GPU_MIN_NEURONS}, too small to gain on the gpu (${probe.description}); using the cpu reference`,
    };
  }
  return { backend: 'gpu', reason: `auto: hardware WebGPU adapter (${probe.description}) and ${neurons} neurons` };
}

/**
 * Asks `navigator.gpu` (browsers) for an adapter; in Node, where there is none, asks
 * Dawn through the `webgpu` package (`gpu/nodeWebGpu.ts`, loaded only then) for a
 * hardware adapter, and for its software one to say why it is not used.
 */
export async function probeWebGpu(): Promise<AutoProbe> {
  const nav = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } } }).navigator;
  if (!nav?.gpu) {
    const node = await import('./gpu/nodeWebGpu.js');
    if (!node.isNode()) return { adapter: false, fallback: false, description: 'navigator.gpu is missing' };
    const found = await node.probeNodeWebGpu();
    if (found.hardware) return { adapter: true, fallback: false, description: found.hardware.description };
    if (found.software) return { adapter: true, fallback: true, description: `${found.software.description}; no hardware adapter` };
    return { adapter: false, fallback: false, description: found.notes.join('; ') };
  }
  try {
    const adapter = (await nav.gpu.requestAdapter()) as Parameters<typeof describeAdapterInfo>[0] | null;
    if (!adapter) return { adapter: false, fallback: false, description: 'requestAdapter() returned null' };
    return { adapter: true, ...describeAdapterInfo(adapter) };
  } catch (e) {
    return { adapter: false, fallback: false, description: `requestAdapter() failed: ${(e as Error).message}` };
  }
}

/** A browser adapter's description; software rasterisers are fallbacks even where the flag is not reported. */
function describeAdapterInfo(adapter: {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; device?: string; description?: string };
}): { fallback: boolean; description: string } {
  const info = adapter.info ?? {};
  const description = [info.vendor, info.architecture, info.device].filter((s) => s).join(' ') || info.description || 'unnamed adapter';
  const fallback =
    Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false) ||
    /swiftshader|llvmpipe|lavapipe|softpipe|warp|basic render/i.test(`${description} ${info.description ?? ''}`);
  return { fallback, description };
}
