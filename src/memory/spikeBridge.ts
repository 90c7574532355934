/**
 * The bridge between SDRs and spikes: an SDR becomes the spike times of a
 * `SpikeSourceArray` population with one neuron per bit (a single volley, or a rate code),
 * and a window of recorded spikes becomes an SDR again (the neurons that fired in it).
 *
 * Times are ms, rates Hz. Every pattern is meant for a network of time step `dt` (default
 * 0.1 ms, the `Network` default; pass `network.dt` otherwise): a `SpikeSourceArray` stamps a
 * spike at time t on step round(t / dt), so every time must be >= dt. Random draws come
 * only from the {@link RandomSource} given (an `Rng`, advanced, or a seed): the same seed
 * gives the same spike times, bit for bit.
 *
 * @example
 * const sdr = new SDR(2048).randomize(40 / 2048, 1);
 * const net = new Network({ dt: 0.1 });
 * const input = net.population(SpikeSourceArray, sdr.size, { params: { spikeTimes: sdrToVolley(sdr, { time: 5 }) } });
 * const spikes = net.add(new SpikeMonitor(input));
 * net.run(10);
 * spikeWindowToSDR(spikes, 5, 5.1).equals(sdr); // true
 */
import { ParameterError } from '../core/errors.js';
import { SpikeMonitor } from '../engine/monitors/spikeMonitor.js';
import { resolveRng, type RandomSource } from '../sdr/randomSource.js';
import { SDR } from '../sdr/sdr.js';

/** Spike times per neuron, ms: entry i lists the times of neuron (bit) i, ascending. */
export type SpikeTimes = number[][];

/** Options of {@link sdrToVolley}. */
export interface VolleyOptions {
  /** time of the volley, ms (>= dt + jitter) */
  readonly time: number;
  /**
   * half-width of the timing jitter, ms (default 0): each active bit spikes at a time drawn
   * uniformly from [time − jitter, time + jitter)
   */
  readonly jitter?: number;
  /** where the jitter is drawn from: an `Rng` (advanced) or a seed; required when jitter > 0 */
  readonly rng?: RandomSource;
  /** time step of the network the pattern is for, ms (default 0.1) */
  readonly dt?: number;
}

/** Options of {@link sdrToRateCode}. */
export interface RateCodeOptions {
  /** firing rate of the active bits, Hz, in [0, 1000 / dt] */
  readonly rate: number;
  /** firing rate of the inactive bits, Hz, in [0, 1000 / dt] (default 0) */
  readonly backgroundRate?: number;
  /** start of the firing window, ms (>= dt) */
  readonly start: number;
  /** end of the firing window, ms (>= start; the window is [start, stop)) */
  readonly stop: number;
  /** where the spikes are drawn from: an `Rng` (advanced) or a seed */
  readonly rng: RandomSource;
  /** time step of the network the pattern is for, ms (default 0.1) */
  readonly dt?: number;
}

/** Options of {@link spikeWindowToSDR}. */
export interface SpikeWindowOptions {
  /** shape of the result (default: [population size]); the product must be the population size */
  readonly dimensions?: number | readonly number[];
  /** an SDR to write the result into (its size must be the population size); returned */
  readonly output?: SDR;
}

/** Default time step, ms: the `Network` default. */
const DEFAULT_DT = 0.1;

/** A window edge within this fraction of dt of a grid time counts as that grid time. */
const GRID_TOLERANCE = 1e-9;

const FIRST_STEP_HINT = 'a SpikeSourceArray emits a spike at t in step round(t / dt), and the first step ends at dt';

/** The first step stamp s with s·dt >= t (up to {@link GRID_TOLERANCE}). */
function firstStampAtOrAfter(t: number, dt: number): number {
  return Math.ceil(t / dt - GRID_TOLERANCE);
}

function requireSDR(sdr: unknown, context: string): SDR {
  if (!(sdr instanceof SDR)) throw new ParameterError('sdr', sdr, 'an SDR', context);
  return sdr;
}

function requireOptions(options: unknown, context: string, keys: readonly string[]): Record<string, unknown> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ParameterError('options', options, `an object with ${keys.join(', ')}`, context);
  }
  const opts = options as Record<string, unknown>;
  for (const key of Object.keys(opts)) {
    if (!keys.includes(key)) {
      throw new ParameterError(`options.${key}`, opts[key], `one of the options ${keys.join(', ')}`, context, 'check the spelling');
    }
  }
  return opts;
}

function readDt(value: unknown, context: string): number {
  const dt = value ?? DEFAULT_DT;
  if (typeof dt !== 'number' || !Number.isFinite(dt) || dt <= 0) {
    throw new ParameterError('dt', dt, 'a finite time step > 0 (ms)', context, "pass the network's dt");
  }
  return dt;
}

function readTime(name: string, value: unknown, context: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ParameterError(name, value, 'a finite time (ms)', context);
  }
  return value;
}

function readRate(name: string, value: unknown, dt: number, context: string): number {
  const max = 1000 / dt;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    const hint = typeof value === 'number' && value > max ? 'a neuron fires at most once per step' : undefined;
    throw new ParameterError(name, value, `a rate in [0, 1000 / dt] = [0, ${max}] (Hz)`, context, hint);
  }
  return value;
}

/**
 * One volley: every active bit of `sdr` spikes once at `time` (or at a time jittered
 * uniformly within ± `jitter`), inactive bits stay silent. The result is the `spikeTimes`
 * of a `SpikeSourceArray` population of `sdr.size` neurons. Jitter draws, one per active
 * bit in ascending bit order, come from `rng`.
 *
 * @param sdr - the pattern; neuron i stands for bit i (flat index)
 * @param options - `time` (ms), optional `jitter` (ms) with its `rng`, `dt` (ms)
 * @returns spike times per neuron, ms: `[time]` for active bits, `[]` for the others
 * @throws ParameterError when `time − jitter < dt` (a SpikeSourceArray cannot spike before
 *   the first step ends), the jitter is negative or has no `rng`, or an option is unknown
 * @example
 * const spikeTimes = sdrToVolley(SDR.fromSparse(4, [1, 3]), { time: 2 }); // [[], [2], [], [2]]
 * net.population(SpikeSourceArray, 4, { params: { spikeTimes } });
 * @see sdrToRateCode, spikeWindowToSDR
 */
export function sdrToVolley(sdr: SDR, options: VolleyOptions): SpikeTimes {
  const ctx = 'sdrToVolley';
  requireSDR(sdr, ctx);
  const opts = requireOptions(options, ctx, ['time', 'jitter', 'rng', 'dt']);
  const dt = readDt(opts.dt, ctx);
  const time = readTime('time', opts.time, ctx);
  const jitter = opts.jitter ?? 0;
  if (typeof jitter !== 'number' || !Number.isFinite(jitter) || jitter < 0) {
    throw new ParameterError('jitter', jitter, 'a finite half-width >= 0 (ms)', ctx);
  }
  const earliest = dt * (1 - GRID_TOLERANCE);
  if (time < earliest) {
    throw new ParameterError('time', time, `a time >= dt = ${dt} (ms)`, ctx, FIRST_STEP_HINT);
  }
  if (time - jitter < earliest) {
    throw new ParameterError(
      'jitter',
      jitter,
      `a half-width <= time − dt = ${time - dt} (ms)`,
      ctx,
      `the earliest spike, time − jitter = ${time - jitter} ms, would come before dt; ${FIRST_STEP_HINT}`,
    );
  }
  const rng = opts.rng === undefined && jitter === 0 ? null : resolveRng(opts.rng, 'rng', ctx);
  const out: SpikeTimes = Array.from({ length: sdr.size }, () => []);
  const active = sdr.sparse;
  for (let k = 0; k < active.length; k++) {
    const t = rng !== null && jitter > 0 ? time + jitter * (2 * rng.random() - 1) : time;
    out[active[k]].push(t);
  }
  return out;
}

/**
 * A rate code: in [start, stop), every active bit of `sdr` fires as a Poisson process at
 * `rate`, every inactive bit at `backgroundRate`. The process is the one of
 * `SpikeSourcePoisson` on the network's grid: in each step whose end time s·dt lies in
 * [start, stop), a neuron fires with probability rate·dt / 1000, independently; so a
 * neuron's count is Binomial(steps, rate·dt / 1000), mean rate·(stop − start) / 1000 when
 * the window is a whole number of steps. Spike times are grid times s·dt (exactly the
 * stamps a monitor records). Draws come from `rng`, neuron by neuron in index order
 * (geometric gaps between spikes, so the cost is O(spikes)).
 *
 * @param sdr - the pattern; neuron i stands for bit i (flat index)
 * @param options - `rate` and `backgroundRate` (Hz), `start` and `stop` (ms), `rng`, `dt` (ms)
 * @returns spike times per neuron, ms, ascending
 * @throws ParameterError for a negative rate or one above 1000 / dt, start < dt, stop < start,
 *   a missing rng or an unknown option
 * @example
 * const spikeTimes = sdrToRateCode(sdr, { rate: 50, backgroundRate: 1, start: 10, stop: 110, rng: 7 });
 * net.population(SpikeSourceArray, sdr.size, { params: { spikeTimes } });
 * @see sdrToVolley, spikeWindowToSDR
 */
export function sdrToRateCode(sdr: SDR, options: RateCodeOptions): SpikeTimes {
  const ctx = 'sdrToRateCode';
  requireSDR(sdr, ctx);
  const opts = requireOptions(options, ctx, ['rate', 'backgroundRate', 'start', 'stop', 'rng', 'dt']);
  const dt = readDt(opts.dt, ctx);
  const rate = readRate('rate', opts.rate, dt, ctx);
  const background = readRate('backgroundRate', opts.backgroundRate ?? 0, dt, ctx);
  const start = readTime('start', opts.start, ctx);
  const stop = readTime('stop', opts.stop, ctx);
  if (start < dt * (1 - GRID_TOLERANCE)) {
    throw new ParameterError('start', start, `a time >= dt = ${dt} (ms)`, ctx, FIRST_STEP_HINT);
  }
  if (stop < start) {
    throw new ParameterError('stop', stop, `a time >= start = ${start} (ms)`, ctx, 'the window is [start, stop)');
  }
  const first = firstStampAtOrAfter(start, dt); // >= 1
  const end = firstStampAtOrAfter(stop, dt); // spikes on the stamps in [first, end)
  const rng = resolveRng(opts.rng, 'rng', ctx);
  const pActive = (rate * dt) / 1000;
  const pBackground = (background * dt) / 1000;
  const out: SpikeTimes = Array.from({ length: sdr.size }, () => []);
  const active = sdr.sparse;
  for (let i = 0, k = 0; i < sdr.size; i++) {
    const on = k < active.length && active[k] === i;
    if (on) k++;
    const p = on ? pActive : pBackground;
    if (p <= 0) continue;
    const times = out[i];
    for (let s = first + rng.geometric(p); s < end; s += 1 + rng.geometric(p)) times.push(s * dt);
  }
  return out;
}

/**
 * The SDR of the neurons of `monitor`'s population that fired in [t0, t1): bit i is active
 * when neuron i has at least one recorded spike stamped at a time τ with t0 <= τ < t1.
 * Spikes are compared by their step stamps (a window edge within 1e-9·dt of a grid time
 * counts as that grid time), so `[5, 5.1)` at dt = 0.1 is exactly the step stamped 5 ms.
 *
 * @param monitor - a `SpikeMonitor` that records each spike (`record: true`, the default)
 * @param t0 - start of the window, ms (inclusive)
 * @param t1 - end of the window, ms (exclusive; >= t0)
 * @param options - the result's `dimensions` (default [population size]), or an `output`
 *   SDR to write into
 * @returns a new SDR, or `options.output` holding the result
 * @throws ParameterError when t1 < t0, a time is not finite, the dimensions or the output do
 *   not match the population size, or the monitor keeps counts only
 * @example
 * net.run(100);
 * const recalled = spikeWindowToSDR(ca3Spikes, 80, 100, { dimensions: [32, 64] });
 * @see sdrToVolley, sdrToRateCode
 */
export function spikeWindowToSDR(monitor: SpikeMonitor, t0: number, t1: number, options: SpikeWindowOptions = {}): SDR {
  const ctx = 'spikeWindowToSDR';
  if (!(monitor instanceof SpikeMonitor)) {
    throw new ParameterError('monitor', monitor, 'a SpikeMonitor (attached with network.add)', ctx);
  }
  readTime('t0', t0, ctx);
  readTime('t1', t1, ctx);
  if (t1 < t0) throw new ParameterError('t1', t1, `a time >= t0 = ${t0} (ms)`, ctx, 'the window is [t0, t1)');
  const opts = requireOptions(options, ctx, ['dimensions', 'output']);
  const size = monitor.population.size;
  let out: SDR;
  if (opts.output !== undefined) {
    if (opts.dimensions !== undefined) {
      throw new ParameterError('options', options, 'either dimensions or output, not both', ctx, "the output's dimensions are used");
    }
    if (!(opts.output instanceof SDR)) throw new ParameterError('output', opts.output, 'an SDR', ctx);
    if (opts.output.size !== size) {
      throw new ParameterError('output', opts.output.toString(), `an SDR of size ${size} (the population '${monitor.population.label}')`, ctx);
    }
    out = opts.output;
  } else {
    out = new SDR((opts.dimensions as number | readonly number[] | undefined) ?? size);
    if (out.size !== size) {
      throw new ParameterError(
        'dimensions',
        opts.dimensions,
        `dimensions whose product is ${size} (the size of the population '${monitor.population.label}')`,
        ctx,
      );
    }
  }
  const indices = monitor.indices;
  if (indices.length !== monitor.numSpikes) {
    throw new ParameterError(
      'monitor',
      `SpikeMonitor(${monitor.population.label})`,
      'a SpikeMonitor that records each spike',
      ctx,
      'create it with record: true (the default); record: false keeps counts only',
    );
  }
  const fired = new Uint8Array(size);
  let count = 0;
  if (indices.length > 0) {
    const steps = monitor.steps;
    const times = monitor.times;
    // every stamp is >= 1, so the step is recovered from any spike: dt = time / stamp
    const dt = times[0] / steps[0];
    const first = firstStampAtOrAfter(t0, dt);
    const end = firstStampAtOrAfter(t1, dt);
    for (let s = 0; s < indices.length; s++) {
      const stamp = steps[s];
      if (stamp < first) continue;
      if (stamp >= end) break; // recorded in time order
      const i = indices[s];
      if (fired[i] === 0) {
        fired[i] = 1;
        count++;
      }
    }
  }
  const sparse = new Uint32Array(count);
  for (let i = 0, k = 0; k < count; i++) if (fired[i] === 1) sparse[k++] = i;
  return out.setSparse(sparse);
}
