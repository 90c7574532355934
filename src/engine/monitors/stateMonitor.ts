/**
 * Samples state variables of chosen neurons at a fixed interval (Brian's
 * `StateMonitor`, NEST's `multimeter`). A sample at time t is the state at the start of
 * the step from t to t + dt, so the first sample is the initial state.
 */
import { ParameterError } from '../../core/errors.js';
import { GrowableFloat32Array } from '../../core/growable.js';
import { subsetIndices, type Monitor } from '../monitor.js';
import type { Population } from '../population.js';

/** Options of {@link StateMonitor}. */
export interface StateMonitorOptions {
  /** neurons to record (default: all) */
  readonly indices?: ArrayLike<number>;
  /** sampling interval, ms (a multiple of dt; default dt) */
  readonly interval?: number;
}

/**
 * @example
 * const vm = net.add(new StateMonitor(pop, ['v'], { indices: [0, 1], interval: 0.1 }));
 * net.run(100);
 * vm.trace('v', 0); // Float32Array of samples of neuron indices[0]
 */
export class StateMonitor implements Monitor {
  readonly population: Population<object>;
  readonly variables: readonly string[];
  /** recorded neuron indices */
  readonly indices: Uint32Array;
  private readonly intervalMs: number | undefined;
  private intervalSteps = 1;
  private dt = 0;
  private readonly data: GrowableFloat32Array[];
  private readonly sampleSteps: number[] = [];

  constructor(population: Population<object>, variables: readonly string[], options: StateMonitorOptions = {}) {
    this.population = population;
    if (!Array.isArray(variables) || variables.length === 0) {
      throw new ParameterError('variables', variables, `a non-empty list of: ${Object.keys(population.state).join(', ')}`, 'StateMonitor');
    }
    for (const v of variables) {
      if (!(v in population.state)) {
        throw new ParameterError('variables', v, `a state variable of ${population.model.name}: ${Object.keys(population.state).join(', ')}`, 'StateMonitor');
      }
    }
    if (options.interval !== undefined && !(typeof options.interval === 'number' && options.interval > 0 && Number.isFinite(options.interval))) {
      throw new ParameterError('interval', options.interval, 'a finite number > 0 (ms)', 'StateMonitor');
    }
    this.variables = [...variables];
    this.indices = subsetIndices(population, options.indices, 'StateMonitor');
    this.intervalMs = options.interval;
    this.data = variables.map(() => new GrowableFloat32Array());
  }

  attach(dt: number): void {
    this.dt = dt;
    if (this.intervalMs !== undefined) {
      const steps = Math.round(this.intervalMs / dt);
      if (steps < 1 || Math.abs(steps * dt - this.intervalMs) > 1e-9 * Math.max(1, this.intervalMs)) {
        throw new ParameterError('interval', this.intervalMs, `a positive multiple of dt = ${dt} ms`, 'StateMonitor');
      }
      this.intervalSteps = steps;
    }
  }

  beforeStep(k: number): void {
    if (k % this.intervalSteps !== 0) return;
    this.sampleSteps.push(k);
    const idx = this.indices;
    const m = idx.length;
    for (let v = 0; v < this.variables.length; v++) {
      // Read the view each time: a population's arrays move when its input ring grows.
      const src = this.population.state[this.variables[v]];
      const out = this.data[v];
      out.reserve(m);
      const buf = out.buffer;
      const base = out.length;
      for (let r = 0; r < m; r++) buf[base + r] = src[idx[r]];
      out.length = base + m;
    }
  }

  /** Sample times, ms. */
  get times(): Float64Array {
    return Float64Array.from(this.sampleSteps, (k) => k * this.dt);
  }

  /** Number of samples so far. */
  get numSamples(): number {
    return this.sampleSteps.length;
  }

  /** The trace of one variable for the r-th recorded neuron (r indexes {@link indices}). */
  trace(variable: string, r = 0): Float32Array {
    const v = this.variables.indexOf(variable);
    if (v < 0) throw new ParameterError('variable', variable, `one of the recorded variables: ${this.variables.join(', ')}`, 'StateMonitor.trace');
    if (!Number.isInteger(r) || r < 0 || r >= this.indices.length) {
      throw new ParameterError('r', r, `an integer in [0, ${this.indices.length - 1}] (position in indices)`, 'StateMonitor.trace');
    }
    const m = this.indices.length;
    const data = this.data[v].view();
    const out = new Float32Array(this.sampleSteps.length);
    for (let s = 0; s < out.length; s++) out[s] = data[s * m + r];
    return out;
  }

  /** Every recorded neuron's trace of a variable. */
  traces(variable: string): Float32Array[] {
    return Array.from(this.indices, (_, r) => this.trace(variable, r));
  }
}
