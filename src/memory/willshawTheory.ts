/**
 * Theory of the Willshaw (clipped Hebbian, binary) associative memory and of PyNAM's BiNAM
 * benchmark: matrix load, expected false positives (exact for random fixed-weight patterns,
 * and PyNAM's independence formula), expected information and the optimal sample count.
 *
 * Conventions (as {@link WillshawMemory}): patterns are uniformly random k-subsets of the
 * n units, stored by W_ij = 1 iff some pattern holds both i and j, **with W_ii = 1 for any
 * unit that is in some pattern**; retrieval from a cue of c correct units (and f inserted
 * ones) outputs {j : s_j >= θ}, s_j = Σ_{i in cue} W_ij. References: Willshaw, Buneman &
 * Longuet-Higgins (1969) Nature 222:960; Palm (1980) Biol. Cybern. 36:19; Stöckel et al.
 * (2017) Front. Comput. Neurosci. 11:71 (PyNAM, `pynam/entropy.py`).
 */
import { ParameterError } from '../core/errors.js';

const ctxOf = (name: string): string => name;

function int(name: string, value: unknown, ctx: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new ParameterError(name, value, `an integer ${range}`, ctx);
  }
  return value;
}

function options(value: unknown, ctx: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ParameterError('options', value, 'an object of named parameters', ctx);
  }
  return value as Record<string, unknown>;
}

/** 1 − (1 − x)^M without cancellation, for x in [0, 1]. */
function oneMinusPow(x: number, M: number): number {
  if (x >= 1) return M > 0 ? 1 : 0;
  return -Math.expm1(M * Math.log1p(-x));
}

/** Parameters of an auto-associative Willshaw memory. */
export interface WillshawParams {
  /** number of units */
  readonly n: number;
  /** active units per stored pattern, in [1, n] */
  readonly k: number;
  /** number of stored patterns, >= 0 */
  readonly M: number;
}

/** Parameters of a hetero-associative Willshaw memory (m inputs -> n outputs). */
export interface WillshawHeteroParams {
  /** input units */
  readonly m: number;
  /** output units */
  readonly n: number;
  /** active input units per pattern, in [1, m] */
  readonly k: number;
  /** active output units per pattern, in [1, n] */
  readonly l: number;
  /** number of stored pattern pairs, >= 0 */
  readonly M: number;
}

function autoParams(value: unknown, ctx: string): { n: number; k: number; M: number } {
  const o = options(value, ctx);
  const n = int('n', o.n, ctx, 2);
  const k = int('k', o.k, ctx, 1, n);
  const M = int('M', o.M, ctx, 0);
  return { n, k, M };
}

function heteroParams(value: unknown, ctx: string): { m: number; n: number; k: number; l: number; M: number } {
  const o = options(value, ctx);
  const m = int('m', o.m, ctx, 1);
  const n = int('n', o.n, ctx, 1);
  const k = int('k', o.k, ctx, 1, m);
  const l = int('l', o.l, ctx, 1, n);
  const M = int('M', o.M, ctx, 0);
  return { m, n, k, l, M };
}

/**
 * Matrix load (fraction of 1 synapses) of an auto-associative Willshaw memory, exact for
 * the off-diagonal entries: p1 = 1 − (1 − k(k−1)/(n(n−1)))^M (≈ 1 − e^{−Mk²/n²}).
 *
 * @example
 * willshawLoad({ n: 1000, k: 10, M: 7700 }); // 0.5003...
 */
export function willshawLoad(params: WillshawParams): number {
  const { n, k, M } = autoParams(params, ctxOf('willshawLoad'));
  return oneMinusPow((k * (k - 1)) / (n * (n - 1)), M);
}

/**
 * Matrix load of a hetero-associative Willshaw memory: p1 = 1 − (1 − kl/(mn))^M.
 *
 * @example
 * willshawHeteroLoad({ m: 16, n: 16, k: 3, l: 3, M: 10 }); // 1 − (1 − 9/256)^10
 */
export function willshawHeteroLoad(params: WillshawHeteroParams): number {
  const { m, n, k, l, M } = heteroParams(params, ctxOf('willshawHeteroLoad'));
  return oneMinusPow((k * l) / (m * n), M);
}

/**
 * Number of patterns that fill an auto-associative memory to the load p1 (real-valued):
 * M = ln(1 − p1) / ln(1 − k(k−1)/(n(n−1))). At p1 = ½, M ≈ ln 2 · n²/k².
 *
 * @param params - n, k and the target `load` in [0, 1)
 * @example
 * Math.round(willshawPatternsForLoad({ n: 1000, k: 10, load: 0.5 })); // 7694
 */
export function willshawPatternsForLoad(params: { readonly n: number; readonly k: number; readonly load: number }): number {
  const ctx = 'willshawPatternsForLoad';
  const o = options(params, ctx);
  const n = int('n', o.n, ctx, 2);
  const k = int('k', o.k, ctx, 2, n);
  const load = o.load;
  if (typeof load !== 'number' || !(load >= 0 && load < 1)) throw new ParameterError('load', load, 'a number in [0, 1)', ctx);
  return Math.log1p(-load) / Math.log1p(-(k * (k - 1)) / (n * (n - 1)));
}

/**
 * Hypergeometric probabilities P(X = a), a = 0..draws, X = number of the `marked` among
 * `draws` units drawn without replacement from `total`, by the product recursion (no
 * factorials, relative error ~ draws · 1e-16). Writes into `out` (length >= draws + 1).
 */
function hypergeometricPmf(total: number, marked: number, draws: number, out: Float64Array): void {
  out.fill(0);
  if (draws === 0 || marked === 0) {
    out[0] = 1;
    return;
  }
  const lo = Math.max(0, draws - (total - marked));
  const hi = Math.min(marked, draws);
  // P(lo) = C(marked, lo) C(total − marked, draws − lo) / C(total, draws)
  let p = 1;
  // product form: choose the lo marked ones and draws − lo unmarked, in sequence
  for (let i = 0; i < lo; i++) p *= (marked - i) / (total - i);
  for (let i = 0; i < draws - lo; i++) p *= (total - marked - i) / (total - lo - i);
  // times C(draws, lo) orderings
  for (let i = 0; i < lo; i++) p *= (draws - i) / (i + 1);
  out[lo] = p;
  for (let a = lo; a < hi; a++) {
    p *= ((marked - a) * (draws - a)) / ((a + 1) * (total - marked - draws + a + 1));
    out[a + 1] = p;
  }
}

/**
 * Distribution of the number of cue units (out of `units`) whose synapse onto one fixed
 * non-pattern unit j was set by `steps` other random patterns. Each pattern contains j with
 * probability `pHit` and then covers Hypergeometric(`total`, uncovered, `draws`) of the
 * still uncovered cue units. A Markov chain over the covered count, raised to the power
 * `steps` by squaring: every term is non-negative, so there is no cancellation (unlike the
 * inclusion–exclusion sum, which loses digits when E[FP] is tiny).
 */
function coverageDistribution(units: number, pHit: number, total: number, draws: number, steps: number): Float64Array {
  const S = units + 1;
  const dr = Math.min(draws, total);
  // transition matrix T[s][t], upper triangular; the diagonal is kept as ln T[s][s], computed
  // without rounding 1 − x to a double, so that T[s][s]^steps keeps its digits for large steps
  const T = new Float64Array(S * S);
  const logDiag = new Float64Array(S);
  const pmf = new Float64Array(draws + 1);
  for (let s = 0; s < S; s++) {
    const marked = units - s;
    hypergeometricPmf(total, marked, dr, pmf);
    // 1 − P(X = 0) = −expm1(Σ_i ln(1 − marked/(total − i)))
    let logP0 = 0;
    for (let i = 0; i < dr && marked > 0; i++) logP0 += Math.log1p(-marked / (total - i));
    const leave = marked > 0 ? -Math.expm1(logP0) : 0;
    logDiag[s] = Math.log1p(-pHit * leave);
    T[s * S + s] = Math.exp(logDiag[s]);
    for (let a = 1; a <= Math.min(dr, marked); a++) T[s * S + s + a] = pHit * pmf[a];
  }
  let dist = new Float64Array(S);
  dist[0] = 1;
  let base = T;
  let power = 1;
  let e = steps;
  const tmp = new Float64Array(S * S);
  while (e > 0) {
    if (e % 2 === 1) {
      const next = new Float64Array(S);
      for (let s = 0; s < S; s++) {
        const v = dist[s];
        if (v === 0) continue;
        for (let t = s; t < S; t++) next[t] += v * base[s * S + t];
      }
      dist = next;
    }
    e = Math.floor(e / 2);
    if (e > 0) {
      tmp.fill(0);
      for (let s = 0; s < S; s++) {
        for (let u = s; u < S; u++) {
          const a = base[s * S + u];
          if (a === 0) continue;
          for (let t = u; t < S; t++) tmp[s * S + t] += a * base[u * S + t];
        }
      }
      power *= 2;
      for (let s = 0; s < S; s++) tmp[s * S + s] = Math.exp(power * logDiag[s]);
      base = tmp.slice();
    }
  }
  return dist;
}

function tail(dist: Float64Array, from: number): number {
  let s = 0;
  for (let t = Math.max(0, from); t < dist.length; t++) s += dist[t];
  return Math.min(1, s);
}

/** Options of {@link willshawExpectedFalsePositives}. */
export interface WillshawFalsePositiveParams extends WillshawParams {
  /** correct cue units (a subset of the stored pattern), in [0, k] */
  readonly c: number;
  /** inserted (spurious) cue units, outside the pattern, default 0 */
  readonly f?: number;
  /** retrieval threshold, default c (the Willshaw threshold) */
  readonly theta?: number;
}

/**
 * Expected number of false-positive units (outside the stored pattern) in a one-step
 * threshold retrieval of an auto-associative Willshaw memory, **exact** for uniformly
 * random fixed-weight patterns (theory.md 2.2: E[FP] = (n−k) Σ_t (−1)^t C(c,t) q_t^{M−1},
 * q_t = 1 − (k/n)(1 − C(n−1−t, k−1)/C(n−1, k−1)) when f = 0 and θ = c). Computed as
 * a Markov chain over the number of covered cue units (M − 1 other patterns), which has no
 * cancellation. With f inserted units the n − k − f outside units and the f inserted ones
 * (W_jj = 1 when j is in another pattern) are both counted. Misses are 0 when θ <= c.
 *
 * @example
 * willshawExpectedFalsePositives({ n: 1000, k: 10, M: 4000, c: 5 }); // 2.897...
 */
export function willshawExpectedFalsePositives(params: WillshawFalsePositiveParams): number {
  const ctx = 'willshawExpectedFalsePositives';
  const { n, k, M } = autoParams(params, ctx);
  const o = params as unknown as Record<string, unknown>;
  const c = int('c', o.c, ctx, 0, k);
  const f = o.f === undefined ? 0 : int('f', o.f, ctx, 0, n - k);
  const theta = o.theta === undefined ? c : int('theta', o.theta, ctx, 0);
  const others = Math.max(0, M - 1);
  const units = c + f;
  if (theta === 0) return n - k;
  // outside units j (not in P, not inserted): every cue unit is a distinct other unit
  const distOut = coverageDistribution(units, k / n, n - 1, k - 1, others);
  let fp = (n - k - f) * tail(distOut, theta);
  if (f > 0) {
    // an inserted unit j: s_j = [j in another pattern] + covered among the other c + f − 1;
    // a covered pair implies j is in another pattern
    if (theta === 1) fp += f * oneMinusPow(k / n, others);
    else {
      const distIns = coverageDistribution(units - 1, k / n, n - 1, k - 1, others);
      fp += f * tail(distIns, theta - 1);
    }
  }
  return fp;
}

/** Options of {@link willshawHeteroExpectedFalsePositives}. */
export interface WillshawHeteroFalsePositiveParams extends WillshawHeteroParams {
  /** correct cue units, in [0, k] */
  readonly c: number;
  /** inserted cue units, default 0 */
  readonly f?: number;
  /** threshold, default c */
  readonly theta?: number;
}

/**
 * Expected false-positive output units of a hetero-associative Willshaw memory, exact for
 * uniformly random fixed-weight pairs (q_t = 1 − (l/n)(1 − C(m−t, k)/C(m, k)) in the
 * inclusion–exclusion form), computed without cancellation as a Markov chain.
 *
 * @example
 * willshawHeteroExpectedFalsePositives({ m: 16, n: 16, k: 3, l: 3, M: 20, c: 3 });
 */
export function willshawHeteroExpectedFalsePositives(params: WillshawHeteroFalsePositiveParams): number {
  const ctx = 'willshawHeteroExpectedFalsePositives';
  const { m, n, k, l, M } = heteroParams(params, ctx);
  const o = params as unknown as Record<string, unknown>;
  const c = int('c', o.c, ctx, 0, k);
  const f = o.f === undefined ? 0 : int('f', o.f, ctx, 0, m - k);
  const theta = o.theta === undefined ? c : int('theta', o.theta, ctx, 0);
  if (theta === 0) return n - l;
  const dist = coverageDistribution(c + f, l / n, m, k, Math.max(0, M - 1));
  return (n - l) * tail(dist, theta);
}

/**
 * Poisson approximation of the probability of a perfect retrieval (no false positive):
 * exp(−E[FP]) with the exact E[FP] of {@link willshawExpectedFalsePositives} (θ <= c).
 *
 * @example
 * willshawPerfectRetrievalProbability({ n: 1000, k: 10, M: 7700, c: 10 }); // ≈ 0.294
 */
export function willshawPerfectRetrievalProbability(params: WillshawFalsePositiveParams): number {
  return Math.exp(-willshawExpectedFalsePositives(params));
}

/** Parameters of PyNAM's BiNAM formulas (`pynam/entropy.py`). */
export interface BinamParams {
  /** input bits */
  readonly m: number;
  /** output bits */
  readonly n: number;
  /** ones per input vector, in [1, m] */
  readonly c: number;
  /** ones per output vector, in [1, n] */
  readonly d: number;
}

function binamParams(value: unknown, ctx: string): { m: number; n: number; c: number; d: number } {
  const o = options(value, ctx);
  const m = int('m', o.m, ctx, 1);
  const n = int('n', o.n, ctx, 1);
  const c = int('c', o.c, ctx, 1, m);
  const d = int('d', o.d, ctx, 1, n);
  return { m, n, c, d };
}

function binamFp(N: number, m: number, n: number, c: number, d: number): number {
  const p = (c * d) / (m * n);
  return (n - d) * Math.pow(oneMinusPow(p, N), c);
}

/**
 * PyNAM's expected false positives per sample (`expected_false_positives`), the
 * independence approximation: E[fp] = (n − d)(1 − (1 − p)^N)^c, p = cd/(mn).
 *
 * @param params - N samples (>= 0, may be real-valued), m, n, c, d
 * @example
 * binamExpectedFalsePositives({ N: 10, m: 10, n: 6, c: 2, d: 3 }); // 3 · 0.424219774
 */
export function binamExpectedFalsePositives(params: BinamParams & { readonly N: number }): number {
  const ctx = 'binamExpectedFalsePositives';
  const { m, n, c, d } = binamParams(params, ctx);
  const N = (params as { N: unknown }).N;
  if (typeof N !== 'number' || !Number.isFinite(N) || N < 0) throw new ParameterError('N', N, 'a finite number >= 0', ctx);
  return binamFp(N, m, n, c, d);
}

function binamInfo(N: number, m: number, n: number, c: number, d: number): number {
  const fp = binamFp(N, m, n, c, d);
  let v = 0;
  for (let i = 0; i < d; i++) v += Math.log2((n - i) / (d + fp - i));
  return N * v;
}

/**
 * PyNAM's expected information of N stored samples, bits (`expected_entropy`):
 * I(N) = N Σ_{i<d} log2((n − i)/(d + E[fp] − i)).
 *
 * @example
 * binamExpectedInformation({ N: 52, m: 16, n: 16, c: 2, d: 2 }); // the maximum over N
 */
export function binamExpectedInformation(params: BinamParams & { readonly N: number }): number {
  const ctx = 'binamExpectedInformation';
  const { m, n, c, d } = binamParams(params, ctx);
  const N = (params as { N: unknown }).N;
  if (typeof N !== 'number' || !Number.isFinite(N) || N < 0) throw new ParameterError('N', N, 'a finite number >= 0', ctx);
  return binamInfo(N, m, n, c, d);
}

/**
 * The sample count that maximises {@link binamExpectedInformation} (PyNAM's
 * `optimal_sample_count`): the first N whose successor carries less information.
 *
 * @example
 * binamOptimalSampleCount({ m: 16, n: 16, c: 2, d: 2 }); // 52
 * binamOptimalSampleCount({ m: 32, n: 32, c: 4, d: 4 }); // 62
 */
export function binamOptimalSampleCount(params: BinamParams): number {
  const { m, n, c, d } = binamParams(params, 'binamOptimalSampleCount');
  const p = (c * d) / (m * n);
  // I(N) is unimodal; its maximum lies below the N at which the load reaches 0.9
  const limit = p >= 1 ? 1 : Math.ceil(Math.log(0.1) / Math.log1p(-p)) + 1;
  let I = 0;
  for (let N = 0; N < limit; N++) {
    const next = binamInfo(N + 1, m, n, c, d);
    if (next < I) return N;
    I = next;
  }
  return limit;
}
