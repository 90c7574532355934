/**
 * One suite on every backend available in Node: cpu (the reference) and gpu in gpu.js's
 * `webasm`, `cpu` and `webgpu` modes (webgpu through Dawn: a hardware adapter, else Mesa
 * llvmpipe through EGL; the e2e suite runs webgl2 and webgpu in Chromium on the same
 * networks, `test/fixtures/backendNetworks.ts`). Each case runs the same small network
 * on the cpu and on the backend under test and compares spikes:
 * - exact (every spike, same step) for IF_curr_exp on webasm, whose kernel does the
 *   cpu's f32 arithmetic in the same order;
 * - otherwise within tolerances: total spike count within 5 % (+3 spikes), each
 *   neuron's first spike within one step for the neurons that spike in both runs
 *   before network effects amplify differences (first 20 ms).
 */
import { describe, expect, it } from 'vitest';
import {
  CA3ContentAddressableMemory,
  IFCurrAlpha,
  IFCurrExp,
  Network,
  ParameterError,
  SpikeMonitor,
  SpikeSourcePoisson,
  StateMonitor,
  fixedNumberPre,
  oneToOne,
  uniform,
} from '../../src/index.js';
import { probeWebGpu } from '../../src/backends/backend.js';
import { StateError } from '../../src/core/errors.js';
import { buildCuba } from '../../src/networks/cuba.js';
import { CPU, DRIVEN_MODELS, compareDriven, runCuba, runDriven, type BackendCase } from '../fixtures/backendNetworks.js';

const BACKENDS: BackendCase[] = [
  CPU,
  { label: 'gpu:webasm', backend: 'gpu', mode: 'webasm' },
  { label: 'gpu:cpu', backend: 'gpu', mode: 'cpu' },
  // Dawn through the webgpu package: a hardware adapter, else Mesa llvmpipe via EGL
  { label: 'gpu:webgpu', backend: 'gpu', mode: 'webgpu' },
];

describe.each(BACKENDS.slice(1))('backend $label', (b) => {
  it.each(Object.keys(DRIVEN_MODELS))('network.runAsync() of a driven %s network matches the cpu within tolerance', async (name) => {
    const ref = await runDriven(name, CPU);
    const got = await runDriven(name, b);
    expect(got).toMatchObject({ backend: 'gpu', mode: b.mode });
    const { problems, compared } = compareDriven(ref, got);
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(0);
    if (name === 'IFCurrExp' && b.mode === 'webasm') {
      expect(got.steps).toEqual(ref.steps);
      expect(got.indices).toEqual(ref.indices);
    }
  });

  it('network.runAsync() of CUBA (N = 1000, 100 ms) gives the cpu rate within 5 %, with and without on-device gathers', async () => {
    const ref = await runCuba(CPU, 'none');
    for (const gather of ['none', 'all'] as const) {
      const got = await runCuba(b, gather);
      expect(got).toMatchObject({ backend: 'gpu', mode: b.mode });
      expect(Math.abs(got.spikes - ref.spikes), `gather: ${gather}`).toBeLessThanOrEqual(0.05 * ref.spikes);
      // equal weights: the sums agree bit for bit
      if (b.mode === 'webasm') expect({ spikes: got.spikes, events: got.events }).toEqual({ spikes: ref.spikes, events: ref.events });
    }
  });

  it('network.runAsync(50) twice gives the spikes of one network.runAsync(100) with on-device gathers (CUBA, N = 1000)', async () => {
    const spikes = async (parts: number[]) => {
      const net = buildCuba({ n: 1000, seed: 3, backend: 'gpu', gpu: { mode: b.mode, gather: 'all' } }).network;
      const m = net.add(new SpikeMonitor(net.getPopulation('exc')));
      for (const ms of parts) await net.runAsync(ms);
      return { steps: Array.from(m.steps), indices: Array.from(m.indices) };
    };
    const one = await spikes([100]);
    expect(one.steps.length).toBeGreaterThan(0);
    expect(await spikes([50, 50])).toEqual(one);
  });

  it('on-device gathers with longer delays (3 steps between device populations, 2 from a Poisson source, recurrent 4) give the cpu spikes', async () => {
    const run = async (c: BackendCase, parts: number[]) => {
      const net = new Network({ dt: 0.1, seed: 6, backend: c.backend, gpu: c.mode ? { mode: c.mode, gather: 'all' } : undefined });
      const src = net.population(SpikeSourcePoisson, 200, { params: { rate: 40 } });
      const a = net.population(IFCurrExp, 300, { params: { tauRefrac: 2 } });
      const b2 = net.population(IFCurrExp, 300, { params: { tauRefrac: 2 } });
      net.connect(src, a, fixedNumberPre(30), { weight: 0.6, delay: 0.2 });
      net.connect(a, b2, fixedNumberPre(25), { weight: 0.9, delay: 0.3 });
      net.connect(b2, a, fixedNumberPre(10), { weight: 0.4, delay: 0.4, receptor: 'inhibitory' });
      const ma = net.add(new SpikeMonitor(a));
      const mb = net.add(new SpikeMonitor(b2));
      let events = 0;
      for (const ms of parts) events += (await net.runAsync(ms)).events;
      return { a: Array.from(ma.steps), ai: Array.from(ma.indices), b: Array.from(mb.steps), bi: Array.from(mb.indices), events };
    };
    const ref = await run(CPU, [60]);
    const got = await run(b, [60]);
    expect(ref.a.length).toBeGreaterThan(100);
    expect(ref.b.length).toBeGreaterThan(100);
    expect(Math.abs(got.a.length - ref.a.length)).toBeLessThanOrEqual(0.05 * ref.a.length + 3);
    expect(Math.abs(got.b.length - ref.b.length)).toBeLessThanOrEqual(0.05 * ref.b.length + 3);
    if (b.mode === 'webasm') {
      // equal weights per projection: the gathered sums equal the cpu's scatter, spike for spike
      expect(got).toEqual(ref);
      // a run split in three continues exactly (the device history carries over)
      expect(await run(b, [20, 15, 25])).toEqual(ref);
    }
  });

  it.each([1, 3, 6])('a gathered projection with a delay of %i steps from a device population delivers each spike at exactly the cpu step', async (d) => {
    // Drivers spike clearly (large iOffset: v crosses threshold by several mV), each
    // spike makes its follower fire (huge weight, fast synapse): follower steps are driver
    // steps + d + 1 on every backend, whatever its rounding.
    const run = async (c: BackendCase, parts: number[]) => {
      const net = new Network({ dt: 0.1, seed: 1, backend: c.backend, gpu: c.mode ? { mode: c.mode, gather: 'all' } : undefined });
      const drivers = net.population(IFCurrExp, 40, { params: { tauRefrac: 1 } });
      drivers.setIOffset(Array.from({ length: 40 }, (_, i) => 4 + 0.25 * i));
      const followers = net.population(IFCurrExp, 40, { params: { tauSynE: 0.1, tauRefrac: 0.1 } });
      net.connect(drivers, followers, oneToOne(), { weight: 200, delay: d * 0.1 });
      const md = net.add(new SpikeMonitor(drivers));
      const mf = net.add(new SpikeMonitor(followers));
      for (const ms of parts) await net.runAsync(ms);
      return { d: Array.from(md.steps), di: Array.from(md.indices), f: Array.from(mf.steps), fi: Array.from(mf.indices) };
    };
    const ref = await run(CPU, [30]);
    expect(ref.f.length).toBe(ref.d.filter((k) => k + d + 1 < 300).length);
    expect(await run(b, [30])).toEqual(ref);
    expect(await run(b, [7, 11, 12])).toEqual(ref); // split runs: the device history carries over
  });

  it("gpu.gather names projections: unknown or ungatherable labels are ParameterErrors that say why; 'all' skips what cannot be gathered", async () => {
    const build = (gather: 'all' | string[]) => {
      const net = new Network({ dt: 0.1, seed: 1, backend: 'gpu', gpu: { mode: b.mode, gather } });
      const src = net.population(SpikeSourcePoisson, 20, { params: { rate: 50 } });
      const cells = net.population(IFCurrExp, 10);
      net.connect(src, cells, fixedNumberPre(5), { label: 'static', weight: 0.5 });
      net.connect(src, cells, fixedNumberPre(5), { label: 'mixed', weight: 0.5, delay: uniform(0.1, 1) });
      return net;
    };
    await expect(build(['nope']).runAsync(1)).rejects.toThrow(ParameterError);
    await expect(build(['mixed']).runAsync(1)).rejects.toThrow(/cannot be gathered: its delays differ/);
    const net = build('all');
    await net.runAsync(5);
    expect(net.backendInfo.backend).toBe('gpu');
    await expect(build(['static']).runAsync(5)).resolves.toBeDefined();
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
    const trace = async (backend: BackendCase) => {
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

  it("new Network({ backend: 'auto' }) with 100 000 neurons in Node never picks Dawn's software adapter, and backendInfo says so", async () => {
    const probe = await probeWebGpu();
    expect(probe.adapter, probe.description).toBe(true); // llvmpipe through EGL at least (Debian: libegl1 libegl-mesa0)
    const net = new Network({ backend: 'auto' });
    net.population(IFCurrExp, 100_000);
    await net.runAsync(0.1);
    if (probe.fallback) {
      expect(net.backendInfo.backend).toBe('cpu');
      expect(net.backendInfo.reason).toMatch(/^auto: the WebGPU adapter is a software fallback \(.*(llvmpipe|swiftshader|lavapipe)/i);
    } else {
      expect(net.backendInfo).toMatchObject({ backend: 'gpu', mode: 'webgpu' });
    }
  });
});

describe.each(BACKENDS.slice(1))("the CA3 content-addressable memory (semantics 'spinnaker') on $label", (b) => {
  it('learns, recalls by cue and by content, and completes, with the cpu network\'s answers and output spikes', async () => {
    const run = async (c: BackendCase) => {
      const network = new Network({ dt: 1, semantics: 'spinnaker', seed: 1, backend: c.backend, gpu: c.mode ? { mode: c.mode } : undefined });
      const cam = new CA3ContentAddressableMemory({ cueSize: 6, contentSize: 12, network });
      const stored: Record<number, number[]> = { 0: [1, 4], 2: [0, 7, 11], 5: [3, 4, 9] };
      for (const [cue, bits] of Object.entries(stored)) cam.learn(Number(cue), bits);
      for (const cue of [0, 2, 5, 3]) cam.recallByCue(cue);
      cam.recallByContent([4]);
      cam.recallByContent([11]);
      const results = await cam.flushAsync();
      const spikes = cam.spikes();
      return {
        backend: network.backendInfo.backend,
        answers: results.map((r) => ({ kind: r.kind, content: r.outputContent, cues: r.outputCues })),
        out: [...(spikes.OUTcont?.times ?? []), ...(spikes.OUTcue?.times ?? [])],
      };
    };
    const ref = await run(CPU);
    const got = await run(b);
    expect(got.backend).toBe('gpu');
    // the memory works: each learned cue recalls its content, an unlearned one nothing, and content recalls its cues
    expect(ref.answers.filter((a) => a.kind === 'recallByCue').map((a) => a.content)).toEqual([[1, 4], [0, 7, 11], [3, 4, 9], []]);
    expect(ref.answers.filter((a) => a.kind === 'recallByContent').map((a) => a.cues)).toEqual([[0, 5], [2]]);
    expect(got.answers).toEqual(ref.answers);
    expect(got.out).toEqual(ref.out);
    expect(ref.out.length).toBeGreaterThan(20);
  });
});
