/**
 * The SDR <-> spikes bridge, through a real Network: SDR -> SpikeSourceArray -> SpikeMonitor
 * -> SDR. Volleys come back exactly; rate-coded counts are checked against their binomial
 * mean within 4 sigma; the same seed gives the same spikes.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { Network } from '../../../src/engine/network.js';
import { SpikeMonitor } from '../../../src/engine/monitors/spikeMonitor.js';
import { sdrToRateCode, sdrToVolley, spikeWindowToSDR, type SpikeTimes } from '../../../src/memory/spikeBridge.js';
import { SpikeSourceArray } from '../../../src/neurons/spikeSourceArray.js';
import { SDR } from '../../../src/sdr/sdr.js';
import * as api from '../../../src/index.js';
import { paramError } from '../../fixtures/parameterError.js';

/** Plays `spikeTimes` through a SpikeSourceArray for `duration` ms and returns its monitor. */
function play(spikeTimes: SpikeTimes, duration: number, options: { dt?: number; record?: boolean } = {}) {
  const net = new Network({ dt: options.dt ?? 0.1, seed: 1 });
  const input = net.population(SpikeSourceArray, spikeTimes.length, { params: { spikeTimes }, label: 'input' });
  const monitor = net.add(new SpikeMonitor(input, { record: options.record ?? true }));
  net.run(duration);
  return { net, input, monitor };
}

const pattern = (seed = 1, size = 2048, w = 40): SDR => new SDR(size).randomize(w / size, seed);

describe('sdrToVolley', () => {
  it('sdrToVolley(sdr, { time }) gives one spike at time to each active bit and none to the others', () => {
    expect(sdrToVolley(SDR.fromSparse(4, [1, 3]), { time: 2 })).toEqual([[], [2], [], [2]]);
  });

  it('sdrToVolley(sdr, { time }) round-trips through a Network: spikeWindowToSDR(monitor, time, time + dt) equals the SDR', () => {
    const sdr = pattern(3);
    const { monitor } = play(sdrToVolley(sdr, { time: 5 }), 10);
    expect(monitor.numSpikes).toBe(40);
    expect(spikeWindowToSDR(monitor, 5, 5.1).equals(sdr)).toBe(true);
    expect(spikeWindowToSDR(monitor, 0, 10).equals(sdr)).toBe(true);
    expect(spikeWindowToSDR(monitor, 0, 5).getSum()).toBe(0); // [t0, t1): 5 ms is out
    expect(spikeWindowToSDR(monitor, 5.1, 10).getSum()).toBe(0);
  });

  it('sdrToVolley(sdr, { time, dt }) round-trips at another time step, and in the SDR shape given by dimensions', () => {
    const sdr = new SDR([16, 32]).randomize(0.05, 4);
    const { monitor } = play(sdrToVolley(sdr, { time: 0.75, dt: 0.25 }), 2, { dt: 0.25 });
    const back = spikeWindowToSDR(monitor, 0.75, 1, { dimensions: [16, 32] });
    expect(back.dimensions).toEqual([16, 32]);
    expect(back.equals(sdr)).toBe(true);
  });

  it('sdrToVolley(sdr, { time, jitter, rng }) keeps every spike within time ± jitter and round-trips over that window', () => {
    const sdr = pattern(5);
    const spikeTimes = sdrToVolley(sdr, { time: 10, jitter: 2, rng: new Rng(9) });
    const times = spikeTimes.flat();
    expect(times.length).toBe(40);
    for (const t of times) expect(t >= 8 && t < 12).toBe(true);
    expect(new Set(times).size).toBeGreaterThan(30); // jittered, not one time
    const { monitor } = play(spikeTimes, 15);
    // SpikeSourceArray stamps round(t / dt): [8, 12) ms lands on stamps 8.0 ... 12.0 ms
    expect(spikeWindowToSDR(monitor, 8, 12.1).equals(sdr)).toBe(true);
  });

  it('sdrToVolley(sdr, { jitter, rng }) with the same seed gives the same spike times, another seed others', () => {
    const sdr = pattern(6);
    const a = sdrToVolley(sdr, { time: 10, jitter: 1, rng: 42 });
    expect(sdrToVolley(sdr, { time: 10, jitter: 1, rng: 42 })).toEqual(a);
    expect(sdrToVolley(sdr, { time: 10, jitter: 1, rng: new Rng(42) })).toEqual(a);
    expect(sdrToVolley(sdr, { time: 10, jitter: 1, rng: 43 })).not.toEqual(a);
  });

  it('sdrToVolley throws a ParameterError for times before dt, bad jitter, a missing rng and unknown options', () => {
    const sdr = pattern(7);
    expect(paramError(() => sdrToVolley(sdr, { time: 0.05 })).parameter).toBe('time');
    expect(paramError(() => sdrToVolley(sdr, { time: 0 })).parameter).toBe('time');
    expect(paramError(() => sdrToVolley(sdr, { time: 0.2, dt: 0.25 })).parameter).toBe('time');
    expect(paramError(() => sdrToVolley(sdr, { time: NaN })).parameter).toBe('time');
    expect(paramError(() => sdrToVolley(sdr, { time: 1, jitter: 1, rng: 1 })).parameter).toBe('jitter');
    expect(paramError(() => sdrToVolley(sdr, { time: 1, jitter: -0.1 })).parameter).toBe('jitter');
    expect(paramError(() => sdrToVolley(sdr, { time: 1, jitter: 0.5 })).parameter).toBe('rng');
    expect(paramError(() => sdrToVolley(sdr, { time: 1, dt: 0 })).parameter).toBe('dt');
    expect(paramError(() => sdrToVolley(sdr, { time: 1, tme: 2 } as never)).parameter).toBe('options.tme');
    expect(paramError(() => sdrToVolley([1, 2] as never, { time: 1 })).parameter).toBe('sdr');
    expect(paramError(() => sdrToVolley(sdr, null as never)).parameter).toBe('options');
    expect(sdrToVolley(sdr, { time: 0.1 }).flat()).toEqual(new Array(40).fill(0.1)); // time = dt is allowed
  });
});

describe('sdrToRateCode', () => {
  it('sdrToRateCode(sdr, { rate, start, stop, rng }) fires only active bits, on grid times in [start, stop)', () => {
    const sdr = pattern(8, 500, 50);
    const spikeTimes = sdrToRateCode(sdr, { rate: 100, start: 10, stop: 60, rng: 1 });
    const active = new Set(sdr.sparse);
    spikeTimes.forEach((times, i) => {
      if (!active.has(i)) expect(times).toEqual([]);
      for (let s = 0; s < times.length; s++) {
        expect(times[s] >= 10 && times[s] < 60).toBe(true);
        expect(Math.abs(times[s] / 0.1 - Math.round(times[s] / 0.1))).toBeLessThan(1e-9);
        if (s > 0) expect(times[s]).toBeGreaterThan(times[s - 1]);
      }
    });
  });

  it('sdrToRateCode(sdr, { rate, backgroundRate, ... }) gives spike counts within 4 sigma of the binomial mean, through a Network', () => {
    const sdr = new SDR(1000).randomize(0.1, 11); // 100 active, 900 inactive
    const [start, stop, dt] = [10, 1010, 0.1];
    const steps = Math.round((stop - start) / dt);
    const spikeTimes = sdrToRateCode(sdr, { rate: 50, backgroundRate: 2, start, stop, rng: new Rng(12) });
    const { monitor } = play(spikeTimes, 1100);
    expect(monitor.numSpikes).toBe(spikeTimes.flat().length); // no two spikes of a neuron on one step
    const count = monitor.count;
    let onCount = 0;
    let offCount = 0;
    for (let i = 0; i < sdr.size; i++) {
      if (sdr.dense[i]) onCount += count[i];
      else offCount += count[i];
    }
    const within4Sigma = (observed: number, neurons: number, rate: number): void => {
      const p = (rate * dt) / 1000;
      const mean = neurons * steps * p;
      const sigma = Math.sqrt(neurons * steps * p * (1 - p));
      expect(Math.abs(observed - mean), `${observed} spikes against a mean of ${mean}`).toBeLessThan(4 * sigma);
    };
    within4Sigma(onCount, 100, 50);
    within4Sigma(offCount, 900, 2);
    // every spike lies in [start, stop)
    expect(spikeWindowToSDR(monitor, 0, start).getSum()).toBe(0);
    expect(spikeWindowToSDR(monitor, stop, 1100).getSum()).toBe(0);
  });

  it('sdrToRateCode without background round-trips: spikeWindowToSDR(monitor, start, stop) equals the SDR', () => {
    const sdr = pattern(13);
    const { monitor } = play(sdrToRateCode(sdr, { rate: 200, start: 1, stop: 101, rng: 2 }), 120);
    expect(spikeWindowToSDR(monitor, 1, 101).equals(sdr)).toBe(true); // P(an active bit is silent) = e^-20
  });

  it('sdrToRateCode(sdr, { rng }) with the same seed gives the same spikes, bit for bit, also after a Network run', () => {
    const sdr = pattern(14);
    const options = { rate: 40, backgroundRate: 1, start: 5, stop: 205 };
    const a = sdrToRateCode(sdr, { ...options, rng: 99 });
    expect(sdrToRateCode(sdr, { ...options, rng: 99 })).toEqual(a);
    expect(sdrToRateCode(sdr, { ...options, rng: new Rng(99) })).toEqual(a);
    expect(sdrToRateCode(sdr, { ...options, rng: 100 })).not.toEqual(a);
    const first = play(a, 210).monitor;
    const second = play(sdrToRateCode(sdr, { ...options, rng: 99 }), 210).monitor;
    expect(Array.from(second.indices)).toEqual(Array.from(first.indices));
    expect(Array.from(second.steps)).toEqual(Array.from(first.steps));
  });

  it('sdrToRateCode with rate 0, or stop = start, gives no spikes', () => {
    const sdr = pattern(15);
    expect(sdrToRateCode(sdr, { rate: 0, start: 1, stop: 100, rng: 1 }).flat()).toEqual([]);
    expect(sdrToRateCode(sdr, { rate: 100, backgroundRate: 100, start: 5, stop: 5, rng: 1 }).flat()).toEqual([]);
  });

  it('sdrToRateCode throws a ParameterError for negative or too high rates, start < dt, stop < start and a missing rng', () => {
    const sdr = pattern(16);
    const ok = { rate: 10, start: 1, stop: 10, rng: 1 };
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, rate: -1 })).parameter).toBe('rate');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, rate: Infinity })).parameter).toBe('rate');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, rate: 10001 })).parameter).toBe('rate'); // > 1000 / dt
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, backgroundRate: -0.5 })).parameter).toBe('backgroundRate');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, start: 0.05 })).parameter).toBe('start');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, start: -1 })).parameter).toBe('start');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, stop: 0.5 })).parameter).toBe('stop');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, stop: NaN })).parameter).toBe('stop');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, rng: undefined as never })).parameter).toBe('rng');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, rng: -1 })).parameter).toBe('rng');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, dt: -0.1 })).parameter).toBe('dt');
    expect(paramError(() => sdrToRateCode(sdr, { ...ok, rates: 1 } as never)).parameter).toBe('options.rates');
    expect(paramError(() => sdrToRateCode({} as never, ok)).parameter).toBe('sdr');
    expect(sdrToRateCode(sdr, { ...ok, rate: 10000 }).flat().length).toBe(40 * 90); // 1000 / dt: every step
  });
});

describe('spikeWindowToSDR', () => {
  it('spikeWindowToSDR(monitor, t0, t1) collects the neurons that fired in [t0, t1), each once', () => {
    const spikeTimes = [[0.3, 0.5], [0.5], [], [0.7], [0.3, 0.4, 0.6]];
    const { monitor } = play(spikeTimes, 1);
    const window = (t0: number, t1: number): number[] => Array.from(spikeWindowToSDR(monitor, t0, t1).sparse);
    expect(window(0.3, 0.5)).toEqual([0, 4]);
    expect(window(0.5, 0.7)).toEqual([0, 1, 4]);
    expect(window(0.7, 1)).toEqual([3]);
    expect(window(0, 1)).toEqual([0, 1, 3, 4]);
    expect(window(0.45, 0.55)).toEqual([0, 1]);
    expect(window(0.5, 0.5)).toEqual([]); // empty window
    expect(window(2, 3)).toEqual([]);
  });

  it('spikeWindowToSDR(monitor, t0, t1, { output }) writes into the given SDR and returns it', () => {
    const sdr = new SDR([4, 8]).randomize(0.25, 3);
    const { monitor } = play(sdrToVolley(sdr, { time: 1 }), 2);
    const output = new SDR([4, 8]).randomize(0.5, 4);
    expect(spikeWindowToSDR(monitor, 1, 1.1, { output })).toBe(output);
    expect(output.equals(sdr)).toBe(true);
  });

  it('spikeWindowToSDR(monitor) of a monitor restricted to some neurons sees only those', () => {
    const net = new Network({ dt: 0.1 });
    const input = net.population(SpikeSourceArray, 6, { params: { spikeTimes: sdrToVolley(SDR.fromSparse(6, [0, 2, 5]), { time: 1 }) } });
    const monitor = net.add(new SpikeMonitor(input, { indices: [2, 3, 4, 5] }));
    net.run(2);
    expect(Array.from(spikeWindowToSDR(monitor, 0, 2).sparse)).toEqual([2, 5]);
  });

  it('spikeWindowToSDR throws a ParameterError for t1 < t0, mismatched sizes, a counts-only monitor and non-monitors', () => {
    const sdr = pattern(17, 100, 10);
    const { monitor } = play(sdrToVolley(sdr, { time: 1 }), 2);
    expect(paramError(() => spikeWindowToSDR(monitor, 5, 4)).parameter).toBe('t1');
    expect(paramError(() => spikeWindowToSDR(monitor, NaN, 4)).parameter).toBe('t0');
    expect(paramError(() => spikeWindowToSDR(monitor, 0, Infinity)).parameter).toBe('t1');
    expect(paramError(() => spikeWindowToSDR(monitor, 0, 2, { dimensions: 99 })).parameter).toBe('dimensions');
    expect(paramError(() => spikeWindowToSDR(monitor, 0, 2, { dimensions: [10, 11] })).parameter).toBe('dimensions');
    expect(paramError(() => spikeWindowToSDR(monitor, 0, 2, { output: new SDR(101) })).parameter).toBe('output');
    expect(paramError(() => spikeWindowToSDR(monitor, 0, 2, { output: [] as never })).parameter).toBe('output');
    expect(paramError(() => spikeWindowToSDR(monitor, 0, 2, { output: new SDR(100), dimensions: 100 })).parameter).toBe('options');
    expect(paramError(() => spikeWindowToSDR(monitor, 0, 2, { dims: 100 } as never)).parameter).toBe('options.dims');
    expect(paramError(() => spikeWindowToSDR({} as never, 0, 2)).parameter).toBe('monitor');
    const countsOnly = play(sdrToVolley(sdr, { time: 1 }), 2, { record: false }).monitor;
    expect(paramError(() => spikeWindowToSDR(countsOnly, 0, 2)).parameter).toBe('monitor');
  });
});

describe('src/index.ts', () => {
  it('exports sdrToVolley, sdrToRateCode and spikeWindowToSDR', () => {
    expect(api.sdrToVolley).toBe(sdrToVolley);
    expect(api.sdrToRateCode).toBe(sdrToRateCode);
    expect(api.spikeWindowToSDR).toBe(spikeWindowToSDR);
  });

  it('the module doc example of spikeBridge runs as written', () => {
    const { SDR: S, Network: N, SpikeSourceArray: A, SpikeMonitor: M } = api;
    const sdr = new S(2048).randomize(40 / 2048, 1);
    const net = new N({ dt: 0.1 });
    const input = net.population(A, sdr.size, { params: { spikeTimes: api.sdrToVolley(sdr, { time: 5 }) } });
    const spikes = net.add(new M(input));
    net.run(10);
    expect(api.spikeWindowToSDR(spikes, 5, 5.1).equals(sdr)).toBe(true);
  });
});
