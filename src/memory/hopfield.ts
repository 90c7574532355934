/**
 * Hopfield networks (Hopfield 1982; Amit, Gutfreund & Sompolinsky 1985): binary units with
 * symmetric couplings and no self-coupling, retrieval by descending an energy.
 *
 * Two learning rules (`rule`):
 * - `'hebbian'` (dense ±1 patterns ξ^μ): J_ij = (1/N) Σ_μ ξ_i^μ ξ_j^μ, J_ii = 0; states
 *   s_i in {−1, +1}; update s_i ← sign(h_i), h_i = Σ_j J_ij s_j; capacity α_c = p/N ≈ 0.138.
 * - `'covariance'` (sparse 0/1 patterns of coding level a, Tsodyks & Feigel'man 1988):
 *   J_ij = Σ_μ (ξ_i^μ − a)(ξ_j^μ − a) / (N a (1 − a)), J_ii = 0; states in {0, 1};
 *   update s_i ← Θ(h_i − θ) with the threshold θ.
 *
 * A unit whose field equals the threshold keeps its state, so asynchronous updates never
 * raise the energy E = −½ Σ_{i≠j} J_ij s_i s_j + θ Σ_i s_i (θ = 0 for `'hebbian'`).
 * Synchronous updates may end in 2-cycles. Couplings are a dense N x N `Float32Array`
 * (N = 2000: 16 MB); asynchronous updates keep the fields h up to date incrementally
 * (O(N) per flip, not per update).
 *
 * @example
 * const net = new HopfieldNetwork(1000);
 * const rng = new Rng(1);
 * const patterns = Array.from({ length: 50 }, () => randomBipolarPattern(1000, rng));
 * for (const p of patterns) net.store(p);
 * const state = Int8Array.from(patterns[0]);
 * net.run(state, { mode: 'async', rng });
 * net.overlap(state, patterns[0]); // 1
 */
import { ParameterError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { resolveRng, type RandomSource } from '../sdr/randomSource.js';

/** Options of {@link HopfieldNetwork}. */
export interface HopfieldOptions {
  /** 'hebbian' (default, ±1 patterns) or 'covariance' (sparse 0/1 patterns) */
  readonly rule?: 'hebbian' | 'covariance';
  /** coding level a of the 'covariance' rule: fraction of 1s per pattern, in (0, 1) */
  readonly codingLevel?: number;
  /** threshold θ of the update (dimensionless, in units of the fields); default 0 */
  readonly threshold?: number;
}

/** Options of {@link HopfieldNetwork.run}. */
export interface HopfieldRunOptions {
  /** 'async' (default): one unit at a time in a random order per sweep; 'sync': all at once */
  readonly mode?: 'async' | 'sync';
  /** the order of asynchronous updates: an `Rng` (advanced) or a seed; required for 'async' */
  readonly rng?: RandomSource;
  /** most sweeps (async: N updates each; sync: one step each), integer >= 1; default 100 */
  readonly maxSweeps?: number;
}

/** Result of {@link HopfieldNetwork.run}. */
export interface HopfieldRunResult {
  /** sweeps (or synchronous steps) done */
  readonly sweeps: number;
  /** units flipped in all */
  readonly flips: number;
  /** true when the last sweep flipped no unit (a fixed point) */
  readonly converged: boolean;
}

/**
 * A random dense ±1 pattern (each unit +1 with probability ½).
 *
 * @example
 * randomBipolarPattern(1000, new Rng(1)); // Int8Array of ±1
 */
export function randomBipolarPattern(N: number, rng: RandomSource): Int8Array {
  const ctx = 'randomBipolarPattern';
  if (typeof N !== 'number' || !Number.isInteger(N) || N < 1) throw new ParameterError('N', N, 'an integer >= 1', ctx);
  const r = resolveRng(rng, 'rng', ctx);
  const out = new Int8Array(N);
  for (let i = 0; i < N; i += 32) {
    const bits = r.nextUint32();
    for (let b = 0; b < 32 && i + b < N; b++) out[i + b] = (bits >>> b) & 1 ? 1 : -1;
  }
  return out;
}

/**
 * A random sparse 0/1 pattern with exactly round(a·N) ones.
 *
 * @example
 * randomSparsePattern(1000, 0.05, new Rng(1)); // Int8Array with 50 ones
 */
export function randomSparsePattern(N: number, a: number, rng: RandomSource): Int8Array {
  const ctx = 'randomSparsePattern';
  if (typeof N !== 'number' || !Number.isInteger(N) || N < 1) throw new ParameterError('N', N, 'an integer >= 1', ctx);
  if (typeof a !== 'number' || !(a > 0 && a < 1)) throw new ParameterError('a', a, 'a coding level in (0, 1)', ctx);
  const r = resolveRng(rng, 'rng', ctx);
  const out = new Int8Array(N);
  for (const i of r.sampleWithoutReplacement(N, Math.round(a * N))) out[i] = 1;
  return out;
}

/**
 * A Hopfield network of N binary units with a Hebbian (±1) or covariance (0/1) rule.
 *
 * @example
 * const net = new HopfieldNetwork(500, { rule: 'covariance', codingLevel: 0.1, threshold: 0.3 });
 */
export class HopfieldNetwork {
  /** number of units */
  readonly N: number;
  readonly rule: 'hebbian' | 'covariance';
  /** coding level a (covariance rule), NaN for 'hebbian' */
  readonly codingLevel: number;
  /** update threshold θ */
  readonly threshold: number;
  /** couplings, row-major N x N, J_ii = 0 (scaled: see the module doc) */
  readonly weights: Float32Array;
  private _stored = 0;
  private readonly field: Float64Array;
  private readonly order: Uint32Array;

  constructor(N: number, options: HopfieldOptions = {}) {
    const ctx = 'HopfieldNetwork';
    if (typeof N !== 'number' || !Number.isInteger(N) || N < 2 || N > 46340) {
      throw new ParameterError('N', N, 'an integer in [2, 46340]', ctx);
    }
    if (typeof options !== 'object' || options === null) throw new ParameterError('options', options, 'an object of named options', ctx);
    const rule = options.rule ?? 'hebbian';
    if (rule !== 'hebbian' && rule !== 'covariance') throw new ParameterError('rule', rule, "'hebbian' or 'covariance'", ctx);
    let a = NaN;
    if (rule === 'covariance') {
      a = options.codingLevel as number;
      if (typeof a !== 'number' || !(a > 0 && a < 1)) {
        throw new ParameterError('codingLevel', a, 'a number in (0, 1)', ctx, "the 'covariance' rule needs the fraction of active units per pattern");
      }
    } else if (options.codingLevel !== undefined) {
      throw new ParameterError('codingLevel', options.codingLevel, "omitted for the 'hebbian' rule", ctx);
    }
    const theta = options.threshold ?? 0;
    if (typeof theta !== 'number' || !Number.isFinite(theta)) throw new ParameterError('threshold', theta, 'a finite number', ctx);
    this.N = N;
    this.rule = rule;
    this.codingLevel = a;
    this.threshold = theta;
    this.weights = new Float32Array(N * N);
    this.field = new Float64Array(N);
    this.order = new Uint32Array(N);
  }

  /** Patterns stored so far. */
  get patternsStored(): number {
    return this._stored;
  }

  /** Load α = patterns / N. */
  get load(): number {
    return this._stored / this.N;
  }

  private checkState(state: unknown, name: string, ctx: string): Int8Array {
    if (!(state instanceof Int8Array) || state.length !== this.N) {
      throw new ParameterError(name, state, `an Int8Array of length ${this.N}`, ctx);
    }
    const hebb = this.rule === 'hebbian';
    for (let i = 0; i < this.N; i++) {
      const v = state[i];
      if (hebb ? v !== 1 && v !== -1 : v !== 0 && v !== 1) {
        throw new ParameterError(`${name}[${i}]`, v, hebb ? '+1 or -1' : '0 or 1', ctx);
      }
    }
    return state;
  }

  /**
   * Adds a pattern to the couplings (±1 for 'hebbian', 0/1 for 'covariance').
   *
   * @example
   * net.store(randomBipolarPattern(net.N, rng));
   */
  store(pattern: Int8Array): this {
    const p = this.checkState(pattern, 'pattern', 'HopfieldNetwork.store');
    const N = this.N;
    const J = this.weights;
    if (this.rule === 'hebbian') {
      const inv = 1 / N;
      for (let i = 0; i < N; i++) {
        const row = i * N;
        const pi = p[i];
        for (let j = 0; j < N; j++) J[row + j] += pi * p[j] * inv; // (ξ_i ξ_j)/N: exactly symmetric
        J[row + i] = 0;
      }
    } else {
      const a = this.codingLevel;
      const scale = 1 / (N * a * (1 - a));
      // the two centred values: ξ = 1 -> 1 − a, ξ = 0 -> −a
      const c1 = 1 - a;
      const c0 = -a;
      const prod11 = c1 * c1 * scale;
      const prod10 = c1 * c0 * scale;
      const prod00 = c0 * c0 * scale;
      for (let i = 0; i < N; i++) {
        const row = i * N;
        const x = p[i] === 1 ? prod11 : prod10;
        const y = p[i] === 1 ? prod10 : prod00;
        for (let j = 0; j < N; j++) J[row + j] += p[j] === 1 ? x : y; // exactly symmetric
        J[row + i] = 0;
      }
    }
    this._stored++;
    return this;
  }

  /** Sets every coupling to 0. */
  clear(): this {
    this.weights.fill(0);
    this._stored = 0;
    return this;
  }

  /**
   * Local fields h_i = Σ_j J_ij s_j (into `out`, or a new array).
   */
  fields(state: Int8Array, out?: Float64Array): Float64Array {
    this.checkState(state, 'state', 'HopfieldNetwork.fields');
    const h = out ?? new Float64Array(this.N);
    this.computeFields(state, h);
    return h;
  }

  private computeFields(s: Int8Array, h: Float64Array): void {
    const N = this.N;
    const J = this.weights;
    for (let i = 0; i < N; i++) {
      const row = i * N;
      let acc = 0;
      for (let j = 0; j < N; j++) acc += J[row + j] * s[j];
      h[i] = acc;
    }
  }

  /**
   * Energy E = −½ Σ_{i≠j} J_ij s_i s_j + θ Σ_i s_i.
   *
   * @example
   * net.energy(state); // non-increasing under asynchronous updates
   */
  energy(state: Int8Array): number {
    this.checkState(state, 'state', 'HopfieldNetwork.energy');
    const N = this.N;
    const J = this.weights;
    let e = 0;
    let act = 0;
    for (let i = 0; i < N; i++) {
      const si = state[i];
      act += si;
      if (si === 0) continue;
      const row = i * N;
      let acc = 0;
      for (let j = 0; j < N; j++) acc += J[row + j] * state[j];
      e += si * acc;
    }
    return -0.5 * e + this.threshold * act;
  }

  /**
   * Overlap of a state with a pattern: (1/N) Σ ξ_i s_i for 'hebbian' (1 = identical,
   * −1 = inverted); Σ (ξ_i − a) s_i / (N a (1 − a)) for 'covariance' (1 = identical, ~0 =
   * unrelated).
   *
   * @example
   * net.overlap(state, patterns[0]); // in [−1, 1]
   */
  overlap(state: Int8Array, pattern: Int8Array): number {
    const ctx = 'HopfieldNetwork.overlap';
    this.checkState(state, 'state', ctx);
    this.checkState(pattern, 'pattern', ctx);
    const N = this.N;
    let s = 0;
    if (this.rule === 'hebbian') {
      for (let i = 0; i < N; i++) s += state[i] * pattern[i];
      return s / N;
    }
    const a = this.codingLevel;
    for (let i = 0; i < N; i++) if (state[i] === 1) s += pattern[i] - a;
    return s / (N * a * (1 - a));
  }

  /** The new state of a unit with field h and current state `current` (kept when h = θ). */
  private target(h: number, current: number): number {
    const d = h - this.threshold;
    if (d > 0) return 1;
    if (d < 0) return this.rule === 'hebbian' ? -1 : 0;
    return current;
  }

  /**
   * Runs the dynamics from `state` (changed in place) until no unit changes or
   * `maxSweeps` sweeps.
   *
   * @example
   * const { sweeps, converged } = net.run(state, { mode: 'async', rng: 1 });
   */
  run(state: Int8Array, options: HopfieldRunOptions = {}): HopfieldRunResult {
    const ctx = 'HopfieldNetwork.run';
    this.checkState(state, 'state', ctx);
    if (typeof options !== 'object' || options === null) throw new ParameterError('options', options, 'an object of named options', ctx);
    const mode = options.mode ?? 'async';
    if (mode !== 'async' && mode !== 'sync') throw new ParameterError('mode', mode, "'async' or 'sync'", ctx);
    const maxSweeps = options.maxSweeps ?? 100;
    if (typeof maxSweeps !== 'number' || !Number.isInteger(maxSweeps) || maxSweeps < 1) {
      throw new ParameterError('maxSweeps', maxSweeps, 'an integer >= 1', ctx);
    }
    if (mode === 'async') {
      if (options.rng === undefined) {
        throw new ParameterError('rng', options.rng, 'an Rng or a seed', ctx, 'asynchronous updates visit the units in a random order');
      }
      return this.runAsync(state, resolveRng(options.rng, 'rng', ctx), maxSweeps);
    }
    return this.runSync(state, maxSweeps);
  }

  private runAsync(s: Int8Array, rng: Rng, maxSweeps: number): HopfieldRunResult {
    const N = this.N;
    const J = this.weights;
    const h = this.field;
    this.computeFields(s, h);
    const order = this.order;
    for (let i = 0; i < N; i++) order[i] = i;
    let flips = 0;
    let sweeps = 0;
    let converged = false;
    while (sweeps < maxSweeps) {
      rng.shuffle(order);
      sweeps++;
      let changed = 0;
      for (let q = 0; q < N; q++) {
        const i = order[q];
        const cur = s[i];
        const next = this.target(h[i], cur);
        if (next === cur) continue;
        s[i] = next;
        const delta = next - cur;
        const row = i * N; // J symmetric: column i = row i
        for (let j = 0; j < N; j++) h[j] += J[row + j] * delta;
        changed++;
      }
      flips += changed;
      if (changed === 0) {
        converged = true;
        break;
      }
    }
    return { sweeps, flips, converged };
  }

  private runSync(s: Int8Array, maxSweeps: number): HopfieldRunResult {
    const N = this.N;
    const h = this.field;
    let flips = 0;
    let sweeps = 0;
    let converged = false;
    while (sweeps < maxSweeps) {
      this.computeFields(s, h);
      sweeps++;
      let changed = 0;
      for (let i = 0; i < N; i++) {
        const next = this.target(h[i], s[i]);
        if (next !== s[i]) {
          s[i] = next;
          changed++;
        }
      }
      flips += changed;
      if (changed === 0) {
        converged = true;
        break;
      }
    }
    return { sweeps, flips, converged };
  }
}
