/**
 * Conversion of experiment output (typed arrays, nested arrays, plain objects) into plain
 * JSON values for `result.json`, and a compact, diff-friendly JSON formatter.
 *
 * Rules: typed arrays become arrays (a `Float32Array` element is written with the fewest
 * digits that read back to the same float32, so `0.1f` is `0.1`, not
 * `0.10000000149011612`); numbers that are not finite (NaN, +-Infinity) become `null`;
 * anything JSON cannot hold (functions, symbols, bigints, class instances, cycles) is an
 * error naming where it was found.
 */
import { EngramError } from '../core/errors.js';

/** A value JSON can hold. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** An object of JSON values. */
export type JsonObject = { [key: string]: JsonValue };

/** The shortest decimal that rounds to the same float32 as `value` (which must be a float32). */
export function shortestFloat32(value: number): number {
  for (let precision = 1; precision < 9; precision++) {
    const candidate = Number(value.toPrecision(precision));
    if (Math.fround(candidate) === value) return candidate;
  }
  return value;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * Converts `value` into a plain JSON value (see the module notes for the rules).
 *
 * @param value what an experiment returned
 * @param path where the value sits, for error messages, e.g. `series.spikeTimes`
 * @throws EngramError when the value holds something JSON cannot store
 *
 * @example
 * toJsonValue({ v: new Float32Array([0.1, NaN]) }, 'series'); // { v: [0.1, null] }
 */
export function toJsonValue(value: unknown, path: string): JsonValue {
  return convert(value, path, new Set<object>());
}

function convert(value: unknown, path: string, open: Set<object>): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return finiteOrNull(value);
  if (value === undefined) {
    throw new EngramError(`${path} is undefined; result.json holds only numbers, strings, booleans, null, arrays and objects`);
  }
  if (typeof value !== 'object') {
    throw new EngramError(`${path} is a ${typeof value}, which result.json cannot store`);
  }
  if (value instanceof Float32Array) {
    const out = new Array<number | null>(value.length);
    for (let i = 0; i < value.length; i++) {
      const x = value[i];
      out[i] = Number.isFinite(x) ? shortestFloat32(x) : null;
    }
    return out;
  }
  if (ArrayBuffer.isView(value)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
      throw new EngramError(`${path} is a ${value.constructor.name}, which result.json cannot store; use a Float64Array`);
    }
    if (value instanceof DataView) {
      throw new EngramError(`${path} is a DataView, which result.json cannot store; use a typed array`);
    }
    return Array.from(value as unknown as ArrayLike<number>, finiteOrNull);
  }
  if (open.has(value)) throw new EngramError(`${path} refers back to itself (a cycle), which result.json cannot store`);
  open.add(value);
  try {
    if (Array.isArray(value)) return value.map((item, i) => convert(item, `${path}[${i}]`, open));
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new EngramError(`${path} is a ${kind} instance, which result.json cannot store; use plain objects and arrays`);
    }
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      out[key] = convert(item, `${path}.${key}`, open);
    }
    return out;
  } finally {
    open.delete(value);
  }
}

/**
 * Formats a JSON value for files people also read: objects are expanded one key per line
 * down to `expandDepth` levels, arrays of numbers stay on one line, arrays of objects put
 * one object per line. Parses back to the same value as `JSON.stringify`.
 */
export function formatJson(value: JsonValue, expandDepth = 2): string {
  return format(value, 0, expandDepth);
}

function format(value: JsonValue, depth: number, expandDepth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const indent = '  '.repeat(depth + 1);
  const closing = '  '.repeat(depth);
  if (Array.isArray(value)) {
    const expand =
      depth < expandDepth && value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    if (!expand) return JSON.stringify(value);
    return `[\n${value.map((v) => indent + format(v, depth + 1, expandDepth)).join(',\n')}\n${closing}]`;
  }
  const entries = Object.entries(value);
  if (depth >= expandDepth || entries.length === 0) return JSON.stringify(value);
  const lines = entries.map(([k, v]) => `${indent}${JSON.stringify(k)}: ${format(v, depth + 1, expandDepth)}`);
  return `{\n${lines.join(',\n')}\n${closing}}`;
}
