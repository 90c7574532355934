/**
 * Records spikes of a population: neuron index and time of every spike, and a spike
 * count per neuron (Brian's `SpikeMonitor`, NEST's `spike_recorder`).
 */
import { GrowableInt32Array, GrowableUint32Array } from '../../core/growable.js';
import { subsetIndices, type Monitor } from '../monitor.js';
import type { Population } from '../population.js';

/** Options of {@link SpikeMonitor}. */
export interface SpikeMonitorOptions {
  /** record only these neurons (default: all) */
  readonly indices?: ArrayLike<number>;
  /** keep each spike's index and time (default true); false keeps counts only */
  readonly record?: boolean;
}

/**
 * Spikes of a population. Times are the spike stamps, ms: a neuron that crosses
 * threshold during the step from t to t + dt spikes at t + dt (under
 * `semantics: 'spinnaker'`, at t: the tick in which it fired, as sPyNNaker records).
 *
 * @example
 * const spikes = net.add(new SpikeMonitor(exc));
 * net.run(1000);
 * spikes.meanRate(); // Hz
 */
export class SpikeMonitor implements Monitor {
  readonly population: Population<object>;
  /** spikes per neuron (all neurons; zero outside the subset) */
  readonly count: Uint32Array;
  private readonly indexList = new GrowableUint32Array();
  private readonly stepList = new GrowableInt32Array();
  private readonly mask: Uint8Array | null;
  private readonly recordEach: boolean;
  private dt = 0;
  private startStep = 0;
  private lastStep = 0;

  constructor(population: Population<object>, options: SpikeMonitorOptions = {}) {
    this.population = population;
    this.count = new Uint32Array(population.size);
    this.recordEach = options.record ?? true;
    if (options.indices !== undefined) {
      const subset = subsetIndices(population, options.indices, 'SpikeMonitor');
      this.mask = new Uint8Array(population.size);
      for (const i of subset) this.mask[i] = 1;
    } else {
      this.mask = null;
    }
  }

  attach(dt: number, step: number): void {
    this.dt = dt;
    this.startStep = step;
    this.lastStep = step;
  }

  afterStep(k: number): void {
    const pop = this.population;
    const n = pop.spikeCount;
    this.lastStep = k + 1;
    if (n === 0) return;
    const spikes = pop.spikes;
    const mask = this.mask;
    const count = this.count;
    if (this.recordEach) {
      this.indexList.reserve(n);
      this.stepList.reserve(n);
    }
    const idx = this.indexList;
    const st = this.stepList;
    for (let s = 0; s < n; s++) {
      const i = spikes[s];
      if (mask !== null && mask[i] === 0) continue;
      count[i]++;
      if (this.recordEach) {
        idx.push(i);
        st.push(k + pop.stampOffset);
      }
    }
  }

  /** Number of spikes recorded. */
  get numSpikes(): number {
    let total = 0;
    for (let i = 0; i < this.count.length; i++) total += this.count[i];
    return total;
  }

  /** Neuron index of each recorded spike (in time order). */
  get indices(): Uint32Array {
    return this.indexList.toArray();
  }

  /** Time of each recorded spike, ms. */
  get times(): Float64Array {
    const steps = this.stepList.view();
    const out = new Float64Array(steps.length);
    for (let s = 0; s < out.length; s++) out[s] = steps[s] * this.dt;
    return out;
  }

  /** Step stamp of each recorded spike (time = stamp x dt); exact integers for comparisons. */
  get steps(): Int32Array {
    return this.stepList.toArray();
  }

  /** Spike times of each neuron, ms. */
  spikeTrains(): Float64Array[] {
    const trains: Float64Array[] = [];
    const fill = new Uint32Array(this.population.size);
    for (let i = 0; i < this.population.size; i++) trains.push(new Float64Array(this.count[i]));
    const idx = this.indexList.view();
    const steps = this.stepList.view();
    for (let s = 0; s < idx.length; s++) trains[idx[s]][fill[idx[s]]++] = steps[s] * this.dt;
    return trains;
  }

  /** Recording time so far, ms. */
  get duration(): number {
    return (this.lastStep - this.startStep) * this.dt;
  }

  /** Mean firing rate per recorded neuron over the recording time, Hz. */
  meanRate(): number {
    const recorded = this.mask ? this.mask.reduce((a, b) => a + b, 0) : this.population.size;
    const seconds = this.duration / 1000;
    return recorded === 0 || seconds === 0 ? 0 : this.numSpikes / recorded / seconds;
  }

  /** Forgets everything recorded so far (counts too); recording goes on from the current step. */
  reset(): void {
    this.indexList.clear();
    this.stepList.clear();
    this.count.fill(0);
    this.startStep = this.lastStep;
  }
}
