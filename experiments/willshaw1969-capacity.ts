/**
 * Willshaw, Buneman & Longuet-Higgins (1969): capacity of the binary (clipped Hebbian)
 * associative memory. For n = 1000, 2048, 4096 units and k = round(log2 n) active units per
 * pattern, patterns are stored until the matrix load reaches 0.6; at a grid of loads,
 * stored patterns are retrieved from
 *   A. the full pattern (c = k), threshold θ = c;
 *   B. half the pattern (erasures), θ = c;
 *   C. half the pattern plus f inserted spurious units, θ = c;
 *   D. the same cue as C, k-WTA retrieval;
 *   E. the same cue as C, iterated k-WTA to a fixed point.
 * The mean number of false positives of A-C is compared with the exact expectation of
 * `willshawExpectedFalsePositives` (theory.md 2.2; within 4 standard errors), and P(perfect)
 * with its Poisson approximation exp(−E[FP]).
 *
 *   npx tsx experiments/willshaw1969-capacity.ts [--quick] [--seed 1]
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
import { WillshawMemory } from '../src/memory/willshaw.js';
import { recallErrors, summarizeRecalls, type RecallErrors } from '../src/memory/willshawMetrics.js';
import { willshawExpectedFalsePositives, willshawLoad, willshawPatternsForLoad } from '../src/memory/willshawTheory.js';
import { sampleSorted } from '../src/sdr/randomSource.js';

/** Largest load simulated. */
const MAX_LOAD = 0.6;
/** Smallest load simulated. */
const MIN_LOAD = 0.05;
/** Comparisons pass within this many standard errors. */
const TOLERANCE_SE = 4;

/** What `engram list` shows and the parameters `engram run willshaw1969-capacity` accepts. */
export const meta: ExperimentMeta = {
  name: 'willshaw1969-capacity',
  title: 'Capacity of the Willshaw binary associative memory (Willshaw, Buneman & Longuet-Higgins 1969)',
  description: 'False positives and P(perfect) against matrix load for n = 1000, 2048, 4096, k = log2 n; erasures, insertions, threshold and k-WTA retrieval',
  paper:
    'Willshaw D.J., Buneman O.P. & Longuet-Higgins H.C. (1969) Non-holographic associative memory. Nature 222:960-962; Palm G. (1980) On associative memory. Biol. Cybern. 36:19-31',
  expected:
    'Simulated mean false positives agree with the exact expectation within 4 standard errors at every load (e.g. n = 1000, k = 10, M = 7700, load 0.50: full cue 1.22, half cue 32.7). ' +
    'Erasures are cheap below load 0.2 (half cue, n = 2048: E[FP] = 0.16 at load 0.2), insertions hurt far more, and k-WTA keeps far fewer errors than the fixed threshold once insertions are present. ' +
    'At load 0.5 the memory holds about 0.6 bits per synapse (upper bound, error-free recall).',
  runtime: 'about 10-20 s by default, about 2 s with --quick (one core)',
  parameters: {
    sizes: {
      type: 'string',
      default: '1000,2048,4096',
      quick: '1000,2048',
      description: 'memory sizes n, comma-separated; k = round(log2 n)',
    },
    loads: { type: 'integer', default: 12, quick: 6, min: 2, max: 100, unit: '', description: `matrix loads simulated, evenly from ${MIN_LOAD} to ${MAX_LOAD}` },
    trials: { type: 'integer', default: 2000, quick: 300, min: 10, max: 1e7, unit: '', description: 'retrievals per load and condition' },
    cueFraction: { type: 'number', default: 0.5, min: 0.05, max: 1, unit: '', description: 'fraction of the pattern in the partial cues (B-E)' },
    insertions: { type: 'integer', default: 2, min: 0, max: 1000, unit: '', description: 'spurious units added to the cues of C-E' },
  },
};

/** The retrieval conditions, in the order of the figures. */
const CONDITIONS = ['full', 'half', 'noisy', 'kwta', 'iterated'] as const;
type Condition = (typeof CONDITIONS)[number];
const LABELS: Record<Condition, string> = {
  full: 'full cue, θ = c',
  half: 'partial cue, θ = c',
  noisy: 'partial cue + insertions, θ = c',
  kwta: 'partial cue + insertions, k-WTA',
  iterated: 'partial cue + insertions, iterated k-WTA',
};

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((s) => Number(s.trim()));
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 16 || n > 16384) throw new Error(`sizes: '${text}' must list integers in [16, 16384]`);
  }
  return sizes;
}

/**
 * Runs the capacity sweep (see {@link meta}); every random draw comes from
 * `new Rng(context.seed)` (one forked stream per size).
 *
 * @example
 * const out = await run({ sizes: '1000', loads: 4, trials: 200, cueFraction: 0.5, insertions: 2 }, context);
 * out.metrics.comparisonsFailed; // 0
 */
export async function run(params: ParameterValues, context: ExperimentContext): Promise<ExperimentOutput> {
  const sizes = parseSizes(String(params.sizes));
  const nLoads = Number(params.loads);
  const trials = Number(params.trials);
  const cueFraction = Number(params.cueFraction);
  const f = Number(params.insertions);
  const root = new Rng(context.seed);
  const t0 = performance.now();
  const targetLoads = Array.from({ length: nLoads }, (_, i) => MIN_LOAD + ((MAX_LOAD - MIN_LOAD) * i) / (nLoads - 1));
  const total = sizes.length * nLoads * trials * CONDITIONS.length;
  let done = 0;
  let interrupted = false;

  const metrics: Record<string, number> = {};
  const series: Record<string, unknown> = {};
  const figures: FigureSpec[] = [];
  const comparisons: Comparison[] = [];
  let maxAbsZ = 0;
  const perfectRows: (number | null)[][] = [];
  const perfectNames: string[] = [];

  for (const n of sizes) {
    const k = Math.round(Math.log2(n));
    const c = Math.max(1, Math.round(k * cueFraction));
    const rng = root.fork(`n=${n}`);
    const Ms = targetLoads.map((p) => Math.round(willshawPatternsForLoad({ n, k, load: p })));
    const patterns: Uint32Array[] = [];
    const mem = new WillshawMemory(n);
    const out = new Uint32Array(n);
    const cue = new Uint32Array(k + f);
    const inPattern = new Uint8Array(n);
    const measuredLoad: number[] = [];
    const sim: Record<Condition, { fp: (number | null)[]; fn: (number | null)[]; perfect: (number | null)[] }> = {
      full: { fp: [], fn: [], perfect: [] },
      half: { fp: [], fn: [], perfect: [] },
      noisy: { fp: [], fn: [], perfect: [] },
      kwta: { fp: [], fn: [], perfect: [] },
      iterated: { fp: [], fn: [], perfect: [] },
    };
    const exact: Record<'full' | 'half' | 'noisy', number[]> = { full: [], half: [], noisy: [] };
    for (let li = 0; li < nLoads; li++) {
      const M = Ms[li];
      exact.full.push(willshawExpectedFalsePositives({ n, k, M, c: k }));
      exact.half.push(willshawExpectedFalsePositives({ n, k, M, c }));
      exact.noisy.push(willshawExpectedFalsePositives({ n, k, M, c, f }));
      if (interrupted) {
        for (const cond of CONDITIONS) {
          sim[cond].fp.push(null);
          sim[cond].fn.push(null);
          sim[cond].perfect.push(null);
        }
        measuredLoad.push(willshawLoad({ n, k, M }));
        continue;
      }
      while (patterns.length < M) {
        const p = sampleSorted(rng, n, k);
        patterns.push(p);
        mem.store(p);
      }
      measuredLoad.push(mem.load());
      for (const cond of CONDITIONS) {
        const errors: RecallErrors[] = [];
        for (let t = 0; t < trials; t++) {
          const p = patterns[rng.int(M)];
          const cSize = cond === 'full' ? k : c;
          const pick = sampleSorted(rng, k, cSize);
          for (let i = 0; i < cSize; i++) cue[i] = p[pick[i]];
          let size = cSize;
          if (cond !== 'full' && cond !== 'half') {
            for (let i = 0; i < k; i++) inPattern[p[i]] = 1;
            while (size < cSize + f) {
              const u = rng.int(n);
              if (inPattern[u] === 1) continue;
              inPattern[u] = 1;
              cue[size++] = u;
            }
            for (let i = 0; i < k; i++) inPattern[p[i]] = 0;
            for (let i = cSize; i < size; i++) inPattern[cue[i]] = 0;
            cue.subarray(0, size).sort();
          }
          const cueView = cue.subarray(0, size);
          let count: number;
          if (cond === 'kwta') count = mem.recallInto(cueView, out, { k, rng });
          else if (cond === 'iterated') {
            const res = mem.recallIterative(cueView, { mode: 'kwta', k, rng, maxIterations: 10 });
            count = res.sdr.sparse.length;
            out.set(res.sdr.sparse);
          } else count = mem.recallInto(cueView, out, { threshold: cSize });
          errors.push(recallErrors(out.subarray(0, count), p));
        }
        done += trials;
        const s = summarizeRecalls(errors);
        sim[cond].fp.push(s.meanFalsePositives);
        sim[cond].fn.push(s.meanFalseNegatives);
        sim[cond].perfect.push(s.perfectFraction);
        if (cond === 'full' || cond === 'half' || cond === 'noisy') {
          const e = exact[cond][li];
          const se = Math.max(s.sdFalsePositives, Math.sqrt(e)) / Math.sqrt(trials);
          const tolerance = TOLERANCE_SE * se;
          const z = se > 0 ? Math.abs(s.meanFalsePositives - e) / se : 0;
          maxAbsZ = Math.max(maxAbsZ, z);
          comparisons.push({
            name: `mean false positives, n = ${n}, k = ${k}, M = ${M}, ${LABELS[cond]} (c = ${cond === 'full' ? k : c}${cond === 'noisy' ? `, f = ${f}` : ''})`,
            measured: s.meanFalsePositives,
            expected: e,
            source: 'theory: exact E[FP] for random fixed-weight patterns (theory.md 2.2)',
            tolerance,
            pass: Math.abs(s.meanFalsePositives - e) <= tolerance,
          });
        }
        context.onProgress({ done, total, unit: 'retrievals', label: `n = ${n}, load ${targetLoads[li].toFixed(2)}` });
        if (context.signal.aborted) interrupted = true;
      }
    }
    const lastLoaded = measuredLoad.length;
    context.log(
      `n = ${n}, k = ${k}, c = ${c}, f = ${f}: at load ${measuredLoad[lastLoaded - 1]?.toFixed(3)} (M = ${Ms[nLoads - 1]}) ` +
        `E[FP] full ${exact.full[nLoads - 1].toPrecision(4)} (sim ${sim.full.fp[nLoads - 1]?.toPrecision(4) ?? '-'}), ` +
        `partial ${exact.half[nLoads - 1].toPrecision(4)} (sim ${sim.half.fp[nLoads - 1]?.toPrecision(4) ?? '-'})`,
    );
    // ----- series, figures, metrics for this size -------------------------------------------
    const key = `n${n}`;
    series[`${key}_load`] = measuredLoad;
    series[`${key}_theoryLoad`] = Ms.map((M) => willshawLoad({ n, k, M }));
    series[`${key}_fp`] = [
      exact.full,
      sim.full.fp,
      exact.half,
      sim.half.fp,
      exact.noisy,
      sim.noisy.fp,
      sim.kwta.fp,
      sim.iterated.fp,
    ].map((row) => row.map((v) => (v === null || !(v > 0) ? null : v)));
    series[`${key}_M`] = Ms;
    figures.push({
      kind: 'line',
      title: `Willshaw memory, n = ${n}, k = ${k}: false positives against load (c = ${c}, f = ${f})`,
      series: { x: `${key}_load`, y: `${key}_fp` },
      options: {
        names: [
          `exact, ${LABELS.full}`,
          `simulated, ${LABELS.full}`,
          `exact, ${LABELS.half}`,
          `simulated, ${LABELS.half}`,
          `exact, ${LABELS.noisy}`,
          `simulated, ${LABELS.noisy}`,
          `simulated, ${LABELS.kwta}`,
          `simulated, ${LABELS.iterated}`,
        ],
        xLabel: 'matrix load p1 (fraction of 1 synapses)',
        yLabel: 'mean false positives per retrieval',
        mode: 'lines+markers',
        logY: true,
      },
    });
    series[`${key}_perfect`] = sim.half.perfect;
    series[`${key}_perfectTheory`] = exact.half.map((e) => Math.exp(-e));
    figures.push({
      kind: 'recall-load',
      title: `Willshaw memory, n = ${n}, k = ${k}: P(perfect retrieval) from ${c} of ${k} units, θ = c`,
      series: { load: `${key}_M`, quality: `${key}_perfect`, theoryLoad: `${key}_M`, theory: `${key}_perfectTheory` },
      options: {
        capacity: Math.round(willshawPatternsForLoad({ n, k, load: 0.5 })),
        xLabel: 'stored patterns M (dotted: load 0.5)',
        yLabel: 'P(perfect retrieval)',
        measuredName: 'simulated',
        theoryName: 'exp(−E[FP]), exact E[FP]',
      },
    });
    for (const cond of CONDITIONS) {
      perfectRows.push(sim[cond].perfect);
      perfectNames.push(`n = ${n}: ${LABELS[cond]}`);
    }
    const M05 = Math.round(willshawPatternsForLoad({ n, k, load: 0.5 }));
    let logC = 0;
    for (let i = 0; i < k; i++) logC += Math.log2((n - i) / (i + 1));
    metrics[`${key}_k`] = k;
    metrics[`${key}_bitsPerSynapseAtHalfLoad`] = (M05 * logC) / (n * n);
    metrics[`${key}_maxLoadSimulated`] = measuredLoad[measuredLoad.length - 1];
    metrics[`${key}_fullCueFalsePositivesLast`] = sim.full.fp[nLoads - 1] ?? NaN;
    metrics[`${key}_fullCueFalsePositivesLastExact`] = exact.full[nLoads - 1];
    const kw = sim.kwta.fp[nLoads - 1];
    const th = sim.noisy.fp[nLoads - 1];
    metrics[`${key}_insertionsThetaErrorsLast`] = th ?? NaN;
    metrics[`${key}_insertionsKwtaErrorsLast`] = kw === null ? NaN : kw + (sim.kwta.fn[nLoads - 1] ?? 0);
    // theory: the most patterns at which a partial cue still retrieves perfectly half the time
    let lo = 1;
    let hi = Ms[nLoads - 1] * 4;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (willshawExpectedFalsePositives({ n, k, M: mid, c }) <= Math.LN2) lo = mid;
      else hi = mid;
    }
    metrics[`${key}_patternsHalfPerfectPartialCueTheory`] = lo;
    metrics[`${key}_loadHalfPerfectPartialCueTheory`] = willshawLoad({ n, k, M: lo });
  }

  series.targetLoad = targetLoads;
  series.perfect = perfectRows;
  figures.push({
    kind: 'line',
    title: 'P(perfect retrieval) against target load, every size and condition',
    series: { x: 'targetLoad', y: 'perfect' },
    options: { names: perfectNames, xLabel: 'matrix load p1', yLabel: 'P(perfect retrieval)', mode: 'lines+markers' },
  });
  metrics.pointsCompared = comparisons.length;
  metrics.comparisonsFailed = comparisons.filter((x) => !x.pass).length;
  metrics.maxAbsZ = maxAbsZ;
  metrics.retrievals = done;
  metrics.wallTimeS = (performance.now() - t0) / 1000;
  return { metrics, series, figures, comparisons, backend: 'cpu', interrupted };
}

runIfMain(import.meta.url, { meta, run });
