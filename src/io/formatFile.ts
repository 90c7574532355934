/**
 * The opening checks shared by Engram's own JSON file formats (weights, spike trains):
 * JSON text or an already parsed value, an object whose `format` names the expected kind,
 * and the version this code reads.
 */
import { ParameterError } from '../core/errors.js';

/** Whether `x` is a plain object (not null, not an array). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * `data` parsed (when it is JSON text) and checked to be an object with `format` and
 * `version` 1; throws a ParameterError naming the first that is wrong.
 *
 * @param what - the kind of file, for the message ('a weights file')
 */
export function openFormatFile(data: unknown, format: string, what: string, ctx: string): Record<string, unknown> {
  let value = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch (e) {
      throw new ParameterError('text', `${data.slice(0, 40)}${data.length > 40 ? '...' : ''}`, `JSON text (${(e as Error).message})`, ctx);
    }
  }
  if (!isRecord(value) || value.format !== format) {
    throw new ParameterError('format', isRecord(value) ? value.format : value, `'${format}' (this is not ${what})`, ctx);
  }
  if (value.version !== 1) throw new ParameterError('version', value.version, '1', ctx);
  return value;
}
