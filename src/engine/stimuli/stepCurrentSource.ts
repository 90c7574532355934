import { ParameterError } from '../../core/errors.js';
import { stepOf, type CurrentSource } from './currentSource.js';

/** Options of {@link StepCurrentSource}. */
export interface StepCurrentSourceOptions {
  /** times at which the amplitude changes, ms, strictly increasing */
  readonly times: ArrayLike<number>;
  /** the amplitude from each time on, nA (0 before the first time) */
  readonly amplitudes: ArrayLike<number>;
}

/** A piecewise-constant current (PyNN `StepCurrentSource`). */
export class StepCurrentSource implements CurrentSource {
  readonly kind = 'StepCurrentSource';
  readonly times: Float64Array;
  readonly amplitudes: Float64Array;

  constructor(options: StepCurrentSourceOptions) {
    const { times, amplitudes } = options ?? ({} as StepCurrentSourceOptions);
    if (!times || typeof times.length !== 'number') {
      throw new ParameterError('times', times, 'an array of times (ms)', 'StepCurrentSource');
    }
    if (!amplitudes || amplitudes.length !== times.length) {
      throw new ParameterError('amplitudes', amplitudes, `an array of ${times.length} amplitudes (nA), one per time`, 'StepCurrentSource');
    }
    for (let s = 0; s < times.length; s++) {
      const t = times[s];
      if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || (s > 0 && !(t > times[s - 1]))) {
        throw new ParameterError(`times[${s}]`, t, 'finite times >= 0 in strictly increasing order (ms)', 'StepCurrentSource');
      }
      if (typeof amplitudes[s] !== 'number' || !Number.isFinite(amplitudes[s])) {
        throw new ParameterError(`amplitudes[${s}]`, amplitudes[s], 'a finite number (nA)', 'StepCurrentSource');
      }
    }
    this.times = Float64Array.from(times);
    this.amplitudes = Float64Array.from(amplitudes);
  }

  /** The amplitude in force during step k, nA. */
  amplitudeAt(k: number, dt: number): number {
    let a = 0;
    for (let s = 0; s < this.times.length && stepOf(this.times[s], dt) <= k; s++) a = this.amplitudes[s];
    return a;
  }

  changesAt(k: number, dt: number): boolean {
    for (let s = 0; s < this.times.length; s++) if (stepOf(this.times[s], dt) === k) return true;
    return false;
  }

  addTo(k: number, dt: number, iExt: Float32Array, targets: Uint32Array): void {
    const a = this.amplitudeAt(k, dt);
    if (a === 0) return;
    for (let r = 0; r < targets.length; r++) iExt[targets[r]] += a;
  }
}
