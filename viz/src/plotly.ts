/**
 * plotly.js for the dashboard (the full `plotly.js-dist` build: scattergl, heatmaps) and the
 * one call whose type is narrower than what plotly accepts (per-trace `maxPoints`).
 */
import Plotly from 'plotly.js-dist';
import type { Data } from 'plotly.js-dist';

export { Plotly };

/** New points for some traces: one x and one y array per trace. */
export interface TraceExtension {
  readonly x: ArrayLike<number>[];
  readonly y: ArrayLike<number>[];
}

/**
 * Appends points to traces `indices` and keeps at most `keep[i]` points in each
 * (Plotly.extendTraces with a per-trace maxPoints object).
 */
export function extendTraces(div: HTMLElement, update: TraceExtension, indices: number[], keep: number[]): Promise<unknown> {
  const extend = Plotly.extendTraces as unknown as (
    root: HTMLElement,
    update: Data,
    indices: number[],
    maxPoints: { x: number[]; y: number[] },
  ) => Promise<unknown>;
  return extend(div, { x: update.x.map((a) => Array.from(a)), y: update.y.map((a) => Array.from(a)) } as unknown as Data, indices, {
    x: keep,
    y: keep,
  });
}
