/**
 * How the distribution of synaptic weights evolves: a heatmap with time on x, weight on y
 * and the number of synapses in each weight bin as colour (e.g. the bimodal split under
 * STDP, Song et al. 2000 Fig. 2). With a single snapshot it is drawn as a plain histogram.
 */
import { ParameterError } from '../core/errors.js';
import { axis, baseLayout, colour, finiteRange, toNumbers, type PlotlyFigure } from './figure.js';
import { evenEdges, histogramCounts } from './histogramCounts.js';

/** Input of {@link weightHistogramFigure}: raw snapshots, or counts already binned. */
export interface WeightHistogramInput {
  readonly title: string;
  /** time of each snapshot (ms) */
  readonly times: ArrayLike<number | null>;
  /** the weights at each time (one array per snapshot) */
  readonly snapshots?: readonly ArrayLike<number | null>[];
  /** already binned: `counts[snapshot][bin]` over `edges` (bins + 1 values) */
  readonly binned?: { readonly edges: ArrayLike<number>; readonly counts: readonly ArrayLike<number | null>[] };
  /** number of bins for raw snapshots; default 30 */
  readonly bins?: number;
  /** weight range for raw snapshots; default the range of all snapshots */
  readonly range?: readonly [number, number];
  /** default 'weight' */
  readonly weightLabel?: string;
}

/**
 * Builds the weight-histogram-over-time figure.
 *
 * @example
 * weightHistogramFigure({ title: 'weights', times: [0, 500, 1000], snapshots: [w0, w1, w2], bins: 40 });
 */
export function weightHistogramFigure(input: WeightHistogramInput): PlotlyFigure {
  const times = toNumbers(input.times);
  let edges: ArrayLike<number>;
  let counts: ArrayLike<number | null>[];
  if (input.binned) {
    edges = input.binned.edges;
    counts = [...input.binned.counts];
  } else if (input.snapshots) {
    const snapshots = input.snapshots;
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of snapshots) {
      const r = finiteRange(s);
      if (r) [lo, hi] = [Math.min(lo, r[0]), Math.max(hi, r[1])];
    }
    const [min, max] = input.range ?? (lo <= hi ? [lo, hi] : [0, 1]);
    edges = evenEdges(min, max, input.bins ?? 30);
    counts = snapshots.map((s) => histogramCounts(s, edges));
  } else {
    throw new ParameterError('snapshots', undefined, 'weight snapshots or binned counts', 'weightHistogramFigure');
  }
  if (counts.length !== times.length) {
    throw new ParameterError('times', input.times, `one time per snapshot (${counts.length})`, 'weightHistogramFigure');
  }
  const bins = edges.length - 1;
  const centres = Array.from({ length: bins }, (_, b) => (edges[b] + edges[b + 1]) / 2);
  const weightLabel = input.weightLabel ?? 'weight';

  if (counts.length === 1) {
    return {
      data: [
        {
          type: 'bar',
          name: `t = ${times[0]} ms`,
          x: centres,
          y: toNumbers(counts[0]),
          width: centres.map((_, b) => edges[b + 1] - edges[b]),
          marker: { color: colour(0) },
          hovertemplate: `${weightLabel} %{x}<br>%{y} synapses<extra></extra>`,
        },
      ],
      layout: baseLayout(input.title, { xaxis: axis(weightLabel), yaxis: axis('synapses'), bargap: 0.02 }),
    };
  }
  // z[bin][snapshot]: rows are weight bins (y), columns are times (x)
  const z = centres.map((_, b) => counts.map((c) => c[b] ?? null));
  return {
    data: [
      {
        type: 'heatmap',
        x: times,
        y: centres,
        z,
        colorscale: 'Viridis',
        colorbar: { title: { text: 'synapses' }, thickness: 14 },
        hovertemplate: `t = %{x} ms<br>${weightLabel} ≈ %{y}<br>%{z} synapses<extra></extra>`,
      },
    ],
    layout: baseLayout(input.title, {
      showlegend: false,
      xaxis: axis('time (ms)', { showgrid: false }),
      yaxis: axis(weightLabel, { showgrid: false }),
    }),
  };
}
