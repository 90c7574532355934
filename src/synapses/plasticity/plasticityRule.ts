/**
 * What every plasticity rule is to the engine: an immutable description (a
 * {@link PlasticityRule}) that a projection binds to its synapses, giving the per-projection
 * {@link PlasticityState} (traces, indices, queues) that the network calls once per step,
 * after the neuron kernels and before spike propagation (step 4 of the loop in
 * ARCHITECTURE.md). A rule object may be shared by several projections; each binding owns
 * its own state.
 *
 * This module depends on nothing in `engine/`: a projection is seen through the
 * structural {@link PlasticSynapses} interface, which `Projection` satisfies.
 */

/** The spikes of one population in the current step, as the network exposes them. */
export interface SpikingGroup {
  readonly label: string;
  /** number of neurons */
  readonly size: number;
  /** indices of the neurons that spiked in the current step (first {@link spikeCount} valid) */
  readonly spikes: Uint32Array;
  readonly spikeCount: number;
}

/** The target population of a plastic projection: spikes plus how it reads weights. */
export interface PlasticPost extends SpikingGroup {
  readonly model: { readonly synapseKind: string };
}

/**
 * The synapses a rule is bound to (a `Projection` satisfies this): CSR by presynaptic
 * neuron, weights changed in place so that spike delivery uses them.
 */
export interface PlasticSynapses {
  readonly label: string;
  readonly pre: SpikingGroup;
  readonly post: PlasticPost;
  /** pre.size + 1 offsets into the synapse arrays */
  readonly rowPtr: Uint32Array;
  /** postsynaptic index per synapse */
  readonly target: Uint32Array;
  /** weight per synapse (nA or uS), changed in place */
  readonly weight: Float32Array | Float64Array;
  /** per-synapse delays in steps, or null when all equal {@link constantDelay} */
  readonly delay: Uint8Array | Uint16Array | null;
  /** the common delay in steps (when {@link delay} is null) */
  readonly constantDelay: number;
}

/** A plasticity rule as given to `network.connect(..., { plasticity })`. */
export interface PlasticityRule {
  /** rule name, e.g. 'STDPMechanism' */
  readonly kind: string;
  /** its parameters, for reports and export */
  readonly params: Readonly<Record<string, unknown>>;
  /**
   * @internal Binds the rule to a projection's synapses (time step `dt`, ms). Throws a
   * ParameterError when the rule cannot work on them (e.g. weights outside its bounds).
   */
  bind(synapses: PlasticSynapses, dt: number): PlasticityState;
}

/** The per-projection state of a bound rule. */
export interface PlasticityState {
  readonly rule: PlasticityRule;
  /**
   * @internal Processes step k: called by the network after every kernel has run, when
   * each population's spike list holds the spikes of step k (stamped k + 1).
   */
  step(k: number): void;
  /** synapse updates done so far (one per synapse touched by a pre or post event) */
  readonly updates: number;
}
