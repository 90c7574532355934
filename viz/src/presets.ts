/**
 * The live presets, built from Engram's public API inside the worker: the CA3
 * content-addressable memory, the CUBA balanced network, Song et al.'s STDP network and
 * spiking pattern completion in a CA3 autoassociative network. Each preset says which
 * populations the raster shows, which neurons the membrane panel traces, and which
 * operations (learn, recall, complete) it answers.
 */
import {
  AdditiveWeightDependence,
  CA3_CAM_OUTPUT_LAYER,
  CA3_CAM_SPACING,
  CA3Autoassociative,
  CA3ContentAddressableMemory,
  IFCondExp,
  Network,
  Rng,
  SDR,
  SpikePairRule,
  SpikeSourcePoisson,
  STDPMechanism,
  allToAll,
  uniform,
  type Ca3CamOperation,
  type Population,
  type Projection,
} from '../../src/index.js';
import { buildCuba } from '../../src/networks/cuba.js';
import type { LiveBackend, LivePopulation, OperationResult, PresetInfo, PresetName, ToWorker } from './protocol.js';
import { MembraneTap, SpikeTap } from './taps.js';

/** Advances the network by `ms` (the worker streams frames while it does). */
export type Advance = (ms: number) => Promise<void>;

/** A built preset. */
export interface Preset {
  readonly info: PresetInfo;
  readonly network: Network;
  readonly taps: readonly SpikeTap[];
  readonly membrane?: MembraneTap;
  readonly weights?: { readonly projection: Projection; readonly wMax: number; readonly everyMs: number };
  /** whether the network must run through runAsync (gpu backend) */
  readonly asynchronous: boolean;
  /** answers an operation message; undefined when the preset has none */
  operate?(message: ToWorker, advance: Advance): Promise<OperationResult>;
}

/** Adds a spike tap per population, rows stacked in order. */
function tapAll(network: Network, pops: readonly Population<object>[], labels?: readonly string[]): { taps: SpikeTap[]; rows: LivePopulation[] } {
  const taps: SpikeTap[] = [];
  const rows: LivePopulation[] = [];
  let start = 0;
  pops.forEach((pop, i) => {
    taps.push(network.add(new SpikeTap(pop, start)));
    rows.push({ label: labels?.[i] ?? pop.label, start, size: pop.size });
    start += pop.size;
  });
  return { taps, rows };
}

function gpuNote(backend: LiveBackend, network: Network): { backend: string; backendNote: string } {
  if (backend === 'cpu') return { backend: 'cpu', backendNote: 'cpu backend (reference)' };
  return { backend: 'gpu', backendNote: `gpu backend requested: gpu.js picks webgpu or webgl2 (${network.backendInfo.reason})` };
}

/**
 * The CA3 content-addressable memory (Casanueva-Morato et al. 2024): 8 cues, 16 content
 * bits, under sPyNNaker semantics (on the gpu, its IF_curr_exp layers run the device form
 * of sPyNNaker's tick; the spike sources and the plasticity stay on the CPU).
 */
function ca3Preset(backend: LiveBackend): Preset {
  const cueSize = 8;
  const contentSize = 16;
  const network = new Network({ dt: 1, semantics: 'spinnaker', seed: 1, backend });
  const cam = new CA3ContentAddressableMemory({ cueSize, contentSize, network });
  const pops = [cam.input, ...Object.values(cam.populations), cam.output];
  const { taps, rows } = tapAll(network, pops);
  const membrane = network.add(new MembraneTap(cam.output, [cueSize, cueSize + 1]));
  const finish = async (op: Ca3CamOperation, advance: Advance) => {
    const end = op.time + CA3_CAM_SPACING[op.kind] + 1;
    if (end > network.step) await advance((end - network.step) * network.dt);
    const [result] = await cam.flushAsync();
    return result;
  };
  return {
    network,
    taps,
    membrane,
    asynchronous: backend === 'gpu',
    info: {
      preset: 'ca3',
      title: 'CA3 content-addressable memory (Casanueva-Morato et al. 2024), sPyNNaker semantics, dt = 1 ms',
      populations: rows,
      neurons: rows.reduce((s, r) => s + r.size, 0),
      dt: 1,
      windowMs: 200,
      membrane: {
        labels: ['OUT content bit 0', 'OUT content bit 1'],
        threshold: CA3_CAM_OUTPUT_LAYER.v_thresh,
        reset: CA3_CAM_OUTPUT_LAYER.v_reset,
      },
      cam: { cueSize, contentSize },
      ...gpuNote(backend, network),
    },
    async operate(message, advance) {
      if (message.type === 'learn') {
        const r = await finish(cam.learn(message.cue, message.bits), advance);
        return { kind: 'learn', summary: `learned cue ${message.cue} -> content [${r.outputContent.join(', ')}] at t = ${r.time} ms`, content: r.outputContent, cues: [message.cue] };
      }
      if (message.type === 'recallByCue') {
        const r = await finish(cam.recallByCue(message.cue), advance);
        return {
          kind: 'recallByCue',
          summary: `recall by cue ${message.cue}: content [${r.outputContent.join(', ')}]${r.contentLatency === null ? ' (nothing stored)' : `, latency ${r.contentLatency} ms`}`,
          content: r.outputContent,
          cues: r.outputCues,
        };
      }
      if (message.type === 'recallByContent') {
        const r = await finish(cam.recallByContent(message.bits), advance);
        return {
          kind: 'recallByContent',
          summary: `recall by content [${message.bits.join(', ')}]: cues [${r.outputCues.join(', ')}]${r.cueLatency === null ? ' (no match)' : ''}`,
          content: r.outputContent,
          cues: r.outputCues,
        };
      }
      throw new Error(`the CA3 memory preset does not answer '${message.type}'`);
    },
  };
}

/** The CUBA balanced network (Vogels & Abbott 2005), N = 4000, dt = 0.1 ms. */
function cubaPreset(backend: LiveBackend): Preset {
  const { network, exc, inh } = buildCuba({ n: 4000, seed: 1, backend });
  const { taps, rows } = tapAll(network, [exc, inh]);
  const membrane = network.add(new MembraneTap(exc, [0, 1, 2], 2));
  return {
    network,
    taps,
    membrane,
    asynchronous: backend === 'gpu',
    info: {
      preset: 'cuba',
      title: 'CUBA balanced network (Vogels & Abbott 2005), 3200 excitatory + 800 inhibitory IF_curr_exp, dt = 0.1 ms',
      populations: rows,
      neurons: 4000,
      dt: 0.1,
      windowMs: 300,
      membrane: { labels: ['exc 0', 'exc 1', 'exc 2'], threshold: -50, reset: -60 },
      ...gpuNote(backend, network),
    },
  };
}

/** Song, Miller & Abbott (2000): 1000 Poisson inputs onto one conductance LIF neuron with additive STDP. */
function stdpPreset(backend: LiveBackend): Preset {
  const gmax = 0.01;
  const network = new Network({ dt: 0.1, seed: 1, backend });
  const inputs = network.population(SpikeSourcePoisson, 1000, { params: { rate: 15 }, label: 'inputs' });
  const neuron = network.population(IFCondExp, 1, {
    params: { cm: 10, tauM: 10, vRest: -74, vReset: -60, vThresh: -54, tauRefrac: 0, tauSynE: 5, eRevE: 0 },
    initial: { v: -60 },
    label: 'neuron',
  });
  const stdp = new STDPMechanism({
    timing: new SpikePairRule({ tauPlus: 20, tauMinus: 20, aPlus: 0.01, aMinus: 0.0105 }),
    weight: new AdditiveWeightDependence({ wMin: 0, wMax: gmax }),
    dendriticDelayFraction: 0,
  });
  const projection = network.connect(inputs, neuron, allToAll(), { weight: uniform(0, gmax), plasticity: stdp, label: 'inputs->neuron' });
  const { taps, rows } = tapAll(network, [inputs, neuron]);
  const membrane = network.add(new MembraneTap(neuron, [0]));
  return {
    network,
    taps,
    membrane,
    weights: { projection, wMax: gmax, everyMs: 100 },
    asynchronous: backend === 'gpu',
    info: {
      preset: 'stdp',
      title: 'Song, Miller & Abbott (2000): 1000 Poisson inputs (15 Hz) -> one IF_cond_exp neuron, additive pair STDP',
      populations: rows,
      neurons: 1001,
      dt: 0.1,
      windowMs: 1000,
      membrane: { labels: ['neuron'], threshold: -54, reset: -60 },
      weights: { count: 1000, wMax: gmax, bins: 20, rows: 25, cols: 40 },
      ...gpuNote(backend, network),
    },
  };
}

/** Spiking pattern completion: CA3Autoassociative, n = 400, k = 12, 30 stored patterns. */
function completionPreset(): Preset {
  const n = 400;
  const k = 12;
  const ca3 = new CA3Autoassociative({ n, k, seed: 1 });
  const rng = new Rng(2);
  const patterns = Array.from({ length: 30 }, () => new SDR(n).randomize(k / n, rng));
  const network = ca3.network;
  const { taps, rows } = tapAll(network, [ca3.input, ca3.ca3, ca3.basket, ca3.stop], ['mossy fibres', 'CA3', 'basket', 'stop']);
  const membrane = network.add(new MembraneTap(ca3.ca3, [...patterns[0].sparse.slice(0, 2)]));
  let learned = false;
  let next = 0;
  const params = ca3.ca3.params as { vThresh?: number; vReset?: number };
  return {
    network,
    taps,
    membrane,
    asynchronous: false,
    info: {
      preset: 'completion',
      title: `Spiking pattern completion: CA3 autoassociative network (n = ${n}, k = ${k}), clipped Hebbian collaterals, feedback inhibition`,
      populations: rows,
      neurons: rows.reduce((s, r) => s + r.size, 0),
      dt: network.dt,
      windowMs: 200,
      membrane: { labels: ['CA3 cell of pattern 0', 'CA3 cell of pattern 0'], threshold: params.vThresh ?? -50, reset: params.vReset ?? -65 },
      completion: { n, k, patterns: patterns.length },
      backend: 'cpu',
      backendNote: 'cpu backend: CA3Autoassociative steps its network synchronously (network.run), so it runs on the cpu',
    },
    async operate(message) {
      if (message.type !== 'complete') throw new Error(`the pattern completion preset does not answer '${message.type}'`);
      if (!learned) {
        ca3.learn(patterns);
        learned = true;
      }
      const index = next++ % patterns.length;
      const pattern = patterns[index];
      const fraction = Math.min(1, Math.max(0.05, message.cueFraction));
      const cue = pattern.clone().killCells(1 - fraction, rng);
      if (cue.getSum() === 0) cue.setSparse([pattern.sparse[0]]);
      const r = ca3.recall(cue);
      const one = r.oneStep.overlap(pattern);
      const fin = r.final.overlap(pattern);
      return {
        kind: 'complete',
        summary:
          `pattern ${index}: cue ${r.cueSize} of ${k} cells -> first wave ${one}/${k} correct (${r.oneStep.getSum()} active), ` +
          `final ${fin}/${k} correct (${r.final.getSum()} active)`,
        content: [r.cueSize, one, r.oneStep.getSum(), fin, r.final.getSum()],
        cues: [index],
      };
    },
  };
}

/** Builds a preset on the given backend. */
export function buildPreset(name: PresetName, backend: LiveBackend): Preset {
  switch (name) {
    case 'ca3':
      return ca3Preset(backend);
    case 'cuba':
      return cubaPreset(backend);
    case 'stdp':
      return stdpPreset(backend);
    case 'completion':
      return completionPreset();
  }
}
