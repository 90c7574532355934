/**
 * Messages between the dashboard page and the simulation worker. Everything is plain
 * data (typed arrays are transferred), so the engine never runs on the page's thread.
 */

/** The live presets. */
export type PresetName = 'ca3' | 'cuba' | 'stdp' | 'completion';

/** The backend the page asks for. */
export type LiveBackend = 'cpu' | 'gpu';

/** A population drawn in the raster: rows [start, start + size). */
export interface LivePopulation {
  readonly label: string;
  readonly start: number;
  readonly size: number;
}

/** What the worker says about a preset once it is built. */
export interface PresetInfo {
  readonly preset: PresetName;
  readonly title: string;
  readonly populations: readonly LivePopulation[];
  /** total raster rows */
  readonly neurons: number;
  readonly dt: number;
  /** time window shown, ms */
  readonly windowMs: number;
  /** membrane traces: neuron labels, threshold and reset (mV); absent when none are recorded */
  readonly membrane?: { readonly labels: readonly string[]; readonly threshold: number; readonly reset: number };
  /** weights: synapse count and upper bound; absent for presets without plasticity shown */
  readonly weights?: { readonly count: number; readonly wMax: number; readonly bins: number; readonly rows: number; readonly cols: number };
  /** backend actually used, and why */
  readonly backend: string;
  readonly backendNote: string;
  /** CA3 memory sizes, for the cue/content inputs */
  readonly cam?: { readonly cueSize: number; readonly contentSize: number };
  /** pattern completion: n, k and stored patterns */
  readonly completion?: { readonly n: number; readonly k: number; readonly patterns: number };
}

/** Spikes, rates, membrane samples and weights since the last frame. */
export interface Frame {
  /** model time at the end of the frame, ms */
  readonly t: number;
  /** spike times (ms; float64, so long runs keep the step's resolution) and raster rows, one array pair per population */
  readonly spikeTimes: Float64Array[];
  readonly spikeRows: Float32Array[];
  /** completed rate bins: bin centre times and rate per population (Hz) */
  readonly rateTimes: Float64Array;
  readonly rates: Float32Array[];
  /** membrane samples: times and one array per traced neuron */
  readonly vTimes: Float64Array;
  readonly v: Float32Array[];
  /** weight snapshot (when due): histogram counts and the weights themselves */
  readonly weights?: { readonly t: number; readonly counts: Float32Array; readonly values: Float32Array };
  /** steps simulated per wall second over the frame */
  readonly stepsPerSecond: number;
}

/** The result of a CA3 memory operation or a pattern completion, as text for the page. */
export interface OperationResult {
  readonly kind: string;
  /** one line that says what was asked and what came back */
  readonly summary: string;
  /** content bits (CA3 memory), or overlap numbers (completion) */
  readonly content: readonly number[];
  readonly cues: readonly number[];
}

/** Page -> worker. */
export type ToWorker =
  | { readonly type: 'load'; readonly preset: PresetName; readonly backend: LiveBackend }
  | { readonly type: 'run' }
  | { readonly type: 'pause' }
  | { readonly type: 'step' }
  | { readonly type: 'speed'; readonly msPerFrame: number }
  | { readonly type: 'learn'; readonly cue: number; readonly bits: readonly number[] }
  | { readonly type: 'recallByCue'; readonly cue: number }
  | { readonly type: 'recallByContent'; readonly bits: readonly number[] }
  | { readonly type: 'complete'; readonly cueFraction: number };

/** Worker -> page. */
export type FromWorker =
  | { readonly type: 'ready'; readonly info: PresetInfo }
  | { readonly type: 'frame'; readonly frame: Frame }
  | { readonly type: 'result'; readonly result: OperationResult }
  | { readonly type: 'state'; readonly running: boolean }
  | { readonly type: 'error'; readonly message: string };
