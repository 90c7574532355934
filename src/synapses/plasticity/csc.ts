/**
 * The post-to-pre index of a projection (compressed sparse column): the synapses onto
 * postsynaptic neuron j are `synapse[colPtr[j] .. colPtr[j+1])` (CSR ids, ascending), with
 * their presynaptic neurons in `source` at the same positions. Built once per plastic
 * projection by a counting sort, O(synapses + neurons); 8 bytes per synapse.
 */

/** A CSC index over a CSR synapse list. */
export interface CscIndex {
  /** nPost + 1 offsets */
  readonly colPtr: Uint32Array;
  /** CSR id of each synapse, grouped by postsynaptic neuron */
  readonly synapse: Uint32Array;
  /** presynaptic neuron of each entry of {@link synapse} */
  readonly source: Uint32Array;
}

/**
 * Builds the CSC index of a CSR synapse list.
 *
 * @param rowPtr nPre + 1 offsets into `target`
 * @param target postsynaptic index of each synapse
 * @param nPost number of postsynaptic neurons
 * @example buildCsc(Uint32Array.of(0, 2, 3), Uint32Array.of(0, 1, 1), 2) // colPtr [0, 1, 3], synapse [0, 1, 2], source [0, 0, 1]
 */
export function buildCsc(rowPtr: Uint32Array, target: Uint32Array, nPost: number): CscIndex {
  const m = target.length;
  const colPtr = new Uint32Array(nPost + 1);
  for (let s = 0; s < m; s++) colPtr[target[s] + 1]++;
  for (let j = 0; j < nPost; j++) colPtr[j + 1] += colPtr[j];
  const fill = colPtr.slice(0, nPost);
  const synapse = new Uint32Array(m);
  const source = new Uint32Array(m);
  const nPre = rowPtr.length - 1;
  for (let i = 0; i < nPre; i++) {
    for (let s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
      const at = fill[target[s]]++;
      synapse[at] = s;
      source[at] = i;
    }
  }
  return { colPtr, synapse, source };
}
