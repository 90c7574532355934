/**
 * How the `engram` command finds experiments: a registry of names and module files whose
 * modules are imported only when needed, so one missing or broken experiment does not
 * break `engram list` or the others. An experiment module can also be run by its path
 * (`engram run ./my-experiment.ts`).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { EngramError } from '../core/errors.js';
import type { Experiment } from '../io/experiment.js';
import { toExperiment } from '../io/validateExperiment.js';
import { closestName } from './suggest.js';
import { UsageError } from './usageError.js';

/** One registered experiment: its command name, its file and how to import it. */
export interface ExperimentEntry {
  /** command name, equal to the module's `meta.name` */
  readonly name: string;
  /** the module file relative to the repository root, for messages */
  readonly file: string;
  /** imports the module (its namespace, or any object with `meta` and `run`) */
  load(): Promise<unknown>;
}

/** The experiments the command knows, in listing order. */
export type ExperimentRegistry = readonly ExperimentEntry[];

/** An experiment that is registered but cannot be loaded (its module is missing or broken). */
export class ExperimentUnavailableError extends EngramError {
  /** the problem alone, e.g. `experiments/x.ts is missing` */
  readonly reason: string;

  constructor(name: string, reason: string) {
    super(`experiment '${name}' is not available: ${reason}`);
    this.reason = reason;
  }
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/i.test(String(error));
}

function describeLoadFailure(file: string, error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const base = file.split(/[\\/]/).pop() ?? file;
  if (isModuleNotFound(error) && message.includes(base.replace(/\.ts$/, ''))) return `${file} is missing`;
  return `${file} failed to load: ${message}`;
}

/**
 * Imports and checks a registered experiment.
 *
 * @throws ExperimentUnavailableError when the module is missing or fails to import
 * @throws ExperimentDefinitionError when it does not fulfil the experiment contract
 */
export async function loadRegisteredExperiment(entry: ExperimentEntry): Promise<Experiment> {
  let namespace: unknown;
  try {
    namespace = await entry.load();
  } catch (error) {
    throw new ExperimentUnavailableError(entry.name, describeLoadFailure(entry.file, error));
  }
  const experiment = toExperiment(namespace, entry.file);
  if (experiment.meta.name !== entry.name) {
    throw new ExperimentUnavailableError(
      entry.name,
      `${entry.file} declares meta.name '${experiment.meta.name}' but is registered as '${entry.name}'; make them equal`,
    );
  }
  return experiment;
}

/** Whether a `run` argument names a module file rather than a registered experiment. */
export function looksLikePath(nameOrPath: string): boolean {
  return /[\\/]/.test(nameOrPath) || /\.(ts|mts|js|mjs)$/.test(nameOrPath);
}

/**
 * Finds the experiment `engram run <nameOrPath>` means: a registered name, or a module path
 * (resolved against `cwd`).
 *
 * @throws UsageError for an unknown name, listing the available ones
 */
export async function findExperiment(nameOrPath: string, registry: ExperimentRegistry, cwd: string): Promise<Experiment> {
  if (looksLikePath(nameOrPath)) {
    const path = resolve(cwd, nameOrPath);
    const entry: ExperimentEntry = { name: '', file: nameOrPath, load: () => import(pathToFileURL(path).href) };
    let namespace: unknown;
    try {
      namespace = await entry.load();
    } catch (error) {
      if (isModuleNotFound(error) && String(error).includes(path)) {
        throw new UsageError(`no experiment module at ${nameOrPath}`);
      }
      throw new ExperimentUnavailableError(nameOrPath, describeLoadFailure(nameOrPath, error));
    }
    return toExperiment(namespace, nameOrPath);
  }
  const entry = registry.find((e) => e.name === nameOrPath);
  if (!entry) {
    const names = registry.map((e) => e.name);
    const guess = closestName(nameOrPath, names);
    throw new UsageError(
      `unknown experiment '${nameOrPath}'; available: ${names.join(', ') || '(none registered)'}` +
        (guess ? ` (did you mean '${guess}'?)` : ''),
    );
  }
  return loadRegisteredExperiment(entry);
}
