/**
 * The instantaneous firing rate of a whole population: spikes per step divided by the
 * population size and dt (Brian's `PopulationRateMonitor`), with binned and smoothed views.
 */
import { ParameterError } from '../../core/errors.js';
import { GrowableUint32Array } from '../../core/growable.js';
import type { Monitor } from '../monitor.js';
import type { Population } from '../population.js';

/** A rate time series: `times` (ms, bin starts or sample times) and `rates` (Hz). */
export interface RateSeries {
  readonly times: Float64Array;
  readonly rates: Float64Array;
}

export class PopulationRateMonitor implements Monitor {
  readonly population: Population<object>;
  private readonly counts = new GrowableUint32Array();
  private dt = 0;
  private startStep = 0;

  constructor(population: Population<object>) {
    this.population = population;
  }

  attach(dt: number, step: number): void {
    this.dt = dt;
    this.startStep = step;
  }

  afterStep(): void {
    this.counts.push(this.population.spikeCount);
  }

  /** Spikes in each step so far. */
  get spikeCounts(): Uint32Array {
    return this.counts.toArray();
  }

  /** The rate at every step, Hz; times are the spike stamps (end of each step; under 'spinnaker' semantics its start), ms. */
  get rate(): RateSeries {
    const c = this.counts.view();
    const scale = 1000 / (this.dt * this.population.size);
    const times = new Float64Array(c.length);
    const rates = new Float64Array(c.length);
    for (let s = 0; s < c.length; s++) {
      times[s] = (this.startStep + s + this.population.stampOffset) * this.dt;
      rates[s] = c[s] * scale;
    }
    return { times, rates };
  }

  /** Mean rate in consecutive bins of `binMs` (a multiple of dt), Hz; times are bin starts. */
  binned(binMs: number): RateSeries {
    const per = Math.round(binMs / this.dt);
    if (!(binMs > 0) || per < 1 || Math.abs(per * this.dt - binMs) > 1e-9 * Math.max(1, binMs)) {
      throw new ParameterError('binMs', binMs, `a positive multiple of dt = ${this.dt} ms`, 'PopulationRateMonitor.binned');
    }
    const c = this.counts.view();
    const nBins = Math.floor(c.length / per);
    const times = new Float64Array(nBins);
    const rates = new Float64Array(nBins);
    const scale = 1000 / (binMs * this.population.size);
    for (let b = 0; b < nBins; b++) {
      let sum = 0;
      for (let s = b * per; s < (b + 1) * per; s++) sum += c[s];
      times[b] = (this.startStep + b * per) * this.dt;
      rates[b] = sum * scale;
    }
    return { times, rates };
  }

  /**
   * The per-step rate smoothed with a window of `widthMs` (Brian's `smooth_rate`):
   * 'gaussian' (standard deviation widthMs, truncated at 3 sd, normalised) or 'flat'
   * (a centred box of widthMs). Edges are normalised by the part of the window inside.
   */
  smoothed(window: 'gaussian' | 'flat', widthMs: number): RateSeries {
    if (window !== 'gaussian' && window !== 'flat') {
      throw new ParameterError('window', window, "'gaussian' or 'flat'", 'PopulationRateMonitor.smoothed');
    }
    if (!(widthMs > 0) || !Number.isFinite(widthMs)) {
      throw new ParameterError('widthMs', widthMs, 'a finite number > 0 (ms)', 'PopulationRateMonitor.smoothed');
    }
    const { times, rates } = this.rate;
    const w = widthMs / this.dt;
    const half = window === 'gaussian' ? Math.ceil(3 * w) : Math.floor(w / 2);
    const kernel = new Float64Array(2 * half + 1);
    for (let o = -half; o <= half; o++) kernel[o + half] = window === 'gaussian' ? Math.exp((-0.5 * o * o) / (w * w)) : 1;
    const out = new Float64Array(rates.length);
    for (let s = 0; s < rates.length; s++) {
      let acc = 0;
      let norm = 0;
      for (let o = -half; o <= half; o++) {
        const t = s + o;
        if (t < 0 || t >= rates.length) continue;
        acc += kernel[o + half] * rates[t];
        norm += kernel[o + half];
      }
      out[s] = acc / norm;
    }
    return { times, rates: out };
  }
}
