/**
 * Points of one trace that arrived since its last redraw, kept as the typed-array chunks
 * the worker sent and joined into one x and one y array when the trace is drawn.
 */
export class PendingSeries {
  private xs: Float64Array[] = [];
  private ys: Float32Array[] = [];
  private n = 0;

  /** Points waiting to be drawn. */
  get length(): number {
    return this.n;
  }

  /** Appends points (times `x`, values `y`, of equal length). */
  append(x: Float64Array, y: Float32Array): void {
    if (x.length !== y.length) throw new Error(`PendingSeries.append: ${x.length} times but ${y.length} values`);
    if (x.length === 0) return;
    this.xs.push(x);
    this.ys.push(y);
    this.n += x.length;
  }

  /** The points appended since the last call, in order, and forgets them. */
  take(): { x: Float64Array; y: Float32Array } {
    const x = new Float64Array(this.n);
    const y = new Float32Array(this.n);
    let at = 0;
    for (let i = 0; i < this.xs.length; i++) {
      x.set(this.xs[i], at);
      y.set(this.ys[i], at);
      at += this.xs[i].length;
    }
    this.xs = [];
    this.ys = [];
    this.n = 0;
    return { x, y };
  }
}
