/**
 * Ahmad & Hawkins (2015, 2016): properties of sparse distributed representations,
 * Monte-Carlo against the exact combinatorial theory.
 *
 * Four panels, each an exact curve (src/sdr/theory.ts, exact rational arithmetic) with
 * simulated points and 95 % confidence intervals, on log axes:
 * 1. false matches against the threshold θ for n = 2048, w = 40: full SDRs and SDRs
 *    subsampled to 20 and 10 bits (2015 paper, Eqs. 6 and 8);
 * 2. false positives of a union of M SDRs against M (2015 paper, union property; the
 *    exact fixed-weight formula and the papers' independence approximation);
 * 3. false negatives of a dendritic segment against noise (2016 paper: a = 128 active
 *    cells, s = 30 synapses, θ = 8, 12, 16), noise made with SDR.addNoise;
 * 4. false positives of a segment against the population size n at fixed a (2016 paper,
 *    "effect of n": s = 24, θ = 12, a = 64, 128, 256).
 * The headline metric is the largest |log10(simulated / exact)| over the points whose
 * simulation has at least `minHits` hits.
 *
 *   npx tsx experiments/ahmad2016-sdr.ts [--quick] [--seed 1]
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
import {
  SDR,
  sampleSorted,
  falseMatchProbability,
  noiseFalseNegative,
  segmentFalsePositive,
  unionFalsePositive,
} from '../src/sdr/index.js';

/** SDR size and weight of panels 1 and 2 (the "typical HTM" size). */
const N = 2048;
const W = 40;
/** Panel 1: thresholds (the full SDR and its subsamples of 20 and 10 bits). */
const FM_THETAS = Array.from({ length: 20 }, (_, i) => i + 1);
/** Panel 2: numbers of SDRs in the union. */
const UNION_M = Array.from({ length: 20 }, (_, i) => 10 * (i + 1));
/** Panel 3 (neuron paper, plot_noise_results.py): pattern size, synapses, thresholds, replaced cells. */
const NOISE_N = 2048;
const NOISE_A = 128;
const NOISE_S = 30;
const NOISE_THETAS = [8, 12, 16] as const;
const NOISE_V = [6, 13, 19, 26, 32, 38, 45, 51, 58, 64, 70, 77, 83, 90, 96, 102];
/** Panel 4 (plot_effect_of_n.py): synapses, threshold, active cells, population sizes. */
const EFFN_S = 24;
const EFFN_THETA = 12;
const EFFN_A = [64, 128, 256] as const;
const EFFN_N = Array.from({ length: 99 }, (_, i) => 300 + 200 * i);
const EFFN_SIM_N = [300, 500, 700, 900, 1100, 1300, 1500, 1700, 1900];
/** Points whose expected number of hits is below this are not simulated (nothing to see). */
const MIN_EXPECTED_HITS = 10;
/** 95 % two-sided normal quantile. */
const Z95 = 1.959963984540054;
/** Comparisons pass within this many standard errors. */
const TOLERANCE_SE = 4;

/** What `engram list` shows and the parameters `engram run ahmad2016-sdr` accepts. */
export const meta: ExperimentMeta = {
  name: 'ahmad2016-sdr',
  title: 'SDR properties: false matches, unions, noise and the effect of n (Ahmad & Hawkins 2015, 2016)',
  description: 'Monte-Carlo of random SDRs against the exact combinatorics of inexact matching, unions, noise and dimensionality',
  paper:
    'Ahmad S. & Hawkins J. (2016) How do neurons operate on sparse distributed representations? A mathematical theory of sparsity, neurons and active dendrites. arXiv:1601.00720; Ahmad S. & Hawkins J. (2015) Properties of sparse distributed representations and their application to hierarchical temporal memory. arXiv:1503.07469',
  expected:
    'Every simulated probability agrees with the exact formula within 4 standard errors; the largest |log10(simulated/exact)| over points with >= 100 hits is about 0.03-0.05 (seed 1: 0.035 default, 0.033 quick). ' +
    'False match, n = 2048, w = 40: P(overlap >= 2) = 0.183, >= 5: 8.76e-4, >= 10: 1.37e-9 (subsampled to 10 bits: >= 5: 5.16e-7). ' +
    'Union of M random SDRs: exact 2.45e-3 at M = 100 (the independence approximation says 2.50e-3), 6.8e-9 at M = 50. ' +
    'Noise (a = 128, s = 30): a theta = 8 segment misses fewer than 1e-9 of the patterns with 30 % of their cells replaced, half of them at 75 %. ' +
    'Effect of n (s = 24, theta = 12): a = 64 gives 1.1e-3 at n = 300 and 3.6e-21 at n = 10100.',
  runtime: 'about 1-2 minutes by default, about 10 s with --quick (one core)',
  parameters: {
    fmTrials: {
      type: 'integer',
      default: 1_000_000,
      quick: 100_000,
      min: 1000,
      max: 1e9,
      unit: '',
      description: 'random SDR pairs for the false-match curves (panel 1)',
    },
    unionSets: {
      type: 'integer',
      default: 1000,
      quick: 200,
      min: 10,
      max: 1e7,
      unit: '',
      description: 'independent unions per M (panel 2)',
    },
    unionProbes: {
      type: 'integer',
      default: 500,
      quick: 100,
      min: 1,
      max: 1e6,
      unit: '',
      description: 'random probe SDRs tested against each union (panel 2)',
    },
    noiseTrials: {
      type: 'integer',
      default: 100_000,
      quick: 10_000,
      min: 100,
      max: 1e9,
      unit: '',
      description: 'noisy patterns per noise level (panel 3)',
    },
    effectOfNTrials: {
      type: 'integer',
      default: 200_000,
      quick: 20_000,
      min: 100,
      max: 1e9,
      unit: '',
      description: 'random patterns per simulated (a, n) point (panel 4)',
    },
    minHits: {
      type: 'integer',
      default: 100,
      min: 1,
      max: 1e6,
      unit: '',
      description: 'a simulated point enters the log-error metric when it has at least this many hits',
    },
  },
};

/** A simulated probability: hits out of trials, with a 95 % interval and a standard error. */
interface Estimate {
  readonly hits: number;
  readonly trials: number;
  readonly p: number;
  readonly low: number;
  readonly high: number;
  /** standard error used for the comparison */
  readonly se: number;
}

/** Wilson score interval (95 %) for a binomial proportion; SE from the exact p. */
function binomialEstimate(hits: number, trials: number, pTheory: number): Estimate {
  const p = hits / trials;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  return {
    hits,
    trials,
    p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
    se: Math.sqrt((pTheory * (1 - pTheory)) / trials),
  };
}

/** Emits progress at most every 100 ms; tells when the run was aborted. */
class ProgressTicker {
  private done = 0;
  private last = 0;
  constructor(
    private readonly context: ExperimentContext,
    private readonly total: number,
  ) {}
  add(units: number, label: string): boolean {
    this.done += units;
    const now = performance.now();
    if (now - this.last > 100 || this.done >= this.total) {
      this.last = now;
      this.context.onProgress({ done: Math.min(this.done, this.total), total: this.total, unit: 'trials', label });
    }
    return this.context.signal.aborted;
  }
}

/** One simulated point beside its exact value, for metrics and comparisons. */
interface Point {
  readonly panel: string;
  readonly name: string;
  readonly estimate: Estimate;
  readonly theory: number;
  readonly source: string;
}

const nullable = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) || v <= 0 ? null : v);

/**
 * Runs the four panels with the given parameters (see {@link meta}); every random draw comes
 * from `new Rng(context.seed)` (one forked stream per panel), so a seed gives the same result.
 *
 * @example
 * const out = await run({ fmTrials: 1e5, unionSets: 200, unionProbes: 100, noiseTrials: 1e4, effectOfNTrials: 2e4, minHits: 100 }, context);
 * out.metrics.maxAbsLog10Error; // about 0.03
 */
export async function run(params: ParameterValues, context: ExperimentContext): Promise<ExperimentOutput> {
  const fmTrials = Number(params.fmTrials);
  const unionSets = Number(params.unionSets);
  const unionProbes = Number(params.unionProbes);
  const noiseTrials = Number(params.noiseTrials);
  const effnTrials = Number(params.effectOfNTrials);
  const minHits = Number(params.minHits);
  const root = new Rng(context.seed);
  const t0 = performance.now();

  // ----- exact curves (cheap) and which points to simulate --------------------------------
  const fmTheory = {
    full: FM_THETAS.map((t) => falseMatchProbability(N, W, t)),
    s20: FM_THETAS.map((t) => falseMatchProbability(N, W, t, 20)),
    s10: FM_THETAS.map((t) => falseMatchProbability(N, W, t, 10)),
  };
  const unionExact = UNION_M.map((m) => unionFalsePositive(N, W, m, { exact: true }));
  const unionApprox = UNION_M.map((m) => unionFalsePositive(N, W, m));
  const unionSim = UNION_M.map((_, i) => unionExact[i] * unionSets * unionProbes >= MIN_EXPECTED_HITS);
  const noiseTheory = NOISE_THETAS.map((th) => NOISE_V.map((v) => noiseFalseNegative(NOISE_A, NOISE_S, th, v)));
  const effnTheory = EFFN_A.map((a) => EFFN_N.map((n) => (n >= a ? segmentFalsePositive(n, a, EFFN_S, EFFN_THETA) : NaN)));
  const effnSimPoints: { a: number; n: number; p: number }[] = [];
  for (const a of EFFN_A) {
    for (const n of EFFN_SIM_N) {
      if (n < a) continue;
      const p = segmentFalsePositive(n, a, EFFN_S, EFFN_THETA);
      if (p * effnTrials >= MIN_EXPECTED_HITS) effnSimPoints.push({ a, n, p });
    }
  }
  const total =
    fmTrials +
    UNION_M.reduce((s, m, i) => s + (unionSim[i] ? unionSets * (m + unionProbes) : 0), 0) +
    NOISE_V.length * noiseTrials +
    effnSimPoints.length * effnTrials;
  const ticker = new ProgressTicker(context, total);
  let interrupted = false;
  const points: Point[] = [];

  let tPanel = performance.now();
  const lap = (): string => {
    const now = performance.now();
    const text = `${((now - tPanel) / 1000).toFixed(1)} s`;
    tPanel = now;
    return text;
  };

  // ----- panel 1: false match against theta ------------------------------------------------
  const fmHist = { full: new Float64Array(W + 1), s20: new Float64Array(21), s10: new Float64Array(11) };
  let fmDone = 0;
  {
    const rng = root.fork('false-match');
    const x = new SDR(N);
    const y = new SDR(N);
    const x20 = new SDR(N);
    const x10 = new SDR(N);
    const sub20 = new Uint32Array(20);
    const sub10 = new Uint32Array(10);
    const batch = 10_000;
    while (fmDone < fmTrials && !interrupted) {
      const start = fmDone;
      const end = Math.min(fmTrials, start + batch);
      for (; fmDone < end; fmDone++) {
        x.randomize(W / N, rng); // the stored SDR
        y.randomize(W / N, rng); // a random SDR compared with it
        const xs = x.sparse;
        const pick20 = sampleSorted(rng, W, 20); // store only 20 of x's bits ...
        for (let i = 0; i < 20; i++) sub20[i] = xs[pick20[i]];
        const pick10 = sampleSorted(rng, 20, 10); // ... or 10 of those
        for (let i = 0; i < 10; i++) sub10[i] = sub20[pick10[i]];
        x20.setSparse(sub20);
        x10.setSparse(sub10);
        fmHist.full[x.overlap(y)]++;
        fmHist.s20[x20.overlap(y)]++;
        fmHist.s10[x10.overlap(y)]++;
      }
      if (ticker.add(end - start, 'false matches')) interrupted = true;
    }
  }
  const tail = (hist: Float64Array, theta: number): number => {
    let s = 0;
    for (let b = theta; b < hist.length; b++) s += hist[b];
    return s;
  };
  const fmSeries: Record<string, { sim: (number | null)[]; low: (number | null)[]; high: (number | null)[]; hits: number[] }> = {};
  for (const key of ['full', 's20', 's10'] as const) {
    const sim: (number | null)[] = [];
    const low: (number | null)[] = [];
    const high: (number | null)[] = [];
    const hits: number[] = [];
    FM_THETAS.forEach((theta, i) => {
      const h = tail(fmHist[key], theta);
      hits.push(h);
      if (fmDone === 0 || h === 0) {
        sim.push(null);
        low.push(null);
        high.push(null);
        return;
      }
      const est = binomialEstimate(h, fmDone, fmTheory[key][i]);
      sim.push(est.p);
      low.push(nullable(est.low));
      high.push(nullable(est.high));
      const label = key === 'full' ? 'full, w_x = 40' : `subsampled, w_x = ${key.slice(1)}`;
      points.push({
        panel: 'falseMatch',
        name: `false match P(overlap >= ${theta}), n = 2048, w = 40, ${label}`,
        estimate: est,
        theory: fmTheory[key][i],
        source: 'theory: Ahmad & Hawkins 2015 Eq. 6 / 8, exact',
      });
    });
    fmSeries[key] = { sim, low, high, hits };
  }
  context.log(
    `false match (n=2048, w=40, ${fmDone} pairs): P(>=2) sim ${fmSeries.full.sim[1]?.toExponential(4)} vs exact ${fmTheory.full[1].toExponential(4)}; ` +
      `P(>=5) sim ${fmSeries.full.sim[4]?.toExponential(3) ?? '-'} vs exact ${fmTheory.full[4].toExponential(3)} (${lap()})`,
  );

  // ----- panel 2: union false positives against M ------------------------------------------
  const unionSimP: (number | null)[] = [];
  const unionLow: (number | null)[] = [];
  const unionHigh: (number | null)[] = [];
  const unionHits: number[] = [];
  {
    const rng = root.fork('union');
    const probe = new SDR(N);
    const union = new SDR(N);
    for (let mi = 0; mi < UNION_M.length; mi++) {
      const M = UNION_M[mi];
      if (!unionSim[mi] || interrupted) {
        unionSimP.push(null);
        unionLow.push(null);
        unionHigh.push(null);
        unionHits.push(0);
        continue;
      }
      const members = Array.from({ length: M }, () => new SDR(N));
      let hits = 0;
      let sumRate = 0;
      let sumRate2 = 0;
      let sets = 0;
      for (; sets < unionSets; sets++) {
        for (const m of members) m.randomize(W / N, rng);
        union.union(members);
        void union.dense; // look-ups instead of merges for the probes
        let h = 0;
        for (let q = 0; q < unionProbes; q++) {
          probe.randomize(W / N, rng);
          if (union.overlap(probe) === W) h++;
        }
        hits += h;
        sumRate += h / unionProbes;
        sumRate2 += (h / unionProbes) ** 2;
        if (sets % 20 === 19 && ticker.add(20 * (M + unionProbes), `unions, M = ${M}`)) {
          interrupted = true;
          sets++;
          break;
        }
      }
      const trials = sets * unionProbes;
      unionHits.push(hits);
      if (hits === 0 || sets < 2) {
        unionSimP.push(null);
        unionLow.push(null);
        unionHigh.push(null);
        continue;
      }
      // probes of one union are correlated through its size: the standard error comes from
      // the spread of the per-union rates (cluster estimate), never below the binomial one
      const mean = sumRate / sets;
      const varRate = Math.max(0, (sumRate2 - sets * mean * mean) / (sets - 1));
      const seCluster = Math.sqrt(varRate / sets);
      const theory = unionExact[mi];
      const seBinomial = Math.sqrt((theory * (1 - theory)) / trials);
      const se = Math.max(seCluster, seBinomial);
      const est: Estimate = {
        hits,
        trials,
        p: hits / trials,
        low: Math.max(0, hits / trials - Z95 * se),
        high: hits / trials + Z95 * se,
        se,
      };
      unionSimP.push(est.p);
      unionLow.push(nullable(est.low));
      unionHigh.push(nullable(est.high));
      points.push({
        panel: 'union',
        name: `union false positive, n = 2048, w = 40, M = ${M}`,
        estimate: est,
        theory,
        source: 'theory: exact for fixed-weight SDRs (inclusion-exclusion); Ahmad & Hawkins 2015 union property',
      });
    }
  }
  {
    const i100 = UNION_M.indexOf(100);
    context.log(
      `union (n=2048, w=40): M=100 sim ${unionSimP[i100]?.toExponential(4) ?? '-'} vs exact ${unionExact[i100].toExponential(4)} (approximation ${unionApprox[i100].toExponential(4)}; ${lap()})`,
    );
  }

  // ----- panel 3: false negatives against noise ---------------------------------------------
  const noiseSim = NOISE_THETAS.map(() => NOISE_V.map((): number | null => null));
  const noiseLow = NOISE_THETAS.map(() => NOISE_V.map((): number | null => null));
  const noiseHigh = NOISE_THETAS.map(() => NOISE_V.map((): number | null => null));
  {
    const rng = root.fork('noise');
    const pattern = new SDR(NOISE_N);
    const segment = new SDR(NOISE_N);
    const noisy = new SDR(NOISE_N);
    const syn = new Uint32Array(NOISE_S);
    for (let vi = 0; vi < NOISE_V.length && !interrupted; vi++) {
      const v = NOISE_V[vi];
      const misses = NOISE_THETAS.map(() => 0);
      let t = 0;
      for (; t < noiseTrials; t++) {
        pattern.randomize(NOISE_A / NOISE_N, rng);
        const pick = sampleSorted(rng, NOISE_A, NOISE_S); // the segment's synapses
        for (let i = 0; i < NOISE_S; i++) syn[i] = pattern.sparse[pick[i]];
        segment.setSparse(syn);
        noisy.setSDR(pattern).addNoise(v / NOISE_A, rng); // v of the a active cells replaced
        const o = segment.overlap(noisy);
        for (let k = 0; k < NOISE_THETAS.length; k++) if (o < NOISE_THETAS[k]) misses[k]++;
        if (t % 5000 === 4999 && ticker.add(5000, `noise, v = ${v}`)) {
          interrupted = true;
          t++;
          break;
        }
      }
      NOISE_THETAS.forEach((theta, k) => {
        if (misses[k] === 0) return;
        const theory = noiseTheory[k][vi];
        const est = binomialEstimate(misses[k], t, theory);
        noiseSim[k][vi] = est.p;
        noiseLow[k][vi] = nullable(est.low);
        noiseHigh[k][vi] = nullable(est.high);
        points.push({
          panel: 'noise',
          name: `false negative, a = 128, s = 30, theta = ${theta}, noise ${v}/128`,
          estimate: est,
          theory,
          source: 'theory: Ahmad & Hawkins 2016, impact of noise on false negatives, exact',
        });
      });
    }
  }
  context.log(
    `noise (a=128, s=30, theta=12): v=64 sim ${noiseSim[1][9]?.toExponential(4) ?? '-'} vs exact ${noiseTheory[1][9].toExponential(4)} (${lap()})`,
  );

  // ----- panel 4: effect of n ---------------------------------------------------------------
  const effnSim = EFFN_A.map(() => EFFN_N.map((): number | null => null));
  const effnLow = EFFN_A.map(() => EFFN_N.map((): number | null => null));
  const effnHigh = EFFN_A.map(() => EFFN_N.map((): number | null => null));
  {
    const rng = root.fork('effect-of-n');
    for (const pt of effnSimPoints) {
      if (interrupted) break;
      const { a, n, p } = pt;
      const segment = SDR.fromSparse(n, sampleSorted(rng, n, EFFN_S));
      const pattern = new SDR(n);
      let hits = 0;
      let t = 0;
      for (; t < effnTrials; t++) {
        pattern.randomize(a / n, rng);
        if (segment.overlap(pattern) >= EFFN_THETA) hits++;
        if (t % 10000 === 9999 && ticker.add(10000, `effect of n, a = ${a}, n = ${n}`)) {
          interrupted = true;
          t++;
          break;
        }
      }
      if (hits === 0) continue;
      const ai = EFFN_A.indexOf(a as (typeof EFFN_A)[number]);
      const ni = EFFN_N.indexOf(n);
      const est = binomialEstimate(hits, t, p);
      effnSim[ai][ni] = est.p;
      effnLow[ai][ni] = nullable(est.low);
      effnHigh[ai][ni] = nullable(est.high);
      points.push({
        panel: 'effectOfN',
        name: `segment false positive, s = 24, theta = 12, a = ${a}, n = ${n}`,
        estimate: est,
        theory: p,
        source: 'theory: Ahmad & Hawkins 2016 Eq. 1, exact',
      });
    }
  }
  context.log(`effect of n: ${effnSimPoints.length} simulated (a, n) points (${lap()})`);

  // ----- metrics and comparisons ------------------------------------------------------------
  const metrics: Record<string, number> = {};
  const panels = ['falseMatch', 'union', 'noise', 'effectOfN'] as const;
  let overall = 0;
  let compared = 0;
  for (const panel of panels) {
    let worst = 0;
    let count = 0;
    for (const pt of points) {
      if (pt.panel !== panel || pt.estimate.hits < minHits) continue;
      worst = Math.max(worst, Math.abs(Math.log10(pt.estimate.p / pt.theory)));
      count++;
    }
    metrics[`maxAbsLog10Error_${panel}`] = count > 0 ? worst : NaN;
    metrics[`points_${panel}`] = count;
    overall = Math.max(overall, worst);
    compared += count;
  }
  metrics.maxAbsLog10Error = compared > 0 ? overall : NaN;
  metrics.pointsCompared = compared;
  const comparisons: Comparison[] = points
    .filter((pt) => pt.estimate.hits >= minHits)
    .map((pt) => {
      const tolerance = TOLERANCE_SE * pt.estimate.se;
      return {
        name: pt.name,
        measured: pt.estimate.p,
        expected: pt.theory,
        source: pt.source,
        tolerance,
        pass: Math.abs(pt.estimate.p - pt.theory) <= tolerance,
      };
    });
  metrics.comparisonsFailed = comparisons.filter((c) => !c.pass).length;
  metrics.falseMatchPairs = fmDone;
  metrics.falseMatchTheta2Sim = fmSeries.full.sim[1] ?? NaN;
  metrics.falseMatchTheta2Exact = fmTheory.full[1];
  metrics.unionM100Sim = unionSimP[UNION_M.indexOf(100)] ?? NaN;
  metrics.unionM100Exact = unionExact[UNION_M.indexOf(100)];
  metrics.unionM100Approx = unionApprox[UNION_M.indexOf(100)];
  metrics.wallTimeS = (performance.now() - t0) / 1000;

  // ----- series and figures -----------------------------------------------------------------
  const series: Record<string, unknown> = {
    fm_theta: FM_THETAS,
    union_M: UNION_M,
    union_curves: [unionExact.map(nullable), unionApprox.map(nullable), unionSimP, unionLow, unionHigh],
    union_hits: unionHits,
    noise_fraction: NOISE_V.map((v) => v / NOISE_A),
    effn_n: EFFN_N,
  };
  const ciNames = (theoryName: string): string[] => [theoryName, 'simulation', 'simulation 95 % CI (low)', 'simulation 95 % CI (high)'];
  const figures: FigureSpec[] = [];
  const fmLabels = { full: 'full SDR (w_x = 40)', s20: 'subsampled to w_x = 20', s10: 'subsampled to w_x = 10' };
  for (const key of ['full', 's20', 's10'] as const) {
    series[`fm_${key}`] = [fmTheory[key].map(nullable), fmSeries[key].sim, fmSeries[key].low, fmSeries[key].high];
    series[`fm_${key}_hits`] = fmSeries[key].hits;
    figures.push({
      kind: 'line',
      title: `False match against threshold, n = 2048, w = 40, ${fmLabels[key]}`,
      series: { x: 'fm_theta', y: `fm_${key}` },
      options: {
        names: ciNames('exact'),
        xLabel: 'threshold θ (bits)',
        yLabel: 'P(overlap ≥ θ)',
        mode: 'lines+markers',
        logY: true,
      },
    });
  }
  figures.push({
    kind: 'line',
    title: 'False positives of a union of M random SDRs, n = 2048, w = 40',
    series: { x: 'union_M', y: 'union_curves' },
    options: {
      names: ['exact (fixed-weight SDRs)', 'approximation (1 − (1 − w/n)^M)^w', 'simulation', 'simulation 95 % CI (low)', 'simulation 95 % CI (high)'],
      xLabel: 'SDRs in the union, M',
      yLabel: 'P(random SDR inside the union)',
      mode: 'lines+markers',
      logY: true,
    },
  });
  NOISE_THETAS.forEach((theta, k) => {
    series[`noise_theta${theta}`] = [noiseTheory[k].map(nullable), noiseSim[k], noiseLow[k], noiseHigh[k]];
    figures.push({
      kind: 'line',
      title: `False negatives against noise, a = 128 active cells, s = 30 synapses, θ = ${theta}`,
      series: { x: 'noise_fraction', y: `noise_theta${theta}` },
      options: {
        names: ciNames('exact'),
        xLabel: 'noise (fraction of the a active cells replaced)',
        yLabel: 'P(false negative)',
        mode: 'lines+markers',
        logY: true,
      },
    });
  });
  EFFN_A.forEach((a, k) => {
    series[`effn_a${a}`] = [effnTheory[k].map(nullable), effnSim[k], effnLow[k], effnHigh[k]];
    figures.push({
      kind: 'line',
      title: `Effect of n: segment false positives, a = ${a} active cells, s = 24 synapses, θ = 12`,
      series: { x: 'effn_n', y: `effn_a${a}` },
      options: {
        names: ciNames('exact (Eq. 1)'),
        xLabel: 'cell population size n',
        yLabel: 'P(false positive)',
        mode: 'lines+markers',
        logY: true,
      },
    });
  });

  return { metrics, series, figures, comparisons, backend: 'cpu', interrupted };
}

runIfMain(import.meta.url, { meta, run });
