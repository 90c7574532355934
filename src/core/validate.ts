/**
 * Small guards used by every constructor. Each throws a {@link ParameterError} naming
 * the parameter, so validation reads as a list of facts about the inputs.
 */
import { ParameterError } from './errors.js';

/** A finite number (not NaN, not +-Infinity). */
export function requireFinite(name: string, value: unknown, context?: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ParameterError(name, value, 'a finite number', context);
  }
  return value;
}

/** A finite number > 0. */
export function requirePositive(name: string, value: unknown, context?: string, unit = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ParameterError(name, value, `a finite number > 0${unit ? ` (${unit})` : ''}`, context);
  }
  return value;
}

/** A finite number >= 0. */
export function requireNonNegative(name: string, value: unknown, context?: string, unit = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ParameterError(name, value, `a finite number >= 0${unit ? ` (${unit})` : ''}`, context);
  }
  return value;
}

/** An integer in [min, max]. */
export function requireInteger(
  name: string,
  value: unknown,
  context?: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new ParameterError(name, value, `an integer ${range}`, context);
  }
  return value;
}

/** A probability in [0, 1]. */
export function requireProbability(name: string, value: unknown, context?: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new ParameterError(name, value, 'a number in [0, 1]', context);
  }
  return value;
}

/** A finite number in [min, max]. */
export function requireInRange(
  name: string,
  value: unknown,
  min: number,
  max: number,
  context?: string,
  unit = '',
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ParameterError(name, value, `a number in [${min}, ${max}]${unit ? ` (${unit})` : ''}`, context);
  }
  return value;
}

/** One of a fixed set of strings. */
export function requireOneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  context?: string,
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ParameterError(name, value, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, context);
  }
  return value as T;
}

/** A plain options object (or undefined, which reads as {}). */
export function requireObject(name: string, value: unknown, context?: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ParameterError(name, value, 'an object of named options', context);
  }
  return value as Record<string, unknown>;
}

/** Rejects keys that are not known, with the list of known ones (catches typos like `tau_m`). */
export function requireKnownKeys(
  name: string,
  value: Record<string, unknown>,
  known: readonly string[],
  context?: string,
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new ParameterError(
        `${name}.${key}`,
        value[key],
        `a known key: ${known.join(', ')}`,
        context,
        `'${key}' is not a parameter here`,
      );
    }
  }
}
