/**
 * The small part of gpu.js 2.24 the backend uses, typed locally (gpu.js's own typings
 * declare `input` as a type only and return `KernelOutput` unions), and the mode rule:
 * Node `webasm`; browsers `webgpu` when an adapter answers, else `webgl2`.
 * gpu.js is imported on demand, so importing Engram does not load it.
 */
import { ParameterError } from '../../core/errors.js';
import type { GpuMode } from '../backend.js';
import { installNodeWebGpu, isNode } from './nodeWebGpu.js';

/** A value a kernel returns or takes: a typed array (cpu, webasm), a texture (GL) or a buffer (webgpu). */
export type DeviceValue = unknown;

/** A built kernel; calls may return a value or a Promise of it (webgpu): always await. */
export interface DeviceKernelFn {
  (...args: unknown[]): DeviceValue | Promise<DeviceValue>;
  addFunction(fn: (...args: number[]) => number): DeviceKernelFn;
  destroy?(removeCanvasReferences?: boolean): void;
}

/** Settings passed to `createKernel` (the ones used). */
export interface KernelSettings {
  readonly output: number[];
  readonly constants?: Record<string, unknown>;
  readonly pipeline?: boolean;
  readonly immutable?: boolean;
  readonly loopMaxIterations?: number;
  readonly tactic?: 'speed' | 'balanced' | 'precision';
  readonly precision?: 'single';
}

/** A gpu.js `GPU` instance. */
export interface GpuInstance {
  createKernel(fn: (...args: never[]) => number, settings: KernelSettings): DeviceKernelFn;
  destroy(): unknown;
}

/** The gpu.js module (the parts used). */
export interface GpuJsModule {
  GPU: { new (settings: { mode: GpuMode }): GpuInstance; isWebGPUAvailable?(): Promise<boolean> };
  Input: new (value: Float32Array, size: number[]) => unknown;
}

let loaded: Promise<GpuJsModule> | null = null;

/** Imports gpu.js once (the Node build, or the browser bundle a bundler picks). */
export function loadGpuJs(): Promise<GpuJsModule> {
  loaded ??= import('gpu.js').then((m) => {
    const mod = m as unknown as Partial<GpuJsModule> & { default?: Partial<GpuJsModule> };
    const GPU = mod.GPU ?? mod.default?.GPU ?? (globalThis as { GPU?: GpuJsModule['GPU'] }).GPU;
    const Input = mod.Input ?? mod.default?.Input ?? (GPU as unknown as { Input?: GpuJsModule['Input'] } | undefined)?.Input;
    if (!GPU || !Input) throw new Error('gpu.js did not load (no GPU or Input export)');
    return { GPU, Input };
  });
  return loaded;
}

/**
 * The mode to use: the requested one, else Node `webasm`, browser `webgpu` if an
 * adapter answers, else `webgl2`. In Node, `webgpu` first installs the Dawn shim
 * (`nodeWebGpu.ts`): a hardware adapter where one exists, else the software one
 * (`allowSoftware`, true for an explicit request).
 */
export async function resolveMode(requested: GpuMode | undefined, gpujs: GpuJsModule, allowSoftware = true): Promise<GpuMode> {
  if (requested !== undefined) {
    if (requested === 'webgpu') {
      let why = 'no WebGPU adapter answered';
      if (isNode()) {
        try {
          await installNodeWebGpu(allowSoftware);
        } catch (e) {
          why = (e as Error).message;
        }
      }
      if (!(await gpujs.GPU.isWebGPUAvailable?.())) {
        throw new ParameterError('gpu.mode', requested, `a mode this runtime supports (${why})`, 'Network', "use 'webgl2' in a browser or 'webasm' in Node");
      }
    }
    return requested;
  }
  if (isNode()) return 'webasm';
  return (await gpujs.GPU.isWebGPUAvailable?.()) ? 'webgpu' : 'webgl2';
}

/**
 * A device value as host rows: 1D -> [Float32Array], 2D -> its rows. Textures
 * (`toArray()`, sync on GL) and webgpu buffers (`toArray()`, a Promise) are read back.
 */
export async function readRows(value: DeviceValue): Promise<Float32Array[]> {
  let v = value;
  const t = v as { toArray?: () => unknown };
  if (v && typeof t.toArray === 'function') v = await t.toArray();
  if (v instanceof Float32Array) return [v];
  const arr = v as ArrayLike<unknown>;
  if (arr && arr.length > 0 && typeof arr[0] === 'number') return [Float32Array.from(arr as ArrayLike<number>)];
  return Array.from(arr, (row) => (row instanceof Float32Array ? row : Float32Array.from(row as ArrayLike<number>)));
}
