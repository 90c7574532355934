/**
 * Spike raster with the population rate below it on a shared time axis: one dot per spike
 * (plotly `scattergl`, so 10^5-10^6 spikes stay interactive), one colour per population,
 * and underneath each population's rate in Hz (binned, see {@link populationRate}).
 */
import type { Data } from 'plotly.js-dist';
import { ParameterError } from '../core/errors.js';
import { axis, baseLayout, colour, finiteRange, toNumbers, type PlotlyFigure } from './figure.js';
import { populationRate } from './populationRate.js';

/** A contiguous block of neuron indices drawn in its own colour. */
export interface RasterPopulation {
  readonly label: string;
  /** first neuron index */
  readonly start: number;
  /** number of neurons */
  readonly size: number;
}

/** Input of {@link rasterFigure}. */
export interface RasterInput {
  readonly title: string;
  /** spike times (ms) */
  readonly times: ArrayLike<number | null>;
  /** neuron index of each spike */
  readonly ids: ArrayLike<number | null>;
  /** populations to colour and to compute rates for; default one population of `neurons` */
  readonly populations?: readonly RasterPopulation[];
  /** number of neurons when `populations` is absent; default max(id) + 1 */
  readonly neurons?: number;
  /** rate bin width (ms); default: the window divided into about 200 bins, at least 1 ms */
  readonly binMs?: number;
  /** start of the time axis (ms); default 0 */
  readonly tStart?: number;
  /** end of the time axis (ms); default the last spike time */
  readonly tStop?: number;
  /** a precomputed population rate to draw instead of binning the spikes */
  readonly rate?: { readonly t: ArrayLike<number | null>; readonly hz: ArrayLike<number | null>; readonly label?: string };
}

function niceBin(window: number): number {
  const raw = window / 200;
  if (raw <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * p) return m * p;
  return 10 * p;
}

/**
 * Builds the raster-and-rate figure.
 *
 * @example
 * rasterFigure({ title: 'CUBA', times, ids, tStop: 1000,
 *   populations: [{ label: 'excitatory', start: 0, size: 3200 }, { label: 'inhibitory', start: 3200, size: 800 }] });
 */
export function rasterFigure(input: RasterInput): PlotlyFigure {
  const { times, ids } = input;
  if (times.length !== ids.length) {
    throw new ParameterError('ids', ids, `as many neuron indices as spike times (${times.length})`, 'rasterFigure');
  }
  const idRange = finiteRange(ids);
  const timeRange = finiteRange(times);
  const tStart = input.tStart ?? 0;
  const tStop = Math.max(input.tStop ?? timeRange?.[1] ?? tStart + 1, tStart + 1e-9);
  const populations: readonly RasterPopulation[] = input.populations?.length
    ? input.populations
    : [{ label: 'spikes', start: 0, size: input.neurons ?? (idRange ? idRange[1] + 1 : 1) }];
  const binMs = input.binMs ?? niceBin(tStop - tStart);
  const many = times.length > 20000;

  const data: Data[] = [];
  populations.forEach((pop, p) => {
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < times.length; i++) {
      const t = times[i];
      const id = ids[i];
      if (t === null || id === null || id < pop.start || id >= pop.start + pop.size) continue;
      x.push(t);
      y.push(id);
    }
    data.push({
      type: 'scattergl',
      mode: 'markers',
      name: pop.label,
      legendgroup: pop.label,
      x,
      y,
      xaxis: 'x',
      yaxis: 'y',
      marker: { color: colour(p), size: many ? 2 : 3, opacity: many ? 0.6 : 0.85 },
      hovertemplate: `${pop.label}<br>neuron %{y}<br>t = %{x} ms<extra></extra>`,
    });
  });

  if (input.rate) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: input.rate.label ?? 'rate',
      x: toNumbers(input.rate.t),
      y: toNumbers(input.rate.hz),
      xaxis: 'x',
      yaxis: 'y2',
      line: { color: colour(0), width: 1.5 },
      showlegend: false,
      hovertemplate: 't = %{x} ms<br>%{y:.1f} Hz<extra></extra>',
    });
  } else {
    populations.forEach((pop, p) => {
      const r = populationRate(times, ids, { start: pop.start, size: pop.size, tStart, tStop, binMs });
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${pop.label} rate`,
        legendgroup: pop.label,
        showlegend: false,
        x: Array.from(r.t),
        y: Array.from(r.rate),
        xaxis: 'x',
        yaxis: 'y2',
        line: { color: colour(p), width: 1.5, shape: 'hvh' },
        hovertemplate: `${pop.label}<br>t = %{x:.1f} ms<br>%{y:.1f} Hz<extra></extra>`,
      });
    });
  }

  const total = populations.reduce((m, pop) => Math.max(m, pop.start + pop.size), 0);
  return {
    data,
    layout: baseLayout(input.title, {
      height: 560,
      xaxis: axis('time (ms)', { anchor: 'y2', range: [tStart, tStop] }),
      yaxis: axis('neuron', { domain: [0.34, 1], range: [-0.5, Math.max(total, 1) - 0.5] }),
      yaxis2: axis(`rate (Hz, ${binMs} ms bins)`, { domain: [0, 0.26], rangemode: 'tozero' }),
    }),
  };
}
