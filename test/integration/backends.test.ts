/**
 * One suite on every backend available in Node: cpu (the reference) and gpu in gpu.js's
 * `webasm` and `cpu` modes (the e2e suite runs webgl2 and webgpu in Chromium). Each
 * case runs the same small network on the cpu and on the backend under test and
 * compares spikes:
 * - exact (every spike, same step) for IF_curr_exp on webasm, whose kernel does the
 *   cpu's f32 arithmetic in the same order;
 * - otherwise within tolerances: total spike count within 5 % (+3 spikes), each
 *   neuron's first spike within one step for the neurons that spike in both runs
 *   before network effects amplify differences (first 20 ms).
 */
import { describe, expect, it } from 'vitest';
import {
  AdEx,
  IFCondExp,
  IFCurrAlpha,
  IFCurrExp,
  Izhikevich,
  Network,
  SpikeMonitor,
  SpikeSourcePoisson,
  StateMonitor,
  fixedProbability,
  uniform,
  type NeuronModel,
} from '../../src/index.js';
import type { GpuMode } from '../../src/backends/backend.js';
import { StateError } from '../../src/core/errors.js';
import { buildCuba } from '../../src/networks/cuba.js';

interface Backend {
  readonly label: string;
  readonly backend: 'cpu' | 'gpu';
  readonly mode?: GpuMode;
}

const BACKENDS: Backend[] = [
  { label: 'cpu', backend: 'cpu' },
  { label: 'gpu:webasm', backend: 'gpu', mode: 'webasm' },
  { label: 'gpu:cpu', backend: 'gpu', mode: 'cpu' },
];

const MODELS: Record<string, { model: NeuronModel<object>; wE: number; wI: number; v0: [number, number] }> = {
  IFCurrExp: { model: IFCurrExp as NeuronModel<object>, wE: 0.6, wI: -0.6, v0: [-65, -55] },
  IFCurrAlpha: { model: IFCurrAlpha as NeuronModel<object>, wE: 3, wI: -3, v0: [-65, -55] },
  IFCondExp: { model: IFCondExp as NeuronModel<object>, wE: 0.012, wI: 0.03, v0: [-65, -55] },
  Izhikevich: { model: Izhikevich as NeuronModel<object>, wE: 6, wI: -6, v0: [-70, -60] },
  AdEx: { model: AdEx as NeuronModel<object>, wE: 0.008, wI: 0.02, v0: [-70, -60] },
};

/** 20 neurons driven by Poisson input (direct and ring delivery) with sparse recurrence. */
async function driven(name: string, b: Backend, ms = 100) {
  const c = MODELS[name];
  const net = new Network({ dt: 0.1, seed: 5, backend: b.backend, gpu: b.mode ? { mode: b.mode } : undefined });
  const pop = net.population(c.model, 20, { initial: { v: uniform(c.v0[0], c.v0[1]) }, label: 'cells' });
  const exc = net.population(SpikeSourcePoisson, 30, { params: { rate: 40 }, label: 'exc' });
  const inh = net.population(SpikeSourcePoisson, 10, { params: { rate: 20 }, label: 'inh' });
  net.connect(exc, pop, fixedProbability(0.3), { weight: c.wE, delay: 1 });
  net.connect(inh, pop, fixedProbability(0.3), { weight: c.wI, delay: uniform(0.5, 2), receptor: 'inhibitory' });
  net.connect(pop, pop, fixedProbability(0.1), { weight: c.wE / 2, delay: 1.5 });
  const spikes = net.add(new SpikeMonitor(pop));
  await net.runAsync(ms);
  return { net, pop, steps: Array.from(spikes.steps), indices: Array.from(spikes.indices) };
}

function firstSpikes(r: { steps: number[]; indices: number[] }, before: number): Map<number, number> {
  const first = new Map<number, number>();
  r.steps.forEach((s, q) => {
    if (s < before && !first.has(r.indices[q])) first.set(r.indices[q], s);
  });
  return first;
}

describe.each(BACKENDS.slice(1))('backend $label', (b) => {
  it.each(Object.keys(MODELS))('network.runAsync() of a driven %s network matches the cpu within tolerance', async (name) => {
    const ref = await driven(name, BACKENDS[0]);
    const got = await driven(name, b);
    expect(got.net.backendInfo).toMatchObject({ backend: 'gpu', mode: b.mode });
    expect(ref.steps.length).toBeGreaterThan(10);
    expect(Math.abs(got.steps.length - ref.steps.length)).toBeLessThanOrEqual(0.05 * ref.steps.length + 3);
    const a = firstSpikes(ref, 200);
    const g = firstSpikes(got, 200);
    let compared = 0;
    for (const [i, s] of a) {
      if (!g.has(i)) continue;
      expect(Math.abs(g.get(i)! - s), `first spike of neuron ${i}`).toBeLessThanOrEqual(1);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
    if (name === 'IFCurrExp' && b.mode === 'webasm') {
      expect(got.steps).toEqual(ref.steps);
      expect(got.indices).toEqual(ref.indices);
    }
  });

  it('network.runAsync() of CUBA (N = 1000, 100 ms) gives the cpu rate within 5 %, with and without on-device gathers', async () => {
    const rate = async (backend: 'cpu' | 'gpu', gather: 'none' | 'all') => {
      const net = buildCuba({ n: 1000, seed: 2, ...(backend === 'gpu' ? { backend: 'gpu', gpu: { mode: b.mode, gather } } : {}) }).network;
      const m = [net.getPopulation('exc'), net.getPopulation('inh')].map((p) => net.add(new SpikeMonitor(p, { record: false })));
      const r = await net.runAsync(100);
      return { spikes: m[0].numSpikes + m[1].numSpikes, events: r.events };
    };
    const ref = await rate('cpu', 'none');
    for (const gather of ['none', 'all'] as const) {
      const got = await rate('gpu', gather);
      expect(Math.abs(got.spikes - ref.spikes)).toBeLessThanOrEqual(0.05 * ref.spikes);
      if (b.mode === 'webasm') expect(got).toEqual(ref); // equal weights: the sums agree bit for bit
    }
  });

  it('network.run() on a gpu network throws a StateError that points to runAsync', () => {
    const net = new Network({ backend: 'gpu', gpu: { mode: b.mode } });
    net.population(IFCurrExp, 4);
    expect(() => net.run(1)).toThrow(StateError);
    expect(() => net.run(1)).toThrow(/runAsync/);
  });

  it('population.setParameters() between two runAsync() calls rebuilds the kernels (gpu.js freezes constants)', async () => {
    const net = new Network({ backend: 'gpu', gpu: { mode: b.mode } });
    const pop = net.population(IFCurrExp, 5, { params: { iOffset: 0 } });
    const spikes = net.add(new SpikeMonitor(pop));
    await net.runAsync(20);
    expect(spikes.numSpikes).toBe(0);
    pop.setParameters({ iOffset: 2, tauRefrac: 2 });
    await net.runAsync(50);
    expect(spikes.numSpikes).toBeGreaterThan(0);
    pop.setParameters({ vThresh: 100 });
    const before = spikes.numSpikes;
    await net.runAsync(20);
    expect(spikes.numSpikes).toBe(before);
  });

  it('a StateMonitor on a gpu network reads back v each step and equals the cpu trace closely', async () => {
    const trace = async (backend: Backend) => {
      const net = new Network({ backend: backend.backend, gpu: backend.mode ? { mode: backend.mode } : undefined });
      const pop = net.population(IFCurrAlpha, 3, { params: { iOffset: 0.5 } });
      const mon = net.add(new StateMonitor(pop, ['v']));
      await net.runAsync(30);
      return { v: Array.from(mon.trace('v', 0)), final: pop.get('v') };
    };
    const ref = await trace(BACKENDS[0]);
    const got = await trace(b);
    expect(got.v.length).toBe(ref.v.length);
    got.v.forEach((x, i) => expect(Math.abs(x - ref.v[i])).toBeLessThan(1e-3));
    got.final.forEach((x, i) => expect(Math.abs(x - ref.final[i])).toBeLessThan(1e-3));
  });
});

describe('backend auto', () => {
  it("new Network({ backend: 'auto' }) runs on the cpu without a hardware WebGPU adapter and says why in backendInfo", async () => {
    const net = new Network({ backend: 'auto' });
    net.population(IFCurrExp, 10);
    await net.runAsync(1);
    expect(net.backendInfo.backend).toBe('cpu');
    expect(net.backendInfo.reason).toMatch(/^auto: /);
  });
});
