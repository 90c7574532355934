/**
 * `engram run <name> [--<param> <value> ...] [--seed N] [--out DIR] [--quick] [--json]
 * [--quiet] [--force]`: validates everything before anything runs or is written, runs the
 * experiment with a progress bar, writes `result.json` and `report.html`, and prints a
 * summary (or the result JSON with `--json`).
 *
 * Ctrl-C (SIGINT) aborts the experiment's signal: it stops between steps, and what was done
 * is written with status 'interrupted' (exit code 130). A second Ctrl-C quits at once
 * without writing; the atomic writes mean no file is ever left half-written.
 */
import { resolve } from 'node:path';
import { EngramError, ParameterError } from '../core/errors.js';
import type { Experiment } from '../io/experiment.js';
import { parseParameterText } from '../io/parameters.js';
import { serializeResultFile, type ResultFile } from '../io/resultFile.js';
import { checkRunDirectory, defaultRunDirectory, RunDirectoryExistsError, writeRunFiles } from '../io/runDirectory.js';
import { checkSeed, DEFAULT_SEED, MAX_SEED, prepareRun, runExperiment } from '../io/runExperiment.js';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK } from './exitCodes.js';
import { findExperiment, type ExperimentRegistry } from './experimentRegistry.js';
import { experimentHelp, USAGE } from './help.js';
import { ProgressBar, progressEnabled } from './progress.js';
import { parseRunArgs, runTarget } from './runArgs.js';
import { runSummary } from './summary.js';
import { writeLine, type Terminal } from './terminal.js';
import { UsageError } from './usageError.js';

/** What `engram run` needs besides its arguments. */
export interface RunCommandContext {
  readonly terminal: Terminal;
  readonly experiments: ExperimentRegistry;
  /** also stops the run when aborted (tests use it in place of Ctrl-C) */
  readonly signal?: AbortSignal;
  /** listen for SIGINT on this process; default true */
  readonly handleSigint?: boolean;
  /** the clock for the default directory name; default the current time */
  readonly now?: () => Date;
  /** plotly.js source for the report; default the installed plotly.js-dist */
  readonly plotlySource?: string;
}

function parseSeed(text: string | undefined, name: string): number {
  if (text === undefined) return DEFAULT_SEED;
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  try {
    return checkSeed(value, name);
  } catch {
    throw new ParameterError('seed', text, `an integer in [0, ${MAX_SEED}]`, name);
  }
}

/** Installs the Ctrl-C handler for the duration of a run; returns its remover. */
function onInterrupt(controller: AbortController, say: (message: string) => void, enabled: boolean): () => void {
  if (!enabled) return () => undefined;
  let count = 0;
  const handler = (): void => {
    count += 1;
    if (count === 1) {
      say('engram: interrupted — stopping after the current step and writing the partial result (Ctrl-C again to quit without writing)');
      controller.abort(new Error('interrupted (SIGINT)'));
    } else {
      process.exit(EXIT_INTERRUPTED);
    }
  };
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

/** Runs `engram run`. Throws UsageError/ParameterError for bad input (the caller prints them). */
export async function commandRun(args: readonly string[], context: RunCommandContext): Promise<number> {
  const { terminal } = context;
  const target = runTarget(args);
  if (target.name === undefined) {
    if (target.help) {
      terminal.stdout.write(USAGE);
      return EXIT_OK;
    }
    const names = context.experiments.map((e) => e.name);
    throw new UsageError(`engram run: missing experiment name; available: ${names.join(', ') || '(none registered)'}`);
  }
  const experiment: Experiment = await findExperiment(target.name, context.experiments, terminal.cwd);
  const { meta } = experiment;
  const options = parseRunArgs(args, meta);
  if (options.help) {
    terminal.stdout.write(experimentHelp(meta));
    return EXIT_OK;
  }

  // Validate everything before running or writing anything.
  const given: Record<string, number | boolean | string> = {};
  for (const [name, raw] of Object.entries(options.parameters)) {
    // switches arrive as booleans (only boolean parameters are parsed as switches)
    given[name] = typeof raw === 'boolean' ? raw : parseParameterText(name, meta.parameters[name], raw, meta.name);
  }
  const seed = parseSeed(options.seed, meta.name);
  const prepared = prepareRun(experiment, { parameters: given, seed, quick: options.quick });
  const now = (context.now ?? (() => new Date()))();
  const directory =
    options.out !== undefined ? resolve(terminal.cwd, options.out) : await defaultRunDirectory(terminal.cwd, meta.name, now);
  await checkRunDirectory(directory, options.force);

  // Run.
  const quiet = options.quiet || options.json;
  const bar = new ProgressBar(terminal.stderr, {
    enabled: progressEnabled({ output: terminal.stderr, env: terminal.env, quiet }),
    label: meta.name,
  });
  const controller = new AbortController();
  const external = context.signal;
  const forward = (): void => controller.abort(external?.reason);
  if (external?.aborted) forward();
  external?.addEventListener('abort', forward, { once: true });
  const removeSigint = onInterrupt(controller, (message) => bar.log(message), context.handleSigint ?? true);
  let result: ResultFile;
  try {
    result = await runExperiment(experiment, {
      parameters: prepared.parameters,
      seed: prepared.seed,
      quick: prepared.quick,
      signal: controller.signal,
      onProgress: (p) => bar.update(p),
      log: (message) => {
        if (!quiet) bar.log(message);
      },
    });
  } catch (error) {
    bar.finish();
    if (error instanceof ParameterError || error instanceof UsageError) throw error;
    if (controller.signal.aborted) {
      writeLine(terminal.stderr, `engram run ${meta.name}: interrupted before any result could be kept; nothing written`);
      return EXIT_INTERRUPTED;
    }
    const message = error instanceof Error ? error.message : String(error);
    writeLine(terminal.stderr, `engram run ${meta.name}: failed: ${message}; nothing written`);
    if (!(error instanceof EngramError) && error instanceof Error && error.stack) writeLine(terminal.stderr, error.stack);
    return EXIT_FAILURE;
  } finally {
    removeSigint();
    external?.removeEventListener('abort', forward);
  }
  bar.finish();

  // Write.
  let files;
  try {
    files = await writeRunFiles(directory, result, { force: options.force, plotlySource: context.plotlySource });
  } catch (error) {
    if (error instanceof RunDirectoryExistsError) throw error;
    writeLine(terminal.stderr, `engram run ${meta.name}: could not write the result: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
  if (options.json) terminal.stdout.write(serializeResultFile(result));
  else terminal.stdout.write(runSummary(result, files, terminal.cwd));
  return result.status === 'interrupted' ? EXIT_INTERRUPTED : EXIT_OK;
}
