/**
 * Runs one experiment and returns its `result.json` content, without touching the disk:
 * validates parameters and seed, hands the experiment its context (seed, quick, abort
 * signal, progress and log callbacks), times the run, and stores the output in the result
 * schema. The `engram run` command and experiment scripts both go through here.
 */
import { EngramError, ParameterError } from '../core/errors.js';
import type { Experiment, ExperimentContext, ParameterValues, Progress } from './experiment.js';
import { resolveParameters } from './parameters.js';
import { currentProvenance } from './provenance.js';
import { createResultFile, type Provenance, type ResultFile } from './resultFile.js';

/** The seed a run uses when none is given, so the same command gives the same result. */
export const DEFAULT_SEED = 1;

/** The largest seed (seeds are used as unsigned 32-bit integers). */
export const MAX_SEED = 0xffffffff;

/** Options of {@link runExperiment}. */
export interface RunExperimentOptions {
  /** parameter overrides by name; the rest take their defaults (or quick values) */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** integer in [0, 2^32 - 1]; default {@link DEFAULT_SEED} */
  readonly seed?: number;
  /** use the parameters' `quick` values (a small version for smoke tests) */
  readonly quick?: boolean;
  /** abort to stop the run between steps; the result then has status 'interrupted' */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
  readonly log?: (message: string) => void;
  /** provenance to record; default: this process's ({@link currentProvenance}) */
  readonly provenance?: Provenance;
}

/**
 * Checks a seed: an integer in [0, 2^32 - 1].
 *
 * @throws ParameterError naming 'seed'
 */
export function checkSeed(seed: unknown, context?: string): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new ParameterError('seed', seed, `an integer in [0, ${MAX_SEED}]`, context);
  }
  return seed;
}

/** The validated parameters and seed of a run, before it starts. */
export interface PreparedRun {
  readonly parameters: ParameterValues;
  readonly seed: number;
  readonly quick: boolean;
}

/**
 * Validates the parameters and the seed of a run without running it.
 *
 * @throws ParameterError for an unknown parameter, a bad value or a bad seed
 */
export function prepareRun(experiment: Experiment, options: RunExperimentOptions = {}): PreparedRun {
  const quick = options.quick ?? false;
  const parameters = resolveParameters(experiment.meta, options.parameters ?? {}, { quick });
  const seed = checkSeed(options.seed ?? DEFAULT_SEED, experiment.meta.name);
  return { parameters, seed, quick };
}

/**
 * Runs an experiment and returns its result (status 'interrupted' when the signal
 * stopped it early). Writes nothing; see `writeRunFiles` for that.
 *
 * @throws ParameterError before the run starts when a parameter or the seed is invalid
 * @throws whatever the experiment throws
 *
 * @example
 * const result = await runExperiment(experiment, { quick: true, seed: 7 });
 * console.log(result.status, result.metrics);
 */
export async function runExperiment(experiment: Experiment, options: RunExperimentOptions = {}): Promise<ResultFile> {
  const prepared = prepareRun(experiment, options);
  const signal = options.signal ?? new AbortController().signal;
  const context: ExperimentContext = {
    seed: prepared.seed,
    quick: prepared.quick,
    signal,
    onProgress: options.onProgress ?? (() => undefined),
    log: options.log ?? (() => undefined),
  };
  const startedAt = new Date();
  const output = await experiment.run({ ...prepared.parameters }, context);
  const endedAt = new Date();
  if (output === null || typeof output !== 'object') {
    throw new EngramError(
      `${experiment.meta.name}: run() returned ${String(output)}; it must return { metrics, series, figures }`,
    );
  }
  return createResultFile(
    {
      meta: experiment.meta,
      parameters: prepared.parameters,
      seed: prepared.seed,
      quick: prepared.quick,
      startedAt,
      endedAt,
      interrupted: output.interrupted === true,
      provenance: options.provenance ?? currentProvenance(),
    },
    output,
  );
}
