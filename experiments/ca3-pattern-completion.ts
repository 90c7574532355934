/**
 * Pattern completion in a spiking CA3 autoassociative network (`CA3Autoassociative`):
 * recurrent collaterals learned by the spiking Willshaw rule (`ClippedHebbianRule`) while
 * random k-of-n patterns are presented through mossy fibres (`sdrToVolley`), feedback
 * inhibition proportional to the activity (basket cells), recall from a fraction of a pattern
 * (and inserted noise cells), read out with `spikeWindowToSDR`. Compared with the Willshaw
 * memory of the same n, k, M: the first wave after the cue is a one-step threshold retrieval
 * with θ(A) = ceil(α·A + β) (A = cue cells), so its mean false positives are compared with the
 * exact `willshawExpectedFalsePositives({ n, k, M, c, f, theta })`; the recall quality is the
 * normalised overlap |R ∩ P| / sqrt(|R| k), whose Willshaw prediction is sqrt(k / (k + E[FP]))
 * (no misses when θ <= c).
 *
 *   npx tsx experiments/ca3-pattern-completion.ts [--quick] [--seed 1] [--n 10000 --k 13]
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
import { CA3Autoassociative } from '../src/memory/ca3Autoassociative.js';
import { willshawExpectedFalsePositives, willshawLoad, willshawPatternsForLoad } from '../src/memory/willshawTheory.js';
import { sampleSorted } from '../src/sdr/randomSource.js';
import { SDR } from '../src/sdr/sdr.js';

/** Comparisons of the mean false positives pass within this many standard errors (plus 15 % of E[FP]: relay collisions, float margins). */
const TOLERANCE_SE = 4;
const TOLERANCE_REL = 0.15;

/** What `engram list` shows and the parameters `engram run ca3-pattern-completion` accepts. */
export const meta: ExperimentMeta = {
  name: 'ca3-pattern-completion',
  title: 'Pattern completion in a spiking CA3 network with learned (clipped Hebbian) collaterals, against the Willshaw prediction',
  description: 'Spiking CA3 (LIF + feedback inhibition), collaterals learned by the spiking Willshaw rule; recall overlap against load, cue fraction and noise, with the Willshaw curve',
  paper:
    'Marr D. (1971) Simple memory: a theory for archicortex. Phil. Trans. R. Soc. B 262:23-81; Willshaw D.J., Buneman O.P. & Longuet-Higgins H.C. (1969) Nature 222:960; ' +
    'Knoblauch A. & Palm G. (2001) Pattern separation and synchronization in spiking associative memories. Neural Networks 14:763; Rolls E.T. (2013) Front. Syst. Neurosci. 7:74',
  expected:
    'The learned collaterals equal the clipped Hebbian matrix of the presented patterns. Recall from half a pattern is perfect at low load (overlap 1 at load 0.1) and degrades with load as the Willshaw prediction says: ' +
    'the first wave\'s mean false positives agree with the exact E[FP] at θ(A) within 4 standard errors + 15 % (n = 1000, k = 10, c = 5: load 0.3 FP 2.65 vs 2.78, overlap 0.90 vs 0.89; load 0.5 FP 30.9 vs 32.6, overlap 0.50 vs 0.48). ' +
    'Later waves keep the recalled set. Larger cue fractions recall better; one inserted noise cell raises the proportional threshold to c + 1 and loses most non-cue pattern cells (overlap about 0.65-0.7).',
  runtime: 'about 3-5 min by default (n = 1000, mostly learning 7700 patterns), about 2 s with --quick (n = 256); n = 10000 needs 2 GB and learns about 0.6 simulated s per wall s',
  parameters: {
    n: { type: 'integer', default: 1000, quick: 256, min: 16, max: 20000, unit: '', description: 'CA3 cells' },
    k: { type: 'integer', default: 0, min: 0, max: 1000, unit: '', description: 'active cells per pattern; 0 = round(log2 n)' },
    loads: { type: 'string', default: '0.05,0.1,0.2,0.3,0.4,0.5', quick: '0.1,0.3,0.5', description: 'matrix loads at which recall is measured (patterns M from willshawPatternsForLoad)' },
    trials: { type: 'integer', default: 40, quick: 12, min: 1, max: 10000, unit: '', description: 'recalls per point' },
    cueFraction: { type: 'number', default: 0.5, min: 0.05, max: 1, unit: '', description: 'fraction of the pattern in the cue (load sweep)' },
    cueFractions: { type: 'string', default: '0.2,0.3,0.5,0.7,1', quick: '0.3,0.6,1', description: 'cue fractions of the cue sweep (at the last load)' },
    noise: { type: 'integer', default: 1, min: 0, max: 100, unit: '', description: 'noise cells inserted into the cue of the noise condition' },
    inhibition: { type: 'number', default: 0, min: 0, max: 1, unit: '', description: 'feedback inhibition α per CA3 spike (units of wRec); 0 = 1 − 1/(k + 1) (Willshaw threshold θ = c)' },
  },
};

interface Point {
  readonly overlap: number;
  readonly overlapSd: number;
  readonly fp: number;
  readonly fpSd: number;
  readonly fn: number;
  readonly finalOverlap: number;
}

const quality = (r: SDR, p: SDR, k: number): number => (r.sparse.length === 0 ? 0 : r.overlap(p) / Math.sqrt(r.sparse.length * k));

function meanSd(xs: readonly number[]): [number, number] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.length > 1 ? xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1) : 0;
  return [m, Math.sqrt(v)];
}

function parseList(name: string, text: string, lo: number, hi: number): number[] {
  const xs = text.split(',').map((s) => Number(s.trim()));
  for (const x of xs) if (!Number.isFinite(x) || x < lo || x > hi) throw new Error(`${name}: '${text}' must list numbers in [${lo}, ${hi}]`);
  return xs;
}

/**
 * Runs the experiment (see {@link meta}); every random draw comes from `new Rng(context.seed)`.
 *
 * @example
 * const out = await run({ n: 256, k: 0, loads: '0.1,0.5', trials: 10, cueFraction: 0.5, cueFractions: '0.5,1', noise: 1, inhibition: 0 }, context);
 * out.metrics.overlapFirstLoad; // 1
 */
export async function run(params: ParameterValues, context: ExperimentContext): Promise<ExperimentOutput> {
  const n = Number(params.n);
  const k = Number(params.k) > 0 ? Number(params.k) : Math.round(Math.log2(n));
  if (k > n) throw new Error(`k = ${k} must be <= n = ${n}`);
  const loads = parseList('loads', String(params.loads), 0.001, 0.95).sort((a, b) => a - b);
  const fractions = parseList('cueFractions', String(params.cueFractions), 0.01, 1);
  const trials = Number(params.trials);
  const cueFraction = Number(params.cueFraction);
  const f = Number(params.noise);
  const alpha = Number(params.inhibition);
  const root = new Rng(context.seed);
  const rng = root.fork('patterns');
  const t0 = performance.now();
  const net = new CA3Autoassociative({ n, k, seed: root.fork('network').int(2 ** 31), ...(alpha > 0 ? { inhibition: alpha } : {}) });
  const Ms = loads.map((load) => Math.max(1, Math.round(willshawPatternsForLoad({ n, k, load }))));
  const patterns: SDR[] = [];
  const c = Math.max(1, Math.round(cueFraction * k));
  const comparisons: Comparison[] = [];
  const metrics: Record<string, number> = {};
  const series: Record<string, unknown> = {};
  const figures: FigureSpec[] = [];
  let interrupted = false;
  const total = Ms[Ms.length - 1] + trials * (2 * loads.length + fractions.length);
  let done = 0;
  let raster: { times: number[]; ids: number[]; t0: number; t1: number } | null = null;

  const cueOf = (p: SDR, cells: number, noise: number): SDR => {
    const pick = sampleSorted(rng, k, cells);
    const active = Array.from(pick, (i) => p.sparse[i]);
    const inP = new Set(p.sparse);
    while (active.length < cells + noise) {
      const u = rng.int(n);
      if (!inP.has(u) && !active.includes(u)) active.push(u);
    }
    return new SDR(n).setSparse(Uint32Array.from(active).sort());
  };
  const measure = (M: number, cells: number, noise: number, keepRaster: boolean): Point => {
    const q: number[] = [];
    const fps: number[] = [];
    const fns: number[] = [];
    const fin: number[] = [];
    for (let t = 0; t < trials && !interrupted; t++) {
      const p = patterns[rng.int(M)];
      const res = net.recall(cueOf(p, cells, noise));
      q.push(quality(res.oneStep, p, k));
      fps.push(res.oneStep.sparse.length - res.oneStep.overlap(p));
      fns.push(k - res.oneStep.overlap(p));
      fin.push(quality(res.final, p, k));
      if (keepRaster && t === 0) {
        const times: number[] = [];
        const ids: number[] = [];
        const st = net.spikes.times;
        const si = net.spikes.indices;
        for (let s = 0; s < si.length; s++) {
          if (st[s] >= res.tCue - 1 && st[s] <= res.tStop + 1) {
            times.push(st[s]);
            ids.push(si[s]);
          }
        }
        raster = { times, ids, t0: res.tCue - 1, t1: res.tStop + 1 };
      }
      done++;
    }
    context.onProgress({ done, total, unit: 'patterns and recalls', label: `M = ${M}` });
    if (context.signal.aborted) interrupted = true;
    if (q.length === 0) return { overlap: NaN, overlapSd: NaN, fp: NaN, fpSd: NaN, fn: NaN, finalOverlap: NaN };
    const [overlap, overlapSd] = meanSd(q);
    const [fp, fpSd] = meanSd(fps);
    return { overlap, overlapSd, fp, fpSd, fn: meanSd(fns)[0], finalOverlap: meanSd(fin)[0] };
  };

  const rows = { overlap: [] as (number | null)[], sd: [] as (number | null)[], theory: [] as number[], final: [] as (number | null)[], noisy: [] as (number | null)[], noisyTheory: [] as number[] };
  const thetaC = net.threshold(c);
  const thetaNoisy = net.threshold(c + f);
  for (let li = 0; li < loads.length && !interrupted; li++) {
    const M = Ms[li];
    const fresh: SDR[] = [];
    while (patterns.length + fresh.length < M) fresh.push(new SDR(n).setSparse(sampleSorted(rng, n, k)));
    net.learn(fresh);
    patterns.push(...fresh);
    done += fresh.length;
    const mid = li === Math.floor(loads.length / 2);
    const point = measure(M, c, 0, mid);
    const e = willshawExpectedFalsePositives({ n, k, M, c, theta: thetaC });
    rows.overlap.push(point.overlap);
    rows.sd.push(point.overlapSd);
    rows.final.push(point.finalOverlap);
    rows.theory.push(Math.sqrt(k / (k + e)));
    if (Number.isFinite(point.fp)) {
      const tol = (TOLERANCE_SE * Math.max(point.fpSd, Math.sqrt(e))) / Math.sqrt(trials) + TOLERANCE_REL * e;
      comparisons.push({
        name: `first-wave false positives, n = ${n}, k = ${k}, M = ${M} (load ${loads[li]}), c = ${c}, θ = ${thetaC}`,
        measured: point.fp,
        expected: e,
        source: 'theory: exact E[FP] of the Willshaw memory (theory.md 2.2), willshawExpectedFalsePositives',
        tolerance: tol,
        pass: Math.abs(point.fp - e) <= tol,
      });
      metrics[`load${li}_falseNegatives`] = point.fn;
    }
    const noisy = f > 0 ? measure(M, c, f, false) : null;
    rows.noisy.push(noisy ? noisy.overlap : null);
    const eN = willshawExpectedFalsePositives({ n, k, M, c, f, theta: thetaNoisy });
    rows.noisyTheory.push(thetaNoisy <= c ? Math.sqrt(k / (k + eN)) : NaN);
    context.log(
      `load ${loads[li]} (M = ${M}, measured load ${willshawLoad({ n, k, M }).toFixed(3)}): cue ${c}/${k}: overlap ${point.overlap.toFixed(3)} (Willshaw ${Math.sqrt(k / (k + e)).toFixed(3)}), ` +
        `FP ${point.fp.toFixed(2)} (exact E[FP] ${e.toPrecision(3)}), FN ${point.fn.toFixed(2)}, after completion ${point.finalOverlap.toFixed(3)}` +
        (noisy ? `; with ${f} noise cells (θ = ${thetaNoisy}) overlap ${noisy.overlap.toFixed(3)}` : ''),
    );
  }
  // cue-fraction sweep at the last load reached
  const Mlast = patterns.length;
  const sweep: (number | null)[] = [];
  const sweepTheory: number[] = [];
  for (const fr of fractions) {
    if (interrupted) {
      sweep.push(null);
      sweepTheory.push(NaN);
      continue;
    }
    const cells = Math.max(1, Math.round(fr * k));
    const point = measure(Mlast, cells, 0, false);
    sweep.push(point.overlap);
    const e = willshawExpectedFalsePositives({ n, k, M: Mlast, c: cells, theta: net.threshold(cells) });
    sweepTheory.push(Math.sqrt(k / (k + e)));
  }
  // ----- outputs ---------------------------------------------------------------------
  series.load = loads.slice(0, rows.overlap.length).map((l, i) => Ms[i] / n);
  series.overlap = rows.overlap;
  series.overlapSd = rows.sd;
  series.theoryLoad = series.load;
  series.theory = rows.theory;
  series.overlapCurves = [rows.overlap, rows.theory, rows.final, rows.noisy, rows.noisyTheory.map((x) => (Number.isFinite(x) ? x : null))];
  series.cueFractions = fractions;
  series.cueCurves = [sweep, sweepTheory];
  figures.push(
    {
      kind: 'recall-load',
      title: `Spiking CA3, n = ${n}, k = ${k}: recall from ${c} of ${k} cells against load, with the Willshaw prediction`,
      series: { load: 'load', quality: 'overlap', error: 'overlapSd', theoryLoad: 'theoryLoad', theory: 'theory' },
      options: {
        xLabel: 'load (patterns stored / n)',
        yLabel: 'overlap |R ∩ P| / sqrt(|R| k), first wave',
        measuredName: 'spiking CA3 (learned collaterals)',
        theoryName: 'Willshaw: sqrt(k / (k + E[FP])), exact E[FP]',
        capacity: Number((willshawPatternsForLoad({ n, k, load: 0.5 }) / n).toFixed(3)),
      },
    },
    {
      kind: 'line',
      title: 'Recall against load: first wave, after completion, and with noise cells',
      series: { x: 'load', y: 'overlapCurves' },
      options: {
        names: ['first wave', 'Willshaw prediction', 'after completion (last wave)', `with ${f} noise cells`, 'Willshaw, with noise (θ(A) <= c)'],
        xLabel: 'load (patterns stored / n)',
        yLabel: 'overlap',
        mode: 'lines+markers',
      },
    },
    {
      kind: 'line',
      title: `Recall against cue fraction at load ${(Mlast / n).toFixed(2)} (M = ${Mlast})`,
      series: { x: 'cueFractions', y: 'cueCurves' },
      options: { names: ['spiking CA3, first wave', 'Willshaw prediction'], xLabel: 'cue fraction c / k', yLabel: 'overlap', mode: 'lines+markers' },
    },
  );
  const r = raster as { times: number[]; ids: number[]; t0: number; t1: number } | null;
  if (r !== null) {
    series.rasterTimes = r.times;
    series.rasterIds = r.ids;
    figures.push({
      kind: 'raster',
      title: `One recall: cue of ${c} cells, waves every ${net.delay} ms, then the stop signal`,
      series: { times: 'rasterTimes', ids: 'rasterIds' },
      options: { neurons: n, tStart: r.t0, tStop: r.t1, binMs: 0.5 },
    });
  }
  metrics.n = n;
  metrics.k = k;
  metrics.cueCells = c;
  metrics.theta = thetaC;
  metrics.inhibition = net.alpha;
  metrics.overlapFirstLoad = rows.overlap[0] ?? NaN;
  metrics.overlapLastLoad = rows.overlap[rows.overlap.length - 1] ?? NaN;
  metrics.theoryFirstLoad = rows.theory[0] ?? NaN;
  metrics.theoryLastLoad = rows.theory[rows.theory.length - 1] ?? NaN;
  metrics.patternsStored = patterns.length;
  metrics.comparisonsFailed = comparisons.filter((x) => !x.pass).length;
  metrics.simulatedS = net.t / 1000;
  metrics.wallTimeS = (performance.now() - t0) / 1000;
  return { metrics, series, figures, comparisons, backend: 'cpu', interrupted };
}

runIfMain(import.meta.url, { meta, run });
