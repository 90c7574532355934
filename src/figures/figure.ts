/**
 * The figure type every shared builder returns, and the house style they share (axes,
 * margins, fonts, colours). A figure is plain data — `{ data, layout }` for
 * `Plotly.newPlot(div, data, layout)` — made only of arrays, numbers and strings, so it can
 * be embedded in a report as JSON or drawn live in the dashboard.
 *
 * Titles are always `{ text }` objects: plotly.js 3+ ignores plain-string titles.
 */
import type { Data, Layout, LayoutAxis } from 'plotly.js-dist';

/** A plotly figure: traces and layout, JSON-serialisable. */
export interface PlotlyFigure {
  readonly data: Data[];
  readonly layout: Partial<Layout>;
}

/** Colours of successive series (excitatory blue, inhibitory red, then the usual ten). */
export const PALETTE: readonly string[] = [
  '#1f5fa8',
  '#c8372d',
  '#2e8b57',
  '#e08a1e',
  '#7b4fa6',
  '#8c564b',
  '#d45b9f',
  '#6b6b6b',
  '#a5a61f',
  '#1aa3b5',
];

/** The colour of the `i`-th series. */
export function colour(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** A plain number array from any array-like (typed arrays are copied; NaN is kept as a gap). */
export function toNumbers(values: ArrayLike<number | null>): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || !Number.isFinite(v) ? null : v;
  }
  return out;
}

/** Minimum and maximum of the finite values, or undefined when there are none. */
export function finiteRange(values: ArrayLike<number | null>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** An axis in the house style with a title. */
export function axis(title: string | undefined, extra: Partial<LayoutAxis> = {}): Partial<LayoutAxis> {
  return {
    ...(title ? { title: { text: title } } : {}),
    showline: true,
    linecolor: '#444',
    linewidth: 1,
    ticks: 'outside',
    ticklen: 4,
    tickcolor: '#444',
    gridcolor: '#ececec',
    zeroline: false,
    automargin: true,
    ...extra,
  };
}

/** The layout every figure starts from: titled, white, compact margins, legend on top. */
export function baseLayout(title: string, extra: Partial<Layout> = {}): Partial<Layout> {
  return {
    title: { text: title, x: 0.01, xanchor: 'left', font: { size: 15 } },
    font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif', size: 12, color: '#222' },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    margin: { l: 64, r: 24, t: 56, b: 52 },
    hovermode: 'closest',
    showlegend: true,
    legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom', bgcolor: 'rgba(255,255,255,0)' },
    height: 420,
    ...extra,
  };
}
