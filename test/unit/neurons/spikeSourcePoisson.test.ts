/**
 * SpikeSourcePoisson: in each step of dt inside [start, start + duration) a neuron spikes
 * with probability p = rate dt (Brian's PoissonGroup), so spike counts are binomial and
 * inter-spike intervals geometric on the grid (mean dt/p, CV sqrt(1 - p)). Tolerances
 * are 4 standard errors; the seeds are fixed, so the tests are deterministic.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/network.js';
import { SpikeMonitor } from '../../../src/engine/monitors/spikeMonitor.js';
import { SpikeSourcePoisson } from '../../../src/neurons/spikeSourcePoisson.js';
import { paramError } from '../../fixtures/parameterError.js';

const DT = 0.1;

function chiSquareCritical(dof: number, z = 4): number {
  const a = 2 / (9 * dof);
  return dof * (1 - a + z * Math.sqrt(a)) ** 3;
}

function poissonRun(n: number, params: Record<string, unknown>, durationMs: number, seed = 1) {
  const net = new Network({ dt: DT, seed });
  const pop = net.population(SpikeSourcePoisson, n, { params: params as never });
  const m = net.add(new SpikeMonitor(pop));
  net.run(durationMs);
  return { net, pop, m };
}

/** Inter-spike intervals in steps, pooled over neurons. */
function isis(m: SpikeMonitor, n: number): number[] {
  const last = new Int32Array(n).fill(-1);
  const out: number[] = [];
  const idx = m.indices;
  const steps = m.steps;
  for (let s = 0; s < idx.length; s++) {
    const i = idx[s];
    if (last[i] >= 0) out.push(steps[s] - last[i]);
    last[i] = steps[s];
  }
  return out;
}

describe('SpikeSourcePoisson', () => {
  const n = 1000;
  const rate = 20;
  const T = 2000;
  const p = (rate * DT) / 1000;
  const steps = T / DT;
  const run = poissonRun(n, { rate }, T);

  it('SpikeSourcePoisson({ rate: 20 }) fires at 20 Hz: the total count is within 4 sigma of N T rate', () => {
    const mean = n * steps * p;
    const sd = Math.sqrt(n * steps * p * (1 - p));
    expect(Math.abs(run.m.numSpikes - mean)).toBeLessThan(4 * sd);
    expect(Math.abs(run.m.meanRate() - rate)).toBeLessThan((4 * sd) / n / (T / 1000));
  });

  /**
   * Within a window of S steps an interval of L steps is seen only if both of its spikes
   * fall inside, which happens at S - L positions: the observed law is
   * P(L) ~ (S - L) q^(L-1) p (q = 1 - p), slightly shorter than the geometric law (for
   * T = 40 mean intervals the mean drops by about 2.5 %). The tests compare with it exactly.
   */
  const q = 1 - p;
  const observedLaw = Array.from({ length: steps }, (_, L) => (L === 0 ? 0 : (steps - L) * q ** (L - 1) * p));
  const lawTotal = observedLaw.reduce((a, b) => a + b, 0);
  const lawMoment = (k: number) => observedLaw.reduce((a, w, L) => a + w * L ** k, 0) / lawTotal;

  it('SpikeSourcePoisson inter-spike intervals have mean ~1/rate and CV ~1, as the windowed geometric law gives (within 4 standard errors)', () => {
    const x = isis(run.m, n);
    const N = x.length;
    expect(N).toBeGreaterThan(30_000);
    const mean = x.reduce((a, b) => a + b, 0) / N;
    const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (N - 1);
    const lawMean = lawMoment(1);
    const lawVar = lawMoment(2) - lawMean ** 2;
    // Close to the unwindowed values: mean 1/p = 500 steps (50 ms), CV sqrt(1 - p) = 0.999.
    expect(Math.abs(lawMean * p - 1)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(lawVar) / lawMean - 1)).toBeLessThan(0.03);
    expect(Math.abs(mean - lawMean)).toBeLessThan(4 * Math.sqrt(lawVar / N));
    const cv = Math.sqrt(variance) / mean;
    // For (near-)exponential intervals the standard error of the sample CV is 1/sqrt(N).
    expect(Math.abs(cv - Math.sqrt(lawVar) / lawMean)).toBeLessThan(4 / Math.sqrt(N));
  });

  it('SpikeSourcePoisson inter-spike intervals follow the windowed geometric law (chi-square over 25 ms bins)', () => {
    const x = isis(run.m, n);
    const N = x.length;
    const width = 250; // steps
    const bins = 12;
    const obs = new Float64Array(bins + 1);
    for (const d of x) obs[Math.min(bins, Math.floor((d - 1) / width))]++;
    const exp = new Float64Array(bins + 1);
    for (let L = 1; L < steps; L++) exp[Math.min(bins, Math.floor((L - 1) / width))] += (N * observedLaw[L]) / lawTotal;
    let x2 = 0;
    for (let b = 0; b <= bins; b++) x2 += (obs[b] - exp[b]) ** 2 / exp[b];
    expect(Math.min(...exp)).toBeGreaterThan(20);
    expect(x2).toBeLessThan(chiSquareCritical(bins));
  });

  it('SpikeSourcePoisson spike counts per neuron have Fano factor 1 - p (sample variance within 4 sigma)', () => {
    const counts = Array.from(run.m.count);
    const mean = counts.reduce((a, b) => a + b, 0) / n;
    const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const sigma2 = steps * p * (1 - p);
    // Var(s^2) ~ 2 sigma^4 / (n - 1) for a near-normal count with mean 40.
    expect(Math.abs(variance - sigma2)).toBeLessThan(4 * sigma2 * Math.sqrt(2 / (n - 1)));
  });

  it('SpikeSourcePoisson({ rate: [0, 5, 50, 200, ...] }) gives each neuron its own rate', () => {
    const rates = [0, 5, 50, 200];
    const N = 2000;
    const perNeuron = Float64Array.from({ length: N }, (_, i) => rates[i % 4]);
    const { m } = poissonRun(N, { rate: perNeuron }, 1000, 2);
    const counts = m.count;
    for (let g = 0; g < 4; g++) {
      let c = 0;
      for (let i = g; i < N; i += 4) c += counts[i];
      const pg = (rates[g] * DT) / 1000;
      const trials = (N / 4) * 10_000;
      if (g === 0) expect(c).toBe(0);
      else expect(Math.abs(c - trials * pg), `group ${rates[g]} Hz`).toBeLessThan(4 * Math.sqrt(trials * pg * (1 - pg)));
    }
  });

  it('SpikeSourcePoisson({ start: 100, duration: 200 }) fires only in (100, 300] ms, from the first step of the window to its last', () => {
    const N = 200;
    const { m } = poissonRun(N, { rate: 500, start: 100, duration: 200 }, 400, 3);
    const times = m.steps;
    const pw = (500 * DT) / 1000;
    // First possible stamp is 1001 (the step from 100 ms), last is 3000 (the step ending at 300 ms).
    expect(Math.min(...times)).toBe(1001);
    expect(Math.max(...times)).toBe(3000);
    // With 200 neurons at p = 0.05 a step without spikes has probability 0.95^200 = 3.5e-5,
    // so both ends of the window are hit; the count is binomial over 2000 steps.
    const trials = N * 2000;
    expect(Math.abs(m.numSpikes - trials * pw)).toBeLessThan(4 * Math.sqrt(trials * pw * (1 - pw)));
  });

  it('SpikeSourcePoisson({ rate: 10000 }) with dt 0.1 ms (p = 1) fires in every step', () => {
    const { m } = poissonRun(7, { rate: 10_000 }, 5);
    expect(m.numSpikes).toBe(7 * 50);
    expect(Array.from(m.count)).toEqual(new Array(7).fill(50));
  });

  it('SpikeSourcePoisson({ rate: 0 }) never fires', () => {
    expect(poissonRun(50, { rate: 0 }, 100).m.numSpikes).toBe(0);
  });

  it('SpikeSourcePoisson is reproducible from the seed, and two populations of one network draw independent trains', () => {
    const a = poissonRun(100, { rate: 50 }, 200, 9).m;
    const b = poissonRun(100, { rate: 50 }, 200, 9).m;
    const c = poissonRun(100, { rate: 50 }, 200, 10).m;
    expect(b.steps).toEqual(a.steps);
    expect(b.indices).toEqual(a.indices);
    expect(c.steps.length === a.steps.length && c.steps.every((s, i) => s === a.steps[i])).toBe(false);
    const net = new Network({ seed: 9 });
    const p1 = net.population(SpikeSourcePoisson, 100, { params: { rate: 50 } });
    const p2 = net.population(SpikeSourcePoisson, 100, { params: { rate: 50 } });
    const m1 = net.add(new SpikeMonitor(p1));
    const m2 = net.add(new SpikeMonitor(p2));
    net.run(200);
    expect(m1.count).not.toEqual(m2.count);
  });

  it('population.setParameters({ rate }) between runs changes the rate from the next step', () => {
    const net = new Network({ dt: DT, seed: 4 });
    const pop = net.population(SpikeSourcePoisson, 500, { params: { rate: 10 } });
    const m = net.add(new SpikeMonitor(pop, { record: false }));
    net.run(1000);
    const first = m.numSpikes;
    pop.setParameters({ rate: 100 });
    net.run(1000);
    const second = m.numSpikes - first;
    for (const [count, r] of [
      [first, 10],
      [second, 100],
    ]) {
      const pr = (r * DT) / 1000;
      const trials = 500 * 10_000;
      expect(Math.abs(count - trials * pr)).toBeLessThan(4 * Math.sqrt(trials * pr * (1 - pr)));
    }
  });

  it.each([
    [{ rate: -1 }, 'rate'],
    [{ rate: NaN }, 'rate'],
    [{ rate: [1, 2, NaN] }, 'rate[2]'],
    [{ rate: [1, 2] }, 'rate'],
    [{ start: -1 }, 'start'],
    [{ duration: NaN }, 'duration'],
    [{ duration: -5 }, 'duration'],
  ])('SpikeSourcePoisson with params %j throws a ParameterError naming %s', (params, name) => {
    const net = new Network();
    expect(paramError(() => net.population(SpikeSourcePoisson, 3, { params: params as never })).parameter).toBe(name);
    expect(net.populations.length).toBe(0);
  });
});
