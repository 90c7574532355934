/**
 * STDP benchmark: Brian2's `examples/synapses/STDP.py` (Song, Miller & Abbott 2000) scaled
 * up, as in the shared Brian2 anchor `stdp.py`: `npre` Poisson inputs at 15 Hz all-to-all
 * onto `npost` conductance-based LIF neurons with additive pair STDP (tau 20 ms,
 * A- = 1.05 A+, weights in [0, gmax]), dt = 0.1 ms, default 1000 x 1000 for 10 s.
 *
 *   npm run bench -- stdp [--npre 1000] [--npost 1000] [--duration 10000] [--json]
 *   npm run bench -- stdp --brian      also runs Brian2 2.5.1 (C++ standalone, one thread) on
 *                                      the same sizes and prints the loop-time ratio
 *   npm run bench -- stdp --breakdown  also runs the same network with static synapses, to
 *                                      separate the cost of plasticity from the rest
 *   npm run bench -- stdp --model cond the neurons as Engram's IFCondExp (RKF45, NEST's
 *                                      integration) instead of Brian2's forward-Euler neuron
 *
 * `updates` counts plastic-synapse updates (each presynaptic spike updates its fan-out,
 * each postsynaptic spike its fan-in), the quantity Brian2's anchor calls syn_events, so
 * updates/s compares directly with its events_per_s_loop. `loop_s` is the simulation loop
 * alone (Brian2's `t_loop`); `rtf` is loop_s per biological second.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { heapBytesPerStep } from './heapPerStep.js';
import {
  AdditiveWeightDependence,
  IFCondExp,
  Network,
  SpikeMonitor,
  SpikePairRule,
  SpikeSourcePoisson,
  STDPMechanism,
  allToAll,
  uniform,
  type KernelArrays,
  type NeuronKernel,
  type NeuronModel,
} from '../src/index.js';

/** Brian2's STDP example neuron in PyNN units: cm 10 nF gives a leak conductance of 1 uS, so weights in uS equal Brian's g. */
const NEURON = { cm: 10, tauM: 10, vRest: -74, vReset: -60, vThresh: -54, tauRefrac: 0, tauSynE: 5, eRevE: 0 };
const GMAX = 0.01;

/** Parameters of {@link BrianEulerLIF}: Brian2's STDP example neuron in its own units. */
interface BrianEulerParams {
  /** membrane time constant, ms */
  taum: number;
  /** leak reversal, mV */
  El: number;
  /** excitatory reversal, mV */
  Ee: number;
  /** threshold, mV */
  vt: number;
  /** reset, mV */
  vr: number;
  /** excitatory conductance decay, ms */
  taue: number;
}

/**
 * Brian2's STDP example neuron with Brian2's integration, for a like-for-like comparison:
 * dv/dt = (ge (Ee - v) + El - v)/taum, dge/dt = -ge/taue (ge in units of the leak
 * conductance), forward Euler at dt, threshold v > vt, reset v = vr, no refractory period.
 * Arriving weights are added to ge at the start of the step (Brian2 adds them after the
 * update of the step the spike arrives in: the same dynamics one step later).
 */
export const BrianEulerLIF: NeuronModel<BrianEulerParams> = {
  name: 'BrianEulerLIF',
  pynnName: 'none (Brian2 examples/synapses/STDP.py neuron)',
  defaults: Object.freeze({ taum: 10, El: -74, Ee: 0, vt: -54, vr: -60, taue: 5 }),
  units: { taum: 'ms', El: 'mV', Ee: 'mV', vt: 'mV', vr: 'mV', taue: 'ms' },
  stateVariables: { v: 'mV', ge: '1' },
  synapseKind: 'conductance',
  initialState: (p) => ({ v: p.vr, ge: 0 }),
  validate: () => undefined,
  createKernel(a: KernelArrays, p: Readonly<BrianEulerParams>, dt: number): NeuronKernel {
    const fv = dt / p.taum;
    const fe = 1 - dt / p.taue;
    return {
      step(_k, inE) {
        const v = a.state.v;
        const ge = a.state.ge;
        const spikes = a.spikes;
        let count = 0;
        for (let i = 0; i < a.size; i++) {
          let g = ge[i];
          if (inE !== null) {
            g += inE[i];
            inE[i] = 0;
          }
          const x = v[i];
          const y = x + fv * (g * (p.Ee - x) + p.El - x);
          ge[i] = g * fe;
          if (y > p.vt) {
            v[i] = p.vr;
            spikes[count++] = i;
          } else v[i] = y;
        }
        return count;
      },
    };
  },
};

/** One measurement. */
export interface StdpBenchResult {
  name: 'stdp';
  npre: number;
  npost: number;
  duration_ms: number;
  /** 'euler': Brian2's neuron and integration; 'cond': Engram's IFCondExp (RKF45) */
  model: 'euler' | 'cond';
  plastic: boolean;
  seed: number;
  synapses: number;
  build_s: number;
  loop_s: number;
  rtf: number;
  pre_spikes: number;
  post_spikes: number;
  post_rate_hz: number;
  /** plastic-synapse updates (pre spikes x fan-out + post spikes x fan-in) */
  updates: number;
  updates_per_s: number;
  /** weights below 0.1 gmax and above 0.9 gmax at the end */
  w_frac_below_0p1: number;
  w_frac_above_0p9: number;
  peak_rss_mb: number;
  /** heap bytes allocated per step when the run is continued for 2000 more steps (the engine's goal: 0) */
  heap_bytes_per_step: number;
}

/** Builds and runs the network in this process. */
export function runStdp(npre: number, npost: number, durationMs: number, seed = 1, plastic = true, model: 'euler' | 'cond' = 'euler'): StdpBenchResult {
  const t0 = performance.now();
  const net = new Network({ dt: 0.1, seed });
  const inputs = net.population(SpikeSourcePoisson, npre, { params: { rate: 15 } });
  const neurons =
    model === 'euler'
      ? net.population(BrianEulerLIF, npost)
      : net.population(IFCondExp, npost, { params: NEURON, initial: { v: NEURON.vReset } });
  const stdp = new STDPMechanism({
    timing: new SpikePairRule({ tauPlus: 20, tauMinus: 20, aPlus: 0.01, aMinus: 0.0105 }),
    weight: new AdditiveWeightDependence({ wMin: 0, wMax: GMAX }),
    dendriticDelayFraction: 0, // Brian2's on_pre: the rule sees the presynaptic spike when it arrives
  });
  const proj = net.connect(inputs, neurons, allToAll(), { weight: uniform(0, GMAX), plasticity: plastic ? stdp : undefined });
  const preMon = net.add(new SpikeMonitor(inputs, { record: false }));
  const postMon = net.add(new SpikeMonitor(neurons, { record: false }));
  const build = (performance.now() - t0) / 1000;
  const run = net.run(durationMs);
  const heap = heapBytesPerStep((k) => net.run(k * net.dt));
  const updates = proj.plasticity?.updates ?? 0;
  let below = 0;
  let above = 0;
  for (const w of proj.weight) {
    if (w < 0.1 * GMAX) below++;
    if (w > 0.9 * GMAX) above++;
  }
  return {
    name: 'stdp',
    npre,
    npost,
    duration_ms: durationMs,
    model,
    plastic,
    seed,
    synapses: proj.size,
    build_s: build,
    loop_s: run.wallTime,
    rtf: run.wallTime / (durationMs / 1000),
    pre_spikes: preMon.numSpikes,
    post_spikes: postMon.numSpikes,
    post_rate_hz: postMon.numSpikes / npost / (durationMs / 1000),
    updates,
    updates_per_s: updates / run.wallTime,
    w_frac_below_0p1: below / proj.size,
    w_frac_above_0p9: above / proj.size,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    heap_bytes_per_step: heap,
  };
}

interface BrianResult {
  t_loop: number;
  post_rate_Hz: number;
  syn_events: number;
  events_per_s_loop: number;
  w_frac_below_0p1: number;
  w_frac_above_0p9: number;
}

/** Runs the shared Brian2 anchor `stdp.py` from a temporary copy (it writes build/ beside itself). */
function runBrian(npre: number, npost: number, durationMs: number): BrianResult | string {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = join(here, '..', '..', 'shared', 'anchors', 'brian2');
  const python = process.env.BRIAN_PYTHON ?? '/usr/bin/python3';
  if (!existsSync(join(dir, 'stdp.py'))) return 'Brian2 anchor script not found beside the checkout (shared/anchors/brian2/stdp.py)';
  const work = mkdtempSync(join(tmpdir(), 'engram-brian-'));
  try {
    for (const f of ['stdp.py', 'common.py']) copyFileSync(join(dir, f), join(work, f));
    const args = [join(work, 'stdp.py'), '--target', 'cpp_standalone', '--Npre', String(npre), '--Npost', String(npost), '--duration', String(durationMs / 1000)];
    const out = execFileSync(python, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24, cwd: work });
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) return 'Brian2 printed no RESULT line';
    return JSON.parse(line.slice(7)) as BrianResult;
  } catch (e) {
    return `Brian2 could not run (${(e as Error).message.split('\n')[0]}); install python3-brian`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toPrecision(digits) : String(x);
}

/** The `stdp` benchmark's command line. */
export async function stdpMain(args: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      npre: { type: 'string', default: '1000' },
      npost: { type: 'string', default: '1000' },
      duration: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      brian: { type: 'boolean', default: false },
      breakdown: { type: 'boolean', default: false },
      model: { type: 'string', default: 'euler' },
    },
    strict: true,
  });
  const npre = Number(values.npre);
  const npost = Number(values.npost);
  const duration = Number(values.duration);
  const seed = Number(values.seed);
  for (const [name, v, min] of [['npre', npre, 1], ['npost', npost, 1], ['seed', seed, 0]] as const) {
    if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer >= ${min}, got '${values[name]}'`);
  }
  if (!(duration > 0) || Math.abs(Math.round(duration * 10) - duration * 10) > 1e-9) {
    throw new Error(`--duration must be a positive multiple of 0.1 ms, got '${values.duration}'`);
  }
  const model = values.model;
  if (model !== 'euler' && model !== 'cond') throw new Error(`--model must be 'euler' or 'cond', got '${model}'`);
  const r = runStdp(npre, npost, duration, seed, true, model);
  const row: Record<string, unknown> = { ...r };
  if (values.breakdown) {
    const s = runStdp(npre, npost, duration, seed, false, model);
    row.static_loop_s = s.loop_s;
    row.static_post_rate_hz = s.post_rate_hz;
  }
  if (values.brian) {
    const b = runBrian(npre, npost, duration);
    if (typeof b === 'string') {
      row.brian_error = b;
    } else {
      row.brian_loop_s = b.t_loop;
      row.brian_rtf = b.t_loop / (duration / 1000);
      row.brian_post_rate_hz = b.post_rate_Hz;
      row.brian_events_per_s = b.events_per_s_loop;
      row.brian_w_frac_below_0p1 = b.w_frac_below_0p1;
      row.brian_w_frac_above_0p9 = b.w_frac_above_0p9;
      row.ratio = r.loop_s / b.t_loop;
    }
  }
  if (values.json) {
    out(JSON.stringify(row));
    return 0;
  }
  const neuron = model === 'euler' ? "Brian2's conductance LIF (forward Euler)" : 'IFCondExp (RKF45)';
  out(`STDP (Song et al. 2000 as Brian2's example): ${npre} Poisson inputs at 15 Hz -> ${npost} neurons ${neuron}, all-to-all additive pair STDP, ${duration / 1000} s at dt = 0.1 ms`);
  out(`  synapses ${r.synapses}, build ${fmt(r.build_s)} s, loop ${fmt(r.loop_s)} s (${fmt(r.rtf)} s per biological second), peak ${fmt(r.peak_rss_mb)} MB, heap ${fmt(r.heap_bytes_per_step)} B allocated per step (goal 0)`);
  out(`  output rate ${fmt(r.post_rate_hz)} Hz; plastic-synapse updates ${r.updates} = ${fmt(r.updates_per_s)} per second of loop`);
  out(`  final weights: ${fmt(100 * r.w_frac_below_0p1)} % below 0.1 gmax, ${fmt(100 * r.w_frac_above_0p9)} % above 0.9 gmax`);
  if (values.breakdown) out(`  same network with static synapses: loop ${fmt(row.static_loop_s as number)} s, output ${fmt(row.static_post_rate_hz as number)} Hz`);
  if (values.brian) {
    if (row.brian_error) out(`  ${row.brian_error}`);
    else {
      out(`  Brian2 2.5.1 C++ standalone: loop ${fmt(row.brian_loop_s as number)} s (${fmt(row.brian_rtf as number)} s per biological second), output ${fmt(row.brian_post_rate_hz as number)} Hz, ${fmt(row.brian_events_per_s as number)} updates/s`);
      out(`  Engram / Brian2 loop time: ${fmt(row.ratio as number)}`);
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  stdpMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(2);
    },
  );
}
