import { describe, expect, it } from 'vitest';
import { FigureDataError, type FigureRequest } from '../../../src/figures/figureInput.js';
import { buildFigure, figureBuilders } from '../../../src/figures/registry.js';

const series = {
  t: [0, 1, 2],
  ids: new Uint32Array([0, 1, 0]),
  v: [[-65, -60, -55]],
  w: [[0.1, 0.2], [0.3, 0.4]],
  pre: [0, 1],
  post: [1, 0],
  weight: [0.5, 0.25],
  snapshots: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
  labels: ['a', 'b'],
  pair: [1, 2],
  words: 'not an array',
};

/** Every `title` in a layout must be an object with `text`. */
function plainStringTitles(value: unknown, path = 'layout'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'title' && typeof child === 'string') found.push(`${path}.${key}`);
    found.push(...plainStringTitles(child, `${path}.${key}`));
  }
  return found;
}

const requests: FigureRequest[] = [
  { kind: 'raster', title: 'Raster', series: { times: 't', ids: 'ids' }, options: { populations: [{ label: 'e', start: 0, size: 2 }], binMs: 1 } },
  { kind: 'membrane', title: 'V', series: { t: 't', v: 'v' }, options: { threshold: -50 } },
  { kind: 'weight-matrix', title: 'W', series: { weights: 'w' } },
  { kind: 'weight-matrix', title: 'W sparse', series: { pre: 'pre', post: 'post', weight: 'weight' }, options: { nPre: 2, nPost: 2 } },
  { kind: 'weight-histogram', title: 'H', series: { times: 't', weights: 'snapshots' }, options: { bins: 4 } },
  { kind: 'stdp-window', title: 'S', series: { dt: 't', dw: 't', theoryDt: 't', theoryDw: 't' } },
  { kind: 'recall-load', title: 'R', series: { load: 't', quality: 't', theoryLoad: 't', theory: 't' }, options: { capacity: 1 } },
  { kind: 'line', title: 'L', series: { x: 't', y: 'v' }, options: { names: ['n'], mode: 'markers' } },
  { kind: 'histogram', title: 'Hi', series: { values: 't' } },
  { kind: 'bar', title: 'B', series: { labels: 'labels', values: 'pair' } },
  { kind: 'heatmap', title: 'M', series: { z: 'w' } },
];

describe('buildFigure', () => {
  it('buildFigure(spec, series) builds every registered kind with data and title objects only', () => {
    const kinds = new Set<string>();
    for (const request of requests) {
      const fig = buildFigure(request, series);
      kinds.add(request.kind);
      expect(fig.data.length, request.title).toBeGreaterThan(0);
      expect(fig.layout.title, request.title).toMatchObject({ text: request.title });
      expect(plainStringTitles(fig.layout), request.title).toEqual([]);
    }
    expect([...kinds].sort()).toEqual(Object.keys(figureBuilders).sort());
  });

  it('buildFigure() of a sparse weight list builds the same matrix as W[post][pre]', () => {
    const fig = buildFigure(requests[3], series);
    expect(fig.data[0]).toMatchObject({ z: [[null, 0.25], [0.5, null]] });
  });

  it('buildFigure() of an unknown kind names the known kinds', () => {
    expect(() => buildFigure({ kind: 'pie', title: 'P', series: {} }, series)).toThrow(
      `figure 'P': unknown kind 'pie'; known kinds: ${Object.keys(figureBuilders).join(', ')}`,
    );
  });

  it('buildFigure() with a missing role, a missing series or a wrong series type says which', () => {
    expect(() => buildFigure({ kind: 'raster', title: 'R', series: { times: 't' } }, series)).toThrow(
      "figure 'R' (raster): needs a series for role 'ids' (roles: times, ids)",
    );
    expect(() => buildFigure({ kind: 'raster', title: 'R', series: { times: 't', ids: 'spikes' } }, series)).toThrow(
      /role 'ids' names series 'spikes', which does not exist/,
    );
    expect(() => buildFigure({ kind: 'line', title: 'L', series: { x: 'words', y: 't' } }, series)).toThrow(
      `figure 'L' (line): series 'words' (role 'x') must be an array of numbers, got "not an array"`,
    );
    expect(() => buildFigure({ kind: 'bar', title: 'B', series: { labels: 't', values: 't' } }, series)).toThrow(/array of strings/);
    expect(() => buildFigure({ kind: 'weight-matrix', title: 'W', series: {} }, series)).toThrow(/needs series 'weights'/);
    expect(() => buildFigure({ kind: 'weight-histogram', title: 'H', series: { times: 't' } }, series)).toThrow(/needs series 'weights'/);
  });

  it('buildFigure() with an option of the wrong type says which', () => {
    expect(() => buildFigure({ kind: 'membrane', title: 'V', series: { t: 't', v: 'v' }, options: { threshold: '-50' } }, series)).toThrow(
      `figure 'V' (membrane): option 'threshold' must be a finite number, got "-50"`,
    );
    expect(() => buildFigure({ kind: 'line', title: 'L', series: { x: 't', y: 't' }, options: { mode: 'dots' } }, series)).toThrow(/option 'mode'/);
    expect(() =>
      buildFigure({ kind: 'raster', title: 'R', series: { times: 't', ids: 'ids' }, options: { populations: [{ start: 0 }] } }, series),
    ).toThrow(/populations\[0\]/);
  });

  it('buildFigure() turns a builder error about the data into a FigureDataError naming the figure', () => {
    expect(() => buildFigure({ kind: 'stdp-window', title: 'S', series: { dt: 't', dw: 'pair' } }, series)).toThrow(FigureDataError);
    expect(() => buildFigure({ kind: 'stdp-window', title: 'S', series: { dt: 't', dw: 'pair' } }, series)).toThrow(
      /^figure 'S' \(stdp-window\): stdpWindowFigure: parameter 'dw'/,
    );
  });
});
