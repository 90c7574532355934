/**
 * The network: exact spike timing through heterogeneous delays, determinism (same seed,
 * split runs), run control (progress, abort), input rings that grow after a run, and
 * current sources against closed-form membrane responses.
 *
 * Timing conventions under test (src/neurons/model.ts, src/engine/network.ts): a spike
 * in step k is stamped k + 1; over a delay of d steps it arrives at stamp k + 1 + d and
 * is added to the synaptic current at the start of that step; a StateMonitor samples at
 * the start of each step, before the arriving input is added.
 */
import { describe, expect, it } from 'vitest';
import { uniform } from '../../../src/core/distributions.js';
import { Network, type RunProgress } from '../../../src/engine/network.js';
import { SpikeMonitor } from '../../../src/engine/monitors/spikeMonitor.js';
import { StateMonitor } from '../../../src/engine/monitors/stateMonitor.js';
import { ACSource } from '../../../src/engine/stimuli/acSource.js';
import { DCSource } from '../../../src/engine/stimuli/dcSource.js';
import { NoisyCurrentSource } from '../../../src/engine/stimuli/noisyCurrentSource.js';
import { StepCurrentSource } from '../../../src/engine/stimuli/stepCurrentSource.js';
import { IFCurrExp, ifCurrExpPropagators } from '../../../src/neurons/ifCurrExp.js';
import { SpikeSourceArray } from '../../../src/neurons/spikeSourceArray.js';
import { SpikeSourcePoisson } from '../../../src/neurons/spikeSourcePoisson.js';
import { fixedProbability } from '../../../src/synapses/connectors/fixedProbability.js';
import { fromList, type ConnectionTuple } from '../../../src/synapses/connectors/fromList.js';
import { oneToOne } from '../../../src/synapses/connectors/oneToOne.js';
import { paramError } from '../../fixtures/parameterError.js';

const f = Math.fround;
const DT = 0.1;
const DEFAULTS = IFCurrExp.defaults;

/** A CUBA-like random network: 160 exc + 40 inh LIF, 50 Poisson inputs, heterogeneous delays, a noisy current. */
function randomNetwork(seed: number) {
  const net = new Network({ dt: DT, seed });
  const params = { tauM: 20, tauRefrac: 5, tauSynE: 5, tauSynI: 10, vRest: -49, vReset: -60, vThresh: -50 };
  const exc = net.population(IFCurrExp, 160, { params, initial: { v: uniform(-60, -50) }, label: 'exc' });
  const inh = net.population(IFCurrExp, 40, { params, initial: { v: uniform(-60, -50) }, label: 'inh' });
  const input = net.population(SpikeSourcePoisson, 50, { params: { rate: 20 }, label: 'input' });
  for (const post of [exc, inh]) {
    net.connect(exc, post, fixedProbability(0.1), { weight: 0.1, delay: uniform(0.1, 3.0) });
    net.connect(inh, post, fixedProbability(0.1), { weight: -0.45, receptor: 'inhibitory', delay: 0.8 });
    net.connect(input, post, fixedProbability(0.2), { weight: uniform(0.05, 0.15) });
  }
  net.inject(new NoisyCurrentSource({ mean: 0.05, stdev: 0.2, dt: 0.5 }), exc);
  const monitors = [exc, inh, input].map((p) => net.add(new SpikeMonitor(p)));
  return { net, exc, inh, input, monitors };
}

function spikesOf(monitors: SpikeMonitor[]): Array<{ steps: Int32Array; indices: Uint32Array }> {
  return monitors.map((m) => ({ steps: m.steps, indices: m.indices }));
}

describe('spike delivery through heterogeneous delays', () => {
  it('SpikeSourceArray -> fromList(per-synapse delays) -> IFCurrExp: each iSynE jumps in the step starting at spike time + delay, for every synapse', () => {
    const net = new Network({ dt: DT });
    // Source 0 spikes at 1.0 ms (stamp 10), source 1 at 2.3 ms (stamp 23).
    const src = net.population(SpikeSourceArray, 2, { params: { spikeTimes: [[1.0], [2.3]] } });
    const delaysMs = [0.1, 0.2, 0.3, 0.7, 1.5, 2.0, 5.0, 12.5, 25.5, 30.0];
    const stampOf = [10, 23];
    const list: ConnectionTuple[] = delaysMs.map((d, j) => [j % 2, j, 0.25 + 0.125 * j, d]);
    const post = net.population(IFCurrExp, delaysMs.length);
    const proj = net.connect(src, post, fromList(list));
    expect(proj.delay).toBeInstanceOf(Uint16Array); // 300 steps > 255
    const vm = net.add(new StateMonitor(post, ['iSynE', 'v']));
    const sm = net.add(new SpikeMonitor(src));
    net.run(40);
    expect(Array.from(sm.steps)).toEqual([10, 23]);
    const p11e = f(Math.exp(-DT / DEFAULTS.tauSynE));
    const pr = ifCurrExpPropagators(DEFAULTS, DT);
    for (let j = 0; j < delaysMs.length; j++) {
      const arrival = stampOf[j % 2] + Math.round(delaysMs[j] / DT);
      const w = f(list[j][2] as number);
      const iSyn = vm.trace('iSynE', j);
      const v = vm.trace('v', j);
      const firstNonzero = iSyn.findIndex((x) => x !== 0);
      // Sampled at the start of the arrival step (before the input is added) it is still 0;
      // one step later it is w decayed over that step.
      expect(firstNonzero, `synapse ${j} (delay ${delaysMs[j]} ms)`).toBe(arrival + 1);
      expect(iSyn[arrival + 1]).toBe(f(w * p11e));
      expect(iSyn[arrival + 2]).toBe(f(f(w * p11e) * p11e));
      // The membrane starts to move in the same step: at rest until the arrival, then
      // vRest + w P31 (the exact response to a current w over one step).
      expect(v.findIndex((x) => x !== f(DEFAULTS.vRest))).toBe(arrival + 1);
      expect(v[arrival + 1]).toBe(f(f(f(f(f(DEFAULTS.vRest) - f(DEFAULTS.vRest)) * f(pr.p33)) + f(DEFAULTS.vRest)) + f(w * f(pr.p31e))));
    }
  });

  it('two synapses with different delays onto one neuron add up in their own arrival steps', () => {
    const net = new Network({ dt: DT });
    const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [0.5] } });
    const post = net.population(IFCurrExp, 1);
    net.connect(src, post, fromList([[0, 0, 1.0, 0.2], [0, 0, 2.0, 0.6]]));
    const vm = net.add(new StateMonitor(post, ['iSynE']));
    net.run(3);
    const p11e = f(Math.exp(-DT / DEFAULTS.tauSynE));
    const tr = vm.trace('iSynE');
    // Stamp 5; arrivals at 7 and 11.
    expect(tr.findIndex((x) => x !== 0)).toBe(8);
    let expected = f(1 * p11e);
    expect(tr[8]).toBe(expected);
    for (let k = 9; k <= 11; k++) {
      expected = f(expected * p11e);
      expect(tr[k]).toBe(expected);
    }
    expect(tr[12]).toBe(f(f(expected + 2) * p11e));
  });

  it('oneToOne with one delay (delivered straight into iSynE) has the same timing: iSynE jumps in the step starting at spike time + delay', () => {
    const net = new Network({ dt: DT });
    const src = net.population(SpikeSourceArray, 5, { params: { spikeTimes: [[0.3], [0.7], [1.1], [], [2.0]] } });
    const post = net.population(IFCurrExp, 5);
    const proj = net.connect(src, post, oneToOne(), { weight: 0.5, delay: 2.5 });
    expect(proj.delay).toBeNull();
    const vm = net.add(new StateMonitor(post, ['iSynE']));
    net.run(6);
    const p11e = f(Math.exp(-DT / DEFAULTS.tauSynE));
    [3, 7, 11, -1, 20].forEach((stamp, j) => {
      const tr = vm.trace('iSynE', j);
      if (stamp < 0) {
        expect(tr.every((x) => x === 0)).toBe(true);
        return;
      }
      expect(tr.findIndex((x) => x !== 0)).toBe(stamp + 25 + 1);
      expect(tr[stamp + 26]).toBe(f(0.5 * p11e));
    });
  });

  it('a neuron fed by a one-delay and a per-synapse-delay projection gets both in the same arrival step', () => {
    const net = new Network({ dt: DT });
    const src = net.population(SpikeSourceArray, 2, { params: { spikeTimes: [[0.5], [0.5]] } });
    const post = net.population(IFCurrExp, 1);
    net.connect(src, post, fromList([[0, 0]]), { weight: 0.25, delay: 1.0 });
    net.connect(src, post, fromList([[1, 0, 0.5, 1.0], [1, 0, 4.0, 2.0]]));
    const vm = net.add(new StateMonitor(post, ['iSynE']));
    net.run(3);
    const tr = vm.trace('iSynE');
    expect(tr.findIndex((x) => x !== 0)).toBe(5 + 10 + 1);
    // 0.25 + 0.5 arrive together at stamp 15, in whichever order; both are exact in single precision.
    expect(tr[16]).toBe(f(0.75 * f(Math.exp(-DT / DEFAULTS.tauSynE))));
  });

  it('an inhibitory projection drives iSynI and leaves iSynE at zero', () => {
    const net = new Network({ dt: DT });
    const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [0.5] } });
    const post = net.population(IFCurrExp, 1);
    net.connect(src, post, oneToOne(), { weight: -0.5, delay: 1.0, receptor: 'inhibitory' });
    const vm = net.add(new StateMonitor(post, ['iSynE', 'iSynI']));
    net.run(3);
    expect(vm.trace('iSynE').every((x) => x === 0)).toBe(true);
    const ii = vm.trace('iSynI');
    expect(ii.findIndex((x) => x !== 0)).toBe(5 + 10 + 1);
    expect(ii[16]).toBe(f(f(-0.5) * f(Math.exp(-DT / DEFAULTS.tauSynI))));
  });

  it('run() counts delivered synaptic events: spikes x fan-out', () => {
    const net = new Network({ dt: DT });
    const src = net.population(SpikeSourceArray, 3, { params: { spikeTimes: [[1], [1, 2], []] } });
    const post = net.population(IFCurrExp, 4);
    net.connect(src, post, fromList([[0, 0], [0, 1], [1, 2], [1, 3], [1, 0], [2, 1]]), { weight: 0.1 });
    const r = net.run(5);
    // neuron 0: 1 spike x 2 synapses, neuron 1: 2 spikes x 3 synapses.
    expect(r.events).toBe(8);
    expect(net.events).toBe(8);
  });
});

describe('network.run(duration)', () => {
  it('network.run(200) gives exactly the spikes of run(73.3) + run(0) + run(0.1) + run(126.6) (steps and indices, element-wise)', () => {
    const one = randomNetwork(7);
    one.net.run(200);
    const split = randomNetwork(7);
    split.net.run(73.3);
    split.net.run(0);
    split.net.run(0.1);
    split.net.run(126.6);
    expect(split.net.step).toBe(2000);
    const a = spikesOf(one.monitors);
    const b = spikesOf(split.monitors);
    // The network must actually be active for this to mean something.
    expect(a[0].steps.length).toBeGreaterThan(200);
    expect(a[1].steps.length).toBeGreaterThan(50);
    expect(a[2].steps.length).toBeGreaterThan(100);
    for (let p = 0; p < 3; p++) {
      expect(b[p].steps).toEqual(a[p].steps);
      expect(b[p].indices).toEqual(a[p].indices);
    }
    expect(split.exc.get('v')).toEqual(one.exc.get('v'));
    expect(split.inh.get('iSynI')).toEqual(one.inh.get('iSynI'));
  });

  it('new Network({ seed }) twice gives identical spikes; another seed gives different spikes', () => {
    const a = randomNetwork(11);
    const b = randomNetwork(11);
    const c = randomNetwork(12);
    for (const x of [a, b, c]) x.net.run(100);
    const sa = spikesOf(a.monitors);
    const sb = spikesOf(b.monitors);
    const sc = spikesOf(c.monitors);
    for (let p = 0; p < 3; p++) {
      expect(sb[p].steps).toEqual(sa[p].steps);
      expect(sb[p].indices).toEqual(sa[p].indices);
    }
    const same = (x: ArrayLike<number>, y: ArrayLike<number>) => x.length === y.length && Array.from(x).every((v, i) => v === y[i]);
    expect(same(sc[0].indices, sa[0].indices) && same(sc[0].steps, sa[0].steps)).toBe(false);
    expect(same(sc[2].indices, sa[2].indices)).toBe(false);
  });

  it('network.run(duration, { onProgress, progressInterval: 0 }) reports growing progress and ends at done = total', () => {
    const { net } = randomNetwork(3);
    net.run(10);
    const reports: RunProgress[] = [];
    const r = net.run(50, { onProgress: (p) => reports.push(p), progressInterval: 0 });
    expect(r.steps).toBe(500);
    expect(r.interrupted).toBe(false);
    // Checked every 64 steps: at 64, 128, ..., 448, then once at the end.
    expect(reports.length).toBe(8);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i].done).toBeGreaterThan(reports[i - 1].done);
      expect(reports[i].elapsed).toBeGreaterThanOrEqual(reports[i - 1].elapsed);
    }
    expect(reports[0].done).toBeCloseTo(6.4, 9);
    expect(reports[0].t).toBeCloseTo(16.4, 9);
    const last = reports[reports.length - 1];
    expect(last.done).toBeCloseTo(50, 9);
    expect(last.total).toBeCloseTo(50, 9);
    expect(last.t).toBeCloseTo(60, 9);
    expect(r.wallTime).toBeGreaterThanOrEqual(0);
  });

  it('network.run(duration, { signal }) aborted during the run stops between steps with interrupted: true, and the network continues exactly', () => {
    const ref = randomNetwork(5);
    ref.net.run(100);
    const x = randomNetwork(5);
    const controller = new AbortController();
    const r = x.net.run(100, {
      signal: controller.signal,
      progressInterval: 0,
      onProgress: (p) => {
        if (p.done > 5) controller.abort();
      },
    });
    expect(r.interrupted).toBe(true);
    expect(r.steps).toBeGreaterThan(0);
    expect(r.steps).toBeLessThan(1000);
    expect(x.net.step).toBe(r.steps);
    const rest = x.net.run(100 - r.steps * DT);
    expect(rest.interrupted).toBe(false);
    expect(x.net.step).toBe(1000);
    const a = spikesOf(ref.monitors);
    const b = spikesOf(x.monitors);
    for (let p = 0; p < 3; p++) {
      expect(b[p].steps).toEqual(a[p].steps);
      expect(b[p].indices).toEqual(a[p].indices);
    }
  });

  it('network.run(duration, { signal }) with an already aborted signal simulates no step', () => {
    const { net } = randomNetwork(5);
    const controller = new AbortController();
    controller.abort();
    const r = net.run(100, { signal: controller.signal });
    expect(r.interrupted).toBe(true);
    expect(r.steps).toBe(0);
    expect(net.step).toBe(0);
  });

  it('await network.runAsync(duration) gives exactly the spikes of run(duration), and an abort stops it between slices', async () => {
    const ref = randomNetwork(6);
    ref.net.run(100);
    const x = randomNetwork(6);
    const controller = new AbortController();
    const reports: RunProgress[] = [];
    const r = await x.net.runAsync(100, {
      signal: controller.signal,
      sliceMs: 1e-3, // one batch of 64 steps per slice
      onProgress: (p) => {
        reports.push(p);
        if (p.done > 30) controller.abort();
      },
    });
    expect(r.interrupted).toBe(true);
    expect(r.steps % 64).toBe(0);
    expect(r.steps).toBeLessThan(1000);
    expect(reports.length).toBeGreaterThan(1);
    const rest = await x.net.runAsync(100 - r.steps * DT);
    expect(rest.interrupted).toBe(false);
    expect(x.net.step).toBe(1000);
    const a = spikesOf(ref.monitors);
    const b = spikesOf(x.monitors);
    for (let p = 0; p < 3; p++) {
      expect(b[p].steps).toEqual(a[p].steps);
      expect(b[p].indices).toEqual(a[p].indices);
    }
  });

  it('network.step and network.t advance by whole steps across runs', () => {
    const net = new Network({ dt: 0.25 });
    net.population(IFCurrExp, 1);
    expect(net.step).toBe(0);
    expect(net.t).toBe(0);
    net.run(1);
    net.run(0.5);
    expect(net.step).toBe(6);
    expect(net.t).toBe(1.5);
  });

  it('network.run(0.05) with dt 0.1 throws naming duration (not a whole number of steps); run(-1) too', () => {
    const net = new Network({ dt: 0.1 });
    net.population(IFCurrExp, 1);
    expect(paramError(() => net.run(0.05)).parameter).toBe('duration');
    expect(paramError(() => net.run(-1)).parameter).toBe('duration');
    expect(paramError(() => net.run(NaN)).parameter).toBe('duration');
    expect(net.step).toBe(0);
  });
});

describe('connecting after a run', () => {
  /**
   * Sources 'early' (spikes up to 1.5 ms) and 'late' (spikes from 3 ms) drive 6 LIF
   * neurons. early -> post has per-synapse delays up to 0.6 ms (a ring of 7 slots);
   * late -> post has delays of 2 to 3 ms (31 slots). With growAfterRun the late
   * projection is added at 1.5 ms, while inputs from 'early' wait in the ring at wrapped
   * slots; the ring must grow and keep each of them in its arrival step.
   */
  function ringNetwork(growAfterRun: boolean) {
    const net = new Network({ dt: DT, seed: 2 });
    const early = net.population(SpikeSourceArray, 2, { params: { spikeTimes: [[1.0, 1.2, 1.5], [1.1, 1.4]] }, label: 'early' });
    const late = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [3.0, 3.3] }, label: 'late' });
    const post = net.population(IFCurrExp, 6, { label: 'post' });
    const list: ConnectionTuple[] = [];
    for (let j = 0; j < 6; j++) list.push([j % 2, j, 6.0 + j, 0.1 * (j + 1)]);
    net.connect(early, post, fromList(list));
    const vm = net.add(new StateMonitor(post, ['v', 'iSynE']));
    const spikes = net.add(new SpikeMonitor(post));
    const connectLate = () =>
      net.connect(late, post, fromList([[0, 0, 5, 3.0], [0, 3, 5, 2.5], [0, 5, 5, 2.0]]));
    if (growAfterRun) {
      net.run(1.5);
      expect(post.ring!.slots).toBe(7);
      connectLate();
      expect(post.ring!.slots).toBe(31);
      net.run(8.5);
    } else {
      connectLate();
      net.run(10);
    }
    return { post, vm, spikes };
  }

  it('network.connect(...) with longer per-synapse delays after a run grows the ring and keeps every pending input in its step', () => {
    const grown = ringNetwork(true);
    const ref = ringNetwork(false);
    for (let j = 0; j < 6; j++) {
      expect(grown.vm.trace('iSynE', j)).toEqual(ref.vm.trace('iSynE', j));
      expect(grown.vm.trace('v', j)).toEqual(ref.vm.trace('v', j));
    }
    expect(grown.spikes.steps).toEqual(ref.spikes.steps);
    expect(grown.spikes.indices).toEqual(ref.spikes.indices);
    // The inputs did arrive and drove spikes (so the kernel and the monitors saw the moved arrays).
    expect(grown.spikes.numSpikes).toBeGreaterThan(0);
    expect(grown.post.get('v')).toEqual(ref.post.get('v'));
  });

  it('network.connect(...) with one longer delay from the same source after a run keeps the pending spikes of the shorter one', () => {
    // src spikes at 1.0, 1.2, 1.4, 2.0 ms (stamps 10, 12, 14, 20). a: src -> neuron 0, delay 0.5 ms;
    // b (added at 1.5 ms): src -> neuron 1, delay 3 ms. One delay each: delivered from the
    // source's spike history, which must deepen without losing steps 10..14.
    const build = (withB: boolean) => {
      const net = new Network({ dt: DT });
      // Only neuron 2 of the source fires, so a history that lost its spike lists would show up.
      const src = net.population(SpikeSourceArray, 3, { params: { spikeTimes: [[], [], [1.0, 1.2, 1.4, 2.0]] } });
      const post = net.population(IFCurrExp, 2);
      net.connect(src, post, fromList([[2, 0]]), { weight: 1, delay: 0.5 });
      const vm = net.add(new StateMonitor(post, ['iSynE']));
      net.run(1.5);
      if (withB) net.connect(src, post, fromList([[2, 1]]), { weight: 2, delay: 3.0 });
      net.run(8.5);
      return vm;
    };
    const grown = build(true);
    const without = build(false);
    expect(grown.trace('iSynE', 0)).toEqual(without.trace('iSynE', 0));
    const a = grown.trace('iSynE', 0);
    expect(a.findIndex((x) => x !== 0)).toBe(10 + 5 + 1);
    // The spikes of stamps 12 and 14 were waiting in the history when it grew at 1.5 ms;
    // they arrive at 17 and 19: iSynE(k+1) = (iSynE(k) + input(k)) p11e.
    const p11e = f(Math.exp(-DT / DEFAULTS.tauSynE));
    const input = (k: number) => (k === 15 || k === 17 || k === 19 ? 1 : 0);
    let expected = 0;
    for (let k = 15; k < 21; k++) {
      expected = f(f(expected + input(k)) * p11e);
      expect(a[k + 1], `sample ${k + 1}`).toBe(expected);
    }
    // b carries only the spike emitted after it was made (stamp 20), arriving at stamp 50.
    const b = grown.trace('iSynE', 1);
    expect(b.findIndex((x) => x !== 0)).toBe(20 + 30 + 1);
    expect(b[51]).toBe(f(2 * f(Math.exp(-DT / DEFAULTS.tauSynE))));
  });
});

describe('current sources', () => {
  const R = DEFAULTS.tauM / DEFAULTS.cm; // MOhm
  const vRest = DEFAULTS.vRest;
  const p33 = Math.exp(-DT / DEFAULTS.tauM);
  /**
   * Single-precision tolerance: each step rounds v (near 65 mV, ulp 7.6e-6 mV) at most 4
   * times; errors decay by p33 per step, so they accumulate to at most
   * 4 x ulp / 2 / (1 - p33) = 3.1e-3 mV. A one-step timing error would be about
   * R I dt / tauM = 0.05 mV for I = 0.5 nA, 16 times more.
   */
  const TOL = (4 * 7.62939453125e-6) / 2 / (1 - p33);

  it('DCSource({ amplitude: 0.5, start: 10, stop: 60 }) switches on and off in exactly those steps and follows the closed-form RC response', () => {
    const net = new Network({ dt: DT });
    const pop = net.population(IFCurrExp, 4);
    net.inject(new DCSource({ amplitude: 0.5, start: 10, stop: 60 }), pop, [1, 3]);
    const vm = net.add(new StateMonitor(pop, ['v']));
    net.run(100);
    const I = 0.5;
    const vStop = vRest + R * I * (1 - Math.exp(-50 / DEFAULTS.tauM));
    for (const r of [1, 3]) {
      const v = vm.trace('v', r);
      expect(v.length).toBe(1000);
      for (let k = 0; k <= 100; k++) expect(v[k]).toBe(f(vRest));
      expect(v[101]).toBeGreaterThan(vRest);
      let maxErr = 0;
      for (let k = 0; k < v.length; k++) {
        const t = k * DT;
        const exact =
          k <= 100 ? vRest : k <= 600 ? vRest + R * I * (1 - Math.exp(-(t - 10) / DEFAULTS.tauM)) : vRest + (vStop - vRest) * Math.exp(-(t - 60) / DEFAULTS.tauM);
        maxErr = Math.max(maxErr, Math.abs(v[k] - exact));
      }
      expect(maxErr).toBeLessThan(TOL);
      // The peak is the sample at 60 ms: the current is off from that step on.
      expect(v.indexOf(Math.max(...v))).toBe(600);
    }
    for (const r of [0, 2]) expect(vm.trace('v', r).every((x) => x === f(vRest))).toBe(true);
  });

  it('StepCurrentSource({ times: [10, 30, 50], amplitudes: [0.4, -0.2, 0] }) gives the piecewise closed-form response', () => {
    const net = new Network({ dt: DT });
    const pop = net.population(IFCurrExp, 1);
    const src = new StepCurrentSource({ times: [10, 30, 50], amplitudes: [0.4, -0.2, 0] });
    net.inject(src, pop);
    const vm = net.add(new StateMonitor(pop, ['v']));
    net.run(80);
    expect([0, 99, 100, 299, 300, 499, 500, 799].map((k) => src.amplitudeAt(k, DT))).toEqual([0, 0, 0.4, 0.4, -0.2, -0.2, 0, 0]);
    const segments = [
      { t0: 0, I: 0 },
      { t0: 10, I: 0.4 },
      { t0: 30, I: -0.2 },
      { t0: 50, I: 0 },
    ];
    const v = vm.trace('v');
    let maxErr = 0;
    let vAt = vRest;
    for (let s = 0; s < segments.length; s++) {
      const { t0, I } = segments[s];
      const t1 = s + 1 < segments.length ? segments[s + 1].t0 : 80;
      const vInf = vRest + R * I;
      for (let k = Math.round(t0 / DT); k < Math.round(t1 / DT); k++) {
        const exact = vInf + (vAt - vInf) * Math.exp(-(k * DT - t0) / DEFAULTS.tauM);
        maxErr = Math.max(maxErr, Math.abs(v[k] - exact));
      }
      vAt = vInf + (vAt - vInf) * Math.exp(-(t1 - t0) / DEFAULTS.tauM);
    }
    expect(maxErr).toBeLessThan(TOL);
    expect(v[100]).toBe(f(vRest));
    expect(v[101]).toBeGreaterThan(vRest);
    expect(v[301]).toBeLessThan(v[300]);
  });

  it('ACSource({ amplitude, offset, frequency, phase, start, stop }) injects offset + amplitude sin(2 pi f (t - start) + phase) in [start, stop)', () => {
    const net = new Network({ dt: DT });
    const pop = net.population(IFCurrExp, 3);
    const ac = { amplitude: 0.3, offset: 0.1, frequency: 50, phase: 90, start: 2, stop: 7 };
    net.inject(new ACSource(ac), pop, [2]);
    for (let k = 0; k < 100; k++) {
      net.run(DT);
      const t = k * DT;
      const expected = k >= 20 && k < 70 ? ac.offset + ac.amplitude * Math.sin(2 * Math.PI * ac.frequency * (t - ac.start) / 1000 + Math.PI / 2) : 0;
      expect(pop.iExt[2]).toBeCloseTo(f(expected), 6);
      expect(pop.iExt[0]).toBe(0);
    }
  });

  it('NoisyCurrentSource({ mean, stdev }) draws N(mean, stdev^2) independently per neuron and step (mean and variance within 4 sigma)', () => {
    const net = new Network({ dt: DT, seed: 3 });
    const n = 2000;
    const pop = net.population(IFCurrExp, n, { params: { vThresh: 1e6 } });
    const mean = 0.2;
    const sd = 0.5;
    net.inject(new NoisyCurrentSource({ mean, stdev: sd }), pop);
    const steps = 10;
    const xs = new Float64Array(n * steps);
    for (let s = 0; s < steps; s++) {
      net.run(DT);
      xs.set(pop.iExt, s * n);
    }
    const N = xs.length;
    const m = xs.reduce((a, b) => a + b, 0) / N;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (N - 1);
    expect(Math.abs(m - mean)).toBeLessThan((4 * sd) / Math.sqrt(N));
    expect(Math.abs(v - sd * sd)).toBeLessThan(4 * sd * sd * Math.sqrt(2 / (N - 1)));
    // Consecutive steps are independent: lag-1 correlation within 4/sqrt(n (steps-1)).
    let c = 0;
    for (let s = 1; s < steps; s++) for (let i = 0; i < n; i++) c += (xs[s * n + i] - m) * (xs[(s - 1) * n + i] - m);
    expect(Math.abs(c / (n * (steps - 1)) / v)).toBeLessThan(4 / Math.sqrt(n * (steps - 1)));
  });

  it('NoisyCurrentSource({ dt: 0.5 }) holds each value for 5 steps of 0.1 ms, from its start time, even when another source changes mid-interval', () => {
    const net = new Network({ dt: DT, seed: 4 });
    const pop = net.population(IFCurrExp, 4);
    net.inject(new NoisyCurrentSource({ mean: 0, stdev: 1, dt: 0.5, start: 1.0, stop: 3.0 }), pop);
    // Switching on at 1.2 ms and off at 2.3 ms, this source makes the population's currents be rebuilt mid-interval.
    net.inject(new DCSource({ amplitude: 0.5, start: 1.2, stop: 2.3 }), pop, [0]);
    const seen: number[] = [];
    for (let k = 0; k < 40; k++) {
      net.run(DT);
      seen.push(pop.iExt[1]);
    }
    for (let k = 0; k < 10; k++) expect(seen[k]).toBe(0);
    for (let b = 0; b < 4; b++) {
      const block = seen.slice(10 + 5 * b, 15 + 5 * b);
      expect(new Set(block).size).toBe(1);
      if (b > 0) expect(block[0]).not.toBe(seen[10 + 5 * (b - 1)]);
    }
    for (let k = 30; k < 40; k++) expect(seen[k]).toBe(0);
  });

  it('NoisyCurrentSource is reproducible: same seed, same currents; another seed, other currents', () => {
    const currents = (seed: number) => {
      const net = new Network({ dt: DT, seed });
      const pop = net.population(IFCurrExp, 8);
      net.inject(new NoisyCurrentSource({ mean: 0, stdev: 1 }), pop);
      const out: number[] = [];
      for (let k = 0; k < 5; k++) {
        net.run(DT);
        out.push(...pop.iExt);
      }
      return out;
    };
    expect(currents(9)).toEqual(currents(9));
    expect(currents(9)).not.toEqual(currents(10));
  });

  it('two current sources on the same neurons add up with iOffset', () => {
    const net = new Network({ dt: DT });
    const pop = net.population(IFCurrExp, 2, { params: { iOffset: 0.25 } });
    net.inject(new DCSource({ amplitude: 0.5, start: 1 }), pop);
    net.inject(new StepCurrentSource({ times: [2], amplitudes: [-1] }), pop, [1]);
    net.run(0.5);
    expect(Array.from(pop.iExt)).toEqual([0.25, 0.25]);
    net.run(1.0);
    expect(Array.from(pop.iExt)).toEqual([0.75, 0.75]);
    net.run(1.0);
    expect(Array.from(pop.iExt)).toEqual([0.75, -0.25]);
  });

  it('network.inject(source, spikeSource) throws naming population', () => {
    const net = new Network();
    const s = net.population(SpikeSourcePoisson, 2);
    expect(paramError(() => net.inject(new DCSource({ amplitude: 1 }), s)).parameter).toBe('population');
  });
});

describe('network populations', () => {
  it('network.population(...) labels populations pop0, pop1, ... and network.getPopulation(label) finds them', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 2);
    const b = net.population(IFCurrExp, 2, { label: 'named' });
    expect(a.label).toBe('pop0');
    expect(net.getPopulation('named')).toBe(b);
    expect(paramError(() => net.getPopulation('nope')).parameter).toBe('label');
    expect(paramError(() => net.population(IFCurrExp, 1, { label: 'named' })).parameter).toBe('label');
    expect(net.populations.length).toBe(2);
  });

  it('new Network() defaults to dt 0.1 ms, seed 1 and the cpu backend; backend "auto" picks cpu and says why', () => {
    const net = new Network();
    expect(net.dt).toBe(0.1);
    expect(net.seed).toBe(1);
    expect(net.backendInfo.backend).toBe('cpu');
    const auto = new Network({ backend: 'auto' });
    expect(auto.backendInfo.backend).toBe('cpu');
    expect(auto.backendInfo.reason).toMatch(/auto/);
  });

  it('population.initialize({ v: uniform(...) }) draws from the population stream: same seed and label, same values', () => {
    const vs = (seed: number) => {
      const net = new Network({ seed });
      return net.population(IFCurrExp, 50, { initial: { v: uniform(-60, -50) }, label: 'P' }).get('v');
    };
    expect(vs(1)).toEqual(vs(1));
    expect(vs(1)).not.toEqual(vs(2));
    expect(Array.from(vs(1)).every((v) => v >= -60 && v <= -50)).toBe(true);
  });
});
