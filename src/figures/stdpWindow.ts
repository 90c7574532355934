/**
 * The STDP window: weight change against the spike-time difference `t_post - t_pre`
 * (positive: pre before post, potentiation in the classic rule), measured points with the
 * rule's theoretical curve, as in Bi & Poo 1998 Fig. 7 and Song et al. 2000 Fig. 1.
 */
import type { Data } from 'plotly.js-dist';
import { ParameterError } from '../core/errors.js';
import { axis, baseLayout, colour, toNumbers, type PlotlyFigure } from './figure.js';

/** The x-axis title of every STDP window figure. */
export const STDP_X_LABEL = 't_post - t_pre (ms)';

/** Input of {@link stdpWindowFigure}. */
export interface StdpWindowInput {
  readonly title: string;
  /** spike-time differences t_post - t_pre (ms) */
  readonly dt: ArrayLike<number | null>;
  /** measured weight change at each dt */
  readonly dw: ArrayLike<number | null>;
  /** the rule's curve, drawn as a line */
  readonly theory?: { readonly dt: ArrayLike<number | null>; readonly dw: ArrayLike<number | null> };
  /** default 'weight change Δw' */
  readonly yLabel?: string;
  /** legend labels; defaults 'measured' and 'theory' */
  readonly measuredName?: string;
  readonly theoryName?: string;
}

/**
 * Builds the STDP-window figure.
 *
 * @example
 * stdpWindowFigure({ title: 'STDP window', dt, dw, theory: { dt: tCurve, dw: wCurve } });
 */
export function stdpWindowFigure(input: StdpWindowInput): PlotlyFigure {
  if (input.dt.length !== input.dw.length) {
    throw new ParameterError('dw', input.dw, `one weight change per dt (${input.dt.length})`, 'stdpWindowFigure');
  }
  const yLabel = input.yLabel ?? 'weight change Δw';
  const data: Data[] = [
    {
      type: 'scatter',
      mode: 'markers',
      name: input.measuredName ?? 'measured',
      x: toNumbers(input.dt),
      y: toNumbers(input.dw),
      marker: { color: colour(0), size: 6 },
      hovertemplate: `t_post - t_pre = %{x} ms<br>Δw = %{y}<extra></extra>`,
    },
  ];
  if (input.theory) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: input.theoryName ?? 'theory',
      x: toNumbers(input.theory.dt),
      y: toNumbers(input.theory.dw),
      line: { color: colour(1), width: 1.5 },
      hovertemplate: `t_post - t_pre = %{x} ms<br>Δw = %{y}<extra></extra>`,
    });
  }
  return {
    data,
    layout: baseLayout(input.title, {
      xaxis: axis(STDP_X_LABEL, { zeroline: true, zerolinecolor: '#999' }),
      yaxis: axis(yLabel, { zeroline: true, zerolinecolor: '#999' }),
    }),
  };
}
