/**
 * Reading a figure's inputs from a {@link FigureSpec}: the series each role names and the
 * options, checked for shape, with errors that name the figure, the role and the series.
 * Series may be plain arrays (from `result.json`) or typed arrays (live in the dashboard).
 */
import { EngramError } from '../core/errors.js';
import { describeValue } from '../core/errors.js';

/** What a figure builder needs from a figure description (FigureSpec and stored figures fit). */
export interface FigureRequest {
  readonly kind: string;
  readonly title: string;
  /** builder input role -> series key */
  readonly series: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** A figure whose series or options do not fit its builder. */
export class FigureDataError extends EngramError {}

type NumArray = ArrayLike<number | null>;

function isNumberLike(v: unknown): v is number | null {
  return v === null || typeof v === 'number';
}

/** Reads a figure's series by role and its options, failing with a message that names them. */
export class FigureInput {
  constructor(
    readonly request: FigureRequest,
    readonly series: Readonly<Record<string, unknown>>,
  ) {}

  private where(role: string): string {
    const key = this.request.series[role];
    return `figure '${this.request.title}' (${this.request.kind}): series '${key}' (role '${role}')`;
  }

  fail(message: string): never {
    throw new FigureDataError(`figure '${this.request.title}' (${this.request.kind}): ${message}`);
  }

  /** whether the figure maps `role` to a series */
  has(role: string): boolean {
    return this.request.series[role] !== undefined;
  }

  private raw(role: string): unknown {
    const key = this.request.series[role];
    if (key === undefined) {
      this.fail(`needs a series for role '${role}'; it maps: ${Object.keys(this.request.series).join(', ') || '(nothing)'}`);
    }
    if (!Object.hasOwn(this.series, key)) {
      this.fail(`role '${role}' names series '${key}', which does not exist; series: ${Object.keys(this.series).join(', ')}`);
    }
    return this.series[key];
  }

  private asNumbers(value: unknown, role: string): NumArray {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return value as unknown as ArrayLike<number>;
    if (Array.isArray(value) && value.every(isNumberLike)) return value as (number | null)[];
    throw new FigureDataError(`${this.where(role)} must be an array of numbers, got ${describeValue(value)}`);
  }

  /** a 1-D numeric series (required) */
  numbers(role: string): NumArray {
    return this.asNumbers(this.raw(role), role);
  }

  /** a 1-D numeric series, or undefined when the role is not mapped */
  optionalNumbers(role: string): NumArray | undefined {
    return this.has(role) ? this.numbers(role) : undefined;
  }

  /** a 2-D numeric series (an array of rows); a 1-D series reads as one row */
  rows(role: string): NumArray[] {
    const value = this.raw(role);
    if (Array.isArray(value) && value.length > 0 && !value.every(isNumberLike)) {
      return value.map((row, i) => {
        try {
          return this.asNumbers(row, role);
        } catch {
          throw new FigureDataError(`${this.where(role)} row ${i} must be an array of numbers, got ${describeValue(row)}`);
        }
      });
    }
    return [this.asNumbers(value, role)];
  }

  /** a series of strings (category labels) */
  strings(role: string): string[] {
    const value = this.raw(role);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    throw new FigureDataError(`${this.where(role)} must be an array of strings, got ${describeValue(value)}`);
  }

  private option(name: string): unknown {
    return this.request.options?.[name];
  }

  private optionFail(name: string, expected: string): never {
    this.fail(`option '${name}' must be ${expected}, got ${describeValue(this.option(name))}`);
  }

  /** a numeric option, or undefined when absent */
  number(name: string): number | undefined {
    const v = this.option(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.optionFail(name, 'a finite number');
    return v;
  }

  /** a string option, or undefined when absent */
  string(name: string): string | undefined {
    const v = this.option(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') this.optionFail(name, 'a string');
    return v;
  }

  /** a boolean option, or undefined when absent */
  boolean(name: string): boolean | undefined {
    const v = this.option(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') this.optionFail(name, 'true or false');
    return v;
  }

  /** an option holding an array of strings, or undefined when absent */
  stringList(name: string): string[] | undefined {
    const v = this.option(name);
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) this.optionFail(name, 'an array of strings');
    return v as string[];
  }

  /** an option holding a [min, max] pair, or undefined when absent */
  pair(name: string): [number, number] | undefined {
    const v = this.option(name);
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      this.optionFail(name, 'a pair [min, max] of numbers');
    }
    return [v[0] as number, v[1] as number];
  }

  /** an option holding an array of objects (e.g. raster populations), or undefined when absent */
  objectList(name: string): Record<string, unknown>[] | undefined {
    const v = this.option(name);
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || !v.every((o) => o !== null && typeof o === 'object' && !Array.isArray(o))) {
      this.optionFail(name, 'an array of objects');
    }
    return v as Record<string, unknown>[];
  }
}
