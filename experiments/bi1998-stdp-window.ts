/**
 * The STDP window (Bi & Poo 1998): the weight change after 60 pairings at 1 Hz of a
 * presynaptic spike and a postsynaptic spike dt = t_post - t_pre apart, measured through
 * the network for dt from -100 to +100 ms, beside the rule's analytic window. One
 * synapse per dt; each postsynaptic neuron is made to fire at the chosen time by a
 * "teacher" input (fast synapse, large weight), while the plastic synapse is too weak to
 * matter (weights in units of 1e-6 nA).
 *
 * Rules: pair STDP all-to-all and nearest-neighbour (identical at 1 Hz: pairs 1 s apart do
 * not interact), with the exponential fit of Bi & Poo's data used throughout modelling,
 * tau+ = 16.8 ms and tau- = 33.7 ms, and the amplitudes of Song et al. (2000), A+ = 0.005,
 * A- = 0.00525; and the symmetric inhibitory window of Vogels et al. (2011).
 *
 *   npx tsx experiments/bi1998-stdp-window.ts [--quick] [--step 2]
 */
import {
  AdditiveWeightDependence,
  IFCurrExp,
  Network,
  SpikePairRule,
  SpikeSourceArray,
  STDPMechanism,
  Vogels2011Rule,
  oneToOne,
  pairWindow,
  type TimingDependence,
} from '../src/index.js';
import type { Comparison, ExperimentContext, ExperimentMeta, ExperimentOutput, FigureSpec, ParameterValues } from '../src/io/experiment.js';
import { runIfMain } from '../src/cli/runIfMain.js';

/** Weight change per unit amplitude, nA: small enough never to affect the neuron. */
const SCALE = 1e-6;
/** A neuron that fires exactly two steps (0.2 ms) after each teacher spike. */
export const FOLLOWER = Object.freeze({ tauSynE: 0.01, tauRefrac: 0.1, tauM: 20, cm: 1, vRest: -65, vReset: -65, vThresh: -50 });
export const TEACHER_WEIGHT = 5000;

export const meta: ExperimentMeta = {
  name: 'bi1998-stdp-window',
  title: 'The STDP window of each pair rule (Bi & Poo 1998 protocol)',
  description: 'Weight change after 60 pre/post pairings at 1 Hz against t_post - t_pre, for pair STDP (all-to-all, nearest) and Vogels 2011, beside the analytic windows',
  paper:
    'Bi G.-Q. & Poo M.-M. (1998) Synaptic modifications in cultured hippocampal neurons: dependence on spike timing, synaptic strength, and postsynaptic cell type. J. Neurosci. 18:10464-10472; windows as used by Song, Miller & Abbott (2000) and Vogels et al. (2011)',
  expected:
    'Potentiation for post after pre (dt >= 0; dt = 0 counts as causal because Engram processes the presynaptic spike first), depression for post before pre, decaying with 16.8 ms and 33.7 ms; measured points equal 60 x the analytic window to Float32 precision (max error < 1e-5 of A+). All-to-all and nearest coincide at 1 Hz. Vogels 2011: symmetric, eta (exp(-|dt|/tau) - alpha).',
  runtime: 'about 1-2 s (quick: under 1 s)',
  parameters: {
    step: { type: 'number', default: 2, quick: 5, min: 0.1, max: 50, unit: 'ms', description: 'spacing of the dt values in [-100, 100]' },
    pairs: { type: 'integer', default: 60, quick: 20, min: 1, max: 1000, unit: '', description: 'pairings per synapse (at 1 Hz)' },
    tauPlus: { type: 'number', default: 16.8, min: 0.1, max: 1000, unit: 'ms', description: 'potentiation time constant (Bi & Poo fit)' },
    tauMinus: { type: 'number', default: 33.7, min: 0.1, max: 1000, unit: 'ms', description: 'depression time constant (Bi & Poo fit)' },
    aPlus: { type: 'number', default: 0.005, min: 0, max: 1, unit: '', description: 'potentiation amplitude (Song et al. 2000)' },
    aMinus: { type: 'number', default: 0.00525, min: 0, max: 1, unit: '', description: 'depression amplitude (Song et al. 2000)' },
  },
};

/** Measures the total weight change of one synapse per dt (ms) under `pairs` pairings at `rateHz`, through a network. */
export function measureWindow(timing: TimingDependence, dts: readonly number[], pairs: number, rateHz: number, seed: number): { dw: number[]; updates: number } {
  const dt = 0.1;
  const net = new Network({ dt, seed });
  const period = 1000 / rateHz;
  const t0 = 200; // room for dt < 0
  const pre: number[][] = [];
  const teach: number[][] = [];
  for (const d of dts) {
    const times = Array.from({ length: pairs }, (_, j) => t0 + j * period);
    pre.push(times);
    // the rule sees spikes at their somatic times (dendriticDelayFraction 0.5, delay 0.2 ms); the follower fires 0.2 ms after its teacher
    teach.push(times.map((t) => Math.round((t + d - 0.2) / dt) * dt));
  }
  const n = dts.length;
  const preP = net.population(SpikeSourceArray, n, { params: { spikeTimes: pre }, label: 'pre' });
  const teacher = net.population(SpikeSourceArray, n, { params: { spikeTimes: teach }, label: 'teacher' });
  const post = net.population(IFCurrExp, n, { params: FOLLOWER, label: 'post' });
  net.connect(teacher, post, oneToOne(), { weight: TEACHER_WEIGHT });
  const rule = new STDPMechanism({
    timing,
    weight: new AdditiveWeightDependence({ wMin: -Infinity, wMax: Infinity, scale: SCALE }),
    dendriticDelayFraction: 0.5,
  });
  const proj = net.connect(preP, post, oneToOne(), { weight: 0, delay: 0.2, plasticity: rule });
  const end = t0 + (pairs - 1) * period + Math.max(0, ...dts) + 50;
  net.run(Math.ceil(end / dt) * dt);
  return { dw: Array.from(proj.weight, (w) => w / SCALE), updates: proj.plasticity!.updates };
}

export async function run(params: ParameterValues, context: ExperimentContext): Promise<ExperimentOutput> {
  const step = Number(params.step);
  const pairs = Number(params.pairs);
  const dts: number[] = [];
  for (let k = -Math.floor(100 / step); k * step <= 100 + 1e-9; k++) dts.push(Math.round(k * step * 10) / 10);
  const pair = { tauPlus: Number(params.tauPlus), tauMinus: Number(params.tauMinus), aPlus: Number(params.aPlus), aMinus: Number(params.aMinus) };
  const rules: Array<{ key: string; name: string; timing: TimingDependence }> = [
    { key: 'pairAllToAll', name: 'pair, all-to-all', timing: new SpikePairRule({ ...pair, interaction: 'all-to-all' }) },
    { key: 'pairNearest', name: 'pair, nearest neighbour', timing: new SpikePairRule({ ...pair, interaction: 'nearest' }) },
    { key: 'vogels2011', name: 'Vogels 2011 (eta 0.005, rho 5 Hz, tau 20 ms)', timing: new Vogels2011Rule({ tau: 20, eta: 0.005, rho: 5 }) },
  ];
  const theoryDt: number[] = [];
  for (let t = -100; t <= 100 + 1e-9; t += 0.5) theoryDt.push(Math.round(t * 10) / 10);
  const series: Record<string, unknown> = { dt: dts, theoryDt };
  const metrics: Record<string, number> = { pairs, points: dts.length };
  const comparisons: Comparison[] = [];
  const figures: FigureSpec[] = [];
  const t0 = performance.now();
  let done = 0;
  for (const r of rules) {
    if (context.signal.aborted) break;
    const m = measureWindow(r.timing, dts, pairs, 1, context.seed);
    done++;
    context.onProgress({ done, total: rules.length, unit: 'rules', label: r.name });
    const perPairing = m.dw.map((x) => x / pairs);
    const analytic = dts.map((d) => pairWindow(r.timing.traces, d));
    const amp = Math.max(...analytic.map(Math.abs));
    let maxErr = 0;
    perPairing.forEach((x, i) => (maxErr = Math.max(maxErr, Math.abs(x - analytic[i]) / amp)));
    metrics[`${r.key}_max_rel_error`] = maxErr;
    metrics[`${r.key}_dw_at_plus10`] = perPairing[dts.indexOf(10)] ?? NaN;
    metrics[`${r.key}_dw_at_minus10`] = perPairing[dts.indexOf(-10)] ?? NaN;
    metrics[`${r.key}_updates`] = m.updates;
    series[`${r.key}_dw`] = perPairing;
    series[`${r.key}_theory`] = theoryDt.map((d) => pairWindow(r.timing.traces, d));
    comparisons.push({
      name: `${r.name}: largest |measured - analytic| / max |window|`,
      measured: maxErr,
      expected: 0,
      source: 'analytic window of the rule (pairWindow), 60 independent pairings at 1 Hz',
      tolerance: 1e-5,
      pass: maxErr <= 1e-5,
    });
    figures.push({
      kind: 'stdp-window',
      title: `STDP window: ${r.name}`,
      series: { dt: 'dt', dw: `${r.key}_dw`, theoryDt: 'theoryDt', theoryDw: `${r.key}_theory` },
      options: { yLabel: 'weight change per pairing (units of A)', measuredName: `network, ${pairs} pairings at 1 Hz`, theoryName: 'analytic window' },
    });
  }
  metrics.loop_s = (performance.now() - t0) / 1000;
  // LTP and LTD areas of the pair window (integrals over dt, ms)
  metrics.ltp_area_ms = pair.aPlus * pair.tauPlus;
  metrics.ltd_area_ms = pair.aMinus * pair.tauMinus;
  return { backend: 'cpu', interrupted: context.signal.aborted, metrics, comparisons, series, figures };
}

runIfMain(import.meta.url, { meta, run });
