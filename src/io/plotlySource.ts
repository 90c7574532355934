/**
 * The plotly.js bundle as text, for inlining into self-contained reports so they work
 * offline. Reports use the minified build (`plotly.js-dist-min`, the same release as the
 * `plotly.js-dist` the dashboard bundles): 4.6 MB instead of 10 MB per report. Read once
 * per process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { EngramError } from '../core/errors.js';

let cached: Promise<string> | undefined;

/** Path of the plotly.js bundle that reports inline. */
export function plotlyBundlePath(): string {
  try {
    return createRequire(import.meta.url).resolve('plotly.js-dist-min');
  } catch (error) {
    throw new EngramError(
      `cannot find plotly.js-dist-min, which reports inline (${error instanceof Error ? error.message : String(error)}); run npm install`,
    );
  }
}

/** The text of the plotly.js bundle. */
export function loadPlotlySource(): Promise<string> {
  cached ??= readFile(plotlyBundlePath(), 'utf8').catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
