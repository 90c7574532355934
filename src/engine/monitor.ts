/**
 * What the network calls on a monitor each step. Monitors are attached with
 * `network.add(monitor)` and record from then on.
 */
import type { Population } from './population.js';

export interface Monitor {
  /** the population it records from */
  readonly population: Population<object>;
  /** @internal called once by `network.add`: time step (ms) and the current step */
  attach(dt: number, step: number): void;
  /** @internal start of step k, before input and integration: state sampling */
  beforeStep?(k: number): void;
  /** @internal end of step k, after threshold: the population's spikes (stamped k + 1) */
  afterStep?(k: number): void;
}

/** Validates an index subset against a population; returns it as a sorted Uint32Array. */
export function subsetIndices(
  population: Population<object>,
  indices: ArrayLike<number> | undefined,
  context: string,
): Uint32Array {
  if (indices === undefined) {
    const all = new Uint32Array(population.size);
    for (let i = 0; i < all.length; i++) all[i] = i;
    return all;
  }
  const out = new Uint32Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    population.checkIndex(indices[r], `${context}.indices[${r}]`);
    out[r] = indices[r];
  }
  return out;
}
