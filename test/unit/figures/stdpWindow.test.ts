import { describe, expect, it } from 'vitest';
import { STDP_X_LABEL, stdpWindowFigure } from '../../../src/figures/stdpWindow.js';

describe('stdpWindowFigure', () => {
  it('stdpWindowFigure(input) labels x as t_post - t_pre (ms) and draws measured points and the theory line', () => {
    const fig = stdpWindowFigure({ title: 'STDP', dt: [-10, 10], dw: [-0.5, 0.5], theory: { dt: [-10, 0, 10], dw: [-0.6, 0, 0.6] } });
    expect(STDP_X_LABEL).toBe('t_post - t_pre (ms)');
    expect(fig.layout.xaxis).toMatchObject({ title: { text: 't_post - t_pre (ms)' }, zeroline: true });
    expect(fig.data[0]).toMatchObject({ mode: 'markers', name: 'measured', x: [-10, 10] });
    expect(fig.data[1]).toMatchObject({ mode: 'lines', name: 'theory', y: [-0.6, 0, 0.6] });
  });

  it('stdpWindowFigure() rejects dt and dw of different lengths', () => {
    expect(() => stdpWindowFigure({ title: 'S', dt: [1], dw: [] })).toThrow(/dw/);
  });
});
