/**
 * The WebAssembly SIMD IF_curr_exp kernel against its JavaScript single-precision twin
 * stepIFCurrExpF32: the same operations in the same order, so state and spikes must be
 * identical bit for bit, for every kernel variant (ring input or not, iExt or not), with
 * refractory neurons, and for sizes that are not a multiple of 4 (the last n mod 4
 * neurons go through the JavaScript function, as in src/neurons/ifCurrExp.ts).
 */
import { describe, expect, it } from 'vitest';
import { Arena, type ArenaRegion } from '../../../../../src/core/arena.js';
import { Rng } from '../../../../../src/core/rng.js';
import { Network } from '../../../../../src/engine/network.js';
import { NoisyCurrentSource } from '../../../../../src/engine/stimuli/noisyCurrentSource.js';
import { IFCurrExp, ifCurrExpPropagators, type IFCurrExpParams } from '../../../../../src/neurons/ifCurrExp.js';
import { SpikeSourcePoisson } from '../../../../../src/neurons/spikeSourcePoisson.js';
import { fixedProbability } from '../../../../../src/synapses/connectors/fixedProbability.js';
import { uniform } from '../../../../../src/core/distributions.js';
import {
  IF_CURR_EXP_ARGS,
  f32Constants,
  instantiateIFCurrExpSimd,
  stepIFCurrExpF32,
  type IFCurrExpF32Constants,
} from '../../../../../src/backends/cpu/wasm/ifCurrExpSimd.js';

const DT = 0.1;
const PARAMS: IFCurrExpParams = { ...IFCurrExp.defaults, tauRefrac: 2.0, tauSynE: 5, tauSynI: 10, vReset: -70 };
const C: IFCurrExpF32Constants = f32Constants(ifCurrExpPropagators(PARAMS, DT), PARAMS.vRest, PARAMS.vReset, PARAMS.vThresh);
const FLOAT_ARGS = new Set(['p33', 'p30', 'p31e', 'p31i', 'p11e', 'p11i', 'vRest', 'vReset', 'vThresh']);

interface State {
  v: Float32Array;
  iSynE: Float32Array;
  iSynI: Float32Array;
  refractory: Int32Array;
  iExt: Float32Array;
  inE: Float32Array;
  inI: Float32Array;
  spikes: Uint32Array;
}

function arenaFor(n: number): { arena: Arena; state: State; args: Int32Array } {
  const regions: ArenaRegion[] = [
    { name: 'v', type: Float32Array, length: n },
    { name: 'iSynE', type: Float32Array, length: n },
    { name: 'iSynI', type: Float32Array, length: n },
    { name: 'refractory', type: Int32Array, length: n },
    { name: 'iExt', type: Float32Array, length: n },
    { name: 'inE', type: Float32Array, length: n },
    { name: 'inI', type: Float32Array, length: n },
    { name: 'spikes', type: Uint32Array, length: n },
    { name: 'args', type: Int32Array, length: 32 },
  ];
  const arena = new Arena(regions);
  const state = Object.fromEntries(regions.slice(0, 8).map((r) => [r.name, arena.view(r.name)])) as unknown as State;
  return { arena, state, args: arena.view('args') as Int32Array };
}

function plainCopy(s: State): State {
  return {
    v: s.v.slice(),
    iSynE: s.iSynE.slice(),
    iSynI: s.iSynI.slice(),
    refractory: s.refractory.slice(),
    iExt: s.iExt.slice(),
    inE: s.inE.slice(),
    inI: s.inI.slice(),
    spikes: s.spikes.slice(),
  };
}

/** Bit patterns, so that -0 and +0 (and any NaN payload) count as different. */
function bits(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
}

/** Index of the first entry whose bits differ, or -1 (fast enough to run every step). */
function firstDifference(a: Float32Array | Int32Array | Uint32Array, b: Float32Array | Int32Array | Uint32Array, length = a.length): number {
  const x = new Int32Array(a.buffer, a.byteOffset, length);
  const y = new Int32Array(b.buffer, b.byteOffset, length);
  for (let i = 0; i < length; i++) if (x[i] !== y[i]) return i;
  return a.length === b.length || length < a.length ? -1 : length;
}

/** Calls a kernel variant the way src/neurons/ifCurrExp.ts does: arguments in a block of the memory. */
function callKernel(kernel: (args: number) => number, args: Int32Array, s: State, n4: number, ring: boolean): number {
  const f32 = new Float32Array(args.buffer, args.byteOffset, args.length);
  const values: Record<string, number> = {
    v: s.v.byteOffset,
    ie: s.iSynE.byteOffset,
    ii: s.iSynI.byteOffset,
    r: s.refractory.byteOffset,
    ext: s.iExt.byteOffset,
    inE: ring ? s.inE.byteOffset : 0,
    inI: ring ? s.inI.byteOffset : 0,
    spk: s.spikes.byteOffset,
    nBytes: n4 * 4,
    ...C,
  };
  IF_CURR_EXP_ARGS.forEach((name, i) => {
    expect(values[name], name).toBeTypeOf('number');
    if (FLOAT_ARGS.has(name)) f32[i] = values[name];
    else args[i] = values[name];
  });
  return kernel(args.byteOffset);
}

/**
 * Random state: v around threshold (some above), a strong excitatory current (10-20 nA,
 * 60-120 mV of drive as it decays) so every neuron fires even without further input,
 * some inhibition, a third of the neurons refractory.
 */
function randomize(s: State, rng: Rng): void {
  for (let i = 0; i < s.v.length; i++) {
    s.v[i] = -72 + 25 * rng.random();
    s.iSynE[i] = 10 + 10 * rng.random();
    s.iSynI[i] = -2 * rng.random();
    s.refractory[i] = rng.random() < 0.33 ? rng.int(25) : 0;
  }
}

/** New input for one step: sparse positive and negative jumps, and an injected current. */
function randomInput(s: State, rng: Rng, ext: boolean): void {
  for (let i = 0; i < s.v.length; i++) {
    s.inE[i] = rng.random() < 0.3 ? 3 * rng.random() : 0;
    s.inI[i] = rng.random() < 0.1 ? -1.5 * rng.random() : 0;
    s.iExt[i] = ext ? (rng.random() < 0.5 ? 2.5 * rng.random() - 0.5 : 0) : 0;
  }
}

const SIZES = [1, 3, 4, 5, 7, 8, 13, 64, 101, 1023];
const VARIANTS = [
  { ring: false, ext: false },
  { ring: false, ext: true },
  { ring: true, ext: false },
  { ring: true, ext: true },
];

describe('instantiateIFCurrExpSimd(memory)', () => {
  it('instantiateIFCurrExpSimd(arena.memory) gives the four kernel variants (Node >= 20 has WebAssembly SIMD)', () => {
    const { arena } = arenaFor(8);
    const kernels = instantiateIFCurrExpSimd(arena.memory);
    expect(kernels).not.toBeNull();
    expect(kernels!.variants.length).toBe(4);
  });

  describe.each(VARIANTS)('variant ringInput=$ring ext=$ext', ({ ring, ext }) => {
    it.each(SIZES)('SIMD kernel + JS tail and stepIFCurrExpF32 agree bit for bit over 300 random steps (n = %i)', (n) => {
      const { arena, state: s, args } = arenaFor(n);
      const kernel = instantiateIFCurrExpSimd(arena.memory)!.variants[(ring ? 2 : 0) + (ext ? 1 : 0)];
      const rng = new Rng(1000 + n);
      randomize(s, rng);
      const ref = plainCopy(s);
      const n4 = n - (n % 4);
      let spikesSeen = 0;
      let refractorySeen = 0;
      let firstMismatch: string | null = null;
      const zeros = new Float32Array(n);
      for (let step = 0; step < 300; step++) {
        randomInput(s, rng, ext);
        ref.inE.set(s.inE);
        ref.inI.set(s.inI);
        ref.iExt.set(s.iExt);
        for (let i = 0; i < n; i++) if (s.refractory[i] > 0) refractorySeen++;
        let count = n4 > 0 ? callKernel(kernel, args, s, n4, ring) : 0;
        count = stepIFCurrExpF32(n4, n, s.v, s.iSynE, s.iSynI, s.refractory, s.iExt, ring ? s.inE : null, ring ? s.inI : null, s.spikes, count, C);
        const refCount = stepIFCurrExpF32(0, n, ref.v, ref.iSynE, ref.iSynI, ref.refractory, ref.iExt, ring ? ref.inE : null, ring ? ref.inI : null, ref.spikes, 0, C);
        // Collect the first difference and assert once (an expect per step and array is slow).
        const diffs: Array<[string, number]> = [
          ['spike count', count === refCount ? -1 : 0],
          ['spikes', firstDifference(s.spikes, ref.spikes, count)],
          ['v', firstDifference(s.v, ref.v)],
          ['iSynE', firstDifference(s.iSynE, ref.iSynE)],
          ['iSynI', firstDifference(s.iSynI, ref.iSynI)],
          ['refractory', firstDifference(s.refractory, ref.refractory)],
          // Ring input is consumed: zeroed by both.
          ['inE zeroed', ring ? firstDifference(s.inE, zeros) : -1],
          ['inI zeroed', ring ? firstDifference(s.inI, zeros) : -1],
        ];
        for (const [what, at] of diffs) if (at >= 0 && firstMismatch === null) firstMismatch = `${what} differs at step ${step}, neuron ${at}`;
        spikesSeen += count;
      }
      expect(firstMismatch).toBeNull();
      // The comparison covered spiking and refractory neurons.
      expect(spikesSeen).toBeGreaterThanOrEqual(n);
      expect(refractorySeen).toBeGreaterThanOrEqual(n);
    });
  });

  it('the ringInput=false variants leave the input arrays untouched', () => {
    const n = 16;
    const { arena, state: s, args } = arenaFor(n);
    const kernels = instantiateIFCurrExpSimd(arena.memory)!;
    const rng = new Rng(5);
    randomize(s, rng);
    randomInput(s, rng, true);
    const inE = s.inE.slice();
    callKernel(kernels.variants[1], args, s, n, false);
    expect(s.inE).toEqual(inE);
  });
});

describe('IFCurrExp in a network (the SIMD path as the engine calls it)', () => {
  it('a 13-neuron IFCurrExp population with ring input and a noisy current matches stepIFCurrExpF32 bit for bit, step by step', () => {
    const n = 13;
    const net = new Network({ dt: DT, seed: 8 });
    const src = net.population(SpikeSourcePoisson, 40, { params: { rate: 400 } });
    const pop = net.population(IFCurrExp, n, { params: PARAMS, initial: { v: uniform(-70, -50) } });
    // Per-synapse delays: the input goes through the ring, which the kernel reads and clears.
    net.connect(src, pop, fixedProbability(0.5), { weight: uniform(0, 1.5), delay: uniform(0.1, 2) });
    net.connect(src, pop, fixedProbability(0.3), { weight: uniform(-1.5, 0), delay: uniform(0.1, 2), receptor: 'inhibitory' });
    net.inject(new NoisyCurrentSource({ mean: 0.3, stdev: 1, start: 20, stop: 40 }), pop);
    const ref = {
      v: pop.get('v'),
      iSynE: pop.get('iSynE'),
      iSynI: pop.get('iSynI'),
      refractory: new Int32Array(n),
      spikes: new Uint32Array(n),
    };
    let spikes = 0;
    for (let k = 0; k < 600; k++) {
      const ring = pop.ring!;
      const inE = ring.viewsE[k % ring.slots].slice();
      const inI = ring.viewsI[k % ring.slots].slice();
      net.run(DT);
      const iExt = pop.iExt.slice();
      const count = stepIFCurrExpF32(0, n, ref.v, ref.iSynE, ref.iSynI, ref.refractory, iExt, inE, inI, ref.spikes, 0, C);
      expect(pop.spikeCount, `step ${k}`).toBe(count);
      expect(Array.from(pop.spikes.subarray(0, count))).toEqual(Array.from(ref.spikes.subarray(0, count)));
      expect(bits(pop.get('v')), `v at step ${k}`).toEqual(bits(ref.v));
      expect(bits(pop.get('iSynE'))).toEqual(bits(ref.iSynE));
      expect(bits(pop.get('iSynI'))).toEqual(bits(ref.iSynI));
      expect(pop.refractory).toEqual(ref.refractory);
      spikes += count;
    }
    expect(spikes).toBeGreaterThan(20);
  });
});
