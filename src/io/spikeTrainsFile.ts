/**
 * Spike trains out of a {@link SpikeMonitor} and back in: JSON
 * (`{ format: 'engram-spikes', version: 1, population, size, duration, indices, times }`,
 * Brian2's `i`/`t` arrays) or CSV (`neuron,time_ms`, one spike per line, as NEST's
 * spike recorder writes), and the per-neuron spike times a `SpikeSourceArray` replays.
 * Pure functions; the node entry point (`engram/node`) writes files atomically.
 */
import { ParameterError } from '../core/errors.js';
import { openFormatFile } from './formatFile.js';
import type { SpikeMonitor } from '../engine/monitors/spikeMonitor.js';

/** The `format` field of a spike-trains file. */
export const SPIKES_FORMAT = 'engram-spikes';

/** Spike trains of one population. */
export interface SpikeTrainsFile {
  readonly format: typeof SPIKES_FORMAT;
  readonly version: 1;
  /** the population's label */
  readonly population: string;
  /** neurons in the population */
  readonly size: number;
  /** recording time, ms */
  readonly duration: number;
  /** neuron index of each spike, in time order */
  readonly indices: number[];
  /** time of each spike, ms */
  readonly times: number[];
}

/**
 * The spikes a monitor recorded, as a spike-trains file.
 *
 * @example
 * const m = net.add(new SpikeMonitor(exc));
 * net.run(1000);
 * JSON.stringify(spikeTrainsFile(m));
 */
export function spikeTrainsFile(monitor: SpikeMonitor): SpikeTrainsFile {
  return {
    format: SPIKES_FORMAT,
    version: 1,
    population: monitor.population.label,
    size: monitor.population.size,
    duration: monitor.duration,
    indices: Array.from(monitor.indices),
    times: Array.from(monitor.times),
  };
}

/** The spikes a monitor recorded as CSV: a header `neuron,time_ms`, then one spike per line. */
export function spikeTrainsCsv(monitor: SpikeMonitor): string {
  const indices = monitor.indices;
  const times = monitor.times;
  const lines = ['neuron,time_ms'];
  for (let s = 0; s < indices.length; s++) lines.push(`${indices[s]},${times[s]}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Checks that `data` (parsed JSON, or JSON text) is a spike-trains file and returns it typed.
 *
 * @throws ParameterError naming the first field that is wrong
 */
export function parseSpikeTrainsFile(data: unknown, source = 'spike-trains file'): SpikeTrainsFile {
  const ctx = `parseSpikeTrainsFile(${source})`;
  const value = openFormatFile(data, SPIKES_FORMAT, 'a spike-trains file', ctx);
  if (typeof value.population !== 'string') throw new ParameterError('population', value.population, 'a string', ctx);
  const size = value.size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw new ParameterError('size', size, 'an integer >= 1', ctx);
  if (typeof value.duration !== 'number' || !(value.duration >= 0)) throw new ParameterError('duration', value.duration, 'a number >= 0 (ms)', ctx);
  const { indices, times } = value;
  if (!Array.isArray(indices)) throw new ParameterError('indices', indices, 'an array', ctx);
  if (!Array.isArray(times) || times.length !== indices.length) {
    throw new ParameterError('times', Array.isArray(times) ? `${times.length} values` : times, `an array of ${indices.length} numbers (one per index)`, ctx);
  }
  indices.forEach((i: unknown, s: number) => {
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= size) throw new ParameterError(`indices[${s}]`, i, `an integer in [0, ${size})`, ctx);
  });
  times.forEach((t: unknown, s: number) => {
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) throw new ParameterError(`times[${s}]`, t, 'a finite time >= 0 (ms)', ctx);
    if (s > 0 && t < (times[s - 1] as number)) throw new ParameterError(`times[${s}]`, t, `a time >= the one before (${times[s - 1]}): spikes in time order`, ctx);
  });
  return value as unknown as SpikeTrainsFile;
}

/**
 * Each neuron's spike times (ascending), e.g. for `SpikeSourceArray`'s `spikeTimes`:
 * replaying recorded spikes as the input of another network.
 *
 * @example net.population(SpikeSourceArray, file.size, { params: { spikeTimes: spikeTimesByNeuron(file) } })
 */
export function spikeTimesByNeuron(file: SpikeTrainsFile): number[][] {
  const out: number[][] = Array.from({ length: file.size }, () => []);
  for (let s = 0; s < file.indices.length; s++) out[file.indices[s]].push(file.times[s]);
  return out;
}
