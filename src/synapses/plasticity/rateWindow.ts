/**
 * Rate estimates for rate-based rules on spiking populations: spikes are counted per
 * neuron (O(spikes) per step) and turned into rates (Hz) at the end of each window of
 * `steps` steps, when the rule updates. Nothing is allocated per step.
 */
import { ParameterError } from '../../core/errors.js';
import type { SpikingGroup } from './plasticityRule.js';

/** Spike counts of one population over the current window. */
export class RateWindow {
  readonly counts: Float64Array;
  /** rates of the last complete window, Hz */
  readonly rates: Float64Array;

  constructor(readonly group: SpikingGroup) {
    this.counts = new Float64Array(group.size);
    this.rates = new Float64Array(group.size);
  }

  /** Adds the group's spikes of the current step. */
  count(): void {
    const g = this.group;
    const sp = g.spikes;
    for (let s = 0; s < g.spikeCount; s++) this.counts[sp[s]]++;
  }

  /** Closes a window of `ms` milliseconds: rates = counts / window, counts reset. */
  close(ms: number): Float64Array {
    const scale = 1000 / ms;
    for (let i = 0; i < this.counts.length; i++) {
      this.rates[i] = this.counts[i] * scale;
      this.counts[i] = 0;
    }
    return this.rates;
  }
}

/** Validates an update interval (ms) against dt and returns it in whole steps. */
export function intervalSteps(interval: number, dt: number): number {
  return Math.max(1, Math.round(interval / dt));
}

/** Common checks of periodic rate rules: interval > 0 (ms), finite ordered bounds. */
export function checkBounds(wMin: unknown, wMax: unknown, ctx: string): void {
  if (typeof wMin !== 'number' || Number.isNaN(wMin) || wMin === Infinity) throw new ParameterError('wMin', wMin, 'a number below wMax (weight units; -Infinity for none)', ctx);
  if (typeof wMax !== 'number' || Number.isNaN(wMax) || wMax === -Infinity) throw new ParameterError('wMax', wMax, 'a number above wMin (weight units; Infinity for none)', ctx);
  if (!(wMin < wMax)) throw new ParameterError('wMax', wMax, `a weight above wMin = ${wMin}`, ctx);
}

/** A finite number >= 0 (or > 0 when `positive`), named in the error. */
export function checkNumber(name: string, value: unknown, ctx: string, allowed: string, positive = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new ParameterError(name, value, allowed, ctx);
  }
  return value;
}

/** Throws unless every weight lies in [wMin, wMax] (Float32 rounding of the bounds allowed). */
export function checkWeightsInBounds(w: Float32Array | Float64Array, wMin: number, wMax: number, ctx: string): void {
  const lo = Math.fround(wMin);
  const hi = Math.fround(wMax);
  for (let s = 0; s < w.length; s++) {
    if (!(w[s] >= Math.min(lo, wMin) && w[s] <= Math.max(hi, wMax))) {
      throw new ParameterError('weight', w[s], `weights within the rule's bounds [wMin, wMax] = [${wMin}, ${wMax}]`, `${ctx} (synapse ${s})`);
    }
  }
}
