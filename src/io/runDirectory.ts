/**
 * Run directories: where a run's `result.json` and `report.html` go. The default is
 * `results/<experiment>/<UTC timestamp>/`; an existing run directory (one that already holds
 * either file) is never overwritten unless forced, and both files are written atomically,
 * so earlier results are never damaged.
 */
import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EngramError } from '../core/errors.js';
import { atomicWrite } from './atomicWrite.js';
import { loadPlotlySource } from './plotlySource.js';
import { renderReport } from './report.js';
import { serializeResultFile, type ResultFile } from './resultFile.js';

/** File name of the result data in a run directory. */
export const RESULT_FILE_NAME = 'result.json';

/** File name of the report in a run directory. */
export const REPORT_FILE_NAME = 'report.html';

/** A run directory that already holds a run, when overwriting was not asked for. */
export class RunDirectoryExistsError extends EngramError {
  readonly directory: string;

  constructor(directory: string, file: string) {
    super(`${directory} already holds a run (${file}); choose another --out directory or pass --force to overwrite it`);
    this.directory = directory;
  }
}

/** `2025-11-24T20-32-05Z`: a UTC timestamp usable as a directory name on every system. */
export function runTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The default run directory, `<root>/results/<name>/<UTC timestamp>/`; when that already
 * exists (two runs in the same second) a suffix `-2`, `-3`, ... is added, so a default
 * directory never holds an earlier run.
 */
export async function defaultRunDirectory(root: string, name: string, date: Date): Promise<string> {
  const base = resolve(root, 'results', name, runTimestamp(date));
  let candidate = base;
  for (let i = 2; await exists(candidate); i++) candidate = `${base}-${i}`;
  return candidate;
}

/**
 * Checks that a run may be written into `directory`: it must not hold a `result.json` or
 * `report.html` yet, unless `force`. Creates nothing.
 *
 * @throws RunDirectoryExistsError when the directory holds a run and `force` is not set
 */
export async function checkRunDirectory(directory: string, force: boolean): Promise<void> {
  if (force) return;
  for (const file of [RESULT_FILE_NAME, REPORT_FILE_NAME]) {
    if (await exists(join(directory, file))) throw new RunDirectoryExistsError(directory, file);
  }
}

/** Paths of the files a run wrote. */
export interface RunFiles {
  readonly directory: string;
  readonly result: string;
  readonly report: string;
}

/** Options of {@link writeRunFiles}. */
export interface WriteRunOptions {
  /** overwrite the files of a run already in the directory */
  readonly force?: boolean;
  /** the plotly.js source to inline into the report; default: the installed plotly.js-dist */
  readonly plotlySource?: string;
}

/**
 * Writes `result.json` and then `report.html` into `directory` (created if needed), each
 * atomically.
 *
 * @throws RunDirectoryExistsError when the directory holds a run and `force` is not set
 */
export async function writeRunFiles(directory: string, result: ResultFile, options: WriteRunOptions = {}): Promise<RunFiles> {
  await checkRunDirectory(directory, options.force ?? false);
  await mkdir(directory, { recursive: true });
  const files: RunFiles = {
    directory,
    result: join(directory, RESULT_FILE_NAME),
    report: join(directory, REPORT_FILE_NAME),
  };
  await atomicWrite(files.result, serializeResultFile(result));
  const plotly = options.plotlySource ?? (await loadPlotlySource());
  await atomicWrite(files.report, renderReport(result, { plotly: { source: plotly } }));
  return files;
}
