/**
 * Spike propagation on the CPU: for each spike, for each outgoing synapse, add the
 * weight into the target's input ring at the slot where it arrives. Work is
 * O(spikes x fan-out); nothing is allocated.
 */

/**
 * Propagates through a projection whose synapses share one delay: every weight goes
 * into the same slot `out` (the target's input at the arrival step). Returns the number
 * of synaptic events.
 */
export function propagateConstantDelay(
  spikes: Uint32Array,
  count: number,
  rowPtr: Uint32Array,
  target: Uint32Array,
  weight: Float32Array,
  out: Float32Array,
): number {
  let events = 0;
  for (let s = 0; s < count; s++) {
    const i = spikes[s];
    const end = rowPtr[i + 1];
    let j = rowPtr[i];
    events += end - j;
    for (; j < end; j++) out[target[j]] += weight[j];
  }
  return events;
}

/**
 * Propagates through a projection with per-synapse delays. `ring` holds all slots of
 * the target's input ring back to back (slot length = target size); `slotOffset[d]` is
 * the offset of the slot that a spike emitted now reaches after d steps.
 */
export function propagateHeterogeneousDelay(
  spikes: Uint32Array,
  count: number,
  rowPtr: Uint32Array,
  target: Uint32Array,
  weight: Float32Array,
  delay: Uint8Array | Uint16Array,
  ring: Float32Array,
  slotOffset: Int32Array,
): number {
  let events = 0;
  for (let s = 0; s < count; s++) {
    const i = spikes[s];
    const end = rowPtr[i + 1];
    let j = rowPtr[i];
    events += end - j;
    for (; j < end; j++) ring[slotOffset[delay[j]] + target[j]] += weight[j];
  }
  return events;
}
