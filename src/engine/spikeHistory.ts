/**
 * The spikes of a population's last few steps, for projections that deliver their
 * input directly into the target's synaptic variables when it arrives (see
 * `Projection.direct`). Slot k mod depth holds the spikes of step k; slots grow when a
 * step has more spikes than before, so steady state allocates nothing.
 */
export class SpikeHistory {
  /** how many past steps are kept */
  depth = 1;
  private slots: Uint32Array[] = [new Uint32Array(16)];
  private counts = new Int32Array(1);
  private steps = new Float64Array([-1]);

  /** Keeps at least `depth` steps, preserving what is recorded. */
  ensureDepth(depth: number): void {
    if (depth <= this.depth) return;
    const old = { slots: this.slots, counts: this.counts, steps: this.steps, depth: this.depth };
    this.slots = Array.from({ length: depth }, () => new Uint32Array(16));
    this.counts = new Int32Array(depth);
    this.steps = new Float64Array(depth).fill(-1);
    this.depth = depth;
    for (let s = 0; s < old.depth; s++) {
      const k = old.steps[s];
      if (k < 0) continue;
      const at = k % depth;
      this.slots[at] = old.slots[s];
      this.counts[at] = old.counts[s];
      this.steps[at] = k;
    }
  }

  /** Records the spikes of step k. */
  record(k: number, spikes: Uint32Array, count: number): void {
    const at = k % this.depth;
    if (this.slots[at].length < count) this.slots[at] = new Uint32Array(Math.max(count, this.slots[at].length * 2));
    const slot = this.slots[at];
    for (let s = 0; s < count; s++) slot[s] = spikes[s]; // no subarray: nothing allocated per step
    this.counts[at] = count;
    this.steps[at] = k;
  }

  /** Spikes of step k (first `countOf(k)` entries), if still kept. */
  spikesOf(k: number): Uint32Array {
    return this.slots[k % this.depth];
  }

  /** Number of spikes of step k, or 0 if step k is not (or no longer) recorded. */
  countOf(k: number): number {
    if (k < 0) return 0;
    const at = k % this.depth;
    return this.steps[at] === k ? this.counts[at] : 0;
  }
}
