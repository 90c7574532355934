import { describe, expect, it } from 'vitest';
import { ARG_C, decayOf, decayTable, eventArgs, postEventAdditive, preEventAdditive, softUpdate } from '../../../../src/synapses/plasticity/stdpKernels.js';

describe('stdpKernels', () => {
  it('decayTable(dt, tau) holds exp(-n dt/tau) exactly and decayOf falls back to Math.exp beyond it', () => {
    const d = decayTable(0.1, 20);
    expect(d.table.length).toBe(8001);
    for (const n of [0, 1, 7, 200, 8000]) expect(decayOf(d, n)).toBe(Math.exp(-n * (0.1 / 20)));
    expect(decayOf(d, 100_000)).toBe(Math.exp(-100_000 * (0.1 / 20)));
    expect(decayTable(0.001, 1000).table.length).toBe(65536);
  });

  it('preEventAdditive(...) adds scale (c o1(e) + b) to each synapse of the row and clips', () => {
    const w = Float64Array.of(0.5, 0.5, 0.5);
    const o1 = Float64Array.of(1, 2, 0);
    const last = Float64Array.of(10, 0, 0);
    const d = decayTable(1, 10);
    const p = eventArgs({ rate: d.rate, b: 0.05, scale: 2, wMin: 0, wMax: 0.6 });
    p[ARG_C] = -0.1;
    preEventAdditive(w, Uint32Array.of(0, 1, 2), 0, 3, o1, last, 20, d.table, p);
    expect(w[0]).toBeCloseTo(0.5 + 2 * (-0.1 * Math.exp(-1) + 0.05), 15);
    expect(w[1]).toBeCloseTo(0.5 + 2 * (-0.1 * 2 * Math.exp(-2) + 0.05), 15);
    expect(w[2]).toBe(0.6); // 0.5 + 0.1 clipped
  });

  it('postEventAdditive(...) walks a CSC column through synapse ids', () => {
    const w = Float64Array.of(0, 0, 0, 0);
    const d = decayTable(1, 10);
    const p = eventArgs({ rate: d.rate, b: 0, scale: 1, wMin: -1, wMax: 1 });
    p[ARG_C] = 1;
    postEventAdditive(w, Uint32Array.of(3, 1), Uint32Array.of(0, 1), 0, 2, Float64Array.of(1, 1), Float64Array.of(5, 0), 5, d.table, p);
    expect(Array.from(w)).toEqual([0, Math.exp(-0.5), 0, 1]);
  });

  it('softUpdate(w, d, ...) scales by (1 - u)^muPlus up and u^muMinus down, and never leaves [wMin, wMax]', () => {
    expect(softUpdate(0.25, 0.1, 0, 1, 1, 1, 1)).toBeCloseTo(0.25 + 0.1 * 0.75, 15);
    expect(softUpdate(0.25, -0.1, 0, 1, 1, 1, 1)).toBeCloseTo(0.25 - 0.1 * 0.25, 15);
    expect(softUpdate(0.25, -0.1, 0, 1, 1, 0.5, 0.5)).toBeCloseTo(0.25 - 0.1 * 0.5, 15);
    expect(softUpdate(1, 5, 0, 1, 1, 0.5, 0.5)).toBe(1);
    expect(softUpdate(1.0000001, 0.1, 0, 1, 1, 0.5, 0.5)).toBe(1); // rounding residue above wMax
    expect(softUpdate(0, -5, 0, 1, 1, 0, 0)).toBe(0);
  });
});
