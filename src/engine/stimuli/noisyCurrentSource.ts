import { ParameterError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { requireFinite, requireNonNegative } from '../../core/validate.js';
import { stepOf, type CurrentSource } from './currentSource.js';

/** Options of {@link NoisyCurrentSource}. */
export interface NoisyCurrentSourceOptions {
  /** mean current, nA */
  readonly mean: number;
  /** standard deviation, nA */
  readonly stdev: number;
  /** interval between new values, ms (a multiple of the network's dt; default dt) */
  readonly dt?: number;
  /** switch-on time, ms (default 0) */
  readonly start?: number;
  /** switch-off time, ms (default never) */
  readonly stop?: number;
}

/**
 * Gaussian white-noise current (PyNN `NoisyCurrentSource`, NEST `noise_generator`):
 * every `dt` ms each target gets a new independent value N(mean, stdev^2), drawn from
 * the network's seeded generator.
 */
export class NoisyCurrentSource implements CurrentSource {
  readonly kind = 'NoisyCurrentSource';
  readonly mean: number;
  readonly stdev: number;
  readonly interval: number | undefined;
  readonly start: number;
  readonly stop: number;
  /** the values in force, per injection (keyed by its target list) */
  private readonly held = new WeakMap<Uint32Array, Float32Array>();

  constructor(options: NoisyCurrentSourceOptions) {
    this.mean = requireFinite('mean', options?.mean, 'NoisyCurrentSource');
    this.stdev = requireNonNegative('stdev', options.stdev, 'NoisyCurrentSource', 'nA');
    if (options.dt !== undefined) requireNonNegative('dt', options.dt, 'NoisyCurrentSource', 'ms');
    if (options.dt === 0) throw new ParameterError('dt', 0, 'a finite number > 0 (ms)', 'NoisyCurrentSource');
    this.interval = options.dt;
    this.start = requireNonNegative('start', options.start ?? 0, 'NoisyCurrentSource', 'ms');
    const stop = options.stop ?? Infinity;
    if (typeof stop !== 'number' || Number.isNaN(stop) || stop < this.start) {
      throw new ParameterError('stop', stop, `a time >= start = ${this.start} (ms) or Infinity`, 'NoisyCurrentSource');
    }
    this.stop = stop;
  }

  private every(dt: number): number {
    if (this.interval === undefined) return 1;
    const steps = Math.round(this.interval / dt);
    if (steps < 1 || Math.abs(steps * dt - this.interval) > 1e-9 * Math.max(1, this.interval)) {
      throw new ParameterError('dt', this.interval, `a positive multiple of the network's dt = ${dt} ms`, 'NoisyCurrentSource');
    }
    return steps;
  }

  checkGrid(dt: number): void {
    this.every(dt);
  }

  changesAt(k: number, dt: number): boolean {
    const k0 = stepOf(this.start, dt);
    if (k === stepOf(this.stop, dt)) return true;
    return k >= k0 && k < stepOf(this.stop, dt) && (k - k0) % this.every(dt) === 0;
  }

  addTo(k: number, dt: number, iExt: Float32Array, targets: Uint32Array, rng: Rng): void {
    const k0 = stepOf(this.start, dt);
    if (k < k0 || k >= stepOf(this.stop, dt)) return;
    // Hold each value for the whole interval, even when another source forces a rebuild.
    let values = this.held.get(targets);
    if (values === undefined || (k - k0) % this.every(dt) === 0) {
      values ??= new Float32Array(targets.length);
      for (let r = 0; r < targets.length; r++) values[r] = this.mean + this.stdev * rng.normal();
      this.held.set(targets, values);
    }
    for (let r = 0; r < targets.length; r++) iExt[targets[r]] += values[r];
  }
}
