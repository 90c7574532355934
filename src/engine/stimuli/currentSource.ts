/**
 * Current sources inject a current (nA) into chosen neurons, added to their `iOffset`
 * (PyNN's `DCSource`, `StepCurrentSource`, `ACSource`, `NoisyCurrentSource`). The value
 * used for the step from t_k to t_{k+1} is the source's value at t_k, held constant
 * over the step (so exact integration stays exact for piecewise-constant currents).
 */
import type { Rng } from '../../core/rng.js';

export interface CurrentSource {
  /** 'DCSource', 'StepCurrentSource', ... */
  readonly kind: string;
  /** @internal whether the injected values at step k may differ from those at step k - 1 */
  changesAt(k: number, dt: number): boolean;
  /** @internal adds the current for step k (nA) into `iExt` at `targets` */
  addTo(k: number, dt: number, iExt: Float32Array, targets: Uint32Array, rng: Rng): void;
  /** @internal throws a ParameterError if the source cannot run on a grid of step `dt` (checked by `network.inject`) */
  checkGrid?(dt: number): void;
}

/** The step index of time `t` (ms) on the grid of `dt` (Infinity stays Infinity). */
export function stepOf(t: number, dt: number): number {
  return t === Infinity ? Infinity : Math.round(t / dt);
}
