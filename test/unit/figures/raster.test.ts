import { describe, expect, it } from 'vitest';
import { rasterFigure } from '../../../src/figures/raster.js';

const times = [1, 2, 3, 12, 15];
const ids = [0, 3, 1, 2, 3];

describe('rasterFigure', () => {
  it('rasterFigure(input) draws one scattergl trace per population and its rate below', () => {
    const fig = rasterFigure({
      title: 'CUBA',
      times,
      ids,
      tStop: 20,
      binMs: 10,
      populations: [
        { label: 'exc', start: 0, size: 2 },
        { label: 'inh', start: 2, size: 2 },
      ],
    });
    const [exc, inh, excRate, inhRate] = fig.data as Record<string, unknown>[];
    expect(exc).toMatchObject({ type: 'scattergl', mode: 'markers', name: 'exc', x: [1, 3], y: [0, 1], yaxis: 'y' });
    expect(inh).toMatchObject({ type: 'scattergl', name: 'inh', x: [2, 12, 15], y: [3, 2, 3] });
    expect(excRate).toMatchObject({ yaxis: 'y2', xaxis: 'x', x: [5, 15], y: [100, 0] });
    expect(inhRate).toMatchObject({ yaxis: 'y2', y: [50, 100] });
  });

  it('rasterFigure() shares one time axis between raster and rate, with title objects', () => {
    const fig = rasterFigure({ title: 'R', times, ids });
    expect(fig.layout.title).toMatchObject({ text: 'R' });
    expect(fig.layout.xaxis).toMatchObject({ title: { text: 'time (ms)' }, anchor: 'y2' });
    expect(fig.layout.yaxis).toMatchObject({ title: { text: 'neuron' } });
    expect(fig.layout.yaxis2?.domain?.[1]).toBeLessThan(fig.layout.yaxis?.domain?.[0] ?? 0);
    expect((fig.layout.yaxis2?.title as { text: string }).text).toMatch(/^rate \(Hz/);
  });

  it('rasterFigure() without populations treats all neurons as one, sized by the largest id', () => {
    const fig = rasterFigure({ title: 'R', times: [0, 10], ids: [0, 4], tStop: 10, binMs: 10 });
    expect(fig.data).toHaveLength(2);
    expect((fig.data[1] as { y: number[] }).y).toEqual([40]);
  });

  it('rasterFigure({ rate }) draws the given rate instead of binning', () => {
    const fig = rasterFigure({ title: 'R', times, ids, rate: { t: [0, 1], hz: [3, 4] } });
    expect(fig.data).toHaveLength(2);
    expect(fig.data[1]).toMatchObject({ x: [0, 1], y: [3, 4], yaxis: 'y2' });
  });

  it('rasterFigure() of no spikes still draws empty axes', () => {
    const fig = rasterFigure({ title: 'R', times: [], ids: [], tStop: 100 });
    expect(fig.data[0]).toMatchObject({ x: [], y: [] });
  });

  it('rasterFigure() rejects times and ids of different lengths', () => {
    expect(() => rasterFigure({ title: 'R', times: [1], ids: [] })).toThrow(/ids/);
  });
});
