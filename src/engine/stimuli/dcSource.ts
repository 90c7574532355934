import { ParameterError } from '../../core/errors.js';
import { requireFinite, requireNonNegative } from '../../core/validate.js';
import { stepOf, type CurrentSource } from './currentSource.js';

/** Options of {@link DCSource}. */
export interface DCSourceOptions {
  /** current, nA */
  readonly amplitude: number;
  /** switch-on time, ms (default 0) */
  readonly start?: number;
  /** switch-off time, ms (default never) */
  readonly stop?: number;
}

/**
 * A constant current in [start, stop) (PyNN `DCSource`).
 *
 * @example net.inject(new DCSource({ amplitude: 0.5, start: 50, stop: 150 }), pop)
 */
export class DCSource implements CurrentSource {
  readonly kind = 'DCSource';
  readonly amplitude: number;
  readonly start: number;
  readonly stop: number;

  constructor(options: DCSourceOptions) {
    this.amplitude = requireFinite('amplitude', options?.amplitude, 'DCSource');
    this.start = requireNonNegative('start', options.start ?? 0, 'DCSource', 'ms');
    const stop = options.stop ?? Infinity;
    if (typeof stop !== 'number' || Number.isNaN(stop) || stop < this.start) {
      throw new ParameterError('stop', stop, `a time >= start = ${this.start} (ms) or Infinity`, 'DCSource');
    }
    this.stop = stop;
  }

  changesAt(k: number, dt: number): boolean {
    return k === stepOf(this.start, dt) || k === stepOf(this.stop, dt);
  }

  addTo(k: number, dt: number, iExt: Float32Array, targets: Uint32Array): void {
    if (k < stepOf(this.start, dt) || k >= stepOf(this.stop, dt)) return;
    for (let r = 0; r < targets.length; r++) iExt[targets[r]] += this.amplitude;
  }
}
