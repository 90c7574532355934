/**
 * Experiment parameters: checking values against their {@link ParameterSpec}, reading them
 * from command-line text, and resolving a full set of values from defaults, `--quick`
 * values and overrides. Every failure is a {@link ParameterError} that names the
 * experiment, the parameter, the value and what is allowed.
 */
import { ParameterError } from '../core/errors.js';
import type { ExperimentMeta, ParameterSpec, ParameterValues } from './experiment.js';

/** What a parameter accepts, in words: `a number in [0.1, 100] (ms)`, `one of 'a', 'b'`. */
export function describeAllowed(spec: ParameterSpec): string {
  const unit = spec.unit ? ` (${spec.unit})` : '';
  switch (spec.type) {
    case 'boolean':
      return 'true or false';
    case 'string':
      return spec.choices && spec.choices.length > 0
        ? `one of ${spec.choices.map((c) => `'${c}'`).join(', ')}`
        : 'a string';
    case 'number':
    case 'integer': {
      const noun = spec.type === 'integer' ? 'an integer' : 'a number';
      const { min, max } = spec;
      if (min !== undefined && max !== undefined) return `${noun} in [${min}, ${max}]${unit}`;
      if (min !== undefined) return `${noun} >= ${min}${unit}`;
      if (max !== undefined) return `${noun} <= ${max}${unit}`;
      return `${spec.type === 'integer' ? 'an integer' : 'a finite number'}${unit}`;
    }
  }
}

/**
 * Checks one value against its spec and returns it.
 *
 * @param context prefix of the error message, usually the experiment name
 * @throws ParameterError when the value has the wrong type or lies outside the range/choices
 */
export function checkParameterValue(
  name: string,
  spec: ParameterSpec,
  value: unknown,
  context?: string,
): number | boolean | string {
  const fail = (): never => {
    throw new ParameterError(name, value, describeAllowed(spec), context);
  };
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') fail();
      return value as boolean;
    case 'string':
      if (typeof value !== 'string') fail();
      if (spec.choices && spec.choices.length > 0 && !spec.choices.includes(value as string)) fail();
      return value as string;
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail();
      if (spec.type === 'integer' && !Number.isInteger(value)) fail();
      if (spec.min !== undefined && (value as number) < spec.min) fail();
      if (spec.max !== undefined && (value as number) > spec.max) fail();
      return value as number;
  }
}

const TRUE_WORDS = ['true', 'yes', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'off', '0'];

/**
 * Reads a parameter value from command-line text (`'20'`, `'-65'`, `'1e3'`, `'true'`,
 * `'fast'`) and checks it against the spec.
 *
 * @throws ParameterError naming the parameter, the text and what is allowed
 *
 * @example
 * parseParameterText('tauM', { type: 'number', default: 20, min: 1, description: '' }, '10'); // 10
 */
export function parseParameterText(
  name: string,
  spec: ParameterSpec,
  text: string,
  context?: string,
): number | boolean | string {
  const trimmed = text.trim();
  switch (spec.type) {
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      if (TRUE_WORDS.includes(lower)) return true;
      if (FALSE_WORDS.includes(lower)) return false;
      throw new ParameterError(name, text, describeAllowed(spec), context);
    }
    case 'string':
      return checkParameterValue(name, spec, text, context);
    case 'number':
    case 'integer': {
      const value = trimmed === '' ? Number.NaN : Number(trimmed);
      if (!Number.isFinite(value)) throw new ParameterError(name, text, describeAllowed(spec), context);
      return checkParameterValue(name, spec, value, context);
    }
  }
}

/** Options of {@link resolveParameters}. */
export interface ResolveOptions {
  /** use each parameter's `quick` value (when it has one) instead of its default */
  readonly quick?: boolean;
}

/**
 * The full, validated parameter set of a run: each parameter takes the given value, else
 * its `quick` value (with `quick: true`), else its default.
 *
 * @throws ParameterError for an unknown parameter name (listing the known ones) or a bad value
 *
 * @example
 * resolveParameters(meta, { duration: 200 }, { quick: true });
 */
export function resolveParameters(
  meta: ExperimentMeta,
  given: Readonly<Record<string, unknown>> = {},
  options: ResolveOptions = {},
): ParameterValues {
  const names = Object.keys(meta.parameters);
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(meta.parameters, name)) {
      throw new ParameterError(
        name,
        value,
        `a parameter of ${meta.name}: ${names.join(', ') || '(it has none)'}`,
        meta.name,
        `'${name}' is not one of its parameters`,
      );
    }
  }
  const values: ParameterValues = {};
  for (const name of names) {
    const spec = meta.parameters[name];
    const value =
      given[name] !== undefined ? given[name] : options.quick && spec.quick !== undefined ? spec.quick : spec.default;
    values[name] = checkParameterValue(name, spec, value, meta.name);
  }
  return values;
}
