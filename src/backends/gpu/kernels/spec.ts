/**
 * How a neuron model runs on the gpu backend: its device variables (struct of arrays,
 * packed so that no kernel binds more than 8 storage buffers, the WebGPU limit) and one
 * gpu.js kernel function per variable, all with the same arguments
 * `(...variables, iExt, input)`.
 *
 * Conventions shared by every model:
 * - a `pair` variable is a [2][N] array: row 0 excitatory, row 1 inhibitory (`syn[y][x]`);
 * - `input` is the [2][N] synaptic input arriving this step (ring slot, direct-mode
 *   weights and on-device gathers), added as the cpu kernel adds `inputE`/`inputI`;
 * - `rs` carries refractoriness and the spike flag in one float: r >= 0 is the number
 *   of refractory steps left; a neuron that spiked in this step writes -(R + 1), where
 *   R is the refractoriness it starts (read back as R). So `rs < 0` is the spike mask and
 *   only `rs` is read back each step;
 * - scalar parameters are kernel constants, fixed when a kernel is built (gpu.js ignores
 *   later `setConstants`): the backend rebuilds kernels when parameters change;
 * - a kernel that computes several variables selects its output with the constant `out`.
 */
import type { KernelArrays } from '../../../neurons/model.js';

/** gpu.js's `this` inside a kernel (only what the kernels use). */
export interface KernelThis {
  readonly thread: { readonly x: number; readonly y: number };
  readonly constants: Readonly<Record<string, number>>;
}

/** A 1D argument (`a[x]`). */
export type Arg1 = ArrayLike<number>;
/** A 2D argument (`a[y][x]`). */
export type Arg2 = ArrayLike<ArrayLike<number>>;

/** One device variable. */
export interface DeviceVar {
  readonly name: string;
  /**
   * 'state': host `state[host[0]]`; 'pair': rows `state[host[0]]`, `state[host[1]]`;
   * 'rs': the population's refractory counters plus the spike flag; 'aux': kept by the
   * backend only (e.g. the RKF45 sub-step size), initialised to `init`
   */
  readonly kind: 'state' | 'pair' | 'rs' | 'aux';
  readonly host?: readonly string[];
  readonly init?: (params: Readonly<Record<string, number>>, dt: number) => number;
}

/** One kernel: the function and the value of its `out` constant. */
export interface DeviceKernel {
  // gpu.js parses the function's source: it must be a plain `function`, and use only
  // its arguments, `this.thread`, `this.constants`, Math and the helpers below.
  readonly fn: (this: KernelThis, ...args: never[]) => number;
  readonly out: number;
}

/** A neuron model on the device. */
export interface GpuModelSpec {
  /** the model's name (`NeuronModel.name`) */
  readonly model: string;
  /** device variables, in kernel-argument order */
  readonly vars: readonly DeviceVar[];
  /** the kernel that produces each variable (by name) */
  readonly kernels: Readonly<Record<string, DeviceKernel>>;
  /** helper functions the kernels call (gpu.js `addFunction`) */
  readonly helpers?: ReadonlyArray<(...args: number[]) => number>;
  /** the kernel constants for these parameters and dt */
  constants(params: Readonly<Record<string, number>>, dt: number): Record<string, number>;
  /** longest data-dependent loop of a kernel (gpu.js `loopMaxIterations`; 0: none) */
  readonly loopMaxIterations: number;
}

/** Storage buffers a model's kernels bind: variables + iExt + input + the output. */
export function bindingCount(spec: GpuModelSpec): number {
  return spec.vars.length + 2 + 1;
}

/** The host arrays of a population, as a backend reads them (re-read each time: they move). */
export type HostArrays = Pick<KernelArrays, 'state' | 'refractory' | 'iExt' | 'size'>;
