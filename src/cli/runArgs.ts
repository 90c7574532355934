/**
 * The arguments of `engram run <name> [--<param> <value> ...] [run options]`, read with
 * `node:util` parseArgs in two passes: the first finds the experiment name, the second —
 * knowing the experiment's parameters — reads everything else and rejects unknown
 * options, missing values and stray words with one-line messages that list what is allowed.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ExperimentMeta } from '../io/experiment.js';
import { closestName } from './suggest.js';
import { UsageError } from './usageError.js';

/** The options every run accepts besides the experiment's parameters. */
export const RUN_OPTIONS = {
  seed: { type: 'string' },
  out: { type: 'string' },
  quick: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

type RunOptionName = keyof typeof RUN_OPTIONS;

/** The experiment name (first word) of a run command line, and whether help was asked for. */
export function runTarget(args: readonly string[]): { name: string | undefined; help: boolean } {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: RUN_OPTIONS,
    strict: false,
    allowPositionals: true,
  });
  return { name: positionals[0], help: values.help === true };
}

/** A run command line, read. Parameter values are still text (or true/false for switches). */
export interface RunArgs {
  readonly name: string;
  readonly help: boolean;
  readonly seed: string | undefined;
  readonly out: string | undefined;
  readonly quick: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly force: boolean;
  /** parameter name -> text given, or a boolean for `--flag` / `--no-flag` */
  readonly parameters: Readonly<Record<string, string | boolean>>;
}

/**
 * Reads a run command line for an experiment whose parameters are known.
 *
 * @param args the words after `run`
 * @throws UsageError naming the offending word and what is allowed
 */
export function parseRunArgs(args: readonly string[], meta: ExperimentMeta): RunArgs {
  const options: NonNullable<ParseArgsConfig['options']> = { ...RUN_OPTIONS };
  for (const [name, spec] of Object.entries(meta.parameters)) {
    options[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string' };
  }
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    allowNegative: true,
    tokens: true,
  });
  const parameterNames = Object.keys(meta.parameters);
  const allowedList = (): string =>
    `parameters: ${parameterNames.map((n) => `--${n}`).join(', ') || '(none)'}; ` +
    `run options: ${Object.keys(RUN_OPTIONS).map((n) => `--${n}`).join(', ')}`;

  const run: Record<RunOptionName, string | boolean | undefined> = {
    seed: undefined,
    out: undefined,
    quick: false,
    json: false,
    quiet: false,
    force: false,
    help: false,
  };
  const parameters: Record<string, string | boolean> = {};
  let name: string | undefined;
  let previousSwitch: string | undefined;

  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (name === undefined) {
        name = token.value;
      } else {
        const hint = previousSwitch
          ? ` (${previousSwitch} is a switch and takes no separate value: use ${previousSwitch}, --no-${previousSwitch.slice(2)} or ${previousSwitch}=false)`
          : '';
        throw new UsageError(`engram run ${name}: unexpected argument '${token.value}'${hint}`);
      }
      previousSwitch = undefined;
      continue;
    }
    const config = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!config) {
      const guess = closestName(token.name, [...parameterNames, ...Object.keys(RUN_OPTIONS)]);
      throw new UsageError(
        `engram run ${meta.name}: unknown option '${token.rawName}'; ${allowedList()}` + (guess ? ` (did you mean '--${guess}'?)` : ''),
      );
    }
    const negated = token.rawName.startsWith('--no-') && token.value === undefined && !token.rawName.startsWith(`--${token.name}`);
    const isRunOption = Object.hasOwn(RUN_OPTIONS, token.name) && !Object.hasOwn(meta.parameters, token.name);
    previousSwitch = undefined;
    if (config.type === 'string') {
      if (negated) throw new UsageError(`engram run ${meta.name}: option '--${token.name}' takes a value and cannot be negated`);
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
        const got = token.value === undefined ? '' : ` (got '${token.value}')`;
        throw new UsageError(`engram run ${meta.name}: option '--${token.name}' needs a value${got}; write --${token.name} <value>`);
      }
      if (isRunOption) run[token.name as RunOptionName] = token.value;
      else parameters[token.name] = token.value;
    } else {
      if (isRunOption) {
        if (token.value !== undefined) {
          throw new UsageError(`engram run ${meta.name}: option '--${token.name}' takes no value (got '${token.value}')`);
        }
        run[token.name as RunOptionName] = !negated;
      } else {
        parameters[token.name] = token.value !== undefined ? token.value : !negated;
        if (token.value === undefined) previousSwitch = `--${token.name}`;
      }
    }
  }
  if (name === undefined) throw new UsageError('engram run: missing experiment name');
  return {
    name,
    help: run.help === true,
    seed: run.seed as string | undefined,
    out: run.out as string | undefined,
    quick: run.quick === true,
    json: run.json === true,
    quiet: run.quiet === true,
    force: run.force === true,
    parameters,
  };
}
