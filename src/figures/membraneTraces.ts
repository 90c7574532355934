/**
 * Membrane potential traces of a few neurons against time, with the firing threshold drawn
 * as a dashed line (and the reset potential dotted, when given), so threshold crossings
 * and resets can be read off directly.
 */
import type { Data } from 'plotly.js-dist';
import { ParameterError } from '../core/errors.js';
import { axis, baseLayout, colour, finiteRange, toNumbers, type PlotlyFigure } from './figure.js';

/** Input of {@link membraneTracesFigure}. */
export interface MembraneTracesInput {
  readonly title: string;
  /** sample times (ms) */
  readonly t: ArrayLike<number | null>;
  /** one trace per neuron, each as long as `t` (mV) */
  readonly traces: readonly ArrayLike<number | null>[];
  /** legend label of each trace; default `neuron 0`, `neuron 1`, ... */
  readonly labels?: readonly string[];
  /** firing threshold (mV), drawn dashed */
  readonly threshold?: number;
  /** reset potential (mV), drawn dotted */
  readonly reset?: number;
  /** unit of the traces; default 'mV' */
  readonly unit?: string;
}

function level(name: string, value: number, x0: number, x1: number, dash: 'dash' | 'dot', unit: string): Data {
  return {
    type: 'scatter',
    mode: 'lines',
    name: `${name} (${value} ${unit})`,
    x: [x0, x1],
    y: [value, value],
    line: { color: '#333', width: 1.2, dash },
    hovertemplate: `${name} %{y} ${unit}<extra></extra>`,
  };
}

/**
 * Builds the membrane-traces figure.
 *
 * @example
 * membraneTracesFigure({ title: 'V_m', t, traces: [v0, v1], threshold: -50, reset: -60 });
 */
export function membraneTracesFigure(input: MembraneTracesInput): PlotlyFigure {
  const unit = input.unit ?? 'mV';
  input.traces.forEach((trace, i) => {
    if (trace.length !== input.t.length) {
      throw new ParameterError(`traces[${i}]`, trace, `${input.t.length} samples, one per time in t`, 'membraneTracesFigure');
    }
  });
  const points = input.traces.length * input.t.length;
  const type = points > 50000 ? 'scattergl' : 'scatter';
  const x = toNumbers(input.t);
  const data: Data[] = input.traces.map((trace, i) => ({
    type,
    mode: 'lines',
    name: input.labels?.[i] ?? `neuron ${i}`,
    x,
    y: toNumbers(trace),
    line: { color: colour(i), width: 1.2 },
    hovertemplate: `%{y:.2f} ${unit} at %{x} ms<extra>%{fullData.name}</extra>`,
  }));
  const [x0, x1] = finiteRange(input.t) ?? [0, 1];
  if (input.threshold !== undefined) data.push(level('threshold', input.threshold, x0, x1, 'dash', unit));
  if (input.reset !== undefined) data.push(level('reset', input.reset, x0, x1, 'dot', unit));
  return {
    data,
    layout: baseLayout(input.title, {
      xaxis: axis('time (ms)'),
      yaxis: axis(`membrane potential (${unit})`),
    }),
  };
}
