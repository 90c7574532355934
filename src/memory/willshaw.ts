/**
 * The Willshaw associative memory (Willshaw, Buneman & Longuet-Higgins 1969; Palm 1980):
 * binary synapses set by clipped Hebbian learning, bit-packed 32 synapses per word.
 *
 * **Model and conventions.**
 * - Auto-associative (`new WillshawMemory(n)`): storing a pattern P (a set of active units)
 *   sets W_ij = 1 for every i, j in P, **including the diagonal W_ii = 1**, so a unit that
 *   is in some pattern counts itself when it is in the cue and a full-pattern unit reaches
 *   the dendritic sum c (theory.md 2.1; the convention of {@link willshawExpectedFalsePositives}).
 *   {@link WillshawMemory.load} reports the off-diagonal load, the quantity of
 *   {@link willshawLoad}.
 * - Hetero-associative (`new WillshawMemory(m, n)`): storing (A, B) sets W_ij = 1 for i in A,
 *   j in B (PyNAM's BiNAM `train`).
 * - Retrieval from a cue x: dendritic sums s_j = Σ_{i in x} W_ij; output {j : s_j >= θ}
 *   (θ = |x| by default, the Willshaw threshold), or the k largest sums (k-WTA), once or
 *   iterated to a fixed point (auto-associative only).
 *
 * Memory: m · ceil(n / 32) · 4 bytes (n = 4096: 2 MiB).
 *
 * @example
 * const mem = new WillshawMemory(4096);
 * const rng = new Rng(1);
 * const p = new SDR(4096).randomize(12 / 4096, rng);
 * mem.store(p);
 * const cue = p.clone().killCells(0.5, rng);     // 6 of the 12 units
 * mem.recall(cue).equals(p);                      // true
 * mem.recall(cue, { mode: 'kwta', k: 12, rng }).equals(p); // true
 */
import { ParameterError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { resolveRng, type RandomSource } from '../sdr/randomSource.js';
import { SDR } from '../sdr/sdr.js';
import { BitMatrix } from './bitMatrix.js';
import { kwtaRetrieve, retrievalScratch, thresholdRetrieve, type RetrievalScratch } from './willshawRetrieval.js';

/** A set of active units: an SDR or a list of distinct unit indices (any order). */
export type UnitSet = SDR | ArrayLike<number>;

/** Options of {@link WillshawMemory.recall}. */
export interface WillshawRecallOptions {
  /** 'threshold' (default): {j : s_j >= threshold}; 'kwta': the k largest sums */
  readonly mode?: 'threshold' | 'kwta';
  /** threshold θ (an integer >= 0); default the cue size (the Willshaw threshold) */
  readonly threshold?: number;
  /** number of winners for 'kwta' (an integer in [1, outputSize]) */
  readonly k?: number;
  /** breaks ties of 'kwta' at random (an `Rng`, advanced, or a seed); lowest indices win without */
  readonly rng?: RandomSource;
  /** an SDR to write the result into (size = outputSize); returned */
  readonly output?: SDR;
}

/** Options of {@link WillshawMemory.recallIterative}. */
export interface WillshawIterativeOptions extends WillshawRecallOptions {
  /** most retrieval steps, an integer >= 1 (default 10) */
  readonly maxIterations?: number;
}

/** Result of {@link WillshawMemory.recallIterative}. */
export interface WillshawIterativeResult {
  /** the state after the last step */
  readonly sdr: SDR;
  /** retrieval steps done */
  readonly iterations: number;
  /** true when the last step left the state unchanged (a fixed point) */
  readonly converged: boolean;
}

/**
 * A binary (clipped Hebbian) associative memory, auto- or hetero-associative.
 *
 * @example
 * const mem = new WillshawMemory(16, 16);          // BiNAM, 16 inputs -> 16 outputs
 * mem.store([0, 1, 2], [3, 4, 5]);
 * mem.recall([0, 1, 2]).sparse;                    // Uint32Array [3, 4, 5]
 */
export class WillshawMemory {
  /** input units m (rows) */
  readonly inputSize: number;
  /** output units n (columns) */
  readonly outputSize: number;
  /** true when built with one size: patterns are stored onto themselves */
  readonly autoassociative: boolean;
  /** the synapses: row i = outgoing synapses of input unit i */
  readonly matrix: BitMatrix;
  private _stored = 0;
  private readonly scratch: RetrievalScratch;
  private readonly outBuf: Uint32Array;
  private readonly cueBuf: Uint32Array;
  private readonly marks: Uint8Array;

  /**
   * An empty memory.
   *
   * @param inputSize - number of units (auto-associative), or of input units, integer >= 1
   * @param outputSize - number of output units for a hetero-associative memory (omit for auto)
   */
  constructor(inputSize: number, outputSize?: number) {
    const ctx = 'WillshawMemory';
    if (typeof inputSize !== 'number' || !Number.isInteger(inputSize) || inputSize < 1) {
      throw new ParameterError('inputSize', inputSize, 'an integer >= 1', ctx);
    }
    if (outputSize !== undefined && (typeof outputSize !== 'number' || !Number.isInteger(outputSize) || outputSize < 1)) {
      throw new ParameterError('outputSize', outputSize, 'an integer >= 1 (or omitted for an auto-associative memory)', ctx);
    }
    this.inputSize = inputSize;
    this.outputSize = outputSize ?? inputSize;
    this.autoassociative = outputSize === undefined;
    this.matrix = new BitMatrix(this.inputSize, this.outputSize);
    this.scratch = retrievalScratch(this.outputSize);
    this.outBuf = new Uint32Array(this.outputSize);
    this.cueBuf = new Uint32Array(this.inputSize);
    this.marks = new Uint8Array(Math.max(this.inputSize, this.outputSize));
  }

  /** Number of patterns (or pairs) stored so far. */
  get patternsStored(): number {
    return this._stored;
  }

  /** Bytes held by the synapses. */
  get byteLength(): number {
    return this.matrix.byteLength;
  }

  /**
   * Checks a unit set and copies it, ascending, into `buf`; returns the count.
   * Indices must be distinct integers in [0, size).
   */
  private units(value: unknown, size: number, buf: Uint32Array, name: string, ctx: string): number {
    if (value instanceof SDR) {
      if (value.size !== size) throw new ParameterError(name, value, `an SDR of size ${size}`, ctx);
      buf.set(value.sparse);
      return value.sparse.length;
    }
    if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<number>).length !== 'number') {
      throw new ParameterError(name, value, `an SDR or an array of distinct unit indices in [0, ${size})`, ctx);
    }
    const src = value as ArrayLike<unknown>;
    if (src.length > size) throw new ParameterError(name, value, `at most ${size} distinct indices`, ctx);
    const marks = this.marks;
    let bad = -1;
    let dup = false;
    let i = 0;
    for (; i < src.length; i++) {
      const v = src[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= size) {
        bad = i;
        break;
      }
      if (marks[v] === 1) {
        dup = true;
        break;
      }
      marks[v] = 1;
      buf[i] = v;
    }
    for (let q = 0; q < i; q++) marks[buf[q]] = 0;
    if (bad >= 0) throw new ParameterError(`${name}[${bad}]`, src[bad], `an integer unit index in [0, ${size})`, ctx);
    if (dup) throw new ParameterError(name, value, 'distinct unit indices', ctx, `index ${String(src[i])} appears twice`);
    buf.subarray(0, src.length).sort();
    return src.length;
  }

  /**
   * Stores a pattern (auto-associative) or a pair (hetero-associative) by clipped Hebbian
   * learning: W_ij = 1 for i in `input`, j in `output` (= `input` when auto-associative).
   *
   * @param input - the pattern, or the input pattern of the pair
   * @param output - the output pattern (hetero-associative memories only)
   * @returns this memory
   * @example
   * new WillshawMemory(100).store([1, 5, 9]).patternsStored; // 1
   */
  store(input: UnitSet, output?: UnitSet): this {
    const ctx = 'WillshawMemory.store';
    if (this.autoassociative && output !== undefined) {
      throw new ParameterError('output', output, 'omitted for an auto-associative memory', ctx, 'store(pattern) stores the pattern onto itself');
    }
    if (!this.autoassociative && output === undefined) {
      throw new ParameterError('output', output, `an SDR or index list of size ${this.outputSize}`, ctx, 'a hetero-associative memory stores pairs: store(input, output)');
    }
    const a = this.units(input, this.inputSize, this.cueBuf, 'input', ctx);
    if (output === undefined) {
      const rows = this.cueBuf.subarray(0, a);
      this.matrix.orOuter(rows, rows);
    } else {
      const b = this.units(output, this.outputSize, this.outBuf, 'output', ctx);
      this.matrix.orOuter(this.cueBuf.subarray(0, a), this.outBuf.subarray(0, b));
    }
    this._stored++;
    return this;
  }

  /**
   * Stores every pattern of a list (auto) or every pair (hetero: `outputs[i]` with `inputs[i]`).
   *
   * @example
   * mem.storeAll(patterns);
   */
  storeAll(inputs: readonly UnitSet[], outputs?: readonly UnitSet[]): this {
    if (!Array.isArray(inputs)) throw new ParameterError('inputs', inputs, 'an array of patterns', 'WillshawMemory.storeAll');
    if (outputs !== undefined && (!Array.isArray(outputs) || outputs.length !== inputs.length)) {
      throw new ParameterError('outputs', outputs, `an array of ${inputs.length} patterns`, 'WillshawMemory.storeAll');
    }
    for (let i = 0; i < inputs.length; i++) this.store(inputs[i], outputs?.[i]);
    return this;
  }

  /** Sets every synapse to 0 and forgets the count. */
  clear(): this {
    this.matrix.reset();
    this._stored = 0;
    return this;
  }

  /**
   * Matrix load: the fraction of 1 synapses. Auto-associative memories count the
   * off-diagonal entries only (the quantity of {@link willshawLoad}); pass
   * `{ diagonal: true }` to count all n² entries.
   *
   * @example
   * new WillshawMemory(4).store([0, 1]).load(); // 2 / 12
   */
  load(options: { readonly diagonal?: boolean } = {}): number {
    const ones = this.matrix.countOnes();
    if (!this.autoassociative || options.diagonal === true) return ones / (this.inputSize * this.outputSize);
    const n = this.inputSize;
    if (n < 2) return 0;
    return (ones - this.matrix.countDiagonal()) / (n * (n - 1));
  }

  private recallOptions(options: unknown, cueSize: number, ctx: string): { mode: 'threshold' | 'kwta'; theta: number; k: number; rng: Rng | undefined } {
    if (options === undefined) return { mode: 'threshold', theta: cueSize, k: 0, rng: undefined };
    if (typeof options !== 'object' || options === null) throw new ParameterError('options', options, 'an object of named options', ctx);
    const o = options as WillshawIterativeOptions;
    const mode = o.mode ?? 'threshold';
    if (mode !== 'threshold' && mode !== 'kwta') throw new ParameterError('mode', mode, "'threshold' or 'kwta'", ctx);
    let theta = cueSize;
    let k = 0;
    if (mode === 'threshold') {
      if (o.threshold !== undefined) {
        if (typeof o.threshold !== 'number' || !Number.isInteger(o.threshold) || o.threshold < 0) {
          throw new ParameterError('threshold', o.threshold, 'an integer >= 0', ctx);
        }
        theta = o.threshold;
      }
      if (o.k !== undefined) throw new ParameterError('k', o.k, "omitted unless mode is 'kwta'", ctx);
    } else {
      if (typeof o.k !== 'number' || !Number.isInteger(o.k) || o.k < 1 || o.k > this.outputSize) {
        throw new ParameterError('k', o.k, `an integer in [1, ${this.outputSize}]`, ctx, "mode 'kwta' needs the number of winners k");
      }
      if (o.threshold !== undefined) throw new ParameterError('threshold', o.threshold, "omitted when mode is 'kwta'", ctx);
      k = o.k;
    }
    const rng = o.rng === undefined ? undefined : resolveRng(o.rng, 'rng', ctx);
    if (o.output !== undefined && !(o.output instanceof SDR && o.output.size === this.outputSize)) {
      throw new ParameterError('output', o.output, `an SDR of size ${this.outputSize}`, ctx);
    }
    return { mode, theta, k, rng };
  }

  /**
   * Writes the dendritic sums s_j = Σ_{i in cue} W_ij into `out` (or a new array).
   *
   * @example
   * new WillshawMemory(4).store([0, 1]).dendriticSums([0]); // Uint32Array [1, 1, 0, 0]
   */
  dendriticSums(cue: UnitSet, out?: Uint32Array): Uint32Array {
    const ctx = 'WillshawMemory.dendriticSums';
    const c = this.units(cue, this.inputSize, this.cueBuf, 'cue', ctx);
    const sums = out ?? new Uint32Array(this.outputSize);
    if (!(sums instanceof Uint32Array) || sums.length < this.outputSize) {
      throw new ParameterError('out', out, `a Uint32Array of length >= ${this.outputSize}`, ctx);
    }
    sums.fill(0, 0, this.outputSize);
    for (let a = 0; a < c; a++) this.matrix.addRowTo(this.cueBuf[a], sums);
    return sums;
  }

  /**
   * One-step retrieval into a caller-owned array (the allocation-free hot path): writes the
   * retrieved units ascending into `out` (length >= outputSize) and returns their count.
   * `cue` must hold distinct valid indices (not checked here, unlike {@link recall}).
   */
  recallInto(cue: ArrayLike<number>, out: Uint32Array, options: { readonly threshold?: number; readonly k?: number; readonly rng?: Rng } = {}): number {
    if (options.k !== undefined) return kwtaRetrieve(this.matrix, cue, options.k, out, this.scratch, options.rng);
    return thresholdRetrieve(this.matrix, cue, options.threshold ?? cue.length, out, this.scratch);
  }

  /**
   * One-step retrieval: the units whose dendritic sum reaches the threshold (default: the
   * cue size), or the k largest sums (`mode: 'kwta'`).
   *
   * @param cue - active input units (an SDR of size inputSize or an index list)
   * @returns a new SDR of size outputSize (or `options.output`)
   * @example
   * mem.recall(cue);                                   // θ = |cue|
   * mem.recall(cue, { threshold: 5 });
   * mem.recall(cue, { mode: 'kwta', k: 12, rng: 7 });
   */
  recall(cue: UnitSet, options?: WillshawRecallOptions): SDR {
    const ctx = 'WillshawMemory.recall';
    const c = this.units(cue, this.inputSize, this.cueBuf, 'cue', ctx);
    const o = this.recallOptions(options, c, ctx);
    const cueView = this.cueBuf.subarray(0, c);
    const count =
      o.mode === 'kwta'
        ? kwtaRetrieve(this.matrix, cueView, o.k, this.outBuf, this.scratch, o.rng)
        : thresholdRetrieve(this.matrix, cueView, o.theta, this.outBuf, this.scratch);
    const out = options?.output ?? new SDR(this.outputSize);
    return out.setSparse(this.outBuf.subarray(0, count));
  }

  /**
   * Iterated retrieval of an auto-associative memory: x(t+1) = retrieve(x(t)) until the
   * state stops changing (a fixed point) or `maxIterations` steps. In threshold mode the
   * threshold of each step is the given one, or the size of the current state.
   *
   * @example
   * const { sdr, iterations, converged } = mem.recallIterative(cue, { mode: 'kwta', k: 12, rng: 1 });
   */
  recallIterative(cue: UnitSet, options?: WillshawIterativeOptions): WillshawIterativeResult {
    const ctx = 'WillshawMemory.recallIterative';
    if (!this.autoassociative) {
      throw new ParameterError('cue', cue, 'a cue of an auto-associative memory', ctx, 'iterated retrieval feeds the output back as the next cue; a hetero-associative memory has no such loop');
    }
    const c = this.units(cue, this.inputSize, this.cueBuf, 'cue', ctx);
    const o = this.recallOptions(options, c, ctx);
    const maxIt = options?.maxIterations ?? 10;
    if (typeof maxIt !== 'number' || !Number.isInteger(maxIt) || maxIt < 1) {
      throw new ParameterError('maxIterations', maxIt, 'an integer >= 1', ctx);
    }
    const fixedTheta = options?.threshold;
    let state = this.cueBuf;
    let next = this.outBuf;
    let size = c;
    let iterations = 0;
    let converged = false;
    while (iterations < maxIt) {
      const cueView = state.subarray(0, size);
      const count =
        o.mode === 'kwta'
          ? kwtaRetrieve(this.matrix, cueView, o.k, next, this.scratch, o.rng)
          : thresholdRetrieve(this.matrix, cueView, fixedTheta ?? size, next, this.scratch);
      iterations++;
      let same = count === size;
      for (let i = 0; same && i < count; i++) if (next[i] !== state[i]) same = false;
      const tmp = state;
      state = next;
      next = tmp;
      size = count;
      if (same) {
        converged = true;
        break;
      }
    }
    const out = options?.output ?? new SDR(this.outputSize);
    out.setSparse(state.subarray(0, size));
    return { sdr: out, iterations, converged };
  }
}
