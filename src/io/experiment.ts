/**
 * The contract every experiment in `experiments/` fulfils, so that the same module runs
 * from `npx tsx experiments/<file>.ts`, from `engram run <name>`, and in the dashboard.
 *
 * An experiment module exports `meta` (an {@link ExperimentMeta}) and
 * `run(params, context)` returning an {@link ExperimentOutput}. The runner validates
 * parameters against `meta.parameters`, then writes `result.json` and `report.html`.
 */

/** One parameter of an experiment: its type, default, unit, range and description. */
export interface ParameterSpec {
  readonly type: 'number' | 'integer' | 'boolean' | 'string';
  readonly default: number | boolean | string;
  /** value used by `--quick` (a small version that runs in seconds); default when absent */
  readonly quick?: number | boolean | string;
  /** unit in PyNN's conventions (ms, mV, nA, nF, uS, Hz) or '' */
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  /** allowed values for string parameters */
  readonly choices?: readonly string[];
  readonly description: string;
}

/** What `engram list` shows and what reports print at the top. */
export interface ExperimentMeta {
  /** command name, e.g. 'vogels2005-cuba' */
  readonly name: string;
  readonly title: string;
  /** one line for `engram list` */
  readonly description: string;
  /** the paper it reproduces (authors, year, journal) */
  readonly paper: string;
  /** the expected result, in words, with numbers */
  readonly expected: string;
  /** typical run time of the default and quick versions, in words */
  readonly runtime: string;
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
}

/** Parameter values after validation, by name. */
export type ParameterValues = Record<string, number | boolean | string>;

/** Progress of a run, for progress bars (simulated time or items done). */
export interface Progress {
  readonly done: number;
  readonly total: number;
  /** unit of done/total, e.g. 'ms' of simulated time or 'trials' */
  readonly unit: string;
  readonly label?: string;
  /** integration steps done so far, when the run is a simulation; progress bars show steps/s from it */
  readonly steps?: number;
}

/** What the runner gives an experiment. */
export interface ExperimentContext {
  readonly seed: number;
  readonly quick: boolean;
  /** aborted on SIGINT: stop between steps and return what was done with `interrupted: true` */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: Progress) => void;
  /** one line of text for the console (quiet in --json and --quiet modes) */
  readonly log: (message: string) => void;
}

/** A measured value beside the theory or published value it should agree with. */
export interface Comparison {
  readonly name: string;
  readonly measured: number;
  readonly expected: number;
  /** the reference: 'theory: Eq. 3', 'Brian2 2.5.1', 'Song et al. 2000 Fig. 2' */
  readonly source: string;
  /** absolute tolerance that counts as agreement */
  readonly tolerance: number;
  readonly pass: boolean;
}

/**
 * A figure described by data: `kind` names a shared figure builder, `series` maps the
 * builder's inputs to keys of {@link ExperimentOutput.series}. Reports and the dashboard
 * rebuild the same plotly figure from it.
 */
export interface FigureSpec {
  readonly kind: string;
  readonly title: string;
  readonly series: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** What an experiment returns. Everything must be JSON-serialisable (typed arrays are stored as arrays). */
export interface ExperimentOutput {
  /** named numbers (rates, errors, capacities) */
  readonly metrics: Readonly<Record<string, number>>;
  /** arrays for figures */
  readonly series: Readonly<Record<string, unknown>>;
  readonly figures: readonly FigureSpec[];
  readonly comparisons?: readonly Comparison[];
  /** which engine backend ran it */
  readonly backend?: string;
  /** true when the run stopped early on the abort signal */
  readonly interrupted?: boolean;
}

/** An experiment module. */
export interface Experiment {
  readonly meta: ExperimentMeta;
  run(params: ParameterValues, context: ExperimentContext): Promise<ExperimentOutput>;
}
