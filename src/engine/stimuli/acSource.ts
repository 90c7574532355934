import { ParameterError } from '../../core/errors.js';
import { requireFinite, requireNonNegative } from '../../core/validate.js';
import { stepOf, type CurrentSource } from './currentSource.js';

/** Options of {@link ACSource}. */
export interface ACSourceOptions {
  /** amplitude of the sine, nA */
  readonly amplitude: number;
  /** constant offset, nA (default 0) */
  readonly offset?: number;
  /** frequency, Hz */
  readonly frequency: number;
  /** phase, degrees (default 0) */
  readonly phase?: number;
  /** switch-on time, ms (default 0) */
  readonly start?: number;
  /** switch-off time, ms (default never) */
  readonly stop?: number;
}

/**
 * A sinusoidal current offset + amplitude sin(2 pi f (t - start) + phase) in
 * [start, stop) (PyNN `ACSource`), sampled at the start of each step.
 */
export class ACSource implements CurrentSource {
  readonly kind = 'ACSource';
  readonly amplitude: number;
  readonly offset: number;
  readonly frequency: number;
  readonly phase: number;
  readonly start: number;
  readonly stop: number;

  constructor(options: ACSourceOptions) {
    this.amplitude = requireFinite('amplitude', options?.amplitude, 'ACSource');
    this.offset = requireFinite('offset', options.offset ?? 0, 'ACSource');
    this.frequency = requireNonNegative('frequency', options.frequency, 'ACSource', 'Hz');
    this.phase = requireFinite('phase', options.phase ?? 0, 'ACSource');
    this.start = requireNonNegative('start', options.start ?? 0, 'ACSource', 'ms');
    const stop = options.stop ?? Infinity;
    if (typeof stop !== 'number' || Number.isNaN(stop) || stop < this.start) {
      throw new ParameterError('stop', stop, `a time >= start = ${this.start} (ms) or Infinity`, 'ACSource');
    }
    this.stop = stop;
  }

  changesAt(k: number, dt: number): boolean {
    return k >= stepOf(this.start, dt) && k <= stepOf(this.stop, dt);
  }

  addTo(k: number, dt: number, iExt: Float32Array, targets: Uint32Array): void {
    if (k < stepOf(this.start, dt) || k >= stepOf(this.stop, dt)) return;
    const t = k * dt - this.start;
    const a = this.offset + this.amplitude * Math.sin((2 * Math.PI * this.frequency * t) / 1000 + (this.phase * Math.PI) / 180);
    for (let r = 0; r < targets.length; r++) iExt[targets[r]] += a;
  }
}
