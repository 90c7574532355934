/**
 * Records the weights of a (plastic) projection: chosen synapses, or all of them, every
 * `interval` ms (Brian's `StateMonitor(synapses, 'w')`, PyNN's `projection.get('weight')`
 * sampled over time). As with `StateMonitor`, a sample at time t is taken at the start of
 * the step from t to t + dt: it holds every plasticity update of the steps before, so the
 * first sample is the initial weights. Read `projection.weight` for the weights after the
 * last step.
 */
import { ParameterError } from '../../core/errors.js';
import { GrowableFloat32Array } from '../../core/growable.js';
import type { Monitor } from '../monitor.js';
import type { Population } from '../population.js';
import type { Projection } from '../projection.js';

/** Options of {@link WeightMonitor}. */
export interface WeightMonitorOptions {
  /** synapse ids (positions in CSR order, as in `projection.weight`) to record; default all */
  readonly synapses?: ArrayLike<number>;
  /** (pre, post) neuron pairs to record instead of ids (the first synapse of each pair) */
  readonly pairs?: ReadonlyArray<readonly [number, number]>;
  /** sampling interval, ms (a multiple of dt; default dt) */
  readonly interval?: number;
}

/**
 * @example
 * const wm = net.add(new WeightMonitor(proj, { synapses: [0, 1], interval: 1000 }));
 * net.run(10_000);
 * wm.trace(0);      // Float32Array: weight of synapse 0 at 0, 1000, ... 9000 ms
 * wm.snapshot(-1);  // the recorded weights at the last sample
 */
export class WeightMonitor implements Monitor {
  /** the projection's target population (monitors are attached through a population) */
  readonly population: Population<object>;
  readonly projection: Projection;
  /** recorded synapse ids, in the order given */
  readonly synapses: Uint32Array;
  private readonly intervalMs: number | undefined;
  private intervalSteps = 1;
  private dt = 0;
  private readonly data = new GrowableFloat32Array();
  private readonly sampleSteps: number[] = [];

  constructor(projection: Projection, options: WeightMonitorOptions = {}) {
    const ctx = 'WeightMonitor';
    if (!projection || !(projection.weight instanceof Float32Array) || !projection.rowPtr) {
      throw new ParameterError('projection', projection, 'a projection made by network.connect(...)', ctx);
    }
    if (options === null || typeof options !== 'object') throw new ParameterError('options', options, 'an object of named options', ctx);
    for (const key of Object.keys(options)) {
      if (!['synapses', 'pairs', 'interval'].includes(key)) {
        throw new ParameterError(`options.${key}`, (options as Record<string, unknown>)[key], 'a known key: synapses, pairs, interval', ctx);
      }
    }
    this.projection = projection;
    this.population = projection.post;
    const m = projection.size;
    if (options.synapses !== undefined && options.pairs !== undefined) {
      throw new ParameterError('pairs', options.pairs, 'either synapses or pairs, not both', ctx);
    }
    if (options.pairs !== undefined) {
      const pairs = options.pairs;
      if (!Array.isArray(pairs)) throw new ParameterError('pairs', pairs, 'an array of [pre, post] index pairs', ctx);
      this.synapses = Uint32Array.from(pairs, (pair, r) => {
        const [i, j] = Array.isArray(pair) ? pair : [NaN, NaN];
        const id = Number.isInteger(i) && i >= 0 && i < projection.pre.size ? findSynapse(projection, i, j) : -1;
        if (id < 0) throw new ParameterError(`pairs[${r}]`, pair, `a connected [pre, post] pair of projection '${projection.label}'`, ctx);
        return id;
      });
    } else if (options.synapses !== undefined) {
      const ids = options.synapses;
      if (!ids || typeof ids.length !== 'number') throw new ParameterError('synapses', ids, 'an array of synapse ids', ctx);
      this.synapses = new Uint32Array(ids.length);
      for (let r = 0; r < ids.length; r++) {
        const s = ids[r];
        if (!Number.isInteger(s) || s < 0 || s >= m) throw new ParameterError(`synapses[${r}]`, s, `a synapse id in [0, ${m - 1}]`, ctx);
        this.synapses[r] = s;
      }
    } else {
      this.synapses = new Uint32Array(m);
      for (let s = 0; s < m; s++) this.synapses[s] = s;
    }
    if (options.interval !== undefined && !(typeof options.interval === 'number' && options.interval > 0 && Number.isFinite(options.interval))) {
      throw new ParameterError('interval', options.interval, 'a finite number > 0 (ms)', ctx);
    }
    this.intervalMs = options.interval;
  }

  /** @internal */
  attach(dt: number): void {
    this.dt = dt;
    if (this.intervalMs !== undefined) {
      const steps = Math.round(this.intervalMs / dt);
      if (steps < 1 || Math.abs(steps * dt - this.intervalMs) > 1e-9 * Math.max(1, this.intervalMs)) {
        throw new ParameterError('interval', this.intervalMs, `a positive multiple of dt = ${dt} ms`, 'WeightMonitor');
      }
      this.intervalSteps = steps;
    }
  }

  /** @internal */
  beforeStep(k: number): void {
    if (k % this.intervalSteps !== 0) return;
    this.sampleSteps.push(k);
    const ids = this.synapses;
    const m = ids.length;
    const w = this.projection.weight;
    const out = this.data;
    out.reserve(m);
    const buf = out.buffer;
    const base = out.length;
    for (let r = 0; r < m; r++) buf[base + r] = w[ids[r]];
    out.length = base + m;
  }

  /** Sample times, ms. */
  get times(): Float64Array {
    return Float64Array.from(this.sampleSteps, (k) => k * this.dt);
  }

  /** Number of samples so far. */
  get numSamples(): number {
    return this.sampleSteps.length;
  }

  /** The weight of the r-th recorded synapse (r indexes {@link synapses}) at every sample. */
  trace(r: number): Float32Array {
    const m = this.synapses.length;
    if (!Number.isInteger(r) || r < 0 || r >= m) {
      throw new ParameterError('r', r, `an integer in [0, ${m - 1}] (position in synapses)`, 'WeightMonitor.trace');
    }
    const data = this.data.view();
    const out = new Float32Array(this.sampleSteps.length);
    for (let s = 0; s < out.length; s++) out[s] = data[s * m + r];
    return out;
  }

  /** The recorded weights at sample `s` (negative counts from the end: -1 is the last). */
  snapshot(s: number): Float32Array {
    const n = this.sampleSteps.length;
    const at = s < 0 ? n + s : s;
    if (!Number.isInteger(s) || at < 0 || at >= n) {
      throw new ParameterError('s', s, n === 0 ? 'a sample index (no samples yet)' : `an integer in [${-n}, ${n - 1}]`, 'WeightMonitor.snapshot');
    }
    const m = this.synapses.length;
    return this.data.view().slice(at * m, (at + 1) * m);
  }
}

/** The first synapse id from pre i to post j, or -1. */
function findSynapse(projection: Projection, i: number, j: number): number {
  const { rowPtr, target } = projection;
  for (let s = rowPtr[i]; s < rowPtr[i + 1]; s++) if (target[s] === j) return s;
  return -1;
}
