/**
 * Reads a `result.json` from disk and validates it (see {@link parseResultFile}).
 */
import { readFile } from 'node:fs/promises';
import { parseResultFile, ResultFileError } from './parseResultFile.js';
import type { ResultFile } from './resultFile.js';

/**
 * Reads and validates the result file at `path`.
 *
 * @throws ResultFileError when the file cannot be read or is not a valid Engram result file
 *
 * @example
 * const result = await readResultFile('results/vogels2005-cuba/2025-11-24T20-32-05Z/result.json');
 */
export async function readResultFile(path: string): Promise<ResultFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ResultFileError(path, '', `cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseResultFile(text, path);
}
