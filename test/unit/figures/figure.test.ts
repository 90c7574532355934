import { describe, expect, it } from 'vitest';
import { axis, baseLayout, colour, finiteRange, PALETTE, toNumbers } from '../../../src/figures/figure.js';

describe('figure helpers', () => {
  it('baseLayout(title) uses a title object (plotly ignores plain strings)', () => {
    expect(baseLayout('T').title).toMatchObject({ text: 'T' });
    expect(baseLayout('T', { height: 10 }).height).toBe(10);
  });

  it('axis(title) gives a titled axis, and no title when none is given', () => {
    expect(axis('x (ms)')).toMatchObject({ title: { text: 'x (ms)' }, showline: true });
    expect(axis(undefined)).not.toHaveProperty('title');
  });

  it('colour(i) cycles through the palette', () => {
    expect(colour(0)).toBe(PALETTE[0]);
    expect(colour(PALETTE.length + 1)).toBe(PALETTE[1]);
  });

  it('toNumbers(values) and finiteRange(values) treat NaN and null as gaps', () => {
    expect(toNumbers(new Float32Array([1, NaN]))).toEqual([1, null]);
    expect(finiteRange([3, null, NaN, -1])).toEqual([-1, 3]);
    expect(finiteRange([NaN])).toBeUndefined();
  });
});
