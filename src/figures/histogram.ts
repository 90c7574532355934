/**
 * Generic histogram of one or more samples (overlaid, semi-transparent), binned by
 * plotly in the browser: interspike intervals, CV distributions, overlaps, ...
 */
import type { Data } from 'plotly.js-dist';
import { axis, baseLayout, colour, toNumbers, type PlotlyFigure } from './figure.js';

/** Input of {@link histogramFigure}. */
export interface HistogramInput {
  readonly title: string;
  /** one sample per histogram */
  readonly samples: readonly ArrayLike<number | null>[];
  /** legend label of each sample; default `sample 1`, ... */
  readonly names?: readonly string[];
  /** approximate number of bins; default: plotly's choice */
  readonly bins?: number;
  readonly xLabel?: string;
  /** default 'count' */
  readonly yLabel?: string;
  /** show probability density instead of counts */
  readonly density?: boolean;
}

/**
 * Builds a histogram figure.
 *
 * @example
 * histogramFigure({ title: 'ISI', samples: [isi], xLabel: 'interspike interval (ms)', bins: 50 });
 */
export function histogramFigure(input: HistogramInput): PlotlyFigure {
  const overlay = input.samples.length > 1;
  const data: Data[] = input.samples.map((sample, i) => ({
    type: 'histogram',
    name: input.names?.[i] ?? `sample ${i + 1}`,
    x: toNumbers(sample).filter((v): v is number => v !== null),
    marker: { color: colour(i), line: { color: '#ffffff', width: 0.5 } },
    opacity: overlay ? 0.6 : 1,
    ...(input.bins !== undefined ? { nbinsx: input.bins } : {}),
    ...(input.density ? { histnorm: 'probability density' as const } : {}),
  }));
  return {
    data,
    layout: baseLayout(input.title, {
      showlegend: overlay,
      barmode: 'overlay',
      bargap: 0.02,
      xaxis: axis(input.xLabel),
      yaxis: axis(input.yLabel ?? (input.density ? 'probability density' : 'count')),
    }),
  };
}
