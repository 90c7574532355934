import { describe, expect, it } from 'vitest';
import { CA3Autoassociative, unitPeak } from '../../../src/memory/ca3Autoassociative.js';
import { ParameterError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { SDR } from '../../../src/sdr/sdr.js';
import { sampleSorted } from '../../../src/sdr/randomSource.js';
import { WillshawMemory } from '../../../src/memory/willshaw.js';

function patterns(n: number, k: number, M: number, seed: number): SDR[] {
  const rng = new Rng(seed);
  return Array.from({ length: M }, () => new SDR(n).setSparse(sampleSorted(rng, n, k)));
}

function cueOf(p: SDR, c: number, rng: Rng): SDR {
  return new SDR(p.size).setSparse(Array.from(sampleSorted(rng, p.sparse.length, c), (i) => p.sparse[i]));
}

describe('CA3Autoassociative', () => {
  it('unitPeak(tauM, tauSyn, cm) is the peak of the PSP to a 1 nA exponential current', () => {
    // direct evaluation of v(t) = (τm τs/(cm(τm − τs)))(e^{−t/τm} − e^{−t/τs}) on a fine grid
    let peak = 0;
    for (let t = 0; t < 20; t += 1e-4) peak = Math.max(peak, ((5 * 0.5) / (4.5)) * (Math.exp(-t / 5) - Math.exp(-t / 0.5)));
    expect(unitPeak(5, 0.5, 1)).toBeCloseTo(peak, 8);
    expect(unitPeak(2, 2, 0.5)).toBeCloseTo((2 / 0.5) * Math.exp(-1), 12);
  });

  it('new CA3Autoassociative({ n, k }) builds the mossy, recurrent (with self-synapses), relay, basket and stop projections', () => {
    const net = new CA3Autoassociative({ n: 40, k: 4, basketSize: 10 });
    expect(net.ca3.size).toBe(40);
    expect(net.basket.size).toBe(10);
    expect(net.recurrent.size).toBe(40 * 40);
    expect(net.network.projections.length).toBe(5);
    expect(net.alpha).toBeCloseTo(1 - 1 / 5, 12);
    expect(net.beta).toBeCloseTo(1 / 10, 12);
    expect(Array.from(net.recurrent.weight).every((w) => w === 0)).toBe(true);
  });

  it('threshold(A) is the Willshaw threshold c for a noise-free cue of c <= k cells with the default inhibition', () => {
    const net = new CA3Autoassociative({ n: 40, k: 9 });
    for (let c = 1; c <= 9; c++) expect(net.threshold(c)).toBe(c);
    const lax = new CA3Autoassociative({ n: 40, k: 9, inhibition: 0.5 });
    expect(lax.threshold(6)).toBe(4);
  });

  it('learn(patterns) learns exactly the clipped Hebbian matrix of the presented patterns (W_ii = 1 included)', () => {
    const n = 200;
    const k = 8;
    const ps = patterns(n, k, 300, 3);
    const net = new CA3Autoassociative({ n, k, seed: 2 }).learn(ps);
    const mem = new WillshawMemory(n).storeAll(ps);
    const learned = net.learnedMatrix();
    let diff = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (learned.get(i, j) !== mem.matrix.get(i, j)) diff++;
    expect(diff).toBe(0);
    expect(net.patternsPresented).toBe(300);
    const on = Array.from(net.recurrent.weight).filter((w) => w !== 0);
    expect(new Set(on)).toEqual(new Set([Math.fround(net.wRec)]));
  });

  it('recall(cue) at low load completes the pattern in the first wave, as the one-step Willshaw retrieval does', () => {
    const n = 200;
    const k = 8;
    const ps = patterns(n, k, 60, 4);
    const net = new CA3Autoassociative({ n, k, seed: 2 }).learn(ps);
    const mem = new WillshawMemory(n).storeAll(ps);
    const rng = new Rng(9);
    for (let t = 0; t < 10; t++) {
      const p = ps[rng.int(ps.length)];
      const cue = cueOf(p, 4, rng);
      const res = net.recall(cue);
      expect(res.oneStep.equals(mem.recall(cue, { threshold: net.threshold(4) }))).toBe(true);
      expect(res.oneStep.overlap(p)).toBe(k);
      expect(res.final.equals(p)).toBe(true);
    }
  });

  it('recall(cue) leaves the learned weights unchanged, even at high load where many cells fire together', () => {
    const ps = patterns(120, 7, 400, 6);
    const net = new CA3Autoassociative({ n: 120, k: 7, seed: 3 }).learn(ps);
    const before = net.recurrent.weight.slice();
    const rng = new Rng(2);
    for (let t = 0; t < 5; t++) net.recall(cueOf(ps[t], 2, rng));
    expect(net.recurrent.weight).toEqual(before);
  });

  it('the same seed and patterns give the same spikes; a network is silent between recalls', () => {
    const ps = patterns(100, 6, 40, 5);
    const runOnce = (): { times: number[]; ids: number[] } => {
      const net = new CA3Autoassociative({ n: 100, k: 6, seed: 7 }).learn(ps);
      const rng = new Rng(1);
      const a = net.recall(cueOf(ps[0], 3, rng));
      const b = net.recall(cueOf(ps[1], 3, rng));
      // nothing fires between the end of one recall and the next cue
      const times = Array.from(net.spikes.times);
      expect(times.some((x) => x > a.tStop + net.delay + 1.5 && x < b.tCue)).toBe(false);
      return { times, ids: Array.from(net.spikes.indices) };
    };
    expect(runOnce()).toEqual(runOnce());
  });

  it('new CA3Autoassociative(bad options), learn(bad) and recall(bad) throw ParameterError', () => {
    const bad: unknown[] = [
      null,
      {},
      { n: 1, k: 1 },
      { n: 10.5, k: 2 },
      { n: 10, k: 0 },
      { n: 10, k: 11 },
      { n: 10, k: 2, delay: 0.1 },
      { n: 10, k: 2, inhibition: 1.5 },
      { n: 10, k: 2, margin: 0 },
      { n: 10, k: 2, basketSize: 11 },
      { n: 10, k: 2, learningWindow: 5 },
      { n: 10, k: 2, presentationInterval: 3 },
      { n: 10, k: 2, dt: -1 },
      { n: 10, k: 2, color: 'red' },
    ];
    for (const o of bad) expect(() => new CA3Autoassociative(o as never), JSON.stringify(o)).toThrow(ParameterError);
    const net = new CA3Autoassociative({ n: 10, k: 2 });
    expect(() => net.learn([new SDR(11)])).toThrow(ParameterError);
    expect(() => net.learn('x' as never)).toThrow(ParameterError);
    expect(() => net.recall(new SDR(10))).toThrow(ParameterError);
    expect(() => net.recall(new SDR(10).setSparse([1]), { duration: 1 })).toThrow(ParameterError);
    expect(() => net.recall(new SDR(10).setSparse([1]), { settle: -1 })).toThrow(ParameterError);
  });
});
