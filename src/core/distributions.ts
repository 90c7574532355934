/**
 * Random distributions for parameters, weights, delays and initial values. A value
 * given to Engram is a {@link ValueSpec}: a constant, one value per item, or a
 * distribution sampled from the network's seeded generator.
 */
import { ParameterError } from './errors.js';
import type { Rng } from './rng.js';
import { requireFinite, requireNonNegative } from './validate.js';

/** A distribution that can fill an array from a seeded generator. */
export interface Distribution {
  readonly kind: 'uniform' | 'normal' | 'normalClipped' | 'exponential';
  /** parameters, for reports and export */
  readonly params: Readonly<Record<string, number>>;
  /** one draw */
  sample(rng: Rng): number;
  /** smallest and largest value it can produce */
  readonly support: readonly [number, number];
}

/** Uniform on [low, high). */
export function uniform(low: number, high: number): Distribution {
  requireFinite('low', low, 'uniform');
  requireFinite('high', high, 'uniform');
  if (high < low) throw new ParameterError('high', high, `a number >= low = ${low}`, 'uniform');
  return {
    kind: 'uniform',
    params: { low, high },
    support: [low, high],
    sample: (rng) => low + (high - low) * rng.random53(),
  };
}

/** Normal with mean `mu` and standard deviation `sigma`. */
export function normal(mu: number, sigma: number): Distribution {
  requireFinite('mu', mu, 'normal');
  requireNonNegative('sigma', sigma, 'normal');
  return {
    kind: 'normal',
    params: { mu, sigma },
    support: [-Infinity, Infinity],
    sample: (rng) => mu + sigma * rng.normal(),
  };
}

/**
 * Normal clipped to [low, high] by redrawing values outside (PyNN's `normal_clipped`),
 * so no probability mass piles up on the bounds.
 */
export function normalClipped(mu: number, sigma: number, low: number, high: number): Distribution {
  requireFinite('mu', mu, 'normalClipped');
  requireNonNegative('sigma', sigma, 'normalClipped');
  if (!(low <= high)) throw new ParameterError('high', high, `a number >= low = ${low}`, 'normalClipped');
  if (sigma === 0 && (mu < low || mu > high)) {
    throw new ParameterError('mu', mu, `in [${low}, ${high}] when sigma = 0`, 'normalClipped');
  }
  // Refuse bounds that would make redrawing loop practically forever.
  const z = (x: number) => (x - mu) / (sigma || 1);
  if (sigma > 0 && (z(low) > 8 || z(high) < -8)) {
    throw new ParameterError('low/high', [low, high], 'bounds within 8 sigma of mu', 'normalClipped');
  }
  return {
    kind: 'normalClipped',
    params: { mu, sigma, low, high },
    support: [low, high],
    sample: (rng) => {
      for (;;) {
        const x = mu + sigma * rng.normal();
        if (x >= low && x <= high) return x;
      }
    },
  };
}

/** Exponential with the given mean (scale). */
export function exponential(mean: number): Distribution {
  requireNonNegative('mean', mean, 'exponential');
  return {
    kind: 'exponential',
    params: { mean },
    support: [0, Infinity],
    sample: (rng) => mean * rng.exponential(),
  };
}

/** A constant, one value per item, or a distribution. */
export type ValueSpec = number | ArrayLike<number> | Distribution;

export function isDistribution(value: unknown): value is Distribution {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Distribution).sample === 'function' &&
    typeof (value as Distribution).kind === 'string'
  );
}

/**
 * Expands a {@link ValueSpec} into `out` (length = number of items). Arrays must have
 * exactly `out.length` entries. Every value is checked with `check` (which throws).
 */
export function fillValues(
  spec: ValueSpec,
  out: Float32Array | Float64Array,
  rng: Rng,
  name: string,
  context: string,
  check?: (v: number) => boolean,
  allowed = 'a finite number',
): void {
  const bad = (v: unknown) => new ParameterError(name, v, allowed, context);
  if (typeof spec === 'number') {
    if (!Number.isFinite(spec) || (check && !check(spec))) throw bad(spec);
    out.fill(spec);
    return;
  }
  if (isDistribution(spec)) {
    for (let i = 0; i < out.length; i++) {
      const v = spec.sample(rng);
      if (!Number.isFinite(v) || (check && !check(v))) {
        throw new ParameterError(name, `${spec.kind}(${JSON.stringify(spec.params)}) drew ${v}`, allowed, context);
      }
      out[i] = v;
    }
    return;
  }
  if (spec && typeof spec === 'object' && typeof (spec as ArrayLike<number>).length === 'number') {
    const arr = spec as ArrayLike<number>;
    if (arr.length !== out.length) {
      throw new ParameterError(name, spec, `an array of exactly ${out.length} values`, context);
    }
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (typeof v !== 'number' || !Number.isFinite(v) || (check && !check(v))) {
        throw new ParameterError(`${name}[${i}]`, v, allowed, context);
      }
      out[i] = v;
    }
    return;
  }
  throw new ParameterError(name, spec, `${allowed}, an array of such, or a distribution`, context);
}
