/**
 * The Vogels & Abbott (2005) CUBA benchmark as in Brian2's examples/CUBA.py: 4000 LIF
 * neurons, 80 % excitatory, connection probability 0.02, 1 s at dt 0.1 ms. Brian2 2.5.1
 * gives a mean rate of 5.6 Hz on this network; Engram must agree within [4.5, 6.5] Hz
 * averaged over three seeds (the rate varies from seed to seed by a few tenths of a Hz).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCuba } from '../../src/networks/cuba.js';
import { SpikeMonitor } from '../../src/engine/monitors/spikeMonitor.js';

const N = 4000;
const P = 80 / N;

describe('buildCuba({ n: 4000 })', () => {
  type Run = { seed: number; cuba: ReturnType<typeof buildCuba>; result: ReturnType<ReturnType<typeof buildCuba>['network']['run']>; rate: number };
  let runs: Run[] = [];
  beforeAll(() => {
    runs = [1, 2, 3].map((seed) => {
      const cuba = buildCuba({ n: N, seed });
      const monitors = [cuba.exc, cuba.inh].map((p) => cuba.network.add(new SpikeMonitor(p, { record: false })));
      const result = cuba.network.run(1000);
      const spikes = monitors.reduce((s, m) => s + m.numSpikes, 0);
      return { seed, cuba, result, rate: spikes / N / 1.0 };
    });
  });

  it('buildCuba({ n: 4000 }).network.run(1000) fires at 4.5-6.5 Hz averaged over 3 seeds (Brian2 2.5.1: 5.6 Hz)', () => {
    const mean = runs.reduce((s, r) => s + r.rate, 0) / runs.length;
    console.log(`CUBA N=4000, 1 s: rates ${runs.map((r) => `${r.rate.toFixed(3)} Hz (seed ${r.seed})`).join(', ')}; mean ${mean.toFixed(3)} Hz (Brian2 2.5.1: 5.6 Hz)`);
    expect(mean).toBeGreaterThanOrEqual(4.5);
    expect(mean).toBeLessThanOrEqual(6.5);
    for (const r of runs) {
      expect(r.result.steps).toBe(10_000);
      expect(r.result.interrupted).toBe(false);
      // Self-sustained activity: each seed keeps firing, none explodes.
      expect(r.rate).toBeGreaterThan(2);
      expect(r.rate).toBeLessThan(20);
    }
  });

  it('buildCuba({ n: 4000 }) makes ~320,000 synapses: each projection within 4 sigma of its binomial mean', () => {
    for (const { cuba } of runs) {
      const total = cuba.network.synapseCount;
      const mean = N * N * P;
      expect(Math.abs(total - mean)).toBeLessThan(4 * Math.sqrt(mean * (1 - P)));
      expect(cuba.projections.length).toBe(4);
      for (const proj of cuba.projections) {
        const m = proj.pre.size * proj.post.size * P;
        expect(Math.abs(proj.size - m), proj.label).toBeLessThan(4 * Math.sqrt(m * (1 - P)));
        expect(proj.bytesPerSynapse).toBeLessThanOrEqual(10);
      }
    }
  });

  it('buildCuba({ n: 4000 }) splits 3200 excitatory / 800 inhibitory neurons with 1.62 mV and -9 mV jumps', () => {
    const { cuba } = runs[0];
    expect(cuba.exc.size).toBe(3200);
    expect(cuba.inh.size).toBe(800);
    const [ee, ie] = cuba.projections;
    expect(ee.receptor).toBe('excitatory');
    expect(ie.receptor).toBe('inhibitory');
    // Current jump x tauM / cm gives the voltage jump of Brian's CUBA.
    expect(ee.weight[0] * 20).toBeCloseTo(1.62, 6);
    expect(ie.weight[0] * 20).toBeCloseTo(-9, 6);
  });

  it('buildCuba with the same seed twice gives identical spikes', () => {
    const spikes = () => {
      const c = buildCuba({ n: 1000, seed: 7 });
      const m = c.network.add(new SpikeMonitor(c.exc));
      c.network.run(100);
      return { steps: m.steps, indices: m.indices };
    };
    const a = spikes();
    const b = spikes();
    expect(a.steps.length).toBeGreaterThan(0);
    expect(b.steps).toEqual(a.steps);
    expect(b.indices).toEqual(a.indices);
  });
});
