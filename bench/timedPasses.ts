/**
 * The timing loop the throughput benchmarks share: one warm-up pass, then `repeats`
 * timed passes of `ops` operations each; every pass returns a checksum of its results
 * (which keeps the work from being optimised away, and must not change between passes).
 */

/** What {@link timedPasses} measured: operations per second of the median, fastest and slowest pass. */
export interface PassRates {
  readonly checksum: number;
  readonly ops_per_s: number;
  readonly min_ops_per_s: number;
  readonly max_ops_per_s: number;
  /** seconds per operation of the median pass */
  readonly s_per_op: number;
}

function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Times `pass` (see the module comment). `before` runs ahead of every pass, outside the
 * clock (e.g. fresh inputs). `label` names the measurement in the checksum error.
 */
export function timedPasses(label: string, ops: number, repeats: number, pass: () => number, before?: () => void): PassRates {
  before?.();
  const checksum = pass();
  const rates: number[] = [];
  for (let r = 0; r < repeats; r++) {
    before?.();
    const t0 = performance.now();
    const c = pass();
    const s = (performance.now() - t0) / 1000;
    if (c !== checksum) throw new Error(`${label}: checksum changed between passes (${checksum} -> ${c})`);
    rates.push(ops / s);
  }
  const rate = median(rates);
  return { checksum, ops_per_s: rate, min_ops_per_s: Math.min(...rates), max_ops_per_s: Math.max(...rates), s_per_op: 1 / rate };
}
