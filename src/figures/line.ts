/**
 * Generic line figure: one or more curves y(x) sharing an x array, with axis labels and
 * optional log axes. For anything that has no dedicated builder (rates over time, errors
 * against a parameter, ...).
 */
import type { Data } from 'plotly.js-dist';
import { ParameterError } from '../core/errors.js';
import { axis, baseLayout, colour, toNumbers, type PlotlyFigure } from './figure.js';

/** Input of {@link lineFigure}. */
export interface LineInput {
  readonly title: string;
  readonly x: ArrayLike<number | null>;
  /** one array per curve, each as long as x */
  readonly ys: readonly ArrayLike<number | null>[];
  /** legend label of each curve; default `series 1`, `series 2`, ... */
  readonly names?: readonly string[];
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** default 'lines' */
  readonly mode?: 'lines' | 'markers' | 'lines+markers';
  readonly logX?: boolean;
  readonly logY?: boolean;
}

/**
 * Builds a line figure.
 *
 * @example
 * lineFigure({ title: 'rate', x: t, ys: [rateE, rateI], names: ['exc', 'inh'], xLabel: 'time (ms)', yLabel: 'rate (Hz)' });
 */
export function lineFigure(input: LineInput): PlotlyFigure {
  const x = toNumbers(input.x);
  const data: Data[] = input.ys.map((y, i) => {
    if (y.length !== x.length) {
      throw new ParameterError(`ys[${i}]`, y, `${x.length} values, one per x`, 'lineFigure');
    }
    return {
      type: 'scatter',
      mode: input.mode ?? 'lines',
      name: input.names?.[i] ?? `series ${i + 1}`,
      x,
      y: toNumbers(y),
      line: { color: colour(i), width: 1.5 },
      marker: { color: colour(i), size: 5 },
    };
  });
  return {
    data,
    layout: baseLayout(input.title, {
      showlegend: input.ys.length > 1,
      xaxis: axis(input.xLabel, input.logX ? { type: 'log' } : {}),
      yaxis: axis(input.yLabel, input.logY ? { type: 'log' } : {}),
    }),
  };
}
