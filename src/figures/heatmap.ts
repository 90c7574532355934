/**
 * Generic heatmap of a matrix `z[row][column]` (overlap matrices, rate maps, parameter
 * sweeps), with optional coordinates for the columns (x) and rows (y).
 */
import { ParameterError } from '../core/errors.js';
import { axis, baseLayout, toNumbers, type PlotlyFigure } from './figure.js';

/** Input of {@link heatmapFigure}. */
export interface HeatmapInput {
  readonly title: string;
  /** `z[row][column]`; rows go along y, columns along x */
  readonly z: readonly ArrayLike<number | null>[];
  /** coordinate of each column; default 0, 1, ... */
  readonly x?: ArrayLike<number | null>;
  /** coordinate of each row; default 0, 1, ... */
  readonly y?: ArrayLike<number | null>;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** colour bar title */
  readonly zLabel?: string;
  /** plotly colour scale name; default 'Viridis' */
  readonly colorscale?: string;
}

/**
 * Builds a heatmap figure.
 *
 * @example
 * heatmapFigure({ title: 'overlap', z: overlaps, xLabel: 'cue', yLabel: 'stored pattern', zLabel: 'overlap' });
 */
export function heatmapFigure(input: HeatmapInput): PlotlyFigure {
  const columns = input.z.length > 0 ? input.z[0].length : 0;
  const z = input.z.map((row, r) => {
    if (row.length !== columns) throw new ParameterError(`z[${r}]`, row, `${columns} columns like z[0]`, 'heatmapFigure');
    return toNumbers(row);
  });
  return {
    data: [
      {
        type: 'heatmap',
        z,
        x: input.x ? toNumbers(input.x) : Array.from({ length: columns }, (_, i) => i),
        y: input.y ? toNumbers(input.y) : Array.from({ length: z.length }, (_, i) => i),
        colorscale: input.colorscale ?? 'Viridis',
        colorbar: { thickness: 14, ...(input.zLabel ? { title: { text: input.zLabel } } : {}) },
      },
    ],
    layout: baseLayout(input.title, {
      showlegend: false,
      xaxis: axis(input.xLabel, { showgrid: false }),
      yaxis: axis(input.yLabel, { showgrid: false }),
    }),
  };
}
