/**
 * Generic bar figure: one value per labelled category, with optional error bars
 * (rates per population, capacities per model, timings per backend, ...).
 */
import { ParameterError } from '../core/errors.js';
import { axis, baseLayout, colour, toNumbers, type PlotlyFigure } from './figure.js';

/** Input of {@link barFigure}. */
export interface BarInput {
  readonly title: string;
  /** category labels, one per value */
  readonly labels: readonly string[];
  readonly values: ArrayLike<number | null>;
  /** symmetric error bar of each value */
  readonly errors?: ArrayLike<number | null>;
  readonly xLabel?: string;
  readonly yLabel?: string;
}

/**
 * Builds a bar figure.
 *
 * @example
 * barFigure({ title: 'rates', labels: ['exc', 'inh'], values: [5.1, 5.4], yLabel: 'rate (Hz)' });
 */
export function barFigure(input: BarInput): PlotlyFigure {
  if (input.labels.length !== input.values.length) {
    throw new ParameterError('values', input.values, `one value per label (${input.labels.length})`, 'barFigure');
  }
  return {
    data: [
      {
        type: 'bar',
        x: [...input.labels],
        y: toNumbers(input.values),
        marker: { color: input.labels.map((_, i) => colour(i)) },
        ...(input.errors
          ? { error_y: { type: 'data' as const, array: toNumbers(input.errors), visible: true, color: '#333', thickness: 1 } }
          : {}),
        hovertemplate: '%{x}: %{y}<extra></extra>',
      },
    ],
    layout: baseLayout(input.title, {
      showlegend: false,
      xaxis: axis(input.xLabel, { type: 'category' }),
      yaxis: axis(input.yLabel),
    }),
  };
}
