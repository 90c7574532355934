/**
 * Errors thrown by Engram. Every error raised because of user input is an
 * {@link EngramError}; invalid parameters are {@link ParameterError}s that name the
 * parameter, the value received and what is allowed, so a message can be acted on.
 */

/** Base class of every error Engram throws on purpose. */
export class EngramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Shows a value compactly in error messages (arrays are abbreviated). */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const arr = value as ArrayLike<unknown>;
    const head = Array.from({ length: Math.min(arr.length, 4) }, (_, i) => describeValue(arr[i]));
    return `[${head.join(', ')}${arr.length > 4 ? `, ... (${arr.length} items)` : ''}]`;
  }
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * A parameter got a value outside what is allowed.
 *
 * @example
 * throw new ParameterError('tauM', -1, 'a finite number > 0 (ms)', 'IFCurrExp');
 * // IFCurrExp: parameter 'tauM' = -1 is invalid; allowed: a finite number > 0 (ms)
 */
export class ParameterError extends EngramError {
  /** name of the offending parameter */
  readonly parameter: string;
  /** the value received */
  readonly value: unknown;
  /** what would have been accepted */
  readonly allowed: string;
  /** what the user may do about it */
  readonly hint: string | undefined;

  constructor(parameter: string, value: unknown, allowed: string, context?: string, hint?: string) {
    const where = context ? `${context}: ` : '';
    super(
      `${where}parameter '${parameter}' = ${describeValue(value)} is invalid; allowed: ${allowed}` +
        (hint ? `. ${hint}` : ''),
    );
    this.parameter = parameter;
    this.value = value;
    this.allowed = allowed;
    this.hint = hint;
  }
}

/** An operation that is not possible in the object's current state (e.g. adding a population after a run). */
export class StateError extends EngramError {}
