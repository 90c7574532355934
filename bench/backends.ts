/**
 * Backends benchmark: per-step cost of the neuron update and of the synaptic input on
 * every backend and mode available here, and CUBA end to end.
 *
 *   npx engram bench backends --json     one JSON object per line
 *   npx engram bench backends --quick    N = 1e4, 1e5 only, CUBA 200 ms
 *
 * Rows: `{ backend, name: 'neuron-update', n, steps, ns_per_neuron_step, neuron_updates_per_s }`,
 * `{ backend, name: 'synaptic-input', n, k, synapses, rate_hz, ns_per_step_synapse,
 * events_per_s, gather }` (gpu rows gather on the device, cpu scatters events),
 * `{ backend, name: 'cuba', n, rate_hz, loop_s, events_per_s, gather }` and a last
 * `{ name: 'auto', backend, reason }` with what `backend: 'auto'` picks here. The
 * neuron update is IF_curr_exp driven by iOffset (no synapses); the synaptic input is
 * the extra time of a fixed in-degree K = 20 projection from a Poisson source at 50 Hz.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { IFCurrExp, Network, SpikeMonitor, SpikeSourcePoisson, fixedNumberPre } from '../src/index.js';
import type { GpuMode } from '../src/backends/backend.js';
import { buildCuba } from '../src/networks/cuba.js';

interface Target {
  readonly label: string;
  readonly backend: 'cpu' | 'gpu';
  readonly mode?: GpuMode;
}

/**
 * Backends and modes that run in Node (webgl2 runs in the e2e suite); gpu:webgpu through
 * Dawn (a hardware adapter, else Mesa llvmpipe), skipped with a row saying why where
 * Dawn finds no adapter.
 */
const TARGETS: Target[] = [
  { label: 'cpu', backend: 'cpu' },
  { label: 'gpu:webasm', backend: 'gpu', mode: 'webasm' },
  { label: 'gpu:cpu', backend: 'gpu', mode: 'cpu' },
  { label: 'gpu:webgpu', backend: 'gpu', mode: 'webgpu' },
];

function network(t: Target, gather: boolean): Network {
  return new Network({ seed: 1, backend: t.backend, gpu: t.mode ? { mode: t.mode, gather: gather ? 'all' : 'none' } : undefined });
}

/** Seconds per step of `net`: median of 3 runs of `steps` after a warm-up (compiles kernels, uploads constants). */
async function perStep(net: Network, steps: number): Promise<number> {
  await net.runAsync(0.2);
  const times: number[] = [];
  for (let r = 0; r < 3; r++) times.push((await net.runAsync(steps * 0.1, { sliceMs: 1e9 })).wallTime / steps);
  return times.sort((a, b) => a - b)[1];
}

async function neuronUpdate(t: Target, n: number, steps: number) {
  const net = network(t, false);
  net.population(IFCurrExp, n, { params: { iOffset: 0.8 } });
  const s = await perStep(net, steps);
  return { backend: t.label, name: 'neuron-update', n, steps, ns_per_neuron_step: (s / n) * 1e9, neuron_updates_per_s: n / s };
}

async function synapticInput(t: Target, n: number, steps: number, k = 20, rate = 50) {
  const build = (withProjection: boolean) => {
    const net = network(t, t.backend === 'gpu');
    const src = net.population(SpikeSourcePoisson, n, { params: { rate }, label: 'src' });
    const pop = net.population(IFCurrExp, n, { params: { vThresh: 1e6 }, label: 'pop' });
    if (withProjection) net.connect(src, pop, fixedNumberPre(k), { weight: 0.01, label: 'input' });
    return net;
  };
  const base = await perStep(build(false), steps);
  const net = build(true);
  const withProj = await perStep(net, steps);
  const events = net.events / (3 * steps + 2);
  const extra = Math.max(withProj - base, 1e-12);
  return {
    backend: t.label, name: 'synaptic-input', n, k, synapses: n * k, rate_hz: rate,
    ns_per_step_synapse: (extra / (n * k)) * 1e9, events_per_s: events / extra, gather: t.backend === 'gpu',
  };
}

async function cuba(t: Target, ms: number, gather: 'none' | 'all') {
  const c = buildCuba({ n: 4000, seed: 1, backend: t.backend, gpu: t.mode ? { mode: t.mode, gather } : undefined });
  const mons = [c.exc, c.inh].map((p) => c.network.add(new SpikeMonitor(p, { record: false })));
  const r = await c.network.runAsync(ms, { sliceMs: 1e9 });
  const spikes = mons[0].numSpikes + mons[1].numSpikes;
  return {
    backend: t.label, name: 'cuba', n: 4000, duration_ms: ms, rate_hz: spikes / 4000 / (ms / 1000), loop_s: r.wallTime, events_per_s: r.events / r.wallTime,
    ...(t.backend === 'gpu' ? { gather: gather === 'all' } : {}),
  };
}

/** The `backends` benchmark's command line. */
export async function backendsMain(args: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } }, strict: true });
  const sizes = values.quick ? [1e4, 1e5] : [1e4, 1e5, 1e6];
  const print = (row: Record<string, unknown>) => {
    if (values.json) out(JSON.stringify(row));
    else out(Object.entries(row).map(([key, v]) => `${key}=${typeof v === 'number' ? Number(v.toPrecision(3)) : v}`).join(' '));
  };
  for (const t of TARGETS) {
    try {
      for (const n of sizes) {
        const steps = Math.max(5, Math.min(50, Math.round(2e6 / n / (t.backend === 'cpu' ? 1 : 4))));
        print(await neuronUpdate(t, n, steps));
        print(await synapticInput(t, n, Math.max(3, Math.round(steps / 2))));
      }
      print(await cuba(t, values.quick ? 200 : 1000, 'none'));
      if (t.backend === 'gpu') print(await cuba(t, values.quick ? 200 : 1000, 'all'));
    } catch (e) {
      if (t.mode !== 'webgpu') throw e;
      print({ backend: t.label, name: 'unavailable', reason: (e as Error).message });
    }
  }
  const auto = new Network({ backend: 'auto' });
  auto.population(IFCurrExp, 4000);
  await auto.runAsync(0.1);
  print({ name: 'auto', backend: auto.backendInfo.backend, reason: auto.backendInfo.reason });
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  backendsMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(2);
    },
  );
}
