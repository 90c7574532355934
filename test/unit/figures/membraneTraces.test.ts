import { describe, expect, it } from 'vitest';
import { membraneTracesFigure } from '../../../src/figures/membraneTraces.js';

describe('membraneTracesFigure', () => {
  it('membraneTracesFigure(input) draws one line per neuron and the threshold dashed across the time range', () => {
    const fig = membraneTracesFigure({ title: 'V', t: [0, 1, 2], traces: [[-65, -60, -55], [-70, -65, -60]], threshold: -50, reset: -60 });
    expect(fig.data).toHaveLength(4);
    expect(fig.data[0]).toMatchObject({ type: 'scatter', mode: 'lines', name: 'neuron 0', y: [-65, -60, -55] });
    expect(fig.data[2]).toMatchObject({ name: 'threshold (-50 mV)', x: [0, 2], y: [-50, -50], line: { dash: 'dash' } });
    expect(fig.data[3]).toMatchObject({ name: 'reset (-60 mV)', line: { dash: 'dot' } });
    expect(fig.layout.yaxis).toMatchObject({ title: { text: 'membrane potential (mV)' } });
    expect(fig.layout.xaxis).toMatchObject({ title: { text: 'time (ms)' } });
  });

  it('membraneTracesFigure({ labels }) names the traces', () => {
    const fig = membraneTracesFigure({ title: 'V', t: [0], traces: [[1]], labels: ['exc 3'] });
    expect(fig.data[0]).toMatchObject({ name: 'exc 3' });
  });

  it('membraneTracesFigure() rejects a trace whose length differs from t', () => {
    expect(() => membraneTracesFigure({ title: 'V', t: [0, 1], traces: [[1]] })).toThrow(/traces\[0\]/);
  });
});
