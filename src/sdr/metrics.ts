/**
 * Running statistics of an SDR over time, as htm.core's `SdrMetrics`: {@link Sparsity},
 * {@link ActivationFrequency} (with entropy), {@link Overlap} between successive values,
 * and {@link SDRMetrics} bundling the three.
 *
 * All are exponential moving averages with weight α = 1 / min(period, samples): a plain
 * running mean over the first `period` samples, then an exponential average with time
 * constant `period`. Variance uses the incremental EMA formula
 * (Finch 2009, "Incremental calculation of weighted mean and variance", section 9):
 * diff = x − mean; mean += α·diff; var = (1 − α)(var + α·diff²).
 *
 * A metric either listens to an SDR (every change of its value is a sample) or is fed by
 * hand with `addData(sdr)`. Statistics are kept in double precision (htm.core uses float32).
 */
import { ParameterError, StateError } from '../core/errors.js';
import { SDR } from './sdr.js';

function requirePeriod(period: unknown, context: string): number {
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 1) {
    throw new ParameterError('period', period, 'an integer >= 1 (samples)', context);
  }
  return period;
}

function dimensionsOf(source: unknown, context: string): readonly number[] {
  if (source instanceof SDR) return source.dimensions;
  // validate through the SDR constructor (same rules, same errors)
  try {
    return new SDR(source as number | readonly number[]).dimensions;
  } catch (e) {
    if (e instanceof ParameterError) {
      throw new ParameterError('source', source, 'an SDR to listen to, or the dimensions of the SDRs to expect', context);
    }
    throw e;
  }
}

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Formats like C++ iostream's default (6 significant digits, %g style). */
function g6(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const ev = Number(e);
    return `${mant}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  const s = x.toPrecision(6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Source of samples for a metric: an SDR to listen to, or dimensions (then call `addData`). */
export type MetricSource = SDR | number | readonly number[];

/** What every metric shares: the source, the period and the sample count. */
abstract class MetricBase {
  /** shape of the SDRs measured */
  readonly dimensions: readonly number[];
  /** averaging period (samples) */
  readonly period: number;
  protected _samples = 0;
  private _source: SDR | null = null;
  private _handle = -1;
  private readonly _context: string;

  protected constructor(source: MetricSource, period: number, context: string) {
    this._context = context;
    this.period = requirePeriod(period, context);
    this.dimensions = dimensionsOf(source, context);
    if (source instanceof SDR) {
      this._source = source;
      this._handle = source.addCallback((sdr) => this._sample(sdr));
    }
  }

  /** number of samples that entered the statistics */
  get samples(): number {
    return this._samples;
  }

  /**
   * Adds one sample by hand (only for metrics built from dimensions, not listening to an SDR).
   *
   * @example
   * const s = new Sparsity([100], 10);
   * s.addData(new SDR(100).randomize(0.1, 1));
   */
  addData(sdr: SDR): void {
    if (this._source !== null) {
      throw new StateError(
        `${this._context}.addData: this metric listens to an SDR and samples it on every change; ` +
          'build it from dimensions to feed it by hand',
      );
    }
    if (!(sdr instanceof SDR)) throw new ParameterError('sdr', sdr, 'an SDR', `${this._context}.addData`);
    if (!sameDims(sdr.dimensions, this.dimensions)) {
      throw new ParameterError(
        'sdr.dimensions',
        sdr.dimensions,
        `the metric's dimensions [${this.dimensions.join(', ')}]`,
        `${this._context}.addData`,
      );
    }
    this._sample(sdr);
  }

  /** Stops listening to the source SDR (no-op for hand-fed metrics). @example metric.disconnect(); */
  disconnect(): void {
    if (this._source !== null) {
      this._source.removeCallback(this._handle);
      this._source = null;
      this._handle = -1;
    }
  }

  private _sample(sdr: SDR): void {
    this._samples++;
    this.update(sdr, 1 / Math.min(this.period, this._samples));
  }

  protected abstract update(sdr: SDR, alpha: number): void;
}

/**
 * Sparsity of an SDR over time: current value, min, max, EMA mean and EMA standard deviation.
 *
 * @example
 * const a = new SDR(1000);
 * const s = new Sparsity(a, 1000);
 * a.randomize(0.01, 1); a.randomize(0.15, 2); a.randomize(0.05, 3);
 * s.min(); s.max(); s.mean(); s.std(); // 0.01, 0.15, 0.07, 0.0589
 */
export class Sparsity extends MetricBase {
  private _sparsity = NaN;
  private _min = Infinity;
  private _max = -Infinity;
  private _mean = NaN;
  private _variance = NaN;

  /**
   * @param source - an SDR to listen to, or the dimensions of SDRs given to `addData`
   * @param period - averaging period in samples (integer >= 1)
   */
  constructor(source: MetricSource, period: number) {
    super(source, period, 'Sparsity');
  }

  /** sparsity of the latest sample (NaN before any) */
  get sparsity(): number {
    return this._sparsity;
  }
  /** smallest sparsity seen (Infinity before any sample) */
  min(): number {
    return this._min;
  }
  /** largest sparsity seen (−Infinity before any sample) */
  max(): number {
    return this._max;
  }
  /** EMA mean (NaN before any sample) */
  mean(): number {
    return this._mean;
  }
  /** EMA standard deviation (NaN before any sample) */
  std(): number {
    return Math.sqrt(this._variance);
  }

  protected override update(sdr: SDR, alpha: number): void {
    const x = sdr.getSparsity();
    this._sparsity = x;
    if (x < this._min) this._min = x;
    if (x > this._max) this._max = x;
    [this._mean, this._variance] = emaStep(this._mean, this._variance, x, alpha);
  }

  /** `Sparsity Min/Mean/Std/Max 0.01 / 0.07 / 0.0588784 / 0.15` */
  override toString(): string {
    return `Sparsity Min/Mean/Std/Max ${g6(this.min())} / ${g6(this.mean())} / ${g6(this.std())} / ${g6(this.max())}`;
  }
}

function emaStep(mean: number, variance: number, x: number, alpha: number): [number, number] {
  if (alpha === 1) return [x, 0];
  const diff = x - mean;
  const incr = alpha * diff;
  return [mean + incr, (1 - alpha) * (variance + diff * incr)];
}

/**
 * Per-bit activation frequency (EMA of each bit's activity) with min, max, mean, std and
 * normalised entropy.
 *
 * Update per sample: f_i ← f_i (1 − α) + α·bit_i. With `initialValue` every f_i starts
 * there and α = 1/period from the first sample (htm.core's "always exponential" mode).
 *
 * `entropy()` = mean over bits of the binary entropy H(f_i), divided by H(mean f): 1 when
 * every bit is used equally often, lower when some bits dominate.
 *
 * @example
 * const a = new SDR(2);
 * const af = new ActivationFrequency(a, 1000);
 * a.setDense([0, 0]); a.setDense([1, 1]); a.setDense([0, 1]);
 * af.activationFrequency; // Float64Array [1/3, 2/3]
 * af.entropy();           // 0.918296
 */
export class ActivationFrequency extends MetricBase {
  /** frequency of each bit (NaN before the first sample unless `initialValue` was given) */
  readonly activationFrequency: Float64Array;
  private readonly _alwaysExponential: boolean;

  /**
   * @param source - an SDR to listen to, or the dimensions of SDRs given to `addData`
   * @param period - averaging period in samples (integer >= 1)
   * @param initialValue - optional starting frequency in [0, 1] for every bit
   */
  constructor(source: MetricSource, period: number, initialValue?: number) {
    super(source, period, 'ActivationFrequency');
    const size = this.dimensions.reduce((p, d) => p * d, 1);
    if (initialValue === undefined) {
      this.activationFrequency = new Float64Array(size).fill(NaN);
      this._alwaysExponential = false;
    } else {
      if (typeof initialValue !== 'number' || !(initialValue >= 0 && initialValue <= 1)) {
        throw new ParameterError('initialValue', initialValue, 'a number in [0, 1] (or undefined)', 'ActivationFrequency');
      }
      this.activationFrequency = new Float64Array(size).fill(initialValue);
      this._alwaysExponential = true;
    }
  }

  protected override update(sdr: SDR, alpha: number): void {
    const f = this.activationFrequency;
    if (this._alwaysExponential) alpha = 1 / this.period;
    if (alpha === 1) f.fill(0);
    else {
      const decay = 1 - alpha;
      for (let i = 0; i < f.length; i++) f[i] *= decay;
    }
    const s = sdr.sparse;
    for (let i = 0; i < s.length; i++) f[s[i]] += alpha;
  }

  /** smallest per-bit frequency */
  min(): number {
    let m = Infinity;
    for (const v of this.activationFrequency) if (v < m || Number.isNaN(v)) m = v;
    return m;
  }
  /** largest per-bit frequency */
  max(): number {
    let m = -Infinity;
    for (const v of this.activationFrequency) if (v > m || Number.isNaN(v)) m = v;
    return m;
  }
  /** mean frequency over bits */
  mean(): number {
    let s = 0;
    for (const v of this.activationFrequency) s += v;
    return s / this.activationFrequency.length;
  }
  /** population standard deviation of the frequencies over bits */
  std(): number {
    const m = this.mean();
    let ss = 0;
    for (const v of this.activationFrequency) ss += (v - m) * (v - m);
    return Math.sqrt(ss / this.activationFrequency.length);
  }

  /** Normalised binary entropy in [0, 1] (0 when the mean frequency is 0 or 1). */
  entropy(): number {
    const maxEntropy = binaryEntropy(this.mean());
    if (maxEntropy === 0) return 0;
    let acc = 0;
    for (const p of this.activationFrequency) acc += binaryEntropy(p);
    return acc / this.activationFrequency.length / maxEntropy;
  }

  /** `Activation Frequency Min/Mean/Std/Max ...` and `Entropy ...` on two lines */
  override toString(): string {
    return (
      `Activation Frequency Min/Mean/Std/Max ${g6(this.min())} / ${g6(this.mean())} / ${g6(this.std())} / ${g6(this.max())}\n` +
      `Entropy ${g6(this.entropy())}`
    );
  }
}

/** H(p) = −p log2 p − (1−p) log2(1−p), with H(0) = H(1) = 0. */
function binaryEntropy(p: number): number {
  if (Number.isNaN(p)) return NaN;
  if (p <= 0 || p >= 1) return 0;
  return -p * Math.log2(p) - (1 - p) * Math.log2(1 - p);
}

/**
 * Overlap between successive values of an SDR, normalised by max(|previous|, |current|)
 * (1 when both are empty): current value, min, max, EMA mean and std. The first sample
 * (and the first after {@link Overlap.reset}) only primes the previous value.
 *
 * @example
 * const a = new SDR(2000);
 * const o = new Overlap(a, 1000);
 * a.randomize(0.2, 1);
 * a.addNoise(0.95, 2); a.addNoise(0.55, 3); a.addNoise(0.72, 4);
 * o.min(); o.max(); o.mean(); // 0.05, 0.45, 0.26
 */
export class Overlap extends MetricBase {
  private _previous: SDR | null = null;
  private _overlap = NaN;
  private _min = Infinity;
  private _max = -Infinity;
  private _mean = NaN;
  private _variance = NaN;

  /**
   * @param source - an SDR to listen to, or the dimensions of SDRs given to `addData`
   * @param period - averaging period in samples (integer >= 1)
   */
  constructor(source: MetricSource, period: number) {
    super(source, period, 'Overlap');
  }

  /** Forgets the previous value: the next sample only primes. @example o.reset(); */
  reset(): void {
    this._previous = null;
  }

  /** normalised overlap of the latest pair (NaN after a priming sample) */
  get overlap(): number {
    return this._overlap;
  }
  /** smallest overlap seen */
  min(): number {
    return this._min;
  }
  /** largest overlap seen */
  max(): number {
    return this._max;
  }
  /** EMA mean */
  mean(): number {
    return this._mean;
  }
  /** EMA standard deviation */
  std(): number {
    return Math.sqrt(this._variance);
  }

  protected override update(sdr: SDR, alpha: number): void {
    if (this._previous === null) {
      this._previous = sdr.clone();
      this._samples -= 1; // it takes two values to measure one overlap
      this._overlap = NaN;
      return;
    }
    const prev = this._previous;
    const nbits = Math.max(prev.getSum(), sdr.getSum());
    const raw = overlapSparse(prev.sparse, sdr.sparse);
    const x = nbits === 0 ? 1 : raw / nbits;
    this._overlap = x;
    if (x < this._min) this._min = x;
    if (x > this._max) this._max = x;
    [this._mean, this._variance] = emaStep(this._mean, this._variance, x, alpha);
    this._previous = sdr.clone();
  }

  /** `Overlap Min/Mean/Std/Max 0.05 / 0.26 / 0.163911 / 0.45` */
  override toString(): string {
    return `Overlap Min/Mean/Std/Max ${g6(this.min())} / ${g6(this.mean())} / ${g6(this.std())} / ${g6(this.max())}`;
  }
}

function overlapSparse(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let c = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      c++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return c;
}

/**
 * {@link Sparsity}, {@link ActivationFrequency} and {@link Overlap} of one SDR together
 * (htm.core's `Metrics`).
 *
 * @example
 * const a = new SDR(2000);
 * const m = new SDRMetrics(a, 1000);
 * a.randomize(0.1, 42);
 * for (let i = 0; i < 20; i++) a.addNoise(0.55, 42 + i);
 * m.overlap.mean(); // 0.45
 * String(m);        // 'SDR( 2000 )\n    Sparsity Min/Mean/Std/Max ...'
 */
export class SDRMetrics {
  readonly dimensions: readonly number[];
  readonly sparsity: Sparsity;
  readonly activationFrequency: ActivationFrequency;
  readonly overlap: Overlap;

  /**
   * @param source - an SDR to listen to, or the dimensions of SDRs given to `addData`
   * @param period - averaging period in samples (integer >= 1)
   */
  constructor(source: MetricSource, period: number) {
    requirePeriod(period, 'SDRMetrics');
    this.sparsity = new Sparsity(source, period);
    this.activationFrequency = new ActivationFrequency(source, period);
    this.overlap = new Overlap(source, period);
    this.dimensions = this.sparsity.dimensions;
  }

  /** Forgets the previous value of the overlap metric. @example m.reset(); */
  reset(): void {
    this.overlap.reset();
  }

  /** Adds one sample to all three (hand-fed metrics only). @example m.addData(sdr); */
  addData(sdr: SDR): void {
    this.sparsity.addData(sdr);
    this.activationFrequency.addData(sdr);
    this.overlap.addData(sdr);
  }

  /** Stops listening to the source SDR. @example m.disconnect(); */
  disconnect(): void {
    this.sparsity.disconnect();
    this.activationFrequency.disconnect();
    this.overlap.disconnect();
  }

  /** Multi-line report like htm.core's. */
  toString(): string {
    const body = [String(this.sparsity), String(this.activationFrequency), String(this.overlap)]
      .join('\n')
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    return `SDR( ${this.dimensions.join(' ')} )\n${body}`;
  }
}
