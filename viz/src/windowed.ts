/**
 * Bookkeeping for a sliding time window over a trace that only grows at its end: how many
 * of its newest points lie inside the window (what Plotly.extendTraces' maxPoints keeps).
 */
export class WindowedCount {
  /** chunks appended: end time of the chunk and its number of points */
  private readonly chunks: { t: number; n: number }[] = [];
  private kept = 0;

  /** Records `n` points appended, the newest at time `t` (ms). */
  add(t: number, n: number): void {
    if (n === 0) return;
    this.chunks.push({ t, n });
    this.kept += n;
  }

  /** Forgets chunks that ended before `start` and returns the points still in the window. */
  keepFrom(start: number): number {
    while (this.chunks.length > 1 && this.chunks[0].t < start) this.kept -= this.chunks.shift()!.n;
    return this.kept;
  }
}
