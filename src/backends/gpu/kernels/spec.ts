/**
 * How a neuron model runs on the gpu backend: its device state as ONE packed [R][N]
 * array (struct of arrays, one row per variable: `s[row][x]`) and one gpu.js kernel
 * `(s, iExt, input) -> s'` that computes every row of the next state, so a population
 * advances with a single kernel call per step and binds 4 storage buffers (state, iExt,
 * input, output), well under WebGPU's 8.
 *
 * Conventions shared by every model:
 * - the kernel's output row is `this.thread.y`; rows that share a computation (v, rs,
 *   the RKF45 sub-step) each run it and keep their own result, cheap rows (synaptic
 *   variables) branch off first;
 * - `input` is the [2][N] synaptic input arriving this step (row 0 excitatory, 1
 *   inhibitory: ring slot, direct-mode weights and on-device gathers), added as the cpu
 *   kernel adds `inputE`/`inputI`;
 * - the `rs` row carries refractoriness and the spike flag in one float: r >= 0 is the
 *   number of refractory steps left; a neuron that spiked in this step writes -(R + 1),
 *   where R is the refractoriness it starts (read back as R). So `rs < 0` is the spike
 *   mask, and on-device gathers read it straight from the state;
 * - scalar parameters are kernel constants, fixed when a kernel is built (gpu.js ignores
 *   later `setConstants`): the backend rebuilds kernels when parameters change.
 */

/** gpu.js's `this` inside a kernel (only what the kernels use). */
export interface KernelThis {
  readonly thread: { readonly x: number; readonly y: number };
  readonly constants: Readonly<Record<string, number>>;
}

/** A 1D argument (`a[x]`). */
export type Arg1 = ArrayLike<number>;
/** A 2D argument (`a[y][x]`). */
export type Arg2 = ArrayLike<ArrayLike<number>>;

/** One row of the packed device state. */
export interface DeviceRow {
  readonly name: string;
  /**
   * 'state': the host state variable `host`; 'rs': the population's refractory
   * counters plus the spike flag; 'aux': kept on the device only (e.g. the RKF45
   * sub-step size), initialised to `init`
   */
  readonly kind: 'state' | 'rs' | 'aux';
  readonly host?: string;
  readonly init?: (params: Readonly<Record<string, number>>, dt: number) => number;
}

/** The kernel signature: packed state [R][N], iExt [N], input [2][N]. */
export type StepKernel = (this: KernelThis, s: Arg2, iExt: Arg1, input: Arg2) => number;

/** A neuron model on the device. */
export interface GpuModelSpec {
  /** the model's name (`NeuronModel.name`) */
  readonly model: string;
  /** rows of the packed state, in order (`s[i]` is `rows[i]`) */
  readonly rows: readonly DeviceRow[];
  /**
   * the step kernel; gpu.js parses its source: a plain `function` that uses only its
   * arguments, `this.thread`, `this.constants`, Math and the helpers below
   */
  readonly kernel: StepKernel;
  /** helper functions the kernel calls (gpu.js `addFunction`) */
  readonly helpers?: ReadonlyArray<(...args: number[]) => number>;
  /** the kernel constants for these parameters and dt */
  constants(params: Readonly<Record<string, number>>, dt: number): Record<string, number>;
  /** longest data-dependent loop of the kernel (gpu.js `loopMaxIterations`; 0: none) */
  readonly loopMaxIterations: number;
}

/** Storage buffers a model's kernel binds: packed state + iExt + input + the output. */
export function bindingCount(_spec: GpuModelSpec): number {
  return 4;
}

/** The row of the refractory counter / spike flag. */
export function rsRow(spec: GpuModelSpec): number {
  return spec.rows.findIndex((r) => r.kind === 'rs');
}
