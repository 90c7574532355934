import { describe, expect, it } from 'vitest';
import { weightMatrixFigure, weightMatrixFromSynapses } from '../../../src/figures/weightMatrix.js';

describe('weightMatrixFigure', () => {
  it('weightMatrixFigure(input) draws a heatmap with x = presynaptic source, y = postsynaptic target', () => {
    const fig = weightMatrixFigure({ title: 'W', weights: [[0.1, null, 0.3], [NaN, 0.5, 0.6]], zLabel: 'weight (nA)' });
    expect(fig.data[0]).toMatchObject({
      type: 'heatmap',
      z: [[0.1, null, 0.3], [null, 0.5, 0.6]],
      x: [0, 1, 2],
      y: [0, 1],
      colorbar: { title: { text: 'weight (nA)' } },
    });
    expect(fig.layout.xaxis).toMatchObject({ title: { text: 'presynaptic neuron (source)' } });
    expect(fig.layout.yaxis).toMatchObject({ title: { text: 'postsynaptic neuron (target)' }, autorange: 'reversed' });
  });

  it('weightMatrixFigure() rejects ragged rows', () => {
    expect(() => weightMatrixFigure({ title: 'W', weights: [[1, 2], [3]] })).toThrow(/weights\[1\]/);
  });
});

describe('weightMatrixFromSynapses', () => {
  it('weightMatrixFromSynapses(pre, post, w, nPre, nPost) fills W[post][pre], adding repeated pairs', () => {
    expect(weightMatrixFromSynapses([0, 1, 1], [1, 0, 0], [0.5, 0.2, 0.1], 2, 2)).toEqual([
      [null, expect.closeTo(0.3)],
      [0.5, null],
    ]);
  });

  it('weightMatrixFromSynapses() rejects arrays of different lengths', () => {
    expect(() => weightMatrixFromSynapses([0], [0, 1], [1], 2, 2)).toThrow(/post/);
  });
});
