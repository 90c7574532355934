/**
 * The spikes of a population's last few steps, for plasticity rules that see spikes some
 * steps after they are emitted (axonal or dendritic delay). Slot k mod depth holds the
 * spikes of step k; a slot grows when a step has more spikes than before, so steady state
 * allocates nothing.
 */
export class SpikeQueue {
  /** how many steps are kept (delay + 1) */
  readonly depth: number;
  private readonly slots: Uint32Array[];
  private readonly counts: Int32Array;
  private readonly steps: Float64Array;

  /** @param delay steps between emission and use (>= 1) */
  constructor(delay: number) {
    this.depth = delay + 1;
    this.slots = Array.from({ length: this.depth }, () => new Uint32Array(16));
    this.counts = new Int32Array(this.depth);
    this.steps = new Float64Array(this.depth).fill(-1);
  }

  /** Records the spikes of step k (the first `count` entries of `spikes`). */
  record(k: number, spikes: Uint32Array, count: number): void {
    const at = k % this.depth;
    if (this.slots[at].length < count) this.slots[at] = new Uint32Array(Math.max(count, this.slots[at].length * 2));
    const slot = this.slots[at];
    for (let s = 0; s < count; s++) slot[s] = spikes[s];
    this.counts[at] = count;
    this.steps[at] = k;
  }

  /** Spikes of step k (first `countOf(k)` entries). */
  spikesOf(k: number): Uint32Array {
    return this.slots[((k % this.depth) + this.depth) % this.depth];
  }

  /** Number of spikes recorded for step k; 0 if step k is not (or no longer) kept. */
  countOf(k: number): number {
    if (k < 0) return 0;
    const at = k % this.depth;
    return this.steps[at] === k ? this.counts[at] : 0;
  }
}
