/**
 * Monitors the dashboard's worker attaches to a network: they keep only what happened
 * since the last frame (spikes, membrane samples), so a run of any length streams in
 * constant memory. They use the public `Monitor` contract, like the engine's own monitors.
 */
import type { Monitor, Population } from '../../src/index.js';

/** Spikes of one population since the last {@link take}, as times (ms) and raster rows. */
export class SpikeTap implements Monitor {
  readonly population: Population<object>;
  private dt = 0.1;
  private times: number[] = [];
  private rows: number[] = [];

  constructor(
    population: Population<object>,
    /** raster row of neuron 0 */
    readonly rowOffset: number,
  ) {
    this.population = population;
  }

  attach(dt: number): void {
    this.dt = dt;
  }

  afterStep(k: number): void {
    const pop = this.population;
    const n = pop.spikeCount;
    if (n === 0) return;
    const t = (k + pop.stampOffset) * this.dt;
    const spikes = pop.spikes;
    for (let s = 0; s < n; s++) {
      this.times.push(t);
      this.rows.push(this.rowOffset + spikes[s]);
    }
  }

  /** The spikes since the last call, and forgets them. */
  take(): { times: Float64Array; rows: Float32Array } {
    const out = { times: Float64Array.from(this.times), rows: Float32Array.from(this.rows) };
    this.times = [];
    this.rows = [];
    return out;
  }
}

/** Membrane potential of a few neurons of one population, sampled every `every` steps. */
export class MembraneTap implements Monitor {
  readonly population: Population<object>;
  private dt = 0.1;
  private times: number[] = [];
  private values: number[][];

  constructor(
    population: Population<object>,
    readonly indices: readonly number[],
    readonly every = 1,
  ) {
    this.population = population;
    this.values = indices.map(() => []);
  }

  attach(dt: number): void {
    this.dt = dt;
  }

  beforeStep(k: number): void {
    if (k % this.every !== 0) return;
    const v = this.population.state.v;
    if (v === undefined) return;
    this.times.push(k * this.dt);
    this.indices.forEach((i, r) => this.values[r].push(v[i]));
  }

  /** The samples since the last call, and forgets them. */
  take(): { times: Float64Array; values: Float32Array[] } {
    const out = { times: Float64Array.from(this.times), values: this.values.map((v) => Float32Array.from(v)) };
    this.times = [];
    this.values = this.indices.map(() => []);
    return out;
  }
}

/** Population rates in fixed bins, from the spike times the taps hand over. */
export class RateBinner {
  private binStart = 0;
  private counts: Float64Array;

  constructor(
    readonly sizes: readonly number[],
    readonly binMs: number,
  ) {
    this.counts = new Float64Array(sizes.length);
  }

  /**
   * Adds the spikes of a frame that ends at `t` (ms) and returns the bins completed by it:
   * centre times and rate (Hz) per population.
   */
  add(spikeTimes: readonly Float64Array[], t: number): { times: Float64Array; rates: Float32Array[] } {
    const times: number[] = [];
    const rates: number[][] = this.sizes.map(() => []);
    // every spike of this frame is at or before t; bins close in order
    const order: { t: number; p: number }[] = [];
    spikeTimes.forEach((ts, p) => ts.forEach((x) => order.push({ t: x, p })));
    order.sort((a, b) => a.t - b.t);
    let s = 0;
    while (this.binStart + this.binMs <= t + 1e-9) {
      const end = this.binStart + this.binMs;
      while (s < order.length && order[s].t < end) this.counts[order[s++].p]++;
      times.push(this.binStart + this.binMs / 2);
      this.sizes.forEach((size, p) => rates[p].push((this.counts[p] * 1000) / (size * this.binMs)));
      this.counts.fill(0);
      this.binStart = end;
    }
    while (s < order.length) this.counts[order[s++].p]++;
    return { times: Float64Array.from(times), rates: rates.map((r) => Float32Array.from(r)) };
  }
}

/** Counts of `values` in `bins` equal bins over [0, max]. */
export function histogram(values: ArrayLike<number>, max: number, bins: number): Float32Array {
  const counts = new Float32Array(bins);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((values[i] / max) * bins)));
    counts[b]++;
  }
  return counts;
}
