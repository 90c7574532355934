/**
 * A population: `size` neurons of one model with shared parameters, their state as
 * struct-of-arrays (`Float32Array` per variable), the per-step spike list and the delay
 * ring that collects its synaptic input. All arrays live in one {@link Arena}.
 */
import { Arena, padToVector, type ArenaRegion } from '../core/arena.js';
import { ParameterError } from '../core/errors.js';
import { fillValues, type ValueSpec } from '../core/distributions.js';
import type { Rng } from '../core/rng.js';
import type { KernelArrays, NeuronKernel, NeuronModel, Semantics } from '../neurons/model.js';

/** Options when creating a population. */
export interface PopulationOptions<P> {
  /** parameter values; missing ones take the model's PyNN defaults */
  readonly params?: Partial<P>;
  /** initial values of state variables (constant, per neuron, or a distribution) */
  readonly initial?: Readonly<Record<string, ValueSpec>>;
  /** a name for reports and errors; defaults to 'pop<id>' */
  readonly label?: string;
}

/**
 * The delay ring of a population: for each receptor, `slots` arrays of one value per
 * neuron (stride {@link stride}), back to back. Input arriving at step s accumulates in
 * slot s mod slots; the kernel adds it to the synaptic variables at step s and zeroes
 * it. With the longest delay D steps, D + 1 slots suffice: spikes of step k arrive at
 * k + 1 + d (d >= 1), and slot k is consumed before propagation.
 */
export interface InputRing {
  readonly slots: number;
  /** entries between consecutive slots (size rounded up to a multiple of 4) */
  readonly stride: number;
  readonly bufferE: Float32Array;
  readonly bufferI: Float32Array;
  readonly viewsE: readonly Float32Array[];
  readonly viewsI: readonly Float32Array[];
}

/** A group of neurons of one model. Create with `network.population(...)`. */
export class Population<P extends object = Record<string, number>> {
  /** position in the network */
  readonly id: number;
  readonly label: string;
  readonly size: number;
  readonly model: NeuronModel<P>;
  /** the parameters in force (read-only; change with {@link setParameters}) */
  readonly params: Readonly<P>;
  /** state variables, one `Float32Array` per variable (views: re-read after adding projections) */
  readonly state: Record<string, Float32Array> = {};
  /** number of valid entries in {@link spikes} */
  spikeCount = 0;
  /** @internal */
  kernel!: NeuronKernel;
  /** @internal set when iOffset or sources changed, so iExt is rebuilt before the next step */
  iExtDirty = true;
  /** @internal the network's RNG stream for this population */
  readonly rng: Rng;
  /** @internal the delay ring (null while all input is delivered directly, and for spike sources) */
  ring: InputRing | null = null;
  /** the network's semantics, which chose the kernel */
  readonly semantics: Semantics;
  /**
   * spike stamp of step k minus k: 1 under 'exact' (a spike of step k is at t_{k+1}),
   * 0 under 'spinnaker' (at tick k, as sPyNNaker records it)
   */
  readonly stampOffset: 0 | 1;
  private ringSlots: number;
  private readonly arena: Arena;
  private readonly arrays: KernelArrays;
  private iOffsetView!: Float32Array;
  private readonly dt: number;

  /** @internal use `network.population(...)` */
  constructor(id: number, model: NeuronModel<P>, size: number, options: PopulationOptions<P>, dt: number, rng: Rng, semantics: Semantics = 'exact') {
    this.id = id;
    this.semantics = semantics;
    this.stampOffset = semantics === 'spinnaker' ? 0 : 1;
    this.model = model;
    this.size = size;
    this.label = options.label ?? `pop${id}`;
    this.dt = dt;
    this.rng = rng;
    const given = (options.params ?? {}) as Record<string, unknown>;
    const known = Object.keys(model.defaults);
    for (const key of Object.keys(given)) {
      if (!known.includes(key)) {
        throw new ParameterError(
          `params.${key}`,
          given[key],
          `a parameter of ${model.name}: ${known.join(', ')}`,
          `population '${this.label}'`,
        );
      }
    }
    const params = { ...model.defaults, ...given } as P;
    model.validate(params);
    this.params = params;
    // Models that name their input variables get input added directly and need a ring
    // only once a projection with per-synapse delays targets them.
    this.ringSlots = model.synapseKind !== 'none' && !model.inputTargets ? 2 : 0;
    this.arena = new Arena(this.regions(this.ringSlots));
    this.arrays = {} as KernelArrays;
    this.bindViews();
    const init = model.initialState(params);
    for (const name of Object.keys(model.stateVariables)) this.state[name].fill(init[name] ?? 0);
    const iOff = (params as Record<string, unknown>).iOffset;
    this.iOffsetView.fill(typeof iOff === 'number' ? iOff : 0);
    if (options.initial) this.initialize(options.initial);
    this.kernel = this.createKernel();
  }

  /** The model's kernel for the network's semantics. */
  private createKernel(): NeuronKernel {
    const m = this.model;
    const rng = this.rng.fork('kernel');
    if (this.semantics === 'spinnaker') {
      if (!m.createSpinnakerKernel) {
        throw new ParameterError('model', m.name, 'a model with sPyNNaker semantics (IFCurrExp, SpikeSourceArray, SpikeSourcePoisson)', `population '${this.label}'`);
      }
      return m.createSpinnakerKernel(this.arrays, this.params, this.dt, rng);
    }
    return m.createKernel(this.arrays, this.params, this.dt, rng);
  }

  private regions(ringSlots: number): ArenaRegion[] {
    const n = this.size;
    const regions: ArenaRegion[] = Object.keys(this.model.stateVariables).map((name) => ({
      name: `state:${name}`,
      type: Float32Array,
      length: n,
    }));
    regions.push(
      { name: 'refractory', type: Int32Array, length: n },
      { name: 'iOffset', type: Float32Array, length: n },
      { name: 'iExt', type: Float32Array, length: n },
      { name: 'spikes', type: Uint32Array, length: n },
      { name: 'scratch', type: Int32Array, length: 32 },
    );
    if (ringSlots > 0) {
      regions.push({ name: 'ringE', type: Float32Array, length: n, count: ringSlots });
      regions.push({ name: 'ringI', type: Float32Array, length: n, count: ringSlots });
    }
    return regions;
  }

  /** Points every view (state, kernel arrays, ring) at the arena's current memory. */
  private bindViews(): void {
    const a = this.arena;
    for (const name of Object.keys(this.model.stateVariables)) this.state[name] = a.view(`state:${name}`) as Float32Array;
    this.iOffsetView = a.view('iOffset') as Float32Array;
    const arrays = this.arrays as { -readonly [K in keyof KernelArrays]: KernelArrays[K] };
    arrays.memory = a.memory;
    arrays.size = this.size;
    arrays.state = this.state;
    arrays.refractory = a.view('refractory') as Int32Array;
    arrays.iExt = a.view('iExt') as Float32Array;
    arrays.iExtActive ??= false;
    arrays.spikes = a.view('spikes') as Uint32Array;
    arrays.scratch = a.view('scratch') as Int32Array;
    const slots = this.ringSlots;
    if (slots > 0) {
      const stride = padToVector(this.size);
      this.ring = {
        slots,
        stride,
        bufferE: a.regionView('ringE') as Float32Array,
        bufferI: a.regionView('ringI') as Float32Array,
        viewsE: Array.from({ length: slots }, (_, k) => a.view('ringE', k) as Float32Array),
        viewsI: Array.from({ length: slots }, (_, k) => a.view('ringI', k) as Float32Array),
      };
    }
  }

  /**
   * @internal Grows the input ring to at least `slots` slots, keeping pending input:
   * the value due at step s (s >= currentStep) moves from slot s mod old to s mod new.
   */
  ensureRingSlots(slots: number, currentStep: number): void {
    const old = this.ringSlots;
    slots = Math.max(2, slots);
    if (slots <= old) return;
    const stride = padToVector(this.size);
    this.ringSlots = slots;
    this.arena.relayout(this.regions(slots), (name, from, to) => {
      if (name !== 'ringE' && name !== 'ringI') return false;
      for (let s = currentStep; s < currentStep + old; s++) {
        const src = (s % old) * stride;
        to.set(from.subarray(src, src + stride), (s % slots) * stride);
      }
      return true;
    });
    this.bindViews();
  }

  /** @internal resets iExt to iOffset; the network then adds its current sources and calls {@link finishIExt} */
  resetIExt(): Float32Array {
    this.arrays.iExt.set(this.iOffsetView);
    return this.arrays.iExt;
  }

  /** @internal notes whether iExt is nonzero anywhere, so kernels may skip it */
  finishIExt(): void {
    const iExt = this.arrays.iExt;
    let active = false;
    for (let i = 0; i < iExt.length && !active; i++) active = iExt[i] !== 0;
    (this.arrays as { iExtActive: boolean }).iExtActive = active;
    this.iExtDirty = false;
  }

  /** steps of refractoriness left per neuron */
  get refractory(): Int32Array {
    return this.arrays.refractory;
  }

  /** iOffset plus active current sources, nA; what kernels read */
  get iExt(): Float32Array {
    return this.arrays.iExt;
  }

  /** indices of the neurons that spiked in the last step (first {@link spikeCount}) */
  get spikes(): Uint32Array {
    return this.arrays.spikes;
  }

  /** constant injected current per neuron, nA (from `params.iOffset`, or {@link setIOffset}) */
  get iOffset(): Float32Array {
    return this.iOffsetView;
  }

  /** Sets state variables (e.g. `{ v: uniform(-60, -50) }`); draws come from the population's stream. */
  initialize(values: Readonly<Record<string, ValueSpec>>): void {
    // Check every name first so that a bad call changes nothing.
    for (const name of Object.keys(values)) {
      if (!(name in this.state)) {
        throw new ParameterError(
          'variable',
          name,
          `a state variable of ${this.model.name}: ${Object.keys(this.state).join(', ')}`,
          `population '${this.label}'`,
        );
      }
    }
    const staged: Array<[string, Float32Array]> = [];
    for (const [name, spec] of Object.entries(values)) {
      const tmp = new Float32Array(this.size);
      fillValues(spec, tmp, this.rng.fork(`init:${name}`), name, `population '${this.label}'`);
      staged.push([name, tmp]);
    }
    for (const [name, tmp] of staged) this.state[name].set(tmp);
  }

  /** A copy of a state variable (or 'iOffset'). */
  get(variable: string): Float32Array {
    if (variable === 'iOffset') return this.iOffsetView.slice();
    const arr = this.state[variable];
    if (!arr) {
      throw new ParameterError(
        'variable',
        variable,
        `one of ${[...Object.keys(this.state), 'iOffset'].join(', ')}`,
        `population '${this.label}'`,
      );
    }
    return arr.slice();
  }

  /** Sets the per-neuron injected current iOffset, nA. */
  setIOffset(values: ValueSpec): void {
    const tmp = new Float32Array(this.size);
    fillValues(values, tmp, this.rng.fork('iOffset'), 'iOffset', `population '${this.label}'`);
    this.iOffsetView.set(tmp);
    this.iExtDirty = true;
  }

  /**
   * Changes shared parameters between runs (validated as a whole first). Changing
   * `iOffset` here sets it for every neuron.
   */
  setParameters(changes: Partial<P>): void {
    for (const key of Object.keys(changes)) {
      if (!(key in this.model.defaults)) {
        throw new ParameterError(key, (changes as Record<string, unknown>)[key], `a parameter of ${this.model.name}`, `population '${this.label}'`);
      }
    }
    const next = { ...this.params, ...changes } as P;
    this.model.validate(next);
    Object.assign(this.params as P, next);
    if ('iOffset' in changes) this.setIOffset((changes as Record<string, number>).iOffset);
    if (this.kernel.refresh) this.kernel.refresh();
    else this.kernel = this.createKernel();
  }

  /** Throws unless `index` is a neuron of this population. */
  checkIndex(index: number, name = 'index'): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new ParameterError(name, index, `an integer in [0, ${this.size - 1}]`, `population '${this.label}'`);
    }
  }
}
