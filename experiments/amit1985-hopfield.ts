/**
 * Amit, Gutfreund & Sompolinsky (1985): storage capacity of the Hopfield network. Dense ±1
 * patterns, Hebbian couplings J_ij = (1/N) Σ ξ_i ξ_j (J_ii = 0); for N = 500, 1000, 2000 and
 * loads α = p/N up to 0.24, retrieval starts at a stored pattern and runs asynchronous
 * random-order updates to a fixed point. The mean final overlap is drawn against α beside
 * the replica-symmetric T = 0 solution, whose retrieval branch ends at α_c = 0.138.
 *
 *   npx tsx experiments/amit1985-hopfield.ts [--quick] [--seed 1]
 */
import { Rng } from '../src/core/rng.js';
import type {
  Comparison,
  ExperimentContext,
  ExperimentMeta,
  ExperimentOutput,
  FigureSpec,
  ParameterValues,
} from '../src/io/experiment.js';
import { runIfMain } from '../src/cli/runIfMain.js';
import { HopfieldNetwork, randomBipolarPattern } from '../src/memory/hopfield.js';
import { HOPFIELD_CRITICAL_LOAD, hopfieldRetrievalOverlap } from '../src/memory/hopfieldTheory.js';

/** Largest load simulated. */
const MAX_ALPHA = 0.24;
/** Loads at or below this are compared with the RS overlap (finite-size effects are small there). */
const COMPARE_BELOW = 0.1;
/** Absolute tolerance of those comparisons. */
const OVERLAP_TOLERANCE = 0.02;

/** What `engram list` shows and the parameters `engram run amit1985-hopfield` accepts. */
export const meta: ExperimentMeta = {
  name: 'amit1985-hopfield',
  title: 'Storage capacity of the Hopfield network (Amit, Gutfreund & Sompolinsky 1985)',
  description: 'Mean retrieval overlap against load alpha = p/N for N = 500, 1000, 2000, with the replica-symmetric curve and alpha_c = 0.138',
  paper:
    'Amit D.J., Gutfreund H. & Sompolinsky H. (1985) Storing infinite numbers of patterns in a spin-glass model of neural networks. Phys. Rev. Lett. 55:1530-1533; Hopfield J.J. (1982) PNAS 79:2554-2558',
  expected:
    'Mean overlap within 0.02 of the RS theory up to alpha = 0.10 (RS: 0.998 at 0.10, 0.993 at 0.12; N = 500 already loses single patterns at 0.12); it collapses above alpha_c = 0.138 ' +
    '(finite-size simulation, N = 1000: 0.93 at 0.15, 0.38 at 0.18), more sharply for larger N.',
  runtime: 'about 10 s by default, about 2 s with --quick (one core)',
  parameters: {
    sizes: { type: 'string', default: '500,1000,2000', quick: '500,1000', description: 'network sizes N, comma-separated' },
    alphaStep: {
      type: 'number',
      default: 0.02,
      quick: 0.03,
      min: 0.005,
      max: 0.12,
      unit: '',
      description: `spacing of the loads alpha = p/N simulated, from alphaStep to ${MAX_ALPHA}`,
    },
    tested: { type: 'integer', default: 10, quick: 10, min: 1, max: 1000, unit: '', description: 'stored patterns retrieved per load' },
    maxSweeps: { type: 'integer', default: 100, min: 1, max: 10000, unit: '', description: 'most asynchronous sweeps per retrieval' },
  },
};

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((s) => Number(s.trim()));
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 20 || n > 5000) throw new Error(`sizes: '${text}' must list integers in [20, 5000]`);
  }
  return sizes;
}

/**
 * Runs the capacity sweep (see {@link meta}); every random draw comes from `new Rng(context.seed)`.
 *
 * @example
 * const out = await run({ sizes: '500', alphaStep: 0.04, tested: 5, maxSweeps: 100 }, context);
 * out.metrics.N500_overlapAt0_08; // about 1
 */
export async function run(params: ParameterValues, context: ExperimentContext): Promise<ExperimentOutput> {
  const sizes = parseSizes(String(params.sizes));
  const step = Number(params.alphaStep);
  const tested = Number(params.tested);
  const maxSweeps = Number(params.maxSweeps);
  const root = new Rng(context.seed);
  const t0 = performance.now();
  const alphas: number[] = [];
  for (let i = 1; i * step <= MAX_ALPHA + 1e-9; i++) alphas.push(Math.round(i * step * 1e6) / 1e6);
  const total = sizes.length * alphas.length * tested;
  let done = 0;
  let interrupted = false;

  const metrics: Record<string, number> = {};
  const series: Record<string, unknown> = { alpha: alphas };
  const figures: FigureSpec[] = [];
  const comparisons: Comparison[] = [];
  const rows: (number | null)[][] = [];
  const names: string[] = [];

  const theoryAlpha = Array.from({ length: 141 }, (_, i) => (i * MAX_ALPHA) / 140);
  const theory = theoryAlpha.map((a) => {
    const m = hopfieldRetrievalOverlap(a);
    return Number.isNaN(m) ? null : m;
  });
  series.theoryAlpha = theoryAlpha;
  series.theoryOverlap = theory;

  for (const N of sizes) {
    const rng = root.fork(`N=${N}`);
    const net = new HopfieldNetwork(N);
    const patterns: Int8Array[] = [];
    const mean: (number | null)[] = [];
    const min: (number | null)[] = [];
    const sd: (number | null)[] = [];
    const state = new Int8Array(N);
    for (const alpha of alphas) {
      if (interrupted) {
        mean.push(null);
        min.push(null);
        sd.push(null);
        continue;
      }
      const p = Math.max(1, Math.round(alpha * N));
      while (patterns.length < p) {
        const x = randomBipolarPattern(N, rng);
        patterns.push(x);
        net.store(x);
      }
      const count = Math.min(tested, p);
      let s = 0;
      let s2 = 0;
      let lo = Infinity;
      for (let t = 0; t < count; t++) {
        state.set(patterns[t]);
        net.run(state, { mode: 'async', rng, maxSweeps });
        const m = net.overlap(state, patterns[t]);
        s += m;
        s2 += m * m;
        lo = Math.min(lo, m);
      }
      done += tested;
      const mu = s / count;
      mean.push(mu);
      min.push(lo);
      sd.push(count > 1 ? Math.sqrt(Math.max(0, (s2 - count * mu * mu) / (count - 1))) : 0);
      if (alpha <= COMPARE_BELOW + 1e-9) {
        const rs = hopfieldRetrievalOverlap(alpha);
        comparisons.push({
          name: `mean overlap, N = ${N}, alpha = ${alpha}`,
          measured: mu,
          expected: rs,
          source: 'theory: replica-symmetric T = 0 retrieval overlap (Amit, Gutfreund & Sompolinsky 1987)',
          tolerance: OVERLAP_TOLERANCE,
          pass: Math.abs(mu - rs) <= OVERLAP_TOLERANCE,
        });
      }
      metrics[`N${N}_overlapAt${String(alpha).replace('.', '_')}`] = mu;
      context.onProgress({ done, total, unit: 'retrievals', label: `N = ${N}, alpha = ${alpha}` });
      if (context.signal.aborted) interrupted = true;
    }
    context.log(`N = ${N}: mean overlap ${alphas.map((a, i) => `${a}: ${mean[i]?.toFixed(3) ?? '-'}`).join(', ')}`);
    rows.push(mean);
    names.push(`simulated, N = ${N}`);
    series[`N${N}_mean`] = mean;
    series[`N${N}_min`] = min;
    series[`N${N}_sd`] = sd;
    figures.push({
      kind: 'recall-load',
      title: `Hopfield network, N = ${N}: mean overlap after retrieval against load (dotted: alpha_c = 0.138)`,
      series: { load: 'alpha', quality: `N${N}_mean`, error: `N${N}_sd`, theoryLoad: 'theoryAlpha', theory: 'theoryOverlap' },
      options: {
        capacity: HOPFIELD_CRITICAL_LOAD,
        xLabel: 'load alpha = p / N',
        yLabel: 'mean overlap m with the stored pattern',
        measuredName: `simulated (mean ± sd of ${tested} patterns)`,
        theoryName: 'replica-symmetric theory, T = 0',
      },
    });
  }
  series.means = rows;
  figures.push({
    kind: 'line',
    title: 'Hopfield network: mean overlap against load, every N',
    series: { x: 'alpha', y: 'means' },
    options: { names, xLabel: 'load alpha = p / N', yLabel: 'mean overlap m', mode: 'lines+markers' },
  });
  metrics.criticalLoadTheory = HOPFIELD_CRITICAL_LOAD;
  metrics.pointsCompared = comparisons.length;
  metrics.comparisonsFailed = comparisons.filter((c) => !c.pass).length;
  metrics.wallTimeS = (performance.now() - t0) / 1000;
  return { metrics, series, figures, comparisons, backend: 'cpu', interrupted };
}

runIfMain(import.meta.url, { meta, run });
