/**
 * Connectors decide which pairs (pre, post) are connected. They produce the synapses
 * in compressed sparse row form by presynaptic neuron (CSR): the targets of neuron i
 * are `target[rowPtr[i] .. rowPtr[i+1])`, ascending within a row unless given by a list.
 */
import type { Rng } from '../core/rng.js';

/** Synapses of a projection in CSR order, before weights and delays are assigned. */
export interface ConnectionSet {
  /** nPre + 1 offsets into `target` */
  readonly rowPtr: Uint32Array;
  /** postsynaptic index of each synapse */
  readonly target: Uint32Array;
  /** per-synapse weights given by the connector (fromList); NaN where not given */
  readonly weight?: Float64Array;
  /** per-synapse delays (ms) given by the connector (fromList); NaN where not given */
  readonly delay?: Float64Array;
}

/** A connection rule. Build with `allToAll()`, `fixedProbability(p)`, ... */
export interface Connector {
  /** rule name, e.g. 'fixedProbability' */
  readonly kind: string;
  /** its parameters, for reports and export */
  readonly params: Readonly<Record<string, unknown>>;
  /**
   * Draws the connections. `samePopulation` tells whether pre and post are the same
   * population (for self-connection rules). Throws a ParameterError if the rule cannot
   * be met for these sizes.
   */
  build(nPre: number, nPost: number, rng: Rng, samePopulation: boolean): ConnectionSet;
}

/** Options shared by random connectors. */
export interface SelfConnectionOptions {
  /** allow i -> i when pre and post are the same population (default true, as in PyNN) */
  readonly allowSelf?: boolean;
}

/**
 * Builds CSR from (pre, post) pairs given in any order, keeping the given order within
 * each row (counting sort by pre; O(pairs + nPre)).
 */
export function csrFromPairs(
  nPre: number,
  pre: Uint32Array,
  post: Uint32Array,
): { rowPtr: Uint32Array; target: Uint32Array; order: Uint32Array } {
  const m = pre.length;
  const rowPtr = new Uint32Array(nPre + 1);
  for (let s = 0; s < m; s++) rowPtr[pre[s] + 1]++;
  for (let i = 0; i < nPre; i++) rowPtr[i + 1] += rowPtr[i];
  const fill = rowPtr.slice(0, nPre);
  const target = new Uint32Array(m);
  const order = new Uint32Array(m);
  for (let s = 0; s < m; s++) {
    const at = fill[pre[s]]++;
    target[at] = post[s];
    order[at] = s;
  }
  return { rowPtr, target, order };
}
