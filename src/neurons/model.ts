/**
 * What a neuron model is: its parameters (PyNN names in camelCase, PyNN defaults and
 * units), its state variables, and a kernel that advances a whole population by one
 * step. The *what* (parameters, equations) lives in each model file; the kernel is a
 * pure step function over struct-of-arrays typed arrays that the population owns.
 *
 * Timing conventions (shared by every model, as in NEST):
 * - step k advances the state from t_k = k*dt to t_{k+1};
 * - input arriving at time t_k (ring slot k) is added to the synaptic variables at the
 *   start of step k, before integration;
 * - a neuron that crosses threshold during step k spikes at t_{k+1} (its spike "stamp"
 *   is k+1); with a delay of d steps the spike arrives at stamp k+1+d;
 * - after a spike the membrane is clamped to `vReset` for round(tauRefrac/dt) steps
 *   while the synaptic variables keep evolving.
 */
import type { Rng } from '../core/rng.js';

/**
 * Discrete-time semantics of a network (`new Network({ semantics })`):
 * - 'exact' (default): NEST/Brian conventions above, exact integration;
 * - 'spinnaker': sPyNNaker's per-tick arithmetic and timing (see
 *   {@link NeuronModel.createSpinnakerKernel}): a spike of step k is stamped t_k = k dt
 *   (the tick in which the neuron fired) and acts in the target at step k + d.
 */
export type Semantics = 'exact' | 'spinnaker';

/** Synaptic receptor a projection targets. */
export type Receptor = 'excitatory' | 'inhibitory';

/** How a model interprets synaptic weights. */
export type SynapseKind =
  /** weight in nA, added to a synaptic current */
  | 'current'
  /** weight in uS, added to a synaptic conductance (must be >= 0) */
  | 'conductance'
  /** weight in mV, a jump of the membrane potential (PyNN's voltage-based synapses, e.g. Izhikevich) */
  | 'voltage'
  /** a spike source: takes no synaptic input */
  | 'none';

/**
 * The arrays a kernel reads and writes, owned by the population. They live in one
 * WebAssembly memory (so SIMD kernels can use them in place) and are replaced when the
 * population's input ring grows: a kernel must read them from this object at every
 * step, never keep its own reference.
 */
export interface KernelArrays {
  /** the memory all arrays below are views of */
  readonly memory: WebAssembly.Memory;
  /** number of neurons */
  readonly size: number;
  /** state variables by name, one Float32 per neuron */
  readonly state: Readonly<Record<string, Float32Array>>;
  /** steps of refractoriness left, per neuron */
  readonly refractory: Int32Array;
  /** injected current (iOffset + current sources), nA, constant over a step */
  readonly iExt: Float32Array;
  /** false while iExt is zero everywhere (kernels may skip reading it) */
  readonly iExtActive: boolean;
  /** indices of neurons that spiked in the last step (first `count` entries valid) */
  readonly spikes: Uint32Array;
  /** 32 words of the memory for a WebAssembly kernel's arguments (as Int32; alias as Float32) */
  readonly scratch: Int32Array;
}

/** Advances a population by one step. */
export interface NeuronKernel {
  /**
   * Adds this step's input (`inputE`, `inputI`: one value per neuron, zeroed by the
   * kernel after use), integrates from t_k to t_{k+1}, applies threshold and reset,
   * writes the indices of spiking neurons into `arrays.spikes` and returns their count.
   * The inputs are null when the model declares {@link NeuronModel.inputTargets} and
   * all input of the population was delivered directly. Spike sources ignore them.
   */
  step(k: number, inputE: Float32Array | null, inputI: Float32Array | null): number;
  /** Called when parameters that the kernel precomputed from may have changed. */
  refresh?(): void;
}

/** Parameters: a flat record of numbers (ms, mV, nA, nF, uS, Hz). */
export type ModelParameters = Record<string, number>;

/** A neuron model: its description and a kernel factory. */
export interface NeuronModel<P extends object = ModelParameters> {
  /** Engram name, e.g. 'IFCurrExp' */
  readonly name: string;
  /** PyNN name, e.g. 'IF_curr_exp' */
  readonly pynnName: string;
  /** PyNN's default parameter values */
  readonly defaults: Readonly<P>;
  /** unit of each parameter */
  readonly units: Readonly<Record<keyof P & string, string>>;
  /** state variable names, with their units */
  readonly stateVariables: Readonly<Record<string, string>>;
  /** default initial value of each state variable, given the parameters */
  initialState(params: Readonly<P>): Record<string, number>;
  readonly synapseKind: SynapseKind;
  /**
   * When a model adds arriving input unchanged into one state variable per receptor
   * (e.g. IFCurrExp: iSynE += w), it names them here; projections with a single delay
   * then add their weights straight into those variables at the start of the arrival
   * step, and the population needs no delay ring (less memory traffic per step).
   * Models whose input enters with a scale or into several variables leave it out.
   */
  readonly inputTargets?: Readonly<Record<Receptor, string>>;
  /** the threshold variable and value drawn in trace figures, when the model has one */
  thresholdOf?(params: Readonly<P>): number;
  /** Throws a ParameterError naming the first invalid parameter. */
  validate(params: Readonly<P>): void;
  /** Creates the kernel; `dt` in ms; `rng` is the population's own stream. */
  createKernel(arrays: KernelArrays, params: Readonly<P>, dt: number, rng: Rng): NeuronKernel;
  /**
   * The kernel under `semantics: 'spinnaker'` (sPyNNaker's discrete arithmetic; models
   * without it cannot be used in such a network). Its step k is SpiNNaker's tick k: it
   * adds the input that arrives at tick k as sPyNNaker does for the model, updates,
   * thresholds, and lists the neurons that fire *at tick k* (stamp k, not k + 1).
   * The ring input it gets is never null once a projection targets the population.
   */
  createSpinnakerKernel?(arrays: KernelArrays, params: Readonly<P>, dt: number, rng: Rng): NeuronKernel;
}

/** Parameters of a model, as a user may give them (every key optional). */
export type ParamsOf<M> = M extends NeuronModel<infer P> ? P : never;
