/**
 * Checks that a loaded module fulfils the experiment contract of `./experiment.ts`, so a
 * mistake in an experiment file (a missing export, a default outside its own range, a
 * parameter named like a run option) is reported when it is loaded, naming the file and
 * the field, rather than as a confusing failure later.
 */
import { EngramError } from '../core/errors.js';
import type { Experiment, ExperimentMeta, ParameterSpec } from './experiment.js';
import { checkParameterValue } from './parameters.js';

/** Names that run options use, so no experiment parameter may take them. */
export const RESERVED_PARAMETER_NAMES: readonly string[] = ['seed', 'out', 'quick', 'json', 'quiet', 'force', 'help'];

/** A parameter name usable as a command-line option: `tauM`, `n-patterns`, `dt`. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** An experiment module that breaks the contract. */
export class ExperimentDefinitionError extends EngramError {}

function checkMeta(meta: ExperimentMeta, where: string): void {
  const fail = (problem: string): never => {
    throw new ExperimentDefinitionError(`${where}: ${problem}`);
  };
  for (const field of ['name', 'title', 'description', 'paper', 'expected', 'runtime'] as const) {
    if (typeof meta[field] !== 'string' || meta[field].length === 0) fail(`meta.${field} must be a non-empty string`);
  }
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(meta.name)) {
    fail(`meta.name '${meta.name}' must be lower case letters, digits, '.', '_' or '-' (it is a command name)`);
  }
  if (meta.parameters === null || typeof meta.parameters !== 'object') fail('meta.parameters must be an object');
  for (const [name, spec] of Object.entries(meta.parameters) as [string, ParameterSpec][]) {
    if (!PARAMETER_NAME.test(name)) fail(`parameter name '${name}' is not usable as a command-line option`);
    if (RESERVED_PARAMETER_NAMES.includes(name)) {
      fail(`parameter name '${name}' is reserved for run options (${RESERVED_PARAMETER_NAMES.join(', ')})`);
    }
    if (spec === null || typeof spec !== 'object') fail(`parameter '${name}' must be described by an object`);
    if (!['number', 'integer', 'boolean', 'string'].includes(spec.type)) {
      fail(`parameter '${name}' has type ${JSON.stringify(spec.type)}; use 'number', 'integer', 'boolean' or 'string'`);
    }
    if (typeof spec.description !== 'string') fail(`parameter '${name}' needs a description`);
    try {
      checkParameterValue(name, spec, spec.default, `${meta.name} (default)`);
      if (spec.quick !== undefined) checkParameterValue(name, spec, spec.quick, `${meta.name} (quick value)`);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }
}

/**
 * Returns the experiment a module defines, after checking it: either named exports
 * `meta` and `run`, or a default export holding both.
 *
 * @param namespace the imported module
 * @param where the module's file, for messages
 * @throws ExperimentDefinitionError naming the file and the problem
 */
export function toExperiment(namespace: unknown, where: string): Experiment {
  const candidates: unknown[] = [namespace];
  if (namespace !== null && typeof namespace === 'object' && 'default' in namespace) {
    candidates.push((namespace as { default: unknown }).default);
  }
  for (const candidate of candidates) {
    if (candidate === null || typeof candidate !== 'object') continue;
    const { meta, run } = candidate as { meta?: unknown; run?: unknown };
    if (typeof run !== 'function' || meta === null || typeof meta !== 'object') continue;
    checkMeta(meta as ExperimentMeta, where);
    const runFn = run as Experiment['run'];
    return { meta: meta as ExperimentMeta, run: (params, context) => runFn.call(candidate, params, context) };
  }
  throw new ExperimentDefinitionError(
    `${where} is not an experiment module: it must export 'meta' (ExperimentMeta) and 'run(params, context)'`,
  );
}
