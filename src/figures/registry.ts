/**
 * The figure registry: maps a {@link FigureRequest}'s `kind` to the shared builder that draws
 * it, reading the builder's inputs from the named series. Reports and the dashboard draw
 * every experiment figure through {@link buildFigure}, so a figure looks the same wherever
 * it is shown.
 *
 * | kind | series roles (optional in brackets) | options |
 * |---|---|---|
 * | raster | times, ids, [rateTimes, rate] | populations [{label, start, size}], neurons, binMs, tStart, tStop |
 * | membrane | t, v (rows = neurons) | threshold, reset, labels, unit |
 * | weight-matrix | weights (rows = post) or pre, post, weight | nPre, nPost, zLabel, xLabel, yLabel, colorscale |
 * | weight-histogram | times, weights (rows = snapshots) or times, edges, counts | bins, range, weightLabel |
 * | stdp-window | dt, dw, [theoryDt, theoryDw] | yLabel, measuredName, theoryName |
 * | recall-load | load, quality, [error, theoryLoad, theory] | capacity, xLabel, yLabel, measuredName, theoryName, logX |
 * | line | x, y (rows = curves) | names, xLabel, yLabel, mode, logX, logY |
 * | histogram | values (rows = samples) | names, bins, xLabel, yLabel, density |
 * | bar | labels, values, [errors] | xLabel, yLabel |
 * | heatmap | z, [x, y] | xLabel, yLabel, zLabel, colorscale |
 */
import { barFigure } from './bar.js';
import type { PlotlyFigure } from './figure.js';
import { FigureDataError, FigureInput, type FigureRequest } from './figureInput.js';
import { heatmapFigure } from './heatmap.js';
import { histogramFigure } from './histogram.js';
import { lineFigure } from './line.js';
import { membraneTracesFigure } from './membraneTraces.js';
import type { RasterPopulation } from './raster.js';
import { rasterFigure } from './raster.js';
import { recallLoadFigure } from './recallLoad.js';
import { stdpWindowFigure } from './stdpWindow.js';
import { weightHistogramFigure } from './weightHistogram.js';
import { weightMatrixFigure, weightMatrixFromSynapses } from './weightMatrix.js';

/** A registered builder: what it draws, the series roles it reads, and how it builds. */
export interface FigureBuilder {
  readonly description: string;
  /** roles that must map to a series (alternatives are checked by `build`) */
  readonly roles: readonly string[];
  readonly optionalRoles: readonly string[];
  build(input: FigureInput): PlotlyFigure;
}

function populations(input: FigureInput): RasterPopulation[] | undefined {
  return input.objectList('populations')?.map((p, i) => {
    const { label, start, size } = p;
    if (typeof start !== 'number' || typeof size !== 'number' || !(size > 0)) {
      input.fail(`option 'populations[${i}]' must be { label, start, size } with size > 0`);
    }
    return { label: typeof label === 'string' ? label : `population ${i + 1}`, start, size };
  });
}

/** Every figure kind experiments may name in a FigureSpec. */
export const figureBuilders: Readonly<Record<string, FigureBuilder>> = {
  raster: {
    description: 'spike raster with the population rate below, shared time axis',
    roles: ['times', 'ids'],
    optionalRoles: ['rateTimes', 'rate'],
    build: (input) => {
      const rateTimes = input.optionalNumbers('rateTimes');
      const rate = input.optionalNumbers('rate');
      return rasterFigure({
        title: input.request.title,
        times: input.numbers('times'),
        ids: input.numbers('ids'),
        populations: populations(input),
        neurons: input.number('neurons'),
        binMs: input.number('binMs'),
        tStart: input.number('tStart'),
        tStop: input.number('tStop'),
        rate: rateTimes && rate ? { t: rateTimes, hz: rate } : undefined,
      });
    },
  },
  membrane: {
    description: 'membrane potential traces with the threshold drawn',
    roles: ['t', 'v'],
    optionalRoles: [],
    build: (input) =>
      membraneTracesFigure({
        title: input.request.title,
        t: input.numbers('t'),
        traces: input.rows('v'),
        labels: input.stringList('labels'),
        threshold: input.number('threshold'),
        reset: input.number('reset'),
        unit: input.string('unit'),
      }),
  },
  'weight-matrix': {
    description: 'weight matrix heatmap, x = presynaptic (source), y = postsynaptic (target)',
    roles: [],
    optionalRoles: ['weights', 'pre', 'post', 'weight'],
    build: (input) => {
      let weights: ArrayLike<number | null>[];
      if (input.has('weights')) {
        weights = input.rows('weights');
      } else if (input.has('pre') && input.has('post') && input.has('weight')) {
        const pre = input.numbers('pre');
        const post = input.numbers('post');
        const maxOf = (a: ArrayLike<number | null>): number => {
          let m = -1;
          for (let i = 0; i < a.length; i++) m = Math.max(m, a[i] ?? -1);
          return m + 1;
        };
        weights = weightMatrixFromSynapses(
          pre,
          post,
          input.numbers('weight'),
          input.number('nPre') ?? maxOf(pre),
          input.number('nPost') ?? maxOf(post),
        );
      } else {
        return input.fail("needs series 'weights' (rows = postsynaptic) or 'pre', 'post' and 'weight'");
      }
      return weightMatrixFigure({
        title: input.request.title,
        weights,
        zLabel: input.string('zLabel'),
        xLabel: input.string('xLabel'),
        yLabel: input.string('yLabel'),
        colorscale: input.string('colorscale'),
      });
    },
  },
  'weight-histogram': {
    description: 'distribution of weights over time (heatmap of counts)',
    roles: ['times'],
    optionalRoles: ['weights', 'edges', 'counts'],
    build: (input) => {
      const common = {
        title: input.request.title,
        times: input.numbers('times'),
        bins: input.number('bins'),
        range: input.pair('range'),
        weightLabel: input.string('weightLabel'),
      };
      if (input.has('weights')) return weightHistogramFigure({ ...common, snapshots: input.rows('weights') });
      if (input.has('edges') && input.has('counts')) {
        const edges = Array.from(input.numbers('edges'), (e) => e ?? Number.NaN);
        return weightHistogramFigure({ ...common, binned: { edges, counts: input.rows('counts') } });
      }
      return input.fail("needs series 'weights' (rows = snapshots) or 'edges' and 'counts'");
    },
  },
  'stdp-window': {
    description: 'weight change against t_post - t_pre, with the theoretical window',
    roles: ['dt', 'dw'],
    optionalRoles: ['theoryDt', 'theoryDw'],
    build: (input) => {
      const theoryDt = input.optionalNumbers('theoryDt');
      const theoryDw = input.optionalNumbers('theoryDw');
      return stdpWindowFigure({
        title: input.request.title,
        dt: input.numbers('dt'),
        dw: input.numbers('dw'),
        theory: theoryDt && theoryDw ? { dt: theoryDt, dw: theoryDw } : undefined,
        yLabel: input.string('yLabel'),
        measuredName: input.string('measuredName'),
        theoryName: input.string('theoryName'),
      });
    },
  },
  'recall-load': {
    description: 'recall quality against memory load, with the theoretical curve',
    roles: ['load', 'quality'],
    optionalRoles: ['error', 'theoryLoad', 'theory'],
    build: (input) => {
      const theoryLoad = input.optionalNumbers('theoryLoad');
      const theory = input.optionalNumbers('theory');
      return recallLoadFigure({
        title: input.request.title,
        load: input.numbers('load'),
        quality: input.numbers('quality'),
        error: input.optionalNumbers('error'),
        theory: theoryLoad && theory ? { load: theoryLoad, quality: theory } : undefined,
        capacity: input.number('capacity'),
        xLabel: input.string('xLabel'),
        yLabel: input.string('yLabel'),
        measuredName: input.string('measuredName'),
        theoryName: input.string('theoryName'),
        logX: input.boolean('logX'),
      });
    },
  },
  line: {
    description: 'one or more curves y(x)',
    roles: ['x', 'y'],
    optionalRoles: [],
    build: (input) => {
      const mode = input.string('mode');
      if (mode !== undefined && mode !== 'lines' && mode !== 'markers' && mode !== 'lines+markers') {
        return input.fail(`option 'mode' must be 'lines', 'markers' or 'lines+markers', got '${mode}'`);
      }
      return lineFigure({
        title: input.request.title,
        x: input.numbers('x'),
        ys: input.rows('y'),
        names: input.stringList('names'),
        xLabel: input.string('xLabel'),
        yLabel: input.string('yLabel'),
        mode,
        logX: input.boolean('logX'),
        logY: input.boolean('logY'),
      });
    },
  },
  histogram: {
    description: 'histogram of one or more samples',
    roles: ['values'],
    optionalRoles: [],
    build: (input) =>
      histogramFigure({
        title: input.request.title,
        samples: input.rows('values'),
        names: input.stringList('names'),
        bins: input.number('bins'),
        xLabel: input.string('xLabel'),
        yLabel: input.string('yLabel'),
        density: input.boolean('density'),
      }),
  },
  bar: {
    description: 'one value per labelled category',
    roles: ['labels', 'values'],
    optionalRoles: ['errors'],
    build: (input) =>
      barFigure({
        title: input.request.title,
        labels: input.strings('labels'),
        values: input.numbers('values'),
        errors: input.optionalNumbers('errors'),
        xLabel: input.string('xLabel'),
        yLabel: input.string('yLabel'),
      }),
  },
  heatmap: {
    description: 'a matrix z[row][column] as colours',
    roles: ['z'],
    optionalRoles: ['x', 'y'],
    build: (input) =>
      heatmapFigure({
        title: input.request.title,
        z: input.rows('z'),
        x: input.optionalNumbers('x'),
        y: input.optionalNumbers('y'),
        xLabel: input.string('xLabel'),
        yLabel: input.string('yLabel'),
        zLabel: input.string('zLabel'),
        colorscale: input.string('colorscale'),
      }),
  },
};

/**
 * Builds the plotly figure a FigureSpec describes, from the series it names.
 *
 * @throws FigureDataError when the kind is unknown or a series or option does not fit
 *
 * @example
 * const { data, layout } = buildFigure(result.figures[0], result.series);
 * Plotly.newPlot(div, data, layout);
 */
export function buildFigure(request: FigureRequest, series: Readonly<Record<string, unknown>>): PlotlyFigure {
  const builder = Object.hasOwn(figureBuilders, request.kind) ? figureBuilders[request.kind] : undefined;
  if (!builder) {
    throw new FigureDataError(
      `figure '${request.title}': unknown kind '${request.kind}'; known kinds: ${Object.keys(figureBuilders).join(', ')}`,
    );
  }
  const input = new FigureInput(request, series);
  for (const role of builder.roles) {
    if (!input.has(role)) input.fail(`needs a series for role '${role}' (roles: ${builder.roles.join(', ')})`);
  }
  try {
    return builder.build(input);
  } catch (error) {
    if (error instanceof FigureDataError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new FigureDataError(`figure '${request.title}' (${request.kind}): ${message}`);
  }
}
