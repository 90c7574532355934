/**
 * Weight matrix heatmap: columns are presynaptic (source) neurons on x, rows postsynaptic
 * (target) neurons on y, colour the weight; pairs without a synapse are left blank. Row 0
 * is at the top, so the picture reads like the matrix `W[post][pre]`.
 */
import { ParameterError } from '../core/errors.js';
import { axis, baseLayout, type PlotlyFigure } from './figure.js';

/** Input of {@link weightMatrixFigure}. */
export interface WeightMatrixInput {
  readonly title: string;
  /** `weights[post][pre]`; null (or NaN) where there is no synapse */
  readonly weights: readonly ArrayLike<number | null>[];
  /** colour bar title, e.g. 'weight (nA)'; default 'weight' */
  readonly zLabel?: string;
  /** default 'presynaptic neuron (source)' */
  readonly xLabel?: string;
  /** default 'postsynaptic neuron (target)' */
  readonly yLabel?: string;
  /** plotly colour scale name; default 'Viridis' */
  readonly colorscale?: string;
}

/**
 * The dense `W[post][pre]` matrix of a synapse list (weights of repeated pairs add up);
 * null where there is no synapse.
 *
 * @example
 * weightMatrixFromSynapses([0, 1], [1, 0], [0.5, 0.2], 2, 2); // [[null, 0.2], [0.5, null]]
 */
export function weightMatrixFromSynapses(
  pre: ArrayLike<number | null>,
  post: ArrayLike<number | null>,
  weight: ArrayLike<number | null>,
  nPre: number,
  nPost: number,
): (number | null)[][] {
  if (pre.length !== post.length || pre.length !== weight.length) {
    throw new ParameterError('post', post, `as many entries as pre and weight (${pre.length})`, 'weightMatrixFromSynapses');
  }
  const z: (number | null)[][] = Array.from({ length: nPost }, () => new Array<number | null>(nPre).fill(null));
  for (let s = 0; s < pre.length; s++) {
    const i = pre[s];
    const j = post[s];
    const w = weight[s];
    if (i === null || j === null || w === null || !(i >= 0 && i < nPre && j >= 0 && j < nPost)) continue;
    z[j][i] = (z[j][i] ?? 0) + w;
  }
  return z;
}

/**
 * Builds the weight-matrix heatmap.
 *
 * @example
 * weightMatrixFigure({ title: 'W after learning', weights: w, zLabel: 'weight (nA)' });
 */
export function weightMatrixFigure(input: WeightMatrixInput): PlotlyFigure {
  const nPost = input.weights.length;
  const nPre = nPost > 0 ? input.weights[0].length : 0;
  const z = input.weights.map((row, j) => {
    if (row.length !== nPre) {
      throw new ParameterError(`weights[${j}]`, row, `${nPre} entries (one per presynaptic neuron)`, 'weightMatrixFigure');
    }
    return Array.from(row, (w) => (w === null || !Number.isFinite(w) ? null : w));
  });
  const zLabel = input.zLabel ?? 'weight';
  return {
    data: [
      {
        type: 'heatmap',
        z,
        x: Array.from({ length: nPre }, (_, i) => i),
        y: Array.from({ length: nPost }, (_, j) => j),
        colorscale: input.colorscale ?? 'Viridis',
        colorbar: { title: { text: zLabel }, thickness: 14 },
        hoverongaps: false,
        hovertemplate: `pre %{x} → post %{y}<br>${zLabel} %{z}<extra></extra>`,
      },
    ],
    layout: baseLayout(input.title, {
      height: 480,
      showlegend: false,
      xaxis: axis(input.xLabel ?? 'presynaptic neuron (source)', { showgrid: false, constrain: 'domain' }),
      yaxis: axis(input.yLabel ?? 'postsynaptic neuron (target)', { showgrid: false, autorange: 'reversed' }),
    }),
  };
}
