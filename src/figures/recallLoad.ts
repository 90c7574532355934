/**
 * Recall quality against memory load: measured recall (with error bars when given) as the
 * number of stored patterns grows, beside the theoretical curve (e.g. Willshaw capacity,
 * Hopfield 0.138 N, or the SDR false-match probability of Ahmad & Hawkins 2016).
 */
import type { Data } from 'plotly.js-dist';
import { ParameterError } from '../core/errors.js';
import { axis, baseLayout, colour, toNumbers, type PlotlyFigure } from './figure.js';

/** Input of {@link recallLoadFigure}. */
export interface RecallLoadInput {
  readonly title: string;
  /** memory load at each measurement (e.g. stored patterns) */
  readonly load: ArrayLike<number | null>;
  /** measured recall quality at each load (e.g. mean overlap with the stored pattern) */
  readonly quality: ArrayLike<number | null>;
  /** symmetric error bar of each measurement (e.g. standard deviation) */
  readonly error?: ArrayLike<number | null>;
  /** the theoretical curve */
  readonly theory?: { readonly load: ArrayLike<number | null>; readonly quality: ArrayLike<number | null> };
  /** a load to mark with a vertical dotted line (e.g. the theoretical capacity) */
  readonly capacity?: number;
  /** defaults 'stored patterns' and 'recall quality' */
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** legend labels; defaults 'measured' and 'theory' */
  readonly measuredName?: string;
  readonly theoryName?: string;
  /** logarithmic load axis */
  readonly logX?: boolean;
}

/**
 * Builds the recall-against-load figure.
 *
 * @example
 * recallLoadFigure({ title: 'Recall', load, quality, theory: { load: m, quality: q }, capacity: 138 });
 */
export function recallLoadFigure(input: RecallLoadInput): PlotlyFigure {
  if (input.load.length !== input.quality.length) {
    throw new ParameterError('quality', input.quality, `one value per load (${input.load.length})`, 'recallLoadFigure');
  }
  const data: Data[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: input.measuredName ?? 'measured',
      x: toNumbers(input.load),
      y: toNumbers(input.quality),
      marker: { color: colour(0), size: 6 },
      line: { color: colour(0), width: 1.5 },
      ...(input.error
        ? { error_y: { type: 'data' as const, array: toNumbers(input.error), visible: true, color: colour(0), thickness: 1 } }
        : {}),
    },
  ];
  if (input.theory) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: input.theoryName ?? 'theory',
      x: toNumbers(input.theory.load),
      y: toNumbers(input.theory.quality),
      line: { color: colour(1), width: 1.5, dash: 'dash' },
    });
  }
  return {
    data,
    layout: baseLayout(input.title, {
      xaxis: axis(input.xLabel ?? 'stored patterns', input.logX ? { type: 'log' } : {}),
      yaxis: axis(input.yLabel ?? 'recall quality'),
      ...(input.capacity !== undefined
        ? {
            shapes: [
              {
                type: 'line',
                xref: 'x',
                yref: 'paper',
                x0: input.capacity,
                x1: input.capacity,
                y0: 0,
                y1: 1,
                line: { color: '#555', width: 1, dash: 'dot' },
              },
            ],
            annotations: [
              {
                x: input.capacity,
                y: 1,
                xref: 'x',
                yref: 'paper',
                text: `capacity ${input.capacity}`,
                showarrow: false,
                xanchor: 'left',
                yanchor: 'top',
                font: { size: 11, color: '#555' },
              },
            ],
          }
        : {}),
    }),
  };
}
