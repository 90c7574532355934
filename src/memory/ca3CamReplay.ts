/**
 * Replaying recorded CA3 content-addressable-memory experiments: reads the recording format
 * of the authors' SpiNNaker rasters (per experiment `cueSize`, `contSize`, `simTime_ms` and
 * `spikes_by_tick`: tick -> population -> neuron indices, populations without spikes
 * omitted; the inputs are `INcue`/`INcont`), drives a {@link CA3ContentAddressableMemory}
 * with the recorded input spikes, and writes the simulated raster in the same format, with
 * the number of (tick, population) cells whose spike sets differ from the recording.
 */
import { ParameterError } from '../core/errors.js';
import {
  CA3_CAM_RECORDED_POPULATIONS,
  CA3ContentAddressableMemory,
  type Ca3CamRecordedPopulation,
} from './ca3ContentAddressableMemory.js';

/** Spikes at one tick: population name -> sorted neuron indices (populations without spikes omitted). */
export type Ca3CamTickSpikes = Readonly<Record<string, readonly number[]>>;

/** One experiment of a recording (or of a replay's output). */
export interface Ca3CamExperimentRaster {
  readonly cueSize: number;
  readonly contSize: number;
  /** simulated time, ms (ticks 0 .. simTime_ms - 1) */
  readonly simTime_ms: number;
  /** tick (as a decimal string) -> spikes */
  readonly spikes_by_tick: Readonly<Record<string, Ca3CamTickSpikes>>;
}

/** A recording or replay file: `{ experiments: { NAME: raster } }` (other top-level keys are kept out). */
export interface Ca3CamRasterFile {
  readonly experiments: Readonly<Record<string, Ca3CamExperimentRaster>>;
}

/** The outcome of replaying one experiment. */
export interface Ca3CamReplayResult {
  readonly name: string;
  /** the simulated raster, every recorded population */
  readonly raster: Ca3CamExperimentRaster;
  /** true when the recording held spikes of populations other than the inputs */
  readonly hasRecordedSpikes: boolean;
  /** (tick, population) cells whose spike sets differ (0 when nothing was recorded) */
  readonly differingCells: number;
  /** the first differing cells, for messages: tick, population, recorded, simulated */
  readonly differences: ReadonlyArray<{ readonly tick: number; readonly population: string; readonly recorded: readonly number[]; readonly simulated: readonly number[] }>;
}

const CTX = 'ca3-cam recording';

function nonNegativeInteger(where: string, v: unknown, min = 0): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new ParameterError(where, v, `an integer >= ${min}`, CTX);
  return v;
}

/**
 * Validates a parsed recording file and returns it typed. Throws a ParameterError naming
 * the first bad entry (missing experiments, sizes, a tick outside [0, simTime_ms), an index
 * outside its population).
 */
export function parseCa3CamRecording(data: unknown): Ca3CamRasterFile {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ParameterError('recording', data, 'an object with "experiments"', CTX);
  const exps = (data as Record<string, unknown>).experiments;
  if (!exps || typeof exps !== 'object' || Array.isArray(exps) || Object.keys(exps).length === 0) {
    throw new ParameterError('experiments', exps, 'an object of experiments by name (at least one)', CTX);
  }
  for (const [name, e] of Object.entries(exps as Record<string, unknown>)) {
    const at = `experiments.${name}`;
    if (!e || typeof e !== 'object') throw new ParameterError(at, e, 'an object', CTX);
    const x = e as Record<string, unknown>;
    const c = nonNegativeInteger(`${at}.cueSize`, x.cueSize, 1);
    const n = nonNegativeInteger(`${at}.contSize`, x.contSize, 1);
    const sim = nonNegativeInteger(`${at}.simTime_ms`, x.simTime_ms, 1);
    const ticks = x.spikes_by_tick;
    if (!ticks || typeof ticks !== 'object' || Array.isArray(ticks)) throw new ParameterError(`${at}.spikes_by_tick`, ticks, 'an object: tick -> population -> indices', CTX);
    for (const [tick, pops] of Object.entries(ticks as Record<string, unknown>)) {
      const t = Number(tick);
      if (!/^\d+$/.test(tick) || t >= sim) throw new ParameterError(`${at}.spikes_by_tick["${tick}"]`, tick, `a tick in [0, ${sim - 1}]`, CTX);
      if (!pops || typeof pops !== 'object' || Array.isArray(pops)) throw new ParameterError(`${at}.spikes_by_tick.${tick}`, pops, 'an object: population -> indices', CTX);
      for (const [pop, idx] of Object.entries(pops as Record<string, unknown>)) {
        const size = populationSize(pop, c, n);
        const where = `${at}.spikes_by_tick.${tick}.${pop}`;
        if (size === null) throw new ParameterError(where, pop, `a population name: ${CA3_CAM_RECORDED_POPULATIONS.join(', ')}`, CTX);
        if (!Array.isArray(idx)) throw new ParameterError(where, idx, 'an array of neuron indices', CTX);
        idx.forEach((i, s) => {
          if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= size) {
            throw new ParameterError(`${where}[${s}]`, i, `a neuron index in [0, ${size - 1}]`, CTX);
          }
        });
      }
    }
  }
  return data as Ca3CamRasterFile;
}

/** Size of a recorded population for cueSize c and contSize n, or null for an unknown name. */
function populationSize(name: string, c: number, n: number): number | null {
  switch (name as Ca3CamRecordedPopulation) {
    case 'INcue':
    case 'OUTcue':
    case 'CA3cueCueRecall':
    case 'CA3cueContRecall':
    case 'CA3mergeCue':
      return c;
    case 'INcont':
    case 'OUTcont':
    case 'CA3contCueRecall':
    case 'CA3contContRecall':
    case 'CA3contCond':
    case 'CA3mergeCont':
      return n;
    case 'CA3contCondInt':
      return 1;
    default:
      return null;
  }
}

/**
 * Replays one experiment: its recorded INcue/INcont spikes drive a fresh memory of the
 * recorded sizes for simTime_ms ticks; returns the simulated raster and its differences
 * from the recording. `prepare` may change the memory before the run (e.g. silence a
 * projection for an ablation).
 */
export function replayCa3CamExperiment(
  name: string,
  recorded: Ca3CamExperimentRaster,
  prepare?: (memory: CA3ContentAddressableMemory) => void,
): Ca3CamReplayResult {
  const cam = new CA3ContentAddressableMemory({ cueSize: recorded.cueSize, contentSize: recorded.contSize, recordAll: true });
  prepare?.(cam);
  let hasRecordedSpikes = false;
  for (const [tick, pops] of Object.entries(recorded.spikes_by_tick)) {
    const t = Number(tick);
    for (const [pop, idx] of Object.entries(pops)) {
      if (pop === 'INcue') for (const i of idx) cam.addInputSpike('cue', i, t);
      else if (pop === 'INcont') for (const i of idx) cam.addInputSpike('content', i, t);
      else if (idx.length > 0) hasRecordedSpikes = true;
    }
  }
  cam.runUntil(recorded.simTime_ms);
  const byTick: Record<string, Record<string, number[]>> = {};
  const spikes = cam.spikes();
  for (const pop of CA3_CAM_RECORDED_POPULATIONS) {
    const s = spikes[pop];
    if (!s) continue;
    for (let k = 0; k < s.times.length; k++) {
      const cell = (byTick[String(s.times[k])] ??= {});
      (cell[pop] ??= []).push(s.indices[k]);
    }
  }
  const ordered: Record<string, Ca3CamTickSpikes> = {};
  for (const tick of Object.keys(byTick).sort((a, b) => Number(a) - Number(b))) {
    const cell: Record<string, number[]> = {};
    for (const pop of CA3_CAM_RECORDED_POPULATIONS) if (byTick[tick][pop]) cell[pop] = byTick[tick][pop].sort((a, b) => a - b);
    ordered[tick] = cell;
  }
  const raster: Ca3CamExperimentRaster = {
    cueSize: recorded.cueSize,
    contSize: recorded.contSize,
    simTime_ms: recorded.simTime_ms,
    spikes_by_tick: ordered,
  };
  const differences: Array<{ tick: number; population: string; recorded: number[]; simulated: number[] }> = [];
  let differingCells = 0;
  if (hasRecordedSpikes) {
    for (let t = 0; t < recorded.simTime_ms; t++) {
      const a = recorded.spikes_by_tick[String(t)] ?? {};
      const b = ordered[String(t)] ?? {};
      for (const pop of CA3_CAM_RECORDED_POPULATIONS) {
        const ra = [...(a[pop] ?? [])].sort((x, y) => x - y);
        const sb = [...(b[pop] ?? [])];
        if (ra.length !== sb.length || ra.some((v, i) => v !== sb[i])) {
          differingCells++;
          if (differences.length < 20) differences.push({ tick: t, population: pop, recorded: ra, simulated: sb });
        }
      }
    }
  }
  return { name, raster, hasRecordedSpikes, differingCells, differences };
}

/** Replays the named experiments of a recording (default: all, in file order). */
export function replayCa3CamRecording(file: Ca3CamRasterFile, experiment?: string): Ca3CamReplayResult[] {
  const names = Object.keys(file.experiments);
  if (experiment !== undefined && !names.includes(experiment)) {
    throw new ParameterError('experiment', experiment, `an experiment of the recording: ${names.join(', ')}`, CTX);
  }
  return (experiment === undefined ? names : [experiment]).map((name) => replayCa3CamExperiment(name, file.experiments[name]));
}

/** The replay output file: `{ experiments: { NAME: raster } }`. */
export function ca3CamRasterFile(results: readonly Ca3CamReplayResult[]): Ca3CamRasterFile {
  const experiments: Record<string, Ca3CamExperimentRaster> = {};
  for (const r of results) experiments[r.name] = r.raster;
  return { experiments };
}
