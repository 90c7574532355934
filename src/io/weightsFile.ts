/**
 * Saving and loading the weights of a network's projections (PyNN's
 * `projection.save('weight', file)` and `projection.set(weight=...)` for a whole network):
 * learn once, keep the weights, load them into a freshly built network of the same shape.
 *
 * The file is JSON: `{ format: 'engram-weights', version: 1, projections: [...] }`, each
 * projection with its label, source and target labels, synapse count, a checksum of its
 * connectivity (sizes, CSR row pointers and targets) and its weights in synapse order
 * (each the shortest decimal that reads back to the same float32, so a round trip is
 * exact). Loading checks every listed projection (present, same populations, same
 * connectivity, finite weights within a plastic rule's bounds) before it changes any
 * weight, so a file that does not fit changes nothing. Pure functions: the node entry
 * point (`engram/node`) adds atomic file writing.
 */
import { ParameterError } from '../core/errors.js';
import { isRecord, openFormatFile } from './formatFile.js';
import type { Network } from '../engine/network.js';
import type { Projection } from '../engine/projection.js';
import { shortestFloat32 } from './jsonValue.js';

/** The `format` field of a weights file. */
export const WEIGHTS_FORMAT = 'engram-weights';

/** One projection in a weights file. */
export interface WeightsFileProjection {
  readonly label: string;
  /** label of the source population */
  readonly pre: string;
  /** label of the target population */
  readonly post: string;
  readonly synapses: number;
  /** FNV-1a checksum (8 hex digits) of the sizes, row pointers and targets */
  readonly connectivity: string;
  /** weight per synapse in CSR order, nA or uS */
  readonly weights: number[];
}

/** A weights file. */
export interface WeightsFile {
  readonly format: typeof WEIGHTS_FORMAT;
  readonly version: 1;
  readonly projections: WeightsFileProjection[];
}

/** FNV-1a over 32-bit words, as 8 hex digits. */
function fnv1a(words: readonly ArrayLike<number>[]): string {
  let h = 0x811c9dc5;
  for (const list of words) {
    for (let i = 0; i < list.length; i++) {
      let x = list[i] >>> 0;
      for (let b = 0; b < 4; b++) {
        h ^= x & 0xff;
        h = Math.imul(h, 0x01000193);
        x >>>= 8;
      }
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The connectivity checksum of a projection (what a weights file must match to load). */
export function connectivityChecksum(proj: Pick<Projection, 'rowPtr' | 'target'> & { pre: { size: number }; post: { size: number } }): string {
  return fnv1a([[proj.pre.size, proj.post.size], proj.rowPtr, proj.target]);
}

function selected(network: Network, labels: readonly string[] | undefined, ctx: string): Projection[] {
  if (labels === undefined) return network.projections.slice();
  if (!Array.isArray(labels)) throw new ParameterError('labels', labels, 'an array of projection labels', ctx);
  return labels.map((label, i) => {
    const p = network.projections.find((x) => x.label === label);
    if (p === undefined) {
      throw new ParameterError(`labels[${i}]`, label, `a projection label: ${network.projections.map((x) => `'${x.label}'`).join(', ')}`, ctx);
    }
    return p;
  });
}

/**
 * The weights of `network`'s projections (all, or those labelled `labels`) as a weights file.
 *
 * @example
 * const file = weightsFile(net);        // JSON.stringify(file) to keep it
 * loadWeights(otherNet, file);          // a network built the same way
 */
export function weightsFile(network: Network, labels?: readonly string[]): WeightsFile {
  const projections = selected(network, labels, 'weightsFile').map((p) => ({
    label: p.label,
    pre: p.pre.label,
    post: p.post.label,
    synapses: p.size,
    connectivity: connectivityChecksum(p),
    weights: Array.from(p.weight, (w) => shortestFloat32(w)),
  }));
  return { format: WEIGHTS_FORMAT, version: 1, projections };
}

/**
 * Checks that `data` (parsed JSON, or JSON text) is a weights file and returns it typed.
 *
 * @param source - where it came from, for error messages (a file name)
 * @throws ParameterError naming the first field that is wrong
 */
export function parseWeightsFile(data: unknown, source = 'weights file'): WeightsFile {
  const ctx = `parseWeightsFile(${source})`;
  const value = openFormatFile(data, WEIGHTS_FORMAT, 'a weights file', ctx);
  if (!Array.isArray(value.projections)) throw new ParameterError('projections', value.projections, 'an array', ctx);
  value.projections.forEach((p: unknown, i: number) => {
    const at = `projections[${i}]`;
    if (!isRecord(p)) throw new ParameterError(at, p, 'an object', ctx);
    for (const key of ['label', 'pre', 'post', 'connectivity'] as const) {
      if (typeof p[key] !== 'string') throw new ParameterError(`${at}.${key}`, p[key], 'a string', ctx);
    }
    if (typeof p.synapses !== 'number' || !Number.isInteger(p.synapses) || p.synapses < 0) {
      throw new ParameterError(`${at}.synapses`, p.synapses, 'an integer >= 0', ctx);
    }
    if (!Array.isArray(p.weights) || p.weights.length !== p.synapses) {
      throw new ParameterError(`${at}.weights`, Array.isArray(p.weights) ? `${p.weights.length} values` : p.weights, `an array of ${p.synapses} numbers`, ctx);
    }
    const bad = p.weights.findIndex((w: unknown) => typeof w !== 'number' || !Number.isFinite(w));
    if (bad >= 0) throw new ParameterError(`${at}.weights[${bad}]`, p.weights[bad], 'a finite number', ctx);
  });
  return value as unknown as WeightsFile;
}

/**
 * Sets the weights of `network`'s projections from a weights file (parsed or not): every
 * projection listed (or only those labelled `labels`) must exist with the same source,
 * target and connectivity. Everything is checked before any weight changes.
 *
 * @throws ParameterError naming the projection and what does not match
 */
export function loadWeights(network: Network, file: WeightsFile | unknown, labels?: readonly string[]): void {
  const ctx = 'loadWeights';
  const parsed = parseWeightsFile(file);
  const wanted = labels === undefined ? null : new Set(selected(network, labels, ctx).map((p) => p.label));
  const plan: Array<{ proj: Projection; weights: number[] }> = [];
  for (const [i, entry] of parsed.projections.entries()) {
    if (wanted !== null && !wanted.has(entry.label)) continue;
    const at = `projections[${i}] ('${entry.label}')`;
    const proj = network.projections.find((p) => p.label === entry.label);
    if (proj === undefined) {
      throw new ParameterError(`${at}.label`, entry.label, `a projection of this network: ${network.projections.map((p) => `'${p.label}'`).join(', ')}`, ctx);
    }
    if (proj.pre.label !== entry.pre || proj.post.label !== entry.post) {
      throw new ParameterError(`${at}.pre/post`, `${entry.pre} -> ${entry.post}`, `${proj.pre.label} -> ${proj.post.label}`, ctx);
    }
    if (proj.size !== entry.synapses || connectivityChecksum(proj) !== entry.connectivity) {
      throw new ParameterError(
        `${at}.connectivity`,
        `${entry.synapses} synapses, checksum ${entry.connectivity}`,
        `this network's connectivity: ${proj.size} synapses, checksum ${connectivityChecksum(proj)}`,
        ctx,
        'build the network with the same connectors, sizes and seed as the one the weights were saved from',
      );
    }
    const bounds = proj.plasticity?.rule.params.weight as { wMin?: unknown; wMax?: unknown } | undefined;
    if (bounds !== undefined && typeof bounds.wMin === 'number' && typeof bounds.wMax === 'number') {
      const lo = Math.fround(bounds.wMin);
      const hi = Math.fround(bounds.wMax);
      const out = entry.weights.findIndex((w) => Math.fround(w) < lo || Math.fround(w) > hi);
      if (out >= 0) throw new ParameterError(`${at}.weights[${out}]`, entry.weights[out], `a weight within the plastic rule's bounds [${bounds.wMin}, ${bounds.wMax}]`, ctx);
    }
    plan.push({ proj, weights: entry.weights });
  }
  for (const { proj, weights } of plan) proj.weight.set(weights);
}
