/**
 * A projection: the synapses from one population to another, stored in CSR by
 * presynaptic neuron (Uint32 targets, Float32 weights, integer delays in steps).
 * A projection whose delays are all equal keeps a single delay and no per-synapse
 * array, so a static synapse costs 8 bytes plus the row pointers.
 */
import { ParameterError } from '../core/errors.js';
import { fillValues, type ValueSpec } from '../core/distributions.js';
import type { Rng } from '../core/rng.js';
import type { Receptor } from '../neurons/model.js';
import type { Connector } from '../synapses/connector.js';
import type { PlasticityRule, PlasticityState } from '../synapses/plasticity/plasticityRule.js';
import type { Population } from './population.js';

/** Options of `network.connect(pre, post, connector, options)`. */
export interface ProjectionOptions {
  /**
   * synaptic weight: nA for current-based targets (negative hyperpolarises), uS for
   * conductance-based ones (>= 0), mV for voltage-jump targets (Izhikevich); a constant,
   * one value per synapse in CSR order, or a distribution. Required unless the connector's list gives every weight.
   */
  readonly weight?: ValueSpec;
  /** axonal delay, ms (>= dt; rounded to whole steps); default dt */
  readonly delay?: ValueSpec;
  /** which synaptic input of the target it drives (default 'excitatory') */
  readonly receptor?: Receptor;
  /** a name for reports */
  readonly label?: string;
  /**
   * a plasticity rule, e.g. `new STDPMechanism({ timing, weight })`: the weights then
   * change in place during the run (see `src/synapses/plasticity/`)
   */
  readonly plasticity?: PlasticityRule;
}

/** Longest delay a projection may have, in steps (per-synapse delays are Uint16). */
export const MAX_DELAY_STEPS = 65535;

/** Synapses between two populations. Create with `network.connect(...)`. */
export class Projection {
  readonly id: number;
  readonly label: string;
  readonly pre: Population<object>;
  readonly post: Population<object>;
  readonly receptor: Receptor;
  readonly connector: Connector;
  /** pre.size + 1 offsets into the synapse arrays */
  readonly rowPtr: Uint32Array;
  /** postsynaptic index per synapse */
  readonly target: Uint32Array;
  /** weight per synapse (nA or uS) */
  readonly weight: Float32Array;
  /** delay per synapse in steps, or null when all delays equal {@link constantDelay} */
  readonly delay: Uint8Array | Uint16Array | null;
  /** the common delay in steps when {@link delay} is null, else -1 */
  readonly constantDelay: number;
  /** the longest delay, steps */
  readonly maxDelay: number;
  /**
   * @internal true when the weights are added straight into the target's synaptic
   * variables at the arrival step (one delay, and a model with `inputTargets`);
   * false when they go through the target's delay ring
   */
  readonly direct: boolean;
  /** @internal the step at which the projection was made: earlier spikes are not sent */
  readonly sinceStep: number;
  /**
   * Whether the plasticity rule runs (default true). While false the rule is paused: it
   * changes no weight and does not see the spikes of those steps (its traces miss them),
   * e.g. to recall from a memory without writing into it. No effect on static projections.
   */
  learning = true;
  /** the bound plasticity rule (traces, indices), or null for a static projection */
  readonly plasticity: PlasticityState | null = null;

  /** @internal use `network.connect(...)` */
  constructor(
    id: number,
    pre: Population<object>,
    post: Population<object>,
    connector: Connector,
    options: ProjectionOptions,
    dt: number,
    rng: Rng,
    sinceStep = 0,
    allowDirect = true,
  ) {
    this.sinceStep = sinceStep;
    this.id = id;
    this.pre = pre;
    this.post = post;
    this.connector = connector;
    this.label = options.label ?? `${pre.label}->${post.label}`;
    const ctx = `projection '${this.label}'`;
    const receptor = options.receptor ?? 'excitatory';
    if (receptor !== 'excitatory' && receptor !== 'inhibitory') {
      throw new ParameterError('receptor', receptor, "'excitatory' or 'inhibitory'", ctx);
    }
    this.receptor = receptor;
    if (post.model.synapseKind === 'none') {
      throw new ParameterError('post', post.label, 'a population that takes synaptic input', ctx, `${post.model.name} is a spike source`);
    }
    const set = connector.build(pre.size, post.size, rng.fork('connect'), pre === post);
    this.rowPtr = set.rowPtr;
    this.target = set.target;
    const m = set.target.length;

    // Weights: the list's values where given, else the projection's spec.
    const conductance = post.model.synapseKind === 'conductance';
    const check = conductance ? (w: number) => w >= 0 : undefined;
    const unit = { current: 'nA', conductance: 'uS', voltage: 'mV', none: '' }[post.model.synapseKind];
    const allowed = conductance ? 'a finite number >= 0 (uS; conductance-based target)' : `a finite number (${unit})`;
    const w64 = new Float64Array(m);
    const listW = set.weight;
    const needsSpec = !listW || listW.some((x) => Number.isNaN(x));
    if (needsSpec) {
      if (options.weight === undefined) {
        throw new ParameterError('weight', undefined, allowed, ctx, 'Give a weight (nA for current-based, uS for conductance-based targets)');
      }
      fillValues(options.weight, w64, rng.fork('weight'), 'weight', ctx, check, allowed);
    }
    if (listW) {
      for (let s = 0; s < m; s++) {
        const w = listW[s];
        if (Number.isNaN(w)) continue;
        if (check && !check(w)) throw new ParameterError('weight', w, allowed, ctx);
        w64[s] = w;
      }
    }
    this.weight = Float32Array.from(w64);

    // Delays in ms -> whole steps (NEST rounds to the grid); at least one step.
    const d64 = new Float64Array(m);
    const delaySpec: ValueSpec = options.delay ?? dt;
    const minDelay = dt * (1 - 1e-9);
    const maxMs = MAX_DELAY_STEPS * dt;
    const dAllowed = `a delay in [dt = ${dt}, ${maxMs}] ms`;
    fillValues(delaySpec, d64, rng.fork('delay'), 'delay', ctx, (d) => d >= minDelay && d <= maxMs, dAllowed);
    if (set.delay) {
      for (let s = 0; s < m; s++) {
        const d = set.delay[s];
        if (Number.isNaN(d)) continue;
        if (!(d >= minDelay && d <= maxMs)) throw new ParameterError('delay', d, dAllowed, ctx, 'a delay shorter than dt cannot be delivered');
        d64[s] = d;
      }
    }
    let lo = Infinity;
    let hi = 0;
    const steps = new Uint16Array(m);
    for (let s = 0; s < m; s++) {
      const k = Math.max(1, Math.round(d64[s] / dt));
      steps[s] = k;
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    if (m === 0) {
      const k = typeof delaySpec === 'number' ? Math.max(1, Math.round(delaySpec / dt)) : 1;
      lo = hi = k;
    }
    if (lo === hi) {
      this.delay = null;
      this.constantDelay = lo;
    } else {
      this.delay = hi <= 255 ? Uint8Array.from(steps) : steps;
      this.constantDelay = -1;
    }
    this.maxDelay = hi;
    // Plastic projections go through the ring, so a spike carries the weight in force
    // after the plasticity step in which it was emitted (see STDPMechanism).
    // (not under 'spinnaker' semantics, whose kernels scale the input as it arrives)
    this.direct = allowDirect && this.delay === null && post.model.inputTargets !== undefined && options.plasticity === undefined;
    if (options.plasticity !== undefined) {
      const rule = options.plasticity;
      if (!rule || typeof rule.bind !== 'function') {
        throw new ParameterError('plasticity', rule, 'a plasticity rule such as new STDPMechanism({ timing, weight })', ctx);
      }
      this.plasticity = rule.bind(this, dt);
    }
  }

  /** Number of synapses. */
  get size(): number {
    return this.target.length;
  }

  /** Memory of the synapse arrays per synapse, bytes (targets, weights, delays, row pointers). */
  get bytesPerSynapse(): number {
    const bytes =
      this.target.byteLength + this.weight.byteLength + (this.delay ? this.delay.byteLength : 0) + this.rowPtr.byteLength;
    return this.size === 0 ? 0 : bytes / this.size;
  }

  /** Delay of each synapse in ms (CSR order). */
  delaysMs(dt: number): Float64Array {
    const out = new Float64Array(this.size);
    for (let s = 0; s < out.length; s++) out[s] = (this.delay ? this.delay[s] : this.constantDelay) * dt;
    return out;
  }

  /** Presynaptic index of each synapse (CSR order). */
  sources(): Uint32Array {
    const out = new Uint32Array(this.size);
    for (let i = 0; i + 1 < this.rowPtr.length; i++) out.fill(i, this.rowPtr[i], this.rowPtr[i + 1]);
    return out;
  }

  /** Replaces the weights (constant, per synapse in CSR order, or a distribution). */
  setWeights(spec: ValueSpec, rng: Rng): void {
    const conductance = this.post.model.synapseKind === 'conductance';
    const tmp = new Float64Array(this.size);
    fillValues(
      spec,
      tmp,
      rng,
      'weight',
      `projection '${this.label}'`,
      conductance ? (w) => w >= 0 : undefined,
      conductance ? 'a finite number >= 0 (uS)' : `a finite number (${this.post.model.synapseKind === 'voltage' ? 'mV' : 'nA'})`,
    );
    this.weight.set(tmp);
  }
}
