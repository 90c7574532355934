/**
 * plotly.js for the dashboard (the full `plotly.js-dist` build: scattergl, heatmaps) and the
 * one call whose type is narrower than what plotly accepts (per-trace `maxPoints`).
 */
import Plotly from 'plotly.js-dist';
import type { Data } from 'plotly.js-dist';

export { Plotly };

/**
 * New points for some traces: one x and one y array per trace. A trace keeps the typed
 * array type it was created with (plotly extends typed arrays only with their own type):
 * the live figures use Float64Array times and Float32Array values.
 */
export interface TraceExtension {
  readonly x: readonly Float64Array[];
  readonly y: readonly Float32Array[];
}

/**
 * Appends points to traces `indices` and keeps at most `keep[i]` points in each
 * (Plotly.extendTraces with a per-trace maxPoints object: a sliding window). The typed
 * arrays are handed to plotly as they are, never copied into JavaScript arrays.
 */
export function extendTraces(div: HTMLElement, update: TraceExtension, indices: readonly number[], keep: readonly number[]): Promise<unknown> {
  const extend = Plotly.extendTraces as unknown as (
    root: HTMLElement,
    update: Data,
    indices: number[],
    maxPoints: { x: number[]; y: number[] },
  ) => Promise<unknown>;
  return extend(div, { x: [...update.x], y: [...update.y] } as unknown as Data, [...indices], { x: [...keep], y: [...keep] });
}
