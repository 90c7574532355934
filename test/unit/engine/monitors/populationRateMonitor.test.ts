/**
 * PopulationRateMonitor on 10 SpikeSourceArray neurons with dt 0.1 ms: 2 spikes at
 * 0.3 ms (step 2), 5 at 0.7 ms (step 6), 1 at 1.2 ms (step 11). A step's rate is
 * count / (10 neurons x 0.1 ms) = count x 1000 Hz.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../../../../src/engine/network.js';
import { PopulationRateMonitor } from '../../../../src/engine/monitors/populationRateMonitor.js';
import { SpikeSourceArray } from '../../../../src/neurons/spikeSourceArray.js';
import { paramError } from '../../../fixtures/parameterError.js';

function setup() {
  const net = new Network({ dt: 0.1 });
  const spikeTimes = [[0.3], [0.3], [0.7], [0.7], [0.7], [0.7], [0.7], [], [], [1.2]];
  const src = net.population(SpikeSourceArray, 10, { params: { spikeTimes } });
  return { net, src };
}

/** The per-step rates of the setup over 2 ms. */
const RATES = Array.from({ length: 20 }, (_, s) => (s === 2 ? 2000 : s === 6 ? 5000 : s === 11 ? 1000 : 0));

describe('new PopulationRateMonitor(population)', () => {
  it('populationRateMonitor.rate gives count / (N dt) at every step, stamped at the step end', () => {
    const { net, src } = setup();
    const m = net.add(new PopulationRateMonitor(src));
    net.run(2);
    const { times, rates } = m.rate;
    expect(Array.from(rates)).toEqual(RATES);
    expect(Array.from(times)).toEqual(Array.from({ length: 20 }, (_, s) => (s + 1) * 0.1));
    expect(Array.from(m.spikeCounts)).toEqual(RATES.map((r) => r / 1000));
  });

  it('populationRateMonitor.binned(0.5) averages over bins of 5 steps: 400, 1000, 200, 0 Hz', () => {
    const { net, src } = setup();
    const m = net.add(new PopulationRateMonitor(src));
    net.run(2);
    const { times, rates } = m.binned(0.5);
    expect(Array.from(rates)).toEqual([400, 1000, 200, 0]);
    expect(Array.from(times)).toEqual([0, 0.5, 1.0, 1.5]);
  });

  it('populationRateMonitor.binned(0.3) drops the incomplete last bin (20 steps -> 6 bins of 3)', () => {
    const { net, src } = setup();
    const m = net.add(new PopulationRateMonitor(src));
    net.run(2);
    const { rates } = m.binned(0.3);
    // Bin b covers steps 3b..3b+2; the rate is count / (10 x 0.3 ms).
    const expected = [2, 0, 5, 1, 0, 0].map((c) => (c * 1000) / (10 * 0.3));
    expect(rates.length).toBe(6);
    rates.forEach((r, b) => expect(r).toBeCloseTo(expected[b], 9));
  });

  it('populationRateMonitor.smoothed("flat", 0.5) is the centred 5-step mean, normalised at the edges', () => {
    const { net, src } = setup();
    const m = net.add(new PopulationRateMonitor(src));
    net.run(2);
    const { rates, times } = m.smoothed('flat', 0.5);
    expect(times).toEqual(m.rate.times);
    const expected = [2000 / 3, 2000 / 4, 2000 / 5, 2000 / 5, 7000 / 5, 5000 / 5, 5000 / 5, 5000 / 5, 5000 / 5, 1000 / 5, 1000 / 5, 1000 / 5, 1000 / 5, 1000 / 5, 0, 0, 0, 0, 0, 0];
    rates.forEach((r, s) => expect(r, `step ${s}`).toBeCloseTo(expected[s], 9));
  });

  it('populationRateMonitor.smoothed("gaussian", 0.1) convolves with a normalised Gaussian of sd 1 step, cut at 3 sd', () => {
    const { net, src } = setup();
    const m = net.add(new PopulationRateMonitor(src));
    net.run(2);
    const { rates } = m.smoothed('gaussian', 0.1);
    const g = (o: number) => Math.exp(-0.5 * o * o);
    const norm = g(0) + 2 * (g(1) + g(2) + g(3));
    // Step 6: only the 5000 Hz step lies within 3 steps (step 2 is 4 away).
    expect(rates[6]).toBeCloseTo(5000 / norm, 9);
    // Step 8: the 5000 Hz step at distance 2, the 1000 Hz step at distance 3.
    expect(rates[8]).toBeCloseTo((5000 * g(2) + 1000 * g(3)) / norm, 9);
    // Step 15: 1000 Hz at distance 4 is outside the window.
    expect(rates[15]).toBe(0);
    // Steps 3..16 have the whole window inside the record, so there the mass is conserved:
    // all of the 5000 and 1000 Hz steps plus the share of the 2000 Hz step (step 2) that
    // reaches steps 3, 4, 5.
    let sum = 0;
    for (let s = 3; s < 20; s++) sum += rates[s];
    expect(sum).toBeCloseTo(6000 + (2000 * (g(1) + g(2) + g(3))) / norm, 9);
  });

  it('a PopulationRateMonitor added after a run counts from then on; bins start at the attach time', () => {
    const { net, src } = setup();
    net.run(0.5);
    const m = net.add(new PopulationRateMonitor(src));
    net.run(1.0);
    expect(Array.from(m.spikeCounts)).toEqual([0, 5, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(m.rate.times[0]).toBeCloseTo(0.6, 12);
    const b = m.binned(0.5);
    expect(Array.from(b.times)).toEqual([0.5, 1.0]);
    expect(Array.from(b.rates)).toEqual([1000, 200]);
  });

  it('populationRateMonitor.binned(0.25) with dt 0.1 throws naming binMs; smoothed("box") names window; smoothed("flat", 0) names widthMs', () => {
    const { net, src } = setup();
    const m = net.add(new PopulationRateMonitor(src));
    net.run(1);
    expect(paramError(() => m.binned(0.25)).parameter).toBe('binMs');
    expect(paramError(() => m.binned(0)).parameter).toBe('binMs');
    expect(paramError(() => m.binned(-0.5)).parameter).toBe('binMs');
    expect(paramError(() => m.smoothed('box' as never, 1)).parameter).toBe('window');
    expect(paramError(() => m.smoothed('flat', 0)).parameter).toBe('widthMs');
    expect(paramError(() => m.smoothed('gaussian', Infinity)).parameter).toBe('widthMs');
  });
});
